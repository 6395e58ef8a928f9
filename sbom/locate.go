package sbom

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/bangate/bangate/internal/yamlversion"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// Position is a place in a file, as an editor or a code-scanning service
// shows it.
type Position struct {
	// Line is 1-based; 0 means the pointer could not be placed at all.
	Line int `json:"line"`
	// Column is 1-based and counts Unicode code points from the start of
	// the line (a UTF-8 byte order mark is not counted).
	Column int `json:"column"`
	// Exact is false when the file lacks the place the pointer names (a
	// field derived from another one, such as a purl's namespace written
	// as ".../purl" for an SPDX package whose purl is an external
	// reference): the position is then that of the deepest part of the
	// pointer the file holds.
	Exact bool `json:"exact"`
}

// Locate resolves pointers, as Document, Component, Party and Warning
// pointers are written for a file of format f, to lines and columns in
// data, that file's bytes. It reads data once for the whole batch and
// returns one Position per pointer, in order; a pointer that cannot be
// placed, not even in part, has the zero Position. The cost is one pass
// over data plus the work for the pointers given, so a caller locates
// only what it will show (the findings of a check), not every component.
//
//   - JSON (CycloneDX, SPDX, SPDX 3): RFC 6901 pointers; a member is
//     placed at its name, an array element at its value (LocateJSON).
//   - XML (CycloneDX, SPDX RDF/XML): XPath-like locators
//     ("/bom/components/component[3]/supplier/name"); an element is placed
//     at its start tag (LocateXML).
//   - YAML (SPDX): RFC 6901 pointers over the YAML tree (LocateYAML).
//   - Tag-value (SPDX): "line N" (LocateLines).
//
// In SPDX a package's purl and CPEs are external references, while the
// pointers bangate derives for them name the package ("/packages/3/purl",
// "line 17/cpe", ".../cpes/1"): for SPDX JSON, YAML and tag-value such a
// pointer is placed at the external reference it stands for, the first
// purl or the n-th CPE of the package, as the decoder reads them.
//
// An error says that data is not well-formed in its encoding; the
// positions found before the problem are returned with it.
func Locate(data []byte, f Format, pointers []string) ([]Position, error) {
	// A document read from inside a wrapper's encoded payload or string
	// predicate has pointers "OUTER: INNER" ("/payload: /predicate/…",
	// "/predicate: line 13"): they are placed, inexactly, on the wrapper's
	// field that holds the document.
	var outer []string
	var at []int
	for i, p := range pointers {
		if o, ok := embeddedOuter(p); ok {
			outer, at = append(outer, o), append(at, i)
		}
	}
	if len(outer) == 0 {
		return locateFormat(data, f, pointers)
	}
	out := make([]Position, len(pointers))
	placed, err := LocateJSON(data, outer)
	for j, i := range at {
		if j < len(placed) {
			out[i] = placed[j]
			out[i].Exact = false
		}
	}
	if len(outer) == len(pointers) {
		return out, err
	}
	rest := make([]string, 0, len(pointers)-len(outer))
	var restAt []int
	for i, p := range pointers {
		if !slices.Contains(at, i) {
			rest, restAt = append(rest, p), append(restAt, i)
		}
	}
	inner, ierr := locateFormat(data, f, rest)
	for j, i := range restAt {
		if j < len(inner) {
			out[i] = inner[j]
		}
	}
	return out, errors.Join(err, ierr)
}

// embeddedOuter returns the outer part of a pointer into a document read
// from inside a wrapper ("OUTER: INNER"); ok is false for any other.
func embeddedOuter(p string) (outer string, ok bool) {
	o, _, ok := strings.Cut(p, ": ")
	return o, ok && strings.HasPrefix(o, "/")
}

// locateFormat is Locate for pointers into the document's own encoding.
func locateFormat(data []byte, f Format, pointers []string) ([]Position, error) {
	switch f {
	case FormatCycloneDXJSON:
		return LocateJSON(data, pointers)
	case FormatCycloneDXXML, FormatSPDXRDF:
		return LocateXML(data, pointers)
	case FormatSPDXJSON:
		return locateSPDXJSON(data, pointers)
	case FormatSPDXYAML:
		return locateSPDXYAML(data, pointers)
	case FormatSPDXTagValue:
		return locateSPDXTagValue(data, pointers)
	}
	// A format added later is located by its encoding, named in its ID.
	switch s := string(f); {
	case strings.Contains(s, "json"):
		return LocateJSON(data, pointers)
	case strings.Contains(s, "xml"), strings.Contains(s, "rdf"):
		return LocateXML(data, pointers)
	case strings.Contains(s, "yaml"):
		return LocateYAML(data, pointers)
	case strings.Contains(s, "tag-value"):
		return LocateLines(data, pointers)
	}
	return make([]Position, len(pointers)), fmt.Errorf("locate in %s: %w", f, ErrUnknownFormat)
}

