package inputtext

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestXMLDeclaredText: XML that declares a single-byte encoding is read
// as UTF-8, its declaration saying so, lines kept; UTF-8, no declaration
// and other text are left as they are; an encoding no registry names is
// an error naming it.
func TestXMLDeclaredText(t *testing.T) {
	const body = "\n<bom>\n  <name>Лаборатория Касперского</name>\n</bom>\n"
	cp1251, err := charmap.Windows1251.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want, enc string }{
		{`<?xml version="1.0" encoding="windows-1251"?>` + cp1251, `<?xml version="1.0" encoding="UTF-8"?>` + body, "windows-1251"},
		{"  <?xml version='1.0' encoding = 'ISO-8859-1' ?>\n<a>caf\xe9</a>", "  <?xml version='1.0' encoding = 'UTF-8' ?>\n<a>café</a>", "ISO-8859-1"},
		{`<?xml version="1.0" encoding="UTF-8"?>` + body, `<?xml version="1.0" encoding="UTF-8"?>` + body, ""},
		{`<?xml version="1.0"?>` + body, `<?xml version="1.0"?>` + body, ""},
		{`{"bomFormat":"CycloneDX"}`, `{"bomFormat":"CycloneDX"}`, ""},
	} {
		got, enc, err := DeclaredXML([]byte(tt.in))
		if err != nil || string(got) != tt.want || enc != tt.enc {
			t.Errorf("DeclaredXML(%q) = %q, %q, %v; want %q, %q", tt.in, got, enc, err, tt.want, tt.enc)
		}
		if strings.Count(string(got), "\n") != strings.Count(tt.in, "\n") {
			t.Errorf("DeclaredXML(%q): lines changed", tt.in)
		}
	}
	if _, _, err := DeclaredXML([]byte(`<?xml version="1.0" encoding="x-klingon"?><bom/>`)); !errors.Is(err, ErrXMLEncoding) || !strings.Contains(err.Error(), `"x-klingon"`) {
		t.Errorf("an unknown encoding: got %v, want an error naming it", err)
	}
}

// FuzzXMLDeclaredText: DeclaredXML never panics, and what it
// returns, read again, is itself, its declaration saying UTF-8.
func FuzzXMLDeclaredText(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><a>caf` + "\xe9</a>"))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?>` + "\n<a>\xcb</a>"))
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-16"?><a/>`))
	f.Add([]byte(`<?xml encoding='x'?>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := DeclaredXML(data)
		if err != nil || enc == "" {
			return
		}
		again, enc2, err := DeclaredXML(text)
		if err != nil || enc2 != "" || string(again) != string(text) {
			t.Fatalf("DeclaredXML(%q) = %q, read again %q, %q, %v", data, text, again, enc2, err)
		}
	})
}
