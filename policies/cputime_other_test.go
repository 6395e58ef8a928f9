//go:build !unix

package policies_test

import (
	"testing"
	"time"
)

// cpuTime is not measured on this platform; the cpu-ns/op metric reads 0.
func cpuTime(*testing.B) time.Duration { return 0 }
