package screen

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/textnorm"
)

// builder holds the state of NewIndex: ban lists and identifiers are
// indexed as the lists are read, the names of scored lists are gathered as
// items and indexed afterwards in two shares at once (see vocab).
type builder struct {
	ix    *Index
	nb    normBuf
	items []scoredItem
	names int // names of the items
	split int // names from which to index in two shares
	// idKeys gathers the identifiers of every list, by kind.
	idKeys [idKinds]map[string][]IDRef
}

// scoredItem is one entry of a scored list.
type scoredItem struct {
	base ref
	list string // the list's provenance ID, for errors
	e    *lists.Entry
	kind recKind
}

// addList checks one list, indexes its ban names and identifiers, and
// gathers its scored entries.
func (b *builder) addList(li int32, l *lists.List) error {
	switch l.Provenance.Kind {
	case provenance.KindBan, provenance.KindSanctions, provenance.KindLinked, "":
	default:
		return fmt.Errorf("kind %q: %w", l.Provenance.Kind, errListKind)
	}
	ban := l.Provenance.Kind == provenance.KindBan
	for ei := range l.Entries {
		e := &l.Entries[ei]
		if e.ID == "" {
			return fmt.Errorf("entry %d: %w", ei, errNoEntryID)
		}
		kind, err := recKindOf(e.Type)
		if err != nil {
			return fmt.Errorf("entry %s: %w", e.ID, err)
		}
		base := ref{list: li, entry: int32(ei), alias: -1}
		if ban {
			if err := b.addBan(base, e); err != nil {
				return fmt.Errorf("entry %s: %w", e.ID, err)
			}
		}
		// Ban lists are scored too: their names are matched fuzzily, with
		// the explanations of the sanctions lists.
		if kind != recVessel || b.ix.opts.Vessels {
			b.items = append(b.items, scoredItem{base: base, list: l.Provenance.ID, e: e, kind: kind})
			b.names += 1 + len(e.Aliases)
		}
		if err := b.addIdentifiers(base, e); err != nil {
			return fmt.Errorf("entry %s: %w", e.ID, err)
		}
	}
	return nil
}

// addBan indexes a ban-list entry's names whole and its brand words.
func (b *builder) addBan(base ref, e *lists.Entry) error {
	add := func(r ref, name string) error {
		b.nb.normalize(name)
		if len(b.nb.words) == 0 {
			return errNoName
		}
		key := string(b.nb.appendCore(nil))
		b.ix.banNames[key] = appendRef(b.ix.banNames[key], r)
		glued := strings.ReplaceAll(key, " ", "")
		b.ix.banKeys[glued] = appendRef(b.ix.banKeys[glued], r)
		return nil
	}
	if err := add(base, e.Name); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	for ai, a := range e.Aliases {
		r := base
		r.alias = int32(ai)
		if err := add(r, a.Name); err != nil && !errors.Is(err, errNoName) {
			return fmt.Errorf("alias %d: %w", ai, err)
		}
	}
	for _, br := range e.Brands {
		b.nb.normalize(br)
		if len(b.nb.words) == 0 {
			return fmt.Errorf("brand %q: %w", br, errNoName)
		}
		words := make([]string, len(b.nb.words))
		for i := range b.nb.words {
			words[i] = string(b.nb.word(i))
		}
		bd := brand{words: words, text: br, ref: base}
		b.ix.brands[words[0]] = append(b.ix.brands[words[0]], bd)
		glued := strings.Join(words, "")
		b.ix.brandKeys[glued] = append(b.ix.brandKeys[glued], bd)
		if len(glued) >= minBrandKey {
			if k := string(appendBrandKey(nil, []byte(glued))); k != glued {
				b.ix.brandKeys[k] = append(b.ix.brandKeys[k], bd)
			}
		}
	}
	return nil
}

// appendRef appends r unless the same entry is already there.
func appendRef(rs []ref, r ref) []ref {
	for _, x := range rs {
		if x.list == r.list && x.entry == r.entry {
			return rs
		}
	}
	return append(rs, r)
}

// parallelNames is the number of names from which the scored names are
// indexed in two shares at once.
const parallelNames = 4000

