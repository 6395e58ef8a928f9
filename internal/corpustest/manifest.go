// Package corpustest gives tests the wild SBOM corpus of testdata/wild: real
// SBOMs from public collections and projects' own published SBOMs, kept in
// compressed archives (Archives) with one manifest (MANIFEST.tsv) that
// names each file's sha256, size, origin and declared format. The archives are
// extracted once per test binary and every file is checked against the
// manifest before a test sees it.
package corpustest

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// manifestColumns are the columns of MANIFEST.tsv, in order.
var manifestColumns = []string{
	"path", "sha256", "bytes", "repo", "commit", "source_path",
	"generator", "format", "encoding", "spec_version",
}

// Entry is one row of MANIFEST.tsv: a file of the archive and where it came
// from.
type Entry struct {
	// Name is the file's path inside the archive, "<collection>/<file>".
	Name string
	// SHA256 is the lower-case hex sha256 of the file's bytes.
	SHA256 string
	// Size is the file's length in bytes.
	Size int64
	// Repo is the public repository the file was copied from, "owner/name".
	Repo string
	// Commit is the commit of Repo the file was copied at.
	Commit string
	// SourcePath is the file's path inside Repo at Commit.
	SourcePath string
	// Generator is the tool the file says produced it, or "unstated".
	Generator string
	// Format is the format the file declares: cyclonedx, spdx, syft, or
	// "other" for a file that is not an SBOM.
	Format string
	// Encoding is the serialisation: json, xml, tag-value, yaml, rdf-xml,
	// json-ld.
	Encoding string
	// SpecVersion is the specification version the file declares, as it
	// writes it ("1.4", "SPDX-2.2", "3.0"), or "-" when it declares none.
	SpecVersion string
}

// Collection is the first element of Name: the collection the file belongs
// to.
func (e Entry) Collection() string {
	c, _, _ := strings.Cut(e.Name, "/")
	return c
}

// ParseManifest reads MANIFEST.tsv: a header line naming the columns, then
// one tab-separated row per file. It rejects a row with the wrong number of
// fields, a malformed hash or size, an unsafe or repeated path, and names
// the line of the fault.
func ParseManifest(r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("manifest: line 1: %w", err)
		}
		return nil, fmt.Errorf("manifest: empty, want a header line")
	}
	if got, want := sc.Text(), strings.Join(manifestColumns, "\t"); got != want {
		return nil, fmt.Errorf("manifest: line 1: header %q, want %q", got, want)
	}
	var entries []Entry
	seen := make(map[string]int)
	line := 1
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" {
			return nil, fmt.Errorf("manifest: line %d: empty line", line)
		}
		f := strings.Split(text, "\t")
		if len(f) != len(manifestColumns) {
			return nil, fmt.Errorf("manifest: line %d: %d fields, want %d", line, len(f), len(manifestColumns))
		}
		e := Entry{
			Name: f[0], SHA256: f[1], Repo: f[3], Commit: f[4], SourcePath: f[5],
			Generator: f[6], Format: f[7], Encoding: f[8], SpecVersion: f[9],
		}
		if err := checkName(e.Name); err != nil {
			return nil, fmt.Errorf("manifest: line %d: %w", line, err)
		}
		if prev, dup := seen[e.Name]; dup {
			return nil, fmt.Errorf("manifest: line %d: %s already listed on line %d", line, e.Name, prev)
		}
		seen[e.Name] = line
		if b, err := hex.DecodeString(e.SHA256); err != nil || len(b) != 32 || strings.ToLower(e.SHA256) != e.SHA256 {
			return nil, fmt.Errorf("manifest: line %d: sha256 %q is not 64 lower-case hex digits", line, e.SHA256)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return nil, fmt.Errorf("manifest: line %d: bytes %q is not a size", line, f[2])
		}
		e.Size = size
		for i, v := range f[3:] {
			if v == "" {
				return nil, fmt.Errorf("manifest: line %d: column %s is empty", line, manifestColumns[3+i])
			}
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("manifest: line %d: %w", line+1, err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("manifest: no files listed")
	}
	return entries, nil
}

// checkName accepts a clean, relative, slash-separated "<collection>/<file>"
// path that cannot leave the extraction directory.
func checkName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("empty path")
	case strings.ContainsAny(name, "\\\x00"):
		return fmt.Errorf("path %q has a backslash or NUL", name)
	case path.IsAbs(name) || path.Clean(name) != name || name == "." || strings.HasPrefix(name, "../"):
		return fmt.Errorf("path %q is not clean and relative", name)
	case !strings.Contains(name, "/"):
		return fmt.Errorf("path %q names no collection", name)
	}
	return nil
}
