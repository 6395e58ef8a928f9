package config_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/strictkeys"
)

// TestLoadAmbiguousKeys checks that a configuration file (YAML, or JSON
// read as YAML) with a key given twice, or twice up to case, is refused
// naming the file, the key and the line: viper lower-cases keys, so one
// of the two values would silently win.
func TestLoadAmbiguousKeys(t *testing.T) {
	tests := []struct {
		name, file string
		want       error
		key        string
		line       int
	}{
		{"profile and PROFILE", "profile: default\nPROFILE: us-person\n", strictkeys.ErrFoldedKey, "PROFILE", 2},
		{"as-of twice", "as-of: 2026-01-01\nas-of: 2015-01-01\n", strictkeys.ErrDuplicateKey, "as-of", 2},
		{"nested lists.dir", "lists:\n  dir: a\n  Dir: b\n", strictkeys.ErrFoldedKey, "Dir", 3},
		{"policy dirs with kelvin sign", "policy:\n  dirs: [a]\nfail-on: deny\n\u212aeep: 1\nkeep: 2\n", strictkeys.ErrFoldedKey, "keep", 5},
		{"columns map", "procurement:\n  columns:\n    name: vendor\n    NAME: supplier\n", strictkeys.ErrFoldedKey, "NAME", 4},
		{"json file", `{"profile":"default","Profile":"us-person"}`, strictkeys.ErrFoldedKey, "Profile", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFile(t, tc.file)
			path := filepath.Join(dir, config.FileName)
			_, _, err := config.Load(config.LoadOptions{Dir: dir})
			var ke *strictkeys.KeyError
			if !errors.Is(err, tc.want) || !errors.As(err, &ke) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if ke.Key != tc.key || ke.Line != tc.line {
				t.Errorf("key %q line %d, want %q %d", ke.Key, ke.Line, tc.key, tc.line)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "read config "+path+": ") || !strings.Contains(msg, "line ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line naming %s and the line", msg, path)
			}
		})
	}
}
