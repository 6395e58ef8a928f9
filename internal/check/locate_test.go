package check_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// In an input large enough that its pointers are placed while the
// policies are evaluated, every finding still carries the true line and
// column of its field.
func TestLargeInputFindingsCarryTheirLines(t *testing.T) {
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	s := session(t, plan)
	var b strings.Builder
	b.WriteString("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [\n")
	const n = 60000 // about 6 MiB
	banned := map[int]bool{0: true, n / 2: true, n - 1: true}
	for i := range n {
		if banned[i] {
			fmt.Fprintf(&b, "  {\"type\": \"library\", \"name\": \"kav-%d\", \"supplier\": {\"name\": \"AO Kaspersky Lab\"}}", i)
		} else {
			fmt.Fprintf(&b, "  {\"type\": \"library\", \"name\": \"filler-%d\", \"version\": \"1.0.%d\"}", i, i)
		}
		if i < n-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	data := []byte(b.String())
	if len(data) < 4<<20 {
		t.Fatalf("input of %d bytes: too small to be placed during evaluation", len(data))
	}
	d := s.Run(context.Background(), []check.Input{{Path: "large.cdx.json", Data: data}}).Decision.Inputs[0]
	all := slices.Concat(d.Result.Violations, d.Result.Reviews, d.Result.Warnings, d.Result.Waived)
	seen := map[int]bool{}
	for _, v := range all {
		var i int
		if _, err := fmt.Sscanf(v.Pointer, "/components/%d/supplier/name", &i); err != nil {
			continue
		}
		seen[i] = true
		// Component i is on line i+2; its supplier's "name" starts at
		// the column after `  {"type": "library", "name": "kav-I", "supplier": {`.
		col := len(fmt.Sprintf(`  {"type": "library", "name": "kav-%d", "supplier": {`, i)) + 1
		if v.Line != i+2 || v.Column != col {
			t.Errorf("%s %q at %d:%d, want %d:%d", v.Rule, v.Pointer, v.Line, v.Column, i+2, col)
		}
	}
	for i := range banned {
		if !seen[i] {
			t.Errorf("no finding at component %d (error %q)", i, d.Error)
		}
	}
}
