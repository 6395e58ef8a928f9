//go:build !unix

package server_test

import (
	"testing"
	"time"
)

// cpuTime is not measured on this platform; the cpu-ms/check metric reads 0.
func cpuTime(*testing.B) time.Duration { return 0 }
