package config_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
)

// ignoredKeys lists the keys of the settings a file made that were not
// applied.
func ignoredKeys(f decision.ConfigFile) []string {
	var out []string
	for _, s := range f.Ignored {
		out = append(out, s.Key)
	}
	return out
}

// A bangate.yaml found in the working directory may belong to the
// repository under scan: the settings with which issue 13 weakened the
// gate are not applied, and each is listed with the file.
func TestFoundFileCannotWeakenTheGate(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		check func(t *testing.T, cfg config.Config)
		want  []string // keys not applied
	}{
		{"its own rego", "policy:\n  dirs: [evil-policies]\n", func(t *testing.T, cfg config.Config) {
			if len(cfg.Policy.Dirs) != 0 {
				t.Errorf("policy.dirs %v applied", cfg.Policy.Dirs)
			}
		}, []string{"policy.dirs"}},
		{"its own 12-entry list store", "lists:\n  dir: ./twelve-entries\n", func(t *testing.T, cfg config.Config) {
			if cfg.Lists.Dir != "" {
				t.Errorf("lists.dir %q applied", cfg.Lists.Dir)
			}
		}, []string{"lists.dir"}},
		{"as-of in the past", "as-of: 2015-01-01\n", func(t *testing.T, cfg config.Config) {
			if cfg.AsOf != "" {
				t.Errorf("as-of %q applied", cfg.AsOf)
			}
		}, []string{"as-of"}},
		{"weaker profile", "profile: us-person\n", func(t *testing.T, cfg config.Config) {
			if cfg.Profile != config.DefaultProfile {
				t.Errorf("profile %q applied", cfg.Profile)
			}
		}, []string{"profile"}},
		{"stale lists only warn", "lists:\n  stale: warn\n  max-age: 9999d\n", func(t *testing.T, cfg config.Config) {
			if cfg.Lists.Stale != "error" || cfg.Lists.MaxAge != "14d" {
				t.Errorf("lists %+v applied", cfg.Lists)
			}
		}, []string{"lists.max-age", "lists.stale"}},
		{"list age check off", "lists:\n  max-age: 0\n", nil, []string{"lists.max-age"}},
		{"laxer gate", "fail-on: critical\nscreen:\n  match: 0.99\n  review: 0.95\nprocurement:\n  embargo: off\n  columns: {name: notes}\n  encoding: latin1\n", func(t *testing.T, cfg config.Config) {
			if cfg.FailOn != "low" || cfg.Screen.Match != 0.85 || cfg.Procurement.Embargo != "deny" || len(cfg.Procurement.Columns) != 0 {
				t.Errorf("laxer settings applied: %+v", cfg)
			}
		}, []string{"fail-on", "procurement.columns", "procurement.embargo", "procurement.encoding", "screen.match", "screen.review"}},
		{"waivers, outputs, evidence and built-ins", "waivers: w.yaml\noutput: [json=/etc/passwd]\nevidence:\n  file: rec.json\npolicy:\n  allow-builtins: [http.send]\n  timeout: 1h\n  max-memory: 64GiB\ninput:\n  kind: procurement\n  max-size: 8GiB\n",
			nil, []string{"evidence.file", "input.kind", "input.max-size", "output", "policy.allow-builtins", "policy.max-memory", "policy.timeout", "waivers"}},
		{"stricter settings apply", "fail-on: review\nscreen:\n  match: 0.82\n  review: 0.75\nlists:\n  max-age: 7d\n  stale: error\n  index-cache: false\npolicy:\n  input: all\n  timeout: 2s\n  max-memory: 256MiB\nwaiver-fail: true\nwaiver-warn-days: 60\ninput:\n  max-size: 1MiB\nverbose: true\ncolor: never\n", func(t *testing.T, cfg config.Config) {
			if cfg.FailOn != "review" || cfg.Screen.Match != 0.82 || cfg.Screen.Review != 0.75 || cfg.Lists.MaxAge != "7d" ||
				cfg.Lists.IndexCache || cfg.Policy.Input != "all" || cfg.Policy.Timeout != "2s" || cfg.Policy.MaxMemory != "256MiB" ||
				!cfg.WaiverFail || cfg.WaiverWarnDays != 60 || cfg.Input.MaxSize != "1MiB" || !cfg.Verbose || cfg.Color != "never" {
				t.Errorf("stricter settings not applied: %+v", cfg)
			}
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFile(t, tc.file)
			cfg, files, err := config.Load(config.LoadOptions{Dir: dir, Flags: flags(t)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := cfg.Validate(now); err != nil {
				t.Fatalf("validate: %v", err)
			}
			if len(files) != 1 {
				t.Fatalf("files %+v, want the found file", files)
			}
			f := files[0]
			sum := sha256.Sum256([]byte(tc.file))
			if f.Path != filepath.Join(dir, config.FileName) || f.Trust != decision.TrustFound || f.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("file %+v", f)
			}
			if got := ignoredKeys(f); !slices.Equal(got, tc.want) {
				t.Errorf("not applied %v, want %v", got, tc.want)
			}
			for _, s := range f.Ignored {
				if s.Value == "" || !strings.Contains(s.Reason, "--config") {
					t.Errorf("ignored setting %+v: want its value and how to apply it", s)
				}
			}
			if tc.check != nil {
				tc.check(t, cfg)
			}
		})
	}
}

// A file the user names applies whole, by --config or BANGATE_CONFIG; the
// found file is then not read at all.
func TestNamedFileApplies(t *testing.T) {
	const body = "profile: us-person\nas-of: 2015-01-01\nlists:\n  dir: store\n"
	dir := writeFile(t, "profile: all\n")
	named := filepath.Join(t.TempDir(), "team.yaml")
	if err := os.WriteFile(named, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"flag", "env"} {
		t.Run(how, func(t *testing.T) {
			opts := config.LoadOptions{Dir: dir, Flags: flags(t)}
			if how == "flag" {
				opts.File = named
			} else {
				t.Setenv(config.ConfigEnv, named)
			}
			cfg, files, err := config.Load(opts)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Profile != "us-person" || cfg.AsOf != "2015-01-01" || cfg.Lists.Dir != "store" {
				t.Errorf("named file not applied: %+v", cfg)
			}
			if len(files) != 1 || files[0].Path != named || files[0].Trust != decision.TrustNamed || len(files[0].Ignored) != 0 {
				t.Errorf("files %+v", files)
			}
		})
	}
}

// A flag or a variable beats a found file's setting: it is neither applied
// nor reported as ignored.
func TestFoundFileBeatenByFlagAndEnv(t *testing.T) {
	dir := writeFile(t, "profile: us-person\nlists:\n  max-age: 9999d\n")
	t.Setenv("BANGATE_LISTS_MAX_AGE", "30d")
	cfg, files, err := config.Load(config.LoadOptions{Dir: dir, Flags: flags(t, "--profile", "all")})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Profile != "all" || cfg.Lists.MaxAge != "30d" || len(files) != 1 || len(files[0].Ignored) != 0 {
		t.Errorf("cfg %+v, files %+v", cfg, files)
	}
}

// A found file is still checked: an unknown key or a bad value of a
// setting it may make is an error.
func TestFoundFileErrors(t *testing.T) {
	for body, want := range map[string]string{
		"profil: all\n":             "unknown key profil",
		"color: rainbow\n":          "config key color",
		"lists:\n  max-age: soon\n": "config key lists.max-age",
	} {
		cfg, _, err := config.Load(config.LoadOptions{Dir: writeFile(t, body)})
		if err == nil {
			_, err = cfg.Validate(now)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want %q", body, err, want)
		}
	}
}
