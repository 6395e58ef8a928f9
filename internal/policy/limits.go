package policy

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/topdown"
)

// Limits bound what the policies may do: which built-in functions they
// may call, and how long and how much memory one evaluation may take.
//
// What is bounded, and how:
//
//   - Time: each evaluation (one input) runs under a deadline. OPA checks
//     for cancellation before every evaluation step and inside the
//     built-in functions that can run long (numbers.range and
//     numbers.range_step per number generated, net.cidr_expand per
//     address, concat, replace, strings.replace_n and regex.replace per
//     write), so the evaluation stops within a step of the deadline.
//   - Memory: a watchdog samples the Go heap every few milliseconds while
//     an evaluation runs. When the heap has grown by more than MaxMemory
//     since the evaluation started, it collects garbage and measures
//     again; if the live heap is still more than MaxMemory above the start,
//     it cancels the evaluation, which stops as a timed-out one does. The
//     start is measured to within a quarter of MaxMemory (heapBaseline).
//
// What is not bounded exactly:
//
//   - Go gives no per-goroutine memory accounting, so the watchdog measures
//     the process's heap: memory allocated by anything else that runs at
//     the same time (another evaluation in a server, the parsing of the
//     next input) counts against the evaluation that is running. A
//     runaway evaluation can therefore also stop one that runs beside it.
//     Either stops with an error (exit 2), never with a pass.
//   - A single built-in call that allocates without checking for
//     cancellation (array.concat of two large arrays, sprintf with many
//     wide fields, json.marshal of a large value) runs to its end before
//     the watchdog can stop the evaluation; its size is bounded by the
//     values it is given, which earlier steps had to build under the same
//     limits, so the heap can overshoot MaxMemory by a small multiple of
//     the largest value built before the limit was reached.
//   - strings.render_template cannot be interrupted at all: it is denied
//     (see capabilities.go).
//   - The process's total memory is not limited (runtime/debug
//     SetMemoryLimit would change the garbage collector of a whole
//     server and still not stop an evaluation).
type Limits struct {
	// AllowBuiltins are denied built-in functions (DeniedBuiltins) the
	// policies may call all the same.
	AllowBuiltins []string
	// Timeout bounds each evaluation; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxMemory bounds, in bytes, how much the live heap may grow during
	// one evaluation; 0 means DefaultMaxMemory.
	MaxMemory int64
}

// Default limits.
const (
	// DefaultTimeout is the time one evaluation may take. The built-in
	// bundle decides an input with a few thousand findings in about a
	// second on one core.
	DefaultTimeout = 10 * time.Second
	// DefaultMaxMemory is how much the live heap may grow during one
	// evaluation.
	DefaultMaxMemory = 1 << 30
)

// withDefaults fills the zero limits.
func (l Limits) withDefaults() Limits {
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.MaxMemory <= 0 {
		l.MaxMemory = DefaultMaxMemory
	}
	return l
}

// ErrTimeLimit is wrapped by an evaluation stopped at its time limit.
var ErrTimeLimit = errors.New("time limit reached")

// ErrMemoryLimit is wrapped by an evaluation stopped at its memory limit.
var ErrMemoryLimit = errors.New("memory limit reached")

// watchInterval is how often the watchdog samples the heap.
const watchInterval = 5 * time.Millisecond

// guard cancels one evaluation at its deadline, at its memory limit, or
// when its context ends, and says which.
type guard struct {
	cancel topdown.Cancel
	done   chan struct{}
	wg     sync.WaitGroup
	mu     sync.Mutex
	why    error
	grown  uint64
}

// watch starts the guard of an evaluation under limits l (defaults
// filled); stop must be called when the evaluation returns.
func watch(ctx context.Context, l Limits) *guard {
	g := &guard{cancel: topdown.NewCancel(), done: make(chan struct{})}
	limit := uint64(l.MaxMemory)
	start := heapBaseline(limit)
	next := start + limit
	deadline := time.NewTimer(l.Timeout)
	tick := time.NewTicker(watchInterval)
	g.wg.Go(func() {
		defer deadline.Stop()
		defer tick.Stop()
		for {
			select {
			case <-g.done:
				return
			case <-ctx.Done():
				g.stop(ctx.Err())
				return
			case <-deadline.C:
				g.stop(ErrTimeLimit)
				return
			case <-tick.C:
				if heapObjects() < next {
					continue
				}
				// The heap counts garbage not yet collected: collect it
				// and measure what the evaluation keeps.
				runtime.GC()
				live := heapObjects()
				if live > start && live-start > limit {
					g.mu.Lock()
					g.grown = live - start
					g.mu.Unlock()
					g.stop(ErrMemoryLimit)
					return
				}
				// Check again after another quarter of the limit, so
				// that collections stay rare.
				next = max(start+limit, live+limit/4)
			}
		}
	})
	return g
}

func (g *guard) stop(why error) {
	g.mu.Lock()
	if g.why == nil {
		g.why = why
	}
	g.mu.Unlock()
	g.cancel.Cancel()
}

// finish ends the watchdog and returns, for the memory limit, by how much
// the heap had grown, and why the evaluation was cancelled (nil when it
// was not).
func (g *guard) finish() (uint64, error) {
	close(g.done)
	g.wg.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.grown, g.why
}

// heapObjects is the bytes of heap objects, live or not yet swept.
func heapObjects() uint64 { return readMetric("/memory/classes/heap/objects:bytes") }

// heapBaseline is the heap an evaluation starts from: the heap objects,
// which count garbage not yet collected. When that garbage (the objects
// allocated since the last collection, some of them still live) could be
// more than a quarter of limit, a collection makes the baseline exact;
// otherwise the baseline is lenient by at most that quarter. Collections
// are thus forced only where the heap holds much unswept memory, never
// for each of many small evaluations.
func heapBaseline(limit uint64) uint64 {
	obj, live := heapObjects(), readMetric("/gc/heap/live:bytes")
	if obj > live && obj-live > limit/4 {
		runtime.GC()
		return heapObjects()
	}
	return obj
}

// readMetric reads one uint64 runtime metric; 0 when it is not one.
func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// limitError says which limit stopped an evaluation and how to raise it.
func limitError(why error, l Limits, grown uint64) error {
	switch {
	case errors.Is(why, ErrTimeLimit):
		return fmt.Errorf("evaluate policies: stopped after %s, the time limit of one evaluation (policy.timeout, --policy-timeout): %w", l.Timeout, ErrTimeLimit)
	case errors.Is(why, ErrMemoryLimit):
		return fmt.Errorf("evaluate policies: stopped when the heap had grown by %s, over the memory limit of one evaluation, %s (policy.max-memory, --policy-max-memory): %w",
			byteSize(int64(grown)), byteSize(l.MaxMemory), ErrMemoryLimit)
	default:
		return fmt.Errorf("evaluate policies: %w", why)
	}
}

// byteSize writes n bytes in MiB or GiB.
func byteSize(n int64) string {
	if n >= 1<<30 && n%(1<<30) == 0 {
		return fmt.Sprintf("%dGiB", n>>30)
	}
	if n >= 1<<30 {
		return fmt.Sprintf("%.1fGiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%dMiB", (n+(1<<20)-1)>>20)
}