// maxLocateDepth bounds how deep a pointer is followed, so that neither a
// hostile pointer nor a hostile file can make the walk recurse without
// limit; deeper parts of a pointer are left unresolved (Exact false).
const maxLocateDepth = 1024

// ptrNode is one reference token of the pointers being located: the
// pointers form a tree, walked once along the file.
type ptrNode struct {
	children map[string]*ptrNode
	off      int // byte offset in the file; -1 until found
	// start and end delimit the node's value in a JSON text, once
	// found.
	start, end int
}

func newPtrNode() *ptrNode { return &ptrNode{off: -1} }

func (n *ptrNode) child(tok string) *ptrNode {
	if n.children == nil {
		n.children = make(map[string]*ptrNode, 1)
	}
	c := n.children[tok]
	if c == nil {
		c = newPtrNode()
		n.children[tok] = c
	}
	return c
}

// ptrTree holds the pointers of one Locate call: for each pointer the
// chain of nodes its tokens lead through, root first (nil when the
// pointer does not parse).
type ptrTree struct {
	root   *ptrNode
	chains [][]*ptrNode
	nodes  int // nodes in the tree, the root included
}

// newPtrTree builds the tree; tokens splits one pointer into its reference
// tokens (ok false when the pointer does not parse).
func newPtrTree(pointers []string, tokens func(string) ([]string, bool)) *ptrTree {
	t := &ptrTree{root: newPtrNode(), chains: make([][]*ptrNode, len(pointers)), nodes: 1}
	for i, p := range pointers {
		toks, ok := tokens(p)
		if !ok {
			continue
		}
		toks = toks[:min(len(toks), maxLocateDepth)]
		chain := make([]*ptrNode, 0, len(toks)+1)
		n := t.root
		chain = append(chain, n)
		for _, tok := range toks {
			n = n.child(tok)
			chain = append(chain, n)
		}
		t.chains[i] = chain
	}
	t.nodes = countNodes(t.root)
	return t
}

func countNodes(n *ptrNode) int {
	c := 1
	for _, ch := range n.children {
		c += countNodes(ch)
	}
	return c
}

// positions turns the offsets found into positions: the deepest node of
// each chain that was found stands for the pointer. The root stands only
// for the empty pointer: placing a pointer none of whose tokens the file
// holds at the start of the document would say nothing.
func (t *ptrTree) positions(data []byte) []Position {
	out := make([]Position, len(t.chains))
	deepest := func(chain []*ptrNode) int {
		if len(chain) == 1 {
			if chain[0].off >= 0 {
				return 0
			}
			return -1
		}
		for j := len(chain) - 1; j >= 1; j-- {
			if chain[j].off >= 0 {
				return j
			}
		}
		return -1
	}
	var offs []int
	for _, chain := range t.chains {
		if j := deepest(chain); j >= 0 {
			offs = append(offs, chain[j].off)
		}
	}
	lc := lineColumns(data, offs)
	for i, chain := range t.chains {
		if j := deepest(chain); j >= 0 {
			p := lc[chain[j].off]
			p.Exact = j == len(chain)-1
			out[i] = p
		}
	}
	return out
}

// lineColumnsSplitFrom is the number of bytes before the last offset
// from which lineColumns counts them on several goroutines.
const lineColumnsSplitFrom = 8 << 20

// lineColumns maps byte offsets to lines and columns in one pass over
// data, cut in pieces counted on up to runtime.GOMAXPROCS goroutines when
// the offsets reach far into it.
func lineColumns(data []byte, offs []int) map[int]Position {
	return lineColumnsIn(data, offs, runtime.GOMAXPROCS(0), lineColumnsSplitFrom, countBlock)
}

