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

// ReadInputs reads every named input: files, directories and "-" for
// stdin. A directory is walked: its regular files are inputs, in sorted
// order; a symbolic link is followed when its target stays inside the
// directory; everything else (a hidden file or directory, a link leading
// out of the tree, a FIFO, a device, a socket) is skipped and reported as
// an Input with Skipped set, never silently. An input larger than maxSize,
// or one that cannot be read, becomes an Input with Err set, so that the
// others are still decided and the run still fails closed.
func ReadInputs(paths []string, stdin io.Reader, maxSize int64) []Input {
	return (&reader{}).inputs(paths, stdin, maxSize)
}

// ReadInputsOffHeap is ReadInputs that reads every file of at least
// offHeapFrom bytes into memory allocated outside the Go heap (an
// anonymous mapping, on Unix systems), so that a large input counts once
// in the process's memory, not again in the garbage collector's target
// for the heap; a file of at least spillFrom bytes is read, where the
// system allows, through a private copy on disk (spillCopy), of which only
// the part being read counts in the process's memory. The caller calls
// release once nothing uses the inputs' Data any more (the run, its
// reports and its evidence are done): the bytes are gone after it.
func ReadInputsOffHeap(paths []string, stdin io.Reader, maxSize int64) (inputs []Input, release func()) {
	r := &reader{offHeap: true, spillFrom: spillFrom}
	inputs = r.inputs(paths, stdin, maxSize)
	return inputs, func() {
		for _, f := range r.free {
			f()
		}
		r.free = nil
	}
}

// offHeapFrom is the file size from which ReadInputsOffHeap reads a file
// outside the Go heap.
const offHeapFrom = 1 << 20

// spillFrom is the file size from which ReadInputsOffHeap reads a file
// through a private copy on disk (spillCopy), where the system has one.
const spillFrom = 32 << 20

// errTooLarge is returned by spillCopy for a file over the size limit.
var errTooLarge = errors.New("larger than the input size limit")

// reader reads inputs, outside the heap when offHeap is set; free
// releases what it allocated there.
type reader struct {
	offHeap bool
	// spillFrom, when set, is the file size from which a file is read
	// through a private copy (spillCopy).
	spillFrom int64
	free      []func()
}

func (r *reader) inputs(paths []string, stdin io.Reader, maxSize int64) []Input {
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
			out = append(out, r.readFile(p, maxSize))
			continue
		}
		out = append(out, r.readDir(p, maxSize)...)
	}
	return out
}

// readDir reads the inputs below a directory (see ReadInputs).
func (r *reader) readDir(dir string, maxSize int64) []Input {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return []Input{{Path: dir, Err: fmt.Errorf("read %s: %w", dir, unwrapPath(err))}}
	}
	var files, skipped []Input
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == dir {
			return nil
		}
		skip := func(reason string) error {
			skipped = append(skipped, Input{Path: path, Skipped: reason})
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return skip("hidden directory")
			}
			return skip("hidden file")
		}
		mode := d.Type()
		switch {
		case mode.IsDir():
			return nil
		case mode.IsRegular():
			files = append(files, Input{Path: path, member: true})
			return nil
		case mode&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(path)
			if err != nil {
				return skip("broken symbolic link")
			}
			if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return skip("symbolic link to " + target + ", outside " + dir)
			}
			info, err := os.Stat(target)
			switch {
			case err != nil:
				return skip("symbolic link: " + unwrapPath(err).Error())
			case info.Mode().IsRegular():
				files = append(files, Input{Path: path, member: true})
			default:
				// A link to a directory inside the tree: its files are
				// walked there already.
				return skip("symbolic link to a directory inside the tree (its files are read there)")
			}
			return nil
		default:
			return skip("not a regular file (" + mode.Type().String() + ")")
		}
	})
	if err != nil {
		return []Input{{Path: dir, Err: fmt.Errorf("read %s: %w", dir, unwrapPath(err))}}
	}
	if len(files) == 0 && len(skipped) == 0 {
		return []Input{{Path: dir, Err: fmt.Errorf("read %s: directory holds no files", dir)}}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for i := range files {
		in := r.readFile(files[i].Path, maxSize)
		in.member = true
		files[i] = in
	}
	return append(files, skipped...)
}

func (r *reader) readFile(path string, maxSize int64) Input {
	f, err := os.Open(path)
	if err != nil {
		return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, unwrapPath(err))}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if info.Size() > maxSize {
			// Refused at once, by its size: reading the limit's worth
			// first would cost the time and twice the memory of the
			// limit.
			return tooLargeSized(path, info.Size(), maxSize)
		}
		if r.offHeap && r.spillFrom > 0 && info.Size() >= r.spillFrom {
			data, free, ok, err := spillCopy(f, maxSize)
			switch {
			case errors.Is(err, errTooLarge):
				return tooLarge(path, maxSize)
			case err != nil:
				return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}
			case ok:
				r.free = append(r.free, free)
				return Input{Path: path, Data: data}
			}
		}
		var buf []byte
		if r.offHeap && info.Size() >= offHeapFrom {
			if b, free, ok := offHeapBuffer(int(info.Size())); ok {
				buf = b
				r.free = append(r.free, free)
			}
		}
		return readSized(path, f, info.Size(), maxSize, buf)
	}
	return readLimited(path, f, maxSize)
}

// readSized reads a file whose size is known: into a buffer of that size
// (io.ReadAll would grow one by doubling, leaving twice the input behind
// as garbage), then what a file that grew meanwhile has beyond it. buf,
// when set, is the buffer (of size bytes).
func readSized(path string, r io.Reader, size, maxSize int64, buf []byte) Input {
	data := buf
	if data == nil {
		data = make([]byte, size, size+1)
	}
	n, err := io.ReadFull(r, data)
	data = data[:n]
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF): // the file shrank
		return Input{Path: path, Data: data}
	case err != nil:
		return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}
	}
	rest, err := io.ReadAll(io.LimitReader(r, maxSize-size+1))
	if err != nil {
		return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}
	}
	if data = append(data, rest...); int64(len(data)) > maxSize {
		return tooLarge(path, maxSize)
	}
	return Input{Path: path, Data: data}
}

func readLimited(path string, r io.Reader, maxSize int64) Input {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}
	}
	if int64(len(data)) > maxSize {
		return tooLarge(path, maxSize)
	}
	return Input{Path: path, Data: data}
}

// tooLarge is the input at path, refused for its size.
func tooLarge(path string, maxSize int64) Input { return tooLargeSized(path, -1, maxSize) }

// tooLargeSized is tooLarge of a file whose size is known (size 0 or more:
// the message gives it).
func tooLargeSized(path string, size, maxSize int64) Input {
	given := ""
	if size >= 0 {
		given = fmt.Sprintf("%d bytes, ", size)
	}
	return Input{Path: path, Err: fmt.Errorf("read %s: %slarger than the input size limit of %d bytes (input.max-size, --max-input-size)", path, given, maxSize)}
}

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
