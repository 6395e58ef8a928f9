package report_test

import (
	"flag"
	"os"
	"testing"
)

// TestMain lowers the fuzzer's default minimisation time from 60 s to 2 s
// unless -fuzzminimizetime is given.
//
// NOTE(report): encoding/json and encoding/xml keep pooled state whose reuse
// depends on the garbage collector, so an input's coverage varies a little
// between executions. The fuzzer then fails to reproduce the coverage of an
// input it is minimising and keeps trying for the whole minimisation time,
// which with the default swallows a short -fuzztime whole.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set && flag.Lookup("test.fuzzminimizetime") != nil {
		_ = flag.Set("test.fuzzminimizetime", "2s")
	}
	os.Exit(m.Run())
}
