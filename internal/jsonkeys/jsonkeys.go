// Package jsonkeys rejects JSON texts whose objects repeat a member name,
// or hold two names that differ only by case or Unicode folding, at any
// depth: encoding/json keeps the last of them (and matches struct fields
// case-insensitively), so such a text could mean one thing to bangate and
// another to the tool that wrote or reads it.
package jsonkeys

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/cases"
)

// ErrDuplicate is wrapped by Check's error for a repeated member name.
var ErrDuplicate = errors.New("an object repeats a member name")

// Check walks data and returns an error naming the first object member
// whose name repeats an earlier one of the same object, exactly or after
// case folding, with its JSON pointer. A text that is not JSON is an
// error too.
func Check(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	fold := cases.Fold()
	type frame struct {
		object bool
		keys   map[string]string
		next   int    // index of the next array element
		key    string // the member being read
		path   string
	}
	var stack []*frame
	ptr := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1].path
	}
	// child is the pointer of the value about to be read.
	child := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.object {
			return f.path + "/" + escape(f.key)
		}
		p := fmt.Sprintf("%s/%d", f.path, f.next)
		f.next++
		return p
	}
	expectKey := func() bool {
		return len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].key == "\x00"
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				return fmt.Errorf("decode JSON: unexpected end at %q", ptr())
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("decode JSON near %q: %w", ptr(), err)
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				p := child()
				stack = append(stack, &frame{object: d == '{', keys: map[string]string{}, key: "\x00", path: p})
			case '}', ']':
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = "\x00"
				}
			}
			continue
		}
		if expectKey() {
			k := tok.(string)
			f := stack[len(stack)-1]
			folded := fold.String(k)
			if prev, dup := f.keys[folded]; dup {
				if prev == k {
					return fmt.Errorf("JSON object at %q: %w: %q", f.path, ErrDuplicate, k)
				}
				return fmt.Errorf("JSON object at %q: %w: %q and %q differ only by case", f.path, ErrDuplicate, prev, k)
			}
			f.keys[folded] = k
			f.key = k
			continue
		}
		child()
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = "\x00"
		}
	}
}

// escape escapes a member name for a JSON pointer (RFC 6901).
func escape(s string) string {
	return string(bytes.ReplaceAll(bytes.ReplaceAll([]byte(s), []byte("~"), []byte("~0")), []byte("/"), []byte("~1")))
}
