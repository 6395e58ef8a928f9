package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A decision must follow from the input, the lists and the policies alone:
// the same check made again (an evidence replay, a second CI run) must
// decide the same, and a policy directory from the repository under scan
// must not reach the network. The policies are therefore compiled with
// OPA's capabilities for this version minus the built-in functions below
// (a policy that calls one does not compile), unless the user allows some
// back by name (policy.allow-builtins).

// extraDenied are built-in functions OPA does not mark non-deterministic
// that bangate denies all the same.
var extraDenied = map[string]string{
	// Without a CurrentTime option they verify against the wall clock.
	"crypto.x509.parse_and_verify_certificates":              "verifies against the wall clock",
	"crypto.x509.parse_and_verify_certificates_with_options": "verifies against the wall clock unless told the time",
	// It runs a Go template to the end without checking for cancellation
	// ({{range N}} loops N times), so neither the time limit nor the memory
	// limit can stop it.
	"strings.render_template": "cannot be interrupted by the time and memory limits",
}

// DeniedBuiltins are the built-in functions policies may not call unless
// allowed by name, each with why: every function OPA marks
// non-deterministic (http.send, net.lookup_ip_addr, opa.runtime,
// time.now_ns, rand.intn, uuid.rfc4122, the io.jwt functions that read the
// clock or draw random numbers, json.match_schema and json.verify_schema,
// which may fetch remote schemas), and extraDenied.
func DeniedBuiltins() map[string]string {
	out := maps.Clone(extraDenied)
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic {
			out[b.Name] = "is non-deterministic (network, clock or randomness)"
		}
	}
	return out
}

// Capabilities are OPA's capabilities for this version without the denied
// built-in functions, except those allowed by name, and with no network
// access for the compiler (no remote schema). An allowed name that is not
// denied is an error: it would allow nothing, and is probably a typo.
func Capabilities(allow []string) (*ast.Capabilities, error) {
	denied := DeniedBuiltins()
	for _, name := range allow {
		if _, ok := denied[name]; !ok {
			return nil, fmt.Errorf("policy.allow-builtins: %q is not a built-in function bangate denies (denied: %s)",
				name, strings.Join(slices.Sorted(maps.Keys(denied)), ", "))
		}
	}
	c := ast.CapabilitiesForThisVersion()
	c.Builtins = slices.DeleteFunc(c.Builtins, func(b *ast.Builtin) bool {
		_, deny := denied[b.Name]
		return deny && !slices.Contains(allow, b.Name)
	})
	c.AllowNet = []string{}
	return c, nil
}

// deniedCalls refuses, before compiling, a module that calls a denied
// built-in function: the compiler would only say the function is
// undefined. The error names the file, the line and how to allow it.
func deniedCalls(modules map[string]*ast.Module, caps *ast.Capabilities) error {
	have := map[string]bool{}
	for _, b := range caps.Builtins {
		have[b.Name] = true
	}
	denied := DeniedBuiltins()
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		var found error
		ast.WalkTerms(modules[name], func(t *ast.Term) bool {
			if found != nil {
				return true
			}
			var op ast.Ref
			switch v := t.Value.(type) {
			case ast.Call:
				op, _ = v[0].Value.(ast.Ref)
			case ast.Ref:
				op = v
			default:
				return false
			}
			fn := op.String()
			why, deny := denied[fn]
			if deny && !have[fn] {
				loc := name
				if t.Location != nil {
					loc = fmt.Sprintf("%s:%d", name, t.Location.Row)
				}
				found = fmt.Errorf("compile policies: %s: %s %s and is not allowed in policies (a decision must follow from the input, the lists and the policies alone); allow it with policy.allow-builtins (--allow-builtin %s)",
					loc, fn, why, fn)
				return true
			}
			return false
		})
		if found != nil {
			return found
		}
	}
	return nil
}