// lineColumnsIn is lineColumns on up to n goroutines when the last offset
// is at least splitFrom bytes into data, reading at most block bytes a
// call (countLines).
func lineColumnsIn(data []byte, offs []int, n, splitFrom, block int) map[int]Position {
	out := make(map[int]Position, len(offs))
	if len(offs) == 0 {
		return out
	}
	offs = slices.Clone(offs)
	slices.Sort(offs)
	offs = slices.Compact(offs)
	pos := 0
	if bytes.HasPrefix(data, utf8BOM) {
		pos = len(utf8BOM)
	}
	clamp := func(off int) int { return max(min(off, len(data)), pos) }
	last := clamp(offs[len(offs)-1])
	bounds := []int{pos, last}
	if n >= 2 && last-pos >= splitFrom {
		bounds = splitText(data, pos, last, n)
	}
	// Piece k counts from bounds[k] to the offsets in
	// [bounds[k], bounds[k+1]), the last piece to last too, and then to
	// its end.
	type piece struct {
		offs []int
		rel  []lineCol
		tail lineCol
	}
	pieces := make([]piece, len(bounds)-1)
	i := 0
	for k := range pieces {
		j := i
		for j < len(offs) && (clamp(offs[j]) < bounds[k+1] || k == len(pieces)-1) {
			j++
		}
		pieces[k].offs, i = offs[i:j], j
	}
	var wg sync.WaitGroup
	for k := range pieces {
		count := func() {
			p := &pieces[k]
			p.rel, p.tail = countLines(data, bounds[k], p.offs, bounds[k+1], clamp, block)
		}
		if k == len(pieces)-1 {
			count()
		} else {
			wg.Go(count)
		}
	}
	wg.Wait()
	line, col := 1, 1 // at the start of the piece
	for _, p := range pieces {
		for j, off := range p.offs {
			out[off] = p.rel[j].from(line, col)
		}
		end := p.tail.from(line, col)
		line, col = end.Line, end.Column
	}
	return out
}

// splitText cuts data[from:to] into up to n pieces of about the same size
// and returns their bounds, from first and to last; no bound is inside a
// UTF-8 sequence, so that counting the code points of the pieces counts
// those of the whole.
func splitText(data []byte, from, to, n int) []int {
	b := []int{from}
	for k := 1; k < n; k++ {
		at := from + (to-from)/n*k
		for at < to && !utf8.RuneStart(data[at]) {
			at++
		}
		if at > b[len(b)-1] && at < to {
			b = append(b, at)
		}
	}
	return append(b, to)
}

// countBlock is the most bytes countLines reads in one call.
const countBlock = 1 << 20

// lineCol is a place counted from the start of a piece of text: the
// newlines passed, and the code points since the last of them or, with
// none, since the start.
type lineCol struct{ lines, cols int }

// from is the position of c in a piece that starts at line and col.
func (c lineCol) from(line, col int) Position {
	if c.lines == 0 {
		return Position{Line: line, Column: col + c.cols}
	}
	return Position{Line: line + c.lines, Column: 1 + c.cols}
}

// countLines counts from pos to each of offs (ascending once clamped, none
// before pos) and then to end, reading at most about block bytes a call.
func countLines(data []byte, pos int, offs []int, end int, clamp func(int) int, block int) ([]lineCol, lineCol) {
	rel := make([]lineCol, len(offs))
	var at lineCol
	to := func(o int) {
		for pos < o {
			// A block at a time: one call of IndexByte's assembly over
			// hundreds of megabytes could not be preempted, and would
			// keep other goroutines (one that lets the pages of a mapped
			// input go) off the core meanwhile.
			b := min(o, pos+block)
			for b < o && !utf8.RuneStart(data[b]) {
				b++
			}
			// Counted in one pass over the block, not found one newline
			// at a time: a pretty-printed SBOM has a line every few dozen
			// bytes, and a call a line cost four times the count.
			if n := bytes.Count(data[pos:b], []byte{'\n'}); n > 0 {
				pos += bytes.LastIndexByte(data[pos:b], '\n') + 1
				at = lineCol{lines: at.lines + n}
			}
			at.cols += utf8.RuneCount(data[pos:b])
			pos = b
		}
	}
	for j, off := range offs {
		to(clamp(off))
		rel[j] = at
	}
	to(max(end, pos))
	return rel, at
}

