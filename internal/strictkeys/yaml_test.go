package strictkeys_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/strictkeys"
)

var yamlCases = []keyCase{
	{name: "empty", doc: ""},
	{name: "comment only", doc: "# nothing\n"},
	{name: "config", doc: "profile: us-person\nlists:\n  max-age: 30d\n"},
	{name: "config PROFILE", doc: "profile: default\nlists:\n  dir: x\nPROFILE: us-person\n",
		want: strictkeys.ErrFoldedKey, key: "PROFILE", other: "profile", line: 4, col: 1},
	{name: "config duplicate", doc: "as-of: 2026-01-01\nas-of: 2015-01-01\n",
		want: strictkeys.ErrDuplicateKey, key: "as-of", other: "as-of", line: 2, col: 1},
	{name: "nested policy.dirs", doc: "policy:\n  dirs: [a]\n  Dirs: [b]\n",
		want: strictkeys.ErrFoldedKey, key: "Dirs", other: "dirs", pointer: "/policy", line: 3, col: 3},
	{name: "vendor sequence NAME", doc: "- name: Kaspersky Lab, Inc.\n  NAME: Acme LLC\n",
		want: strictkeys.ErrFoldedKey, key: "NAME", other: "name", pointer: "/0", line: 2, col: 3},
	{name: "spdx yaml packages", doc: "spdxVersion: SPDX-2.3\npackages:\n  - name: kes\nPACKAGES: []\n",
		want: strictkeys.ErrFoldedKey, key: "PACKAGES", other: "packages", line: 4, col: 1},
	{name: "long s", doc: "supplier: a\nſupplier: b\n", want: strictkeys.ErrFoldedKey, key: "ſupplier", other: "supplier", line: 2, col: 1},
	{name: "quoted and plain", doc: "\"name\": a\nname: b\n", want: strictkeys.ErrDuplicateKey, key: "name", other: "name", line: 2, col: 1},
	{name: "resolved scalar keys", doc: "1: a\n0x1: b\n", want: strictkeys.ErrDuplicateKey, key: "1", other: "1", line: 2, col: 1},
	{name: "bools are one key", doc: "true: a\nTrue: b\n", want: strictkeys.ErrDuplicateKey, key: "true", other: "true", line: 2, col: 1},
	{name: "json flow", doc: `{"vendors":[{"name":"a","Name":"b"}]}`, want: strictkeys.ErrFoldedKey, key: "Name", other: "name", pointer: "/vendors/0", line: 1, col: 25},
	{name: "merge overrides exactly", doc: "base: &b\n  name: x\nitem:\n  <<: *b\n  name: y\n"},
	{name: "merge with a case variant", doc: "base: &b\n  name: x\nitem:\n  <<: *b\n  NAME: y\n",
		want: strictkeys.ErrFoldedKey, key: "NAME", other: "name", pointer: "/item", line: 5, col: 3},
	{name: "merge list", doc: "a: &a {x: 1}\nb: &b {X: 2}\nc:\n  <<: [*a, *b]\n",
		want: strictkeys.ErrFoldedKey, key: "X", other: "x", pointer: "/c", line: 4, col: 3},
	{name: "sibling documents", doc: "name: a\n---\nNAME: b\n"},
	{name: "second document bad", doc: "name: a\n---\nname: b\nNAME: c\n", want: strictkeys.ErrFoldedKey, key: "NAME", other: "name", line: 4, col: 1},
	{name: "malformed", doc: "a: [1, 2\n", want: strictkeys.ErrSyntax},
	{name: "tab indentation", doc: "a:\n\tb: 1\n", want: strictkeys.ErrSyntax},
}

func TestCheckYAML(t *testing.T) {
	t.Parallel()
	for _, tc := range yamlCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := strictkeys.CheckYAML([]byte(tc.doc))
			if errors.Is(tc.want, strictkeys.ErrSyntax) {
				if !errors.Is(err, strictkeys.ErrSyntax) {
					t.Fatalf("error %v, want ErrSyntax", err)
				}
				return
			}
			checkCase(t, tc, err)
		})
	}
}

// TestCheckYAMLWide exercises the folded index of wide mappings.
func TestCheckYAMLWide(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("m:\n")
	for i := range 300 {
		b.WriteString("  k" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": 1\n")
	}
	if err := strictkeys.CheckYAML([]byte(b.String())); err != nil {
		t.Fatalf("distinct keys: %v", err)
	}
	b.WriteString("  KAA: 2\n")
	err := strictkeys.CheckYAML([]byte(b.String()))
	var ke *strictkeys.KeyError
	if !errors.As(err, &ke) || ke.Key != "KAA" || ke.Other != "kaa" || ke.Pointer != "/m" {
		t.Fatalf("error %v, want KAA in /m", err)
	}
}

// TestCheckYAMLAliasBomb checks that aliases are not expanded.
func TestCheckYAMLAliasBomb(t *testing.T) {
	t.Parallel()
	doc := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		doc += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = n
	}
	if err := strictkeys.CheckYAML([]byte(doc)); err != nil {
		t.Fatal(err)
	}
}
