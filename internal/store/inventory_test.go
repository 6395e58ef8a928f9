package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/store"
)

// The inventory keeps one row per subject (a subject kept again replaces
// its row), returns the input's bytes exactly, and alerts are numbered
// from 1, paged by number and filtered by subject, on both databases.
func TestInventoryAndAlerts(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			l, err := store.Open(ctx, b.opts(t))
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close(ctx)
			at := time.Date(2024, 6, 20, 12, 0, 0, 0, time.UTC)
			input := []byte("vendor_name\r\nBaltic Holding Ltd\x00\xff\n")
			for i, state := range []string{`{"outcome":"pass"}`, `{"outcome":"fail"}`} {
				k := store.Kept{Subject: "s1", Name: "baltic.csv", Plan: []byte(`{"profile":"all"}`), Input: input, State: []byte(state), Updated: at.Add(time.Duration(i) * time.Hour)}
				if err := l.Keep(ctx, k); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Keep(ctx, store.Kept{Subject: "s0", Name: "acme.csv", Plan: []byte(`{}`), Input: []byte("x"), State: []byte(`{}`), Updated: at}); err != nil {
				t.Fatal(err)
			}
			var got []store.Kept
			if err := l.Inventory(ctx, func(k store.Kept) error { got = append(got, k); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Subject != "s0" || got[1].Subject != "s1" {
				t.Fatalf("inventory: %+v", got)
			}
			if k := got[1]; !bytes.Equal(k.Input, input) || string(k.State) != `{"outcome":"fail"}` || !k.Updated.Equal(at.Add(time.Hour)) {
				t.Errorf("kept again: %+v", k)
			}
			stop := errors.New("stop")
			if err := l.Inventory(ctx, func(store.Kept) error { return stop }); !errors.Is(err, stop) {
				t.Errorf("the walk's error: %v", err)
			}

			for i, subj := range []string{"s1", "s0", "s1"} {
				a := &store.Alert{Created: at, Subject: subj, Body: []byte(fmt.Sprintf(`{"n":%d}`, i))}
				if err := l.AddAlert(ctx, a); err != nil {
					t.Fatal(err)
				}
				if a.Seq != int64(i+1) {
					t.Errorf("alert %d numbered %d", i, a.Seq)
				}
			}
			as, err := l.Alerts(ctx, 1, "", 10)
			if err != nil || len(as) != 2 || as[0].Seq != 2 || string(as[1].Body) != `{"n":2}` {
				t.Errorf("alerts after 1: %+v %v", as, err)
			}
			as, err = l.Alerts(ctx, 0, "s1", 1)
			if err != nil || len(as) != 1 || as[0].Seq != 1 || as[0].Subject != "s1" || !as[0].Created.Equal(at) {
				t.Errorf("alerts of s1, limit 1: %+v %v", as, err)
			}
			if _, err := l.Alerts(ctx, 0, "", 0); err == nil {
				t.Error("limit 0 accepted")
			}
		})
	}
}

