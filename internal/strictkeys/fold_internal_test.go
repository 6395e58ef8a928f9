package strictkeys

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldVariants returns r and the runes case mapping relates it to.
func foldVariants(r rune) []rune {
	vs := []rune{r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r)}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		vs = append(vs, f)
	}
	return vs
}

// casedRunes returns every rune that case mapping or folding changes.
func casedRunes() []rune {
	var rs []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if unicode.SimpleFold(r) != r || unicode.ToUpper(r) != r || unicode.ToLower(r) != r {
			rs = append(rs, r)
		}
	}
	return rs
}

// TestFoldSimpleIsEqualFold checks, for every cased rune against every rune
// related to it, that appendFoldSimple forms are equal exactly when
// strings.EqualFold says so.
func TestFoldSimpleIsEqualFold(t *testing.T) {
	t.Parallel()
	for _, r := range casedRunes() {
		a := "k" + string(r) + "x"
		for _, v := range foldVariants(r) {
			b := "K" + string(v) + "X"
			got := string(appendFoldSimple(nil, []byte(a))) == string(appendFoldSimple(nil, []byte(b)))
			if want := strings.EqualFold(a, b); got != want {
				t.Fatalf("%U vs %U: simple forms equal %v, strings.EqualFold %v", r, v, got, want)
			}
		}
	}
}

// TestFoldSimpleIsEncodingJSON checks, for every cased rune against every
// rune related to it, that appendFoldSimple forms are equal exactly when
// encoding/json fills a field tagged with one name from a member named
// with the other, and that collide covers that match and strings.ToLower.
func TestFoldSimpleIsEncodingJSON(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a struct type per cased rune")
	}
	for _, r := range casedRunes() {
		field := "f" + string(r)
		typ := reflect.StructOf([]reflect.StructField{{Name: "F", Type: reflect.TypeFor[int](), Tag: reflect.StructTag(`json:"` + field + `"`)}})
		if out, _ := json.Marshal(reflect.New(typ).Interface()); !strings.Contains(string(out), field) {
			continue // encoding/json ignores a tag with this character
		}
		for _, v := range foldVariants(r) {
			member := "F" + string(v)
			doc, _ := json.Marshal(map[string]int{member: 1})
			p := reflect.New(typ)
			if err := json.Unmarshal(doc, p.Interface()); err != nil {
				t.Fatal(err)
			}
			matched := p.Elem().Field(0).Int() == 1
			got := string(appendFoldSimple(nil, []byte(field))) == string(appendFoldSimple(nil, []byte(member)))
			if got != matched {
				t.Fatalf("field %q member %q (%U vs %U): simple forms equal %v, encoding/json matches %v", field, member, r, v, got, matched)
			}
			if matched && !collide([]byte(field), []byte(member)) {
				t.Fatalf("collide(%q, %q) = false but encoding/json matches them", field, member)
			}
			//nolint:staticcheck // the lower-casing relation viper uses, on purpose not EqualFold
			if strings.ToLower(field) == strings.ToLower(member) && !collide([]byte(field), []byte(member)) {
				t.Fatalf("collide(%q, %q) = false but strings.ToLower makes them equal", field, member)
			}
			//nolint:staticcheck // the upper-casing relation, on purpose not EqualFold
			if strings.ToUpper(field) == strings.ToUpper(member) && !collide([]byte(field), []byte(member)) {
				t.Fatalf("collide(%q, %q) = false but strings.ToUpper makes them equal", field, member)
			}
		}
	}
}

// TestCaseHash checks that keys equal under a folding hash alike, and
// that plain is set only for ASCII without a backslash.
func TestCaseHash(t *testing.T) {
	t.Parallel()
	const seed = 0x1234
	pairs := [][2]string{{"supplier", "SUPPLIER"}, {"a", "A"}, {"bom-ref", "BOM-REF"}, {"", ""}, {"exactly8", "EXACTLY8"}, {"sixteen-bytes-ab", "SIXTEEN-BYTES-AB"}}
	for _, p := range pairs {
		h1, plain1 := caseHash(seed, []byte(p[0]))
		h2, plain2 := caseHash(seed, []byte(p[1]))
		if h1 != h2 || !plain1 || !plain2 {
			t.Errorf("%q/%q: hashes %x %x plain %v %v", p[0], p[1], h1, h2, plain1, plain2)
		}
	}
	for _, s := range []string{"ſ", `a\u0041`, "é", `\`} {
		if _, plain := caseHash(seed, []byte(s)); plain {
			t.Errorf("%q reported plain", s)
		}
	}
	// A short key at the end of its array: the word read must not see
	// past the slice.
	buf := []byte("abcXYZ")
	h1, _ := caseHash(seed, buf[:3])
	h2, _ := caseHash(seed, []byte("ABC")[:3:3])
	if h1 != h2 {
		t.Errorf("hash depends on the bytes after the key")
	}
	if h3, _ := caseHash(seed, []byte("ab")); h3 == h1 {
		t.Errorf("keys of different lengths hash alike")
	}
}

// TestCheckJSONEveryCasedRune puts every cased rune and each rune related
// to it in two keys of one object: CheckJSON fails exactly when collide
// says the keys collide, so the hashes never hide a collision.
func TestCheckJSONEveryCasedRune(t *testing.T) {
	t.Parallel()
	for _, r := range casedRunes() {
		for _, v := range foldVariants(r) {
			a, b := "k"+string(r), "K"+string(v)
			doc, _ := json.Marshal(map[string]int{a: 1, b: 2})
			err := CheckJSON(doc)
			if want := collide([]byte(a), []byte(b)); (err != nil) != want {
				t.Fatalf("%q and %q (%U, %U): error %v, want collision %v", a, b, r, v, err, want)
			}
			if strings.EqualFold(a, b) && err == nil {
				t.Fatalf("%q and %q are equal under strings.EqualFold and pass", a, b)
			}
		}
	}
}
