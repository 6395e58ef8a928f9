package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/google/go-cmp/cmp"
)

// fixture copies an official fixture of ../testdata into dir under the
// official name.
func fixture(t *testing.T, dir, from, name string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", from))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// officialDir returns a directory of official OFAC fixtures: the SDN set
// of testdata/ofac/tiny (17 rows; its alt and add rows of ent_nums the
// excerpt lacks left out) and, standing in for the consolidated non-SDN
// files (same layout), the official Kaspersky rows.
func officialDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for from, name := range map[string]string{
		"ofac/tiny/sdn.csv": "SDN.CSV", "ofac/tiny-alt-filtered.csv": "ALT.CSV", "ofac/tiny/sdn_comments.csv": "SDN_COMMENTS.CSV",
		"ofac/kaspersky/sdn.csv": "cons_prim.csv", "ofac/kaspersky/alt.csv": "Cons_Alt.csv", "ofac/kaspersky/add.csv": "CONS_ADD.CSV",
	} {
		fixture(t, dir, from, name)
	}
	if err := os.WriteFile(filepath.Join(dir, "ADD.CSV"), []byte(tinyAdd(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tinyAdd returns the rows of testdata/ofac/tiny/add.csv whose ent_num is
// in testdata/ofac/tiny/sdn.csv, verbatim.
func tinyAdd(t *testing.T) string {
	t.Helper()
	read := func(name string) []string {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "ofac", "tiny", name))
		if err != nil {
			t.Fatal(err)
		}
		return strings.SplitAfter(string(b), "\n")
	}
	ids := map[string]bool{}
	for _, l := range read("sdn.csv") {
		if id, _, ok := strings.Cut(l, ","); ok {
			ids[id] = true
		}
	}
	var out strings.Builder
	for _, l := range read("add.csv") {
		if id, _, ok := strings.Cut(l, ","); ok && ids[id] {
			out.WriteString(l)
		}
	}
	if out.Len() == 0 {
		t.Fatal("no add.csv row of a tiny/sdn.csv entry")
	}
	return out.String()
}

// outDir returns an empty directory of package lists to write into.
func outDir(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, snapshotDir), 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

// gen runs the generator with args and no environment.
func gen(t *testing.T, env map[string]string, now time.Time, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, &out, func() time.Time { return now })
	return out.String(), err
}

// loadWritten loads a list as the embedded snapshot would: the files the
// generator wrote, under the record's provenance.
func loadWritten(t *testing.T, out string, r lists.SnapshotRecord) *lists.List {
	t.Helper()
	files := recordFiles(filepath.Join(out, snapshotDir, r.ID), r)
	l, err := lists.LoadOFACLegacy(lists.OFACFiles{Primary: files[lists.RolePrimary], Alt: files[lists.RoleAlt],
		Add: files[lists.RoleAdd], Comments: files[lists.RoleComments]}, meta(r))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// loadFixture loads the official fixtures directly.
func loadFixture(t *testing.T, id string, paths lists.OFACPaths) *lists.List {
	t.Helper()
	l, err := lists.LoadOFACLegacyFiles(paths, meta(lists.SnapshotRecord{ID: id}))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// checkWritten checks that the snapshot written into out loads to the
// entries of the official files, with the recorded dates and digests, and
// that the generated Go file and SOURCES.md state them.
func checkWritten(t *testing.T, out string, published, retrieved time.Time) map[string]lists.SnapshotRecord {
	t.Helper()
	recs, err := readManifest(filepath.Join(out, snapshotDir, manifestName))
	if err != nil || len(recs) != 2 {
		t.Fatalf("manifest: %v, %v", recs, err)
	}
	td := filepath.Join("..", "testdata", "ofac")
	add := filepath.Join(t.TempDir(), "add.csv")
	if err := os.WriteFile(add, []byte(tinyAdd(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	want := map[string]*lists.List{
		"ofac-sdn": loadFixture(t, "ofac-sdn", lists.OFACPaths{Primary: filepath.Join(td, "tiny", "sdn.csv"),
			Alt: filepath.Join(td, "tiny-alt-filtered.csv"), Add: add, Comments: filepath.Join(td, "tiny", "sdn_comments.csv")}),
		"ofac-cons": loadFixture(t, "ofac-cons", lists.OFACPaths{Primary: filepath.Join(td, "kaspersky", "sdn.csv"),
			Alt: filepath.Join(td, "kaspersky", "alt.csv"), Add: filepath.Join(td, "kaspersky", "add.csv")}),
	}
	goSrc, err := os.ReadFile(filepath.Join(out, goFileName))
	if err != nil {
		t.Fatal(err)
	}
	rendered, err := renderGo([]lists.SnapshotRecord{recs["ofac-sdn"], recs["ofac-cons"]})
	if err != nil || !bytes.Equal(goSrc, rendered) || !strings.HasPrefix(string(goSrc), goHeader) {
		t.Errorf("%s is not the rendering of the manifest (%v):\n%s", goFileName, err, goSrc)
	}
	sources, err := os.ReadFile(filepath.Join(out, snapshotDir, sourcesName))
	if err != nil {
		t.Fatal(err)
	}
	for id, w := range want {
		r := recs[id]
		if !r.Published.Equal(published) || !r.Retrieved.Equal(retrieved) || r.Entries != len(w.Entries) || r.SHA256 != w.Provenance.SHA256 {
			t.Errorf("%s record = %+v; want published %v, retrieved %v, %d entries, sha256 %s", id, r, published, retrieved,
				len(w.Entries), w.Provenance.SHA256)
		}
		got := loadWritten(t, out, r)
		if diff := cmp.Diff(w.Entries, got.Entries); diff != "" {
			t.Errorf("%s written entries differ (-official +written):\n%s", id, diff)
		}
		if got.Provenance.SHA256 != r.SHA256 || !got.Provenance.Published.Equal(published) {
			t.Errorf("%s written provenance = %+v", id, got.Provenance)
		}
		for _, f := range r.Files {
			b, err := os.ReadFile(filepath.Join(out, snapshotDir, id, f.Name))
			if err != nil || len(b) != f.Size {
				t.Errorf("%s/%s: %d bytes, %v; recorded %d", id, f.Name, len(b), err, f.Size)
			}
			if !strings.Contains(string(sources), f.SHA256) {
				t.Errorf("SOURCES.md lacks %s/%s %s", id, f.Name, f.SHA256)
			}
		}
		for _, s := range []string{r.SHA256, r.Published.Format(time.DateOnly)} {
			if !strings.Contains(string(goSrc), `"`+r.SHA256+`"`) || !strings.Contains(string(sources), s) {
				t.Errorf("%s: the Go file or SOURCES.md lacks %s", id, s)
			}
		}
	}
	return recs
}

func TestGenerateFromDirectory(t *testing.T) {
	t.Parallel()
	out := outDir(t)
	in := officialDir(t)
	published := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	retrieved := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	args := []string{"-out", out, "-dir", in, "-published", "2026-11-20", "-retrieved", "2026-11-21", "-note", "test fixtures"}

	// The first snapshot of this directory is compared with the one
	// compiled in (19,249 SDN entries): 17 rows are refused ...
	_, err := gen(t, nil, retrieved, args...)
	if !errors.Is(err, lists.ErrShrink) || !strings.Contains(err.Error(), "the snapshot embedded in bangate") {
		t.Fatalf("17 rows against the compiled-in snapshot: %v, want ErrShrink", err)
	}
	if ents, _ := os.ReadDir(filepath.Join(out, snapshotDir)); len(ents) != 0 {
		t.Fatalf("a refused run wrote %v", ents)
	}
	// ... unless accepted on purpose.
	msg, err := gen(t, nil, retrieved, append(args, "-allow-shrink")...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "ofac-sdn: 17 entries, published 2026-11-20") {
		t.Errorf("output = %q", msg)
	}
	recs := checkWritten(t, out, published, retrieved)
	if n := recs["ofac-sdn"].Note; !strings.Contains(n, "-published") || !strings.Contains(n, "test fixtures") ||
		!strings.Contains(n, "SDN.CSV, SDN_COMMENTS.CSV") {
		t.Errorf("note = %q", n)
	}
	if fs := recs["ofac-cons"].Files; len(fs) != 3 || fs[0].Name != "cons_prim.csv" || fs[1].Name != "cons_alt.csv" {
		t.Errorf("ofac-cons files = %+v", fs)
	}

	// Again, with the same files: the snapshot in out is the baseline now.
	if _, err := gen(t, nil, retrieved, args...); err != nil {
		t.Fatal(err)
	}
	before := snapshotState(t, out)

	// A shrunken SDN list (2 rows of the 2024-05-03 file) is refused
	// against the 17 entries in out, and out is left as it was.
	small := officialDir(t)
	for from, name := range map[string]string{"ofac/rows-2024-05/sdn.csv": "SDN.CSV", "ofac/rows-2024-05/alt.csv": "ALT.CSV",
		"ofac/rows-2024-05/sdn_comments.csv": "SDN_COMMENTS.CSV"} {
		fixture(t, small, from, name)
	}
	if err := os.Remove(filepath.Join(small, "ADD.CSV")); err != nil {
		t.Fatal(err)
	}
	_, err = gen(t, nil, retrieved, "-out", out, "-dir", small, "-published", "2026-11-27")
	if !errors.Is(err, lists.ErrShrink) || !strings.Contains(err.Error(), "2 entries, the current snapshot has 17") {
		t.Errorf("shrunken input: %v, want ErrShrink against the current snapshot", err)
	}
	if diff := cmp.Diff(before, snapshotState(t, out)); diff != "" {
		t.Errorf("a refused run changed the snapshot:\n%s", diff)
	}

	// A malformed file is refused with its name and line.
	bad := officialDir(t)
	if err := os.WriteFile(filepath.Join(bad, "CONS_ADD.CSV"), []byte("1,2\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = gen(t, nil, retrieved, "-out", out, "-dir", bad, "-published", "2026-11-27", "-lists", "ofac-cons")
	var pe *lists.ParseError
	if !errors.As(err, &pe) || pe.Line != 1 || !strings.Contains(pe.File, "CONS_ADD.CSV") {
		t.Errorf("malformed CONS_ADD.CSV: %v", err)
	}
	if diff := cmp.Diff(before, snapshotState(t, out)); diff != "" {
		t.Errorf("a refused run changed the snapshot:\n%s", diff)
	}

	// One list rebuilt keeps the other's files and record.
	if _, err := gen(t, nil, retrieved, "-out", out, "-dir", in, "-published", "2026-11-27", "-lists", "ofac-cons"); err != nil {
		t.Fatal(err)
	}
	recs2, err := readManifest(filepath.Join(out, snapshotDir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(recs2["ofac-sdn"], recs["ofac-sdn"]) || !recs2["ofac-cons"].Published.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("after rebuilding ofac-cons: %+v", recs2)
	}
}

// snapshotState is every file of a written snapshot, by path.
func snapshotState(t *testing.T, out string) map[string]string {
	t.Helper()
	state := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		state[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return state
}

func TestGenerateFromMirror(t *testing.T) {
	t.Parallel()
	in := officialDir(t)
	// The mirror's files are newer than the compiled-in snapshot, which
	// the first download is compared with.
	modified := time.Date(2026, 11, 30, 14, 5, 0, 0, time.UTC)
	for _, id := range lists.SnapshotIDs() {
		if e, ok := lists.EmbeddedInfo(id); ok && !e.Published.Before(modified) {
			modified = e.Published.Add(24 * time.Hour).Truncate(time.Second).UTC()
		}
	}
	var served atomic.Int64 // the Last-Modified time the mirror sends, Unix seconds
	served.Store(modified.Unix())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/mirror/")
		ents, _ := os.ReadDir(in)
		for _, e := range ents {
			if strings.EqualFold(e.Name(), name) {
				b, err := os.ReadFile(filepath.Join(in, e.Name()))
				if err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				w.Header().Set("Last-Modified", time.Unix(served.Load(), 0).UTC().Format(http.TimeFormat))
				_, _ = w.Write(b)
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)

	out := outDir(t)
	now := modified.Add(18 * time.Hour)
	env := map[string]string{"BANGATE_LISTS_BASE_URL": srv.URL + "/mirror"}
	// CONS_COMMENTS.CSV is missing from the mirror: nothing is written.
	_, err := gen(t, env, now, "-out", out, "-allow-shrink")
	if err == nil || !strings.Contains(err.Error(), "CONS_COMMENTS.CSV: HTTP status 404") {
		t.Fatalf("a mirror lacking a file: %v", err)
	}
	if ents, _ := os.ReadDir(filepath.Join(out, snapshotDir)); len(ents) != 0 {
		t.Fatalf("a refused run wrote %v", ents)
	}
	fixture(t, in, "ofac/tiny/sdn_comments.csv", "CONS_COMMENTS.CSV")
	// The Kaspersky rows stand in for CONS_PRIM.CSV, and the tiny
	// comments row's ent_num is not among them: a continuation of an
	// entry the primary file lacks is refused, naming the file.
	_, err = gen(t, env, now, "-out", out, "-allow-shrink")
	var pe *lists.ParseError
	if !errors.As(err, &pe) || pe.File != "CONS_COMMENTS.CSV" {
		t.Fatalf("comments of an unknown entry: %v", err)
	}
	if err := os.WriteFile(filepath.Join(in, "CONS_COMMENTS.CSV"), []byte("45815,\" \"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg, err := gen(t, env, now, "-out", out, "-allow-shrink")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "downloading ofac-sdn from "+srv.URL) {
		t.Errorf("output = %q", msg)
	}
	recs, err := readManifest(filepath.Join(out, snapshotDir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"ofac-sdn", "ofac-cons"} {
		r := recs[id]
		// The publication date is the mirror's Last-Modified time, and the
		// note says so; the retrieval date is when the files were fetched.
		if !r.Published.Equal(modified) || !r.Retrieved.Equal(now) || !strings.HasPrefix(r.SourceURL, srv.URL+"/mirror/") ||
			!strings.Contains(r.Note, "Last-Modified") || !strings.Contains(r.Note, "mirror "+srv.URL) || len(r.Files) != 4 {
			t.Errorf("%s record = %+v", id, r)
		}
		for _, f := range r.Files {
			if f.Name != strings.ToLower(f.Name) {
				t.Errorf("%s file %s is not named in lower case", id, f.Name)
			}
		}
		l := loadWritten(t, out, r)
		if l.Provenance.Entries != r.Entries || l.Provenance.SHA256 != r.SHA256 {
			t.Errorf("%s loads as %+v, recorded %+v", id, l.Provenance, r)
		}
	}
	if recs["ofac-sdn"].Entries != 17 || recs["ofac-cons"].Entries != 12 {
		t.Errorf("entries: sdn %d, cons %d; want 17, 12", recs["ofac-sdn"].Entries, recs["ofac-cons"].Entries)
	}
	// A download older than the snapshot in out is refused.
	served.Store(modified.Add(-48 * time.Hour).Unix())
	_, err = gen(t, env, now.Add(time.Hour), "-out", out)
	if !errors.Is(err, lists.ErrOlder) {
		t.Errorf("an older download: %v, want ErrOlder", err)
	}
}

// The generator's records of the repository's own snapshot are those the
// package lists compiled in, and snapshot_gen.go is their rendering: a
// hand edit of either is caught.
func TestRepositorySnapshotIsGenerated(t *testing.T) {
	t.Parallel()
	recs, err := readManifest(filepath.Join("..", snapshotDir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	var all []lists.SnapshotRecord
	for _, id := range lists.SnapshotIDs() {
		if r, ok := recs[id]; ok {
			all = append(all, r)
		}
	}
	if diff := cmp.Diff(all, lists.SnapshotRecords()); diff != "" {
		t.Errorf("snapshot/manifest.json and snapshot_gen.go differ (-manifest +compiled):\n%s", diff)
	}
	want, err := renderGo(all)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", goFileName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what the generator renders from snapshot/manifest.json", goFileName)
	}
	doc, err := os.ReadFile(filepath.Join("..", snapshotDir, sourcesName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), tableBegin+"\n"+sourcesTable(all)+tableEnd) {
		t.Errorf("the table of snapshot/SOURCES.md is not what the generator writes")
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-dir", "x"}, "-dir needs -published"},
		{[]string{"-published", "2026-01-01"}, "date the files of -dir"},
		{[]string{"-dir", "x", "-published", "2026-13-01"}, "-published"},
		{[]string{"-dir", "x", "-published", "2026-01-01", "-base-url", "http://m"}, "exclude each other"},
		{[]string{"-lists", "un-sc"}, "not an embedded list"},
		{[]string{"extra"}, "unexpected arguments"},
	} {
		_, err := parseOptions(tt.args, func(string) string { return "" }, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.args, err, tt.want)
		}
	}
	o, err := parseOptions([]string{"-dir", "x", "-published", "2026-01-02T03:04:05Z"}, func(string) string { return "http://mirror" }, io.Discard)
	if err != nil || o.baseURL != "" || !o.published.Equal(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)) || len(o.ids) != 2 {
		t.Errorf("options = %+v, %v", o, err)
	}
}
