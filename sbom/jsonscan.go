package sbom

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// jsonTop is what one pass over a JSON text says about its top-level
// object: which keys of interest it has and their string values.
type jsonTop struct {
	keys map[string]jsonValue
	// comps locates the top-level "components" array, when the scan was
	// asked to.
	comps arraySpan
	// starts holds the offset where the value of each key of interest
	// starts.
	starts map[string]int
}

// arraySpan locates a top-level array and the objects directly in it, so
// that a decoder can split the work (see unmarshalSplit).
type arraySpan struct {
	open, close int // offsets of '[' and ']'; close is 0 until the array ends
	// objects holds the offsets of the '{' and '}' of each object
	// element, in 32 bits: a text of more than 4 GiB is not located.
	objects [][2]uint32
	// alias is set when another top-level member has the array's name up
	// to case (encoding/json matches member names case-insensitively), or
	// when the member is given a second value: the array is then not split.
	alias bool
}

// compsName is the member whose array scanJSON can locate.
var compsName = []byte("components")

// jsonValue is one top-level member: whether its value is a string, and
// if so the decoded string.
type jsonValue struct {
	isString bool
	str      string
}

// topKeys are the top-level members Identify looks at.
var topKeys = map[string]bool{
	"bomFormat": true, "specVersion": true, "components": true, "metadata": true,
	"spdxVersion": true, "SPDXID": true, "packages": true, "creationInfo": true,
	"@context": true, "@graph": true,
	// Wrappers (in-toto statements, DSSE envelopes, GitHub's dependency
	// graph export) and syft's own JSON.
	"_type": true, "predicateType": true, "predicate": true, "payloadType": true, "payload": true,
	"sbom": true, "artifacts": true, "schema": true,
}

// has reports whether the top-level object has key.
func (t jsonTop) has(key string) bool {
	_, ok := t.keys[key]
	return ok
}

// start records that the value of key starts at offset i.
func (t *jsonTop) start(key string, i int) {
	if t.starts == nil {
		t.starts = make(map[string]int, 2)
	}
	t.starts[key] = i
}

// str returns the string value of key and whether it is a string.
func (t jsonTop) str(key string) (string, bool) {
	v, ok := t.keys[key]
	return v.str, ok && v.isString
}

// scanError is a problem found by a pre-scan, before any parser runs.
type scanError struct {
	kind   error
	detail string
	offset int64
}

// isSpace reports JSON (and XML) white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// jsonFrame is one open JSON container during a scan.
type jsonFrame struct {
	object    bool
	expectKey bool                // in an object, the next string is a key
	keysFrom  int                 // start of this object's keys in scanKeys
	set       map[string]struct{} // the keys, once the object has many
}

// manyKeys is the number of keys from which an object's keys are kept in
// a map rather than compared one by one.
const manyKeys = 32

