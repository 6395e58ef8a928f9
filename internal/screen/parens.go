package screen

import "strings"

// Parts in parentheses. A name often carries another name of the party
// in parentheses: its acronym ("IRAN AIRCRAFT INDUSTRIES (IACI)"), its
// name in full or in short ("PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY
// SBERBANK)"), a place ("HUAXIN SHIPPING (HONG KONG) LTD"), the name in
// its own script. Read as one name, the words of both weigh against each
// other; a reader takes them as two. A query with such a part that
// matches nothing at match level is screened once more as each: the name
// without the parts in parentheses, and each part alone, and the
// explanation says which.

// maxParens is the most parts in parentheses a query is screened by.
const maxParens = 4

// parenReadings returns the readings of a name with parts in parentheses:
// the name without them, then each part; none for a name without a closed
// pair, or whose parts hold parentheses again.
func parenReadings(name string) []string {
	if !strings.Contains(name, "(") {
		return nil
	}
	var outside strings.Builder
	var parts []string
	rest := name
	for {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			outside.WriteString(rest)
			break
		}
		end := strings.IndexByte(rest[open+1:], ')')
		if end < 0 || strings.IndexByte(rest[open+1:open+1+end], '(') >= 0 || len(parts) == maxParens {
			return nil
		}
		outside.WriteString(rest[:open])
		outside.WriteByte(' ')
		if p := strings.TrimSpace(rest[open+1 : open+1+end]); p != "" {
			parts = append(parts, p)
		}
		rest = rest[open+1+end+1:]
	}
	if strings.ContainsAny(outside.String(), "()") {
		return nil
	}
	var out []string
	if o := strings.Join(strings.Fields(outside.String()), " "); o != "" {
		out = append(out, o)
	}
	return append(out, parts...)
}

// parenMatches screens each reading of q's name by its parts in
// parentheses (parenReadings) and appends the matches, explained as the
// reading they were found by.
func (ix *Index) parenMatches(q Query, out []Match) ([]Match, error) {
	for _, r := range parenReadings(q.Name) {
		ms, err := ix.Name(Query{Name: r, Kind: q.Kind})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			m.Explain = string(appendQuoted([]byte(m.Explain+"; the query's parts in parentheses read apart, as names of their own: screened as "), r))
			out = append(out, m)
		}
	}
	return out, nil
}
