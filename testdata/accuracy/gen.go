//go:build ignore

// gen writes the labelled evaluation set of the name matcher from real
// data, deterministically: run `go run gen.go` in this directory.
//
//   - positives.tsv: variants of real SDN names (ofac-sdn-2026-08-20.csv):
//     every 20th individual or entity, with the variants a screener meets
//     (word order, dropped patronymic or middle names, transliteration
//     spellings, case and punctuation, legal forms added, dropped or
//     changed, one-letter typos, Cyrillic script).
//   - negatives.tsv: real names that are not on the list (negatives-src.tsv,
//     plus common given-name × surname pairs), minus exact namesakes of a
//     listed name (see README.md).
//
// It uses only the standard library and none of the matcher's code, so the
// set does not borrow the matcher's own rules.
package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"
)

type entry struct {
	id, name, typ string
	programs      []string
	aliases       []string
}

func main() {
	es := readSDN("ofac-sdn-2026-08-20.csv")
	var pos [][]string
	n := 0
	for _, e := range es {
		if e.typ != "individual" && e.typ != "entity" {
			continue
		}
		n++
		if n%20 != 0 {
			continue
		}
		pos = append(pos, variants(e, n)...)
	}
	writeTSV("positives.tsv", []string{"query", "kind", "entry_id", "variant", "listed_name"}, pos)

	neg, dropped := negatives(es, "negatives-src.tsv", firstNames, lastNames)
	writeTSV("negatives.tsv", []string{"query", "kind", "source"}, neg)
	fmt.Printf("positives %d, negatives %d (namesakes dropped %d)\n", len(pos), len(neg), len(dropped))
	for _, d := range dropped {
		fmt.Printf("  namesake: %s\n", d)
	}

	// The held-out set: other entries (the 10th of every 20) and other
	// names, never looked at while the matcher was tuned.
	var held [][]string
	n = 0
	for _, e := range es {
		if e.typ != "individual" && e.typ != "entity" {
			continue
		}
		n++
		if n%20 != 10 {
			continue
		}
		held = append(held, variants(e, n+10)...)
	}
	writeTSV("positives-heldout.tsv", []string{"query", "kind", "entry_id", "variant", "listed_name"}, held)
	hneg, hdropped := negatives(es, "negatives-heldout-src.tsv", heldFirstNames, heldLastNames)
	writeTSV("negatives-heldout.tsv", []string{"query", "kind", "source"}, hneg)
	fmt.Printf("held out: positives %d, negatives %d (namesakes dropped %d)\n", len(held), len(hneg), len(hdropped))
	for _, d := range hdropped {
		fmt.Printf("  namesake: %s\n", d)
	}
}

func readSDN(path string) []entry {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	var es []entry
	for _, r := range rows[1:] {
		e := entry{id: r[0], name: r[1], typ: r[2], programs: split(r[3])}
		e.aliases = split(r[4])
		es = append(es, e)
	}
	return es
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// variants returns the positive rows of one entry: query, kind, id,
// variant, listed name.
func variants(e entry, n int) [][]string {
	kind := "organization"
	if e.typ == "individual" {
		kind = "person"
	}
	if n%100 == 0 {
		kind = "" // some queries do not know the party's kind
	}
	var out [][]string
	add := func(q, v string) {
		q = strings.Join(strings.Fields(q), " ")
		if q == "" {
			return
		}
		for _, r := range out {
			if r[0] == q {
				return
			}
		}
		out = append(out, []string{q, kind, e.id, v, e.name})
	}
	words := strings.Fields(e.name)
	if e.typ == "individual" {
		last, given, ok := strings.Cut(e.name, ",")
		gw := strings.Fields(given)
		if !ok || len(gw) == 0 {
			add(title(e.name), "case")
			if w, ok := typo(e.name); ok {
				add(w, "typo")
			}
			return out
		}
		last = strings.TrimSpace(last)
		full := title(strings.Join(gw, " ") + " " + last)
		add(full, "order")
		if len(gw) > 1 {
			add(title(gw[0]+" "+last), "drop-middle")
		}
		add(strings.ToLower(strings.ReplaceAll(e.name, ",", "")), "case-punct")
		if v, ok := translit(title(gw[0]) + " " + title(last)); ok {
			add(v, "translit")
		}
		if v, ok := typo(title(gw[0] + " " + last)); ok {
			add(v, "typo")
		}
		if slavic(e) {
			add(toCyrillic(strings.ToLower(gw[0]+" "+last)), "cyrillic")
		}
		if v, ok := arabicVariant(title(strings.Join(gw, " ") + " " + last)); ok {
			add(v, "translit-arabic")
		}
		if len(e.aliases) > 0 {
			a := e.aliases[0]
			if al, ag, ok := strings.Cut(a, ","); ok {
				add(title(strings.TrimSpace(ag)+" "+al), "alias-order")
			}
		}
		return out
	}
	add(strings.ToLower(e.name), "case")
	add(strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return ' '
		}
		return r
	}, e.name), "punct")
	core, form := stripLegal(words)
	if form != "" && len(core) > 0 {
		add(strings.Join(core, " "), "legal-drop")
		add(strings.Join(core, " ")+" "+otherForm(form), "legal-change")
	} else {
		add(e.name+" LLC", "legal-add")
		add("OOO "+e.name, "legal-add")
	}
	if len(core) == 2 {
		add(core[1]+" "+core[0], "order")
	}
	if v, ok := typo(e.name); ok {
		add(v, "typo")
	}
	return out
}

