package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/store"
)

// An alert raised again by a re-screen part run a second time (after a
// crash, before the subject's new state was kept) is the first alert: one
// stored alert, its number, and its one webhook post; an alert of other
// snapshots is a new one.
func TestRaiseTwice(t *testing.T) {
	ctx := context.Background()
	l, err := store.Open(ctx, store.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close(ctx)
	h, err := newWebhook(Options{WebhookURL: "http://127.0.0.1:9/", WebhookSecret: "k"}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ws := river.NewWorkers()
	river.AddWorker(ws, h)
	q, err := l.NewQueue(store.QueueConfig{Workers: ws, Queues: map[string]river.QueueConfig{queueWebhook: {MaxWorkers: 1}},
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{opts: Options{Log: l}, log: slog.New(slog.DiscardHandler), queue: q, hook: h}
	alert := func(decisionID, sha string) *monitor.Alert {
		return &monitor.Alert{Raised: time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC).Add(time.Duration(len(decisionID)) * time.Second),
			Subject: "s1", Name: "baltic-holding.csv", Old: "pass", New: "fail", Decision: decisionID,
			Snapshots: []monitor.Snapshot{{List: "ofac-sdn", SHA256: sha}}}
	}
	first, again, other := alert("d1", "aa"), alert("d2-rerun", "aa"), alert("d3", "bb")
	for _, a := range []*monitor.Alert{first, again, other} {
		if err := s.raise(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if again.Seq != first.Seq || again.Decision != first.Decision || other.Seq == first.Seq {
		t.Errorf("seqs %d, %d (decision %s), %d: want the rerun to be the first alert and the other a new one", first.Seq, again.Seq, again.Decision, other.Seq)
	}
	as, err := l.Alerts(ctx, 0, "", 10)
	if err != nil || len(as) != 2 {
		t.Fatalf("%d alerts stored (%v), want 2", len(as), err)
	}
	// The first alert's webhook job is there, and only once.
	body, err := json.Marshal(first)
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Insert(ctx, webhookArgs{Seq: first.Seq, Body: string(body)}, h.insertOpts())
	if err != nil || !res.UniqueSkippedAsDuplicate {
		t.Errorf("the first alert's post is not queued once: duplicate %v, %v", res != nil && res.UniqueSkippedAsDuplicate, err)
	}
}
