package inputtext

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrUTF16 is wrapped when a file that begins with a UTF-16 byte order
// mark is not UTF-16.
var ErrUTF16 = errors.New("not valid UTF-16")

// UTF16 returns data as UTF-8 when it begins with a UTF-16 byte order
// mark, as Windows PowerShell 5 writes a tool's output redirected to a
// file ("cyclonedx-dotnet ... > bom.json"), and names the encoding; it
// returns data itself, and "", when there is none. Lines stay as they
// were, so that a finding's line is the file's. A code unit an odd
// length leaves over, or a surrogate without its pair, is an error at
// its byte offset: no character of the file is replaced unseen.
func UTF16(data []byte) ([]byte, string, error) {
	var order binary.ByteOrder
	var name string
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		order, name = binary.LittleEndian, "UTF-16LE"
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		order, name = binary.BigEndian, "UTF-16BE"
	default:
		return data, "", nil
	}
	if len(data)%2 != 0 {
		return nil, name, fmt.Errorf("%s: %w: an odd number of bytes (byte %d left over)", name, ErrUTF16, len(data)-1)
	}
	out := make([]byte, 0, len(data)/2+len(data)/8)
	for i := 2; i < len(data); i += 2 {
		u := rune(order.Uint16(data[i:]))
		switch {
		case utf16.IsSurrogate(u) && u < 0xDC00 && i+3 < len(data):
			lo := rune(order.Uint16(data[i+2:]))
			r := utf16.DecodeRune(u, lo)
			if r == utf8.RuneError {
				return nil, name, fmt.Errorf("%s: %w: a surrogate without its pair at byte %d", name, ErrUTF16, i)
			}
			out = utf8.AppendRune(out, r)
			i += 2
		case utf16.IsSurrogate(u):
			return nil, name, fmt.Errorf("%s: %w: a surrogate without its pair at byte %d", name, ErrUTF16, i)
		default:
			out = utf8.AppendRune(out, u)
		}
	}
	return out, name, nil
}
