package attribute

import (
	"regexp"
	"strings"
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
