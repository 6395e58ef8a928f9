package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ReadInputs reads every named input: files, directories (every regular,
// non-hidden file below, sorted) and "-" for stdin. An input larger than
// maxSize, or one that cannot be read, becomes an Input with Err set, so
// that the others are still decided and the run still fails closed.
func ReadInputs(paths []string, stdin io.Reader, maxSize int64) []Input {
	var out []Input
	for _, p := range paths {
		if p == "-" {
			out = append(out, readLimited("-", stdin, maxSize))
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			out = append(out, Input{Path: p, Err: fmt.Errorf("read %s: %w", p, unwrapPath(err))})
			continue
		}
		if !info.IsDir() {
			out = append(out, readFile(p, maxSize))
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			out = append(out, Input{Path: p, Err: fmt.Errorf("read %s: %w", p, unwrapPath(err))})
			continue
		}
		if len(files) == 0 {
			out = append(out, Input{Path: p, Err: fmt.Errorf("read %s: directory holds no files", p)})
			continue
		}
		sort.Strings(files)
		for _, f := range files {
			out = append(out, readFile(f, maxSize))
		}
	}
	return out
}

func readFile(path string, maxSize int64) Input {
	f, err := os.Open(path)
	if err != nil {
		return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, unwrapPath(err))}
	}
	defer f.Close()
	return readLimited(path, f, maxSize)
}

func readLimited(path string, r io.Reader, maxSize int64) Input {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}
	}
	if int64(len(data)) > maxSize {
		return Input{Path: path, Err: fmt.Errorf("read %s: larger than the input size limit of %d bytes (input.max-size, --max-input-size)", path, maxSize)}
	}
	return Input{Path: path, Data: data}
}

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
