package sbom

import (
	"encoding/json"
	"hash/maphash"
	"sort"
	"sync"
	"sync/atomic"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// splitMin is the number of top-level components from which their JSON
// is decoded in parallel.
const splitMin = 4096

// jsonMaxNesting is encoding/json's own nesting limit. A document nested
// deeper fails as a whole but its components might not, so deeper depth
// limits keep to the sequential decode.
const jsonMaxNesting = 10000

// sinkRange is the largest range of components streamSplit converts
// before it hands them to a sink.
const sinkRange = 4096

// chunksPerWorker is how many ranges of components each worker gets on
// average; small ranges even out the work.
const chunksPerWorker = 8

// unmarshalSplit decodes a CycloneDX JSON text with its top-level
// components array split between workers goroutines: the elements of the
// array (located by the pre-scan in comps) are decoded one by one into a
// preallocated slice, in contiguous ranges, while the rest of the document
// is decoded with the array written as []; the components are then put in
// its place. cdx.BOM and cdx.Component have no UnmarshalJSON of their own
// (a test checks this), so each member decodes independently and the BOM is the one that
// json.Unmarshal of the whole text gives.
//
// It reports false when the document does not qualify (see splittable) or
// when any part fails to decode; the caller then decodes the whole text
// sequentially, which yields the error it always has.
// The streaming decoder's form of it is streamSplit.
func unmarshalSplit(body []byte, comps *arraySpan, threshold, workers, maxDepth int) (*cdx.BOM, bool) {
	if !comps.splittable(body, threshold, workers, maxDepth) {
		return nil, false
	}
	objs := comps.objects
	rest := comps.emptied(body)

	bounds := comps.chunks(workers * chunksPerWorker)
	list := make([]cdx.Component, len(objs))
	var (
		bom    cdx.BOM
		next   atomic.Int64 // next task: 0 is the rest, t > 0 is objs[bounds[t-1]:bounds[t]]
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	work := func() {
		// A panic in a worker goroutine could not be recovered by Decode:
		// mark the split failed, and the sequential decode that follows
		// meets the same panic on the caller's goroutine.
		defer func() {
			if recover() != nil {
				failed.Store(true)
			}
		}()
		for !failed.Load() {
			t := int(next.Add(1) - 1)
			if t >= len(bounds) {
				return
			}
			var err error
			if t == 0 {
				err = json.Unmarshal(rest, &bom)
			} else {
				for i := bounds[t-1]; i < bounds[t] && err == nil; i++ {
					err = json.Unmarshal(objText(body, objs[i]), &list[i])
				}
			}
			if err != nil {
				failed.Store(true)
			}
		}
	}
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if failed.Load() {
		return nil, false
	}
	bom.Components = &list
	return &bom, true
}

// emptied returns a copy of body with the array written as []: the one
// copy the split decoders make of the input, without the array's bytes.
func (a *arraySpan) emptied(body []byte) []byte {
	rest := make([]byte, 0, len(body)-(a.close-a.open+1)+2)
	rest = append(rest, body[:a.open]...)
	rest = append(rest, "[]"...)
	return append(rest, body[a.close+1:]...)
}

// splittable reports whether unmarshalSplit may decode the array's
// elements one by one: at least two workers, at least threshold elements,
// all objects, no case-folded duplicate of the member name, and a depth
// limit within encoding/json's own.
func (a *arraySpan) splittable(body []byte, threshold, workers, maxDepth int) bool {
	n := len(a.objects)
	return workers >= 2 && n >= threshold && n > 0 && a.close > 0 && !a.alias &&
		maxDepth <= jsonMaxNesting && a.objectsOnly(body)
}

// objectsOnly reports whether the array holds nothing but its recorded
// objects, separated by single commas and white space: the JSON grammar
// between the elements, which decoding them one by one would not check.
func (a *arraySpan) objectsOnly(body []byte) bool {
	prev := a.open
	for k, o := range a.objects {
		if int(o[0]) <= prev || o[1] <= o[0] || int(o[1]) >= a.close || !separator(body[prev+1:o[0]], k > 0) {
			return false
		}
		prev = int(o[1])
	}
	return separator(body[prev+1:a.close], false)
}

// objText is the text of the object of body at o, from its '{' to its '}'.
func objText(body []byte, o [2]uint32) []byte { return body[o[0] : o[1]+1] }

// separator reports whether gap is white space around exactly one comma
// (comma set) or only white space.
func separator(gap []byte, comma bool) bool {
	seen := false
	for _, c := range gap {
		switch {
		case isSpace(c):
		case c == ',' && comma && !seen:
			seen = true
		default:
			return false
		}
	}
	return seen == comma
}

// chunks cuts the objects into at most n contiguous ranges of about the
// same number of bytes and returns their ends, after a leading 0 that
// stands for the rest of the document: range t is
// objects[b[t-1]:b[t]].
func (a *arraySpan) chunks(n int) []int {
	objs := a.objects
	n = max(1, min(n, len(objs)))
	b := make([]int, 1, n+1)
	span := a.close - a.open
	for k := 1; k < n; k++ {
		at := a.open + span/n*k
		i := sort.Search(len(objs), func(i int) bool { return int(objs[i][0]) >= at })
		if i > b[len(b)-1] {
			b = append(b, i)
		}
	}
	return append(b, len(objs))
}

// streamSplit is the streaming form of unmarshalSplit that also converts:
// the rest of the document is read by streamCDXBOM (its components array
// written as []), and the workers read the top-level components one at a
// time into a scratch cdx.Component and convert each at once
// (cdxConv.componentsIn, deferRefs set), so that the document's
// components are never held as cyclonedx-go values. It returns the rest
// of the BOM and the converted ranges in file order, for convertCycloneDX
// to complete (mergeParts); false as unmarshalSplit reports it. With sink
// set, each range's components are handed to it (sink.Batch, seq t for
// the range t counted from 1) as soon as they are converted, and not kept;
// an error of the sink stops the decode and is returned. With
// opts.NoDependencies set, the dependencies read are dropped at once.
func streamSplit(body []byte, comps *arraySpan, threshold, workers int, opts Options, sink Sink) (*cdx.BOM, *preConverted, bool, error) {
	maxDepth, maxComps, loc := opts.maxDepth(), opts.maxComponents(), locator{}
	if !comps.splittable(body, threshold, workers, maxDepth) || len(comps.objects) > maxComps {
		return nil, nil, false, nil
	}
	objs := comps.objects
	// The rest of the document is read where it is, not copied.
	rest := newSplicedText(body[:comps.open], []byte("[]"), body[comps.close+1:])

	// Ranges of at most sinkRange components when they go to a sink: the
	// converted components of a range are held until the sink has them.
	nchunks := workers * chunksPerWorker
	if sink != nil {
		nchunks = max(nchunks, (len(objs)+sinkRange-1)/sinkRange)
	}
	bounds := comps.chunks(nchunks)
	parts := make([]*cdxConv, len(bounds)-1)
	seed := maphash.MakeSeed()
	var (
		bom     *cdx.BOM
		next    atomic.Int64 // next task: 0 is the rest, t > 0 is objs[bounds[t-1]:bounds[t]]
		failed  atomic.Bool
		wg      sync.WaitGroup
		sinkErr error
		errOnce sync.Once
	)
	work := func(worker int) {
		// A panic here could not be recovered by Decode: mark the split
		// failed, and the sequential decode that follows meets it again.
		defer func() {
			if recover() != nil {
				failed.Store(true)
			}
		}()
		var (
			st  *cdxStream
			one [1]cdx.Component
		)
		for !failed.Load() {
			t := int(next.Add(1) - 1)
			if t >= len(bounds) {
				return
			}
			if t == 0 {
				b, ok := streamCDXBOMSpliced(rest, opts.NoDependencies)
				if !ok {
					failed.Store(true)
					return
				}
				bom = b
				continue
			}
			if st == nil {
				st = newCDXStream(nil)
			}
			lo, hi := bounds[t-1], bounds[t]
			conv := &cdxConv{loc: loc, max: maxComps, deferRefs: true, hashRefs: true, seed: seed,
				doc: &Document{Components: make([]Component, 0, hi-lo)}, hashed: make([]hashedRef, 0, hi-lo)}
			for i := lo; i < hi; i++ {
				conv.top, conv.topStart = i, len(conv.doc.Components)
				one[0] = cdx.Component{}
				if !st.componentText(objText(body, objs[i]), &one[0]) {
					failed.Store(true)
					return
				}
				conv.componentsIn(one[:], i, "", "components", nil, "")
			}
			conv.converted = len(conv.doc.Components)
			if sink != nil {
				if err := sink.Batch(worker, t, conv.doc.Components); err != nil {
					errOnce.Do(func() { sinkErr = err })
					failed.Store(true)
					return
				}
				conv.doc.Components = nil
			}
			parts[t-1] = conv
		}
	}
	for w := 1; w < workers; w++ {
		wg.Go(func() { work(w) })
	}
	work(0)
	wg.Wait()
	if failed.Load() {
		return nil, nil, false, sinkErr
	}
	return bom, &preConverted{parts: parts, seed: seed, reread: rereader(body, objs, loc, maxComps, seed)}, true, nil
}

// rereader returns a function that converts the top-level component top
// (objs[top] of body) again, as a worker of streamSplit converted it, and
// returns the components converted from it; it keeps the last one it
// converted, which the duplicate-ref check may ask for again.
func rereader(body []byte, objs [][2]uint32, loc locator, maxComps int, seed maphash.Seed) func(top int) []Component {
	var (
		st   *cdxStream
		last = -1
		out  []Component
	)
	return func(top int) []Component {
		if top == last {
			return out
		}
		if st == nil {
			st = newCDXStream(nil)
		}
		var one [1]cdx.Component
		conv := &cdxConv{loc: loc, max: maxComps, deferRefs: true, hashRefs: true, seed: seed, doc: &Document{}}
		out, last = nil, top
		if top < 0 || top >= len(objs) || !st.componentText(objText(body, objs[top]), &one[0]) {
			return nil
		}
		conv.componentsIn(one[:], top, "", "components", nil, "")
		out = conv.doc.Components
		return out
	}
}
