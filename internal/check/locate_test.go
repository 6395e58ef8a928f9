package check_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

// Every finding of a check carries the true line and column of its field
// in the input, for each format, whether or not the caller kept the bytes
// after parsing ahead.
func TestFindingsCarryTheirLines(t *testing.T) {
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	s := session(t, plan)
	// want maps a pointer to its line and column in the file.
	tests := []struct {
		file string
		want map[string][2]int
	}{
		{"sbom/kaspersky.cdx.json", map[string][2]int{
			"/components/0/supplier/name":  {12, 19},
			"/components/1/purl":           {15, 6},
			"/components/2/cpe":            {17, 6},
			"/components/3/authors/0/name": {19, 19},
		}},
		{"sbom/kaspersky.spdx", map[string][2]int{"line 20": {20, 1}, "line 17/cpe": {23, 1}}},
		{"sbom/huawei-subsidiary.spdx.json", nil},
		{"procurement/kaspersky-2024-06.csv", map[string][2]int{"row 2, column manufacturer": {2, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "examples", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			in := check.Parse(plan, check.Input{Path: tc.file, Data: data})
			in.Data = nil // dropped after parsing, as the CLI does
			d := s.Run(context.Background(), []check.Input{in}).Decision.Inputs[0]
			res := d.Result
			all := slices.Concat(res.Violations, res.Reviews, res.Warnings, res.Waived)
			if len(all) == 0 {
				t.Fatalf("no findings (error %q)", d.Error)
			}
			for _, v := range all {
				if v.Line < 1 {
					t.Errorf("%s %s: no line for %q", v.Rule, v.Subject.Name, v.Pointer)
					continue
				}
				if w, ok := tc.want[v.Pointer]; ok && (v.Line != w[0] || v.Column != w[1]) {
					t.Errorf("%s %q at %d:%d, want %d:%d", v.Rule, v.Pointer, v.Line, v.Column, w[0], w[1])
				}
			}
			for ptr := range tc.want {
				if !slices.ContainsFunc(all, func(v decision.Violation) bool { return v.Pointer == ptr }) {
					t.Errorf("no finding at %q", ptr)
				}
			}
		})
	}
}

// A progress callback sees every stage of every input, in order.
func TestRunProgress(t *testing.T) {
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	s := session(t, plan)
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "sbom", "kaspersky.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got []check.Progress
	s.RunWith(context.Background(), []check.Input{
		{Path: "a.cdx.json", Data: data},
		check.Parse(plan, check.Input{Path: "b.cdx.json", Data: data}),
		{Path: "bad", Data: []byte("not an sbom")},
	}, check.RunOptions{Progress: func(p check.Progress) { got = append(got, p) }})
	var stages []string
	for _, p := range got {
		stages = append(stages, p.Path+" "+p.Stage)
		if p.Inputs != 3 {
			t.Errorf("%+v: want 3 inputs", p)
		}
	}
	want := []string{
		"a.cdx.json parse", "a.cdx.json screen", "a.cdx.json evaluate", "a.cdx.json locate", "a.cdx.json done",
		"b.cdx.json screen", "b.cdx.json evaluate", "b.cdx.json locate", "b.cdx.json done",
		"bad parse", "bad done",
	}
	if !slices.Equal(stages, want) {
		t.Errorf("stages %q\nwant %q", stages, want)
	}
	for _, p := range got {
		if p.Path == "a.cdx.json" && p.Stage == check.ProgressLocate && (p.Components != 5 || p.Findings == 0) {
			t.Errorf("locate stage: %+v, want 5 components and findings", p)
		}
	}
}
