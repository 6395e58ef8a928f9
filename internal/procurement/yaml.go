package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/bangate/bangate/internal/yamlversion"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

var (
	errYAMLMerge    = errors.New("YAML merge keys (<<) are not supported in vendor files")
	errYAMLExpand   = errors.New("YAML aliases expand the file more than tenfold")
	errYAMLDocs     = errors.New("more than one YAML document")
	errYAMLDepth    = errors.New("YAML nesting too deep")
	errYAMLKey      = errors.New("mapping key is not a scalar")
	errYAMLDupKey   = errors.New("mapping key appears twice")
	errYAMLTag      = errors.New("unsupported YAML tag")
	errYAMLNumber   = errors.New("number is not finite")
	errNotVendorSeq = errors.New("want a sequence of vendor mappings or a mapping with the key vendors")
)

// maxYAMLDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxYAMLDepth = 64

// ReadYAML reads a YAML sequence of vendor mappings, or a mapping whose
// only key is vendors holding that sequence, with the same keys as
// ReadJSON. Numbers keep every digit (amounts are never rounded through
// float64). An alias is read as the node its anchor names, as every YAML
// reader reads it (aliases that expand the file more than tenfold are an
// error); a %YAML 1.x directive is read as YAML 1.1 and 1.2 readers read
// it. Merge keys, custom tags and a second document are errors.
// Pointers are "/3" or "/vendors/3"; errors add the line. opts is
// accepted for a uniform reader signature; no option applies to YAML.
func ReadYAML(r io.Reader, name string, opts Options) ([]Vendor, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return readYAML(data, name)
}

func readYAML(data []byte, name string) ([]Vendor, error) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if !utf8.Valid(data) {
		return nil, inputErr(name, fmt.Sprintf("line %d", invalidUTF8Line(data)), "", errInvalidUTF8)
	}
	if err := checkKeys(data, name, true); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(yamlversion.As11(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read %s: %w", name, ErrNoRecords)
		}
		return nil, inputErr(name, "", "", yamlErr(err))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, inputErr(name, "", "", errYAMLDocs)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) != 1 {
			return nil, inputErr(name, "", "", errNotVendorSeq)
		}
		root = root.Content[0]
	}
	seq, prefix := root, ""
	if root.Kind == yaml.MappingNode {
		hasVendors := false
		for i := 0; i+1 < len(root.Content); i += 2 {
			hasVendors = hasVendors || root.Content[i].Value == "vendors"
		}
		for i := 0; hasVendors && i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; k.Value != "vendors" {
				return nil, inputErr(name, fmt.Sprintf("line %d", k.Line), strconv.Quote(k.Value), errVendorsOnly)
			}
		}
		if len(root.Content) != 2 || root.Content[0].Value != "vendors" {
			return nil, inputErr(name, fmt.Sprintf("line %d", root.Line), "", errNotVendorSeq)
		}
		seq, prefix = root.Content[1], "/vendors"
	}
	if seq.Kind != yaml.SequenceNode {
		return nil, inputErr(name, fmt.Sprintf("line %d", seq.Line), "", errNotVendorSeq)
	}
	items := make([]rawItem, len(seq.Content))
	budget := 10*len(data) + 4096 // what aliases may expand the file to
	for i, n := range seq.Content {
		ptr := prefix + "/" + strconv.Itoa(i)
		var buf bytes.Buffer
		if err := yamlToJSON(n, &buf, 0, &budget); err != nil {
			return nil, inputErr(name, fmt.Sprintf("%s (line %d)", ptr, n.Line), "", err)
		}
		items[i] = rawItem{pointer: ptr, line: n.Line, json: buf.Bytes()}
	}
	return vendorsFromItems(items, name)
}

// yamlErr strips the library's prefix; its messages carry line numbers
// and never the document's values beyond a token.
func yamlErr(err error) error {
	return fmt.Errorf("parse YAML: %w", err)
}

// yamlToJSON writes a YAML node as JSON, keeping the text of numbers. An
// alias is written as the node it names; budget is what the aliases may
// still write, across the file, before the expansion is an error.
func yamlToJSON(n *yaml.Node, b *bytes.Buffer, depth int, budget *int) error {
	if depth > maxYAMLDepth {
		return errYAMLDepth
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return errYAMLTag
		}
		before := b.Len()
		if err := yamlToJSON(n.Alias, b, depth+1, budget); err != nil {
			return err
		}
		if *budget -= b.Len() - before; *budget < 0 {
			return errYAMLExpand
		}
		return nil
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return errNotVendorSeq
		}
		return yamlToJSON(n.Content[0], b, depth+1, budget)
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := yamlToJSON(c, b, depth+1, budget); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case yaml.MappingNode:
		b.WriteByte('{')
		seen := make(map[string]bool, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return errYAMLKey
			}
			if k.Tag == "!!merge" {
				return fmt.Errorf("line %d: %w", k.Line, errYAMLMerge)
			}
			if seen[k.Value] {
				return fmt.Errorf("line %d: %w", k.Line, errYAMLDupKey)
			}
			seen[k.Value] = true
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k.Value)
			b.WriteByte(':')
			if err := yamlToJSON(n.Content[i+1], b, depth+1, budget); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case yaml.ScalarNode:
		return scalarToJSON(n, b)
	default:
		return errYAMLTag
	}
}

func scalarToJSON(n *yaml.Node, b *bytes.Buffer) error {
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		writeJSONString(b, n.Value)
	case "!!binary":
		// A YAML reader gives the decoded bytes ("!!binary QU8g…" is
		// "AO …"): those are the value, and they must be text.
		var s string
		if err := n.Decode(&s); err != nil || !utf8.ValidString(s) {
			return fmt.Errorf("line %d: %w: !!binary that is not base64 of UTF-8 text", n.Line, errYAMLTag)
		}
		writeJSONString(b, s)
	case "!!null":
		b.WriteString("null")
	case "!!bool":
		var v bool
		if err := n.Decode(&v); err != nil {
			return fmt.Errorf("line %d: %w", n.Line, err)
		}
		b.WriteString(strconv.FormatBool(v))
	case "!!int", "!!float":
		s := strings.ReplaceAll(n.Value, "_", "")
		switch {
		case isJSONNumber(s):
			b.WriteString(s)
			return nil
		case isPlainDecimal(n.Value):
			// Leading zeros or a plus sign (a DUNS number such as
			// 004496600): keep the text exactly as written.
			writeJSONString(b, n.Value)
			return nil
		}
		var f float64
		if err := n.Decode(&f); err != nil {
			return fmt.Errorf("line %d: %w", n.Line, errNotDecimal)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("line %d: %w", n.Line, errYAMLNumber)
		}
		b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
	default:
		return fmt.Errorf("line %d: %w", n.Line, errYAMLTag)
	}
	return nil
}

func writeJSONString(b *bytes.Buffer, s string) {
	out, _ := json.Marshal(s) // a string always marshals
	b.Write(out)
}

// isPlainDecimal reports whether s is digits with an optional sign and
// decimal point, such as "004496600", "+5" or "012.50".
func isPlainDecimal(s string) bool {
	s = strings.TrimLeft(s, "+-")
	digits := 0
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// isJSONNumber reports whether s is a number in JSON syntax.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}
