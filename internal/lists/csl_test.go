package lists_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

// rimRyongNam is the SDN row 52291 of the CSL excerpt, as every CSL format
// must load it.
var rimRyongNam = lists.Entry{
	ID: "52291", List: "trade-csl", Name: "RIM, Ryong Nam", Type: "individual",
	Programs:      []string{"source:SDN", "NPWMD"},
	IDs:           []lists.Identifier{{Type: "Passport", Number: "836238033", Country: "KP"}},
	Nationalities: []string{"KP"},
	DatesOfBirth:  []string{"1978-12-05"},
}

func TestLoadCSL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		file    string
		load    func(lists.Source, provenance.List) (*lists.List, error)
		entries int
		want    map[string]lists.Entry
	}{
		{
			name: "29 columns with _id", file: "csl/consolidated.csv", load: lists.LoadCSLCSV, entries: 13,
			want: map[string]lists.Entry{
				"52291": rimRyongNam,
				"233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b": {
					ID: "233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b", List: "trade-csl",
					Name: "Sinobright Import and Export Company", Programs: []string{"source:ISN", "INKSNA"},
				},
			},
		},
		{
			name: "JSON", file: "csl/consolidated.json", load: lists.LoadCSLJSON, entries: 6,
			want: map[string]lists.Entry{"52291": rimRyongNam},
		},
		{
			// 115 rows; 5 repeat the source and name of an earlier row
			// without an id (other addresses) and are merged.
			name: "28 columns, 2019", file: "csl/csl.csv", load: lists.LoadCSLCSV, entries: 110,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, err := tt.load(src(tt.file, readTestdata(t, tt.file)), provenance.List{ID: "trade-csl"})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Entries) != tt.entries || l.Provenance.Entries != tt.entries {
				t.Errorf("entries = %d, want %d", len(l.Entries), tt.entries)
			}
			for id, want := range tt.want {
				got := entryByID(t, l, id)
				got.Remarks = ""
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("entry %s (-want +got):\n%s", id, diff)
				}
			}
			for _, e := range l.Entries {
				if e.ID == "" || e.Name == "" || !strings.HasPrefix(e.Programs[0], "source:") {
					t.Errorf("entry %+v lacks id, name or source", e)
				}
			}
		})
	}
}

func TestLoadCSLOldLayoutIDs(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadCSLCSV(src("csl.csv", readTestdata(t, "csl/csl.csv")), provenance.List{ID: "trade-csl"})
	if err != nil {
		t.Fatal(err)
	}
	// The 2019 layout writes ids as "country, number, type".
	var got []lists.Identifier
	for _, e := range l.Entries {
		for _, id := range e.IDs {
			if id.Type == "Matricula Mercantil No" {
				got = append(got, id)
			}
		}
	}
	if want := (lists.Identifier{Type: "Matricula Mercantil No", Number: "1978075", Country: "CO"}); len(got) == 0 || got[0] != want {
		t.Errorf("Matricula ids = %v, want first %v", got, want)
	}
}

func TestLoadCSLBad(t *testing.T) {
	t.Parallel()
	csv29 := readTestdata(t, "csl/consolidated.csv")
	js := readTestdata(t, "csl/consolidated.json")
	header := csv29[:strings.IndexByte(csv29, '\n')+1]
	rimLine := csv29[strings.Index(csv29, "\"52291\""):]
	rimLine = rimLine[:strings.IndexByte(rimLine, '\n')]
	tests := []struct {
		name string
		load func(lists.Source, provenance.List) (*lists.List, error)
		doc  string
		want string
	}{
		{"csv empty", lists.LoadCSLCSV, "", "file is empty"},
		{"csv header only", lists.LoadCSLCSV, header, "no records"},
		{"csv unknown header", lists.LoadCSLCSV, strings.Replace(csv29, "_id,source", "id,source", 1), "line 1: header is neither CSL layout"},
		{"csv short row", lists.LoadCSLCSV, header + "\"a\",\"b\"\n", "line 2: wrong number of fields"},
		{"csv truncated", lists.LoadCSLCSV, csv29[:len(csv29)-40], "extraneous or missing"},
		{"csv empty name", lists.LoadCSLCSV, strings.Replace(csv29, "\"RIM, Ryong Nam\"", "\"\"", 1), "empty name"},
		{"csv bad type", lists.LoadCSLCSV, strings.Replace(csv29, "\"52291\",\"Individual\"", "\"52291\",\"Company\"", 1), "unknown type"},
		{"csv duplicate id", lists.LoadCSLCSV, csv29 + "\n" + strings.Replace(rimLine, "RIM, Ryong Nam", "OTHER", 1), "line 15: id listed twice with different names"},
		{"json empty", lists.LoadCSLJSON, "", "file is empty"},
		{"json not an object", lists.LoadCSLJSON, "[]", "wrong JSON type"},
		{"json no results", lists.LoadCSLJSON, `{"total":0}`, "no results array"},
		{"json empty results", lists.LoadCSLJSON, `{"results":[]}`, "no records"},
		{"json truncated", lists.LoadCSLJSON, js[:len(js)/2], "invalid JSON"},
		{"json syntax", lists.LoadCSLJSON, `{"results":[{"name":}]}`, "line 1: invalid JSON"},
		{"json bad alt_names", lists.LoadCSLJSON, `{"results":[{"source":"s","name":"n","alt_names":{}}]}`, "invalid JSON"},
		{"json no name", lists.LoadCSLJSON, `{"results":[{"source":"s","name":" "}]}`, "results[0]: empty name"},
		{"json trailing", lists.LoadCSLJSON, `{"results":[{"source":"s","name":"n"}]} {}`, "content after the JSON document"},
		{"json duplicate id", lists.LoadCSLJSON, `{"results":[{"id":"1","source":"s","name":"n"},{"id":"1","source":"s","name":"m"}]}`, "results[1]: id listed twice with different names"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.load(src("consolidated", tt.doc), provenance.List{ID: "t"})
			if err == nil {
				t.Fatal("want error")
			}
			if !errors.Is(err, lists.ErrMalformed) || !strings.HasPrefix(err.Error(), "parse consolidated: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}
