package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks bounds the symbolic links followed, as the kernel does.
const maxLinks = 40

// target is where Write puts its output and how.
type target struct {
	// path is the file to replace or create, or what to open (or connect
	// to) when writing through.
	path string
	// info describes path (not followed); nil when nothing is there yet.
	info fs.FileInfo
	// through is set when path is written through, not replaced.
	through bool
	// kind is what a written-through path is: a device, a FIFO, a socket,
	// a regular file reached through a descriptor alias.
	kind fs.FileMode
	// fd is the descriptor of this process that path is an alias of
	// (/dev/stdout, /proc/self/fd/1), or -1.
	fd int
}

// resolve follows path's symbolic links to what Write must write. A link
// whose directory is in /proc (the /dev/stdout, /dev/fd/N, /proc/PID/fd/N
// aliases of open descriptors) is not followed by name, since its text is
// no path ("pipe:[123]"), but asked of the kernel.
func resolve(path string) (target, error) {
	p := path
	for hops := 0; ; hops++ {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			if path != p {
				// A dangling link: its target is created.
				if _, derr := os.Stat(filepath.Dir(p)); derr != nil {
					return target{}, fmt.Errorf("link target %s: %w", p, dirError(filepath.Dir(p), derr))
				}
			}
			return target{path: p, fd: -1}, nil
		}
		if err != nil {
			return target{}, bareError(err)
		}
		mode := fi.Mode()
		switch {
		case mode.IsDir():
			return target{}, errors.New("is a directory")
		case mode.IsRegular():
			return target{path: p, info: fi, fd: -1}, nil
		case mode&fs.ModeSymlink == 0:
			// A device, FIFO or socket.
			return target{path: p, info: fi, through: true, kind: mode.Type(), fd: -1}, nil
		}
		if hops == maxLinks {
			return target{}, errors.New("too many levels of symbolic links")
		}
		dir, err := filepath.EvalSymlinks(filepath.Dir(p))
		if err != nil {
			return target{}, bareError(err)
		}
		if dir == "/proc" || strings.HasPrefix(dir, "/proc/") {
			return descriptorAlias(p, dir)
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return target{}, bareError(err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(dir, dest)
		}
		p = dest
	}
}

// descriptorAlias resolves a link in /proc, such as /proc/self/fd/1, by
// asking the kernel what it leads to: it is always written through, and
// when it is a descriptor of this process, written to that descriptor, so
// that its offset and append mode are kept.
func descriptorAlias(p, dir string) (target, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return target{}, fmt.Errorf("%s: %w", p, bareError(err))
	}
	if fi.IsDir() {
		return target{}, errors.New("is a directory")
	}
	t := target{path: p, info: fi, through: true, kind: fi.Mode().Type(), fd: -1}
	self := fmt.Sprintf("/proc/%d/fd", os.Getpid())
	if dir == self || dir == "/proc/self/fd" {
		var n int
		if _, err := fmt.Sscanf(filepath.Base(p), "%d", &n); err == nil && n >= 0 {
			t.fd = n
		}
	}
	return t, nil
}
