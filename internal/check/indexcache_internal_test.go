package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
	"github.com/bangate/bangate/policies"
)

// errDevice is the failure of flakyReader.
var errDevice = errors.New("device gone")

// flakyReader serves an index file, but once broken fails every read of
// bytes that hold mark: the entry reads of one list entry, and no other.
type flakyReader struct {
	data   []byte
	mark   []byte
	broken atomic.Bool
}

func (r *flakyReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := bytes.NewReader(r.data).ReadAt(p, off)
	if r.broken.Load() && bytes.Contains(p[:n], r.mark) {
		return 0, errDevice
	}
	return n, err
}

// TestIndexReadErrorFailsCheck: when an entry of a cached index cannot be
// read during a check, that input cannot be checked (exit 2, stage screen,
// naming the cause), whatever the policies would have made of the
// incomplete match; inputs checked at the same time on the same session
// whose reads succeed are decided normally, and so is the failed input
// once its reads succeed again: a failed read poisons nothing.
func TestIndexReadErrorFailsCheck(t *testing.T) {
	ls, err := LoadLists(policies.FS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	built, err := screen.NewIndex(ls, screen.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	data, err := indexfile.Marshal(built)
	if err != nil {
		t.Fatal(err)
	}
	// The SDN entry of Positive Technologies is the only one that lists
	// its domain.
	r := &flakyReader{data: data, mark: []byte("ptsecurity.com")}
	ix, err := indexfile.Read(r, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	s, err := newScreening(ix)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS})
	if err != nil {
		t.Fatal(err)
	}
	c := &Session{engine: engine, screening: s, plan: Plan{Profile: "all", AsOf: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		FailOn: "low", PolicyInput: PolicyInputDiet, Lists: ListPlan{Stale: StaleError}}}
	check := func(in Input) (decision.Input, int) {
		run := c.Run(context.Background(), []Input{in})
		return run.Decision.Inputs[0], run.Decision.ExitCode
	}
	sbomOf := func(path, supplier string) Input {
		return Input{Path: path, Data: fmt.Appendf(nil, `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
"components":[{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":%q}}]}`, supplier)}
	}
	inputs := []struct {
		in      Input
		flaky   bool   // reads the entry the reader fails
		pointer string // where the input names the party
	}{
		{sbomOf("positive.cdx.json", "Positive Technologies"), true, "/components/0/supplier"},
		{sbomOf("kalashnikov.cdx.json", "JOINT STOCK COMPANY CONCERN KALASHNIKOV"), false, ""},
		{Input{Path: "vendors.json", Data: []byte(`{"vendors":[{"name":"Acme Widgets","country":"US",
"owners":[{"name":"Positive Technologies","percent":60,"country":"RU"}]}]}`)}, true, ""},
	}
	decided := func(in Input) error {
		out, code := check(in)
		if out.Error != "" || out.Outcome != "fail" || code != decision.ExitFail {
			return fmt.Errorf("%s: outcome %s, exit %d, error %q; want fail, decided", in.Path, out.Outcome, code, out.Error)
		}
		return nil
	}
	couldNot := func(in Input, pointer string) error {
		out, code := check(in)
		want := "screen " + in.Path + ": "
		if out.Outcome != decision.OutcomeError || code != decision.ExitError || !strings.HasPrefix(out.Error, want) ||
			!strings.Contains(out.Error, errDevice.Error()) || !strings.Contains(out.Error, "read entry") || !strings.Contains(out.Error, pointer) {
			return fmt.Errorf("%s: outcome %s, exit %d, error %q; want exit 2, an error naming the read, from %q", in.Path, out.Outcome, code, out.Error, want)
		}
		return nil
	}
	for _, tc := range inputs {
		if err := decided(tc.in); err != nil {
			t.Fatalf("before the failure: %v", err)
		}
	}

	r.broken.Store(true)
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(inputs))
	for range 2 {
		for _, tc := range inputs {
			wg.Go(func() {
				for range 3 {
					err := decided(tc.in)
					if tc.flaky {
						err = couldNot(tc.in, tc.pointer)
					}
					if err != nil {
						errs <- fmt.Errorf("while reads fail: %w", err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	r.broken.Store(false)
	for _, tc := range inputs {
		if err := decided(tc.in); err != nil {
			t.Errorf("once reads succeed again: %v", err)
		}
	}
}

// TestDamagedEntryDropsCache: an entry of a cached index that does not
// read as it was written (entries are checked when first read) fails the
// signal that needed it, with ErrFormat, and the cache drops the file, so
// that the next load indexes the lists again.
func TestDamagedEntryDropsCache(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	src := ListSources{Builtin: policies.FS, StoreDir: filepath.Join(dir, "store"), Now: now}
	cache := &IndexCache{Dir: filepath.Join(dir, "index"), Program: "program 1"}
	if _, err := LoadScreening(src, screen.DefaultOptions(), cache); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cache.Dir, "*.idx"))
	if len(files) != 1 {
		t.Fatalf("index files %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// The SDN entry of Positive Technologies, the last place its domain
	// is written (the tables hold it too).
	data[bytes.LastIndex(data, []byte("ptsecurity.com"))] ^= 0x20
	if err := os.WriteFile(files[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The recorded digest is the tables', which the damage leaves as
	// they were: the check of the entry's block is what stands.
	s, err := LoadScreening(src, screen.DefaultOptions(), cache)
	if err != nil {
		t.Fatal(err)
	}
	if s.damaged == nil {
		t.Fatal("the screening was not read from the cache")
	}
	sc := newScreener(s, nil, false)
	if _, err := sc.signal(attribute.Signal{Type: attribute.ValueName, Source: "supplier", Value: "Igor Sechin", Kind: "person"}); err != nil {
		t.Fatalf("an undamaged entry: %v", err)
	}
	_, err = sc.signal(attribute.Signal{Type: attribute.ValueDomain, Source: attribute.SourceURL, Value: "ptsecurity.com", Pointer: "/x"})
	if !errors.Is(err, indexfile.ErrFormat) || !strings.Contains(err.Error(), `domain "ptsecurity.com" at /x`) {
		t.Fatalf("the damaged entry: %v", err)
	}
	if _, err := os.Stat(files[0]); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the damaged file is still there: %v", err)
	}
	again, err := LoadScreening(src, screen.DefaultOptions(), cache)
	if err != nil || again.damaged != nil {
		t.Fatalf("not indexed again: %v", err)
	}
	if ms, err := newScreener(again, nil, false).signal(attribute.Signal{Type: attribute.ValueDomain, Source: attribute.SourceURL, Value: "ptsecurity.com"}); err != nil || len(ms) == 0 {
		t.Fatalf("after indexing again: %v, %v", ms, err)
	}
}
