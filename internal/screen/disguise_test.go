package screen_test

import (
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestNormalizeDisguises: the tokeniser reads names through
// internal/textnorm, so the Unicode disguises of a brand word (issue 13)
// fold to the word itself.
func TestNormalizeDisguises(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"ＫＡＳＰＥＲＳＫＹ", "𝐊𝐚𝐬𝐩𝐞𝐫𝐬𝐤𝐲", "Kas\u0440ersky", "Kaspersk\u0443",
		"Kasp\u3164ersky", "Kasp\u115Fersky", "Kasp\u2800ersky", "Kasp\x7Fersky",
		"Kasp\u0085ersky", "Kasp\u2028ersky", "Kasp\u200Bersky",
	} {
		if got := screen.Normalize(in).Words; !slices.Equal(got, []string{"kaspersky"}) {
			t.Errorf("Normalize(%q).Words = %q, want [kaspersky]", in, got)
		}
	}
}
