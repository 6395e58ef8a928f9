package server_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/internal/store"
)

// TestReplicasRescreenOnce is the scenario with two servers sharing one
// PostgreSQL database (and a list store): the subjects are checked
// through both, the designations of 2024-06-21 are imported, and both
// refresh at once. The re-screen is one river job (unique by the change
// of the lists), run by one of them: one re-screen decision, one alert,
// one webhook job, delivered once (on its second attempt, the receiver
// refusing the first), not once per replica.
func TestReplicasRescreenOnce(t *testing.T) {
	sc := newScenarioStore(t)
	st, storeDir, before, after, own := sc.st, sc.dir, sc.before, sc.after, sc.own
	rc := &receiver{t: t, secret: []byte("replica-secret"), got: make(chan struct{}, 8)}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	adjust := func(o *server.Options) {
		o.Plan.Ownership = check.NewBlob("ownership.csv", own)
		o.Plan.Lists = check.ListPlan{StoreDir: storeDir, MaxAge: 0, Stale: check.StaleWarn}
		o.WebhookURL, o.WebhookSecret, o.WebhookBackoff = hook.URL, "replica-secret", 10*time.Millisecond
	}
	ctx := context.Background()
	url := pg.URL(t)
	var replicas []*testServer
	for range 2 {
		l, err := store.Open(ctx, store.Options{Database: url, CheckpointEvery: 10})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = l.Close(ctx) })
		replicas = append(replicas, serverOn(t, l, adjust))
	}
	for i, in := range scenarioInputs {
		data, err := os.ReadFile(filepath.Join(scenarioDir, in.name))
		if err != nil {
			t.Fatal(err)
		}
		ts := replicas[i%2]
		r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-06-20&name="+in.name, in.ctype, data)
		if r.status != http.StatusCreated || r.json(t)["outcome"] != "pass" {
			t.Fatalf("%s on the list of 2024-05-03: %d %s", in.name, r.status, r.body)
		}
	}

	if _, err := st.Import(after.Spec()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, ts := range replicas {
		wg.Go(func() { ts.srv.RefreshLists(ctx) })
	}
	wg.Wait()

	for i, ts := range replicas {
		r := ts.do(server.RoleAuditor, "GET", "/v1/alerts", "", nil)
		if as := r.alerts(t); len(as) != 1 || as[0].Name != "baltic-holding.csv" || as[0].New != "fail" {
			t.Fatalf("replica %d: GET /v1/alerts: want one alert (baltic-holding.csv, fail), got %d %s", i, r.status, r.body)
		}
		l := ts.do(server.RoleAuditor, "GET", "/v1/decisions?kind=rescreen", "", nil)
		if n := len(l.json(t)["decisions"].([]any)); n != 1 {
			t.Errorf("replica %d: %d re-screen decisions, want 1\n%s", i, n, l.body)
		}
	}
	select {
	case <-rc.got:
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook post delivered")
	}
	// Time for a second replica's post, if there were one.
	time.Sleep(300 * time.Millisecond)
	rc.mu.Lock()
	if rc.posts != 2 || len(rc.bodies) != 1 {
		t.Errorf("webhook: %d posts, %d accepted; want 2 and 1 (one alert, posted once, retried once)", rc.posts, len(rc.bodies))
	}
	rc.mu.Unlock()

	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for kind, want := range map[string]int{"bangate.rescreen": 1, "bangate.rescreen-part": 16, "bangate.webhook": 1} {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM river_job WHERE kind = $1", kind).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%d %s jobs, want %d", n, kind, want)
		}
	}
	// A later refresh with nothing new queues nothing.
	for _, ts := range replicas {
		ts.srv.RefreshLists(ctx)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM river_job WHERE kind = 'bangate.rescreen'").Scan(&n); err != nil || n != 1 {
		t.Errorf("re-screen jobs after a refresh with nothing new: %d (%v), want 1", n, err)
	}

	// The list of 2024-05-03 again: the subjects the first change left
	// alone stand on the lists it brought (moved in bulk), so that only
	// the vendor is checked again, and flips back.
	if _, err := st.Import(before.Spec()); err != nil {
		t.Fatal(err)
	}
	for _, ts := range replicas {
		wg.Go(func() { ts.srv.RefreshLists(ctx) })
	}
	wg.Wait()
	l := replicas[0].do(server.RoleAuditor, "GET", "/v1/decisions?kind=rescreen", "", nil)
	if n := len(l.json(t)["decisions"].([]any)); n != 2 {
		t.Errorf("%d re-screen decisions after the change back, want 2\n%s", n, l.body)
	}
	r := replicas[1].do(server.RoleAuditor, "GET", "/v1/alerts?after=1", "", nil)
	if back := r.alerts(t); len(back) != 1 || back[0].Name != "baltic-holding.csv" || back[0].New != "pass" {
		t.Errorf("alerts after the change back: want one, baltic-holding.csv back to pass: %s", r.body)
	}
}
