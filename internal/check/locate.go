package check

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/sbom"
)

// locateFindings gives every finding of res (violations, reviews,
// warnings, waived) the line and column of its pointer in the input's
// bytes. It reads the input once for all the findings, so that its cost
// follows the findings, not the components; a pointer pre placed already
// (the policy input's, placed during evaluation; pre may be nil) is not
// placed again. A pointer it cannot place keeps line 0; an input it cannot
// read for places is an error the caller logs: places help a reader, they
// decide nothing.
func locateFindings(p *parsed, res *decision.Result, pre *prelocated) error {
	lists := []*[]decision.Violation{&res.Violations, &res.Reviews, &res.Warnings, &res.Waived}
	placed := map[string]sbom.Position{}
	var preErr error
	if pre != nil {
		pre.wait()
		placed, preErr = pre.places, pre.err
	}
	var ptrs []string
	for _, vs := range lists {
		for i := range *vs {
			ptr := (*vs)[i].Pointer
			if _, ok := placed[ptr]; !ok && ptr != "" {
				placed[ptr] = sbom.Position{}
				ptrs = append(ptrs, ptr)
			}
		}
	}
	var err error
	if len(ptrs) > 0 {
		err = placeInto(placed, p, ptrs)
	}
	unplaced := false
	for _, vs := range lists {
		for i := range *vs {
			v := &(*vs)[i]
			if at, ok := placed[v.Pointer]; ok && at.Line > 0 {
				v.Line, v.Column = at.Line, at.Column
			} else if v.Pointer != "" {
				unplaced = true
			}
		}
	}
	if !unplaced {
		return nil
	}
	return errors.Join(preErr, err)
}

// locateIn places pointers in the input's bytes by the format it was read
// in; nil when the format has no places bangate can give.
func locateIn(p *parsed, ptrs []string) ([]sbom.Position, error) {
	if p.kind == KindSBOM {
		if p.data == nil {
			return nil, nil
		}
		return sbom.LocatePlaced(p.data, sbom.Format(p.format), ptrs, p.places)
	}
	switch procurement.Format(strings.TrimPrefix(p.format, "procurement-")) {
	case procurement.FormatCSV:
		return rowLines(ptrs), nil
	case procurement.FormatJSON, procurement.FormatOCDS:
		for _, v := range p.vendors {
			if v.Document > 0 {
				// Several JSON values in one file: a pointer does not
				// say which one it is in.
				return nil, nil
			}
		}
		if p.data == nil {
			return nil, nil
		}
		return sbom.LocateJSON(p.data, ptrs)
	case procurement.FormatYAML:
		if p.data == nil {
			return nil, nil
		}
		return sbom.LocateYAML(p.data, ptrs)
	}
	return nil, fmt.Errorf("no places for format %q", p.format)
}

// rowLines places the CSV locators "row N" and "row N, column C" on line
// N, the line where the row starts.
func rowLines(ptrs []string) []sbom.Position {
	out := make([]sbom.Position, len(ptrs))
	for i, ptr := range ptrs {
		rest, ok := strings.CutPrefix(ptr, "row ")
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ",")
		if n, err := strconv.Atoi(num); err == nil && n > 0 {
			out[i] = sbom.Position{Line: n, Exact: true}
		}
	}
	return out
}
