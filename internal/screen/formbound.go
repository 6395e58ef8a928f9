package screen

// A company word's forms (companyWordForms: TRADING for "torgovaya",
// INVESTMENT for "investitsiy") are words that hundreds of listed
// organisations' names hold, and a name paired with a query word by a
// form weighs as that form (scoreRec). gatherMore gathers an
// organisation's name by a form only where, so weighed, the form may
// bring it to the threshold (formAlone): otherwise the name must pair
// another selected word, and is gathered by that word.
// "Proizvodstvenno Torgovaya Kompaniya Apriori" gathered 793 names, 791
// of them by TRADING alone.

// formAlone reports whether an organisation's name that pairs query word
// i by the company form of key n, and no other word selectPrefix selected
// under organisation rules, may reach the threshold it selected for, as
// selectHeaviest weighs the words: the words not selected paired whole,
// word i credited the form's weight, the query weighing as much less as
// the form weighs less than the word (scoreRec).
func (ix *Index) formAlone(sc *scratch, i int, n int32) bool {
	u := sc.selRest
	if !sc.selOrg[i] {
		u -= sc.wselOrg[i]
	}
	f := ix.dict.weight[n]
	p := u + f
	return 2*p >= (sc.selT-boundSlack)*(sc.selTotal-max(0, sc.wselOrg[i]-f)+p)
}