// AppendKeep keeps a subject in its decision's transaction; appends kept
// together share one commit, and a subject that cannot be kept (no input
// bytes: the column is NOT NULL) leaves its decision and the others
// logged and kept, on both databases.
func TestAppendKeep(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		l := open(t, b.opts(t))
		at := time.Date(2024, 6, 20, 12, 0, 0, 0, time.UTC)
		kept := func(subject string, input []byte) *store.Kept {
			return &store.Kept{Subject: subject, Name: subject + ".json", Plan: []byte(`{}`), Input: input, State: []byte(`{"outcome":"pass"}`), Updated: at}
		}
		type result struct {
			e                *store.Entry
			keepErr, err     error
			subject          string
			wantKept, noKeep bool
		}
		results := make([]*result, 6)
		var wg sync.WaitGroup
		for i := range results {
			r := &result{e: entry(i+1, "pass", fmt.Sprint("Vendor ", i)), subject: fmt.Sprint("s", i)}
			results[i] = r
			var k *store.Kept
			switch i % 3 {
			case 0:
				k, r.wantKept = kept(r.subject, []byte("x")), true
			case 1:
				k, r.noKeep = kept(r.subject, nil), true
			}
			id, err := store.NewID()
			if err != nil {
				t.Fatal(err)
			}
			r.e.ID = id
			wg.Go(func() { r.keepErr, r.err = l.AppendKeep(ctx, r.e, k) })
		}
		wg.Wait()
		inv := map[string]bool{}
		if err := l.Inventory(ctx, func(k store.Kept) error { inv[k.Subject] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			if r.err != nil {
				t.Fatalf("append %s: %v", r.subject, r.err)
			}
			if got, err := l.Get(ctx, r.e.ID); err != nil || got.Seq != r.e.Seq {
				t.Errorf("decision %s: %+v, %v", r.e.ID, got, err)
			}
			if (r.keepErr != nil) != r.noKeep || inv[r.subject] != r.wantKept {
				t.Errorf("subject %s: keep error %v, kept %v", r.subject, r.keepErr, inv[r.subject])
			}
		}
		rep, err := l.Verify(ctx, store.VerifyOptions{})
		if err != nil || rep.Entries != int64(len(results)) {
			t.Errorf("verify: %+v, %v", rep, err)
		}
	})
}

// An inventory larger than a page is walked whole, in key order, by
// ranges that split it without overlap; a walk without inputs leaves
// them to KeptInput; SetLists moves subjects in bulk.
func TestInventoryRanges(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		l := open(t, b.opts(t))
		at := time.Date(2024, 6, 20, 12, 0, 0, 0, time.UTC)
		var ks []store.Kept
		for i := range 1200 {
			ks = append(ks, store.Kept{Subject: fmt.Sprintf("%04x", i*13), Name: fmt.Sprintf("v%d.csv", i), Plan: []byte(`{}`),
				Input: fmt.Appendf(nil, "vendor_name\nVendor %d\n", i), State: []byte(`{"n":0}`), Updated: at, Lists: "old"})
		}
		if err := l.KeepMany(ctx, ks); err != nil {
			t.Fatal(err)
		}
		var seen []string
		for _, r := range [][2]string{{"", "0800"}, {"0800", "2000"}, {"2000", ""}} {
			err := l.InventoryRange(ctx, r[0], r[1], false, func(page []store.Kept) error {
				var upd []string
				for _, k := range page {
					if k.Input != nil || (r[1] != "" && k.Subject >= r[1]) || k.Subject < r[0] || k.Lists != "old" {
						t.Fatalf("range %v: subject %s with input %q, lists %q", r, k.Subject, k.Input, k.Lists)
					}
					seen = append(seen, k.Subject)
					upd = append(upd, k.Subject)
				}
				return l.SetLists(ctx, upd, "new")
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(seen) != len(ks) {
			t.Fatalf("walked %d subjects, want %d", len(seen), len(ks))
		}
		for i := range seen {
			if seen[i] != ks[i].Subject {
				t.Fatalf("subject %d: %s, want %s (key order)", i, seen[i], ks[i].Subject)
			}
		}
		n := 0
		if err := l.Inventory(ctx, func(k store.Kept) error {
			if k.Lists != "new" || string(k.State) != `{"n":0}` || !bytes.Equal(k.Input, ks[n].Input) {
				t.Errorf("%s: state %s input %q", k.Subject, k.State, k.Input)
			}
			n++
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if in, err := l.KeptInput(ctx, ks[7].Subject); err != nil || !bytes.Equal(in, ks[7].Input) {
			t.Errorf("KeptInput: %q %v", in, err)
		}
		if _, err := l.KeptInput(ctx, "nope"); !errors.Is(err, store.ErrNotKept) {
			t.Errorf("KeptInput of no subject: %v", err)
		}
	})
}
