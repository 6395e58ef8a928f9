//go:build !unix

package check

// offHeapBuffer is not available here: inputs are read into the heap.
func offHeapBuffer(int) ([]byte, func(), bool) { return nil, nil, false }
