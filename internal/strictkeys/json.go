package strictkeys

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// utf8BOM is the byte order mark some Windows tools write first.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// CheckJSON reads every JSON value in data (one document, or several
// separated by white space as in JSON Lines) and returns a *KeyError for
// the first object that holds a key twice or two keys equal up to case
// folding, or a *SyntaxError when data is not well-formed JSON (RFC 8259,
// valid UTF-8; a leading byte order mark is skipped). Keys are compared
// after unescaping, so "a" and "\u0061" are the same key. It returns nil
// for empty input; whether that, or several values, is acceptable is the
// caller's decision. Offsets, lines and columns count from the start of
// data, the byte order mark included. CheckJSON does not retain data and
// is safe for concurrent use.
func CheckJSON(data []byte) error {
	return CheckJSONNames(data, nil, nil)
}

// CheckJSONNames is CheckJSON that also calls unknown for every string
// value inside a member whose name known reports false, with the JSON
// pointer of the value and the name of that member (the outermost one
// refused; the names inside it are not asked about). members is called
// once for each object, with the name of the member whose value holds it
// (for an object in an array, the array's; "" at the top), which says what
// the object is in most formats, and returns what tells its member names
// known (nil: every name is). With members nil it is CheckJSON. It calls
// unknown in the order of the text, and only for strings before the first
// error.
func CheckJSONNames(data []byte, members func(container []byte) func(name []byte) bool, unknown func(ptr, name, value string)) error {
	body := bytes.TrimPrefix(data, utf8BOM)
	c := jsonChecker{data: data, base: int64(len(data) - len(body)), seed: maphash.Comparable(maphash.MakeSeed(), 0),
		members: members, unknown: unknown}
	return c.run(body)
}

// linearMax is the number of keys up to which an object's keys are
// compared one by one; from then on they are also indexed by hash.
const linearMax = 16

// keyEntry is one key of an open object: the hashes of its two foldings
// and where its quoted form is in the input.
type keyEntry struct {
	hashLower, hashSimple uint64
	start, end            int64 // the quoted key is data[start:end]
	// nextLower and nextSimple chain the earlier entries with the same
	// hash (index+1; 0 ends the chain), once the object is indexed.
	nextLower, nextSimple int32
}

// jsonFrame is one open object or array.
type jsonFrame struct {
	object bool
	// wantKey is set in an object when the next string is a key.
	wantKey bool
	keys    []keyEntry
	// byLower and bySimple map a hash to the index+1 of the last entry with
	// it; nil until the object has more than linearMax keys.
	byLower, bySimple map[uint64]int32
	// container is the name of the member whose value this is (for a
	// value of an array, the array's), and known what members says of an
	// object's names; set only for CheckJSONNames.
	container []byte
	known     func(name []byte) bool
}

// jsonChecker holds the state of one CheckJSON call; its buffers are
// reused from object to object, so that keys cost no allocation.
type jsonChecker struct {
	data  []byte // the whole input, for messages
	base  int64  // offset of the decoded body in data
	seed  uint64 // random per call, so that collisions cannot be planned
	stack []jsonFrame
	depth int
	// name is the current key, unescaped; it aliases the input or buf.
	name []byte
	// scratch buffers: an unescaped key, the two foldings of name.
	buf, foldL, foldS []byte
	// known and unknown are CheckJSONNames'; inside is the depth of the
	// object whose member known refused (0: none), outside its name.
	members func(container []byte) func(name []byte) bool
	unknown func(ptr, name, value string)
	inside  int
	outside string
}

// run reads body token by token.
func (c *jsonChecker) run(body []byte) error {
	dec := jsontext.NewDecoder(bytes.NewBuffer(body), jsontext.AllowDuplicateNames(true))
	for {
		before := dec.InputOffset()
		tok, err := dec.ReadToken()
		if err != nil {
			if errors.Is(err, io.EOF) && dec.StackDepth() == 0 {
				return nil
			}
			return c.syntaxError(err, dec.InputOffset())
		}
		kind := tok.Kind()
		var f *jsonFrame
		if c.depth > 0 {
			f = &c.stack[c.depth-1]
		}
		switch {
		case kind == '}' || kind == ']':
			c.pop()
			continue
		case f == nil || !f.object:
		case kind == '"' && f.wantKey:
			f.wantKey = false
			end := dec.InputOffset()
			start := before
			if body[start] != '"' {
				start += int64(bytes.IndexByte(body[before:end], '"'))
			}
			if err := c.key(f, body, start, end, dec); err != nil {
				return err
			}
			if c.members != nil {
				if c.inside == c.depth {
					c.inside = 0 // the next member of the object
				}
				if c.inside == 0 && f.known != nil && !f.known(c.name) {
					c.inside, c.outside = c.depth, string(c.name)
				}
			}
			continue
		default:
			f.wantKey = true // a value: a key comes next
		}
		if kind == '"' && c.inside > 0 {
			c.unknown(string(dec.StackPointer()), c.outside, tok.String())
		}
		switch kind {
		case '{', '[':
			var container []byte
			if c.members != nil && f != nil {
				if f.object {
					container = c.name
				} else {
					container = f.container
				}
			}
			c.push(kind == '{')
			if c.members != nil {
				// c.name may be in c.buf, which the next escaped key
				// overwrites: the frame keeps a copy.
				nf := &c.stack[c.depth-1]
				nf.container = append(nf.container[:0], container...)
				nf.known = nil
				if kind == '{' && c.inside == 0 {
					nf.known = c.members(nf.container)
				}
			}
		}
	}
}

