package procurement_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bangate/bangate/internal/procurement"
)

// edges builds edges from "owner>owned:percent" specs, one row each.
func edges(specs ...string) []procurement.Edge {
	out := make([]procurement.Edge, 0, len(specs))
	for i, s := range specs {
		rel, pct, _ := strings.Cut(s, ":")
		owner, owned, _ := strings.Cut(rel, ">")
		var p float64
		if _, err := fmt.Sscan(pct, &p); err != nil {
			p = math.NaN()
		}
		out = append(out, procurement.Edge{
			Owner: owner, Owned: owned, Percent: p,
			Source: "own.csv", Pointer: fmt.Sprintf("row %d", i+2),
		})
	}
	return out
}

func designatedSet(names ...string) func(string) bool {
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	return func(name string) bool { return set[name] }
}

// summary is the part of an Exposure the table checks.
type summary struct {
	Blocked     bool
	Percent     float64
	LookThrough float64
}

var approx = cmpopts.EquateApprox(0, 1e-9)

func TestAggregate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		edges      []procurement.Edge
		designated []string
		want       map[string]summary
		wantChains map[string][]procurement.Chain
	}{
		{
			// The brief's example: A owns 60% of B, B owns 50% of C. C is
			// 30% owned by A multiplied down, but B is blocked (60% owned
			// by A), so B's whole 50% counts and C is blocked.
			name:       "chain through blocked intermediary counts whole stake",
			edges:      edges("A>B:60", "B>C:50"),
			designated: []string{"A"},
			want: map[string]summary{
				"a": {true, 0, 0},
				"b": {true, 60, 60},
				"c": {true, 50, 30},
			},
			wantChains: map[string][]procurement.Chain{
				"c": {{Path: []string{"A", "B", "C"}, Percent: 30, Counted: 50,
					Edges: []string{"own.csv row 2", "own.csv row 3"}}},
			},
		},
		{
			// OFAC FAQ 401, example 1.
			name:       "FAQ 401 example 1",
			edges:      edges("X>A:50", "A>B:50"),
			designated: []string{"X"},
			want: map[string]summary{
				"x": {true, 0, 0}, "a": {true, 50, 50}, "b": {true, 50, 25},
			},
		},
		{
			// OFAC FAQ 401, example 2: stakes of two blocked
			// intermediaries add up.
			name:       "FAQ 401 example 2",
			edges:      edges("X>A:50", "X>B:50", "A>C:25", "B>C:25"),
			designated: []string{"X"},
			want: map[string]summary{
				"a": {true, 50, 50}, "b": {true, 50, 50}, "c": {true, 50, 25},
			},
			wantChains: map[string][]procurement.Chain{
				"c": {
					{Path: []string{"X", "A", "C"}, Percent: 12.5, Counted: 25,
						Edges: []string{"own.csv row 2", "own.csv row 4"}},
					{Path: []string{"X", "B", "C"}, Percent: 12.5, Counted: 25,
						Edges: []string{"own.csv row 3", "own.csv row 5"}},
				},
			},
		},
		{
			// A direct and an indirect stake add up.
			name:       "direct plus blocked intermediary",
			edges:      edges("X>A:50", "X>B:10", "A>B:40"),
			designated: []string{"X"},
			want:       map[string]summary{"b": {true, 50, 30}},
		},
		{
			// The brief's second case: a vendor 50% owned by two
			// designated persons (25% + 25%) through an intermediate
			// company.
			name:       "two designated persons 25+25 through intermediate",
			edges:      edges("P>Intermediate Co:25", "Q>Intermediate Co:25", "Intermediate Co>Vendor V:100"),
			designated: []string{"P", "Q"},
			want: map[string]summary{
				"intermediate co": {true, 50, 50},
				"vendor v":        {true, 100, 50},
			},
			wantChains: map[string][]procurement.Chain{
				"vendor v": {
					{Path: []string{"P", "Intermediate Co", "Vendor V"}, Percent: 25, Counted: 100,
						Edges: []string{"own.csv row 2", "own.csv row 4"}},
					{Path: []string{"Q", "Intermediate Co", "Vendor V"}, Percent: 25, Counted: 100,
						Edges: []string{"own.csv row 3", "own.csv row 4"}},
				},
			},
		},
		{
			name:       "two designated persons 25+25 direct",
			edges:      edges("P>V:25", "Q>V:25", "Other>V:50"),
			designated: []string{"P", "Q"},
			want:       map[string]summary{"v": {true, 50, 50}},
		},
		{
			// A stake held through an entity that is not blocked does
			// not count, however large the intermediary's own stake.
			name:       "unblocked intermediary passes nothing on",
			edges:      edges("X>A:40", "A>B:100"),
			designated: []string{"X"},
			want: map[string]summary{
				"a": {false, 40, 40}, "b": {false, 0, 40},
			},
			wantChains: map[string][]procurement.Chain{
				"b": {{Path: []string{"X", "A", "B"}, Percent: 40, Counted: 0,
					Edges: []string{"own.csv row 2", "own.csv row 3"}}},
			},
		},
		{
			name:       "just below the threshold",
			edges:      edges("X>A:49.99"),
			designated: []string{"X"},
			want:       map[string]summary{"a": {false, 49.99, 49.99}},
		},
		{
			name:       "float rounding at the threshold",
			edges:      edges("X>A:33.33", "Y>A:16.67"),
			designated: []string{"X", "Y"},
			want:       map[string]summary{"a": {true, 50, 50}},
		},
		{
			name:       "nobody designated",
			edges:      edges("A>B:100"),
			designated: nil,
			want:       map[string]summary{"a": {false, 0, 0}, "b": {false, 0, 0}},
		},
		{
			// A designated intermediary is where chains start: its own
			// owners add nothing further.
			name:       "designated intermediary",
			edges:      edges("X>D:60", "D>E:30", "Y>E:20"),
			designated: []string{"X", "D", "Y"},
			want: map[string]summary{
				"d": {true, 60, 60}, "e": {true, 50, 50},
			},
		},
		{
			name:       "names compared case- and space-insensitively",
			edges:      edges("X>Holding  A:60", "holding a>V:50"),
			designated: []string{"X"},
			want:       map[string]summary{"v": {true, 50, 30}},
		},
		{
			name:       "same stake twice counts once",
			edges:      edges("X>A:30", "X>A:30", "Y>A:20"),
			designated: []string{"X", "Y"},
			want:       map[string]summary{"a": {true, 50, 50}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := procurement.Aggregate(tt.edges, designatedSet(tt.designated...))
			if err != nil {
				t.Fatal(err)
			}
			for key, want := range tt.want {
				x, ok := got[key]
				if !ok {
					t.Fatalf("no exposure for %q", key)
				}
				if diff := cmp.Diff(want, summary{x.Blocked, x.Percent, x.LookThrough}, approx); diff != "" {
					t.Errorf("%s (-want +got):\n%s", key, diff)
				}
			}
			for key, want := range tt.wantChains {
				if diff := cmp.Diff(want, got[key].Chains, approx); diff != "" {
					t.Errorf("%s chains (-want +got):\n%s", key, diff)
				}
			}
		})
	}
}

func TestAggregateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edges []procurement.Edge
		want  []string // substrings of the error
	}{
		{"cycle", edges("A>B:60", "B>C:60", "C>A:60"), []string{"cycle", "own.csv row 2", "own.csv row 3", "own.csv row 4"}},
		{"cycle beside a tree", edges("R>A:10", "A>B:60", "B>A:60"), []string{"cycle", "row 3", "row 4"}},
		{"self owned", edges("A>A:10"), []string{"own.csv: row 2", "own itself"}},
		{"over 100 edge", edges("A>B:120"), []string{"own.csv: row 2", "0–100"}},
		{"negative edge", edges("A>B:-1"), []string{"own.csv: row 2", "0–100"}},
		{"NaN edge", edges("A>B:x"), []string{"own.csv: row 2", "0–100"}},
		{"owners sum over 100", edges("A>C:60", "B>C:50"), []string{"sum to more than 100", "row 2", "row 3"}},
		{"conflicting duplicate", edges("A>B:60", "A>B:40"), []string{"own.csv: row 3", "different stake", "own.csv row 2"}},
		{"empty owner", edges(">B:10"), []string{"own.csv: row 2", "empty owner"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := procurement.Aggregate(tt.edges, designatedSet("A"))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestAggregateChainsTruncated(t *testing.T) {
	t.Parallel()
	var specs []string
	for i := range procurement.MaxChains + 6 {
		specs = append(specs, fmt.Sprintf("X>I%d:1", i), fmt.Sprintf("I%d>V:1", i))
	}
	got, err := procurement.Aggregate(edges(specs...), designatedSet("X"))
	if err != nil {
		t.Fatal(err)
	}
	v := got["v"]
	if !v.ChainsTruncated || len(v.Chains) != procurement.MaxChains {
		t.Errorf("chains = %d, truncated = %v; want %d, true", len(v.Chains), v.ChainsTruncated, procurement.MaxChains)
	}
	if math.Abs(v.LookThrough-0.7) > 1e-9 {
		t.Errorf("look-through = %v, want 0.7", v.LookThrough)
	}
}

func TestReadOwnership(t *testing.T) {
	t.Parallel()
	got, err := procurement.ReadOwnership(strings.NewReader(string(readTestdata(t, "ownership/ownership.csv"))), "ownership.csv", procurement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "ownership.csv.golden", got)
	exp, err := procurement.Aggregate(got, designatedSet("Designated Person X", "Designated Person P", "Designated Person Q"))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "ownership-exposure.golden", exp)
}

func TestReadOwnershipErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"bad header", "a,b,c\nx,y,1\n", []string{"o.csv: row 1", "owner,owned,percent"}},
		{"percent not a number", "owner,owned,percent\nA,B,sixty\n", []string{"o.csv: row 2: column percent", "not a number"}},
		{"percent over 100", "owner,owned,percent\nA,B,101\n", []string{"row 2: column percent", "0–100"}},
		{"empty owned", "owner,owned,percent\nA,,10\n", []string{"row 2: column owned", "empty"}},
		{"too many fields", "owner,owned,percent\nA,B,10,x\n", []string{"row 2", "wrong number of fields"}},
		{"unclosed quote", "owner,owned,percent\n\"A,B,10\n", []string{"row 2"}},
		{"header only", "owner,owned,percent\n", []string{"no records"}},
		{"empty", "", []string{"no header row"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := procurement.ReadOwnership(strings.NewReader(tt.in), "o.csv", procurement.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestVendorEdges(t *testing.T) {
	t.Parallel()
	csv := "vendor,owners\nV1,Holding A:60;Holding B:40\n"
	vs, err := procurement.ReadCSV(strings.NewReader(csv), "v.csv", procurement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	js := `[{"name":"V2","owners":[{"name":"Holding A","percent":100}]}]`
	vj, err := procurement.ReadJSON(strings.NewReader(js), "v.json", procurement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := procurement.VendorEdges(append(vs, vj...))
	want := []procurement.Edge{
		{Owner: "Holding A", Owned: "V1", Percent: 60, Source: "v.csv", Pointer: "row 2 column owners"},
		{Owner: "Holding B", Owned: "V1", Percent: 40, Source: "v.csv", Pointer: "row 2 column owners"},
		{Owner: "Holding A", Owned: "V2", Percent: 100, Source: "v.json", Pointer: "/0/owners/0"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Inline owners and an ownership file combine; the same stake given
	// in both counts once, a different one is an error.
	file := []procurement.Edge{{Owner: "holding a", Owned: "V1", Percent: 60, Source: "o.csv", Pointer: "row 2"}}
	if _, err := procurement.Aggregate(append(got, file...), nil); err != nil {
		t.Errorf("same stake twice: %v", err)
	}
	file[0].Percent = 70
	if _, err := procurement.Aggregate(append(got, file...), nil); err == nil {
		t.Errorf("conflicting stake: err = %v, want an error", err)
	}
}

func TestOwnershipBadFiles(t *testing.T) {
	t.Parallel()
	for file, want := range map[string]string{
		"bad/ownership-cycle.csv":    "cycle through the edges at ownership-cycle.csv row 2; ownership-cycle.csv row 3; ownership-cycle.csv row 4",
		"bad/ownership-over-100.csv": "sum to more than 100: ownership-over-100.csv row 2; ownership-over-100.csv row 3",
	} {
		name := file[len("bad/"):]
		e, err := procurement.ReadOwnership(strings.NewReader(string(readTestdata(t, file))), name, procurement.Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		_, err = procurement.Aggregate(e, designatedSet("A"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", file, err, want)
		}
	}
}
