package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/internal/store"
	"github.com/bangate/bangate/internal/store/storetest"
	"github.com/bangate/bangate/policies"
)

var (
	pg storetest.Postgres
	// sessions is shared by the servers of every test: the policies are
	// compiled and the lists indexed once per test binary.
	sessions = check.NewCache()
	testNow  = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	repoRoot = filepath.Join("..", "..")
)

// TestMain runs the tests, or, when BANGATE_TEST_MAIN is set, runs this
// test binary as the bangate command (the process tests start it so).
func TestMain(m *testing.M) {
	if os.Getenv("BANGATE_TEST_MAIN") == "1" {
		os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

// testPlan is the plan of a check on the defaults, as of testNow.
func testPlan() check.Plan {
	return check.Plan{Profile: "federal-contractor", AsOf: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), FailOn: "low",
		Screening: check.Thresholds{Match: 0.90, Review: 0.80}, PolicyInput: check.PolicyInputDiet, MaxListed: 50,
		Input: check.InputPlan{Kind: check.KindAuto, MaxSize: 8 << 20}, Embargo: "deny",
		Lists: check.ListPlan{MaxAge: check.Duration(365 * 24 * time.Hour), Stale: check.StaleError}}
}

// testServer is a server on a fresh log, and its tokens by role.
type testServer struct {
	t testing.TB
	// noSchema skips the OpenAPI check (benchmarks).
	noSchema bool
	srv      *server.Server
	http     *httptest.Server
	log      *store.Log
	tokens   map[string]string
	opts     server.Options
}

// newServer starts a server on a new log on SQLite (database "") or
// PostgreSQL, with adjust changing the defaults.
func newServer(t testing.TB, database string, adjust func(*server.Options)) *testServer {
	t.Helper()
	ctx := context.Background()
	l, err := store.Open(ctx, store.Options{DataDir: t.TempDir(), Database: database, CheckpointEvery: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close(ctx) })
	return serverOn(t, l, adjust)
}

// serverOn starts a server on the log l (which it does not close), and
// creates a token for each role.
func serverOn(t testing.TB, l *store.Log, adjust func(*server.Options)) *testServer {
	t.Helper()
	ctx := context.Background()
	opts := server.Options{Log: l, Plan: testPlan(), Now: func() time.Time { return testNow },
		Sources:        check.Sources{Builtin: policies.FS, Cache: sessions, Tool: decision.Tool{Name: "bangate", Version: "test", OPAVersion: "test", BundleVersion: "test"}},
		MaxRequestSize: 1 << 20, LogMaxInput: 1 << 20, RateBurst: 1000, JobPoll: 20 * time.Millisecond}
	if adjust != nil {
		adjust(&opts)
	}
	srv, err := server.New(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{t: t, srv: srv, http: httptest.NewServer(srv.Handler()), log: l, tokens: map[string]string{}, opts: opts}
	t.Cleanup(func() {
		ts.http.Close()
		srv.Close()
	})
	for _, role := range server.Roles() {
		secret, _, err := l.CreateToken(ctx, role+"-test", role)
		if err != nil {
			t.Fatal(err)
		}
		ts.tokens[role] = secret
	}
	return ts
}

// response is an answer, checked against the OpenAPI document.
type response struct {
	status int
	header http.Header
	body   []byte
}

// alert is an alert as GET /v1/alerts lists it: the fields tests read.
type alert struct {
	Name string `json:"name"`
	Old  string `json:"old_outcome"`
	New  string `json:"new_outcome"`
}

// alerts returns the alerts of a GET /v1/alerts answer, failing t when it
// is not one (another status, not JSON).
func (r response) alerts(t *testing.T) []alert {
	t.Helper()
	var page struct {
		Alerts []alert `json:"alerts"`
	}
	if err := json.Unmarshal(r.body, &page); err != nil || r.status != http.StatusOK {
		t.Fatalf("not an alerts page (%v): %d %s", err, r.status, r.body)
	}
	return page.Alerts
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

// do sends a request as role ("" for none) and checks the answer against
// the OpenAPI document: its status is documented for the operation, its
// media type too, and its body validates against the schema.
func (ts *testServer) do(role, method, path, ctype string, body []byte) response {
	ts.t.Helper()
	req, err := http.NewRequest(method, ts.http.URL+path, bytes.NewReader(body))
	if err != nil {
		ts.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if role != "" {
		tok, ok := ts.tokens[role]
		if !ok {
			tok = role // a made-up token
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	res, err := ts.http.Client().Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	r := response{status: res.StatusCode, header: res.Header, body: b}
	if ts.noSchema {
		return r
	}
	if err := checkOpenAPI(method, req.URL.Path, r); err != nil {
		ts.t.Errorf("%s %s: answer %d does not follow the OpenAPI document: %v\n%.600s", method, path, r.status, err, b)
	}
	return r
}

var (
	oaOnce sync.Once
	oaDoc  map[string]any
	oaC    *jsonschema.Compiler
	oaErr  error
	oaMu   sync.Mutex
	oaSch  = map[string]*jsonschema.Schema{}
)

const oaURL = "https://bangate.invalid/openapi.json"

func loadOpenAPI() {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(server.OpenAPI()))
	if err != nil {
		oaErr = err
		return
	}
	oaDoc = doc.(map[string]any)
	oaC = jsonschema.NewCompiler()
	oaC.DefaultDraft(jsonschema.Draft2020)
	oaC.AssertFormat()
	oaErr = oaC.AddResource(oaURL, doc)
}

// schemaAt compiles the schema at a JSON pointer of the document.
func schemaAt(ptr string) (*jsonschema.Schema, error) {
	oaMu.Lock()
	defer oaMu.Unlock()
	if s, ok := oaSch[ptr]; ok {
		return s, nil
	}
	s, err := oaC.Compile(oaURL + "#" + ptr)
	if err != nil {
		return nil, err
	}
	oaSch[ptr] = s
	return s, nil
}

func escapePtr(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// checkOpenAPI checks an answer against the operation of method and path.
func checkOpenAPI(method, path string, r response) error {
	oaOnce.Do(loadOpenAPI)
	if oaErr != nil {
		return oaErr
	}
	paths := oaDoc["paths"].(map[string]any)
	var tmpl string
	for p := range paths {
		re := "^" + regexp.MustCompile(`\\\{[^}]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), `[^/]+`) + "$"
		if regexp.MustCompile(re).MatchString(path) {
			tmpl = p
		}
	}
	if tmpl == "" {
		if r.status == http.StatusNotFound {
			return checkSchema("/components/schemas/Error", r) // no such endpoint
		}
		return fmt.Errorf("path %s is not in the document", path)
	}
	op, ok := paths[tmpl].(map[string]any)[strings.ToLower(method)].(map[string]any)
	if !ok {
		if r.status == http.StatusMethodNotAllowed {
			return checkSchema("/components/schemas/Error", r)
		}
		return fmt.Errorf("%s %s is not in the document", method, tmpl)
	}
	code := strconv.Itoa(r.status)
	resp, ok := op["responses"].(map[string]any)[code].(map[string]any)
	if !ok {
		return fmt.Errorf("status %s is not documented for %s %s", code, method, tmpl)
	}
	content, _ := resp["content"].(map[string]any)
	if content == nil {
		return nil
	}
	mt, _, err := mime.ParseMediaType(r.header.Get("Content-Type"))
	if err != nil {
		return fmt.Errorf("content type %q: %w", r.header.Get("Content-Type"), err)
	}
	if _, ok := content[mt]; !ok {
		return fmt.Errorf("content type %s is not documented for %s %s %s", mt, method, tmpl, code)
	}
	if mt != "application/json" {
		return nil
	}
	return checkSchema("/paths/"+escapePtr(tmpl)+"/"+strings.ToLower(method)+"/responses/"+code+"/content/application~1json/schema", r)
}

func checkSchema(ptr string, r response) error {
	s, err := schemaAt(ptr)
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.body))
	if err != nil {
		return fmt.Errorf("body is not JSON: %w", err)
	}
	return s.Validate(v)
}

func readFile(t testing.TB, elem ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{repoRoot}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// vendorJSON is one vendor record, as a procurement JSON file.
func vendorJSON(name, date string) []byte {
	return vendorContractJSON(name, "PO-1", date)
}

// vendorContractJSON is vendorJSON under the contract id.
func vendorContractJSON(name, id, date string) []byte {
	return fmt.Appendf(nil, `{"vendors":[{"name":%q,"country":"US","products":[{"name":"Endpoint security licence","category":"Software","code":"7A21"}],"contract":{"id":%q,"date":%q}}]}`, name, id, date)
}

// backends are the databases a flow runs on: SQLite and PostgreSQL.
func backends(t *testing.T, fn func(t *testing.T, database func(t *testing.T) string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, func(*testing.T) string { return "" }) })
	t.Run("postgres", func(t *testing.T) { fn(t, func(t *testing.T) string { return pg.URL(t) }) })
}

// keys returns a new Ed25519 evidence key pair.
func keys(t *testing.T) (*evidence.Signer, *evidence.Verifier) {
	t.Helper()
	priv, pub, err := evidence.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	s, err := evidence.ParsePrivateKey(priv, "test.key")
	if err != nil {
		t.Fatal(err)
	}
	v, err := evidence.ParsePublicKey(pub, "test.pub")
	if err != nil {
		t.Fatal(err)
	}
	return s, v
}

// verifyRecord checks that an evidence envelope is well formed and signed.
func verifyRecord(t *testing.T, env []byte) {
	t.Helper()
	rec, err := evidence.Open(env, "record")
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Signed() || rec.Predicate.Outcome != "fail" || len(rec.Predicate.Lists) == 0 || rec.Predicate.Lists[0].Object == "" {
		t.Errorf("record: signed %v, outcome %s, lists %+v", rec.Signed(), rec.Predicate.Outcome, rec.Predicate.Lists)
	}
}
