package screen

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
)

// nicknamesSHA256 is the digest of data/nicknames-21d7505.csv.gz
// (SOURCES.md).
const nicknamesSHA256 = "bbfe3703fb359f3eee417ca642717a3f65868cab63df5df0c9d027e00f351876"

// TestNicknamesTable: the embedded table is the copy SOURCES.md names,
// parses whole, and reads each pair from the nickname to the full name,
// whichever way the table lists it.
func TestNicknamesTable(t *testing.T) {
	t.Parallel()
	if sum := sha256.Sum256(nicknamesGz); hex.EncodeToString(sum[:]) != nicknamesSHA256 {
		t.Fatalf("data/nicknames-21d7505.csv.gz: sha256 %x, want %s", sum, nicknamesSHA256)
	}
	fullOf, err := parseNicknames(nicknamesGz)
	if err != nil {
		t.Fatal(err)
	}
	for nick, full := range map[string][]string{"bill": {"william", "robert"}, "mike": {"michael"}, "bob": {"robert"}, "alex": {"alexander"}} {
		for _, f := range full {
			if !slices.Contains(fullOf[nick], f) {
				t.Errorf("%s: full names %v, want %s among them", nick, fullOf[nick], f)
			}
		}
	}
	// Full names, and nicknames of fewer than minNickname letters, are
	// nicknames of nothing; of two names of one length, neither is.
	for _, w := range []string{"william", "michael", "al", "ed"} {
		if len(fullOf[w]) > 0 {
			t.Errorf("%s: a nickname of %v", w, fullOf[w])
		}
	}
	if slices.Contains(fullOf["fred"], "bill") || slices.Contains(fullOf["bill"], "fred") {
		t.Errorf("bill and fred: %v, %v, want neither a nickname of the other", fullOf["bill"], fullOf["fred"])
	}
	// A row that is no nickname pair fails the table, naming the line.
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = zw.Write([]byte("name1,relationship,name2\nrobert,has_nickname,bob\nrobert,is_not,bert\n"))
	_ = zw.Close()
	if _, err := parseNicknames(b.Bytes()); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("malformed table: %v, want an error at line 3", err)
	}
}

// TestGivenFormGroups: a nickname's group holds the full names and their
// forms in other languages; a full name's group holds no nickname.
func TestGivenFormGroups(t *testing.T) {
	t.Parallel()
	forms := func(w string) []string {
		g := givenForm(w)
		if g < 0 {
			return nil
		}
		return givenForms().forms[g]
	}
	if f := forms("mike"); !slices.Contains(f, "michael") || !slices.Contains(f, "mikhail") {
		t.Errorf("mike: %v, want michael and mikhail", f)
	}
	if f := forms("michael"); slices.Contains(f, "mike") || !slices.Contains(f, "mikhail") {
		t.Errorf("michael: %v, want mikhail and not mike", f)
	}
	if !sameLanguageForm("michael", "mikhail") || sameLanguageForm("mike", "michael") {
		t.Error("sameLanguageForm: michael and mikhail are one name in two languages, mike and michael are not")
	}
}