// indexScored indexes the names of the gathered items: in two shares, one
// per goroutine, each with its own vocabulary, then merged; the result is
// the same as one share's, in the same order.
func (b *builder) indexScored() error {
	items := b.items
	if b.names < b.split {
		v := newVocab(b.names)
		if err := v.addItems(items); err != nil {
			return err
		}
		b.adopt(v)
		return nil
	}
	// Split where half the names are.
	cut, seen := 0, 0
	for cut < len(items) && seen < b.names/2 {
		seen += 1 + len(items[cut].e.Aliases)
		cut++
	}
	// The first share receives the second's names: size it for all.
	va, vb := newVocab(b.names), newVocab(b.names-seen)
	var errB error
	done := make(chan struct{})
	go func() {
		defer close(done)
		errB = vb.addItems(items[cut:])
	}()
	errA := va.addItems(items[:cut])
	<-done
	if errA != nil {
		return errA // the earlier entry
	}
	if errB != nil {
		return errB
	}
	va.merge(vb)
	b.adopt(va)
	return nil
}

// adopt makes v the index's names and vocabulary.
func (b *builder) adopt(v *vocab) {
	ix := b.ix
	ix.recs, ix.words = v.recs, v.words
	ix.dict.keys = v.keys
	ix.dict.texts, ix.dict.textKey = v.texts, v.textKey
	ix.dict.ids, ix.dict.textIDs = newStrTable(v.keys), newStrTable(v.texts)
	b.finish(v.df, v.entries)
}

// vocab is the names and vocabulary of a share of the scored entries.
type vocab struct {
	recs     []NameRec
	words    []RecWord
	textIDs  map[string]int32 // folded word → text id
	texts    []string
	textKey  []int32          // key id of each text
	keyIDs   map[string]int32 // phonetic key → key id
	keys     []string
	df       []int32 // entries holding each key
	lastSeen []int32 // last entry counted in df, per key
	entries  int32
	nb       normBuf
	keyBuf   []byte
}

// newVocab sizes a vocabulary for about names names, so that nothing grows
// (and is copied) while it is built.
func newVocab(names int) *vocab {
	return &vocab{
		recs:    make([]NameRec, 0, names),
		words:   make([]RecWord, 0, 3*names),
		textIDs: make(map[string]int32, names),
		keyIDs:  make(map[string]int32, names),
	}
}

// addItems indexes the names of items.
func (v *vocab) addItems(items []scoredItem) error {
	for _, it := range items {
		if err := v.addEntry(it); err != nil {
			return fmt.Errorf("index list %s: entry %s: %w", it.list, it.e.ID, err)
		}
	}
	return nil
}

// addEntry indexes the names of one entry.
func (v *vocab) addEntry(it scoredItem) error {
	entry := v.entries
	v.entries++
	if err := v.addRec(it.base, it.e.Name, it.kind, entry, 0); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	if err := v.addReadings(it.base, it.e.Name, it.kind, entry, 0); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	for ai, a := range it.e.Aliases {
		r := it.base
		r.alias = int32(ai)
		var f recFlag
		if a.Type == "weak" {
			f = recWeak
		}
		if err := v.addRec(r, a.Name, it.kind, entry, f); err != nil && !errors.Is(err, errNoName) {
			return fmt.Errorf("alias %d: %w", ai, err)
		}
		if err := v.addReadings(r, a.Name, it.kind, entry, f); err != nil {
			return fmt.Errorf("alias %d: %w", ai, err)
		}
		// An alias with no letters or digits (OFAC lists weak aliases
		// such as "@") can match no name; it is left out.
	}
	return nil
}

