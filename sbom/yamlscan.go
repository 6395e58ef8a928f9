package sbom

import (
	"bytes"
	"strconv"
)

// scanYAML checks an SPDX YAML text before it is parsed: it must hold one
// document (a later "---" or "..." marker is trailing data), and neither
// flow collections ([ and {) nor block indentation may nest deeper than
// maxDepth. The check is deliberately simple: quoted scalars are skipped,
// and indentation counts one level per two columns.
func scanYAML(data []byte, maxDepth int) *scanError {
	content := false
	flow := 0
	off := 0
	for len(data) > 0 {
		var line []byte
		if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
			line, data = data[:nl], data[nl+1:]
		} else {
			line, data = data, nil
		}
		start := off
		off += len(line) + 1
		line = bytes.TrimRight(line, "\r")
		trimmed := bytes.TrimLeft(line, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' || (!content && line[0] == '%') { // a directive (%YAML, %TAG)
			continue
		}
		if flow == 0 && len(trimmed) == len(line) && (bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))) &&
			(len(line) == 3 || line[3] == ' ' || line[3] == '\t') {
			if content {
				return &scanError{kind: ErrTrailingData, detail: "a second YAML document", offset: int64(start)}
			}
			continue
		}
		content = true
		if indent := len(line) - len(trimmed); indent/2 > maxDepth {
			return &scanError{kind: ErrTooDeep, detail: "indentation deeper than " + strconv.Itoa(maxDepth) + " levels", offset: int64(start)}
		}
		var quote byte
		for i, c := range trimmed {
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if i == 0 || trimmed[i-1] == ' ' || trimmed[i-1] == '[' || trimmed[i-1] == '{' || trimmed[i-1] == ',' || trimmed[i-1] == ':' {
					quote = c
				}
			case c == '#' && i > 0 && trimmed[i-1] == ' ':
				goto nextLine
			case c == '[' || c == '{':
				flow++
				if flow > maxDepth {
					return &scanError{kind: ErrTooDeep, detail: "flow collections deeper than " + strconv.Itoa(maxDepth) + " levels", offset: int64(start + i)}
				}
			case c == ']' || c == '}':
				if flow > 0 {
					flow--
				}
			}
		}
	nextLine:
	}
	return nil
}
