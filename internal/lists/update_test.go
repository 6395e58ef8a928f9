package lists_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// The embedded snapshot's facts that need no parsing are those of the
// parsed lists.
func TestEmbeddedInfo(t *testing.T) {
	t.Parallel()
	ls, err := lists.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		e, ok := lists.EmbeddedInfo(l.Provenance.ID)
		if !ok || e.Entries != l.Provenance.Entries || !e.Published.Equal(l.Provenance.Published) || !e.Retrieved.Equal(l.Provenance.Retrieved) {
			t.Errorf("%s: EmbeddedInfo %+v, %v; the list: %d entries, published %v, retrieved %v", l.Provenance.ID, e, ok,
				l.Provenance.Entries, l.Provenance.Published, l.Provenance.Retrieved)
		}
	}
	if _, ok := lists.EmbeddedInfo("un-sc"); ok {
		t.Error("un-sc is not embedded")
	}
}

// kasperskyMirror serves the twelve official SDN.CSV rows of the
// 2024-06-21 Kaspersky designations (and their ALT.CSV rows) under the
// official SDN file names: a truncated or hostile mirror.
func kasperskyMirror(t *testing.T, modified time.Time) *httptest.Server {
	t.Helper()
	files := map[string]string{
		"/SDN.CSV": readTestdata(t, "ofac/kaspersky/sdn.csv"),
		"/ALT.CSV": readTestdata(t, "ofac/kaspersky/alt.csv"),
		"/ADD.CSV": readTestdata(t, "ofac/kaspersky/add.csv"),
		// One continuation row of an entry the file lists.
		"/SDN_COMMENTS.CSV": "45815,\" \"\r\n",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// sdnSource is the official ofac-sdn source rebased on base.
func sdnSource(t *testing.T, base string) lists.UpdateSource {
	t.Helper()
	for _, s := range lists.DefaultUpdateSources() {
		if s.Meta.ID == "ofac-sdn" {
			return s.Rebase(base)
		}
	}
	t.Fatal("no ofac-sdn source")
	return lists.UpdateSource{}
}

// A first update into an empty store is checked against the embedded
// snapshot: a mirror serving 12 SDN rows does not replace its 19,249
// entries, and the store stays empty. The same holds for an import, unless
// the shrink is allowed.
func TestFirstUpdateCheckedAgainstEmbedded(t *testing.T) {
	t.Parallel()
	srv := kasperskyMirror(t, fixedNow().Add(-time.Hour))
	st, err := lists.OpenStore(t.TempDir(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Update(context.Background(), srv.Client(), []lists.UpdateSource{sdnSource(t, srv.URL)}, lists.UpdateOptions{})
	embedded, _ := lists.EmbeddedInfo("ofac-sdn")
	if !errors.Is(err, lists.ErrShrink) || !strings.Contains(err.Error(), fmt.Sprintf("12 entries, the snapshot embedded in bangate has %d", embedded.Entries)) {
		t.Fatalf("error = %v, want ErrShrink against the embedded snapshot", err)
	}
	if ids, err := st.IDs(); err != nil || len(ids) != 0 {
		t.Fatalf("store holds %v (%v) after a refused first update", ids, err)
	}
	spec := func(allow bool) lists.ImportSpec {
		return lists.ImportSpec{
			Meta:   provenance.List{ID: "ofac-sdn", Published: fixedNow()},
			Format: lists.FormatOFACLegacy,
			Files: map[string]lists.Source{
				lists.RolePrimary: lists.FileSource("testdata/ofac/kaspersky/sdn.csv"),
				lists.RoleAlt:     lists.FileSource("testdata/ofac/kaspersky/alt.csv"),
			},
			AllowShrink: allow,
		}
	}
	if _, err := st.Import(spec(false)); !errors.Is(err, lists.ErrShrink) {
		t.Fatalf("first import: error = %v, want ErrShrink", err)
	}
	if _, err := st.Import(spec(true)); err != nil {
		t.Fatalf("allowed import: %v", err)
	}
}

// The provenance of an update names the address actually fetched (the
// mirror's, and where a redirect led) and the date the source declares:
// the server's Last-Modified for files that carry none, said so in the
// note; a server that sends none makes the update fail, as does a file
// published before the stored one.
func TestUpdateProvenance(t *testing.T) {
	t.Parallel()
	files := consFiles(t)
	var modified atomic.Value
	modified.Store(fixedNow().Add(-26 * time.Hour).Truncate(time.Second))
	mux := http.NewServeMux()
	mux.HandleFunc("/mirror/", func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[strings.TrimPrefix(r.URL.Path, "/mirror")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if m := modified.Load().(time.Time); !m.IsZero() {
			w.Header().Set("Last-Modified", m.Format(http.TimeFormat))
		}
		_, _ = w.Write([]byte(body))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	// The publisher's address answers with a redirect to the mirror, as
	// the OFAC Sanctions List Service does to a signed storage address.
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, srv.URL+"/mirror"+r.URL.Path+"?X-Amz-Signature=secret", http.StatusFound)
	}))
	t.Cleanup(redirector.Close)

	var cons lists.UpdateSource
	for _, s := range lists.DefaultUpdateSources() {
		if s.Meta.ID == "ofac-cons" {
			cons = s
		}
	}
	now := fixedNow()
	clock := func() time.Time { return now }
	st, err := lists.OpenStore(t.TempDir(), clock)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := st.Update(ctx, srv.Client(), []lists.UpdateSource{cons.Rebase(srv.URL + "/mirror")}, lists.UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := got[0].Provenance
	if p.SourceURL != srv.URL+"/mirror/CONS_PRIM.CSV" || !p.Published.Equal(modified.Load().(time.Time)) || !p.Retrieved.Equal(now) {
		t.Errorf("provenance %+v: want the mirror's address, the Last-Modified date and the retrieval time", p)
	}
	for _, want := range []string{"fetched from the mirror " + srv.URL + "/mirror", "Last-Modified time sent by " + srv.URL, "only if the mirror keeps"} {
		if !strings.Contains(p.Note, want) {
			t.Errorf("note %q lacks %q", p.Note, want)
		}
	}

	// Through a redirect: the note names where the files came from, without
	// the signature.
	now = now.Add(time.Hour)
	got, err = st.Update(ctx, srv.Client(), []lists.UpdateSource{cons.Rebase(redirector.URL)}, lists.UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := got[0].Provenance.Note; !strings.Contains(n, "CONS_PRIM.CSV was served by "+srv.URL+"/mirror/CONS_PRIM.CSV after a redirect") || strings.Contains(n, "secret") {
		t.Errorf("note after a redirect: %q", n)
	}
	// The same files again: the current record is renewed (retrieved now),
	// and no previous snapshot appears.
	if got[0].Provenance.SHA256 != p.SHA256 || !got[0].Provenance.Retrieved.Equal(now) {
		t.Errorf("same files: %+v", got[0].Provenance)
	}
	if _, err := st.Previous("ofac-cons"); !errors.Is(err, lists.ErrNotStored) {
		t.Errorf("the same snapshot stored again made a previous one: %v", err)
	}

	// No Last-Modified, and no date in the files: refused, never the
	// download time.
	modified.Store(time.Time{})
	if _, err := st.Update(ctx, srv.Client(), []lists.UpdateSource{cons.Rebase(srv.URL + "/mirror")}, lists.UpdateOptions{}); !errors.Is(err, lists.ErrNoDate) {
		t.Errorf("no date: error = %v, want ErrNoDate", err)
	}
	// Files dated before the stored ones: refused.
	modified.Store(p.Published.Add(-48 * time.Hour))
	if _, err := st.Update(ctx, srv.Client(), []lists.UpdateSource{cons.Rebase(srv.URL + "/mirror")}, lists.UpdateOptions{}); !errors.Is(err, lists.ErrOlder) {
		t.Errorf("older files: error = %v, want ErrOlder", err)
	}
	if cur, err := st.Provenance("ofac-cons"); err != nil || !cur.Published.Equal(p.Published) {
		t.Errorf("stored list changed by refused updates: %+v, %v", cur, err)
	}
}

// One writer at a time: an update waits for another process's, within
// its time limit, and then asks Due again, so that it can skip what the
// other stored meanwhile. Two Stores on one directory lock the file as
// two processes do.
func TestUpdateLock(t *testing.T) {
	t.Parallel()
	files := consFiles(t)
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.URL.Path == "/CONS_PRIM.CSV" {
			select {
			case started <- struct{}{}:
				<-release // the first update holds the lock until released
			default:
			}
		}
		w.Header().Set("Last-Modified", fixedNow().Add(-time.Hour).Format(http.TimeFormat))
		_, _ = w.Write([]byte(files[r.URL.Path]))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	first, err := lists.OpenStore(dir, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	second, err := lists.OpenStore(dir, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	src := []lists.UpdateSource{consSource(srv.URL)}
	done := make(chan error, 1)
	go func() {
		_, err := first.Update(context.Background(), srv.Client(), src, lists.UpdateOptions{})
		done <- err
	}()
	<-started

	// While the first holds the lock, a second with a short limit gives up.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := second.Update(ctx, srv.Client(), src, lists.UpdateOptions{}); err == nil || !strings.Contains(err.Error(), "another bangate is updating it") {
		t.Errorf("second update while the first runs: %v", err)
	}

	// A second that waits sees, under the lock, what the first stored.
	var seen *provenance.List
	waited := make(chan error, 1)
	go func() {
		_, err := second.Update(context.Background(), srv.Client(), src, lists.UpdateOptions{
			Due: func(_ lists.UpdateSource, stored *provenance.List) bool { seen = stored; return stored == nil },
		})
		waited <- err
	}()
	time.Sleep(50 * time.Millisecond)
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := <-waited; err != nil {
		t.Fatal(err)
	}
	if seen == nil || seen.Entries != 442 {
		t.Errorf("Due saw %+v, want the first update's snapshot", seen)
	}
	if n := requests.Load(); n != 4 {
		t.Errorf("%d requests, want the 4 files of the first update only", n)
	}
}

// A refresh gives up at the first source it cannot reach, and says which
// sources it did not try.
func TestUpdateStopWhenUnreachable(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close() // nothing listens there any more
	st, err := lists.OpenStore(t.TempDir(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	sources := lists.RebaseAll(lists.DefaultUpdateSources()[:3], base)
	var started []string
	_, err = st.Update(context.Background(), http.DefaultClient, sources, lists.UpdateOptions{
		StopWhenUnreachable: true,
		Start:               func(s lists.UpdateSource) { started = append(started, s.Meta.ID) },
	})
	if !errors.Is(err, lists.ErrUnreachable) || !strings.Contains(err.Error(), "not tried: ofac-cons, trade-csl") || len(started) != 1 {
		t.Errorf("error = %v, started %v; want ofac-sdn unreachable and the rest not tried", err, started)
	}
}