// addReadings indexes a person's name once more in another reading, if
// it has one: written in Hangul, read as a Korean name (recKorean); in
// Greek, read as Greek renders a foreign name (recGreek); in
// Arabic letters with a name of 'Abd joined to its article and the next
// word ("عبدالحميد", read "abdalhmid"), with them apart ("abd al hmid"),
// as Latin writes them ("'Abd al-Hamid"), beside the reading as one word
// ("Abdelhamid"). Nothing for another name.
func (v *vocab) addReadings(r ref, name string, kind recKind, entry int32, flags recFlag) error {
	if kind != recPerson {
		return nil
	}
	var err error
	switch {
	case hasHangul(name):
		reading, ok := textnorm.KoreanName(name)
		if !ok {
			return nil
		}
		err = v.addRec(r, reading, kind, entry, flags|recKorean)
	case hasGreek(name):
		reading, ok := greekForeignReading(name)
		if !ok {
			return nil
		}
		err = v.addRec(r, reading, kind, entry, flags|recGreek)
	case strings.Contains(name, "عبدال"):
		err = v.addName(r, name, kind, entry, flags, true)
	}
	if err != nil && !errors.Is(err, errNoName) {
		return err
	}
	return nil
}

// hasGreek reports whether s holds a Greek letter.
func hasGreek(s string) bool {
	for _, c := range s {
		if c >= 0x0370 && c <= 0x03FF || c >= 0x1F00 && c <= 0x1FFF {
			return true
		}
	}
	return false
}

// greekForeignListed reads a name written in Greek, as textnorm reads it
// (ELOT), as Greek renders a foreign name: μπ and ντ for b and d, which
// Greek has no letter for, where they start a word or stand between
// vowels, and ντ ending one after a consonant ("Ομπάμα", "ompama", Obama;
// "Ντόναλντ", "ntonalnt", Donald; not "Τραμπ", Trump); γκ for g and τζ
// for j.
var greekForeignListed = orthography{"Greek rendering of a foreign name", []rewrite{{"mp", "b", atStart}, {"mp", "b", betweenVowels},
	{"nt", "d", atStart}, {"nt", "d", betweenVowels}, {"nt", "d", atEndAfterCons}, {"gk", "g", anywhere}, {"tz", "j", anywhere}}}

// greekForeignReading returns name, written in Greek, read as Greek
// renders a foreign name (greekForeignListed); ok is false when that
// reading is the one textnorm gives.
func greekForeignReading(name string) (reading string, ok bool) {
	latin, _ := textnorm.Latin(name)
	var b, w []byte
	for i, word := range strings.Fields(latin) {
		if i > 0 {
			b = append(b, ' ')
		}
		var changed bool
		if w, changed = greekForeignListed.apply(w[:0], []byte(word)); changed {
			ok = true
		}
		b = append(b, w...)
	}
	return string(b), ok
}

// hasHangul reports whether s holds a Hangul syllable.
func hasHangul(s string) bool {
	for _, c := range s {
		if c >= 0xAC00 && c <= 0xD7A3 {
			return true
		}
	}
	return false
}

// minArticleJoined is the fewest letters of a word read from Arabic
// letters that splitAbjadArticles reads as the article and a word.
const minArticleJoined = 5

// splitAbjadArticles splits from the words of a name read from Arabic
// letters the article the script writes joined to the next word
// ("التكريتي", read "altkriti"): "al" and the word, as Latin writes them
// ("AL-TIKRITI"); and, when abd, a name of 'Abd from its article
// (addReadings).
func splitAbjadArticles(nb *normBuf, abd bool) {
	if !slices.Contains(nb.schemes, textnorm.ArabicScript) {
		return
	}
	for i := 0; i < len(nb.words); i++ {
		w := nb.word(i)
		if !lettersOnly(w) {
			continue
		}
		switch {
		case abd && len(w) >= len("abdal")+minAbdName && string(w[:len("abdal")]) == "abdal":
			// 'Abd, its article and the name ("abd al hmid"); not
			// Abdallah, which Latin writes as one word too.
			nb.splitWord(i, 3)
			nb.splitWord(i+1, 2)
			i += 2
		case len(w) >= minArticleJoined && w[0] == 'a' && w[1] == 'l':
			nb.splitWord(i, 2)
			i++
		}
	}
}

// minAbdName is the fewest letters of the name after 'Abd and its
// article that splitAbjadArticles reads apart ("hmid"; not "lah").
const minAbdName = 4

