package policy_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/strictkeys"
)

// TestParseWaiversAmbiguousKeys checks that a waiver file, YAML or JSON,
// with a key given twice or twice up to case is refused naming the file,
// the key and the line.
func TestParseWaiversAmbiguousKeys(t *testing.T) {
	t.Parallel()
	const good = "waivers:\n  - id: W1\n    rule: r\n    subject: {purl: pkg:npm/c1@1}\n    reason: why\n    approved_by: me\n    expires: \"2027-01-31\"\n"
	tests := []struct {
		name, body string
		want       error
		key        string
		line       int
	}{
		{"rule twice", strings.Replace(good, "    rule: r\n", "    rule: r\n    rule: other\n", 1), strictkeys.ErrDuplicateKey, "rule", 4},
		{"RULE", strings.Replace(good, "    rule: r\n", "    rule: r\n    RULE: other\n", 1), strictkeys.ErrFoldedKey, "RULE", 4},
		{"subject purl and PURL", strings.Replace(good, "{purl: pkg:npm/c1@1}", "{purl: pkg:npm/c1@1, PURL: c2}", 1), strictkeys.ErrFoldedKey, "PURL", 4},
		{"subject with long s", strings.Replace(good, "subject: {purl: pkg:npm/c1@1}\n", "subject: {purl: pkg:npm/c1@1}\n    \u017fubject: {name: x}\n", 1), strictkeys.ErrFoldedKey, "\u017fubject", 5},
		{"WAIVERS", good + "WAIVERS: []\n", strictkeys.ErrFoldedKey, "WAIVERS", 8},
		{"json id and ID", `{"waivers":[{"id":"W1","ID":"W2","rule":"r","subject":{"ref":"c1"},"reason":"why","approved_by":"me","expires":"2027-01-31"}]}`,
			strictkeys.ErrFoldedKey, "ID", 1},
		{"json duplicate expires", `{"waivers":[{"id":"W1","rule":"r","subject":{"ref":"c1"},"reason":"why","approved_by":"me","expires":"2020-01-31","expires":"2099-01-31"}]}`,
			strictkeys.ErrDuplicateKey, "expires", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := policy.ParseWaivers([]byte(tc.body), "w.yaml")
			var ke *strictkeys.KeyError
			if !errors.Is(err, tc.want) || !errors.As(err, &ke) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if ke.Key != tc.key || ke.Line != tc.line {
				t.Errorf("key %q line %d, want %q %d", ke.Key, ke.Line, tc.key, tc.line)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "parse waivers w.yaml: ") || !strings.Contains(msg, "line ") {
				t.Errorf("message %q: want the file and the line", msg)
			}
		})
	}
	if _, err := policy.ParseWaivers([]byte(good), "w.yaml"); err != nil {
		t.Fatalf("control: %v", err)
	}
}
