package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/server"
)

// TestRescreenKeepsClearings: a party a reviewer cleared, and checked
// again (PASS, its possible matches waived), stays cleared when new lists
// arrive: the re-screen applies the clearings as the check did, so no
// alert says it went back to review.
func TestRescreenKeepsClearings(t *testing.T) {
	sc := newScenarioStore(t)
	st, storeDir, after := sc.st, sc.dir, sc.after
	ts := newServer(t, "", func(o *server.Options) {
		o.Plan.Lists = check.ListPlan{StoreDir: storeDir, MaxAge: 0, Stale: check.StaleWarn}
	})
	b := newBrowser(t, ts)
	csrf := b.signIn("reviewer")
	check := func() string { return b.checkVendor(csrf, "Huawey Technologies") }
	if r := check(); !strings.Contains(r, ">REVIEW</h1>") {
		t.Fatalf("near miss: want REVIEW\n%s", r)
	}
	forms := reviewFormRE.FindAllStringSubmatch(b.get("/reviews").body, -1)
	if len(forms) == 0 {
		t.Fatal("no possible match to review")
	}
	b.clearAll(csrf, forms, "a different company, by its UEI")
	if r := check(); !strings.Contains(r, ">PASS</h1>") {
		t.Fatalf("after the clearings: want PASS\n%s", r)
	}

	if _, err := st.Import(after.Spec()); err != nil {
		t.Fatal(err)
	}
	ts.srv.RefreshLists(context.Background())
	r := ts.do(server.RoleAuditor, "GET", "/v1/alerts", "", nil)
	for _, a := range r.alerts(t) {
		t.Errorf("alert for %q: %s → %s; the cleared party should stay cleared", a.Name, a.Old, a.New)
	}
}
