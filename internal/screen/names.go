package screen

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Several names in one. A name often carries another name of the party
// in parentheses: its acronym ("IRAN AIRCRAFT INDUSTRIES (IACI)"), its
// name in full or in short ("PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY
// SBERBANK)"), a place ("HUAXIN SHIPPING (HONG KONG) LTD"), the name in
// its own script; or it lists them, set apart by semicolons or a slash.
// Read as one name, the words of both weigh against each other; a reader
// takes them as two. A query with such parts that matches nothing at
// match level is screened once more as each: the name without the parts
// in parentheses and each part alone, or each name it lists, and the
// explanation says which.

// maxParens is the most parts in parentheses, or names a query lists, it
// is screened by.
const maxParens = 4

// nameReadings returns the readings of a name with parts in parentheses:
// the name without them, then each part; none for a name without a closed
// pair, or whose parts hold parentheses again. A name of several names
// set apart by semicolons ("MOSTOTREST; OPEN JOINT STOCK COMPANY
// 'MOSTOTREST'"), or by a slash between words of three letters or more
// ("Al Qa'ida/Islamic Army"; not "c/o"), is read as each of them.
func nameReadings(name string) []string {
	if parts := splitNames(name); len(parts) > 1 {
		return parts
	}
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

// partsMatches screens each reading of q's name by the names it holds
// (nameReadings) and appends the matches, explained as the reading they
// were found by.
func (ix *Index) partsMatches(q Query, out []Match) ([]Match, error) {
	// Split as the normaliser read the name (normBuf.parts): the
	// fullwidth forms Chinese and Japanese names are written with,
	// "（", "；" and "／", are the ASCII ones.
	for _, r := range nameReadings(norm.NFKC.String(q.Name)) {
		ms, err := ix.Name(Query{Name: r, Kind: q.Kind})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			m.Explain = string(appendQuoted([]byte(m.Explain+"; the query read as the several names it holds (in parentheses, or set apart by semicolons or a slash): screened as "), r))
			out = append(out, m)
		}
	}
	return out, nil
}

// splitNames returns the names a name sets apart by semicolons, or else
// by slashes with a word of minSlashPart letters or more on either side,
// at most maxParens of them; nil for one name.
func splitNames(name string) []string {
	sep := ";"
	if !strings.Contains(name, sep) {
		if !strings.Contains(name, "/") {
			return nil
		}
		sep = "/"
	}
	raw := strings.Split(name, sep)
	var out []string
	for i, p := range raw {
		if sep == "/" && (i > 0 && letterRun(p, false) < minSlashPart || i+1 < len(raw) && letterRun(p, true) < minSlashPart) {
			// A slash between short words ("c/o", "S/A") sets no
			// names apart.
			return nil
		}
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) < 2 || len(out) > maxParens {
		return nil
	}
	return out
}

// minSlashPart is the fewest letters of the word beside a slash that sets
// names apart.
const minSlashPart = 3

// letterRun returns the number of letters p ends with (last) or begins
// with, spaces aside.
func letterRun(p string, last bool) int {
	rs := []rune(strings.TrimSpace(p))
	n := 0
	for i := range rs {
		r := rs[i]
		if last {
			r = rs[len(rs)-1-i]
		}
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}
