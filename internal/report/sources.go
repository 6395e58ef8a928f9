package report

import (
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// This file says, the same way in every format, what besides the inputs
// and the lists shaped a run (the configuration files read and the user
// policy files loaded, each with its sha256), and which findings a waiver
// covers under a sanctions licence. Every report shows both near its top:
// a gate weakened by a file, or a blocked person let through, is never
// out of sight.

// sourceItem is one configuration or user policy file as reports show it.
type sourceItem struct {
	// Label is "config" or "user policy".
	Label string
	// Name is the file: a config file as named or found, a policy file as
	// "DIR: PATH".
	Name string
	// SHA256 is the file's digest.
	SHA256 string
	// Note says how a config file was trusted and, for a found one, what
	// it was not allowed to set.
	Note string
}

// sourceItems lists the run's configuration files, then its user policy
// files.
func sourceItems(run *decision.Run) []sourceItem {
	var out []sourceItem
	for _, f := range run.Sources.Config {
		out = append(out, sourceItem{Label: "config", Name: f.Path, SHA256: f.SHA256, Note: configNote(f)})
	}
	for _, f := range run.Sources.Policies {
		out = append(out, sourceItem{Label: "user policy", Name: policyName(f), SHA256: f.SHA256})
	}
	return out
}

// policyName names a user policy file by its directory and path.
func policyName(f provenance.File) string { return f.Origin + ": " + f.Path }

// configNote says how a configuration file was read.
func configNote(f decision.ConfigFile) string {
	if f.Trust != decision.TrustFound {
		return "named, applied"
	}
	note := "found in the working directory, not named: only settings that cannot weaken the gate applied"
	if len(f.Ignored) == 0 {
		return note
	}
	parts := make([]string, len(f.Ignored))
	for i, s := range f.Ignored {
		parts[i] = s.Key + " " + s.Value
	}
	return note + "; not applied: " + strings.Join(parts, ", ") + " (name the file with --config to apply them)"
}

// line says a source in one line of text.
func (s sourceItem) line() string {
	l := s.Name + " (sha256 " + s.SHA256 + ")"
	if s.Note != "" {
		l += ": " + s.Note
	}
	return l
}

// licensedLine says in one line that a finding is waived under a licence.
func licensedLine(l decision.Licensed) string {
	var b strings.Builder
	b.WriteString(l.Rule)
	if l.Severity != "" {
		b.WriteString(" [" + l.Severity + "]")
	}
	b.WriteString(" waived under licence " + strconv.Quote(l.Licence) + ": " + subjectLabel(l.Subject) + " in " + l.Input)
	var who []string
	if l.Waiver != "" {
		who = append(who, "waiver "+l.Waiver)
	}
	if l.ApprovedBy != "" {
		who = append(who, "approved by "+l.ApprovedBy)
	}
	if l.Ticket != "" {
		who = append(who, "ticket "+l.Ticket)
	}
	if l.Expires != "" {
		who = append(who, "expires "+l.Expires)
	}
	if len(who) > 0 {
		b.WriteString(" (" + strings.Join(who, ", ") + ")")
	}
	return b.String()
}
