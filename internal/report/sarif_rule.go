package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/decision"
)

// This file maps policy rules and findings onto SARIF: rule descriptors,
// levels, identifiers, fingerprints and artifact URIs.

// fingerprint is stable across runs for the same finding: a hash of the
// rule, the subject, the field and the matched list entry. It leaves out
// the input path, titles and messages, which may change without the
// finding changing.
func fingerprint(v *decision.Violation) string {
	m := viewMatch(v.Match)
	subject := v.Subject.Ref
	if subject == "" {
		subject = v.Subject.Kind + ":" + v.Subject.Name + "@" + v.Subject.Version
	}
	h := sha256.New()
	for _, part := range []string{v.Rule, subject, v.Pointer, m.List + "/" + m.EntryID} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sarifLevel maps a policy severity to a SARIF level. An unknown severity
// is an error: a renderer never makes a finding look milder.
func sarifLevel(severity string) string {
	switch severity {
	case "medium":
		return "warning"
	case "low", "info":
		return "note"
	default:
		return "error"
	}
}

// resultLevel is the level of one result: reviews are warnings, warnings
// notes, violations and waived findings take their severity's level.
func resultLevel(k findingKind, severity string) string {
	switch k {
	case kindReview:
		return "warning"
	case kindWarning:
		return "note"
	default:
		return sarifLevel(severity)
	}
}

// securitySeverity is the CVSS-like score GitHub reads from a rule's
// "security-severity" property to rank alerts.
func securitySeverity(severity string) string {
	switch severity {
	case "high":
		return "8.0"
	case "medium":
		return "5.5"
	case "low":
		return "3.0"
	case "info":
		return "0.1"
	default:
		return "9.5"
	}
}

// sarifRuleID makes a policy rule ID fit GitHub's identifier limit. A
// longer ID keeps a prefix and gains a hash of the whole, so distinct IDs
// stay distinct.
func sarifRuleID(rule string) string {
	if rule == "" {
		return "unidentified-rule"
	}
	if len(rule) <= maxSARIFIDLen {
		return rule
	}
	sum := sha256.Sum256([]byte(rule))
	prefix := rule[:maxSARIFIDLen-17]
	for len(prefix) > 0 && !utf8.RuneStart(rule[len(prefix)]) {
		prefix = prefix[:len(prefix)-1]
	}
	return prefix + "-" + hex.EncodeToString(sum[:8])
}

// newSARIFRule describes a rule from its first finding.
func newSARIFRule(id string, v *decision.Violation) sarifRule {
	title := cmp.Or(v.Title, v.Rule, id)
	rule := sarifRule{
		ID:                   id,
		Name:                 ruleName(id),
		ShortDescription:     sarifText{Text: truncateUTF8(title, 1024)},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(v.Severity)},
		Properties: sarifRuleProps{
			Tags:             []string{"security", "compliance"},
			SecuritySeverity: securitySeverity(v.Severity),
			Severity:         v.Severity,
		},
	}
	if id != v.Rule {
		rule.Properties.PolicyRule = v.Rule
	}
	full := title + "."
	helpText := "Policy rule " + v.Rule + " (" + cmp.Or(v.Severity, "unknown severity") + ")."
	helpMD := "Policy rule `" + strings.ReplaceAll(v.Rule, "`", "'") + "` (" + cmp.Or(v.Severity, "unknown severity") + ")."
	if a := v.Authority; a != nil {
		rule.Properties.Citation = a.Citation
		rule.Properties.Effective = a.Effective
		rule.Properties.Obligation = a.Obligation
		if a.Obligation != "" {
			rule.Properties.Tags = append(rule.Properties.Tags, a.Obligation)
		}
		if a.Citation != "" {
			full += " Legal basis: " + a.Citation + "."
			helpText += " Legal basis: " + a.Citation + "."
			helpMD += " Legal basis: " + mdEscape(a.Citation) + "."
		}
		if a.Effective != "" {
			full += " Effective " + a.Effective + "."
			helpText += " Effective " + a.Effective + "."
			helpMD += " Effective " + a.Effective + "."
		}
		if u, ok := httpURL(a.URL); ok {
			rule.HelpURI = u
			helpText += " Official text: " + u
			helpMD += " Official text: [" + mdEscape(u) + "](" + mdLinkTarget(u) + ")"
		}
	}
	rule.FullDescription = sarifText{Text: truncateUTF8(full, 1024)}
	rule.Help = sarifHelp{Text: truncateUTF8(helpText, MaxSARIFMessageBytes), Markdown: truncateUTF8(helpMD, MaxSARIFMessageBytes)}
	return rule
}

// ruleName turns "kaspersky-icts-2024" into "KasperskyIcts2024", the
// identifier-like name SARIF asks for.
func ruleName(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "Rule"
	}
	return b.String()
}

// httpURL returns u when it is an absolute http or https URL.
func httpURL(u string) (string, bool) {
	if u == "" {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return "", false
	}
	return p.String(), true
}

// artifactURI turns an input path into a URI reference: relative paths
// stay relative (forward slashes, percent-encoded), absolute paths become
// file URIs.
func artifactURI(path string) string {
	if path == "" {
		return "unknown"
	}
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) || strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// semanticVersion returns v without a leading "v" when it is a semantic
// version (major.minor.patch with an optional pre-release or build), or ""
// otherwise: SARIF wants semanticVersion to be exactly that.
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	core := v
	if i := strings.IndexAny(core, "-+"); i >= 0 {
		core = core[:i]
	}
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return ""
		}
	}
	return v
}
