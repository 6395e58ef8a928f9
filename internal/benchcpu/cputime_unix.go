//go:build unix

package benchcpu

import (
	"syscall"
	"testing"
	"time"
)

// Used returns the user and system CPU time the process has used so far,
// failing tb when it cannot be read.
func Used(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
