package attribute

import (
	"strings"
	"testing"
)

// TestIsOrgWord: isOrgWord answers as a look-up of strings.ToLower does,
// in any letter case and script.
func TestIsOrgWord(t *testing.T) {
	for _, w := range []string{"Ltd", "LTD", "ltd", "GmbH", "Technologies", "TELECOMMUNICATIONS",
		"\u212AK", "Ｌｔｄ", "Müller", "Lab", "Labs.", "", "x", "averyveryveryverylongwordbeyondanyone", "Kaspersky"} {
		if got, want := isOrgWord(w), orgWords[strings.ToLower(w)]; got != want {
			t.Errorf("isOrgWord(%q) = %v, want %v", w, got, want)
		}
	}
	if !isOrgWord("\u212AK") {
		t.Error(`the Kelvin sign and K ("kk") is not read as an organisation's word`)
	}
}
