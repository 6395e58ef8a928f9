package lists_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

// fixedNow is the injected clock of the store tests: 2026-11-27 10:00
// UTC, or three days after the newest publication date of the embedded
// snapshot when a release's snapshot is newer, so that the lists the tests
// download (dated a day or so before now) are never older than the
// embedded ones they replace.
var fixedNow = func() time.Time {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, id := range lists.SnapshotIDs() {
		if e, ok := lists.EmbeddedInfo(id); ok && e.Published.Add(72*time.Hour).After(now) {
			now = e.Published.Add(72 * time.Hour).UTC().Truncate(time.Hour)
		}
	}
	return now
}

// consFiles are the official non-SDN files, by request path.
func consFiles(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range []string{"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"} {
		b, err := os.ReadFile(filepath.Join("snapshot", "ofac-cons", n))
		if err != nil {
			t.Fatal(err)
		}
		out["/"+strings.ToUpper(n)] = string(b)
	}
	return out
}

// consSource is an update source for the non-SDN files on base.
func consSource(base string) lists.UpdateSource {
	return lists.UpdateSource{
		Meta:   provenance.List{ID: "ofac-cons", Kind: provenance.KindSanctions, SourceURL: base + "/CONS_PRIM.CSV"},
		Format: lists.FormatOFACLegacy,
		URLs: map[string]string{
			lists.RolePrimary: base + "/CONS_PRIM.CSV", lists.RoleAlt: base + "/CONS_ALT.CSV",
			lists.RoleAdd: base + "/CONS_ADD.CSV", lists.RoleComments: base + "/CONS_COMMENTS.CSV",
		},
	}
}

