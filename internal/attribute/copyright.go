package attribute

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/textnorm"
	"github.com/bangate/bangate/sbom"
)

var (
	copyrightWord = regexp.MustCompile(`(?i)\bcopyright\b|\(c\)|©|\ball rights reserved\b\.?`)
	yearsRange    = regexp.MustCompile(`\b(19|20)\d\d\b(\s*[-–,]\s*((19|20)\d\d|present))*`)
	byWord        = regexp.MustCompile(`(?i)^\s*by\s+`)
	quotes        = strings.NewReplacer(`"`, "", "“", "", "”", "", "'", "")
)

// CopyrightHolders extracts the holder names of a copyright text such as
// `Copyright © 2024 AO Kaspersky Lab. All rights reserved.`; lines are
// separate statements. "NOASSERTION" and "NONE" hold nobody.
func CopyrightHolders(text string) []string {
	if text == "" || isNoAssertion(strings.TrimSpace(text)) {
		return nil
	}
	var out []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if !copyrightWord.MatchString(line) {
			continue
		}
		h := copyrightWord.ReplaceAllString(line, " ")
		h = yearsRange.ReplaceAllString(h, " ")
		h = byWord.ReplaceAllString(h, "")
		h = quotes.Replace(h)
		if i := strings.IndexAny(h, "<("); i >= 0 { // "Name <mail>" or "(https://...)"
			h = h[:i]
		}
		h = strings.Trim(strings.Join(strings.Fields(h), " "), " .,;:-")
		if len(h) >= 2 {
			out = append(out, h)
		}
	}
	return out
}

// Holder is one copyright holder with the kind of party its name reads as.
type Holder struct {
	Name string
	// Kind is sbom.KindPerson for a name shaped like a person's ("Dahua
	// Lin", "Viral B. Shah"), sbom.KindOrganization for one with a legal
	// form or an organisation's word ("Huawei Technologies Co., Ltd.",
	// "The Apache Software Foundation", "Kaspersky Lab"), "" otherwise
	// ("Kaspersky", "{yyyy").
	Kind string
}

// Holders extracts the holders of a copyright text (see CopyrightHolders)
// with their kinds. A holder that lists several people ("Jeff Bezanson,
// Stefan Karpinski, Viral B. Shah, Dahua Lin, and other contributors") is
// split into one holder per person when every item of the list is a
// person's name (a trailing "and other contributors" aside), so that a
// person named like a company ("Dahua Lin") is screened as a person, never
// as the company's brand; anything else stays one holder ("Huawei
// Technologies Co., Ltd.").
func Holders(text string) []Holder {
	var out []Holder
	for _, h := range CopyrightHolders(text) {
		if people := splitPeople(h); people != nil {
			for _, p := range people {
				out = append(out, Holder{Name: p, Kind: sbom.KindPerson})
			}
			continue
		}
		out = append(out, Holder{Name: h, Kind: HolderKind(h)})
	}
	return out
}

// splitPeople splits a list of names on commas, semicolons and "and";
// nil unless there are two or more and every one is a person's name.
func splitPeople(s string) []string {
	if !strings.ContainsAny(s, ",;") && !strings.Contains(s, " and ") {
		return nil
	}
	parts := listSeparators.Split(s, -1)
	var out []string
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), ".")
		if p == "" || othersWords.MatchString(p) {
			continue
		}
		if !personShaped(p) {
			return nil
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

var (
	listSeparators = regexp.MustCompile(`\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)`)
	othersWords    = regexp.MustCompile(`(?i)^(?:(?:and\s+)?(?:the\s+)?(?:other|others|all)?\s*(?:contributors|authors|others)(?:\s+.*)?|et\s+al\.?)$`)
)

// HolderKind says what kind of party a holder's name reads as (see
// Holder.Kind). It reads the words where they are, without copies.
func HolderKind(name string) string {
	for w := range strings.FieldsSeq(name) {
		if isOrgWord(strings.Trim(w, ".,;:()\"'")) {
			return sbom.KindOrganization
		}
	}
	if personShaped(name) {
		return sbom.KindPerson
	}
	return ""
}

// personShaped reports whether a name looks like a person's: two to four
// words, each a capitalised word of letters (hyphens and apostrophes
// allowed) or an initial ("B."), at least two of them full words, and no
// organisation's word.
func personShaped(name string) bool {
	words, full := 0, 0
	for w := range strings.FieldsSeq(name) {
		if words++; words > 4 || isOrgWord(strings.Trim(w, ".,")) {
			return false
		}
		w = strings.TrimSuffix(w, ".")
		first, size := utf8.DecodeRuneInString(w)
		if size == 0 || !unicode.IsUpper(first) {
			return false
		}
		for _, r := range w[size:] {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
		if len(w) > size {
			full++
		}
	}
	return words >= 2 && full >= 2
}

// personLike reports whether a name may be a person's as people and the
// lists write one, in any letter case and order: two to five words of
// letters (hyphens and apostrophes allowed) or initials, the family name
// first before a comma allowed, at least two of them full words, and no
// organisation's word or link ("PUTIN, Vladimir Vladimirovich", "vladimir putin",
// "Vladimir V. Putin", "Владимир Путин"). It is wider than personShaped,
// which reads copyright lines: it asks whether a field whose type does
// not tell may name a person beside others (personParts).
func personLike(name string) bool {
	words, full := 0, 0
	for w := range strings.FieldsSeq(name) {
		if words++; words > 5 || isOrgWord(strings.Trim(w, ".,")) || orgLink(w) {
			return false
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, ","), ".")
		n := 0
		for _, r := range w {
			switch {
			case textnorm.Invisible(r):
				continue // read as nothing ("Pu\u200btin")
			case !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’':
				return false
			}
			n++
		}
		switch {
		case n == 0:
			return false
		case n > 1:
			full++
		}
	}
	return words >= 2 && full >= 2
}

// orgLink reports whether w joins the words of an organisation's name and
// never a person's ("Bank of Trade and Industry", "Fund for Peace").
func orgLink(w string) bool {
	return strings.EqualFold(w, "of") || strings.EqualFold(w, "for") || strings.EqualFold(w, "and")
}

// isOrgWord reports whether w, in any letter case, is one of orgWords. An
// ASCII word is lower-cased in a buffer, not a copy; any other is
// lower-cased as strings.ToLower does (the Kelvin sign is a k).
func isOrgWord(w string) bool {
	for i := range len(w) {
		if w[i] >= utf8.RuneSelf {
			return orgWords[strings.ToLower(w)]
		}
	}
	var buf [24]byte // longer than any of orgWords
	if len(w) > len(buf) {
		return false
	}
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return orgWords[string(buf[:len(w)])]
}

// orgWords are words that mark an organisation's name: legal forms and
// the nouns companies, projects and institutions name themselves with.
var orgWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the inc incorporated ltd limited llc llp gmbh ag kg sa sas sarl srl spa bv nv ab oy oyj as asa ks
		co corp corporation company companies plc pty pte ltda kk zao ooo oao pao jsc ojsc cjsc
		lab labs laboratory laboratories group holding holdings foundation project projects team teams
		contributors authors developers maintainers community software systems system technologies technology tech
		digital communications communication telecom telecommunications cloud security networks network
		solutions services consulting university institute association consortium society organization
		organisation industries international global enterprises partners studio studios media games
		electronics devices microsystems semiconductor`) {
		m[w] = true
	}
	return m
}()
