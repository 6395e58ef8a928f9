package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/store"
)

// TestClearingFromAnotherProcess: two servers on one SQLite database (two
// processes of one machine). The second has checked the party, so it has
// read the clearings (none); a clearing logged through the first applies
// to the second's next check of the party all the same: its decision on
// the clearings it had is refused by the log, and it decides again.
func TestClearingFromAnotherProcess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var servers []*testServer
	for range 2 {
		l, err := store.Open(ctx, store.Options{DataDir: dir, CheckpointEvery: 10})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = l.Close(ctx) })
		servers = append(servers, serverOn(t, l, nil))
	}
	a, b := newBrowser(t, servers[0]), newBrowser(t, servers[1])
	csrfA, csrfB := a.signIn("reviewer"), b.signIn("reviewer")
	const party = "Huawey Technologies"
	if r := b.checkVendor(csrfB, party); !strings.Contains(r, ">REVIEW</h1>") {
		t.Fatalf("near miss through the second server: want REVIEW\n%s", r)
	}
	if r := a.checkVendor(csrfA, party); !strings.Contains(r, ">REVIEW</h1>") {
		t.Fatalf("near miss through the first server: want REVIEW\n%s", r)
	}
	forms := reviewFormRE.FindAllStringSubmatch(a.get("/reviews").body, -1)
	if len(forms) == 0 {
		t.Fatal("no possible match to review")
	}
	a.clearAll(csrfA, forms, "a different company, by its UEI")
	r := b.checkVendor(csrfB, party)
	if !strings.Contains(r, ">PASS</h1>") || strings.Count(r, "finding-waived") != 2 {
		t.Errorf("the party through the second server after the clearings through the first: want PASS with 2 waived findings\n%s", r)
	}
	for _, ts := range servers {
		if v := ts.do("admin", "GET", "/v1/log/verify", "", nil); v.status != http.StatusOK {
			t.Errorf("verify: %d %s", v.status, v.body)
		}
	}
}
