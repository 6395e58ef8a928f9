package yamlversion

import "bytes"

// As11 returns data with a leading "%YAML 1.N" directive (N other than 1)
// written "%YAML 1.1", padded with spaces to the same length so that
// offsets and lines stay those of the input; data itself is not changed.
// Blank lines, comments and %TAG directives may come before it. Data
// without such a directive, or with a major version other than 1 (left
// for the library to refuse), is returned as it is.
func As11(data []byte) []byte {
	rest := data
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte{'\n'})
		t := bytes.TrimSpace(line)
		switch {
		case len(t) == 0, t[0] == '#', bytes.HasPrefix(t, []byte("%TAG")):
			rest = next
			continue
		case !bytes.HasPrefix(line, []byte("%YAML")):
			return data
		}
		f := bytes.Fields(line[len("%YAML"):])
		if len(f) == 0 || !minor(f[0]) || string(f[0]) == "1.1" {
			return data
		}
		at := len(data) - len(rest) + bytes.Index(line, f[0])
		out := bytes.Clone(data)
		copy(out[at:], "1.1")
		for i := at + 3; i < at+len(f[0]); i++ {
			out[i] = ' '
		}
		return out
	}
	return data
}

// minor reports whether v is "1." followed by one digit or more.
func minor(v []byte) bool {
	if len(v) < 3 || !bytes.HasPrefix(v, []byte("1.")) {
		return false
	}
	return bytes.IndexFunc(v[2:], func(r rune) bool { return r < '0' || r > '9' }) < 0
}
