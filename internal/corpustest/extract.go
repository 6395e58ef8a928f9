package corpustest

import (
	"archive/tar"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/ulikunitz/xz"
)

// File is one extracted file of the corpus, checked against its manifest
// row.
type File struct {
	Entry
	// Path is where the file was extracted on disk.
	Path string
}

// Extract unpacks the tar.xz archive into dir (which must exist and should
// be empty) and checks it against the manifest: every archive entry must be
// a regular file listed in the manifest, with the listed size and sha256,
// and every listed file must be in the archive exactly once. Any mismatch
// fails the whole extraction with an error naming the file; files already
// written are left for the caller to remove with dir. The files are
// returned in manifest order.
func Extract(dir string, archive io.Reader, manifest []Entry) ([]File, error) {
	return ExtractArchives(dir, []io.Reader{archive}, manifest)
}

// ExtractArchives is Extract over several archives that together hold the
// corpus: every listed file must be in exactly one of them, once.
func ExtractArchives(dir string, archives []io.Reader, manifest []Entry) ([]File, error) {
	x := newExtraction(dir, manifest)
	for _, a := range archives {
		if err := x.add(a); err != nil {
			return nil, err
		}
	}
	return x.finish()
}

// extraction is an Extract under way: the files already extracted, over
// one or more archives.
type extraction struct {
	dir      string
	manifest []Entry
	byName   map[string]int
	done     []bool
	files    []File
}

func newExtraction(dir string, manifest []Entry) *extraction {
	byName := make(map[string]int, len(manifest))
	for i, e := range manifest {
		byName[e.Name] = i
	}
	return &extraction{dir: dir, manifest: manifest, byName: byName,
		done: make([]bool, len(manifest)), files: make([]File, len(manifest))}
}

// add extracts every member of one archive.
func (x *extraction) add(archive io.Reader) error {
	xr, err := xz.NewReader(archive)
	if err != nil {
		return fmt.Errorf("corpus archive: xz: %w", err)
	}
	tr := tar.NewReader(xr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("corpus archive: %w", err)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if !filepath.IsLocal(h.Name) {
				return fmt.Errorf("corpus archive: directory %q leaves the extraction directory", h.Name)
			}
			continue
		case tar.TypeReg:
		default:
			return fmt.Errorf("corpus archive: %s: type %q is not a regular file", h.Name, h.Typeflag)
		}
		i, listed := x.byName[h.Name]
		if !listed {
			return fmt.Errorf("corpus archive: %s is not listed in the manifest", h.Name)
		}
		if x.done[i] {
			return fmt.Errorf("corpus archive: %s appears twice", h.Name)
		}
		e := x.manifest[i]
		dst, err := extractEntry(x.dir, h, tr, e)
		if err != nil {
			return err
		}
		x.done[i] = true
		x.files[i] = File{Entry: e, Path: dst}
	}
	// Read to the end of the xz stream so that a damaged index or trailing
	// garbage after the tar is reported too.
	if _, err := io.Copy(io.Discard, xr); err != nil {
		return fmt.Errorf("corpus archive: after the tar: %w", err)
	}
	return nil
}

// finish checks that every listed file was extracted.
func (x *extraction) finish() ([]File, error) {
	var missing []string
	for i, ok := range x.done {
		if !ok {
			missing = append(missing, x.manifest[i].Name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("corpus archive: %d listed files missing, first %s", len(missing), missing[0])
	}
	return x.files, nil
}

// ExtractSome unpacks only the named files of the archive into dir,
// checking each against its manifest row as Extract does, and stops
// reading the archive once it has them all: a sample near the start of the
// archive costs a fraction of the whole. Every name must be listed in the
// manifest and found in the archive. The files are returned in the order
// of names.
func ExtractSome(dir string, archive io.Reader, manifest []Entry, names []string) ([]File, error) {
	return ExtractSomeArchives(dir, []io.Reader{archive}, manifest, names)
}

// ExtractSomeArchives is ExtractSome over several archives, read in order:
// an archive after the one that completes the sample is not read at all.
func ExtractSomeArchives(dir string, archives []io.Reader, manifest []Entry, names []string) ([]File, error) {
	byName := make(map[string]Entry, len(manifest))
	for _, e := range manifest {
		byName[e.Name] = e
	}
	want := make(map[string]int, len(names))
	for i, n := range names {
		if _, ok := byName[n]; !ok {
			return nil, fmt.Errorf("corpus sample: %s is not listed in the manifest", n)
		}
		want[n] = i
	}
	files := make([]File, len(names))
	found := 0
	for _, archive := range archives {
		if found == len(names) {
			break
		}
		xr, err := xz.NewReader(archive)
		if err != nil {
			return nil, fmt.Errorf("corpus archive: xz: %w", err)
		}
		tr := tar.NewReader(xr)
		for found < len(names) {
			h, err := tr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("corpus archive: %w", err)
			}
			i, ok := want[h.Name]
			if !ok || h.Typeflag != tar.TypeReg || files[i].Path != "" {
				continue
			}
			e := byName[h.Name]
			dst, err := extractEntry(dir, h, tr, e)
			if err != nil {
				return nil, err
			}
			files[i] = File{Entry: e, Path: dst}
			found++
		}
	}
	if found < len(names) {
		for i, f := range files {
			if f.Path == "" {
				return nil, fmt.Errorf("corpus archive: sample file %s missing", names[i])
			}
		}
	}
	return files, nil
}

// writeFile copies exactly size bytes from r to a new file at dst and
// returns their hex sha256.
func writeFile(dst string, r io.Reader, size int64) (sum string, err error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, size))
	if err != nil {
		return "", err
	}
	if n != size {
		return "", fmt.Errorf("truncated: %d of %d bytes", n, size)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// extractEntry writes the archive member h, read from tr, into dir, once
// its size and then its sha256 are the ones its manifest row e lists; it
// returns the file's path.
func extractEntry(dir string, h *tar.Header, tr io.Reader, e Entry) (string, error) {
	if h.Size != e.Size {
		return "", fmt.Errorf("corpus archive: %s: %d bytes, manifest says %d", h.Name, h.Size, e.Size)
	}
	dst := filepath.Join(dir, filepath.FromSlash(e.Name))
	sum, err := writeFile(dst, tr, e.Size)
	if err != nil {
		return "", fmt.Errorf("corpus archive: %s: %w", h.Name, err)
	}
	if sum != e.SHA256 {
		return "", fmt.Errorf("corpus archive: %s: sha256 %s, manifest says %s", h.Name, sum, e.SHA256)
	}
	return dst, nil
}