// push opens an object or array, reusing the frame's buffers.
func (c *jsonChecker) push(object bool) {
	if c.depth == len(c.stack) {
		c.stack = append(c.stack, jsonFrame{})
	}
	f := &c.stack[c.depth]
	f.object, f.wantKey = object, object
	f.keys = f.keys[:0]
	c.depth++
}

// pop closes the innermost object or array.
func (c *jsonChecker) pop() {
	if c.inside == c.depth {
		c.inside = 0 // the object with the refused member has ended
	}
	c.depth--
	f := &c.stack[c.depth]
	f.byLower, f.bySimple = nil, nil
	if cap(f.keys) > 1024 {
		f.keys = nil // do not keep a huge object's table for the next one
	}
}

// unquote returns the key whose quoted form is body[start:end]: a slice
// of body when it has no escapes, else unescaped into buf, which is
// returned too (grown as needed).
func unquote(buf, body []byte, start, end int64) (name, newBuf []byte) {
	raw := body[start:end]
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1], buf
	}
	out, err := jsontext.AppendUnquote(buf[:0], raw)
	if err != nil {
		// The decoder has validated the string; keep the raw form anyway.
		return raw, buf
	}
	return out, out
}

// key records the key at body[start:end] in f and fails when it collides
// with an earlier key of f.
func (c *jsonChecker) key(f *jsonFrame, body []byte, start, end int64, dec *jsontext.Decoder) error {
	hj, plain := caseHash(c.seed, body[start+1:end-1])
	hs := hj
	if plain {
		c.name = body[start+1 : end-1]
	} else {
		// Escapes or non-ASCII letters: hash the two foldings of the
		// unescaped key.
		c.name, c.buf = unquote(c.buf, body, start, end)
		c.foldL = appendFoldLower(c.foldL[:0], c.name)
		c.foldS = appendFoldSimple(c.foldS[:0], c.name)
		hj, _ = caseHash(c.seed, c.foldL)
		hs, _ = caseHash(c.seed, c.foldS)
	}
	if f.byLower == nil {
		for i := range f.keys {
			if e := &f.keys[i]; e.hashLower == hj || e.hashSimple == hs {
				if err := c.compare(e, body, start, dec); err != nil {
					return err
				}
			}
		}
	} else {
		for i := f.byLower[hj]; i != 0; i = f.keys[i-1].nextLower {
			if err := c.compare(&f.keys[i-1], body, start, dec); err != nil {
				return err
			}
		}
		for i := f.bySimple[hs]; i != 0; i = f.keys[i-1].nextSimple {
			if err := c.compare(&f.keys[i-1], body, start, dec); err != nil {
				return err
			}
		}
	}
	f.keys = append(f.keys, keyEntry{hashLower: hj, hashSimple: hs, start: start, end: end})
	n := int32(len(f.keys))
	switch {
	case f.byLower != nil:
		f.index(n)
	case n > linearMax:
		f.byLower = make(map[uint64]int32, 2*n)
		f.bySimple = make(map[uint64]int32, 2*n)
		for i := int32(1); i <= n; i++ {
			f.index(i)
		}
	}
	return nil
}

// index adds entry i (1-based) to the hash chains.
func (f *jsonFrame) index(i int32) {
	e := &f.keys[i-1]
	e.nextLower, e.nextSimple = f.byLower[e.hashLower], f.bySimple[e.hashSimple]
	f.byLower[e.hashLower], f.bySimple[e.hashSimple] = i, i
}

// compare fails when the earlier key e and the current key c.name (at
// start) collide; equal hashes alone do not make a collision.
func (c *jsonChecker) compare(e *keyEntry, body []byte, start int64, dec *jsontext.Decoder) error {
	other, _ := unquote(nil, body, e.start, e.end)
	if !collide(other, c.name) {
		return nil
	}
	ke := &KeyError{Err: ErrFoldedKey, Key: string(c.name), Other: string(other), Offset: c.base + start}
	if bytes.Equal(other, c.name) {
		ke.Err = ErrDuplicateKey
	}
	// The decoder's pointer ends with the key just read.
	ke.Pointer = string(dec.StackPointer().Parent())
	ke.Line, ke.Column = position(c.data, ke.Offset)
	ke.OtherLine, _ = position(c.data, c.base+e.start)
	return ke
}

// syntaxError wraps a decoder error with its place.
func (c *jsonChecker) syntaxError(err error, at int64) error {
	se := &SyntaxError{Format: "JSON", Offset: c.base + at, Err: err}
	var js *jsontext.SyntacticError
	if errors.As(err, &js) {
		se.Offset = c.base + js.ByteOffset
		se.Pointer = string(js.JSONPointer)
		se.Err = js.Err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		se.Offset = int64(len(c.data))
		se.Err = io.ErrUnexpectedEOF
	}
	se.Line, se.Column = position(c.data, se.Offset)
	return se
}
