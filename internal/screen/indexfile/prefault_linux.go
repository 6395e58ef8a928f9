package indexfile

import "syscall"

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14).
const madvPopulateWrite = 23

// prefault maps the pages of b, fresh memory about to be read into, in
// one system call rather than one page fault per page. It is advice: an
// older kernel's refusal changes nothing.
func prefault(b []byte) {
	_ = syscall.Madvise(b, madvPopulateWrite)
}
