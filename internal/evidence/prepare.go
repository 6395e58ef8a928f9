package evidence

import (
	"sync"

	"github.com/bangate/bangate/internal/check"
)

// Pending names the parties of a check's inputs while the check runs.
type Pending struct {
	wg   sync.WaitGroup
	out  []check.Screened
	errs []error
}

// Prepare starts naming the parties screened in every input, in the
// background, so that on a machine with a second core the work overlaps
// the check instead of following it. Hand the result to Check.Pending.
// Hits are not counted here: Write counts them afterwards, and only for
// an input whose findings show none.
//
// NOTE: unless the inputs went through check.Prepare, this parses every
// input a second time (the check does not hand back the names it
// screened); running it beside the check keeps the wall time down, not
// the CPU time.
func Prepare(c *check.Checker, inputs []check.Input) *Pending {
	p := &Pending{out: make([]check.Screened, len(inputs)), errs: make([]error, len(inputs))}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for i, in := range inputs {
			if in.Err != nil {
				continue
			}
			p.out[i], p.errs[i] = c.ScreenedParties(in, false)
		}
	}()
	return p
}

// wait returns what Prepare found, per input.
func (p *Pending) wait() ([]check.Screened, []error) {
	p.wg.Wait()
	return p.out, p.errs
}
