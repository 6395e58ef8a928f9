package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/internal/store"
)

func rules(t *testing.T, doc map[string]any) []string {
	t.Helper()
	var out []string
	for _, in := range doc["inputs"].([]any) {
		for _, v := range in.(map[string]any)["result"].(map[string]any)["violations"].([]any) {
			out = append(out, v.(map[string]any)["rule"].(string))
		}
	}
	return out
}

// A submitter's check of the Kaspersky example fails with its reasons;
// the same decision comes back by id and in the listing; on SQLite and
// on PostgreSQL.
func TestKasperskyFlow(t *testing.T) {
	backends(t, func(t *testing.T, database func(*testing.T) string) {
		ts := newServer(t, database(t), nil)
		sbom := readFile(t, "examples", "sbom", "kaspersky.cdx.json")
		r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-10-01&name=kaspersky.cdx.json", "application/vnd.cyclonedx+json", sbom)
		if r.status != http.StatusCreated {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		doc := r.json(t)
		id := doc["id"].(string)
		if doc["outcome"] != "fail" || r.header.Get("Location") != "/v1/decisions/"+id {
			t.Fatalf("outcome %v, location %q", doc["outcome"], r.header.Get("Location"))
		}
		got := strings.Join(rules(t, doc), " ")
		for _, want := range []string{"kaspersky-icts-2024", "kaspersky-far-52-204-23"} {
			if !strings.Contains(got, want) {
				t.Errorf("violations %s lack %s", got, want)
			}
		}
		// By id: the same document, byte for byte.
		byID := ts.do(server.RoleAuditor, "GET", "/v1/decisions/"+id, "", nil)
		if byID.status != http.StatusOK || !bytes.Equal(byID.body, r.body) {
			t.Errorf("by id: %d, same body %v", byID.status, bytes.Equal(byID.body, r.body))
		}
		// The vendor file too, as a multipart upload.
		var form bytes.Buffer
		mw := multipart.NewWriter(&form)
		fw, _ := mw.CreateFormFile("input", "vendors.csv")
		fw.Write(readFile(t, "examples", "procurement", "vendors.csv"))
		mw.Close()
		r2 := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-10-01", mw.FormDataContentType(), form.Bytes())
		if r2.status != http.StatusCreated || r2.json(t)["outcome"] != "fail" {
			t.Fatalf("vendors.csv: %d %.300s", r2.status, r2.body)
		}
		if path := r2.json(t)["inputs"].([]any)[0].(map[string]any)["path"]; path != "vendors.csv" {
			t.Errorf("multipart input named %v", path)
		}
		// In the listing: newest first, by outcome and by subject.
		for _, q := range []string{"", "?outcome=fail", "?subject=KASPERSKY", "?since=2026-01-01&kind=check&order=asc"} {
			l := ts.do(server.RoleSubmitter, "GET", "/v1/decisions"+q, "", nil)
			if l.status != http.StatusOK {
				t.Fatalf("listing %s: %d %s", q, l.status, l.body)
			}
			var listing struct {
				Decisions []struct{ ID, Outcome string }
			}
			json.Unmarshal(l.body, &listing)
			found := false
			for _, d := range listing.Decisions {
				found = found || d.ID == id
			}
			if !found {
				t.Errorf("listing %s lacks %s: %s", q, id, l.body)
			}
		}
		if l := ts.do(server.RoleSubmitter, "GET", "/v1/decisions?outcome=pass", "", nil); strings.Contains(string(l.body), id) {
			t.Error("outcome=pass lists the failed decision")
		}
		if v := ts.do(server.RoleAuditor, "GET", "/v1/log/verify", "", nil); v.json(t)["intact"] != true {
			t.Errorf("log verify: %s", v.body)
		}
	})
}

func TestAuth(t *testing.T) {
	ts := newServer(t, "", func(o *server.Options) { o.TokenTTL = time.Nanosecond })
	vendor := vendorJSON("Acme Office Supply LLC", "2026-10-01")
	tests := []struct {
		role, method, path string
		body               []byte
		want               int
	}{
		{"", "POST", "/v1/checks", vendor, http.StatusUnauthorized},
		{"bgt_madeup", "POST", "/v1/checks", vendor, http.StatusUnauthorized},
		{"", "GET", "/v1/decisions", nil, http.StatusUnauthorized},
		{"", "GET", "/metrics", nil, http.StatusUnauthorized},
		{"", "GET", "/openapi.json", nil, http.StatusUnauthorized},
		{server.RoleAuditor, "POST", "/v1/checks", vendor, http.StatusForbidden},
		{server.RoleAuditor, "POST", "/v1/screen", []byte(`{"names":["x"]}`), http.StatusForbidden},
		{server.RoleSubmitter, "GET", "/metrics", nil, http.StatusForbidden},
		{server.RoleSubmitter, "GET", "/v1/log/verify", nil, http.StatusForbidden},
		{server.RoleReviewer, "GET", "/v1/log", nil, http.StatusForbidden},
		{server.RoleSubmitter, "POST", "/v1/checks", vendor, http.StatusCreated},
		{server.RoleReviewer, "POST", "/v1/checks", vendor, http.StatusCreated},
		{server.RoleAdmin, "POST", "/v1/checks", vendor, http.StatusCreated},
		{server.RoleAuditor, "GET", "/metrics", nil, http.StatusOK},
		{server.RoleAuditor, "GET", "/v1/log", nil, http.StatusOK},
		{server.RoleAuditor, "GET", "/openapi.json", nil, http.StatusOK},
		{"", "GET", "/healthz", nil, http.StatusOK},
		{"", "GET", "/readyz", nil, http.StatusOK},
	}
	for _, tc := range tests {
		ctype := "application/json"
		r := ts.do(tc.role, tc.method, tc.path, ctype, tc.body)
		if r.status != tc.want {
			t.Errorf("%s %s as %q: %d, want %d: %s", tc.method, tc.path, tc.role, r.status, tc.want, r.body)
		}
		if r.status == http.StatusUnauthorized && r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s: 401 without WWW-Authenticate", tc.method, tc.path)
		}
	}
	// A revoked token stops working.
	toks, _ := ts.log.Tokens(context.Background())
	for _, tok := range toks {
		if tok.Role == server.RoleSubmitter {
			if err := ts.log.RevokeToken(context.Background(), tok.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if r := ts.do(server.RoleSubmitter, "POST", "/v1/checks", "application/json", vendor); r.status != http.StatusUnauthorized {
		t.Errorf("revoked token: %d", r.status)
	}
}

func TestRateLimit(t *testing.T) {
	ts := newServer(t, "", func(o *server.Options) { o.RateLimit, o.RateBurst = 0.001, 2 })
	codes := []int{}
	for range 4 {
		codes = append(codes, ts.do(server.RoleSubmitter, "GET", "/v1/lists", "", nil).status)
	}
	if fmt.Sprint(codes) != "[200 200 429 429]" {
		t.Errorf("codes %v, want two answers then 429", codes)
	}
	// Another token has its own budget.
	if r := ts.do(server.RoleAdmin, "GET", "/v1/lists", "", nil); r.status != http.StatusOK {
		t.Errorf("another token: %d", r.status)
	}
}

// Garbage gets a 4xx with a one-line reason, is not logged, and the
// server keeps serving.
func TestBadInput(t *testing.T) {
	ts := newServer(t, "", nil)
	big := bytes.Repeat([]byte("a"), 1<<20+1)
	garbage := []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3, 0xff, 0xfe}
	var noInput bytes.Buffer
	mw := multipart.NewWriter(&noInput)
	mw.WriteField("file", "x")
	mw.Close()
	tests := []struct {
		name, method, path, ctype string
		body                      []byte
		want                      int
		reason                    string
	}{
		{"binary garbage", "POST", "/v1/checks", "application/octet-stream", garbage, 400, "invalid UTF-8"},
		{"XML of no known kind", "POST", "/v1/checks", "application/xml", []byte("<html><body>hello</body></html>"), 415, "not an SBOM or vendor file"},
		{"image", "POST", "/v1/checks", "image/png", garbage, 415, "content type image/png"},
		{"JSON of no known kind", "POST", "/v1/checks", "application/json", []byte(`{"hello":"world"}`), 415, "not an SBOM or vendor file"},
		{"truncated SBOM", "POST", "/v1/checks", "application/json", []byte(`{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"x"`), 400, "truncated"},
		{"duplicate key", "POST", "/v1/checks", "application/json", []byte(`{"bomFormat":"CycloneDX","specVersion":"1.5","specVersion":"1.4","components":[]}`), 400, ""},
		{"empty body", "POST", "/v1/checks", "text/csv", nil, 400, "empty body"},
		{"too large", "POST", "/v1/checks", "text/csv", big, 413, "over the limit"},
		{"bad content type", "POST", "/v1/checks", "text/csv; charset", []byte("a,b"), 400, "does not parse"},
		{"unknown parameter", "POST", "/v1/checks?failon=critical", "application/json", vendorJSON("x", "2026-01-01"), 400, "unknown query parameter"},
		{"bad as_of", "POST", "/v1/checks?as_of=yesterday", "application/json", vendorJSON("x", "2026-01-01"), 400, "as_of"},
		{"bad fail_on", "POST", "/v1/checks?fail_on=sometimes", "application/json", vendorJSON("x", "2026-01-01"), 400, "fail_on"},
		{"unknown profile", "POST", "/v1/checks?profile=martian", "application/json", vendorJSON("x", "2026-01-01"), 400, "martian"},
		{"multipart without input", "POST", "/v1/checks", mw.FormDataContentType(), noInput.Bytes(), 400, "field"},
		{"multipart without boundary", "POST", "/v1/checks", "multipart/form-data", []byte("x"), 400, "boundary"},
		{"screen as text", "POST", "/v1/screen", "text/plain", []byte("Acme"), 415, "application/json"},
		{"screen no names", "POST", "/v1/screen", "application/json", []byte(`{"names":[]}`), 400, "no names"},
		{"screen empty name", "POST", "/v1/screen", "application/json", []byte(`{"names":[" "]}`), 400, "empty"},
		{"screen unknown key", "POST", "/v1/screen", "application/json", []byte(`{"names":["a"],"nmes":["b"]}`), 400, "unknown field"},
		{"screen duplicate key", "POST", "/v1/screen", "application/json", []byte(`{"names":["a"],"Names":["b"]}`), 400, "up to letter case"},
		{"screen not JSON", "POST", "/v1/screen", "application/json", []byte(`{"names":`), 400, ""},
		{"screen bad kind", "POST", "/v1/screen", "application/json", []byte(`{"names":["a"],"party_kind":"cat"}`), 400, "party_kind"},
		{"listing bad outcome", "GET", "/v1/decisions?outcome=maybe", "", nil, 400, "outcome"},
		{"listing bad limit", "GET", "/v1/decisions?limit=0", "", nil, 400, "limit"},
		{"listing bad cursor", "GET", "/v1/decisions?cursor=abc", "", nil, 400, "cursor"},
		{"no such decision", "GET", "/v1/decisions/nope", "", nil, 404, "no decision"},
		{"no such job", "GET", "/v1/jobs/nope", "", nil, 404, "no such job"},
		{"no such endpoint", "GET", "/v2/anything", "", nil, 404, "no such endpoint"},
		{"wrong method", "DELETE", "/v1/checks", "", nil, 405, "not allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do(server.RoleAdmin, tc.method, tc.path, tc.ctype, tc.body)
			if r.status != tc.want {
				t.Fatalf("status %d, want %d: %s", r.status, tc.want, r.body)
			}
			msg, _ := r.json(t)["error"].(string)
			if msg == "" || strings.Contains(msg, "\n") || !strings.Contains(msg, tc.reason) {
				t.Errorf("reason %q, want one line with %q", msg, tc.reason)
			}
		})
	}
	if r := ts.do("", "GET", "/healthz", "", nil); r.status != http.StatusOK {
		t.Fatalf("server down after bad input: %d", r.status)
	}
	if r := ts.do(server.RoleSubmitter, "POST", "/v1/checks", "application/json", vendorJSON("Acme Office Supply LLC", "2026-10-01")); r.status != http.StatusCreated {
		t.Fatalf("good check after bad input: %d %s", r.status, r.body)
	}
	seq, _, _ := ts.log.Head(context.Background())
	if seq != 1 {
		t.Errorf("the log holds %d entries; rejected inputs must not be logged", seq)
	}
}

func TestScreen(t *testing.T) {
	ts := newServer(t, "", nil)
	r := ts.do(server.RoleSubmitter, "POST", "/v1/screen", "application/json", []byte(`{"names":["Andrei Gennadyevich Tikhonov","Acme Office Supply LLC"],"party_kind":"person"}`))
	if r.status != http.StatusCreated {
		t.Fatalf("%d %s", r.status, r.body)
	}
	var doc struct {
		ID      string
		Outcome string
		Results []struct {
			Query, Outcome string
			Matches        []struct{ List string }
		}
	}
	json.Unmarshal(r.body, &doc)
	if doc.Outcome != "fail" || len(doc.Results) != 2 || doc.Results[0].Outcome != "match" || doc.Results[1].Outcome != "none" {
		t.Fatalf("screening %+v", doc)
	}
	if m := doc.Results[0].Matches; len(m) == 0 || m[0].List != "ofac-sdn" {
		t.Errorf("matches %+v", m)
	}
	e, err := ts.log.Get(context.Background(), doc.ID)
	if err != nil || e.Kind != store.KindScreen || e.Subjects[0] != "Andrei Gennadyevich Tikhonov" {
		t.Errorf("logged %+v %v", e, err)
	}
	if l := ts.do(server.RoleSubmitter, "GET", "/v1/decisions?kind=screen&subject=tikhonov", "", nil); !strings.Contains(string(l.body), doc.ID) {
		t.Errorf("screening not listed: %s", l.body)
	}
}

// Checks posted at the same time, under -race, each get their own place
// in one unbroken chain.
func TestConcurrentChecks(t *testing.T) {
	ts := newServer(t, "", nil)
	const n = 24
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		ids = map[string]bool{}
	)
	for i := range n {
		wg.Go(func() {
			name := "Acme Office Supply LLC"
			if i%4 == 0 {
				name = "Kaspersky Lab, Inc."
			}
			r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-10-01", "application/json", vendorJSON(name, "2024-10-01"))
			if r.status != http.StatusCreated {
				t.Errorf("%d %s", r.status, r.body)
				return
			}
			mu.Lock()
			ids[r.json(t)["id"].(string)] = true
			mu.Unlock()
		})
	}
	wg.Wait()
	rep, err := ts.log.Verify(context.Background(), store.VerifyOptions{})
	if err != nil || rep.Entries != n || len(ids) != n {
		t.Fatalf("verify %+v %v; %d ids", rep, err, len(ids))
	}
	fails := ts.do(server.RoleAuditor, "GET", "/v1/decisions?outcome=fail&limit=1000", "", nil)
	var l struct{ Decisions []any }
	json.Unmarshal(fails.body, &l)
	if len(l.Decisions) != n/4 {
		t.Errorf("%d failed decisions listed, want %d", len(l.Decisions), n/4)
	}
	m := ts.do(server.RoleAuditor, "GET", "/metrics", "", nil)
	if !strings.Contains(string(m.body), fmt.Sprintf(`bangate_decisions_total{kind="check",outcome="fail"} %d`, n/4)) {
		t.Errorf("metrics lack the decision count:\n%.2000s", m.body)
	}
}

