//go:build !linux

package indexfile

// prefault does nothing where the system has no such advice.
func prefault([]byte) {}