// jsonTokens splits an RFC 6901 pointer into its unescaped reference
// tokens.
func jsonTokens(p string) ([]string, bool) {
	if p == "" {
		return nil, true
	}
	if p[0] != '/' {
		return nil, false
	}
	toks := strings.Split(p[1:], "/")
	for i, t := range toks {
		if strings.Contains(t, "~") {
			if strings.Contains(strings.NewReplacer("~0", "", "~1", "").Replace(t), "~") {
				return nil, false // "~" must be followed by 0 or 1
			}
			toks[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(t)
		}
	}
	return toks, true
}

// LocateJSON resolves RFC 6901 JSON pointers in a JSON text (see Locate).
// An object member is placed at the opening quote of its name, an array
// element and the whole document at the first character of the value.
// Member names match as encoding/json matches struct fields: exactly, or
// else ignoring case; of two members that match, the later one counts.
func LocateJSON(data []byte, pointers []string) ([]Position, error) {
	t, err := walkJSON(data, pointers, nil)
	return t.positions(data), err
}

// walkJSON finds the nodes of pointers in a JSON text, going straight to
// the top-level components places gives (nil: reading the text up to
// them).
func walkJSON(data []byte, pointers []string, places *ComponentPlaces) (*ptrTree, error) {
	t := newPtrTree(pointers, jsonTokens)
	s := &jsonLocator{data: data, places: places}
	switch {
	case places != nil:
		s.pos = places.base
	case bytes.HasPrefix(data, utf8BOM):
		s.pos = len(utf8BOM)
	}
	s.space()
	err := s.value(t.root, s.pos, 0)
	if err != nil {
		err = fmt.Errorf("locate in JSON: %w", err)
	}
	return t, err
}

// jsonLocator walks a JSON text, descending only into the members and
// elements some pointer names and skipping the rest.
type jsonLocator struct {
	data []byte
	pos  int
	buf  []byte // scratch for array indexes
	// places, when set, are those of the top-level components: the walk
	// goes straight to the ones it needs (placedArray).
	places *ComponentPlaces
}

// syntax is the error for a problem at s.pos.
func (s *jsonLocator) syntax(what string) error {
	return &DecodeError{Kind: ErrSyntax, Detail: what, Offset: int64(s.pos), op: "locate"}
}

func (s *jsonLocator) space() {
	for s.pos < len(s.data) && isSpace(s.data[s.pos]) {
		s.pos++
	}
}

// value reads the value at s.pos for node n, which it places at offset
// at, at the given depth. A later visit of the same node (a second member
// matching the same name) replaces the first, as it does in encoding/json.
func (s *jsonLocator) value(n *ptrNode, at, depth int) error {
	if s.pos >= len(s.data) {
		return s.syntax("value expected")
	}
	n.off, n.start = at, s.pos
	var err error
	switch {
	case len(n.children) == 0 || depth >= maxLocateDepth:
		err = s.skip()
	case s.data[s.pos] == '{':
		err = s.object(n, depth)
	case s.data[s.pos] == '[':
		err = s.array(n, depth)
	default:
		err = s.skip()
	}
	n.end = s.pos
	return err
}

func (s *jsonLocator) object(n *ptrNode, depth int) error {
	s.pos++ // {
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		return nil
	}
	for {
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return s.syntax("member name expected")
		}
		keyAt := s.pos
		end, ok := stringEnd(s.data, s.pos+1)
		if !ok {
			return s.syntax("unterminated string")
		}
		key, err := jsonKey(s.data[s.pos : end+1])
		if err != nil {
			return s.syntax("invalid string escape")
		}
		s.pos = end + 1
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return s.syntax("':' expected")
		}
		s.pos++
		s.space()
		c := n.children[string(key)]
		if c == nil {
			for tok, x := range n.children {
				if foldEqual(tok, key) {
					c = x
					break
				}
			}
		}
		switch {
		case s.places != nil && depth == 0 && s.pos == s.places.base+s.places.open:
			if err := s.placedArray(c, keyAt, depth+1); err != nil {
				return err
			}
		case c == nil:
			if err := s.skip(); err != nil {
				return err
			}
		default:
			if err := s.value(c, keyAt, depth+1); err != nil {
				return err
			}
		}
		s.space()
		if s.pos >= len(s.data) {
			return s.syntax("object not closed")
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.syntax("',' or '}' expected")
		}
	}
}

