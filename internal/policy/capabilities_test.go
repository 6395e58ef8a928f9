package policy_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

// ruleCalling is a user rule set whose deny calls expr.
func ruleCalling(expr string) map[string]string {
	return map[string]string{"bangate/rules/probe/probe.rego": fmt.Sprintf(`package bangate.rules.probe

deny contains {"rule": "probe", "severity": "high", "message": "m", "subject": {"kind": "document"}} if {
	x := %s
	x == "never"
}
`, expr)}
}

// Policies do not compile with network, clock or randomness built-ins
// (issue 13: a user policy called http.send and net.lookup_ip_addr); the
// error names the file and line, the function, and how to allow it.
func TestDeniedBuiltins(t *testing.T) {
	t.Parallel()
	calls := map[string]string{
		"http.send":               `http.send({"method": "get", "url": "https://example.com/waive"})`,
		"net.lookup_ip_addr":      `net.lookup_ip_addr("example.com")`,
		"time.now_ns":             `time.now_ns()`,
		"rand.intn":               `rand.intn("x", 10)`,
		"uuid.rfc4122":            `uuid.rfc4122("x")`,
		"opa.runtime":             `opa.runtime()`,
		"io.jwt.decode_verify":    `io.jwt.decode_verify("a.b.c", {"secret": "s"})`,
		"json.match_schema":       `json.match_schema({}, {"$ref": "https://example.com/s.json"})`,
		"strings.render_template": `strings.render_template("{{range 3}}x{{end}}", {})`,
		"crypto.x509.parse_and_verify_certificates": `crypto.x509.parse_and_verify_certificates("")`,
	}
	for fn, expr := range calls {
		t.Run(fn, func(t *testing.T) {
			t.Parallel()
			dir := userDir(t, ruleCalling(expr))
			_, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{dir}})
			if err == nil {
				t.Fatal("compiled")
			}
			msg := err.Error()
			for _, want := range []string{"probe.rego:4", fn, "--allow-builtin " + fn} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q lacks %q", msg, want)
				}
			}
		})
	}
}

// A denied built-in allowed by name compiles; a name that is not denied
// is refused as a probable typo.
func TestAllowBuiltins(t *testing.T) {
	t.Parallel()
	dir := userDir(t, ruleCalling(`sprintf("%d", [time.now_ns()])`))
	e, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{dir},
		Limits: policy.Limits{AllowBuiltins: []string{"time.now_ns"}}})
	if err != nil {
		t.Fatalf("allowed built-in refused: %v", err)
	}
	if _, err := e.Evaluate(context.Background(), emptyInput(t)); err != nil {
		t.Fatal(err)
	}
	_, err = policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, Limits: policy.Limits{AllowBuiltins: []string{"http.sned"}}})
	if err == nil || !strings.Contains(err.Error(), `"http.sned" is not a built-in function bangate denies`) {
		t.Errorf("err = %v", err)
	}
}

// The denied list holds every non-deterministic built-in of the OPA
// version in go.mod, and the built-in bundle compiles without them.
func TestDeniedBuiltinsList(t *testing.T) {
	t.Parallel()
	d := policy.DeniedBuiltins()
	for _, fn := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122", "io.jwt.encode_sign", "strings.render_template"} {
		if d[fn] == "" {
			t.Errorf("%s is not denied", fn)
		}
	}
	caps, err := policy.Capabilities(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range caps.Builtins {
		if _, deny := d[b.Name]; deny || b.Nondeterministic {
			t.Errorf("capabilities keep %s", b.Name)
		}
	}
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("allow_net %v, want no host", caps.AllowNet)
	}
}

// A rule that builds numbers.range(1, 1e8) (issue 13: 120 s, 3.6 GB)
// stops at the memory limit or the time limit, whichever comes first, with
// an error naming the limit and the key that raises it.
func TestEvaluationLimits(t *testing.T) {
	t.Parallel()
	dir := userDir(t, ruleCalling(`sprintf("%d", [count(numbers.range(1, 1e8))])`))
	tests := []struct {
		name    string
		limits  policy.Limits
		want    error
		key     string
		maxTime time.Duration
	}{
		{"time", policy.Limits{Timeout: 300 * time.Millisecond}, policy.ErrTimeLimit, "policy.timeout", 3 * time.Second},
		{"memory", policy.Limits{Timeout: time.Minute, MaxMemory: 24 << 20}, policy.ErrMemoryLimit, "policy.max-memory", 20 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{dir}, Limits: tc.limits})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = e.Evaluate(context.Background(), emptyInput(t))
			if took := time.Since(start); took > tc.maxTime {
				t.Errorf("stopped after %s, want within %s", took, tc.maxTime)
			}
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.key) {
				t.Fatalf("err = %v, want %v naming %s", err, tc.want, tc.key)
			}
		})
	}
}

// A cancelled context stops an evaluation too, and is not taken for a
// limit.
func TestEvaluationCancelled(t *testing.T) {
	t.Parallel()
	dir := userDir(t, ruleCalling(`sprintf("%d", [count(numbers.range(1, 1e8))])`))
	e, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = e.Evaluate(ctx, emptyInput(t))
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, policy.ErrTimeLimit) {
		t.Fatalf("err = %v", err)
	}
}
