package sbom

import (
	"encoding/json"
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
//
// With stream set, the parts are read by the streaming decoder
// (streamCDXBOM, cdxStream.componentText) instead, and false also means that
// one of them needs the full decoder.
func unmarshalSplit(body []byte, comps *arraySpan, threshold, workers, maxDepth int, stream bool) (*cdx.BOM, bool) {
	if !comps.splittable(body, threshold, workers, maxDepth) {
		return nil, false
	}
	objs := comps.objects
	// The document without the array: the one copy made of the input, and
	// the array's bytes are not in it.
	rest := make([]byte, 0, len(body)-(comps.close-comps.open+1)+2)
	rest = append(rest, body[:comps.open]...)
	rest = append(rest, "[]"...)
	rest = append(rest, body[comps.close+1:]...)

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
			switch {
			case t == 0 && stream:
				if b, ok := streamCDXBOM(rest); ok {
					bom = *b
				} else {
					err = errStreamGiveUp
				}
			case t == 0:
				err = json.Unmarshal(rest, &bom)
			case stream:
				st := newCDXStream(nil)
				for i := bounds[t-1]; i < bounds[t] && err == nil; i++ {
					if !st.componentText(body[objs[i][0]:objs[i][1]+1], &list[i]) {
						err = errStreamGiveUp
					}
				}
			default:
				for i := bounds[t-1]; i < bounds[t] && err == nil; i++ {
					err = json.Unmarshal(body[objs[i][0]:objs[i][1]+1], &list[i])
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
		if o[1] <= o[0] || !separator(body[prev+1:o[0]], k > 0) {
			return false
		}
		prev = o[1]
	}
	return separator(body[prev+1:a.close], false)
}

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
		i := sort.Search(len(objs), func(i int) bool { return objs[i][0] >= at })
		if i > b[len(b)-1] {
			b = append(b, i)
		}
	}
	return append(b, len(objs))
}
