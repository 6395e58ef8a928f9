package corpustest_test

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ulikunitz/xz"

	"github.com/bangate/bangate/internal/corpustest"
)

func TestMain(m *testing.M) { corpustest.Main(m) }

const header = "path\tsha256\tbytes\trepo\tcommit\tsource_path\tgenerator\tformat\tencoding\tspec_version\n"

type member struct {
	name string
	data string
	typ  byte
}

// archive builds a tar.xz of the members, in order.
func archive(t *testing.T, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	xw, err := xz.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(xw)
	for _, m := range members {
		typ := m.typ
		if typ == 0 {
			typ = tar.TypeReg
		}
		h := &tar.Header{Name: m.name, Typeflag: typ, Mode: 0o644, Size: int64(len(m.data))}
		if typ != tar.TypeReg {
			h.Size = 0
			h.Linkname = "target"
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if typ == tar.TypeReg {
			if _, err := tw.Write([]byte(m.data)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := xw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func row(name, data string) string {
	sum := sha256.Sum256([]byte(data))
	return fmt.Sprintf("%s\t%s\t%d\towner/repo\t0123abcd\tdir/%s\tsyft 0.33.0\tspdx\tjson\tSPDX-2.2\n",
		name, hex.EncodeToString(sum[:]), len(data), filepath.Base(name))
}

func manifest(t *testing.T, text string) []corpustest.Entry {
	t.Helper()
	m, err := corpustest.ParseManifest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const (
	docA = `{"spdxVersion":"SPDX-2.2"}`
	docB = "SPDXVersion: SPDX-2.2\r"
)

func TestExtract(t *testing.T) {
	m := manifest(t, header+row("a/one.spdx.json", docA)+row("b/two.spdx", docB))
	dir := t.TempDir()
	files, err := corpustest.Extract(dir, bytes.NewReader(archive(t,
		member{name: "b/", typ: tar.TypeDir},
		member{name: "b/two.spdx", data: docB},
		member{name: "a/one.spdx.json", data: docA})), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Name != "a/one.spdx.json" || files[1].Collection() != "b" {
		t.Fatalf("files %+v", files)
	}
	for _, f := range files {
		got, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(got)
		if hex.EncodeToString(sum[:]) != f.SHA256 || filepath.Dir(f.Path) != filepath.Join(dir, f.Collection()) {
			t.Errorf("%s: extracted bytes or place wrong (%s)", f.Name, f.Path)
		}
	}
}

func TestExtractRejects(t *testing.T) {
	good := header + row("a/one.json", docA) + row("a/two.spdx", docB)
	tests := []struct {
		name    string
		members []member
		raw     []byte // used instead of members when set
		want    string
	}{
		{"changed byte", []member{{name: "a/one.json", data: strings.Replace(docA, "2.2", "2.3", 1)}, {name: "a/two.spdx", data: docB}}, nil,
			"a/one.json: sha256"},
		{"changed size", []member{{name: "a/one.json", data: docA + " "}, {name: "a/two.spdx", data: docB}}, nil,
			"a/one.json: 27 bytes, manifest says 26"},
		{"missing file", []member{{name: "a/one.json", data: docA}}, nil, "1 listed files missing, first a/two.spdx"},
		{"unlisted file", []member{{name: "a/one.json", data: docA}, {name: "a/two.spdx", data: docB}, {name: "a/three.json", data: "{}"}}, nil,
			"a/three.json is not listed"},
		{"repeated file", []member{{name: "a/one.json", data: docA}, {name: "a/one.json", data: docA}}, nil, "a/one.json appears twice"},
		{"symlink", []member{{name: "a/one.json", typ: tar.TypeSymlink}}, nil, "is not a regular file"},
		{"escaping directory", []member{{name: "../x/", typ: tar.TypeDir}}, nil, "leaves the extraction directory"},
		{"not xz", nil, []byte("plain text, not an archive"), "xz:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := tc.raw
			if raw == nil {
				raw = archive(t, tc.members...)
			}
			_, err := corpustest.Extract(t.TempDir(), bytes.NewReader(raw), manifest(t, good))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
	t.Run("truncated", func(t *testing.T) {
		raw := archive(t, member{name: "a/one.json", data: docA}, member{name: "a/two.spdx", data: docB})
		_, err := corpustest.Extract(t.TempDir(), bytes.NewReader(raw[:len(raw)-20]), manifest(t, good))
		if err == nil {
			t.Fatal("a truncated archive was accepted")
		}
	})
	t.Run("trailing garbage", func(t *testing.T) {
		raw := archive(t, member{name: "a/one.json", data: docA}, member{name: "a/two.spdx", data: docB})
		_, err := corpustest.Extract(t.TempDir(), bytes.NewReader(append(raw, "junk"...)), manifest(t, good))
		if err == nil || !strings.Contains(err.Error(), "after the tar") {
			t.Fatalf("error %v, want trailing data reported", err)
		}
	})
}

// A corpus kept in several archives extracts as one: each listed file in
// exactly one archive, once; a sample reads no archive after the one that
// completes it.
func TestExtractArchives(t *testing.T) {
	m := manifest(t, header+row("a/one.json", docA)+row("b/two.spdx", docB))
	first := archive(t, member{name: "a/one.json", data: docA})
	second := archive(t, member{name: "b/two.spdx", data: docB})
	files, err := corpustest.ExtractArchives(t.TempDir(), []io.Reader{bytes.NewReader(first), bytes.NewReader(second)}, m)
	if err != nil || len(files) != 2 || files[0].Name != "a/one.json" || files[1].Name != "b/two.spdx" {
		t.Fatalf("files %+v, %v", files, err)
	}
	for _, f := range files {
		if fi, err := os.Stat(f.Path); err != nil || fi.Size() != f.Size {
			t.Errorf("%s: not extracted: %v", f.Name, err)
		}
	}
	for _, tc := range []struct {
		name     string
		archives [][]byte
		want     string
	}{
		{"second not an archive", [][]byte{first, nil}, "xz:"},
		{"only one given", [][]byte{first}, "1 listed files missing, first b/two.spdx"},
		{"in both", [][]byte{first, archive(t, member{name: "b/two.spdx", data: docB}, member{name: "a/one.json", data: docA})}, "a/one.json appears twice"},
		{"second changed", [][]byte{first, archive(t, member{name: "b/two.spdx", data: docB + "x"})}, "b/two.spdx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rs []io.Reader
			for _, a := range tc.archives {
				rs = append(rs, bytes.NewReader(a))
			}
			_, err := corpustest.ExtractArchives(t.TempDir(), rs, m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
	t.Run("sample", func(t *testing.T) {
		// The first archive completes the sample: the second, not an
		// archive at all, is never read.
		got, err := corpustest.ExtractSomeArchives(t.TempDir(), []io.Reader{bytes.NewReader(first), strings.NewReader("not read")}, m, []string{"a/one.json"})
		if err != nil || len(got) != 1 || got[0].Name != "a/one.json" {
			t.Fatalf("files %+v, %v", got, err)
		}
		got, err = corpustest.ExtractSomeArchives(t.TempDir(), []io.Reader{bytes.NewReader(first), bytes.NewReader(second)}, m, []string{"b/two.spdx", "a/one.json"})
		if err != nil || len(got) != 2 || got[0].Name != "b/two.spdx" || got[1].Name != "a/one.json" {
			t.Fatalf("files %+v, %v", got, err)
		}
		_, err = corpustest.ExtractSomeArchives(t.TempDir(), []io.Reader{bytes.NewReader(first)}, m, []string{"b/two.spdx"})
		if err == nil || !strings.Contains(err.Error(), "sample file b/two.spdx missing") {
			t.Fatalf("error %v, want the missing sample named", err)
		}
	})
}

func TestParseManifestRejects(t *testing.T) {
	ok := row("a/one.json", docA)
	sum := sha256.Sum256([]byte(docA))
	hashA := hex.EncodeToString(sum[:])
	tests := []struct{ name, text, want string }{
		{"empty", "", "empty, want a header"},
		{"bad header", "path\tsha\n" + ok, "line 1: header"},
		{"no rows", header, "no files listed"},
		{"short row", header + "a/b\tx\n", "line 2: 2 fields, want 10"},
		{"bad hash", header + strings.Replace(ok, "\t", "\tXYZ", 1), "line 2: sha256"},
		{"upper-case hash", header + strings.Replace(ok, hashA, strings.ToUpper(hashA), 1), "64 lower-case hex"},
		{"bad size", header + strings.Replace(ok, "\t26\t", "\t-1\t", 1), "bytes \"-1\""},
		{"absolute path", header + row("/etc/passwd", docA), "not clean and relative"},
		{"dot-dot path", header + row("../x/y", docA), "not clean and relative"},
		{"unclean path", header + row("a/./b", docA), "not clean and relative"},
		{"no collection", header + row("file.json", docA), "names no collection"},
		{"backslash", header + row(`a\b`, docA), "backslash"},
		{"repeated path", header + ok + ok, "line 3: a/one.json already listed on line 2"},
		{"empty source", header + strings.Replace(ok, "owner/repo", "", 1), "column repo is empty"},
		{"blank line", header + ok + "\n", "line 3: empty line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := corpustest.ParseManifest(strings.NewReader(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// The repository's own corpus extracts and matches its manifest: at least
// 300 files from several collections, both formats and every encoding.
func TestLoadRepositoryCorpus(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("extracting the wild corpus takes a few seconds, twenty under -race; run it without -short and -race")
	}
	c := corpustest.Load(t)
	if again := corpustest.Load(t); again != c {
		t.Fatal("a second Load extracted again")
	}
	if len(c.Files) < 300 {
		t.Fatalf("only %d files", len(c.Files))
	}
	formats := map[string]int{}
	encodings := map[string]int{}
	collections := map[string]int{}
	for _, f := range c.Files {
		formats[f.Format]++
		encodings[f.Encoding]++
		collections[f.Collection()]++
		if fi, err := os.Stat(f.Path); err != nil || fi.Size() != f.Size {
			t.Errorf("%s: not extracted as listed: %v", f.Name, err)
		}
	}
	for _, want := range []string{"cyclonedx", "spdx"} {
		if formats[want] < 100 {
			t.Errorf("only %d %s files", formats[want], want)
		}
	}
	for _, want := range []string{"json", "xml", "tag-value", "yaml", "rdf-xml", "json-ld"} {
		if encodings[want] == 0 {
			t.Errorf("no %s file", want)
		}
	}
	if len(collections) < 10 {
		t.Errorf("only %d collections", len(collections))
	}
}

// The committed manifest and expectations agree without extracting: at
// least 300 files, sorted, every file with exactly one expectation, few
// expected reviews and unreadable files, and no expected fail without a
// reason.
func TestRepositoryManifestAndExpectations(t *testing.T) {
	wild, err := corpustest.WildDir()
	if err != nil {
		t.Fatal(err)
	}
	mf, err := os.Open(filepath.Join(wild, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close()
	entries, err := corpustest.ParseManifest(mf)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 300 {
		t.Fatalf("only %d files", len(entries))
	}
	ef, err := os.Open(filepath.Join(wild, "EXPECTED.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	exp, err := corpustest.ParseExpected(ef)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for i, e := range entries {
		if i > 0 && entries[i-1].Name >= e.Name {
			t.Errorf("MANIFEST.tsv not sorted at %s", e.Name)
		}
		x, ok := exp[e.Name]
		if !ok {
			t.Errorf("%s: no expectation", e.Name)
			continue
		}
		count[x.Outcome]++
	}
	if len(exp) != len(entries) {
		t.Errorf("%d expectations for %d files", len(exp), len(entries))
	}
	if n := count[corpustest.ExpectReview]; n*100 > len(entries) {
		t.Errorf("%d expected reviews, over 1%% of %d files", n, len(entries))
	}
	if n := count[corpustest.ExpectUnreadable]; n*50 > len(entries) {
		t.Errorf("%d files expected unreadable, over 2%% of %d", n, len(entries))
	}
}

func TestParseExpectedRejects(t *testing.T) {
	const h = "path\texpected\tbaseline\n"
	tests := []struct{ name, text, want string }{
		{"no header", "a/b\tpass\tpass\n", "line 1"},
		{"bad outcome", h + "a/b\tmaybe\tpass\n", "line 2: \"maybe\""},
		{"reason missing", h + "a/b\treview:\tpass\n", "line 2"},
		{"pass with reason", h + "a/b\tpass:fine\tpass\n", "line 2"},
		{"repeated", h + "a/b\tpass\tpass\na/b\tpass\tpass\n", "line 3: a/b listed twice"},
		{"unsafe path", h + "../b\tpass\tpass\n", "not clean"},
		{"short row", h + "a/b\tpass\n", "2 fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := corpustest.ParseExpected(strings.NewReader(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
	got, err := corpustest.ParseExpected(strings.NewReader(h + "a/b\tunreadable: trailing data\texit 2\nc/d\tpass\tpass\n"))
	if err != nil || got["a/b"].Outcome != corpustest.ExpectUnreadable || got["a/b"].Reason != "trailing data" || got["c/d"].Outcome != corpustest.ExpectPass {
		t.Fatalf("got %+v, %v", got, err)
	}
}

func TestExtractSome(t *testing.T) {
	m := manifest(t, header+row("a/one.json", docA)+row("a/two.spdx", docB))
	raw := archive(t, member{name: "a/one.json", data: docA}, member{name: "a/two.spdx", data: docB})
	files, err := corpustest.ExtractSome(t.TempDir(), bytes.NewReader(raw), m, []string{"a/two.spdx"})
	if err != nil || len(files) != 1 || files[0].Name != "a/two.spdx" {
		t.Fatalf("files %+v, %v", files, err)
	}
	if got, err := os.ReadFile(files[0].Path); err != nil || string(got) != docB {
		t.Fatalf("extracted %q, %v", got, err)
	}
	for name, tc := range map[string]struct {
		raw   []byte
		names []string
		want  string
	}{
		"unlisted":   {raw, []string{"a/three.json"}, "not listed in the manifest"},
		"missing":    {archive(t, member{name: "a/one.json", data: docA}), []string{"a/two.spdx"}, "sample file a/two.spdx missing"},
		"changed":    {archive(t, member{name: "a/one.json", data: strings.Replace(docA, "2.2", "2.3", 1)}), []string{"a/one.json"}, "sha256"},
		"wrong size": {archive(t, member{name: "a/one.json", data: docA + " "}), []string{"a/one.json"}, "manifest says 26"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := corpustest.ExtractSome(t.TempDir(), bytes.NewReader(tc.raw), m, tc.names)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}