// Paging walks every decision once, in both orders.
func TestListingPages(t *testing.T) {
	ts := newServer(t, "", nil)
	for range 5 {
		ts.do(server.RoleSubmitter, "POST", "/v1/checks", "application/json", vendorJSON("Acme Office Supply LLC", "2026-10-01"))
	}
	for _, order := range []string{"asc", "desc"} {
		var seqs []int
		next := "/v1/decisions?limit=2&order=" + order
		for next != "" {
			r := ts.do(server.RoleAuditor, "GET", next, "", nil)
			var l struct {
				Decisions []struct{ Seq int }
				Next      string
			}
			json.Unmarshal(r.body, &l)
			for _, d := range l.Decisions {
				seqs = append(seqs, d.Seq)
			}
			next = l.Next
		}
		want := map[string]string{"asc": "[1 2 3 4 5]", "desc": "[5 4 3 2 1]"}[order]
		if fmt.Sprint(seqs) != want {
			t.Errorf("order %s: %v, want %s", order, seqs, want)
		}
	}
}

// A large input (or async=true) is answered 202 with a job that ends in
// a logged decision.
func TestAsyncJob(t *testing.T) {
	ts := newServer(t, "", func(o *server.Options) { o.AsyncSize = 1000 })
	sbom := readFile(t, "examples", "sbom", "kaspersky.cdx.json")
	r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-10-01", "application/json", sbom)
	if r.status != http.StatusAccepted || !strings.HasPrefix(r.header.Get("Location"), "/v1/jobs/") {
		t.Fatalf("%d %s", r.status, r.body)
	}
	loc := r.header.Get("Location")
	var job struct{ Status, Decision, Outcome string }
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		j := ts.do(server.RoleSubmitter, "GET", loc, "", nil)
		json.Unmarshal(j.body, &job)
		if job.Status != "running" {
			break
		}
	}
	if job.Status != "done" || job.Outcome != "fail" {
		t.Fatalf("job %+v", job)
	}
	if d := ts.do(server.RoleSubmitter, "GET", job.Decision, "", nil); d.status != http.StatusOK {
		t.Errorf("decision of the job: %d", d.status)
	}
	// Another submitter's token does not see the job.
	if j := ts.do(server.RoleReviewer, "GET", loc, "", nil); j.status != http.StatusNotFound {
		t.Errorf("another token sees the job: %d", j.status)
	}
}

