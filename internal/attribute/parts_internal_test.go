package attribute

import (
	"strings"
	"testing"
)

// FuzzPersonParts: every part personParts returns is a piece of the name
// that may be a person's, given once, and never the name itself.
func FuzzPersonParts(f *testing.F) {
	for _, s := range []string{
		"Acme Global Trading Corp, Vladimir Putin", "Jane Roe, John Doe", "PUTIN, Vladimir Vladimirovich",
		"Acme Holdings（Vladimir Putin）", "Acme Corp AND Vladimir Putin", "Bank of Trade and Industry",
		"a and b and", " and ", "Jane Roe; Jane Roe", "x - y - Jane Roe", "", "\xff and \xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		parts := personParts(name)
		seen := map[string]bool{}
		for _, p := range parts {
			if p == "" || p == name || !strings.Contains(name, p) || !personLike(p) || seen[p] {
				t.Fatalf("personParts(%q) = %q: part %q", name, parts, p)
			}
			seen[p] = true
		}
	})
}
