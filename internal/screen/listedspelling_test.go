package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestListedUmlautWrittenOut: a list that writes a German umlaut out
// ("MUELLER, Juergen") is found by the name as its bearer writes it,
// "Jürgen Müller", which folds to "jurgen muller"; and an Azerbaijani
// name written with ə by the name as English writes it, and the other
// way round. The names are the index's own, beside the SDN list.
func TestListedUmlautWrittenOut(t *testing.T) {
	t.Parallel()
	own := namedList("own", "individual", []string{
		"MUELLER, Juergen", "SCHROEDER, Gerhard", "JAEGER, Guenther", "HOECKE, Bjoern",
		"ƏLIYEV, Ilham", "MAMMADOV, Heydar",
	})
	ix := newIndex(t, sdnList(t), own)
	assertExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Jürgen Müller", "MUELLER, Juergen", ""},
		{"Gerhard Schröder", "SCHROEDER, Gerhard", ""},
		{"Günther Jäger", "JAEGER, Guenther", ""},
		{"Björn Höcke", "HOECKE, Bjoern", ""},
		{"Ilham Aliyev", "ƏLIYEV, Ilham", ""},
		{"Heydər Məmmədov", "MAMMADOV, Heydar", ""},
	})
	// Without an umlaut the name is not read with one written out:
	// "Hoecke" is as the list writes it, "Hocke" a name of its own.
	if m := matchOf(ix.Name(screen.Query{Name: "Bjorn Hocke", Kind: screen.KindPerson}), "HOECKE, Bjoern"); m != nil && ix.Options().IsHit(m.Score) {
		t.Errorf("Bjorn Hocke: HOECKE, Bjoern at match (%+v)", m)
	}
}
