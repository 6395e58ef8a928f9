package sbom

import (
	"runtime"
	"sync"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// parallelMin is the number of top-level components from which the
// conversion is split between two goroutines.
const parallelMin = 4096

// topComponents converts the top-level components. Large lists are split
// in two halves converted concurrently into their own ranges of
// doc.Components; the duplicate-ref check, which depends on file order,
// then runs once over the result. The output is the same as a sequential
// conversion.
func (c *cdxConv) topComponents(list []cdx.Component, root string) {
	if len(list) < parallelMin || runtime.GOMAXPROCS(0) < 2 {
		c.components(list, root, nil)
		return
	}
	half := len(list) / 2
	parts := [2]struct {
		list  []cdx.Component
		first int
		conv  *cdxConv
	}{{list: list[:half], first: 0}, {list: list[half:], first: half}}
	start := len(c.doc.Components)
	at := start
	for i := range parts {
		n := countCDX(&parts[i].list)
		// Each worker appends into its own range of the shared backing
		// array: the capacity is exact, so append never reallocates.
		parts[i].conv = &cdxConv{loc: c.loc, max: c.max, deferRefs: true,
			doc: &Document{Components: c.doc.Components[at : at : at+n]}}
		at += n
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w := parts[1]
		w.conv.componentsFrom(w.list, w.first, root, nil)
	}()
	parts[0].conv.componentsFrom(parts[0].list, parts[0].first, root, nil)
	wg.Wait()

	c.doc.Components = c.doc.Components[:at]
	for i := range parts {
		parts[i].conv.converted = len(parts[i].conv.doc.Components)
	}
	c.mergeParts([]*cdxConv{parts[0].conv, parts[1].conv}, false)
}

// mergeParts completes the components converted in parts (in file order,
// each with deferRefs set and converted counted): the duplicate-ref check,
// which depends on file order, and the warnings in the order a sequential
// conversion gives. With appendComps set the parts' components are
// appended to c.doc.Components; otherwise they are in place already, after
// what c held before them, or were handed to a Sink.
func (c *cdxConv) mergeParts(parts []*cdxConv, appendComps bool) {
	for pi, w := range parts {
		if appendComps {
			c.doc.Components = append(c.doc.Components, w.doc.Components...)
			// The part's copy is garbage now: let it go before the next.
			w.doc.Components = nil
		}
		// next warning, next bom-ref and next hashed bom-ref of this part
		next, nextRef, nextHashed := 0, 0, 0
		for j := range w.converted {
			if nextRef < len(w.explicit) && w.explicit[nextRef].j == j {
				r := w.explicit[nextRef]
				nextRef++
				if first, dup := c.refs.addText(r.ref, r.ptr); dup {
					c.warn(WarnDuplicateRef, "bom-ref already used by the component at "+first, r.ptr)
				}
			}
			if w.hashedAt.has(j) {
				k := nextHashed
				nextHashed++
				if first, ptr, dup := c.refs.addHashed(pi, k); dup {
					c.warn(WarnDuplicateRef, "bom-ref already used by the component at "+first, ptr)
				}
			}
			for next < len(w.warnComp) && w.warnComp[next] == j {
				c.doc.Warnings = append(c.doc.Warnings, w.doc.Warnings[next])
				next++
			}
		}
		w.explicit = nil
	}
}
