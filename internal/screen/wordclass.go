package screen

// wordClass is what the tables of words tell of a word: a place
// (placeWord), a common surname (isCommonSurname), a word of everyday
// English (commonWord).
type wordClass uint32

const (
	// classKnown marks a text textClass has looked up.
	classKnown wordClass = 1 << iota
	// classPlace: placeWord.
	classPlace
	// classSurname: isCommonSurname.
	classSurname
	// classCommon: commonWord.
	classCommon
)

// classOf looks w up in the tables of words.
func classOf[T string | []byte](w T) wordClass {
	c := classKnown
	if placeWord(w) {
		c |= classPlace
	}
	if isCommonSurname(w) {
		c |= classSurname
	}
	if commonWord(w) {
		c |= classCommon
	}
	return c
}

// textClass returns classOf listed text t, looked up once for the index:
// the words of queries are mostly listed, and the same ones again.
func (ix *Index) textClass(t int32) wordClass {
	memo := &ix.textClasses()[t]
	if c := wordClass(memo.Load()); c != 0 {
		return c
	}
	c := classOf(ix.dict.texts[t])
	memo.Store(uint32(c))
	return c
}

// queryClass returns the class of query word i: kept by the index for a
// listed word, looked up for another.
func (ix *Index) queryClass(sc *scratch, i int) wordClass {
	if t := sc.qw[i].text; t >= 0 {
		return ix.textClass(t)
	}
	return classOf(sc.nb.word(i))
}