func TestStoreImportLoad(t *testing.T) {
	t.Parallel()
	st, err := lists.OpenStore(t.TempDir(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load("ofac-cons"); !errors.Is(err, lists.ErrNotStored) {
		t.Fatalf("empty store: error = %v, want ErrNotStored", err)
	}
	kasp := lists.ImportSpec{
		Meta:   provenance.List{ID: "kasp", Published: time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)},
		Format: lists.FormatOFACLegacy,
		Files: map[string]lists.Source{
			lists.RolePrimary: lists.FileSource("testdata/ofac/kaspersky/sdn.csv"),
			lists.RoleAlt:     lists.FileSource("testdata/ofac/kaspersky/alt.csv"),
		},
	}
	imported, err := st.Import(kasp)
	if err != nil {
		t.Fatal(err)
	}
	if !imported.Provenance.Retrieved.Equal(fixedNow()) {
		t.Errorf("retrieved = %v, want the injected clock", imported.Provenance.Retrieved)
	}
	loaded, err := st.Load("kasp")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(imported, loaded); diff != "" {
		t.Errorf("loaded differs from imported (-imported +loaded):\n%s", diff)
	}
	ids, err := st.IDs()
	if err != nil || !cmp.Equal(ids, []string{"kasp"}) {
		t.Errorf("IDs = %v, %v", ids, err)
	}

	// A bad file is refused and the snapshot kept.
	bad := kasp
	bad.Files = map[string]lists.Source{lists.RolePrimary: src("sdn.csv", "1,\"A\"\r\n"), lists.RoleAlt: lists.FileSource("testdata/ofac/kaspersky/alt.csv")}
	if _, err := st.Import(bad); !errors.Is(err, lists.ErrMalformed) {
		t.Errorf("bad import: error = %v, want ErrMalformed", err)
	}
	// A list that lost most of its entries is refused.
	sdn := readTestdata(t, "ofac/kaspersky/sdn.csv")
	first := sdn[:strings.Index(sdn, "\n")+1]
	small := func() lists.ImportSpec {
		s := kasp
		s.Files = map[string]lists.Source{lists.RolePrimary: src("sdn.csv", first), lists.RoleAlt: src("alt.csv", "45815,70791,\"aka\",\"TIKHONOV, Andrey\",-0- \r\n")}
		return s
	}
	if _, err := st.Import(small()); !errors.Is(err, lists.ErrShrink) {
		t.Errorf("shrunken import: error = %v, want ErrShrink", err)
	}
	if l, err := st.Load("kasp"); err != nil || len(l.Entries) != 12 {
		t.Errorf("after refused imports: %v entries, %v", l, err)
	}
	// Unless allowed; then the old one is kept as previous.
	allowed := small()
	allowed.AllowShrink = true
	if _, err := st.Import(allowed); err != nil {
		t.Fatal(err)
	}
	cur, err := st.Load("kasp")
	if err != nil || len(cur.Entries) != 1 {
		t.Fatalf("current: %v, %v", cur, err)
	}
	prev, err := st.Previous("kasp")
	if err != nil || len(prev.Entries) != 12 {
		t.Fatalf("previous: %v, %v", prev, err)
	}
	d := lists.Diff(prev, cur)
	if len(d.Added) != 0 || len(d.Removed) != 11 || len(d.Changed) != 0 {
		t.Errorf("diff: %d added, %d removed, %d changed; want 0, 11, 0", len(d.Added), len(d.Removed), len(d.Changed))
	}
}

func TestStoreDetectsTampering(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	st, err := lists.OpenStore(dir, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(lists.ImportSpec{
		Meta: provenance.List{ID: "x"}, Format: lists.FormatDerivedSDN,
		Files: map[string]lists.Source{lists.RoleFile: lists.FileSource("testdata/derived/ofac-sdn.csv")},
	}); err != nil {
		t.Fatal(err)
	}
	objs, err := filepath.Glob(filepath.Join(dir, "objects", "*"))
	if err != nil || len(objs) != 1 {
		t.Fatalf("objects = %v, %v", objs, err)
	}
	if err := os.WriteFile(objs[0], []byte("uid,name,type,programs,alternate_names\r\n1,A,entity,,\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load("x"); err == nil || !strings.Contains(err.Error(), "does not match its digest") {
		t.Errorf("error = %v, want a digest mismatch", err)
	}
}

func TestStoreUpdate(t *testing.T) {
	t.Parallel()
	files := consFiles(t)
	published := fixedNow().Add(-20 * time.Hour).Truncate(time.Second)
	started := make(chan struct{}, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/good/", func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[strings.TrimPrefix(r.URL.Path, "/good")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Last-Modified", published.Format(http.TimeFormat))
		_, _ = w.Write([]byte(body))
	})
	mux.HandleFunc("/truncated/", func(w http.ResponseWriter, r *http.Request) {
		body := files[strings.TrimPrefix(r.URL.Path, "/truncated")]
		if strings.HasSuffix(r.URL.Path, "CONS_PRIM.CSV") {
			body = body[:len(body)/2] // cut mid-row, as a dropped connection leaves it
		}
		w.Header().Set("Last-Modified", published.Format(http.TimeFormat))
		_, _ = w.Write([]byte(body))
	})
	mux.HandleFunc("/short/", func(w http.ResponseWriter, r *http.Request) {
		// Announces more bytes than it sends.
		body := files[strings.TrimPrefix(r.URL.Path, "/short")]
		w.Header().Set("Content-Length", "999999")
		_, _ = w.Write([]byte(body))
	})
	mux.HandleFunc("/error/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "internal error", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-r.Context().Done() // answers only when the client gives up
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	st, err := lists.OpenStore(t.TempDir(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Update(context.Background(), srv.Client(), []lists.UpdateSource{consSource(srv.URL + "/good")}, lists.UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The files carry no date: the server's Last-Modified is recorded, and
	// the note says so.
	if len(got) != 1 || got[0].Provenance.Entries != 442 || !got[0].Provenance.Published.Equal(published) ||
		!strings.Contains(got[0].Provenance.Note, "Last-Modified time sent by "+srv.URL) {
		t.Fatalf("update = %+v", got)
	}
	want := got[0]

	for _, tt := range []struct {
		name string
		path string
		want string
	}{
		{"truncated", "/truncated", "parse CONS_PRIM.CSV: file does not end with a line break"},
		{"short body", "/short", "unexpected EOF"},
		{"500", "/error", "HTTP status 500"},
	} {
		_, err := st.Update(context.Background(), srv.Client(), []lists.UpdateSource{consSource(srv.URL + tt.path)}, lists.UpdateOptions{})
		if err == nil || !strings.Contains(err.Error(), "update ofac-cons: ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	if _, err := st.Update(ctx, srv.Client(), []lists.UpdateSource{consSource(srv.URL + "/slow")}, lists.UpdateOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("slow: error = %v, want context.Canceled", err)
	}

	// Every failed update left the good snapshot in place.
	cur, err := st.Load("ofac-cons")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, cur); diff != "" {
		t.Errorf("snapshot changed by failed updates (-want +got):\n%s", diff)
	}
}

func TestDiffReusedUID(t *testing.T) {
	t.Parallel()
	old := &lists.List{Entries: []lists.Entry{
		{ID: "1", Name: "A", Programs: []string{"X"}},
		{ID: "2", Name: "B"},
		{ID: "3", Name: "C"},
	}}
	cur := &lists.List{Entries: []lists.Entry{
		{ID: "1", Name: "A", Programs: []string{"X", "Y"}}, // amended
		{ID: "2", Name: "OTHER PARTY"},                     // ent_num reused
		{ID: "3", Name: "C", List: "renamed-list"},         // same content
		{ID: "4", Name: "D"},                               // new
	}}
	d := lists.Diff(old, cur)
	want := lists.ListDiff{
		Added:   []lists.Entry{{ID: "2", Name: "OTHER PARTY"}, {ID: "4", Name: "D"}},
		Removed: []lists.Entry{{ID: "2", Name: "B"}},
		Changed: []lists.Entry{{ID: "1", Name: "A", Programs: []string{"X", "Y"}}},
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
}
