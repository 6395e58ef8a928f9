package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDescribedKeys bounds the keys describe names.
const maxDescribedKeys = 8

// describe says, in a few words, what content that is neither an SBOM nor
// a vendor file looks like, so that the user can tell what bangate took
// the file for: "JSON object with keys: name, version", "XML with root
// element <project>", "text starting with …". It never echoes more than a
// short, cleaned prefix of the input.
func describe(data []byte) string {
	t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(t) == 0 {
		return "empty"
	}
	switch t[0] {
	case '{':
		if keys, ok := objectKeys(t); ok {
			if len(keys) == 0 {
				return "an empty JSON object"
			}
			return "JSON object with keys: " + strings.Join(keys, ", ")
		}
	case '[':
		var elems []json.RawMessage
		if json.Unmarshal(t, &elems) == nil {
			if len(elems) == 0 {
				return "an empty JSON array"
			}
			if keys, ok := objectKeys(bytes.TrimSpace(elems[0])); ok && len(keys) > 0 {
				return "JSON array of " + strconv.Itoa(len(elems)) + " values, the first an object with keys: " + strings.Join(keys, ", ")
			}
			return "JSON array of " + strconv.Itoa(len(elems)) + " values"
		}
	case '<':
		d := xml.NewDecoder(bytes.NewReader(t))
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				return "XML with root element <" + clip(se.Name.Local, 40) + ">"
			}
		}
	}
	first, _, _ := bytes.Cut(t, []byte{'\n'})
	if !utf8.Valid(first) {
		return "binary or not UTF-8 text"
	}
	return "text starting with " + strconv.Quote(clip(string(first), 60))
}

// objectKeys returns the first keys of a JSON object, in their order.
func objectKeys(data []byte) ([]string, bool) {
	d := json.NewDecoder(bytes.NewReader(data))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var keys []string
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return keys, len(keys) > 0
		}
		k, _ := tok.(string)
		if len(keys) < maxDescribedKeys {
			keys = append(keys, clip(k, 40))
		} else if len(keys) == maxDescribedKeys {
			keys = append(keys, "…")
		}
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil && err != io.EOF {
			return keys, len(keys) > 0
		}
	}
	return keys, true
}

// clip cuts s to n runes of printable text.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