func (s *jsonLocator) array(n *ptrNode, depth int) error {
	s.pos++ // [
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return nil
	}
	for i := 0; ; i++ {
		s.space()
		s.buf = strconv.AppendInt(s.buf[:0], int64(i), 10)
		if c := n.children[string(s.buf)]; c != nil {
			if err := s.value(c, s.pos, depth+1); err != nil {
				return err
			}
		} else if err := s.skip(); err != nil {
			return err
		}
		s.space()
		if s.pos >= len(s.data) {
			return s.syntax("array not closed")
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.syntax("',' or ']' expected")
		}
	}
}

// foldEqual reports whether a member name equals tok up to case, as
// encoding/json compares them; ASCII names are compared without
// allocating.
func foldEqual(tok string, name []byte) bool {
	if len(tok) != len(name) {
		if isASCII(tok) && bytes.IndexFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
			return false
		}
		return strings.EqualFold(tok, string(name))
	}
	for i := 0; i < len(tok); i++ {
		a, b := tok[i], name[i]
		if a >= utf8.RuneSelf || b >= utf8.RuneSelf {
			return strings.EqualFold(tok, string(name))
		}
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// skip passes over the value at s.pos without recursion.
func (s *jsonLocator) skip() error {
	if s.pos >= len(s.data) {
		return s.syntax("value expected")
	}
	switch c := s.data[s.pos]; c {
	case '"':
		end, ok := stringEnd(s.data, s.pos+1)
		if !ok {
			return s.syntax("unterminated string")
		}
		s.pos = end + 1
		return nil
	case '{', '[':
		depth := 0
		for s.pos < len(s.data) {
			switch s.data[s.pos] {
			case '"':
				end, ok := stringEnd(s.data, s.pos+1)
				if !ok {
					return s.syntax("unterminated string")
				}
				s.pos = end
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.pos++
					return nil
				}
			}
			s.pos++
		}
		return s.syntax("unbalanced brackets")
	case '}', ']', ',', ':':
		return s.syntax("value expected")
	default:
		start := s.pos
		for s.pos < len(s.data) {
			switch s.data[s.pos] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				if s.pos == start {
					return s.syntax("value expected")
				}
				return nil
			}
			s.pos++
		}
		return nil
	}
}

// xmlTokens splits an XML locator into steps, each "name[i]" with the
// index made explicit ("component" is "component[1]").
func xmlTokens(p string) ([]string, bool) {
	if p == "" || p[0] != '/' {
		return nil, false
	}
	toks := strings.Split(p[1:], "/")
	for i, t := range toks {
		name, idx, ok := xmlStep(t)
		if !ok {
			return nil, false
		}
		toks[i] = name + "[" + strconv.Itoa(idx) + "]"
	}
	return toks, true
}