var legal = []string{"LIMITED LIABILITY COMPANY", "JOINT STOCK COMPANY", "CO., LTD.", "CO. LTD.", "CO., LTD", "COMPANY LIMITED", "CO. LIMITED", "LTD.", "LTD", "LIMITED", "LLC", "L.L.C.", "INC.", "INC", "CORP.", "CORPORATION", "S.A.", "GMBH", "PTE. LTD.", "FZE", "JSC", "OOO", "AO"}

// stripLegal removes a legal form that leads or ends the name.
func stripLegal(words []string) ([]string, string) {
	s := strings.Join(words, " ")
	for _, f := range legal {
		if strings.HasSuffix(s, " "+f) {
			return strings.Fields(strings.TrimSuffix(strings.TrimSuffix(s, f), ",")), f
		}
		if strings.HasPrefix(s, f+" ") {
			return strings.Fields(strings.TrimPrefix(s, f+" ")), f
		}
	}
	return words, ""
}

func otherForm(f string) string {
	switch f {
	case "LLC", "L.L.C.":
		return "Limited Liability Company"
	case "LIMITED LIABILITY COMPANY":
		return "LLC"
	case "JOINT STOCK COMPANY":
		return "JSC"
	case "LTD", "LTD.", "LIMITED":
		return "Ltd"
	case "INC", "INC.":
		return "Incorporated"
	}
	return "Co., Ltd."
}

// title writes a name in title case: "TIKHONOV" → "Tikhonov".
func title(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}

