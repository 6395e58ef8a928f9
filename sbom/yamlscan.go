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

// yamlVersion11 returns data with a leading "%YAML 1.N" directive (N other
// than 1) written "%YAML 1.1", padded to the same length so that offsets
// and lines stay those of the input: the YAML libraries refuse every
// version but 1.1, while YAML 1.2 readers read both. A major version
// other than 1 is left for them to refuse.
func yamlVersion11(data []byte) []byte {
	off := 0
	for off < len(data) {
		line := data[off:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		t := bytes.TrimSpace(line)
		switch {
		case len(t) == 0, t[0] == '#', bytes.HasPrefix(t, []byte("%TAG")):
			off += len(line) + 1
			continue
		case !bytes.HasPrefix(line, []byte("%YAML")):
			return data
		}
		f := bytes.Fields(line[len("%YAML"):])
		if len(f) == 0 || !bytes.HasPrefix(f[0], []byte("1.")) || string(f[0]) == "1.1" || len(f[0]) < 3 ||
			bytes.IndexFunc(f[0][2:], func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return data
		}
		at := off + bytes.Index(line, f[0])
		out := bytes.Clone(data)
		copy(out[at:], "1.1")
		for i := at + 3; i < at+len(f[0]); i++ {
			out[i] = ' '
		}
		return out
	}
	return data
}
