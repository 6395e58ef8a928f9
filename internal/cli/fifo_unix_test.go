//go:build unix

package cli_test

import "syscall"

// mkfifo makes a FIFO.
func mkfifo(path string) error {
	return syscall.Mkfifo(path, 0o600)
}