func TestListsAndLog(t *testing.T) {
	ts := newServer(t, "", nil)
	r := ts.do(server.RoleSubmitter, "GET", "/v1/lists", "", nil)
	var doc struct {
		Lists []struct {
			ID      string
			AgeDays int `json:"age_days"`
		}
	}
	json.Unmarshal(r.body, &doc)
	ids := []string{}
	for _, l := range doc.Lists {
		ids = append(ids, l.ID)
	}
	for _, want := range []string{"ofac-sdn", "kaspersky"} {
		if !strings.Contains(strings.Join(ids, " "), want) {
			t.Errorf("lists %v lack %s", ids, want)
		}
	}
	for range 11 {
		ts.do(server.RoleSubmitter, "POST", "/v1/checks", "application/json", vendorJSON("Acme Office Supply LLC", "2026-10-01"))
	}
	h := ts.do(server.RoleAuditor, "GET", "/v1/log", "", nil).json(t)
	if h["seq"] != 11.0 || h["checkpoint"].(map[string]any)["seq"] != 10.0 {
		t.Errorf("log head %v", h)
	}
}

// Evidence records are signed with the server's key and name the lists.
func TestEvidenceRecord(t *testing.T) {
	signer, _ := keys(t)
	ts := newServer(t, "", func(o *server.Options) { o.Signer = signer; o.EvidenceDir = t.TempDir() })
	r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-10-01", "application/json", vendorJSON("Kaspersky Lab, Inc.", "2024-10-01"))
	id := r.json(t)["id"].(string)
	ev := ts.do(server.RoleAuditor, "GET", "/v1/decisions/"+id+"/evidence", "", nil)
	if ev.status != http.StatusOK || !strings.Contains(string(ev.body), `"signatures"`) || strings.Contains(string(ev.body), `"signatures": []`) {
		t.Fatalf("evidence %d %.300s", ev.status, ev.body)
	}
	verifyRecord(t, ev.body)
	plain := newServer(t, "", nil)
	r = plain.do(server.RoleSubmitter, "POST", "/v1/checks", "application/json", vendorJSON("Acme Office Supply LLC", "2026-10-01"))
	if ev := plain.do(server.RoleAuditor, "GET", "/v1/decisions/"+r.json(t)["id"].(string)+"/evidence", "", nil); ev.status != http.StatusNotFound {
		t.Errorf("evidence without a key: %d", ev.status)
	}
}