// xmlStep reads "name" or "name[i]" (i >= 1).
func xmlStep(t string) (string, int, bool) {
	name, rest, indexed := strings.Cut(t, "[")
	if name == "" {
		return "", 0, false
	}
	if !indexed {
		return name, 1, true
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	if err != nil || n < 1 || !strings.HasSuffix(rest, "]") {
		return "", 0, false
	}
	return name, n, true
}

// xmlLocFrame is one open element on the walk whose node has children:
// the node, how many children of each name it has had so far, and the
// namespaces it declares.
type xmlLocFrame struct {
	node    *ptrNode
	local   map[string]int // by local name (CycloneDX locators)
	prefixd map[string]int // by prefixed name (SPDX RDF locators)
	ns      [][2]string    // xmlns declarations: prefix ("" for the default), URI
}

// LocateXML resolves XPath-like locators (see Locate) in an XML text. A
// step names an element by its local name ("component"), or by the prefix
// bangate gives its namespace and its local name ("spdx:Package",
// "rdf:RDF"), whatever prefix the file itself uses; "name[i]" is the i-th
// child of that name (1-based) and "name" the first. An element is placed
// at the "<" of its start tag.
//
// It reads tags without building them: elements off every pointer's path
// are passed over by counting their depth. It does not check that the
// text is well-formed XML (the decoder did); a tag, comment or section
// left open is an ErrSyntax error.
func LocateXML(data []byte, pointers []string) ([]Position, error) {
	t := newPtrTree(pointers, xmlTokens)
	var (
		stack = []xmlLocFrame{{node: t.root, local: map[string]int{}, prefixd: map[string]int{}}}
		skip  int // depth inside an element off every path
		found int
		i     int
		err   error
	)
	for found < t.nodes-1 {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := data[i:]
		var end int
		markup, isMarkup := xmlMarkupEnd(rest)
		switch {
		case isMarkup:
			end = markup
		case bytes.HasPrefix(rest, []byte("</")):
			end = indexEnd(rest, ">")
			switch {
			case skip > 0:
				skip--
			case len(stack) > 1:
				stack = stack[:len(stack)-1]
			}
		default:
			end = tagEnd(rest)
			if end < 0 {
				break
			}
			empty := rest[end-2] == '/'
			if skip > 0 {
				if !empty {
					skip++
				}
				break
			}
			c := xmlChild(stack, rest[:end])
			if c != nil && c.off < 0 {
				c.off = i
				found++
			}
			if empty {
				break
			}
			if c == nil || len(c.children) == 0 || len(stack) >= maxLocateDepth {
				skip = 1
				break
			}
			stack = append(stack, xmlLocFrame{node: c, local: map[string]int{}, prefixd: map[string]int{}, ns: xmlnsDecls(rest[:end])})
		}
		if end < 0 {
			err = fmt.Errorf("locate in XML: %w", &DecodeError{Kind: ErrSyntax, Detail: "a tag, comment or section is not closed", Offset: int64(i), op: "locate"})
			break
		}
		i += end
	}
	return t.positions(data), err
}

// xmlChild counts the start tag tag among the children of the top frame
// and returns the node it stands for, or nil.
func xmlChild(stack []xmlLocFrame, tag []byte) *ptrNode {
	top := &stack[len(stack)-1]
	qname := xmlQName(tag)
	prefix, local, ok := strings.Cut(qname, ":")
	if !ok {
		prefix, local = "", qname
	}
	uri := ""
	if decls := xmlnsDecls(tag); len(decls) > 0 {
		uri, ok = lookupNS(decls, prefix)
		if !ok {
			uri = xmlNamespace(stack, prefix)
		}
	} else {
		uri = xmlNamespace(stack, prefix)
	}
	prefixed := rdfPrefixes[uri] + local
	top.local[local]++
	var c *ptrNode
	if prefixed != local {
		top.prefixd[prefixed]++
		c = top.node.children[prefixed+"["+strconv.Itoa(top.prefixd[prefixed])+"]"]
	}
	if c == nil {
		c = top.node.children[local+"["+strconv.Itoa(top.local[local])+"]"]
	}
	return c
}

// xmlQName is the qualified name of the start tag tag ("<s:Package ...").
func xmlQName(tag []byte) string {
	j := 1
	for j < len(tag) && !isSpace(tag[j]) && tag[j] != '>' && tag[j] != '/' {
		j++
	}
	return string(tag[1:j])
}

// xmlnsDecls reads the namespace declarations of a start tag.
func xmlnsDecls(tag []byte) [][2]string {
	if !bytes.Contains(tag, []byte("xmlns")) {
		return nil
	}
	var out [][2]string
	j := len(xmlQName(tag)) + 1
	for j < len(tag) {
		for j < len(tag) && (isSpace(tag[j]) || tag[j] == '/' || tag[j] == '>') {
			j++
		}
		k := j
		for k < len(tag) && tag[k] != '=' && !isSpace(tag[k]) && tag[k] != '>' {
			k++
		}
		name := string(tag[j:k])
		for k < len(tag) && (isSpace(tag[k]) || tag[k] == '=') {
			k++
		}
		if k >= len(tag) || (tag[k] != '"' && tag[k] != '\'') {
			break
		}
		q := bytes.IndexByte(tag[k+1:], tag[k])
		if q < 0 {
			break
		}
		value := string(tag[k+1 : k+1+q])
		switch {
		case name == "xmlns":
			out = append(out, [2]string{"", value})
		case strings.HasPrefix(name, "xmlns:"):
			out = append(out, [2]string{name[len("xmlns:"):], value})
		}
		j = k + 1 + q + 1
	}
	return out
}

func lookupNS(decls [][2]string, prefix string) (string, bool) {
	for _, d := range decls {
		if d[0] == prefix {
			return d[1], true
		}
	}
	return "", false
}

// xmlNamespace is the URI prefix stands for in the open elements.
func xmlNamespace(stack []xmlLocFrame, prefix string) string {
	for k := len(stack) - 1; k >= 0; k-- {
		if uri, ok := lookupNS(stack[k].ns, prefix); ok {
			return uri
		}
	}
	return ""
}

// xmlMarkupEnd returns, when b starts with markup that is not an element
// tag (a comment, a CDATA section, a processing instruction or a
// declaration such as DOCTYPE, with its internal subset), the offset just
// after it (-1 when it is not closed), and true; else false.
func xmlMarkupEnd(b []byte) (int, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		return indexEnd(b, "-->"), true
	case bytes.HasPrefix(b, []byte("<![CDATA[")):
		return indexEnd(b, "]]>"), true
	case bytes.HasPrefix(b, []byte("<?")):
		return indexEnd(b, "?>"), true
	case bytes.HasPrefix(b, []byte("<!")):
		return directiveEnd(b), true
	}
	return 0, false
}

