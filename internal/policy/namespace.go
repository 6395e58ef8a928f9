package policy

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
)

// This file keeps user policies in their own namespace. The built-in
// bundle owns everything under data.bangate; a user directory may add to
// it only at the documented extension points:
//
//   - rule sets: Rego packages bangate.rules.<set> (and packages below
//     one), for a <set> the built-in bundle does not define; the decision
//     gathers their deny, review and warn;
//   - data: ban lists at bangate.lists.<id> and obligation profiles at
//     bangate.profiles.<name>, for an <id> or <name> the built-in bundle
//     does not define.
//
// Anything else a user may put outside bangate (helper packages, data of
// their own). A user module or data file that defines or overrides
// anything else under bangate (bangate.decision, bangate.lib.*, a built-in
// rule set, list or profile, bangate.waivers, bangate.sanctions, ...) is
// refused, naming the file and the package or data path: otherwise a
// policy directory could waive every violation or empty a ban list.

// userExtensions are the data documents below data.bangate a user may add
// entries to.
var userExtensions = []string{"domains", "lists", "profiles"}

// reserved is what the built-in bundle defines at the extension points.
type reserved struct {
	// sets are the built-in rule set names (bangate.rules.<set>).
	sets map[string]bool
	// data are the built-in entries of each extension point
	// ("lists" -> "kaspersky").
	data map[string]map[string]bool
}

// newReserved is an empty reservation, filled by addBuiltin.
func newReserved() *reserved {
	return &reserved{sets: map[string]bool{}, data: map[string]map[string]bool{}}
}

// addBuiltin records the rule sets and extension entries of a built-in
// origin's loaded files.
func (r *reserved) addBuiltin(res *loader.Result) {
	for _, m := range res.Modules {
		if set, ok := ruleSet(m.Parsed.Package.Path); ok {
			r.sets[set] = true
		}
	}
	bg, _ := res.Documents["bangate"].(map[string]any)
	for _, ext := range userExtensions {
		entries, _ := bg[ext].(map[string]any)
		for k := range entries {
			if r.data[ext] == nil {
				r.data[ext] = map[string]bool{}
			}
			r.data[ext][k] = true
		}
	}
}

// ruleSet returns <set> of a package path data.bangate.rules.<set>[...].
func ruleSet(p ast.Ref) (string, bool) {
	if len(p) < 4 || !p[:3].Equal(ast.MustParseRef("data.bangate.rules")) {
		return "", false
	}
	s, ok := p[3].Value.(ast.String)
	return string(s), ok
}

// builtinSets lists the built-in rule sets for a message.
func (r *reserved) builtinSets() string {
	if len(r.sets) == 0 {
		return "none loaded"
	}
	return strings.Join(slices.Sorted(maps.Keys(r.sets)), ", ")
}

// NamespaceError is a user policy file that defines or overrides part of
// the built-in bundle.
type NamespaceError struct {
	// Origin is the user directory, as named.
	Origin string
	// File is the file's path inside Origin.
	File string
	// Path is the package ("bangate.decision") or data path
	// ("data.bangate.lists.kaspersky") the file defines.
	Path string
	// Why says what the path is and what to do instead.
	Why string
}

// Error says which file of which directory defines the path, and why it may not.
func (e *NamespaceError) Error() string {
	return fmt.Sprintf("load policy %s: %s: %s %s", e.Origin, e.File, e.Path, e.Why)
}

// checkModules refuses a user module whose package lies under bangate but
// outside bangate.rules.<set> for a set the built-in bundle does not use.
func (r *reserved) checkModules(origin string, res *loader.Result) error {
	for _, name := range slices.Sorted(maps.Keys(res.Modules)) {
		pkg := res.Modules[name].Parsed.Package.Path
		if len(pkg) < 2 || !pkg[1].Equal(ast.InternedTerm("bangate")) {
			continue
		}
		shown := strings.TrimPrefix(pkg.String(), "data.")
		set, ok := ruleSet(pkg)
		switch {
		case !ok:
			return &NamespaceError{Origin: origin, File: name, Path: "package " + shown,
				Why: "is reserved for the built-in bundle: a user rule set is a package bangate.rules.<set> (a set the built-in bundle does not define: " +
					r.builtinSets() + "); put helpers in a package of your own, outside bangate"}
		case r.sets[set]:
			return &NamespaceError{Origin: origin, File: name, Path: "package " + shown,
				Why: fmt.Sprintf("redefines the built-in rule set %s: name your rule set differently (bangate.rules.<your set>)", set)}
		}
	}
	return nil
}

// checkData refuses a user data file that sets anything under bangate
// other than a new entry of an extension point. Each file is read again
// on its own, with OPA's loader, so that the error names it.
func (r *reserved) checkData(origin string, fsys fs.FS, files []string) error {
	for _, name := range files {
		res, err := loader.NewFileLoader().WithFS(fsys).All([]string{name})
		if err != nil {
			return fmt.Errorf("load policy %s: %w", origin, oneLine(err))
		}
		var dirs []string
		if d := path.Dir(name); d != "." {
			dirs = strings.Split(d, "/")
		}
		if bad, why := r.dataPath(dirs, res.Documents); bad != "" {
			return &NamespaceError{Origin: origin, File: name, Path: bad, Why: why}
		}
	}
	return nil
}

// dataPath checks the document v placed at at; it returns the first path
// a user may not set, and why, or "".
func (r *reserved) dataPath(at []string, v any) (string, string) {
	shown := func(p []string) string { return "data." + strings.Join(p, ".") }
	if len(at) > 0 && at[0] != "bangate" {
		return "", ""
	}
	if len(at) >= 3 {
		if r.data[at[1]][at[2]] {
			return shown(at[:3]), fmt.Sprintf("is defined by the built-in bundle: a user %s entry needs a name of its own", strings.TrimSuffix(at[1], "s"))
		}
		return "", ""
	}
	if len(at) == 2 && !slices.Contains(userExtensions, at[1]) {
		return shown(at), "is reserved for the built-in bundle: user data goes in data.bangate.lists.<id> (a ban list), data.bangate.profiles.<name> (a profile), data.bangate.domains.<name> (shared or own domains), or outside bangate"
	}
	obj, ok := v.(map[string]any)
	if !ok {
		if len(at) == 0 {
			return "", ""
		}
		return shown(at), "is reserved for the built-in bundle: user data goes in data.bangate.lists.<id>, data.bangate.profiles.<name>, data.bangate.domains.<name>, or outside bangate"
	}
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		if bad, why := r.dataPath(append(slices.Clone(at), k), obj[k]); bad != "" {
			return bad, why
		}
	}
	return "", ""
}