// The OpenAPI check itself fails on an answer the document does not
// allow, so that the tests above cannot pass vacuously.
func TestOpenAPICheckFails(t *testing.T) {
	bad := []struct {
		method, path string
		r            response
	}{
		{"POST", "/v1/checks", response{status: 201, header: http.Header{"Content-Type": {"application/json"}}, body: []byte(`{"schema":"bangate.decision/v1"}`)}},
		{"POST", "/v1/checks", response{status: 418, header: http.Header{"Content-Type": {"application/json"}}, body: []byte(`{"error":"x"}`)}},
		{"GET", "/v1/lists", response{status: 200, header: http.Header{"Content-Type": {"text/html"}}, body: []byte(`<p>`)}},
		{"GET", "/healthz", response{status: 200, header: http.Header{"Content-Type": {"application/json"}}, body: []byte(`{"status":"fine"}`)}},
		{"GET", "/v1/decisions", response{status: 400, header: http.Header{"Content-Type": {"application/json"}}, body: []byte(`{"error":"two\nlines"}`)}},
	}
	for _, b := range bad {
		if err := checkOpenAPI(b.method, b.path, b.r); err == nil {
			t.Errorf("%s %s %d %s passes the OpenAPI check", b.method, b.path, b.r.status, b.r.body)
		}
	}
}