// directiveEnd returns the offset just after the declaration b starts
// with, past any bracketed internal subset; -1 when it is not closed.
func directiveEnd(b []byte) int {
	depth := 0
	for j := 2; j < len(b); j++ {
		switch b[j] {
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return j + 1
			}
		}
	}
	return -1
}

// LocateYAML resolves RFC 6901 JSON pointers over the tree of a YAML
// document (see Locate): a mapping key is placed at the key, a sequence
// item at the item, following aliases.
func LocateYAML(data []byte, pointers []string) ([]Position, error) {
	root, err := yamlRoot(data)
	if err != nil {
		return make([]Position, len(pointers)), err
	}
	return locateYAMLTree(root, pointers), nil
}

// yamlRoot parses a YAML document into its root node.
func yamlRoot(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlversion.As11(data), &doc); err != nil {
		return nil, fmt.Errorf("locate in YAML: %w", &DecodeError{Kind: ErrSyntax, Detail: "malformed YAML", Offset: -1, Cause: err, op: "locate"})
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	return root, nil
}

// locateYAMLTree places pointers in a parsed YAML document.
func locateYAMLTree(root *yaml.Node, pointers []string) []Position {
	out := make([]Position, len(pointers))
	for i, p := range pointers {
		toks, ok := jsonTokens(p)
		if !ok || root.Line == 0 {
			continue
		}
		toks = toks[:min(len(toks), maxLocateDepth)]
		var at Position
		if len(toks) == 0 {
			at = Position{Line: root.Line, Column: root.Column, Exact: true}
		}
		n := root
		for j, tok := range toks {
			key, val := yamlChild(n, tok)
			if val == nil {
				break
			}
			at = Position{Line: key.Line, Column: key.Column, Exact: j == len(toks)-1}
			n = val
		}
		out[i] = at
	}
	return out
}

// yamlNode is the value node a pointer names, or nil.
func yamlNode(root *yaml.Node, p string) *yaml.Node {
	toks, ok := jsonTokens(p)
	if !ok {
		return nil
	}
	n := root
	for _, tok := range toks {
		if _, n = yamlChild(n, tok); n == nil {
			return nil
		}
	}
	return n
}

// yamlChild returns the node that places child tok of n (the key of a
// mapping entry, the item of a sequence) and the child's value; nils when
// n has no such child. Aliases are followed.
func yamlChild(n *yaml.Node, tok string) (*yaml.Node, *yaml.Node) {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 16; i++ {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		var key, val *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == tok {
				key, val = n.Content[i], n.Content[i+1] // the last of repeated keys counts
			}
		}
		if val != nil {
			return key, deref(val)
		}
	case yaml.SequenceNode:
		k, err := strconv.Atoi(tok)
		if err == nil && k >= 0 && k < len(n.Content) && strconv.Itoa(k) == tok {
			item := n.Content[k]
			return item, deref(item)
		}
	}
	return nil, nil
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 16; i++ {
		n = n.Alias
	}
	return n
}

// LocateLines resolves "line N" locators (SPDX tag-value, see Locate) to
// column 1 of line N. Anything after the number ("line 12/purl", a field
// the tag-value locator appends) makes the position inexact; a line past
// the end of data is not placed.
func LocateLines(data []byte, pointers []string) ([]Position, error) {
	out := make([]Position, len(pointers))
	lines := bytes.Count(data, []byte{'\n'}) + 1
	if len(data) > 0 && data[len(data)-1] == '\n' {
		lines--
	}
	for i, p := range pointers {
		rest, ok := strings.CutPrefix(p, "line ")
		if !ok {
			continue
		}
		end := 0
		for end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(rest[:end])
		if err != nil || n < 1 || n > lines {
			continue
		}
		out[i] = Position{Line: n, Column: 1, Exact: end == len(rest)}
	}
	return out, nil
}
