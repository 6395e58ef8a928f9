package screen

import (
	"slices"
	"strings"
)

// Given names in another language's form. English writes the given names
// of Russian, Ukrainian and Belarusian persons in their English form as
// often as transliterated: "Michael Fridman" for FRIDMAN, Mikhail,
// "Eugene Prigozhin" for PRIGOZHIN, Yevgeniy. Neither spelling nor sound
// relates Eugene to Yevgeny, so a table does: groups of one given name's
// forms, the English one first where English has its own, then the
// Russian, Ukrainian and Belarusian romanisations that lists use
// (Vladimir, Volodymyr, Uladzimir).
//
// Every equivalence of the table is attested in Wikidata's given-name
// data, as the synonames project extracted it (alephdata/synonames, in
// Aleph's search configuration; testdata/synonames.txt.gz, MIT): the
// forms of a group are linked there directly or through a form in another
// script ("michael, михаил", "mikhail, михаил"). TestGivenNameFormsAttested
// checks it. Forms that data does not link are left out, however
// plausible (Cyril and Kirill, Joseph and Iosif, Helen and Yelena); so are
// given names the English-language press does not translate (Arabic,
// Persian and Korean names), but for the Turkish forms of Arabic ones that
// spelling does not relate (Mehmet for Muhammad), and Ivan for John, two
// names common enough apart that pairing them would find many other
// persons.
//
// A query's given name paired with a listed given name by the table is a
// possible match at most (capGivenForm), explained as "the same given name
// in another language".
var givenNameForms = [...]string{
	"alexander aleksandr alexandr oleksandr aliaksandr alyaksandr aleksander",
	"alexis aleksei aleksey alexei alexey oleksiy",
	"andrew andrei andrey andriy andrii",
	"anthony antony anton",
	"basil vasily vasiliy vasili vasyl",
	"constantine konstantin kostiantyn",
	"eugene yevgeny yevgeniy evgeny evgeniy evgenii yevhen evgeni yevgeni",
	"george georgy georgiy georgii",
	"gregory grigory grigoriy grigorii hryhoriy",
	"jacob yakov",
	"julia yuliya yulia",
	"catherine katherine yekaterina ekaterina kateryna",
	"michael mikhail mykhailo michail mikael michal",
	"nicholas nicolas nikolai nikolay mykola",
	"paul pavel pavlo",
	"peter pyotr petr petro",
	"stephen steven stepan",
	"simon semyon semen",
	"sophia sofia",
	"maxim maksim maksym",
	"igor ihor",
	"oleg oleh",
	"vladimir volodymyr uladzimir",
	"sergei sergey serhiy",
	"dmitry dmitri dmytro dzmitry",
	"yuri yuriy",
	"victor viktor",
	"vitaly vitaliy", //nolint:misspell // a given name (Виталий), not "vitality"
	"valery valeriy valerii",
	"anatoly anatoliy anatolii",
	"gennady gennadiy",
	"denis denys",
	// Forms of European given names that spelling leaves apart, the
	// Greek ch and th written k and t ("Kristina" for Christina, "Tomas"
	// for Thomas).
	"christina kristina cristina krystyna",
	"thomas tomas tomasz",
	// Turkish forms of Arabic given names, which Turkish and Balkan
	// registers write: Mehmet is MUHAMMAD, Ahmet AHMAD, Hüseyin HUSAYN.
	"muhammad mohammed mohammad mohamed muhammed mehmet mehmed",
	"ahmad ahmed ahmet",
	"husayn hussein huseyin",
}

// givenFormsOf holds the forms of each group of givenNameForms.
var givenFormsOf = func() [][]string {
	out := make([][]string, len(givenNameForms))
	for i, g := range givenNameForms {
		out[i] = strings.Fields(g)
	}
	return out
}()

// givenFormGroup maps each form of givenNameForms to its group's index.
var givenFormGroup = func() map[string]int32 {
	m := map[string]int32{}
	for i, forms := range givenFormsOf {
		for _, f := range forms {
			m[f] = int32(i)
		}
	}
	return m
}()

// givenForm returns the group of givenForms that holds the folded word w,
// -1 when none does.
func givenForm[T string | []byte](w T) int32 {
	t := givenForms()
	if g, ok := filteredGet(t.filter, t.group, w); ok {
		return g
	}
	return -1
}

// sameLanguageForm reports whether two folded given names are forms of
// one name in two languages (a givenNameForms group), not a name and its
// nickname.
func sameLanguageForm[T string | []byte](a T, b string) bool {
	ga, okA := givenFormGroup[string(a)]
	gb, okB := givenFormGroup[b]
	return okA && okB && ga == gb
}

// givenFormIndex is what scoring asks of givenNameForms about the
// index's vocabulary.
type givenFormIndex struct {
	// ofText is the group of every text, -1 for a text in none.
	ofText []int32
	// keys are the keys of the forms of each group that listed names
	// hold, and weight the weight of the lightest of them (that of a
	// word no name holds when they hold none).
	keys   [][]int32
	weight []float32
	// texts are the texts of the forms of each group that listed names
	// hold: a handful, which scoring scans rather than look up ofText
	// for every word of every name.
	texts [][]int32
}

// computeGivenForms indexes givenNameForms over the vocabulary.
func (ix *Index) computeGivenForms() *givenFormIndex {
	d := &ix.dict
	table := givenForms()
	groups := table.forms
	g := &givenFormIndex{ofText: make([]int32, len(d.texts)), keys: make([][]int32, len(groups)), weight: make([]float32, len(groups)),
		texts: make([][]int32, len(groups))}
	rare := rareShare * d.unseen
	for i, t := range d.texts {
		g.ofText[i] = givenForm(t)
		if g.ofText[i] >= 0 && table.nickname(g.ofText[i]) && d.weight[d.textKey[i]] < rare {
			// A nickname the lists hold often as a name of its own
			// ("Ali", "Sam") is taken as that name: its language
			// group's forms, if any, and no full name's.
			g.ofText[i] = -1
			if l, ok := givenFormGroup[t]; ok {
				g.ofText[i] = l
			}
		}
	}
	for i, forms := range groups {
		g.weight[i] = d.unseen
		for _, f := range forms {
			if id, ok := ix.listedText([]byte(f)); ok {
				g.texts[i] = append(g.texts[i], id)
				k := d.textKey[id]
				if !slices.Contains(g.keys[i], k) {
					g.keys[i] = append(g.keys[i], k)
				}
				if slices.Contains(table.own[i], f) {
					g.weight[i] = min(g.weight[i], d.weight[k])
				}
			}
		}
	}
	return g
}
