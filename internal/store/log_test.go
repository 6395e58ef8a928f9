package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/store"
)

func TestAppendGetList(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		opts := b.opts(t)
		start := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		opts.Now = fixedClock(start)
		l := open(t, opts)
		es := appendN(t, l, 7)
		for i, e := range es {
			if e.Seq != int64(i+1) || e.ID == "" || len(e.Hash) != 64 {
				t.Fatalf("entry %d: seq %d id %q hash %q", i, e.Seq, e.ID, e.Hash)
			}
		}
		if es[0].PrevHash != store.GenesisHash || es[3].PrevHash != es[2].Hash {
			t.Error("entries are not chained")
		}
		got, err := l.Get(ctx, es[4].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Hash != es[4].Hash || !bytes.Equal(got.Decision, es[4].Decision) || !bytes.Equal(got.Input.Data, es[4].Input.Data) ||
			got.Subjects[0] != "Vendor 4 Ltd" || !got.Time.Equal(es[4].Time) {
			t.Errorf("got %+v, want %+v", got, es[4])
		}
		if _, err := l.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown id: %v", err)
		}

		list := func(f store.Filter) []int64 {
			t.Helper()
			var seqs []int64
			for {
				p, err := l.List(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range p.Entries {
					seqs = append(seqs, e.Seq)
				}
				if p.Next == "" {
					return seqs
				}
				f.Cursor = p.Next
			}
		}
		tests := []struct {
			name string
			f    store.Filter
			want string
		}{
			{"all, pages of 3", store.Filter{Limit: 3}, "[1 2 3 4 5 6 7]"},
			{"newest first", store.Filter{Limit: 2, Desc: true}, "[7 6 5 4 3 2 1]"},
			{"outcome", store.Filter{Outcome: "fail"}, "[2 5]"},
			{"subject, any case", store.Filter{Subject: "vendor 3"}, "[4]"},
			{"subject wildcard is literal", store.Filter{Subject: "%"}, "[]"},
			// The log's clock advances a second per entry (the first
			// call is the one of the first batch).
			{"since", store.Filter{Since: start.Add(5 * time.Second)}, "[6 7]"},
			{"until", store.Filter{Until: start.Add(2 * time.Second)}, "[1 2]"},
			{"kind", store.Filter{Kind: store.KindScreen}, "[]"},
		}
		for _, tc := range tests {
			if got := fmt.Sprint(list(tc.f)); got != tc.want && !(tc.want == "[]" && got == "[]") {
				t.Errorf("%s: seqs %s, want %s", tc.name, got, tc.want)
			}
		}
		if _, err := l.List(ctx, store.Filter{Cursor: "x"}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("bad cursor: %v", err)
		}
		rep, err := l.Verify(ctx, store.VerifyOptions{})
		if err != nil || rep.Entries != 7 || rep.Head != es[6].Hash {
			t.Errorf("verify: %+v, %v", rep, err)
		}
	})
}

