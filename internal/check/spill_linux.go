//go:build linux

package check

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// spillCopy copies the open file f (at most maxSize bytes; more is
// errTooLarge) into a private copy and maps the copy read-only. The copy
// is a file without a name and without permissions (O_TMPFILE, mode 0)
// in the directory for temporary files, whose descriptor is closed once it
// is mapped: only the mapping refers to it, so no other process (root
// aside) can open, let alone change, the bytes this process hashes,
// decides and places findings in, whatever happens to f meanwhile.
//
// Its pages are the kernel's page cache, which can write them to disk and
// drop them, not the process's own memory: while the copy is held, every
// trimEvery its pages are unmapped from the process (MADV_DONTNEED), and
// the next read maps them again from the cache, or reads them back from
// disk, unchanged. A large input then counts in the process's memory only
// for the part being read. The copy is made only on a file system that
// writes to disk (not tmpfs or ramfs, where the cache is memory again);
// ok is false, with f where it was, when no copy could be made, and the
// caller reads f into memory.
//
// release unmaps the copy, which frees it.
func spillCopy(f *os.File, maxSize int64) (data []byte, release func(), ok bool, err error) {
	dir := os.TempDir()
	var fs unix.Statfs_t
	if unix.Statfs(dir, &fs) != nil || fs.Type == unix.TMPFS_MAGIC || fs.Type == unix.RAMFS_MAGIC {
		return nil, nil, false, nil
	}
	fd, cerr := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0)
	if cerr != nil {
		return nil, nil, false, nil
	}
	tmp := os.NewFile(uintptr(fd), "private copy")
	defer tmp.Close()
	start, serr := f.Seek(0, io.SeekCurrent)
	if serr != nil {
		return nil, nil, false, nil
	}
	n, cerr := io.Copy(tmp, io.LimitReader(f, maxSize+1))
	switch {
	case cerr != nil:
		// Not knowing whether reading f or writing the copy failed, read
		// f again into memory, which tells.
		if _, serr := f.Seek(start, io.SeekStart); serr != nil {
			return nil, nil, false, fmt.Errorf("private copy: %w", errors.Join(cerr, serr))
		}
		return nil, nil, false, nil
	case n > maxSize:
		return nil, nil, false, errTooLarge
	case n == 0:
		return []byte{}, func() {}, true, nil
	}
	m, merr := unix.Mmap(fd, 0, int(n), unix.PROT_READ, unix.MAP_SHARED)
	if merr != nil {
		if _, serr := f.Seek(start, io.SeekStart); serr != nil {
			return nil, nil, false, fmt.Errorf("private copy: %w", errors.Join(merr, serr))
		}
		return nil, nil, false, nil
	}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(trimEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_ = unix.Madvise(m, unix.MADV_DONTNEED)
			}
		}
	}()
	var once sync.Once
	return m, func() {
		once.Do(func() {
			close(stop)
			<-done
			_ = unix.Munmap(m)
		})
	}, true, nil
}

// trimEvery is how often the pages of a private copy are unmapped from
// the process.
const trimEvery = 20 * time.Millisecond
