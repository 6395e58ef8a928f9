//go:build unix

package check

import "syscall"

// offHeapBuffer allocates size bytes outside the Go heap (an anonymous
// private mapping) and returns them with the function that frees them;
// false when the system refuses.
func offHeapBuffer(size int) ([]byte, func(), bool) {
	if size <= 0 {
		return nil, nil, false
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, false
	}
	return b, func() { _ = syscall.Munmap(b) }, true
}
