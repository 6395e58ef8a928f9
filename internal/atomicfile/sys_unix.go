//go:build unix

package atomicfile

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of the file it replaces, when the
// process may (root, or a group it belongs to); otherwise the new file is
// the process's, as any new file would be.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	_ = f.Chown(int(st.Uid), int(st.Gid))
}

// canWrite reports whether the process may write path (access(2), W_OK).
func canWrite(path string) error {
	if err := syscall.Access(path, 2 /* W_OK */); err != nil {
		return fmt.Errorf("%w: %w", errNotWritable, err)
	}
	return nil
}

// dupDescriptor returns a duplicate of descriptor fd of this process, so
// that writing to it shares the descriptor's offset and flags and closing
// it leaves fd open.
func dupDescriptor(fd int, name string) (*os.File, error) {
	d, err := syscall.Dup(fd)
	if err != nil {
		return nil, fmt.Errorf("descriptor %d: %w", fd, err)
	}
	syscall.CloseOnExec(d)
	return os.NewFile(uintptr(d), name), nil
}