// addRec indexes one name. The words' weights are set in finish, once
// every name has been counted.
func (v *vocab) addRec(r ref, name string, kind recKind, entry int32, flags recFlag) error {
	return v.addName(r, name, kind, entry, flags, false)
}

// addName is addRec; abdApart reads a name of 'Abd apart from its
// article and the next word (addReadings).
func (v *vocab) addName(r ref, name string, kind recKind, entry int32, flags recFlag, abdApart bool) error {
	nb := &v.nb
	nb.normalize(name)
	if len(nb.words) == 0 {
		return errNoName
	}
	rec := NameRec{ref: r, w0: int32(len(v.words)), kind: kind, flags: flags}
	comma := nb.comma
	abjad := kind == recPerson && nb.abjad()
	kana := kind == recPerson && slices.Contains(nb.schemes, textnorm.Hepburn)
	if abjad {
		splitAbjadArticles(nb, abdApart)
	}
	// A degree or a rank leading the given names ("AL-BADRI, Dr.
	// Ibrahim", "AL ZAWAHIRI, Dr. Ayman") is no name of the person's:
	// the first given name follows it.
	given := comma
	if kind == recPerson && comma > 0 {
		for given+1 < len(nb.words) && isListTitle(nb.word(given)) {
			given++
		}
	}
	for i, w := range nb.words {
		if kind == recOrg && w.flags&wordLegal != 0 || i >= comma && i < given {
			continue
		}
		text, tok := v.word(nb.word(i))
		if v.lastSeen[tok] != entry {
			v.lastSeen[tok] = entry
			v.df[tok]++
		}
		rw := RecWord{tok: tok, text: text, first: nb.text[w.start]}
		if kind == recPerson && comma < 0 && i < len(nb.words)-1 {
			rw.flags = rwNaturalGiven
			if i > 0 {
				// A word between the first and the last is a further
				// name whichever order the name is written in ("William
				// Henry Gates"; "Kim Jong Un"): a query may leave it
				// out, as it may a further given name after the comma.
				if isPatronymic(nb.word(i)) {
					rw.flags |= rwPatronymic
				} else {
					rw.flags |= rwMiddle
				}
			}
		}
		if kind == recPerson && comma > 0 && comma < len(nb.words) {
			switch {
			case i < comma:
				rw.flags = rwSurname
				rec.surnames = true
			case i == given:
				rw.flags = rwGiven
			case isPatronymic(nb.word(i)):
				rw.flags = rwGiven | rwPatronymic
			default:
				rw.flags = rwGiven | rwMiddle
			}
		}
		if abjad && w.flags&wordInitial == 0 {
			rw.flags |= rwAbjad
		}
		if kana && w.flags&wordInitial == 0 {
			rw.flags |= rwKana
		}
		v.words = append(v.words, rw)
	}
	rec.w1 = int32(len(v.words))
	letters := 0
	for _, w := range v.words[rec.w0:rec.w1] {
		letters += len(v.texts[w.text])
	}
	if letters <= shortName {
		rec.flags |= recShort
	}
	v.recs = append(v.recs, rec)
	return nil
}

// word returns the text id and key id of a folded word, adding both to
// the vocabulary when new; the key is computed once per distinct word.
func (v *vocab) word(w []byte) (text, tok int32) {
	if id, ok := v.textIDs[string(w)]; ok {
		return id, v.textKey[id]
	}
	v.keyBuf = appendKey(v.keyBuf[:0], w)
	tok, ok := v.keyIDs[string(v.keyBuf)]
	if !ok {
		tok = v.addKey(string(v.keyBuf))
	}
	return v.addText(string(w), tok), tok
}

// addKey adds a new key.
func (v *vocab) addKey(k string) int32 {
	tok := int32(len(v.keys))
	v.keyIDs[k] = tok
	v.keys = append(v.keys, k)
	v.df = append(v.df, 0)
	v.lastSeen = append(v.lastSeen, -1)
	return tok
}

// addText adds a new text with key id tok.
func (v *vocab) addText(t string, tok int32) int32 {
	text := int32(len(v.texts))
	v.textIDs[t] = text
	v.texts = append(v.texts, t)
	v.textKey = append(v.textKey, tok)
	return text
}

