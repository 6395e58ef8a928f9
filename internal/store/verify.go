package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrBroken is matched (errors.Is) by every *BrokenError.
var ErrBroken = errors.New("decision log does not verify")

// BrokenError names the first entry of a log or an export that is
// altered, missing or out of place, and what is wrong with it.
type BrokenError struct {
	// Seq is the entry's place in the log (for a missing entry, the first
	// seq missing); 0 when the problem is not one entry's.
	Seq int64
	// ID is the entry's ID, when it is there.
	ID string
	// Line is the line of an export file, 0 for a database.
	Line int
	// Problem says what is wrong.
	Problem string
}

// Error is one line naming the record.
func (e *BrokenError) Error() string {
	where := ""
	switch {
	case e.Seq > 0 && e.ID != "":
		where = fmt.Sprintf("record %d (id %s)", e.Seq, e.ID)
	case e.Seq > 0:
		where = fmt.Sprintf("record %d", e.Seq)
	default:
		where = "log"
	}
	if e.Line > 0 {
		where += fmt.Sprintf(" at line %d", e.Line)
	}
	return where + ": " + e.Problem
}

// Is makes errors.Is(err, ErrBroken) hold.
func (e *BrokenError) Is(target error) bool { return target == ErrBroken }

// Report says what a verification covered.
type Report struct {
	// Entries is the number of entries verified; First and Last their
	// seqs; Head the last entry's hash.
	Entries     int64
	First, Last int64
	Head        string
	// Checkpoints is the number of checkpoints matched against the chain;
	// Signed how many of them carry a signature, Verified how many
	// signatures were checked with the key given.
	Checkpoints, Signed, Verified int
}

// chain checks entries one after the other: each must follow the
// previous one without a gap and carry the hash of its content.
type chain struct {
	next    int64  // the seq expected next; 0 before the first entry
	prev    string // the previous entry's hash
	prevID  string
	started bool
	rep     Report
	hashes  map[int64]string // seq -> hash of entries that have a checkpoint
	want    map[int64]Checkpoint
}

func newChain(cps []Checkpoint) *chain {
	c := &chain{hashes: map[int64]string{}, want: map[int64]Checkpoint{}}
	for _, cp := range cps {
		c.want[cp.Seq] = cp
	}
	return c
}

// start sets where the chain begins: the seq of its first entry and that
// entry's previous hash.
func (c *chain) start(seq int64, prev string) {
	c.next, c.prev, c.started = seq, prev, true
}

// add checks e, the entry read at line (0 for a database).
func (c *chain) add(e *Entry, line int) error {
	broken := func(seq int64, id, problem string) error {
		return &BrokenError{Seq: seq, ID: id, Line: line, Problem: problem}
	}
	if !c.started {
		c.start(e.Seq, e.PrevHash)
	}
	switch {
	case e.Seq > c.next:
		what := fmt.Sprintf("record %d is", c.next)
		if e.Seq-1 > c.next {
			what = fmt.Sprintf("records %d to %d are", c.next, e.Seq-1)
		}
		return broken(c.next, "", fmt.Sprintf("missing: %s absent; the next record present is %d", what, e.Seq))
	case e.Seq < c.next:
		return broken(e.Seq, e.ID, fmt.Sprintf("out of order: it comes after record %d", c.next-1))
	}
	if p := e.check(); p != "" {
		return broken(e.Seq, e.ID, "altered: "+p)
	}
	if e.PrevHash != c.prev {
		if c.rep.Entries == 0 {
			return broken(e.Seq, e.ID, fmt.Sprintf("its previous hash %s is not the one the chain starts from, %s", short(e.PrevHash), short(c.prev)))
		}
		return broken(e.Seq, e.ID, fmt.Sprintf("does not follow record %d (id %s): its previous hash is %s, record %d's hash is %s: "+
			"record %d was rewritten, or records were removed, inserted or reordered", e.Seq-1, c.prevID, short(e.PrevHash), e.Seq-1, short(c.prev), e.Seq-1))
	}
	if cp, ok := c.want[e.Seq]; ok {
		if cp.Hash != e.Hash {
			return broken(e.Seq, e.ID, fmt.Sprintf("does not match the checkpoint of %s, which pins hash %s: the chain up to it was rewritten",
				cp.Time.Format(timeFormat), short(cp.Hash)))
		}
		c.hashes[e.Seq] = e.Hash
	}
	if c.rep.Entries == 0 {
		c.rep.First = e.Seq
	}
	c.rep.Entries++
	c.rep.Last, c.rep.Head = e.Seq, e.Hash
	c.next, c.prev, c.prevID = e.Seq+1, e.Hash, e.ID
	return nil
}

// finish checks the checkpoints against what was read: every checkpoint
// must fall on an entry that was read (one beyond the last entry means
// entries were removed from the end), and, with a key, verify.
func (c *chain) finish(ctx context.Context, key Verifier, cps []Checkpoint) error {
	for _, cp := range cps {
		if cp.Seq > c.rep.Last {
			return &BrokenError{Seq: c.rep.Last + 1, Problem: fmt.Sprintf("missing: a checkpoint of %s pins record %d, but the log ends at record %d: records were removed from its end",
				cp.Time.Format(timeFormat), cp.Seq, c.rep.Last)}
		}
		if _, ok := c.hashes[cp.Seq]; !ok {
			continue // outside the range read (an export)
		}
		c.rep.Checkpoints++
		if cp.Signed() {
			c.rep.Signed++
		}
		if key != nil && cp.Signed() {
			if err := cp.verify(ctx, key); err != nil {
				return &BrokenError{Seq: cp.Seq, Problem: fmt.Sprintf("its checkpoint of %s: %v", cp.Time.Format(timeFormat), err)}
			}
			c.rep.Verified++
		}
	}
	return nil
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// Key checks the checkpoints' signatures; nil: they are not checked.
	Key Verifier
}

// Verify walks the whole log: every entry must carry the hash of its
// content (and its stored input the recorded digest), follow its
// predecessor without a gap, and match the checkpoints. It returns a
// *BrokenError naming the first entry that does not, or another error
// when the log could not be read.
func (l *Log) Verify(ctx context.Context, opts VerifyOptions) (Report, error) {
	cps, err := l.Checkpoints(ctx)
	if err != nil {
		return Report{}, err
	}
	c := newChain(cps)
	c.start(1, GenesisHash)
	if err := l.scanRange(ctx, "", nil, func(e *Entry) error { return c.add(e, 0) }); err != nil {
		return c.rep, err
	}
	if err := c.finish(ctx, opts.Key, cps); err != nil {
		return c.rep, err
	}
	return c.rep, nil
}
