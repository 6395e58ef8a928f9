package server_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/monitor/monitortest"
	"github.com/bangate/bangate/internal/server"
)

// scenarioDir holds the scenario's inputs (their SOURCES.md says what
// they are).
var scenarioDir = filepath.Join(repoRoot, "internal", "monitor", "testdata", "scenario")

// scenarioInputs are the scenario's inputs and their media types.
var scenarioInputs = []struct{ name, ctype string }{
	{"baltic-holding.csv", "text/csv"},
	{"acme-office-supply.csv", "text/csv"},
	{"blue-ridge-network.csv", "text/csv"},
	{"cascade-software.csv", "text/csv"},
	{"northwind-nominees.csv", "text/csv"},
	{"security-portal.cdx.json", "application/vnd.cyclonedx+json"},
}

// receiver is a webhook receiver that checks each post's HMAC and
// refuses the first one (503), so that the retry is exercised.
type receiver struct {
	t      *testing.T
	secret []byte
	mu     sync.Mutex
	posts  int
	bodies [][]byte
	got    chan struct{}
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	m := hmac.New(sha256.New, rc.secret)
	m.Write(body)
	want := "sha256=" + hex.EncodeToString(m.Sum(nil))
	if got := r.Header.Get("X-Bangate-Signature"); !hmac.Equal([]byte(got), []byte(want)) {
		rc.t.Errorf("webhook post with signature %q, want %q", got, want)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.posts++
	if rc.posts == 1 {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	rc.bodies = append(rc.bodies, body)
	w.WriteHeader(http.StatusNoContent)
	rc.got <- struct{}{}
}

// TestScenario is the seed's scenario through the server: the checks of
// 2024-06-20 pass on the SDN list of 2024-05-03 and are kept; the
// designations of 2024-06-21 are imported and the server's refresh
// re-screens the inventory: exactly the vendor 50% owned by two of the
// twelve Kaspersky leaders flips, with one alert (GET /v1/alerts and a
// signed webhook, delivered on its second attempt) naming those two
// designations and the snapshot of 2024-06-21; the re-screen's decision
// is in the log, and nothing else changed.
func TestScenario(t *testing.T) {
	sc := newScenarioStore(t)
	st, storeDir, after, own := sc.st, sc.dir, sc.after, sc.own
	rc := &receiver{t: t, secret: []byte("scenario-secret"), got: make(chan struct{}, 8)}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	ts := newServer(t, "", func(o *server.Options) {
		o.Plan.Ownership = check.NewBlob("ownership.csv", own)
		o.Plan.Lists = check.ListPlan{StoreDir: storeDir, MaxAge: 0, Stale: check.StaleWarn}
		o.WebhookURL, o.WebhookSecret, o.WebhookBackoff = hook.URL, "scenario-secret", 10*time.Millisecond
	})

	ids := map[string]string{}
	for _, in := range scenarioInputs {
		data, err := os.ReadFile(filepath.Join(scenarioDir, in.name))
		if err != nil {
			t.Fatal(err)
		}
		r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-06-20&name="+in.name, in.ctype, data)
		if r.status != http.StatusCreated || r.json(t)["outcome"] != "pass" {
			t.Fatalf("%s on the list of 2024-05-03: %d %s", in.name, r.status, r.body)
		}
		ids[in.name] = r.json(t)["id"].(string)
	}
	// An input checked with monitor=false is not kept.
	data, err := os.ReadFile(filepath.Join(scenarioDir, "baltic-holding.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-06-21&monitor=false&name=unkept.csv", "text/csv", data); r.status != http.StatusCreated {
		t.Fatalf("monitor=false: %d %s", r.status, r.body)
	}

	// bangate monitor keeps the same inventory in a directory.
	inv := filepath.Join(t.TempDir(), "inventory")
	if err := os.MkdirAll(inv, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, in := range scenarioInputs {
		b, err := os.ReadFile(filepath.Join(scenarioDir, in.name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(inv, in.name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	monitorRun := func() (int, []byte) {
		var out, errOut bytes.Buffer
		code := cli.Run(context.Background(), []string{"monitor", "--inventory", inv, "--lists-dir", storeDir, "--offline",
			"--max-list-age", "0", "--index-cache=false", "--as-of", "2024-06-20", "--ownership", filepath.Join(scenarioDir, "ownership.csv"),
			"--format", "json"}, cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Now: func() time.Time { return testNow },
			Dir: t.TempDir(), CacheDir: t.TempDir(), Sessions: sessions})
		if code != 0 && code != 1 {
			t.Fatalf("monitor: exit %d: %s", code, errOut.Bytes())
		}
		return code, out.Bytes()
	}
	if code, out := monitorRun(); code != 0 {
		t.Fatalf("monitor's first run: exit %d\n%s", code, out)
	}

	if _, err := st.Import(after.Spec()); err != nil {
		t.Fatal(err)
	}
	ts.srv.RefreshLists(context.Background())

	r := ts.do(server.RoleAuditor, "GET", "/v1/alerts", "", nil)
	var page struct {
		Alerts []struct {
			Seq       int64    `json:"seq"`
			Name      string   `json:"name"`
			Parties   []string `json:"parties"`
			Old       string   `json:"old_outcome"`
			New       string   `json:"new_outcome"`
			Decision  string   `json:"decision"`
			Snapshots []struct {
				List      string    `json:"list"`
				Published time.Time `json:"published"`
			} `json:"snapshots"`
			Entries []struct {
				List, ID, Name, Change string
				Snapshot               struct {
					Published time.Time `json:"published"`
				} `json:"snapshot"`
			} `json:"entries"`
		} `json:"alerts"`
		Next int64 `json:"next"`
	}
	if err := json.Unmarshal(r.body, &page); err != nil || r.status != http.StatusOK {
		t.Fatalf("GET /v1/alerts: %d %v\n%s", r.status, err, r.body)
	}
	if len(page.Alerts) != 1 {
		t.Fatalf("alerts: want exactly one (baltic-holding.csv), got %s", r.body)
	}
	a := page.Alerts[0]
	if a.Name != "baltic-holding.csv" || !slices.Equal(a.Parties, []string{"Baltic Holding Ltd"}) || a.Old != "pass" || a.New != "fail" || a.Seq != 1 || page.Next != 1 {
		t.Errorf("alert %+v: want baltic-holding.csv pass -> fail, number 1", a)
	}
	var named []string
	for _, e := range a.Entries {
		named = append(named, e.List+"/"+e.ID)
		if e.Change != "added" || !e.Snapshot.Published.Equal(monitortest.After) {
			t.Errorf("alert entry %+v: want one added by the snapshot of 2024-06-21", e)
		}
	}
	if !slices.Contains(named, "ofac-sdn/45815") || !slices.Contains(named, "ofac-sdn/45817") {
		t.Errorf("alert names %v: want ofac-sdn/45815 (TIKHONOV) and ofac-sdn/45817 (EFREMOV)", named)
	}
	if len(a.Snapshots) != 1 || a.Snapshots[0].List != "ofac-sdn" || !a.Snapshots[0].Published.Equal(monitortest.After) {
		t.Errorf("alert snapshots %+v: want ofac-sdn published 2024-06-21", a.Snapshots)
	}

	// bangate monitor, without the server, finds the same flip for the
	// same reasons.
	code, out := monitorRun()
	var mon struct {
		Changes []struct {
			Name    string                      `json:"name"`
			Old     string                      `json:"old_outcome"`
			New     string                      `json:"new_outcome"`
			Entries []struct{ List, ID string } `json:"entries"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(out, &mon); err != nil || code != 1 {
		t.Fatalf("monitor after the designations: exit %d, %v\n%s", code, err, out)
	}
	if len(mon.Changes) != len(page.Alerts) {
		t.Fatalf("monitor reports %d changes, the server %d alerts\n%s", len(mon.Changes), len(page.Alerts), out)
	}
	for i, c := range mon.Changes {
		var ids []string
		for _, e := range c.Entries {
			ids = append(ids, e.List+"/"+e.ID)
		}
		sa := page.Alerts[i]
		if c.Name != sa.Name || c.Old != sa.Old || c.New != sa.New || !slices.Equal(ids, named) {
			t.Errorf("monitor: %s %s -> %s by %v; server: %s %s -> %s by %v", c.Name, c.Old, c.New, ids, sa.Name, sa.Old, sa.New, named)
		}
	}

	// The new decision is in the log, a fail, by the re-screen; the
	// original one is unchanged.
	d := ts.do(server.RoleAuditor, "GET", "/v1/decisions/"+a.Decision, "", nil)
	if d.status != http.StatusOK || d.json(t)["outcome"] != "fail" {
		t.Fatalf("the re-screen's decision %s: %d %s", a.Decision, d.status, d.body)
	}
	if !strings.Contains(string(d.body), "EFREMOV") {
		t.Errorf("the re-screen's decision does not name EFREMOV: %s", d.body)
	}
	l := ts.do(server.RoleAuditor, "GET", "/v1/decisions?kind=rescreen", "", nil)
	if n := len(l.json(t)["decisions"].([]any)); n != 1 {
		t.Errorf("re-screen decisions: %d, want 1 (only the affected subject is checked again)\n%s", n, l.body)
	}
	if o := ts.do(server.RoleAuditor, "GET", "/v1/decisions/"+ids["baltic-holding.csv"], "", nil); o.json(t)["outcome"] != "pass" {
		t.Errorf("the original decision changed: %s", o.body)
	}
	if v := ts.do(server.RoleAuditor, "GET", "/v1/log/verify", "", nil); v.json(t)["intact"] != true {
		t.Errorf("log verify: %s", v.body)
	}

	// The webhook got the same alert, signed, on its second attempt.
	select {
	case <-rc.got:
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook post delivered")
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.posts != 2 || len(rc.bodies) != 1 {
		t.Fatalf("webhook: %d posts, %d accepted; want 2 and 1", rc.posts, len(rc.bodies))
	}
	var posted struct {
		Seq  int64  `json:"seq"`
		Name string `json:"name"`
		New  string `json:"new_outcome"`
	}
	if err := json.Unmarshal(rc.bodies[0], &posted); err != nil || posted.Seq != 1 || posted.Name != "baltic-holding.csv" || posted.New != "fail" {
		t.Errorf("webhook body %s (%v): want alert 1 of baltic-holding.csv, fail", rc.bodies[0], err)
	}

	// A second refresh with nothing new raises nothing.
	ts.srv.RefreshLists(context.Background())
	if r := ts.do(server.RoleAuditor, "GET", "/v1/alerts?after=1", "", nil); len(r.json(t)["alerts"].([]any)) != 0 {
		t.Errorf("alerts after a refresh with nothing new: %s", r.body)
	}
}

// scenarioStore is a list store holding the scenario's SDN state of
// 2024-05-03, with the state of 2024-06-21 to import and the scenario's
// ownership file.
type scenarioStore struct {
	st            *lists.Store
	dir           string
	before, after monitortest.State
	own           []byte
}

func newScenarioStore(t *testing.T) scenarioStore {
	t.Helper()
	dir := t.TempDir()
	before, after, err := monitortest.States(repoRoot, dir)
	if err != nil {
		t.Fatal(err)
	}
	sc := scenarioStore{dir: filepath.Join(dir, "lists"), before: before, after: after}
	if sc.st, err = lists.OpenStore(sc.dir, func() time.Time { return testNow }); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.st.Import(before.Spec()); err != nil {
		t.Fatal(err)
	}
	if sc.own, err = os.ReadFile(filepath.Join(scenarioDir, "ownership.csv")); err != nil {
		t.Fatal(err)
	}
	return sc
}
