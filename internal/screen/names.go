package screen

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
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
// explanation says which. A part that holds parts again is read so in
// turn.

// maxNameParts is the most parentheses, semicolons and slashes a query
// may hold and still be screened by the names it holds. Every one of
// them is screened: a name listed sixth is as much a name as the first,
// and one left out could hide a listed party behind five others ("a; b;
// c; d; e; Vladimir Putin"). The screenings of a name and of the parts
// of its parts are at most twice its separators, so the bound keeps a
// hostile name of thousands cheap; a name beyond it cannot be read as a
// reader would, and Name reports it as an error rather than screen it as
// one name.
const maxNameParts = 64

// ErrNameParts is the error Name returns for a name of more than
// maxNameParts parentheses, semicolons and slashes.
var ErrNameParts = fmt.Errorf("the name holds more than %d parentheses, semicolons and slashes: it cannot be read as the names it may hold, and is not screened as one", maxNameParts)

// nameReadings returns the readings of a name with parts in parentheses:
// the name without them, then each part, which may hold parentheses in
// turn; none for a name without a pair, or whose parentheses do not
// pair. A name of several names set apart by semicolons ("MOSTOTREST;
// OPEN JOINT STOCK COMPANY 'MOSTOTREST'"), or by a slash between words
// of three letters or more ("Al Qa'ida/Islamic Army"; not "c/o"), is read
// as each of them. It is an error for a name of more than maxNameParts
// separators.
func nameReadings(name string) ([]string, error) {
	if strings.Count(name, "(")+strings.Count(name, ";")+strings.Count(name, "/") > maxNameParts {
		return nil, ErrNameParts
	}
	if parts := splitNames(name); len(parts) > 1 {
		return parts, nil
	}
	if !strings.Contains(name, "(") {
		return nil, nil
	}
	var outside strings.Builder
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '(':
			if depth == 0 {
				outside.WriteByte(' ')
				start = i + 1
			}
			depth++
		case c == ')' && depth == 0:
			return nil, nil // a closing parenthesis before its opening one
		case c == ')':
			depth--
			if p := strings.TrimSpace(name[start:i]); depth == 0 && p != "" {
				parts = append(parts, p)
			}
		case depth == 0:
			outside.WriteByte(c)
		}
	}
	if depth > 0 {
		return nil, nil // one not closed
	}
	var out []string
	if o := strings.Join(strings.Fields(outside.String()), " "); o != "" {
		out = append(out, o)
	}
	return append(out, parts...), nil
}

// partsMatches screens each reading of q's name by the names it holds
// (nameReadings) and appends the matches, explained as the reading they
// were found by.
func (ix *Index) partsMatches(q Query, out []Match) ([]Match, error) {
	// Split as the normaliser read the name (normBuf.parts): the
	// fullwidth forms Chinese and Japanese names are written with,
	// "（", "；" and "／", are the ASCII ones.
	readings, err := nameReadings(norm.NFKC.String(q.Name))
	if err != nil {
		return nil, err
	}
	for _, r := range readings {
		ms, err := ix.Name(Query{Name: r, Kind: q.Kind})
		if err != nil {
			return nil, err
		}
		out = appendRead(out, ms, "the query read as the several names it holds (in parentheses, or set apart by semicolons or a slash)", r)
	}
	return out, nil
}

// splitNames returns the names a name sets apart by semicolons, or else
// by slashes with a word of minSlashPart letters or more on either side;
// nil for one name.
func splitNames(name string) []string {
	sep := ";"
	if !strings.Contains(name, sep) {
		if !strings.Contains(name, "/") {
			return nil
		}
		sep = "/"
	}
	if sep == "/" && pathLike(name) {
		return nil
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
	if len(out) < 2 {
		return nil
	}
	return out
}

// pathLike reports whether a name with slashes is an address or a path
// that starts with a host of a public suffix ("github.com/opencontainers/
// runc", as SBOM tools write a Go module's supplier;
// "https://example.org/team"): a reader sees one address, not names set
// apart by its slashes. It is still screened whole.
func pathLike(name string) bool {
	if strings.Contains(name, "://") {
		return true
	}
	host, _, _ := strings.Cut(strings.TrimSpace(name), "/")
	host = strings.ToLower(host)
	if !strings.Contains(host, ".") || strings.ContainsFunc(host, unicode.IsSpace) {
		return false
	}
	_, icann := publicsuffix.PublicSuffix(strings.TrimSuffix(host, "."))
	return icann
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

// readAsShown is what the explanation of a match says of a name that
// bidirectional controls reorder, matched as it shows
// (textnorm.DisplayOrder) rather than as it is written.
const readAsShown = "the query read as it shows, its bidirectional controls applied"

// readBoth screens a name that bidirectional controls reorder by screen,
// as it is written and as it shows (textnorm.DisplayOrder):
// "\u202enituP rimidalV" is stored so and displayed "Vladimir Putin".
// The matches of the displayed reading say so.
func (ix *Index) readBoth(q Query, shown string, screen func(Query) ([]Match, error)) ([]Match, error) {
	out, err := screen(q)
	if err != nil {
		return nil, err
	}
	ms, err := screen(Query{Name: shown, Kind: q.Kind})
	if err != nil {
		return nil, err
	}
	return ix.best(appendRead(out, ms, readAsShown, shown)), nil
}

// appendRead appends to out the matches ms of a reading of the query,
// each explained as found by it: how it was read, and the reading.
func appendRead(out, ms []Match, how, reading string) []Match {
	for _, m := range ms {
		m.Explain = string(appendQuoted([]byte(m.Explain+"; "+how+": screened as "), reading))
		out = append(out, m)
	}
	return out
}
