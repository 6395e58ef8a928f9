package lists_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/google/go-cmp/cmp"
)

// Every default source names each file by its official name, the names
// are distinct (a mirror serves them from one directory), and the
// publisher's URL of a file ends in its name, except the EU's, whose
// download address is a token URL.
func TestDefaultUpdateSourcesNames(t *testing.T) {
	t.Parallel()
	seen := map[string]string{}
	var ids []string
	for _, s := range lists.DefaultUpdateSources() {
		ids = append(ids, s.Meta.ID)
		if len(s.Files) == 0 || len(s.Files) != len(s.URLs) {
			t.Errorf("%s: files %v, urls %v", s.Meta.ID, s.Files, s.URLs)
		}
		for role, name := range s.Files {
			if prev, dup := seen[strings.ToLower(name)]; dup {
				t.Errorf("%s and %s both name a file %s", prev, s.Meta.ID, name)
			}
			seen[strings.ToLower(name)] = s.Meta.ID
			if u := s.URLs[role]; s.Meta.ID != "eu-fsf" && path.Base(u) != name {
				t.Errorf("%s: %s is fetched from %s", s.Meta.ID, name, u)
			}
			if !strings.HasPrefix(s.URLs[role], "https://") {
				t.Errorf("%s: %s is not an https address", s.Meta.ID, s.URLs[role])
			}
		}
	}
	if diff := cmp.Diff([]string{"ofac-sdn", "ofac-cons", "trade-csl", "un-sc", "eu-fsf", "uk-fcdo"}, ids); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}

func TestRebase(t *testing.T) {
	t.Parallel()
	var eu lists.UpdateSource
	for _, s := range lists.DefaultUpdateSources() {
		if s.Meta.ID == "eu-fsf" {
			eu = s
		}
	}
	got := eu.Rebase("http://mirror.example/lists/")
	if want := "http://mirror.example/lists/xmlFullSanctionsList_1_1.xml"; got.URLs[lists.RoleFile] != want || got.Meta.SourceURL != want {
		t.Errorf("rebased EU source: %v, source %s", got.URLs, got.Meta.SourceURL)
	}
	if eu.URLs[lists.RoleFile] != lists.EUSourceURL {
		t.Error("Rebase changed the original source")
	}
}

// officialTestFiles serves, under the official names, real files of each
// format kept in testdata.
var officialTestFiles = map[string]string{
	"consolidated.json":            "csl/consolidated.json",
	"consolidated.xml":             "un/consolidated-excerpt.xml",
	"xmlFullSanctionsList_1_1.xml": "eu/sample_eu_sanctions.xml",
	"UK-Sanctions-List.xml":        "uk/uk-sanctions-list-excerpt.xml",
}

// Update through a mirror: every new source is fetched by its official
// name, parsed, and stored with the date its file declares, or for the
// CSL, which declares none, the server's Last-Modified time.
func TestUpdateNewSourcesFromMirror(t *testing.T) {
	t.Parallel()
	modified := time.Date(2026, 11, 26, 18, 30, 0, 0, time.UTC)
	mux := http.NewServeMux()
	for name, file := range officialTestFiles {
		data := readTestdata(t, file)
		mux.HandleFunc("/mirror/"+name, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
			_, _ = w.Write([]byte(data))
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	var sources []lists.UpdateSource
	for _, s := range lists.DefaultUpdateSources() {
		if !strings.HasPrefix(s.Meta.ID, "ofac-") {
			sources = append(sources, s)
		}
	}
	st, err := lists.OpenStore(t.TempDir(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := st.Update(context.Background(), srv.Client(), lists.RebaseAll(sources, srv.URL+"/mirror"), lists.UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		entries   int
		published time.Time
	}{
		"trade-csl": {6, modified},
		"un-sc":     {5, time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC)},
		"eu-fsf":    {7, time.Date(2020, 4, 15, 13, 29, 22, 497e6, time.UTC)},
		"uk-fcdo":   {3, time.Date(2026, 8, 14, 23, 0, 4, 744e6, time.UTC)},
	}
	if len(stored) != len(want) {
		t.Fatalf("stored %d lists, want %d", len(stored), len(want))
	}
	for _, l := range stored {
		p := l.Provenance
		w := want[p.ID]
		if p.Entries != w.entries || !p.Published.Equal(w.published) || !p.Retrieved.Equal(fixedNow()) ||
			!strings.HasPrefix(p.SourceURL, srv.URL+"/mirror/") {
			t.Errorf("%s: provenance %+v", p.ID, p)
		}
		back, err := st.Load(p.ID)
		if err != nil {
			t.Fatalf("load %s: %v", p.ID, err)
		}
		if diff := cmp.Diff(l.Entries, back.Entries); diff != "" {
			t.Errorf("%s reloaded (-stored +loaded):\n%s", p.ID, diff)
		}
	}
	if csl := stored[0].Provenance; !strings.Contains(csl.Note, "Last-Modified") {
		t.Errorf("trade-csl note %q does not say where its date comes from", csl.Note)
	}
}

// A new source keeps the parse and shrink guards: an unparsable file, or
// one much smaller than the stored list, leaves the stored list in place.
func TestUpdateNewSourceGuards(t *testing.T) {
	t.Parallel()
	full := readTestdata(t, "un/consolidated-excerpt.xml")
	// One record less of five is a 20 % shrink; a cut file does not parse.
	i := strings.Index(full, "    <INDIVIDUAL>")
	j := strings.Index(full, "    </INDIVIDUAL>\n") + len("    </INDIVIDUAL>\n")
	smaller := full[:i] + full[j:]
	body := full
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }))
	t.Cleanup(srv.Close)
	var un lists.UpdateSource
	for _, s := range lists.DefaultUpdateSources() {
		if s.Meta.ID == "un-sc" {
			un = s.Rebase(srv.URL)
		}
	}
	st, err := lists.OpenStore(t.TempDir(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.Update(ctx, srv.Client(), []lists.UpdateSource{un}, lists.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, body, want string }{
		{"cut", full[:len(full)/2], "XML syntax error"},
		{"shrunk", smaller, "much smaller"},
	} {
		body = tc.body
		_, err := st.Update(ctx, srv.Client(), []lists.UpdateSource{un}, lists.UpdateOptions{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "update un-sc") {
			t.Errorf("%s: error %v, want one naming un-sc and %q", tc.name, err, tc.want)
		}
		if l, err := st.Load("un-sc"); err != nil || l.Provenance.Entries != 5 {
			t.Errorf("%s: stored list replaced: %v", tc.name, err)
		}
	}
}
