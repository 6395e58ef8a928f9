package sbom

import (
	"errors"
	"strconv"
)

// ComponentPlaces says where the top-level components of a CycloneDX JSON
// text are, as the decoder found them: the "components" array and the
// start of each of its elements. DecodeEach hands it to a sink that is a
// PlacesSink; LocatePlaced uses it to go straight to the components that
// pointers name instead of reading the text up to them.
type ComponentPlaces struct {
	base        int // offset in the text of the body the offsets below are in (after a byte order mark)
	open, close int // offsets of the array's '[' and ']'
	objects     [][2]uint32
}

// errMisplaced is placedArray's when a component is not at its place:
// the places are then not those of the text.
var errMisplaced = errors.New("component not at its place")

// PlacesSink is a Sink that also takes the places of the top-level
// components it was handed, when DecodeEach read them from a CycloneDX
// JSON text range by range.
type PlacesSink interface {
	Sink
	// Places is called once, after the last batch, with the places of
	// the top-level components in the text DecodeEach was given.
	Places(p *ComponentPlaces)
}

// componentPlaces returns the places of the top-level components of s, a
// text the streaming decoder read, within data; nil when s.body is not
// data itself (after a byte order mark).
func componentPlaces(data []byte, s *sniffed) *ComponentPlaces {
	a := &s.json.comps
	if len(s.body) == 0 || len(s.body) > len(data) || a.close == 0 {
		return nil
	}
	base := len(data) - len(s.body)
	if &s.body[0] != &data[base] {
		return nil
	}
	return &ComponentPlaces{base: base, open: a.open, close: a.close, objects: a.objects}
}

// LocatePlaced is Locate of pointers into a CycloneDX JSON text whose
// top-level components are at places (nil places is Locate): a pointer
// into a top-level component is placed by going to the component's start,
// not by reading the text before it. The positions are those Locate gives
// when places are those DecodeEach gave for data; places that do not fit
// data (the array's brackets or a component's '{' are not where they say)
// are not used: the text is then read as Locate reads it.
func LocatePlaced(data []byte, f Format, pointers []string, places *ComponentPlaces) ([]Position, error) {
	if places == nil || f != FormatCycloneDXJSON || !places.fit(data) {
		return Locate(data, f, pointers)
	}
	for _, p := range pointers {
		if _, ok := embeddedOuter(p); ok {
			// A pointer into an embedded document: Locate places those.
			return Locate(data, f, pointers)
		}
	}
	t, err := walkJSON(data, pointers, places)
	if errors.Is(err, errMisplaced) {
		return Locate(data, f, pointers)
	}
	return t.positions(data), err
}

// fit reports whether the array's brackets are where p says in data.
func (p *ComponentPlaces) fit(data []byte) bool {
	o, c := p.base+p.open, p.base+p.close
	return p.base >= 0 && 0 <= o && o < c && c < len(data) && data[o] == '[' && data[c] == ']'
}

// placedArray is value for the top-level components array (node n, nil
// when no pointer names the member; placed at at) read with s.places:
// each element a pointer names is read at the start the places give, and
// the walk then goes on after the array.
func (s *jsonLocator) placedArray(n *ptrNode, at, depth int) error {
	p := s.places
	if n == nil {
		s.pos = p.base + p.close + 1
		return nil
	}
	n.off, n.start = at, s.pos
	if depth < maxLocateDepth {
		for tok, c := range n.children {
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(p.objects) || strconv.Itoa(i) != tok {
				continue
			}
			s.pos = p.base + int(p.objects[i][0])
			if s.pos >= len(s.data) || s.data[s.pos] != '{' {
				return errMisplaced
			}
			if err := s.value(c, s.pos, depth+1); err != nil {
				return err
			}
		}
	}
	s.pos = p.base + p.close + 1
	n.end = s.pos
	return nil
}
