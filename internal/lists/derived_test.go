package lists_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

func TestLoadDerivedSDN(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadDerivedSDN(src("ofac-sdn.csv", readTestdata(t, "derived/ofac-sdn.csv")), provenance.List{ID: "ofac-sdn"})
	if err != nil {
		t.Fatal(err)
	}
	if !l.Provenance.Derived || l.Provenance.Entries != 47 {
		t.Errorf("provenance = %+v, want Derived and 47 entries (48 lines, one header)", l.Provenance)
	}
	want := lists.Entry{
		ID: "45858", List: "ofac-sdn", Name: "IVANOV, Anton Mikhaylovich", Type: "individual",
		Aliases:  []lists.Alias{{Name: "IVANOV, Anton Mihaylovich", Type: "aka"}, {Name: "IVANOV, Anton", Type: "aka"}},
		Programs: []string{"RUSSIA-EO14024"},
	}
	if diff := cmp.Diff(want, entryByID(t, l, "45858")); diff != "" {
		t.Errorf("45858 (-want +got):\n%s", diff)
	}
	if e := entryByID(t, l, "36"); e.Type != "entity" || e.Name != "AEROCARIBBEAN AIRLINES" {
		t.Errorf("36 = %+v", e)
	}
}

func TestLoadDerivedSDNBad(t *testing.T) {
	t.Parallel()
	good := readTestdata(t, "derived/ofac-sdn.csv")
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "file is empty"},
		{"header only", "uid,name,type,programs,alternate_names\r\n", "no records"},
		{"no header", good[strings.Index(good, "\n")+1:], "line 1: header is not"},
		{"four columns", strings.Replace(good, "36,AEROCARIBBEAN AIRLINES,entity,", "36,AEROCARIBBEAN AIRLINES,", 1), "line 2: wrong number of fields"},
		{"bad uid", strings.Replace(good, "\n36,", "\nX,", 1), "line 2: uid is not a number"},
		{"bad type", strings.Replace(good, "AEROCARIBBEAN AIRLINES,entity", "AEROCARIBBEAN AIRLINES,company", 1), "line 2: uid 36: unknown type"},
		{"duplicate uid", good + "36,OTHER,entity,CUBA,\r\n", "uid 36 listed twice (first at line 2)"},
		{"bad quote", good + "37,\"OTHER,entity,CUBA,\r\n", "extraneous or missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := lists.LoadDerivedSDN(src("ofac-sdn.csv", tt.doc), provenance.List{ID: "t"})
			if err == nil || !errors.Is(err, lists.ErrMalformed) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
