package inputtext

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// encodeUTF16 writes s as UTF-16 with a byte order mark.
func encodeUTF16(s string, order binary.AppendByteOrder) []byte {
	out := order.AppendUint16(nil, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// TestUTF16Text: text with a UTF-16 byte order mark, either order, is read
// as UTF-8, characters outside the basic plane included; text without one
// is left as it is; an odd byte or a surrogate without its pair is an
// error at its byte.
func TestUTF16Text(t *testing.T) {
	const text = "{\"name\": \"Лаборатория Касперского 𝐊\"}\n"
	for _, tt := range []struct {
		order binary.AppendByteOrder
		name  string
	}{{binary.LittleEndian, "UTF-16LE"}, {binary.BigEndian, "UTF-16BE"}} {
		got, enc, err := UTF16(encodeUTF16(text, tt.order))
		if err != nil || string(got) != text || enc != tt.name {
			t.Errorf("%s: got %q, %q, %v; want the text, %q", tt.name, got, enc, err, tt.name)
		}
	}
	if got, enc, err := UTF16([]byte(text)); err != nil || string(got) != text || enc != "" {
		t.Errorf("UTF-8: got %q, %q, %v; want it as it is", got, enc, err)
	}
	le := binary.LittleEndian
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"odd length", append(encodeUTF16("ab", le), 'c'), "odd number of bytes (byte 6"},
		{"lone high surrogate", le.AppendUint16(encodeUTF16("a", le), 0xD835), "surrogate without its pair at byte 4"},
		{"high surrogate then a letter", le.AppendUint16(le.AppendUint16(encodeUTF16("", le), 0xD835), 'a'), "at byte 2"},
		{"lone low surrogate", le.AppendUint16(encodeUTF16("", le), 0xDC00), "at byte 2"},
	} {
		_, _, err := UTF16(tt.data)
		if !errors.Is(err, ErrUTF16) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error %q", tt.name, err, tt.want)
		}
	}
}

// FuzzUTF16Text: UTF16 never panics; what it reads from UTF-16 is
// valid UTF-8 and, written as UTF-16 again in the same order, is the file.
func FuzzUTF16Text(f *testing.F) {
	f.Add(encodeUTF16("{\"name\": \"Касперский 𝐊\"}", binary.LittleEndian))
	f.Add(encodeUTF16("<bom/>", binary.BigEndian))
	f.Add([]byte("\xff\xfe\x35\xd8"))
	f.Add([]byte("{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := UTF16(data)
		if err != nil || enc == "" {
			return
		}
		if !utf8.Valid(text) {
			t.Fatalf("UTF16(%q) = %q: not UTF-8", data, text)
		}
		var order binary.AppendByteOrder = binary.LittleEndian
		if enc == "UTF-16BE" {
			order = binary.BigEndian
		}
		if again := encodeUTF16(string(text), order); !bytes.Equal(again, data) {
			t.Fatalf("UTF16(%q) = %q, written again %q", data, text, again)
		}
	})
}
