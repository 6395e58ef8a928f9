package benchcpu_test

import (
	"runtime"
	"testing"

	"github.com/bangate/bangate/internal/benchcpu"
)

// TestUsedGrows: CPU spent between two readings shows in the second.
func TestUsedGrows(t *testing.T) {
	before := benchcpu.Used(t)
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	runtime.KeepAlive(x)
	after := benchcpu.Used(t)
	if after == 0 {
		t.Skip("the CPU time is not measured on this platform")
	}
	if after <= before {
		t.Errorf("CPU time %v after a busy loop, %v before", after, before)
	}
}
