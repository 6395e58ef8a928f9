package decision

import (
	"fmt"
	"strings"
)

// Severities of a finding, most severe first.
var severities = []string{"critical", "high", "medium", "low", "info"}

// FailOnReview is the --fail-on level at which every violation and every
// review fails the check.
const FailOnReview = "review"

// Severities returns the severities of a finding, most severe first.
func Severities() []string { return append([]string(nil), severities...) }

// ValidSeverity reports whether s is one of Severities.
func ValidSeverity(s string) bool { return severityIndex(s) >= 0 }

// SeverityRank orders severities: a higher rank is more severe (critical
// 4, high 3, medium 2, low 1, info 0). An unknown severity ranks with
// critical, so that nothing ever looks milder than a policy may have
// meant. It is the one severity order: the gate, every report and the
// policy checks use it.
func SeverityRank(s string) int {
	i := severityIndex(s)
	if i < 0 {
		return len(severities) - 1
	}
	return len(severities) - 1 - i
}

func severityIndex(s string) int {
	for i, x := range severities {
		if x == s {
			return i
		}
	}
	return -1
}

// FailOnLevels are the accepted values of --fail-on, from the laxest gate
// (only critical findings fail) to the strictest (every violation and
// every review fails).
func FailOnLevels() []string { return []string{"critical", "high", "medium", "low", FailOnReview} }

// ParseFailOn reads a --fail-on level, case-insensitively ("High" is
// "high").
func ParseFailOn(s string) (string, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, x := range FailOnLevels() {
		if x == l {
			return l, nil
		}
	}
	return "", fmt.Errorf("fail-on level %q: want one of %s", s, strings.Join(FailOnLevels(), ", "))
}
