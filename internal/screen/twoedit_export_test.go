package screen

// TwoEditBoth reads q as Index.Name does as far as its two-edit matches,
// and returns them with the candidates gathered anchored and not
// (twoEditGather), for a test that both are the same.
func TwoEditBoth(ix *Index, q Query) (anchored, all []Match, err error) {
	sc := ix.pool.Get().(*scratch)
	defer ix.pool.Put(sc)
	sc.nb.fuzzyLegal = true
	sc.nb.initials = q.Kind == KindPerson
	sc.nb.normalize(q.Name)
	if len(sc.nb.words) == 0 || len(ix.recs) == 0 {
		return nil, nil, nil
	}
	ix.resegment(&sc.nb)
	ix.computeKeys(&sc.nb)
	if _, err := ix.scoredMatches(sc, q, nil); err != nil {
		return nil, nil, err
	}
	if anchored, err = ix.twoEdit(sc, q, nil, true); err != nil {
		return nil, nil, err
	}
	all, err = ix.twoEdit(sc, q, nil, false)
	return anchored, all, err
}
