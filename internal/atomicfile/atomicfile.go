// Package atomicfile writes output files without ever replacing what the
// path does not name as a plain file.
//
// A regular file (or a path where nothing is yet) is written all or
// nothing, through a temporary file in the same directory that is synced
// and renamed into place: a reader never sees half a file, a failed write
// leaves the old file as it was, and the file keeps its mode (and, where
// the system allows, its owner). Anything else is written through, opened
// and written, never renamed over: a character or block device
// (/dev/null, a terminal), a FIFO, a Unix socket, and the descriptor
// aliases /dev/stdout, /dev/stderr and /dev/fd/N. A symbolic link is
// followed: a link to a regular file has its target replaced atomically
// and stays a link; a link to anything else is written through.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// defaultMode is the mode of a new file when the caller gives none.
const defaultMode os.FileMode = 0o644

// Write writes the file at path with what fn writes. For a regular file or
// a new one, fn writes to a temporary file in the target's directory,
// which is synced and then renamed over the target only when fn and every
// write succeeded; on any error (or a panic in fn) the temporary file is
// removed and an existing file is left untouched. A new file gets mode
// perm (0 means 0644); an existing one keeps its mode, and its owner and
// group when the process may set them. An existing file the process may
// not write is an error, not replaced. Paths that name something other
// than a regular file are written through (see the package comment); a
// FIFO blocks until a reader opens it, and what fn wrote before an error
// stays written.
func Write(path string, perm os.FileMode, fn func(io.Writer) error) error {
	if fn == nil {
		return fmt.Errorf("write %s: no content function", path)
	}
	t, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if t.through {
		if err := writeThrough(t, fn); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if t.info != nil {
		if err := canWrite(t.path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := replace(t, perm, fn); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// WriteBytes writes data to path as Write does.
func WriteBytes(path string, perm os.FileMode, data []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// CheckWritable reports whether Write could write path, without writing
// it and without disturbing what is there: for a regular or new file, that
// the directory exists and takes new files (a probe file is created and
// removed; its name never appears in the error) and that an existing file
// is writable; for a device, FIFO or socket, that it is writable (it is
// not opened: opening a FIFO would wake its reader). Errors name path and
// the cause.
func CheckWritable(path string) error {
	t, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if t.through {
		if err := canWriteThrough(t); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if t.info != nil {
		if err := canWrite(t.path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	dir := filepath.Dir(t.path)
	f, err := os.CreateTemp(dir, ".bangate-probe-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, dirError(dir, err))
	}
	name := f.Name()
	cerr := f.Close()
	rerr := os.Remove(name)
	if err := errors.Join(cerr, rerr); err != nil {
		return fmt.Errorf("write %s: cannot create files in %s: %w", path, dir, bareError(err))
	}
	return nil
}

// dirError says why no file can be created in dir, without the name of
// the file that was tried.
func dirError(dir string, err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("directory %s does not exist", dir)
	}
	return fmt.Errorf("cannot create files in %s: %w", dir, bareError(err))
}

// bareError drops the path an *os.PathError or *os.LinkError carries.
func bareError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// replace writes t.path through a temporary file renamed over it.
func replace(t target, perm os.FileMode, fn func(io.Writer) error) (err error) {
	dir, base := filepath.Split(t.path)
	if dir == "" {
		dir = "."
	}
	mode := perm
	if mode == 0 {
		mode = defaultMode
	}
	if t.info != nil {
		mode = t.info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return dirError(filepath.Clean(dir), err)
	}
	tmpName := tmp.Name()
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
	}()
	if err := fn(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return bareError(err)
	}
	if t.info != nil {
		keepOwner(tmp, t.info)
	}
	if err := tmp.Sync(); err != nil {
		return bareError(err)
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmpName)
		done = true
		return bareError(err)
	}
	if err := os.Rename(tmpName, t.path); err != nil {
		_ = os.Remove(tmpName)
		done = true
		return bareError(err)
	}
	done = true
	return nil
}
