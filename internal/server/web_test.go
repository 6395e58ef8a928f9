package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// browser is a client of the web page with its cookies.
type browser struct {
	t  *testing.T
	ts *testServer
	c  *http.Client
}

func newBrowser(t *testing.T, ts *testServer) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := *ts.http.Client() // a copy: the server's client is shared
	c.Jar = jar
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &browser{t: t, ts: ts, c: &c}
}

// checkVendor checks a vendor on the page (contract date 2024-10-01, an
// endpoint security licence) and returns the result page.
func (b *browser) checkVendor(csrf, name string) string {
	b.t.Helper()
	p := b.post("/", url.Values{"csrf": {csrf}, "name": {name}, "contract_date": {"2024-10-01"}, "product": {"Endpoint security licence"}})
	if p.status != http.StatusSeeOther {
		b.t.Fatalf("check %s: %d\n%s", name, p.status, p.body)
	}
	return b.get(p.header.Get("Location")).body
}

// clearAll clears, with reason, the possible matches of the review forms
// (decision and finding, as reviewFormRE reads them).
func (b *browser) clearAll(csrf string, forms [][]string, reason string) {
	b.t.Helper()
	for _, f := range forms {
		if p := b.post("/reviews", url.Values{"csrf": {csrf}, "decision": {f[1]}, "finding": {f[2]}, "action": {"clear"}, "reason": {reason}}); p.status != http.StatusSeeOther {
			b.t.Fatalf("clear: %d\n%s", p.status, p.body)
		}
	}
}

// page is an answer of the web page.
type page struct {
	status int
	header http.Header
	body   string
}

func (b *browser) get(path string) page {
	b.t.Helper()
	res, err := b.c.Get(b.ts.http.URL + path)
	if err != nil {
		b.t.Fatal(err)
	}
	return readPage(b.t, res)
}

func (b *browser) post(path string, form url.Values) page {
	b.t.Helper()
	res, err := b.c.PostForm(b.ts.http.URL+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	return readPage(b.t, res)
}

func readPage(t *testing.T, res *http.Response) page {
	t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return page{status: res.StatusCode, header: res.Header, body: string(body)}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf is the CSRF token of a page's forms.
func (p page) csrf(t *testing.T) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(p.body)
	if m == nil {
		t.Fatalf("no CSRF token in the page:\n%s", p.body)
	}
	return m[1]
}

// signIn signs in with the token of role and returns the session's CSRF
// token.
func (b *browser) signIn(role string) string {
	b.t.Helper()
	p := b.get("/signin")
	p = b.post("/signin", url.Values{"csrf": {p.csrf(b.t)}, "token": {b.ts.tokens[role]}})
	if p.status != http.StatusSeeOther {
		b.t.Fatalf("sign in as %s: %d\n%s", role, p.status, p.body)
	}
	return b.get("/decisions").csrf(b.t)
}

func TestPageSignIn(t *testing.T) {
	ts := newServer(t, "", nil)
	b := newBrowser(t, ts)

	// Every page but the sign-in page sends a stranger to sign in.
	for _, path := range []string{"/", "/decisions", "/reviews", "/lists"} {
		if p := b.get(path); p.status != http.StatusSeeOther || p.header.Get("Location") != "/signin" {
			t.Errorf("GET %s signed out: %d to %q, want 303 to /signin", path, p.status, p.header.Get("Location"))
		}
	}
	p := b.get("/signin")
	if p.status != http.StatusOK || !strings.Contains(p.body, `<label for="token">API token</label>`) || !strings.Contains(p.body, `>Sign in</button>`) {
		t.Fatalf("sign-in page: %d\n%s", p.status, p.body)
	}
	csp := p.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(p.body, "<script") || strings.Contains(p.body, "style=") || strings.Contains(p.body, "<style") {
		t.Error("the page has inline script or style, which the CSP refuses")
	}

	// A wrong token is refused, and so is a form without the sign-in CSRF token.
	csrf := p.csrf(t)
	if p := b.post("/signin", url.Values{"csrf": {csrf}, "token": {"bgt_not-a-token"}}); p.status != http.StatusUnauthorized || !strings.Contains(p.body, "unknown or revoked") {
		t.Errorf("unknown token: %d\n%s", p.status, p.body)
	}
	if p := b.post("/signin", url.Values{"csrf": {"forged"}, "token": {ts.tokens["admin"]}}); p.status != http.StatusForbidden {
		t.Errorf("sign in with a forged CSRF token: %d, want 403", p.status)
	}

	// A good token: a session cookie with the right flags.
	csrf = b.get("/signin").csrf(t)
	res, err := b.c.PostForm(ts.http.URL+"/signin", url.Values{"csrf": {csrf}, "token": {ts.tokens["submitter"]}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("sign in: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var sess *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "bangate_session" {
			sess = c
		}
	}
	if sess == nil {
		t.Fatal("no session cookie")
	}
	if !sess.HttpOnly || sess.SameSite != http.SameSiteStrictMode || sess.MaxAge <= 0 || sess.Secure || len(sess.Value) < 40 {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Strict, an expiry, not Secure without TLS, a long random value", sess)
	}
	if strings.Contains(sess.Value, ts.tokens["submitter"]) {
		t.Error("the cookie carries the API token")
	}
	home := b.get("/")
	for _, label := range []string{"Vendor name", "Country", "Identifiers", "Contract date", "Product or service", "File"} {
		if !regexp.MustCompile(`<label for="[a-z_]+">` + label + `</label>`).MatchString(home.body) {
			t.Errorf("the check page has no label %q", label)
		}
	}

	// Sign out ends the session on the server.
	if p := b.post("/signout", url.Values{"csrf": {home.csrf(t)}}); p.status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", p.status)
	}
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(ts.http.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "bangate_session", Value: sess.Value}})
	b.c.Jar = jar
	if p := b.get("/"); p.status != http.StatusSeeOther {
		t.Errorf("the old session cookie after sign out: %d, want 303 to sign in", p.status)
	}
}

