//go:build !unix

package benchcpu

import (
	"testing"
	"time"
)

// Used returns 0 on this platform, where the CPU time is not measured: a
// CPU-per-operation metric reads 0.
func Used(testing.TB) time.Duration { return 0 }
