package procurement

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/bangate/bangate/internal/inputtext"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

var errInvalidUTF8 = errors.New("invalid UTF-8 (if the file is Latin-1 or Windows-1252, declare that encoding)")

// toUTF8 returns data as UTF-8 without a byte order mark: UTF-16 with a
// byte order mark is converted, a declared single-byte encoding is
// decoded, and anything else must already be valid UTF-8. The error names
// the line of the first invalid byte.
func toUTF8(data []byte, enc, source string) ([]byte, error) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		// Read as every input of bangate is (inputtext): a surrogate
		// without its pair is an error, not a character replaced unseen.
		text, _, err := inputtext.UTF16(data)
		if err != nil {
			return nil, inputErr(source, "", "", fmt.Errorf("decode text: %w", err))
		}
		return bytes.TrimPrefix(text, bomUTF8), nil
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "utf-8", "utf8":
		if !utf8.Valid(data) {
			return nil, inputErr(source, fmt.Sprintf("line %d", invalidUTF8Line(data)), "", errInvalidUTF8)
		}
		return data, nil
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		return decodeWith(charmap.ISO8859_1, data, source)
	case "windows-1252", "cp1252":
		return decodeWith(charmap.Windows1252, data, source)
	default:
		return nil, inputErrf(source, "", "", "unknown encoding (want utf-8, latin1 or windows-1252)")
	}
}

func decodeWith(e encoding.Encoding, data []byte, source string) ([]byte, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, inputErr(source, "", "", fmt.Errorf("decode text: %w", err))
	}
	return bytes.TrimPrefix(out, bomUTF8), nil
}

// invalidUTF8Line returns the 1-based line of the first invalid UTF-8 byte.
func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