// A new snapshot imported into the list store is swapped in by the
// background refresh; requests go on being answered meanwhile.
func TestListRefresh(t *testing.T) {
	listsDir := t.TempDir()
	ts := newServer(t, "", func(o *server.Options) {
		o.Plan.Lists.StoreDir = listsDir
		o.ListRefresh = 20 * time.Millisecond
	})
	entries := func() float64 {
		var doc struct {
			Lists []struct {
				ID      string
				Entries float64
			}
		}
		json.Unmarshal(ts.do(server.RoleSubmitter, "GET", "/v1/lists", "", nil).body, &doc)
		for _, l := range doc.Lists {
			if l.ID == "ofac-sdn" {
				return l.Entries
			}
		}
		return -1
	}
	before := entries()
	k := filepath.Join(repoRoot, "internal", "lists", "testdata", "ofac", "kaspersky")
	if code, _, errOut := bangate(t, "data", "import", "--allow-shrink", "--lists-dir", listsDir, "--id", "ofac-sdn", "--published", "2026-11-01",
		filepath.Join(k, "sdn.csv"), filepath.Join(k, "alt.csv")); code != 0 {
		t.Fatalf("data import: %s", errOut)
	}
	deadline := time.Now().Add(30 * time.Second)
	for entries() == before {
		if time.Now().After(deadline) {
			t.Fatalf("the imported snapshot was not swapped in: ofac-sdn still has %v entries", before)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r := ts.do(server.RoleSubmitter, "POST", "/v1/checks", "application/json", vendorJSON("Acme Office Supply LLC", "2026-10-01")); r.status != http.StatusCreated {
		t.Errorf("check after the swap: %d %s", r.status, r.body)
	}
}
