package indexfile_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// errDisk is the failure of badSpotReader.
var errDisk = errors.New("disk on fire")

// badSpotReader serves an index file, but once broken fails every read
// that covers the bad spot: the bytes of one entry.
type badSpotReader struct {
	data   []byte
	bad    int // offset of the bad spot
	broken atomic.Bool
}

func (r *badSpotReader) ReadAt(p []byte, off int64) (int, error) {
	if r.broken.Load() && off <= int64(r.bad) && int64(r.bad) < off+int64(len(p)) {
		return 0, errDisk
	}
	return bytes.NewReader(r.data).ReadAt(p, off)
}

// TestReadErrorPerCall: a query that cannot read its entry returns the
// error, naming the entry and the cause; a query that reads other entries
// is answered, at the same time, from other goroutines; and once reads
// succeed again the failed query is answered too: nothing is latched.
func TestReadErrorPerCall(t *testing.T) {
	t.Parallel()
	l := &lists.List{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		{ID: "1", Name: "SECHIN, Igor Ivanovich", Type: "individual"},
		{ID: "2", Name: "Positive Technologies", Type: "entity", Domains: []string{"ptsecurity.com"}},
	}}
	data, err := indexfile.Marshal(newIndex(t, []*lists.List{l}, screen.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	// The entry of Positive Technologies: the last place its domain is
	// written (the tables hold it too, in the identifier table).
	r := &badSpotReader{data: data, bad: bytes.LastIndex(data, []byte("ptsecurity.com"))}
	ix, err := indexfile.Read(r, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	positive := func() ([]screen.Match, error) { return ix.Domain("ptsecurity.com") }
	sechin := func() ([]screen.Match, error) {
		return ix.Name(screen.Query{Name: "Igor Sechin", Kind: screen.KindPerson})
	}
	answered := func(what string, query func() ([]screen.Match, error)) error {
		ms, err := query()
		if err != nil || len(ms) != 1 {
			return errors.New(what + ": not answered")
		}
		return nil
	}
	failed := func(what string, query func() ([]screen.Match, error)) error {
		ms, err := query()
		if !errors.Is(err, errDisk) || !strings.Contains(err.Error(), "read entry 1 of list l") || ms != nil {
			return errors.New(what + ": not the read error")
		}
		return nil
	}
	if err := answered("before", positive); err != nil {
		t.Fatal(err)
	}

	r.broken.Store(true)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for range 50 {
				var err error
				if g%2 == 0 {
					err = failed("broken, Positive Technologies", positive)
				} else {
					err = answered("broken, Sechin", sechin)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := ix.Lists(); !errors.Is(err, errDisk) {
		t.Errorf("Lists while broken: %v", err)
	}

	r.broken.Store(false)
	if err := answered("mended, Positive Technologies", positive); err != nil {
		t.Error(err)
	}
	if e, err := ix.Entry("l", "2"); err != nil || e == nil || e.Name != "Positive Technologies" {
		t.Errorf("Entry once mended: %+v, %v", e, err)
	}
	if ls, err := ix.Lists(); err != nil || len(ls) != 1 || len(ls[0].Entries) != 2 {
		t.Errorf("Lists once mended: %v", err)
	}
}