// Two logs on one database append at the same time, as two server
// processes do; under -race, with entries grouped into transactions. The
// chain stays whole and every acknowledged entry is in it once.
func TestConcurrentAppends(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		opts := b.opts(t)
		opts.CheckpointEvery = 50
		logs := []*store.Log{open(t, opts), open(t, opts)}
		const writers, each = 8, 40
		var (
			wg   sync.WaitGroup
			mu   sync.Mutex
			seen = map[int64]string{}
		)
		for w := range writers {
			wg.Go(func() {
				l := logs[w%2]
				for i := range each {
					e := entry(i, "pass", fmt.Sprintf("Writer %d", w))
					if err := l.Append(ctx, e); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					if prev, dup := seen[e.Seq]; dup {
						t.Errorf("seq %d given to %s and %s", e.Seq, prev, e.ID)
					}
					seen[e.Seq] = e.ID
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		rep, err := logs[0].Verify(ctx, store.VerifyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Entries != writers*each || len(seen) != writers*each || rep.Checkpoints != writers*each/50 {
			t.Errorf("verified %d entries, %d checkpoints; acknowledged %d", rep.Entries, rep.Checkpoints, len(seen))
		}
		for seq, id := range seen {
			if e, err := logs[1].Get(ctx, id); err != nil || e.Seq != seq {
				t.Fatalf("acknowledged %s at %d: %v", id, seq, err)
			}
		}
	})
}

// Verify names the first altered, missing or reordered entry.
func TestVerifyDetectsTampering(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		q := func(s string) string {
			n := 0
			var out strings.Builder
			for _, r := range s {
				if r == '?' {
					n++
					out.WriteString(b.ph(n))
					continue
				}
				out.WriteRune(r)
			}
			return out.String()
		}
		tests := []struct {
			name    string
			tamper  []string
			args    [][]any
			seq     int64
			problem string
		}{
			{"outcome changed", []string{"UPDATE decisions SET outcome = 'pass' WHERE seq = 5"}, nil, 5, "altered"},
			{"decision document changed", []string{"UPDATE decisions SET decision = 'x' WHERE seq = 3"}, nil, 3, "altered"},
			{"input bytes changed", []string{"UPDATE decisions SET input = ? WHERE seq = 2"}, [][]any{{[]byte("{}")}}, 2, "stored input"},
			{"subject changed", []string{`UPDATE decisions SET subjects = '["Other"]' WHERE seq = 6`}, nil, 6, "altered"},
			{"record removed", []string{"DELETE FROM decisions WHERE seq = 4"}, nil, 4, "missing"},
			{"records swapped", []string{
				"UPDATE decisions SET seq = 1000 WHERE seq = 3",
				"UPDATE decisions SET seq = 3 WHERE seq = 4",
				"UPDATE decisions SET seq = 4 WHERE seq = 1000",
			}, nil, 3, "altered"},
			{"tail removed after a checkpoint", []string{"DELETE FROM decisions WHERE seq >= 9"}, nil, 9, "removed from its end"},
			{"first removed", []string{"DELETE FROM decisions WHERE seq = 1"}, nil, 1, "missing"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				ctx := context.Background()
				opts := b.opts(t)
				l := open(t, opts)
				appendN(t, l, 10)
				if _, err := l.Checkpoint(ctx); err != nil {
					t.Fatal(err)
				}
				if _, err := l.Verify(ctx, store.VerifyOptions{}); err != nil {
					t.Fatalf("before tampering: %v", err)
				}
				db := b.raw(t, opts)
				for i, s := range tc.tamper {
					var args []any
					if tc.args != nil {
						args = tc.args[i]
					}
					if _, err := db.ExecContext(ctx, q(s), args...); err != nil {
						t.Fatalf("%s: %v", s, err)
					}
				}
				_, err := l.Verify(ctx, store.VerifyOptions{})
				var be *store.BrokenError
				if !errors.As(err, &be) {
					t.Fatalf("verify: %v, want a broken log", err)
				}
				if be.Seq != tc.seq || !strings.Contains(be.Error(), tc.problem) {
					t.Errorf("verify: %v; want record %d, %q", err, tc.seq, tc.problem)
				}
			})
		}
	})
}