func TestPageCSRFAndRoles(t *testing.T) {
	ts := newServer(t, "", nil)
	form := func(csrf string) url.Values {
		return url.Values{"csrf": {csrf}, "name": {"Kaspersky Lab, Inc."}, "contract_date": {"2024-10-01"}}
	}

	sub := newBrowser(t, ts)
	csrf := sub.signIn("submitter")
	for _, bad := range []string{"", "forged"} {
		if p := sub.post("/", form(bad)); p.status != http.StatusForbidden || !strings.Contains(p.body, "CSRF") {
			t.Errorf("check with CSRF token %q: %d, want 403", bad, p.status)
		}
	}
	// Another session's CSRF token is refused too.
	other := newBrowser(t, ts)
	otherCSRF := other.signIn("admin")
	if p := sub.post("/", form(otherCSRF)); p.status != http.StatusForbidden {
		t.Errorf("check with another session's CSRF token: %d, want 403", p.status)
	}
	p := sub.post("/", form(csrf))
	if p.status != http.StatusSeeOther || !strings.HasPrefix(p.header.Get("Location"), "/decisions/") {
		t.Fatalf("check: %d\n%s", p.status, p.body)
	}
	res := sub.get(p.header.Get("Location"))
	for _, want := range []string{`<h1 class="outcome outcome-fail">FAIL</h1>`, "ICTS", "FAR 52.204-23", "effective", "kaspersky", "/v1/decisions/"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	// The result's JSON link works with the session cookie.
	id := strings.TrimPrefix(p.header.Get("Location"), "/decisions/")
	if j := sub.get("/v1/decisions/" + id); j.status != http.StatusOK || !strings.Contains(j.body, `"outcome": "fail"`) {
		t.Errorf("decision JSON with the session cookie: %d", j.status)
	}
	// A submitter cannot review.
	if p := sub.get("/reviews"); p.status != http.StatusForbidden {
		t.Errorf("submitter GET /reviews: %d, want 403", p.status)
	}
	if p := sub.post("/reviews", url.Values{"csrf": {csrf}, "decision": {id}, "finding": {"0/0"}, "action": {"clear"}, "reason": {"x"}}); p.status != http.StatusForbidden {
		t.Errorf("submitter POST /reviews: %d, want 403", p.status)
	}

	// An auditor reads but cannot check or review.
	aud := newBrowser(t, ts)
	acsrf := aud.signIn("auditor")
	if p := aud.get("/"); p.status != http.StatusForbidden {
		t.Errorf("auditor GET /: %d, want 403", p.status)
	}
	if p := aud.post("/", form(acsrf)); p.status != http.StatusForbidden {
		t.Errorf("auditor POST /: %d, want 403", p.status)
	}
	if p := aud.get("/reviews"); p.status != http.StatusForbidden {
		t.Errorf("auditor GET /reviews: %d, want 403", p.status)
	}
	h := aud.get("/decisions?subject=Kaspersky&outcome=fail")
	if h.status != http.StatusOK || !strings.Contains(h.body, "Kaspersky Lab, Inc.") || !strings.Contains(h.body, "/decisions/"+id) {
		t.Errorf("auditor history: %d\n%s", h.status, h.body)
	}
	if l := aud.get("/lists"); l.status != http.StatusOK || !strings.Contains(l.body, "ofac-sdn") {
		t.Errorf("lists page: %d", l.status)
	}
}

var reviewFormRE = regexp.MustCompile(`name="decision" value="([^"]+)">\s*<input type="hidden" name="finding" value="([^"]+)">`)

func TestPageReviewClearsLaterChecks(t *testing.T) {
	ts := newServer(t, "", nil)
	b := newBrowser(t, ts)
	csrf := b.signIn("reviewer")
	check := func() string { return b.checkVendor(csrf, "Huawey Technologies") }
	if r := check(); !strings.Contains(r, ">REVIEW</h1>") {
		t.Fatalf("near miss: want REVIEW\n%s", r)
	}
	q := b.get("/reviews")
	forms := reviewFormRE.FindAllStringSubmatch(q.body, -1)
	if len(forms) != 2 {
		t.Fatalf("review queue: %d possible matches, want 2 (section 889, NS-CMIC)\n%s", len(forms), q.body)
	}
	// A reason is required.
	if p := b.post("/reviews", url.Values{"csrf": {csrf}, "decision": {forms[0][1]}, "finding": {forms[0][2]}, "action": {"clear"}, "reason": {"  "}}); p.status != http.StatusBadRequest {
		t.Errorf("clear without a reason: %d, want 400", p.status)
	}
	b.clearAll(csrf, forms, "a different company, by its UEI")
	if p := b.post("/reviews", url.Values{"csrf": {csrf}, "decision": {forms[0][1]}, "finding": {forms[0][2]}, "action": {"confirm"}, "reason": {"again"}}); p.status != http.StatusConflict {
		t.Errorf("a second review of the same finding: %d, want 409", p.status)
	}
	if q := b.get("/reviews"); !strings.Contains(q.body, "No possible match awaits review") {
		t.Errorf("the queue after clearing both:\n%s", q.body)
	}
	// The clearings are in the log, and waive the same party's later checks.
	h := b.get("/decisions?subject=Huawey")
	if n := strings.Count(h.body, "<td>review</td>"); n != 2 {
		t.Errorf("history has %d review entries, want 2", n)
	}
	r := check()
	if !strings.Contains(r, ">PASS</h1>") || strings.Count(r, "finding-waived") != 2 {
		t.Errorf("the same party after its clearings: want PASS with 2 waived findings\n%s", r)
	}
	if strings.Contains(r, "waiver-unused") {
		t.Errorf("a clearing is reported unused:\n%s", r)
	}
	// Another party is not waived.
	if r := b.checkVendor(csrf, "Huawey Technologies Ltd"); !strings.Contains(r, ">REVIEW</h1>") {
		t.Errorf("another party after the clearings: want REVIEW\n%s", r)
	}
	// The log still verifies with the review entries in it.
	if v := ts.do("admin", "GET", "/v1/log/verify", "", nil); v.status != http.StatusOK {
		t.Errorf("verify: %d %s", v.status, v.body)
	}
}

// The page's upload is checked as POST /v1/checks checks the same file:
// the same outcome and findings, logged under the file's name.
func TestPageUploadSameAsAPI(t *testing.T) {
	ts := newServer(t, "", nil)
	b := newBrowser(t, ts)
	csrf := b.signIn("submitter")
	data := readFile(t, "examples", "sbom", "kaspersky.cdx.json")

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"csrf": csrf, "name": "", "country": "", "identifiers": "", "contract_date": "", "product": ""} {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	fw, err := mw.CreateFormFile("file", "kaspersky.cdx.json")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	res, err := b.c.Post(ts.http.URL+"/", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	p := readPage(t, res)
	if p.status != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", p.status, p.body)
	}
	id := strings.TrimPrefix(p.header.Get("Location"), "/decisions/")
	page := b.get("/decisions/" + id).body
	api := ts.do("submitter", "POST", "/v1/checks?monitor=false", "application/json", data).json(t)

	e, err := ts.log.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if e.Outcome != api["outcome"] || !strings.Contains(page, ">"+strings.ToUpper(e.Outcome)+"</h1>") {
		t.Errorf("page outcome %s, API outcome %v", e.Outcome, api["outcome"])
	}
	if !strings.Contains(page, "kaspersky.cdx.json") {
		t.Error("the result does not name the uploaded file")
	}
	var doc map[string]any
	if err := json.Unmarshal(e.Decision, &doc); err != nil {
		t.Fatal(err)
	}
	rules := func(d map[string]any) []string {
		var out []string
		for _, in := range d["inputs"].([]any) {
			for _, v := range in.(map[string]any)["result"].(map[string]any)["violations"].([]any) {
				out = append(out, v.(map[string]any)["rule"].(string))
			}
		}
		return out
	}
	if got, want := rules(doc), rules(api); strings.Join(got, ",") != strings.Join(want, ",") || len(got) == 0 {
		t.Errorf("page findings %v, API findings %v", got, want)
	}
	// A file of no known kind is refused on the page with the API's reason.
	mw2body := &bytes.Buffer{}
	mw2 := multipart.NewWriter(mw2body)
	_ = mw2.WriteField("csrf", csrf)
	fw, _ = mw2.CreateFormFile("file", "notes.txt")
	_, _ = fw.Write([]byte("just some notes"))
	_ = mw2.Close()
	res, err = b.c.Post(ts.http.URL+"/", mw2.FormDataContentType(), mw2body)
	if err != nil {
		t.Fatal(err)
	}
	if p := readPage(t, res); p.status != http.StatusUnsupportedMediaType || !strings.Contains(p.body, `class="error"`) {
		t.Errorf("a file of no known kind: %d\n%s", p.status, p.body)
	}
}

// A cleared possible match of an SBOM component becomes a waiver of that
// component by its purl: the same component checked again passes with the
// finding waived, and another version of it is still reviewed.
func TestPageReviewClearsComponent(t *testing.T) {
	ts := newServer(t, "", nil)
	b := newBrowser(t, ts)
	csrf := b.signIn("reviewer")
	sbom := func(ver string) []byte {
		return fmt.Appendf(nil, `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[{"type":"library",
			"name":"esdk-obs-java","version":%q,"group":"com.huaweicloud","purl":"pkg:maven/com.huaweicloud/esdk-obs-java@%s"}]}`, ver, ver)
	}
	check := func(ver string) map[string]any {
		t.Helper()
		return ts.do("submitter", "POST", "/v1/checks?monitor=false", "application/json", sbom(ver)).json(t)
	}
	waived := func(d map[string]any) int {
		n := 0
		for _, in := range d["inputs"].([]any) {
			if w, ok := in.(map[string]any)["result"].(map[string]any)["waived"].([]any); ok {
				n += len(w)
			}
		}
		return n
	}
	if d := check("3.21.8"); d["outcome"] != "review" {
		t.Fatalf("Huawei Cloud SDK: outcome %v, want review", d["outcome"])
	}
	forms := reviewFormRE.FindAllStringSubmatch(b.get("/reviews").body, -1)
	if len(forms) == 0 {
		t.Fatal("the component's possible match is not in the review queue")
	}
	b.clearAll(csrf, forms, "object storage client library, not equipment or a service")
	if d := check("3.21.8"); d["outcome"] != "pass" || waived(d) == 0 {
		t.Errorf("the cleared component again: outcome %v with %d waived findings, want pass with the finding waived", d["outcome"], waived(d))
	}
	if d := check("3.22.0"); d["outcome"] != "review" {
		t.Errorf("another version of the component: outcome %v, want review", d["outcome"])
	}
}
