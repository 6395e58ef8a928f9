//go:build !unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}

// canWrite checks only the read-only attribute where there is no access(2).
func canWrite(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return errNotWritable
	}
	return nil
}

// dupDescriptor is not available: descriptor aliases are Unix (/proc) only.
func dupDescriptor(int, string) (*os.File, error) {
	return nil, errors.New("descriptor aliases are not supported on this system")
}
