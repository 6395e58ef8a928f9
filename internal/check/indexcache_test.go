package check_test

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/policies"
)

// cacheLog is an IndexCache whose debug log a test reads.
type cacheLog struct {
	buf bytes.Buffer
}

func (c *cacheLog) cache(dir, program string) *check.IndexCache {
	return &check.IndexCache{Dir: dir, Program: program,
		Log: slog.New(slog.NewTextHandler(&c.buf, &slog.HandlerOptions{Level: slog.LevelDebug}))}
}

// took returns what the cache did since the last call: "built" (no file,
// indexed and cached), "cached" (read from the file), "discarded" (a bad
// file, indexed again) or "off".
func (c *cacheLog) took() string {
	s := c.buf.String()
	c.buf.Reset()
	switch {
	case strings.Contains(s, "discarded"):
		return "discarded"
	case strings.Contains(s, "screening index from cache"):
		return "cached"
	case strings.Contains(s, "screening index cached"):
		return "built"
	}
	return "off"
}

func indexFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.idx"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sameScreening: two screenings hold the same lists and answer the
// done-when queries of the sanctions issue alike.
func sameScreening(t *testing.T, a, b *check.Screening) {
	t.Helper()
	if diff := cmp.Diff(a.Lists, b.Lists); diff != "" {
		t.Fatalf("provenance differs:\n%s", diff)
	}
	for _, q := range []screen.Query{
		{Name: "Andrey Tikhonov", Kind: screen.KindPerson}, {Name: "Андрей Тихонов"},
		{Name: "Positive Technologies"}, {Name: "Belletech Corp"}, {Name: "AO Kaspersky Lab"},
		{Name: "Acme", URLs: []string{"https://www.ptsecurity.com/"}},
	} {
		x, errX := a.Index.Party(q)
		y, errY := b.Index.Party(q)
		if errX != nil || errY != nil || !cmp.Equal(x, y) {
			t.Errorf("%+v: %v (%v) vs %v (%v)", q, x, errX, y, errY)
		}
	}
	x, errX := a.Index.PURLNamespace("maven", "com.kaspersky.components")
	y, errY := b.Index.PURLNamespace("maven", "com.kaspersky.components")
	if len(x) == 0 || errX != nil || errY != nil || !cmp.Equal(x, y) {
		t.Errorf("purl namespace: %v (%v) vs %v (%v)", x, errX, y, errY)
	}
}