// merge appends the names of o, the share after v, to v: o's words and keys
// are looked up once each in v's vocabulary, and its document frequencies
// added (an entry is in one share only).
func (v *vocab) merge(o *vocab) {
	textMap := make([]int32, len(o.texts))
	for t, s := range o.texts {
		if id, ok := v.textIDs[s]; ok {
			textMap[t] = id
			continue
		}
		k := o.keys[o.textKey[t]]
		tok, ok := v.keyIDs[k]
		if !ok {
			tok = v.addKey(k)
		}
		textMap[t] = v.addText(s, tok)
	}
	keyMap := make([]int32, len(o.keys))
	for t := range o.texts {
		keyMap[o.textKey[t]] = v.textKey[textMap[t]]
	}
	for k, df := range o.df {
		v.df[keyMap[k]] += df
	}
	off := int32(len(v.words))
	for _, w := range o.words {
		w.tok, w.text = keyMap[w.tok], textMap[w.text]
		v.words = append(v.words, w)
	}
	for _, r := range o.recs {
		r.w0 += off
		r.w1 += off
		v.recs = append(v.recs, r)
	}
	v.entries += o.entries
}

// isPatronymic reports whether a folded given-name word is a patronymic
// (Russian -ovich/-evich/-ovna/-evna/-ichna, Turkic ogly/kyzy).
func isPatronymic(w []byte) bool {
	s := string(w)
	if len(s) > 5 && (strings.HasSuffix(s, "vich") || strings.HasSuffix(s, "vych") ||
		strings.HasSuffix(s, "vna") || strings.HasSuffix(s, "ichna")) {
		return true
	}
	switch s {
	case "ogly", "oglu", "ogli", "uly", "kyzy", "kizi", "qizi", "gizi":
		return true
	}
	return false
}

// finish computes weights, postings and the deletion tables.
func (b *builder) finish(df []int32, entries int32) {
	ix := b.ix
	d := &ix.dict
	n := int(entries)
	d.weight = make([]float32, len(d.keys))
	for t, df := range df {
		d.weight[t] = idf(n, int(df))
	}
	d.unseen = idf(n, 1)
	if n == 0 {
		d.unseen = 1
	}
	for ri := range ix.recs {
		rec := &ix.recs[ri]
		var w float32
		for j := rec.w0; j < rec.w1; j++ {
			rw := &ix.words[j]
			rw.weight = d.weight[rw.tok]
			w += rw.weight
		}
		rec.weight = w
	}
	// Postings, each record once per key.
	d.postStart = make([]int32, len(d.keys)+1)
	lastSeen := make([]int32, len(d.keys))
	for t := range lastSeen {
		lastSeen[t] = -1
	}
	for ri := range ix.recs {
		rec := &ix.recs[ri]
		for j := rec.w0; j < rec.w1; j++ {
			t := ix.words[j].tok
			if lastSeen[t] != int32(ri) {
				lastSeen[t] = int32(ri)
				d.postStart[t+1]++
			}
		}
	}
	for t := 1; t < len(d.postStart); t++ {
		d.postStart[t] += d.postStart[t-1]
	}
	d.post = make([]int32, d.postStart[len(d.keys)])
	fill := df[:len(d.keys)] // reuse: df no longer needed
	for t := range fill {
		fill[t] = 0
		lastSeen[t] = -1
	}
	for ri := range ix.recs {
		rec := &ix.recs[ri]
		for j := rec.w0; j < rec.w1; j++ {
			t := ix.words[j].tok
			if lastSeen[t] != int32(ri) {
				lastSeen[t] = int32(ri)
				d.post[d.postStart[t]+fill[t]] = int32(ri)
				fill[t]++
			}
		}
	}
	var spelt []int32 // texts that differ from their key
	for id, t := range d.texts {
		if t != d.keys[d.textKey[id]] {
			spelt = append(spelt, int32(id))
		}
	}
	done := make(chan struct{})
	go func() {
		d.textDel = buildDelTable(d.texts, spelt)
		close(done)
	}()
	d.keyDel = buildDelTable(d.keys, nil)
	<-done
}
