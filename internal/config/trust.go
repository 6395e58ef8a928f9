package config

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/bangate/bangate/internal/decision"
)

// The trust rule for configuration files.
//
// A file the user names (--config FILE, or BANGATE_CONFIG=FILE) is the
// user's: every setting it makes applies. A bangate.yaml that is only
// found in the working directory may belong to the repository under scan,
// whose author is the party the gate screens: it may make the gate
// stricter, never weaker. Of its settings, only these apply:
//
//   - presentation (verbose, color, log-level, coverage.max-listed);
//   - a setting at least as strict as the value in force without the file
//     (the default, since a flag or a variable beats the file anyway):
//     a lower fail-on level, lower screen thresholds, a shorter
//     lists.max-age (never 0), lists.stale error, lists.index-cache false,
//     policy.input all, a shorter policy.timeout, a smaller
//     policy.max-memory, a smaller input.max-size, more waiver-warn-days,
//     waiver-fail true, a stricter procurement.embargo.
//
// Every other setting is not applied: profile, as-of, policy.dirs,
// policy.allow-builtins, lists.dir, waivers, output, input.kind, the
// procurement reader settings and evidence.*. Each one ignored is listed
// with the file in every report (decision.ConfigFile.Ignored) and logged,
// with how to apply it: name the file.

// ConfigEnv names a configuration file from the environment, as --config
// does.
const ConfigEnv = EnvPrefix + "_CONFIG"

// weakens is the reason a found file's setting of a key that can weaken
// the gate is not applied.
const weakens = "can weaken the gate, and a bangate.yaml found in the working directory may belong to the repository under scan: name the file with --config or " + ConfigEnv + " to apply it"

// presentation are the keys a found file always sets.
var presentation = []string{"verbose", "color", "log-level", "coverage.max-listed"}

// judgeFound splits the settings of a found file into those that apply
// (as a nested map for viper) and those that do not, with why. base is
// the configuration in force without the file. A key that a flag or a
// variable sets is left out of both: the file would not set it anyway.
func judgeFound(fv *viper.Viper, base Config, flags *pflag.FlagSet) (map[string]any, []decision.IgnoredSetting) {
	applied := map[string]any{}
	var ignored []decision.IgnoredSetting
	seen := map[string]bool{}
	for _, raw := range fv.AllKeys() {
		k, ok := keyOf(raw)
		if !ok || seen[k.Name] {
			continue
		}
		seen[k.Name] = true
		if overridden(k, flags) {
			continue
		}
		val := fv.Get(k.Name)
		why := ""
		if !slices.Contains(presentation, k.Name) {
			why = stricter(k.Name, val, base)
		}
		if why != "" {
			ignored = append(ignored, decision.IgnoredSetting{Key: k.Name, Value: show(val), Reason: why})
			continue
		}
		setNested(applied, strings.Split(k.Name, "."), val)
	}
	slices.SortFunc(ignored, func(a, b decision.IgnoredSetting) int { return strings.Compare(a.Key, b.Key) })
	return applied, ignored
}

// keyOf finds the key a flattened viper key belongs to
// ("procurement.columns.name" is procurement.columns).
func keyOf(raw string) (Key, bool) {
	for _, k := range Keys() {
		if raw == k.Name || strings.HasPrefix(raw, k.Name+".") {
			return k, true
		}
	}
	return Key{}, false
}

// overridden reports whether a flag or an environment variable sets k.
func overridden(k Key, flags *pflag.FlagSet) bool {
	if _, ok := os.LookupEnv(EnvName(k.Name)); ok {
		return true
	}
	if flags == nil || k.Flag == "" {
		return false
	}
	f := flags.Lookup(k.Flag)
	return f != nil && f.Changed
}

// stricter returns "" when value v of key may apply (it is at least as
// strict as base's), else why not. A value that cannot be read applies:
// validation then rejects it, naming the key.
func stricter(key string, v any, base Config) string {
	less := func(inForce string) string {
		return "less strict than " + inForce + ", the value in force; name the file with --config or " + ConfigEnv + " to apply it"
	}
	raw := strings.TrimSpace(show(v))
	s := strings.ToLower(raw)
	switch key {
	case "fail-on":
		f, b := slices.Index(decision.FailOnLevels(), s), slices.Index(decision.FailOnLevels(), strings.ToLower(base.FailOn))
		if f >= 0 && b >= 0 && f < b {
			return less(base.FailOn)
		}
	case "screen.match", "screen.review":
		f, err := strconv.ParseFloat(s, 64)
		b := base.Screen.Match
		if key == "screen.review" {
			b = base.Screen.Review
		}
		if err == nil && f > b {
			return less(strconv.FormatFloat(b, 'g', -1, 64))
		}
	case "lists.max-age":
		f, err1 := ParseAge(s)
		b, err2 := ParseAge(base.Lists.MaxAge)
		if err1 == nil && err2 == nil && b != 0 && (f == 0 || f > b) {
			return less(base.Lists.MaxAge)
		}
	case "lists.stale":
		if s != "error" && s != strings.ToLower(base.Lists.Stale) {
			return less(base.Lists.Stale)
		}
	case "lists.index-cache":
		if f, err := strconv.ParseBool(s); err == nil && f && !base.Lists.IndexCache {
			return less("false")
		}
	case "policy.input":
		if s != "all" && s != strings.ToLower(base.Policy.Input) {
			return less(base.Policy.Input)
		}
	case "policy.timeout":
		f, err1 := ParseAge(s)
		b, err2 := ParseAge(base.Policy.Timeout)
		if err1 == nil && err2 == nil && f > b {
			return less(base.Policy.Timeout)
		}
	case "policy.max-memory", "input.max-size":
		b := base.Policy.MaxMemory
		if key == "input.max-size" {
			b = base.Input.MaxSize
		}
		f, err1 := ParseSize(raw)
		bs, err2 := ParseSize(b)
		if err1 == nil && err2 == nil && f > bs {
			return less(b)
		}
	case "waiver-warn-days":
		f, err := strconv.Atoi(s)
		if err == nil && (f < 0 && base.WaiverWarnDays >= 0 || f >= 0 && base.WaiverWarnDays >= 0 && f < base.WaiverWarnDays) {
			return less(strconv.Itoa(base.WaiverWarnDays))
		}
	case "waiver-fail":
		if f, err := strconv.ParseBool(s); err == nil && !f && base.WaiverFail {
			return less("true")
		}
	case "procurement.embargo":
		rank := map[string]int{"off": 0, "review": 1, "deny": 2}
		f, ok1 := rank[s]
		b, ok2 := rank[strings.ToLower(base.Procurement.Embargo)]
		if ok1 && ok2 && f < b {
			return less(base.Procurement.Embargo)
		}
	default:
		return weakens
	}
	return ""
}

// setNested sets m[path[0]][path[1]]... = v.
func setNested(m map[string]any, path []string, v any) {
	for _, p := range path[:len(path)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[path[len(path)-1]] = v
}

// show writes a setting's value as a report shows it.
func show(v any) string {
	switch x := v.(type) {
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		parts := make([]string, 0, len(x))
		for _, k := range slices.Sorted(maps.Keys(x)) {
			parts = append(parts, k+": "+show(x[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case time.Time:
		if x.Equal(x.Truncate(24 * time.Hour)) {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339)
	default:
		return fmt.Sprint(v)
	}
}