func TestLoadScreeningCache(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	src := check.ListSources{Builtin: policies.FS, StoreDir: filepath.Join(dir, "store"), Now: now}
	idx := filepath.Join(dir, "index")
	opts := screen.DefaultOptions()
	var log cacheLog

	built, err := check.LoadScreening(src, opts, log.cache(idx, "program 1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := log.took(); got != "built" || len(indexFiles(t, idx)) != 1 {
		t.Fatalf("first load: %s, files %v", got, indexFiles(t, idx))
	}
	cached, err := check.LoadScreening(src, opts, log.cache(idx, "program 1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := log.took(); got != "cached" {
		t.Fatalf("second load: %s", got)
	}
	sameScreening(t, built, cached)
	builtLists, err := built.Loaded()
	if err != nil {
		t.Fatal(err)
	}
	cachedLists, err := cached.Loaded()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(builtLists, cachedLists); diff != "" {
		t.Fatalf("lists differ (-built +cached):\n%s", diff)
	}

	// A file whose tables are damaged is discarded, indexed again and
	// rewritten. (Damaged entries are found when read:
	// TestDamagedEntryDropsCache.)
	file := indexFiles(t, idx)[0]
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data[100] ^= 0xff
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := check.LoadScreening(src, opts, log.cache(idx, "program 1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := log.took(); got != "discarded" {
		t.Fatalf("damaged file: %s", got)
	}
	sameScreening(t, built, again)
	if _, err := check.LoadScreening(src, opts, log.cache(idx, "program 1")); err != nil || log.took() != "cached" {
		t.Fatalf("after rewriting: %v", err)
	}

	// Another program, other options, or another list snapshot: another
	// index.
	for _, tc := range []struct {
		name    string
		program string
		opts    screen.Options
		src     check.ListSources
	}{
		{"program", "program 2", opts, src},
		{"options", "program 1", screen.Options{Match: 0.95, Review: 0.8}, src},
	} {
		if _, err := check.LoadScreening(tc.src, tc.opts, log.cache(idx, tc.program)); err != nil {
			t.Fatal(err)
		}
		if got := log.took(); got != "built" {
			t.Errorf("%s changed: %s, want a new index", tc.name, got)
		}
	}
	// 12 entries instead of the embedded 19,249, on purpose.
	importKaspersky(t, src.StoreDir, now())
	imported, err := check.LoadScreening(src, opts, log.cache(idx, "program 1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := log.took(); got != "built" {
		t.Errorf("after an import: %s, want a new index", got)
	}
	var sdn provenance.List
	for _, p := range imported.Lists {
		if p.ID == "ofac-sdn" {
			sdn = p
		}
	}
	if !sdn.Published.Equal(now()) {
		t.Errorf("after an import, ofac-sdn is %+v; want the imported snapshot", sdn)
	}

	// At most Keep files remain, the newest.
	c := log.cache(idx, "program 3")
	c.Keep = 2
	if _, err := check.LoadScreening(src, opts, c); err != nil {
		t.Fatal(err)
	}
	if n := len(indexFiles(t, idx)); n != 2 || log.took() != "built" {
		t.Errorf("%d index files kept, want 2", n)
	}

	// No program identity, no cache.
	off := t.TempDir()
	if _, err := check.LoadScreening(src, opts, log.cache(off, "")); err != nil {
		t.Fatal(err)
	}
	if got := log.took(); got != "off" || len(indexFiles(t, off)) != 0 {
		t.Errorf("without a program identity: %s, files %v", got, indexFiles(t, off))
	}
}

// A cache directory that cannot be written costs only the indexing.
func TestLoadScreeningUnwritableCache(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	src := check.ListSources{Builtin: policies.FS}
	var log cacheLog
	s, err := check.LoadScreening(src, screen.DefaultOptions(), log.cache(filepath.Join(blocker, "index"), "p"))
	if err != nil || s == nil {
		t.Fatalf("LoadScreening: %v", err)
	}
	if !strings.Contains(log.buf.String(), "not cached") {
		t.Errorf("log does not say the index was not cached:\n%s", log.buf.String())
	}
}

// The index cache is untrusted input: an index file built from a 12-entry
// SDN list, copied over the one built from the full list, is refused (its
// digest is not the recorded one) and rebuilt, so the full list screens;
// so is a file without a record. CachedIndex names the file and the
// snapshots it was built from.
func TestIndexCacheRefusesForeignFile(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	opts := screen.DefaultOptions()
	idx := filepath.Join(dir, "index")
	var log cacheLog
	full := check.ListSources{Builtin: policies.FS, StoreDir: filepath.Join(dir, "full"), Now: now}
	small := check.ListSources{Builtin: policies.FS, StoreDir: filepath.Join(dir, "small"), Now: now}
	importKaspersky(t, small.StoreDir, now())
	built, err := check.LoadScreening(full, opts, log.cache(idx, "p"))
	if err != nil {
		t.Fatal(err)
	}
	fullFile := indexFiles(t, idx)[0]
	if _, err := check.LoadScreening(small, opts, log.cache(idx, "p")); err != nil {
		t.Fatal(err)
	}
	var smallFile string
	for _, f := range indexFiles(t, idx) {
		if f != fullFile {
			smallFile = f
		}
	}
	foreign, err := os.ReadFile(smallFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fullFile, foreign, 0o644); err != nil {
		t.Fatal(err)
	}
	log.took()
	again, err := check.LoadScreening(full, opts, log.cache(idx, "p"))
	if err != nil {
		t.Fatal(err)
	}
	if s := log.buf.String(); !strings.Contains(s, "discarded") || !strings.Contains(s, "is not the recorded") {
		t.Fatalf("foreign file not refused for its digest:\n%s", s)
	}
	log.took()
	sameScreening(t, built, again)
	for _, p := range again.Lists {
		if p.ID == "ofac-sdn" && p.Entries != 19249 {
			t.Errorf("ofac-sdn from the rebuilt index has %d entries", p.Entries)
		}
	}
	// The rebuilt file reads from the cache again.
	if _, err := check.LoadScreening(full, opts, log.cache(idx, "p")); err != nil || log.took() != "cached" {
		t.Fatalf("after rebuilding: %v", err)
	}

	// A file without its record is refused too.
	rec := strings.TrimSuffix(fullFile, ".idx") + ".json"
	if err := os.Remove(rec); err != nil {
		t.Fatal(err)
	}
	if _, err := check.LoadScreening(full, opts, log.cache(idx, "p")); err != nil {
		t.Fatal(err)
	}
	if s := log.buf.String(); !strings.Contains(s, "discarded") || !strings.Contains(s, "no digest recorded") {
		t.Errorf("file without a record:\n%s", s)
	}
	log.took()

	plan := testPlan(t, "federal-contractor", "2026-11-27")
	plan.Lists.StoreDir = full.StoreDir
	path, r, ok, err := check.CachedIndex(plan, check.Sources{Builtin: policies.FS, IndexCache: log.cache(idx, "p"), Now: now})
	if err != nil || !ok || path != fullFile || r.Size < 1<<20 || len(r.Lists) == 0 || len(r.SHA256) != 64 {
		t.Errorf("CachedIndex = %s, %+v, %v, %v", path, r, ok, err)
	}
}

// importKaspersky imports into the store at dir, as the SDN list published
// at, the 12 SDN entries of the Kaspersky leaders (instead of the embedded
// 19,249).
func importKaspersky(t *testing.T, dir string, at time.Time) {
	t.Helper()
	store, err := lists.OpenStore(dir, func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	k := filepath.Join("..", "lists", "testdata", "ofac", "kaspersky")
	if _, err := store.Import(lists.ImportSpec{
		Meta:        provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions, Published: at},
		Format:      lists.FormatOFACLegacy,
		Files:       map[string]lists.Source{lists.RolePrimary: lists.FileSource(filepath.Join(k, "sdn.csv")), lists.RoleAlt: lists.FileSource(filepath.Join(k, "alt.csv"))},
		AllowShrink: true,
	}); err != nil {
		t.Fatal(err)
	}
}
