package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/sbom"
)

// locateFindings gives every finding of res (violations, reviews,
// warnings, waived) the line and column of its pointer in the input's
// bytes. It runs after evaluation and reads the input once for all the
// findings, so that its cost follows the findings, not the components.
// A pointer it cannot place keeps line 0; an input it cannot read for
// places is an error the caller logs: places help a reader, they decide
// nothing.
func locateFindings(p *parsed, res *decision.Result) error {
	lists := []*[]decision.Violation{&res.Violations, &res.Reviews, &res.Warnings, &res.Waived}
	index := map[string]int{}
	var ptrs []string
	for _, vs := range lists {
		for i := range *vs {
			ptr := (*vs)[i].Pointer
			if _, ok := index[ptr]; !ok && ptr != "" {
				index[ptr] = len(ptrs)
				ptrs = append(ptrs, ptr)
			}
		}
	}
	if len(ptrs) == 0 {
		return nil
	}
	places, err := locateIn(p, ptrs)
	if places == nil {
		return err
	}
	for _, vs := range lists {
		for i := range *vs {
			v := &(*vs)[i]
			if j, ok := index[v.Pointer]; ok && places[j].Line > 0 {
				v.Line, v.Column = places[j].Line, places[j].Column
			}
		}
	}
	return err
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
