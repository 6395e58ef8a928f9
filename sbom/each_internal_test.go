package sbom

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
)

// collectSink is a Sink that keeps every batch, to put the document
// back together.
type collectSink struct {
	mu      sync.Mutex
	batches map[int][]Component
	busy    map[int]bool // workers inside Batch
	err     error        // a broken promise of DecodeEach
}

func (c *collectSink) Batch(worker, seq int, comps []Component) error {
	c.mu.Lock()
	if c.batches == nil {
		c.batches, c.busy = map[int][]Component{}, map[int]bool{}
	}
	if _, dup := c.batches[seq]; dup && c.err == nil {
		c.err = fmt.Errorf("batch %d handed over twice", seq)
	}
	if c.busy[worker] && c.err == nil {
		c.err = fmt.Errorf("worker %d in two calls at once", worker)
	}
	c.busy[worker] = true
	c.batches[seq] = comps
	c.mu.Unlock()
	c.mu.Lock()
	c.busy[worker] = false
	c.mu.Unlock()
	return nil
}

func (c *collectSink) Reset() {
	c.mu.Lock()
	c.batches = nil
	c.mu.Unlock()
}

// document puts the batches back into doc, as Decode would have given it.
func (c *collectSink) document(t *testing.T, doc *Document, n int, like *Document) *Document {
	t.Helper()
	if c.err != nil {
		t.Error(c.err)
	}
	if doc == nil {
		return nil
	}
	if doc.Components != nil {
		t.Errorf("DecodeEach kept %d components", len(doc.Components))
	}
	seqs := make([]int, 0, len(c.batches))
	for s := range c.batches {
		seqs = append(seqs, s)
	}
	slices.Sort(seqs)
	var comps []Component
	for _, s := range seqs {
		comps = append(comps, c.batches[s]...)
	}
	if len(comps) != n {
		t.Errorf("DecodeEach counted %d components, handed over %d", n, len(comps))
	}
	if len(comps) == 0 && like != nil {
		comps = like.Components // nil or empty, as Decode gives it
	}
	out := *doc
	out.Components = comps
	return &out
}

// sameEach checks that DecodeEach, and its range-by-range path with parts
// of one component on two workers, give what Decode gives.
func sameEach(t *testing.T, name string, data []byte, want *Document, werr error) {
	t.Helper()
	c := &collectSink{}
	doc, n, err := DecodeEach(data, Options{Name: name}, c)
	compareDecode(t, name, "DecodeEach", want, werr, c.document(t, doc, n, want), err)
	nodeps := want
	if want != nil {
		d := *want
		d.Dependencies = nil
		nodeps = &d
	}
	c = &collectSink{}
	doc, n, err = DecodeEach(data, Options{Name: name, NoDependencies: true}, c)
	compareDecode(t, name, "DecodeEach, no dependencies", nodeps, werr, c.document(t, doc, n, want), err)
	s, err := sniff(data, Options{Name: name}, true)
	if err != nil || s.format != FormatCycloneDXJSON || s.wrap != nil || checkKeys(&s, Options{Name: name}, nil) != nil {
		return
	}
	c = &collectSink{}
	doc, n, ok, err := streamEach(s, Options{Name: name}, c, 1, 2)
	if ok {
		compareDecode(t, name, "DecodeEach, ranges of one", want, werr, c.document(t, doc, n, want), finishErr(err, &s))
	}
	// Without the dependency graph: the same document but for it.
	c = &collectSink{}
	doc, n, ok, err = streamEach(s, Options{Name: name, NoDependencies: true}, c, 1, 2)
	if ok {
		compareDecode(t, name, "DecodeEach, ranges of one, no dependencies", nodeps, werr, c.document(t, doc, n, want), finishErr(err, &s))
	}
}

// errSink fails every batch.
type errSink struct{}

var errSinkFailed = errors.New("sink failed")

func (errSink) Batch(int, int, []Component) error { return errSinkFailed }
func (errSink) Reset()                            {}

// TestDecodeEachSinkError checks that an error of the sink stops the
// decode and comes back as it is, on the range-by-range path and the
// whole-document one.
func TestDecodeEachSinkError(t *testing.T) {
	for _, n := range []int{3, parallelMin + 300} {
		data := genCDXJSON(t, n, false)
		if _, _, err := DecodeEach(data, Options{Name: "gen"}, errSink{}); !errors.Is(err, errSinkFailed) {
			t.Errorf("%d components: error %v, want the sink's", n, err)
		}
	}
}