// typo changes one letter in the middle of the longest word of at least
// six letters to the next letter of the alphabet.
func typo(s string) (string, bool) {
	ws := strings.Fields(s)
	best := -1
	for i, w := range ws {
		if len(w) >= 6 && isLetters(w) && (best < 0 || len(w) > len(ws[best])) {
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	b := []byte(ws[best])
	p := len(b) / 2
	c := b[p]
	switch {
	case c >= 'a' && c <= 'z':
		b[p] = 'a' + (c-'a'+1)%26
	case c >= 'A' && c <= 'Z':
		b[p] = 'A' + (c-'A'+1)%26
	}
	ws[best] = string(b)
	return strings.Join(ws, " "), true
}

func isLetters(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// translit applies the first applicable common alternative spelling of
// Russian names to one word: -iy/-y, -ei/-ey, kh/h, ks/x, Ye/E, ts/tz,
// ii/iy, ou/u, shch/sch, -ov/-ow.
func translit(s string) (string, bool) {
	type rule struct {
		ok  func(w string) bool
		fix func(w string) string
	}
	rules := []rule{
		{func(w string) bool { return strings.HasSuffix(w, "iy") }, func(w string) string { return strings.TrimSuffix(w, "iy") + "y" }},
		{func(w string) bool { return strings.HasSuffix(w, "ey") }, func(w string) string { return strings.TrimSuffix(w, "ey") + "ei" }},
		{func(w string) bool { return strings.HasSuffix(w, "ei") }, func(w string) string { return strings.TrimSuffix(w, "ei") + "ey" }},
		{func(w string) bool { return strings.Contains(w, "kh") }, func(w string) string { return strings.Replace(w, "kh", "h", 1) }},
		{func(w string) bool { return strings.Contains(w, "ks") }, func(w string) string { return strings.Replace(w, "ks", "x", 1) }},
		{func(w string) bool { return strings.Contains(w, "x") }, func(w string) string { return strings.Replace(w, "x", "ks", 1) }},
		{func(w string) bool { return strings.HasPrefix(w, "Ye") }, func(w string) string { return "E" + w[2:] }},
		{func(w string) bool { return strings.Contains(w, "ts") }, func(w string) string { return strings.Replace(w, "ts", "tz", 1) }},
		{func(w string) bool { return strings.Contains(w, "ii") }, func(w string) string { return strings.Replace(w, "ii", "iy", 1) }},
		{func(w string) bool { return strings.Contains(w, "ou") }, func(w string) string { return strings.Replace(w, "ou", "u", 1) }},
		{func(w string) bool { return strings.Contains(w, "shch") }, func(w string) string { return strings.Replace(w, "shch", "sch", 1) }},
		{func(w string) bool { return strings.HasSuffix(w, "ov") }, func(w string) string { return strings.TrimSuffix(w, "ov") + "ow" }},
	}
	ws := strings.Fields(s)
	for _, r := range rules {
		for i, w := range ws {
			if r.ok(w) {
				ws[i] = r.fix(w)
				return strings.Join(ws, " "), true
			}
		}
	}
	return "", false
}

// arabicVariants are other common romanisations of frequent Arabic given
// names, as newspapers and registers write them.
var arabicVariants = map[string]string{
	"Muhammad": "Mohammed", "Mohammed": "Muhammad", "Mohamed": "Muhammad", "Mohammad": "Mohamed",
	"Husayn": "Hussein", "Hussein": "Husayn", "Husain": "Hussein", "Usama": "Osama", "Osama": "Usama",
	"Umar": "Omar", "Omar": "Umar", "Yusuf": "Youssef", "Yousef": "Yusuf", "Abdallah": "Abdullah",
	"Abdullah": "Abdallah", "Ibrahim": "Ebrahim", "Khalid": "Khaled", "Khaled": "Khalid",
	"Mahmud": "Mahmoud", "Mahmoud": "Mahmud", "Ahmad": "Ahmed", "Ahmed": "Ahmad",
	"Mustafa": "Mostafa", "Mostafa": "Mustafa", "Ismail": "Esmail", "Qasim": "Qassem",
}

// arabicVariant respells the first word of s found in arabicVariants.
func arabicVariant(s string) (string, bool) {
	ws := strings.Fields(s)
	for i, w := range ws {
		if v, ok := arabicVariants[w]; ok {
			ws[i] = v
			return strings.Join(ws, " "), true
		}
	}
	return "", false
}

// slavic reports whether an entry is sanctioned under a Russia, Ukraine or
// Belarus program, whose names have a Cyrillic original.
func slavic(e entry) bool {
	for _, p := range e.programs {
		if strings.HasPrefix(p, "RUSSIA") || strings.HasPrefix(p, "UKRAINE") || strings.HasPrefix(p, "BELARUS") {
			return true
		}
	}
	return false
}

// toCyrillic writes a romanised Russian name back in Cyrillic, greedily,
// the way a Russian speaker would spell it.
func toCyrillic(s string) string {
	multi := []struct{ lat, cyr string }{
		{"shch", "щ"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
		{"yu", "ю"}, {"ya", "я"}, {"ye", "е"}, {"yo", "ё"}, {"iy ", "ий "}, {"ey", "ей"},
		{"ay", "ай"}, {"oy", "ой"}, {"uy", "уй"},
	}
	single := map[byte]string{'a': "а", 'b': "б", 'v': "в", 'g': "г", 'd': "д", 'e': "е", 'z': "з",
		'i': "и", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'r': "р", 's': "с",
		't': "т", 'u': "у", 'f': "ф", 'h': "х", 'y': "ы", 'c': "ц", 'j': "й", 'x': "кс", 'w': "в", 'q': "к"}
	s += " "
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := false
		for _, m := range multi {
			if strings.HasPrefix(s[i:], m.lat) {
				b.WriteString(m.cyr)
				i += len(m.lat)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if c, ok := single[s[i]]; ok {
			b.WriteString(c)
		} else {
			b.WriteByte(s[i])
		}
		i++
	}
	return strings.TrimSpace(b.String())
}

// Negatives.

var firstNames = strings.Fields(`James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth
William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy
Matthew Betty Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua
Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Hans Ursula Klaus
Sabine Jurgen Petra Pierre Sophie Lars Ingrid Hiroshi Yuki Wei Li Priya Rahul Olga Svetlana Dmitri
Natalia Giuseppe Francesca Pedro Lucia Kwame Amara`)

var lastNames = strings.Fields(`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor
Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright
Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans
Edwards Collins Stewart Morris Murphy Cook Rogers Mueller Schmidt Schneider Fischer Weber Dubois
Lefebvre Johansson Andersen Tanaka Suzuki Wang Zhang Sharma Patel Kuznetsova Sokolova Rossi Bianchi
Silva Santos Mensah Okafor`)

// heldFirstNames and heldLastNames are the common names of the held-out
// negatives: none of them is in firstNames or lastNames.
var heldFirstNames = strings.Fields(`Carlos Jose Luis Juan Manuel Ana Carmen Rosa Fernanda Diego Joao Tiago
Beatriz Rajesh Sunil Anita Deepak Kavya Arjun Chen Ming Hui Jun Hiroko Takeshi Kenji Sakura Minh Thi Anh
Seo-yeon Min-jun Ji-woo Chidi Ngozi Oluwaseun Emeka Aylin Emre Zeynep Mehmet Piotr Agnieszka Tomasz
Katarzyna Jan Eva Lukas Anna Noah Emma Liam Olivia Mateo Valentina Henrik Astrid Sven Freya`)

var heldLastNames = strings.Fields(`Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez
Torres Flores Rivera Gomez Diaz Reyes Morales Oliveira Souza Costa Pereira Kumar Singh Gupta Reddy Iyer
Nair Chen Liu Huang Zhao Wu Zhou Sato Takahashi Watanabe Ito Yamamoto Nguyen Tran Le Pham Kim Park Lee
Choi Adeyemi Okonkwo Eze Nwosu Yilmaz Kaya Demir Sahin Kowalski Nowak Wisniewski Novak Svoboda Dvorak
Hansen Nielsen Larsen Berg Lindqvist Virtanen Korhonen`)

// negatives returns the negative rows of the names in src and the pairs
// of given names and surnames, and the namesakes left out.
func negatives(es []entry, srcPath string, givenNames, surnames []string) ([][]string, []string) {
	listed := map[string]bool{}
	for _, e := range es {
		for _, n := range append([]string{e.name}, e.aliases...) {
			for _, f := range forms(n, e.typ == "individual") {
				listed[f] = true
			}
		}
	}
	var rows [][]string
	var dropped []string
	seen := map[string]bool{}
	addRow := func(q, kind, src string) {
		if seen[q] {
			return
		}
		seen[q] = true
		if listed[bag(q, kind != "person")] {
			dropped = append(dropped, q)
			return
		}
		rows = append(rows, []string{q, kind, src})
	}
	src, err := os.ReadFile(srcPath)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			log.Fatalf("%s: bad line %q", srcPath, line)
		}
		addRow(f[0], f[1], f[2])
	}
	for i, fn := range givenNames {
		for j, ln := range surnames {
			kind := "person"
			if (i+j)%5 == 0 {
				kind = ""
			}
			addRow(fn+" "+ln, kind, "common-names")
		}
	}
	return rows, dropped
}

// bag is the sorted lower-case words of a name, legal forms dropped for
// organisations: two names with the same bag differ only in word order,
// case, punctuation and legal form.
func bag(s string, org bool) string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if org {
		ws = slices.DeleteFunc(ws, func(w string) bool {
			switch w {
			case "llc", "ltd", "limited", "inc", "corp", "corporation", "co", "company", "gmbh", "sa", "ag", "plc", "the", "lp", "llp":
				return true
			}
			return false
		})
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// forms are the bags a listed name is known by: for an individual
// ("LAST, Given Middle") also surname plus first given name, and, where
// the surname has several words (Hispanic paternal and maternal surnames,
// "MADURO MOROS, Nicolas"), each of them plus the first given name: the
// name as the press writes it, which a screener must find (issue on
// recall: partial names).
func forms(n string, individual bool) []string {
	out := []string{bag(n, !individual)}
	if last, given, ok := strings.Cut(n, ","); ok && individual {
		gw := strings.Fields(given)
		if len(gw) > 1 {
			out = append(out, bag(last+" "+gw[0], false))
		}
		if lw := strings.Fields(last); len(lw) > 1 && len(gw) > 0 {
			for _, l := range lw {
				out = append(out, bag(l+" "+gw[0], false))
			}
		}
	}
	return out
}

func writeTSV(path string, head []string, rows [][]string) {
	var b strings.Builder
	b.WriteString("# " + strings.Join(head, "\t") + "\n")
	for _, r := range rows {
		for _, f := range r {
			if strings.ContainsAny(f, "\t\n") {
				log.Fatalf("%s: field %q has a tab or newline", path, f)
			}
		}
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