// scanJSON walks a JSON text once, in memory bounded by maxDepth and the
// widest object: it checks that brackets balance and nest at most
// maxDepth deep, that no object repeats a member name (encoding/json
// would silently keep the last one, so a duplicate could hide a
// component or a supplier), that the text is complete and that nothing
// follows it, and it collects the top-level members listed in topKeys. It
// does not check the full JSON grammar; the decoder that runs next does.
// When locate is set it also records, in top.comps, where the top-level
// "components" array and its object elements are, in a text of at most
// 4 GiB.
func scanJSON(data []byte, start, maxDepth int, locate bool) (jsonTop, *scanError) {
	top := jsonTop{keys: make(map[string]jsonValue, 4)}
	stack := make([]jsonFrame, 0, 16)
	var keys [][]byte // keys of the open objects, innermost last
	var (
		key           string // the current top-level key
		keyOfInterest bool
		valuePending  bool // at depth 1, after ':' and before the value
		compsKey      bool // locate is set and the current top-level key is compsName
		inComps       bool // inside the array to locate
	)
	n := len(data)
	// Offsets are located in 32 bits (arraySpan.objects).
	locate = locate && n <= math.MaxUint32
	i := start
	for i < n {
		c := data[i]
		switch c {
		case '"':
			end, ok := stringEnd(data, i+1)
			if !ok {
				return top, &scanError{kind: ErrTruncated, detail: "unterminated string", offset: int64(i)}
			}
			if d := len(stack); d > 0 && stack[d-1].expectKey {
				f := &stack[d-1]
				f.expectKey = false
				k, err := jsonKey(data[i : end+1])
				if err != nil {
					return top, &scanError{kind: ErrSyntax, detail: "invalid string escape", offset: int64(i)}
				}
				if dupKey(f, &keys, k) {
					return top, &scanError{kind: ErrInvalid, detail: "an object repeats a member name", offset: int64(i)}
				}
				if d == 1 {
					keyOfInterest = topKeys[string(k)]
					if keyOfInterest {
						key = string(k)
					}
					compsKey = locate && bytes.Equal(k, compsName)
					if locate && !compsKey && bytes.EqualFold(k, compsName) {
						top.comps.alias = true
					}
				}
			} else if d == 1 && valuePending {
				valuePending = false
				if keyOfInterest {
					var s string
					if err := json.Unmarshal(data[i:end+1], &s); err != nil {
						return top, &scanError{kind: ErrSyntax, detail: "invalid string escape", offset: int64(i)}
					}
					top.keys[key] = jsonValue{isString: true, str: s}
					top.start(key, i)
				}
			}
			i = end + 1
			continue
		case '{', '[':
			if len(stack) == 1 && valuePending {
				valuePending = false
				if keyOfInterest {
					top.keys[key] = jsonValue{}
					top.start(key, i)
				}
				if compsKey && c == '[' {
					if top.comps.open > 0 {
						// A second value for the key (after a stray
						// colon, say): the text is not JSON, and its
						// objects are not split.
						top.comps.alias = true
					} else {
						inComps = true
						top.comps.open = i
					}
				}
			} else if inComps && len(stack) == 2 && c == '{' {
				top.comps.objects = append(top.comps.objects, [2]uint32{uint32(i), 0})
			}
			if len(stack) == 0 && i != start {
				return top, &scanError{kind: ErrTrailingData, detail: "a second value follows the document", offset: int64(i)}
			}
			if len(stack) >= maxDepth {
				return top, &scanError{kind: ErrTooDeep, detail: "more than " + strconv.Itoa(maxDepth) + " levels", offset: int64(i)}
			}
			stack = append(stack, jsonFrame{object: c == '{', expectKey: c == '{', keysFrom: len(keys)})
		case '}', ']':
			d := len(stack)
			if d == 0 {
				return top, &scanError{kind: ErrTrailingData, detail: "unbalanced closing bracket after the document", offset: int64(i)}
			}
			if stack[d-1].object != (c == '}') {
				return top, &scanError{kind: ErrSyntax, detail: "mismatched bracket", offset: int64(i)}
			}
			keys = keys[:stack[d-1].keysFrom]
			stack = stack[:d-1]
			if inComps {
				switch {
				case d == 3 && c == '}':
					top.comps.objects[len(top.comps.objects)-1][1] = uint32(i)
				case d == 2:
					top.comps.close = i
					inComps = false
				}
			}
			if len(stack) == 0 {
				// The document is complete: only white space may follow.
				for j := i + 1; j < n; j++ {
					if !isSpace(data[j]) {
						return top, &scanError{kind: ErrTrailingData, detail: "non-space data after the closing brace", offset: int64(j)}
					}
				}
				return top, nil
			}
		case ':':
			if len(stack) == 1 {
				valuePending = true
			}
		case ',':
			d := len(stack)
			if d == 1 && valuePending {
				return top, &scanError{kind: ErrSyntax, detail: "missing value", offset: int64(i)}
			}
			if d > 0 && stack[d-1].object {
				stack[d-1].expectKey = true
			}
		default:
			if len(stack) == 0 {
				if isSpace(c) {
					break
				}
				return top, &scanError{kind: ErrSyntax, detail: "top-level value is not an object", offset: int64(i)}
			}
			if len(stack) == 1 && valuePending && !isSpace(c) {
				// A number, true, false or null as a top-level value.
				valuePending = false
				if keyOfInterest {
					top.keys[key] = jsonValue{}
					top.start(key, i)
				}
			}
		}
		i++
	}
	return top, &scanError{kind: ErrTruncated, detail: "document ends inside " + strconv.Itoa(len(stack)) + " open brackets", offset: int64(n)}
}

// jsonKey returns the name of a member from its quoted form, unescaping
// only when needed (the result then aliases the input).
func jsonKey(quoted []byte) ([]byte, error) {
	raw := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw, nil
	}
	var s string
	err := json.Unmarshal(quoted, &s)
	return []byte(s), err
}

// dupKey records key k of the object f and reports whether the object
// already had it. Small objects are searched linearly in the shared keys
// stack; from manyKeys keys on, a map is used.
func dupKey(f *jsonFrame, keys *[][]byte, k []byte) bool {
	if f.set != nil {
		if _, ok := f.set[string(k)]; ok {
			return true
		}
		f.set[string(k)] = struct{}{}
		return false
	}
	own := (*keys)[f.keysFrom:]
	for _, x := range own {
		if bytes.Equal(x, k) {
			return true
		}
	}
	if len(own) >= manyKeys {
		f.set = make(map[string]struct{}, 2*manyKeys)
		for _, x := range own {
			f.set[string(x)] = struct{}{}
		}
		f.set[string(k)] = struct{}{}
		return false
	}
	*keys = append(*keys, k)
	return false
}

// stringEnd returns the index of the quote that closes the JSON string
// whose contents start at i, and false when the input ends first.
func stringEnd(data []byte, i int) (int, bool) {
	for {
		q := bytes.IndexByte(data[i:], '"')
		if q < 0 {
			return 0, false
		}
		q += i
		// Count the backslashes right before the quote: an odd number
		// escapes it.
		bs := 0
		for j := q - 1; j >= i && data[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 0 {
			return q, true
		}
		i = q + 1
	}
}
