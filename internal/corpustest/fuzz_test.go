package corpustest_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/corpustest"
)

// FuzzParseManifest: any input is either rejected with an error or yields
// entries whose paths are clean, relative and unique, with 64-digit hashes.
func FuzzParseManifest(f *testing.F) {
	if mf, err := os.Open(filepath.Join("..", "..", "testdata", "wild", "MANIFEST.tsv")); err == nil {
		var head strings.Builder
		sc := bufio.NewScanner(mf)
		for i := 0; i < 4 && sc.Scan(); i++ {
			head.WriteString(sc.Text() + "\n")
		}
		mf.Close()
		f.Add(head.String())
	}
	f.Add(header + row("a/one.json", docA))
	f.Add(header + row("../x", docA))
	f.Fuzz(func(t *testing.T, text string) {
		entries, err := corpustest.ParseManifest(strings.NewReader(text))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, e := range entries {
			if seen[e.Name] || strings.HasPrefix(e.Name, "/") || strings.Contains(e.Name, "..") && strings.Contains("/"+e.Name+"/", "/../") {
				t.Fatalf("unsafe or repeated path %q", e.Name)
			}
			seen[e.Name] = true
			if len(e.SHA256) != 64 || e.Size < 0 || e.Collection() == "" {
				t.Fatalf("bad entry %+v", e)
			}
		}
	})
}
