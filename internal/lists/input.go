package lists

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/bangate/bangate/internal/provenance"
)

// MaxFileSize bounds how many bytes any single list file may hold. The
// largest official file bangate reads (SDN_ENHANCED.XML) is about 110 MB.
const MaxFileSize = 256 << 20

// Source is one input file: a name for messages, and its reader. A Source
// with a nil R is absent. A Source is read once.
type Source struct {
	// Name names the file in error messages ("sdn.csv", a path, a URL).
	Name string
	// R yields the file's bytes.
	R io.Reader
}

// FileSource returns a Source reading the file at path. The file is opened
// lazily by readSource and closed after reading.
func FileSource(path string) Source {
	return Source{Name: path, R: &lazyFile{path: path}}
}

// lazyFile opens its path on first Read.
type lazyFile struct {
	path string
	f    *os.File
}

// Read implements io.Reader.
func (l *lazyFile) Read(p []byte) (int, error) {
	if l.f == nil {
		f, err := os.Open(l.path)
		if err != nil {
			return 0, err
		}
		l.f = f
	}
	n, err := l.f.Read(p)
	if err == io.EOF {
		_ = l.f.Close()
	}
	return n, err
}

// close releases the file if it was opened.
func (l *lazyFile) close() {
	if l.f != nil {
		_ = l.f.Close()
	}
}

// readSource reads all of s, refusing more than MaxFileSize bytes and an
// empty file.
func readSource(s Source) ([]byte, error) {
	if lf, ok := s.R.(*lazyFile); ok {
		defer lf.close()
	}
	data, err := io.ReadAll(io.LimitReader(s.R, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Name, err)
	}
	if len(data) > MaxFileSize {
		return nil, parseErr(s.Name, 0, "file larger than %d bytes", MaxFileSize)
	}
	if len(bytes.TrimSpace(bytes.TrimSuffix(data, []byte{0x1a}))) == 0 {
		return nil, parseErr(s.Name, 0, "file is empty")
	}
	return data, nil
}

// readSanctions starts the loading of a sanctions list file: meta must
// name the list, its kind is sanctions unless it says otherwise, and s is
// read whole (readSource).
func readSanctions(s Source, meta *provenance.List) ([]byte, error) {
	if meta.ID == "" {
		return nil, errNoID
	}
	if meta.Kind == "" {
		meta.Kind = provenance.KindSanctions
	}
	return readSource(s)
}