// A rewritten chain (an entry altered and every hash after it computed
// again) still verifies link by link; the signed checkpoint exposes it.
func TestCheckpointsExposeRewrite(t *testing.T) {
	ctx := context.Background()
	b := backends[0]
	opts := b.opts(t)
	signer, verifier := keys(t)
	opts.Signer, opts.CheckpointEvery = signer, 4
	l := open(t, opts)
	appendN(t, l, 6)
	rep, err := l.Verify(ctx, store.VerifyOptions{Key: verifier})
	if err != nil || rep.Checkpoints != 1 || rep.Verified != 1 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	// Rewrite: change entry 2's outcome and recompute every hash from 2.
	db := b.raw(t, opts)
	prev := ""
	for seq := int64(1); seq <= 6; seq++ {
		p, err := l.List(ctx, store.Filter{Cursor: fmt.Sprint(seq - 1), Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		e, err := l.Get(ctx, p.Entries[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if seq == 1 {
			prev = e.Hash
			continue
		}
		if seq == 2 {
			e.Outcome = "pass"
		}
		e.PrevHash = prev
		e.Hash = e.HashOf()
		prev = e.Hash
		if _, err := db.ExecContext(ctx, "UPDATE decisions SET outcome = ?, prev_hash = ?, hash = ? WHERE seq = ?", e.Outcome, e.PrevHash, e.Hash, seq); err != nil {
			t.Fatal(err)
		}
	}
	_, err = l.Verify(ctx, store.VerifyOptions{Key: verifier})
	var be *store.BrokenError
	if !errors.As(err, &be) || be.Seq != 4 || !strings.Contains(err.Error(), "checkpoint") {
		t.Fatalf("verify after a rewrite: %v, want record 4 against its checkpoint", err)
	}
	// A forged checkpoint does not verify with the key.
	if _, err := db.ExecContext(ctx, "UPDATE checkpoints SET hash = (SELECT hash FROM decisions WHERE seq = 4) WHERE seq = 4"); err != nil {
		t.Fatal(err)
	}
	_, err = l.Verify(ctx, store.VerifyOptions{Key: verifier})
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "signature does not verify") {
		t.Fatalf("verify with a forged checkpoint: %v", err)
	}
	// Without the key, the forgery passes: the key is what makes
	// checkpoints trustworthy.
	if _, err := l.Verify(ctx, store.VerifyOptions{}); err != nil {
		t.Errorf("verify without key: %v", err)
	}
}

func TestTokens(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		l := open(t, b.opts(t))
		secret, tok, err := l.CreateToken(ctx, "erp", "submitter")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, store.TokenPrefix) || len(secret) < 40 || tok.Role != "submitter" {
			t.Fatalf("token %q %+v", secret, tok)
		}
		got, err := l.LookupToken(ctx, secret)
		if err != nil || got.ID != tok.ID || got.Name != "erp" {
			t.Fatalf("lookup: %+v %v", got, err)
		}
		for _, bad := range []string{"", "bgt_nope", secret + "x", strings.TrimPrefix(secret, store.TokenPrefix)} {
			if _, err := l.LookupToken(ctx, bad); !errors.Is(err, store.ErrUnknownToken) {
				t.Errorf("lookup %q: %v", bad, err)
			}
		}
		if err := l.RevokeToken(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := l.LookupToken(ctx, secret); !errors.Is(err, store.ErrUnknownToken) {
			t.Errorf("revoked token: %v", err)
		}
		if err := l.RevokeToken(ctx, tok.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("revoke twice: %v", err)
		}
		ts, err := l.Tokens(ctx)
		if err != nil || len(ts) != 1 || ts[0].Revoked.IsZero() {
			t.Errorf("tokens: %+v %v", ts, err)
		}
	})
}

// Opening runs the migrations once; opening again finds them applied.
func TestReopen(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		opts := b.opts(t)
		l, err := store.Open(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		es := appendN(t, l, 3)
		if err := l.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if err := l.Append(ctx, entry(9, "pass", "x")); !errors.Is(err, store.ErrClosed) {
			t.Errorf("append after close: %v", err)
		}
		l2 := open(t, opts)
		cps, err := l2.Checkpoints(ctx)
		if err != nil || len(cps) != 1 || cps[0].Seq != 3 || cps[0].Hash != es[2].Hash {
			t.Errorf("close wrote checkpoints %+v, %v", cps, err)
		}
		e := entry(4, "fail", "y")
		if err := l2.Append(ctx, e); err != nil || e.Seq != 4 || e.PrevHash != es[2].Hash {
			t.Errorf("append after reopen: seq %d, %v", e.Seq, err)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, opts := range []store.Options{{}, {Database: "mysql://x"}, {Database: "postgres://u:secret@127.0.0.1:1/x?connect_timeout=1"}} {
		_, err := store.Open(ctx, opts)
		if err == nil {
			t.Errorf("open %+v: no error", opts)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

// A Log that appended nothing (a verify, a token command) signs no
// checkpoint when it closes: only the writer of a head pins it.
func TestCloseCheckpointsOnlyOwnAppends(t *testing.T) {
	ctx := context.Background()
	opts := backends[0].opts(t)
	l, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, l, 2)
	if err := l.Close(ctx); err != nil {
		t.Fatal(err)
	}
	reader, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Verify(ctx, store.VerifyOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := reader.Close(ctx); err != nil {
		t.Fatal(err)
	}
	l2 := open(t, opts)
	cps, err := l2.Checkpoints(ctx)
	if err != nil || len(cps) != 1 || cps[0].Seq != 2 {
		t.Errorf("checkpoints %+v %v, want the writer's one at 2", cps, err)
	}
}

// TestAnnouncedAppendsShareACommit: an append waits for the appends
// announced after it (up to the commit delay) and commits with them; one
// with none announced commits at once.
func TestAnnouncedAppendsShareACommit(t *testing.T) {
	ctx := context.Background()
	opts := backends[0].opts(t)
	opts.CommitDelay = time.Minute // the test ends long before, unless an append waits for nothing
	opts.Now = fixedClock(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	l := open(t, opts)

	withdraw := l.Announce()
	a, b := entry(1, "pass", "Vendor A"), entry(2, "fail", "Vendor B")
	done := make(chan error, 1)
	go func() { done <- l.Append(ctx, a) }()
	select {
	case err := <-done:
		t.Fatalf("append committed (%v) while another was announced", err)
	case <-time.After(100 * time.Millisecond):
	}
	withdraw()
	withdraw() // again: nothing more
	if err := l.Append(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if b.Seq != a.Seq+1 || !a.Time.Equal(b.Time) {
		t.Errorf("a at %d %v, b at %d %v: want one commit", a.Seq, a.Time, b.Seq, b.Time)
	}

	c := entry(3, "pass", "Vendor C")
	start := time.Now()
	if err := l.Append(ctx, c); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second || c.Time.Equal(b.Time) {
		t.Errorf("a lone append took %v, at %v (the last commit's %v)", d, c.Time, b.Time)
	}
	if rep, err := l.Verify(ctx, store.VerifyOptions{}); err != nil || rep.Entries != 3 {
		t.Fatalf("verify: %+v, %v", rep, err)
	}
}

// TestCommitDelayBounded: an announced append that never comes holds a
// commit back no longer than the commit delay.
func TestCommitDelayBounded(t *testing.T) {
	opts := backends[0].opts(t)
	opts.CommitDelay = 300 * time.Millisecond
	l := open(t, opts)
	withdraw := l.Announce()
	defer withdraw()
	start := time.Now()
	if err := l.Append(context.Background(), entry(1, "pass", "Vendor A")); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < opts.CommitDelay || d > 30*time.Second {
		t.Errorf("the append took %v: want the commit delay, %v, and not much more", d, opts.CommitDelay)
	}
}

// TestAppendUnless: an append conditioned on no entry of a kind after a
// seq is made while none is, and refused (ErrStale, nothing written, its
// subject not kept) once one is, whether this log or another process
// appended it.
func TestAppendUnless(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		opts := b.opts(t)
		l, other := open(t, opts), open(t, opts)
		appendN(t, l, 2)
		at, _, err := l.Head(ctx)
		if err != nil {
			t.Fatal(err)
		}
		unless := &store.Unless{Kind: store.KindReview, Seq: at}
		ok := entry(3, "pass", "Vendor C")
		if _, err := l.AppendKeepUnless(ctx, ok, nil, unless); err != nil {
			t.Fatalf("no review since %d: %v", at, err)
		}
		for _, who := range []*store.Log{other, l} {
			review := entry(4, "pass", "Vendor C")
			review.Kind = store.KindReview
			if err := who.Append(ctx, review); err != nil {
				t.Fatal(err)
			}
			stale := entry(5, "pass", "Vendor D")
			k := store.Kept{Subject: "subject-d", Name: "d.json", Plan: []byte(`{}`), Input: []byte(`{}`), State: []byte(`{}`), Updated: time.Now()}
			if _, err := l.AppendKeepUnless(ctx, stale, &k, unless); !errors.Is(err, store.ErrStale) {
				t.Fatalf("a review appended after %d (by %s): append gave %v, want ErrStale", at, map[bool]string{true: "this log", false: "another"}[who == l], err)
			}
			if stale.ID != "" {
				if _, err := l.Get(ctx, stale.ID); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("the stale entry was written: %v", err)
				}
			}
			if in, err := l.KeptInput(ctx, "subject-d"); err == nil {
				t.Errorf("the stale entry's subject was kept: %q", in)
			}
			// As of the review, the append is made.
			now, _, err := l.Head(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.AppendKeepUnless(ctx, entry(6, "pass", "Vendor D"), nil, &store.Unless{Kind: store.KindReview, Seq: now}); err != nil {
				t.Fatalf("no review since %d: %v", now, err)
			}
		}
		if rep, err := l.Verify(ctx, store.VerifyOptions{}); err != nil || rep.Entries != 7 {
			t.Fatalf("verify: %+v, %v", rep, err)
		}
	})
}
