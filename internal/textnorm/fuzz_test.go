package textnorm_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/textnorm"
)

// seed adds the strings of testdata/seeds.txt to the corpus.
func seed(f *testing.F) {
	f.Helper()
	file, err := os.Open("testdata/seeds.txt")
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		s, err := strconv.Unquote(text)
		if err != nil {
			f.Fatalf("testdata/seeds.txt:%d: %v", line, err)
		}
		f.Add(s)
	}
	if err := sc.Err(); err != nil {
		f.Fatal(err)
	}
}

// checkFolded checks Fold's output form: lower-case ASCII letters, digits
// and single inner spaces, or a lower-case letter no scheme has a value for.
func checkFolded(t *testing.T, in, out string) {
	t.Helper()
	if strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
		t.Fatalf("Fold(%q) = %q: stray spaces", in, out)
	}
	for _, r := range out {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == ' ':
		case r >= utf8.RuneSelf && unicode.IsLetter(r) && unicode.ToLower(r) == r:
		default:
			t.Fatalf("Fold(%q) = %q: holds %q", in, out, r)
		}
	}
}

// FuzzFold: folding never panics, is idempotent, and writes only what
// checkFolded allows; Latin is idempotent too; Key is Fold without spaces.
func FuzzFold(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		once := textnorm.Fold(s)
		checkFolded(t, s, once)
		if twice := textnorm.Fold(once); twice != once {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		if k := textnorm.Key(s); k != strings.ReplaceAll(once, " ", "") {
			t.Fatalf("Key(%q) = %q, Fold %q", s, k, once)
		}
		l, _ := textnorm.Latin(s)
		if l2, _ := textnorm.Latin(l); l2 != l {
			t.Fatalf("Latin not idempotent: %q → %q → %q", s, l, l2)
		}
		if got := textnorm.Fold(l); got != once {
			t.Fatalf("Fold(Latin(%q)) = %q, Fold = %q", s, got, once)
		}
		n := textnorm.FoldName(s)
		if n.Text != once {
			t.Fatalf("FoldName(%q).Text = %q, Fold = %q", s, n.Text, once)
		}
		for _, v := range n.Variants {
			checkFolded(t, s, v.Text)
			if v.Text == n.Text {
				t.Fatalf("FoldName(%q): variant equals the text %q", s, v.Text)
			}
		}
		ck := textnorm.ConsonantKey(s)
		if strings.ContainsAny(ck, "aeiouy ") {
			t.Fatalf("ConsonantKey(%q) = %q", s, ck)
		}
		if rs, ok := textnorm.KoreanCyrillicNames(s); ok {
			for _, r := range rs {
				if l, _ := textnorm.Latin(r); l != r || r == "" {
					t.Fatalf("KoreanCyrillicNames(%q) holds %q, Latin of it %q", s, r, l)
				}
			}
		}
		if h, ok := textnorm.HanjaName(s); ok {
			if l, _ := textnorm.Latin(h); l != h {
				t.Fatalf("HanjaName(%q) = %q, Latin of it %q", s, h, l)
			}
		}
		if h, ok := textnorm.HanjaNameSimplified(s); ok {
			if l, _ := textnorm.Latin(h); l != h {
				t.Fatalf("HanjaNameSimplified(%q) = %q, Latin of it %q", s, h, l)
			}
		}
	})
}

// FuzzDomain: Domain, Email and RegistrableDomain never panic, and a
// normalised domain or address is a fixed point.
func FuzzDomain(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := textnorm.Domain(s); err == nil {
			for i := 0; i < len(d); i++ {
				if c := d[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
					t.Fatalf("Domain(%q) = %q: holds %q", s, d, c)
				}
			}
			if again, err := textnorm.Domain(d); err != nil || again != d {
				t.Fatalf("Domain(%q) = %q, then %q, %v", s, d, again, err)
			}
			if r, err := textnorm.RegistrableDomain(d); err == nil && !strings.HasSuffix(d, r) {
				t.Fatalf("RegistrableDomain(%q) = %q", d, r)
			}
		}
		if h, p, err := textnorm.WebAddress(s); err == nil && !strings.ContainsAny(p, "?#%") && !strings.HasSuffix(p, ".git") {
			// The address as WebAddress writes it reads back the same.
			if h2, p2, err := textnorm.WebAddress(h + p); err != nil || h2 != h || p2 != p {
				t.Fatalf("WebAddress(%q) = %q, %q, then %q, %q, %v", s, h, p, h2, p2, err)
			}
		}
		if e, err := textnorm.Email(s); err == nil {
			if again, err := textnorm.Email(e); err != nil || again != e {
				t.Fatalf("Email(%q) = %q, then %q, %v", s, e, again, err)
			}
		}
	})
}

// FuzzDisplayOrder: the displayed reading holds no bidirectional control,
// and is not the string as written.
func FuzzDisplayOrder(f *testing.F) {
	for _, s := range []string{"\u202enituP rimidalV", "Acme \u202enituP rimidalV\u202c Ltd", "\u2067x\u2069", "\u202e\u202e\u202c", "\u202eعبد الله", "a\u202eb\u0301c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := textnorm.DisplayOrder(s)
		if !ok {
			if v != "" {
				t.Fatalf("DisplayOrder(%+q) = %+q, false", s, v)
			}
			return
		}
		if v == s || strings.ContainsAny(v, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
			t.Fatalf("DisplayOrder(%+q) = %+q", s, v)
		}
	})
}
