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
	k := start
	for _, part := range parts {
		w := part.conv
		next := 0 // next warning of this worker
		for j := range w.doc.Components {
			comp := &c.doc.Components[k]
			if w.explicit[j] {
				if first, dup := c.refs[comp.Ref]; dup {
					c.warn(WarnDuplicateRef, "bom-ref already used by the component at "+first, comp.Pointer)
				} else {
					c.refs[comp.Ref] = comp.Pointer
				}
			}
			for next < len(w.warnComp) && w.warnComp[next] == j {
				c.doc.Warnings = append(c.doc.Warnings, w.doc.Warnings[next])
				next++
			}
			k++
		}
	}
}
