package corpustest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Archives returns the archives of testdata/wild, in the order they are
// read: the first collections, and those added since. Together they hold
// every file of MANIFEST.tsv, each once.
func Archives() []string { return []string{"corpus.tar.xz", "corpus-2.tar.xz"} }

// Corpus is the extracted wild corpus.
type Corpus struct {
	// Dir is the temporary directory the archive was extracted into.
	Dir string
	// Files are the corpus files in manifest order.
	Files []File
}

// extracted holds the one extraction a test binary makes. It is the only
// package state: a test binary extracts the corpus once, however many tests
// ask for it, and Main removes it when the tests are done.
var extracted struct {
	once   sync.Once
	main   bool
	corpus *Corpus
	err    error
}

// Main runs the tests of a package that uses the corpus and then removes the
// extracted files. Call it from TestMain:
//
//	func TestMain(m *testing.M) { corpustest.Main(m) }
func Main(m *testing.M) {
	extracted.main = true
	code := m.Run()
	if c := extracted.corpus; c != nil {
		if err := os.RemoveAll(c.Dir); err != nil {
			fmt.Fprintf(os.Stderr, "corpustest: remove %s: %v\n", c.Dir, err)
			if code == 0 {
				code = 1
			}
		}
	}
	os.Exit(code)
}

// Load returns the wild corpus of this repository (testdata/wild), extracted
// on the first call in the test binary and checked against MANIFEST.tsv; a
// later call returns the same files. It fails the test on any error, and
// when the package's TestMain does not call Main (which removes the files).
// Extraction takes a few seconds: callers skip under testing.Short.
func Load(tb testing.TB) *Corpus {
	tb.Helper()
	if !extracted.main {
		tb.Fatal("corpustest.Load: the package's TestMain must call corpustest.Main, which removes the extracted corpus")
	}
	extracted.once.Do(func() {
		extracted.corpus, extracted.err = load()
	})
	if extracted.err != nil {
		tb.Fatal(extracted.err)
	}
	return extracted.corpus
}

// LoadSample extracts only the named corpus files into a temporary
// directory that the test removes, checked against MANIFEST.tsv, reading
// the archives no further than the last of them (see ExtractSomeArchives):
// for a -short run. It fails the test on any error.
func LoadSample(tb testing.TB, names []string) []File {
	tb.Helper()
	wild, err := WildDir()
	if err != nil {
		tb.Fatal(err)
	}
	mf, err := os.Open(filepath.Join(wild, "MANIFEST.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer mf.Close()
	manifest, err := ParseManifest(mf)
	if err != nil {
		tb.Fatalf("%s: %v", mf.Name(), err)
	}
	var archives []io.Reader
	for _, name := range Archives() {
		af, err := os.Open(filepath.Join(wild, name))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { af.Close() })
		archives = append(archives, af)
	}
	files, err := ExtractSomeArchives(tb.TempDir(), archives, manifest, names)
	if err != nil {
		tb.Fatalf("%s: %v", wild, err)
	}
	return files
}

// load finds testdata/wild from the working directory and extracts it into
// a new temporary directory.
func load() (*Corpus, error) {
	wild, err := WildDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "bangate-wild-")
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	files, err := ExtractDir(dir, wild)
	if err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	return &Corpus{Dir: dir, Files: files}, nil
}

// ExtractDir extracts the Archives of wild into dir, checked against
// wild/MANIFEST.tsv.
func ExtractDir(dir, wild string) ([]File, error) {
	mf, err := os.Open(filepath.Join(wild, "MANIFEST.tsv"))
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer mf.Close()
	manifest, err := ParseManifest(mf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", mf.Name(), err)
	}
	x := newExtraction(dir, manifest)
	for _, name := range Archives() {
		if err := addArchive(x, filepath.Join(wild, name)); err != nil {
			return nil, err
		}
	}
	files, err := x.finish()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", wild, err)
	}
	return files, nil
}

// addArchive extracts the archive at path; its errors name the archive.
func addArchive(x *extraction, path string) error {
	af, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	defer af.Close()
	if err := x.add(af); err != nil {
		return fmt.Errorf("%s: %w", af.Name(), err)
	}
	return nil
}

// WildDir is the repository's testdata/wild directory, found by walking up
// from the working directory to this module's go.mod.
func WildDir() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "testdata", "wild"), nil
}

// moduleRoot walks up from the working directory to the go.mod of this
// module.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/bangate/bangate\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("corpus: no go.mod of github.com/bangate/bangate above the working directory")
		}
		dir = parent
	}
}
