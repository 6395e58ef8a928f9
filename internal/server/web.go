package server

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/store"
)

// webFS holds the page's templates and style sheet.
//
//go:embed web
var webFS embed.FS

// pageCSP is the content security policy of every page: no script at
// all, the style sheet from the server only, forms posted back to it.
const pageCSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// pages are the parsed templates, one set per page.
type pages map[string]*template.Template

var pageFuncs = template.FuncMap{
	"outcomeHeading": outcomeHeading,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	},
	"datetime": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") },
	"join":     strings.Join,
	"score": func(v any) string {
		if f, ok := v.(float64); ok {
			return fmt.Sprintf("%.2f", f)
		}
		return ""
	},
	"str": str,
}

func parsePages() (pages, error) {
	out := pages{}
	for _, name := range []string{"signin", "check", "result", "history", "reviews", "lists", "message"} {
		t, err := template.New("layout.html").Funcs(pageFuncs).ParseFS(webFS, "web/layout.html", "web/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("page template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// outcomeHeading is an outcome as the page's heading says it.
func outcomeHeading(o string) string {
	switch o {
	case decision.OutcomePass:
		return "PASS"
	case decision.OutcomeFail:
		return "FAIL"
	case decision.OutcomeReview:
		return "REVIEW"
	default:
		return "COULD NOT CHECK"
	}
}

// pageData is what every page's layout reads.
type pageData struct {
	Title  string
	Nav    string
	Signed bool
	Who    string
	Role   string
	CSRF   string
	Error  string
	Body   any
}

// render answers a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, d pageData) {
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, d); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "the page could not be rendered; see the server log", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// webUser is a signed-in request: its session and token.
type webUser struct {
	sess *webSession
	tok  store.Token
}

func (u webUser) data(title, nav string) pageData {
	return pageData{Title: title, Nav: nav, Signed: true, Who: u.tok.Name, Role: u.tok.Role, CSRF: u.sess.csrf}
}

// page wraps a page handler: the page's CSP, a live session (else to the
// sign-in page), a role that grants p, the token's rate limit, and on
// POST the session's CSRF token.
func (s *Server) page(p permission, h func(http.ResponseWriter, *http.Request, webUser)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", pageCSP)
		ws := s.web.fromRequest(r)
		if ws == nil {
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		}
		tok, err := s.auth.lookup(r.Context(), ws.secret)
		switch {
		case errors.Is(err, store.ErrUnknownToken):
			s.web.end(ws.id)
			http.SetCookie(w, cookie(r, sessionCookie, "", -1))
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		case err != nil:
			s.log.Error("look up token", "err", err)
			s.render(w, http.StatusServiceUnavailable, "message", pageData{Title: "Unavailable", Error: "the token store cannot be read; try again"})
			return
		}
		noteActor(r, tok)
		u := webUser{sess: ws, tok: tok}
		if !s.auth.allow(tok.ID) {
			w.Header().Set("Retry-After", "1")
			s.render(w, http.StatusTooManyRequests, "message", u.data("Too many requests", ""))
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxRequestSize)
			if err := parseForm(r, s.opts.MaxRequestSize); err != nil {
				d := u.data("Bad request", "")
				d.Error = err.Error()
				s.render(w, http.StatusBadRequest, "message", d)
				return
			}
			if !sameToken(r.PostFormValue("csrf"), ws.csrf) {
				d := u.data("Refused", "")
				d.Error = "the form's CSRF token is missing or not this session's: reload the page and send it again"
				s.render(w, http.StatusForbidden, "message", d)
				return
			}
		}
		if !allowed(tok.Role, p) {
			d := u.data("Not allowed", "")
			d.Error = fmt.Sprintf("role %s may not %s", tok.Role, p)
			s.render(w, http.StatusForbidden, "message", d)
			return
		}
		h(w, r, u)
	}
}

// parseForm parses a POSTed form, multipart or urlencoded.
func parseForm(r *http.Request, max int64) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	if mt == "multipart/form-data" {
		err = r.ParseMultipartForm(max)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		if he := bodyError(err, max); he.status == http.StatusRequestEntityTooLarge {
			return he
		}
		return fmt.Errorf("read the form: %w", err)
	}
	return nil
}

// handleSigninPage is GET /signin: the sign-in form, with a pre-session
// CSRF token in a cookie and the form (double submit).
func (s *Server) handleSigninPage(w http.ResponseWriter, r *http.Request) {
	s.signinForm(w, r, http.StatusOK, "")
}

func (s *Server) signinForm(w http.ResponseWriter, r *http.Request, status int, msg string) {
	w.Header().Set("Content-Security-Policy", pageCSP)
	csrf := randomID()
	http.SetCookie(w, cookie(r, signinCookie, csrf, 600))
	s.render(w, status, "signin", pageData{Title: "Sign in", CSRF: csrf, Error: msg})
}

// handleSignin is POST /signin: an API token starts a session.
func (s *Server) handleSignin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		s.signinForm(w, r, http.StatusBadRequest, "the form could not be read: "+err.Error())
		return
	}
	c, err := r.Cookie(signinCookie)
	if err != nil || !sameToken(r.PostFormValue("csrf"), c.Value) {
		s.signinForm(w, r, http.StatusForbidden, "the form's CSRF token is missing or stale: sign in again")
		return
	}
	secret := strings.TrimSpace(r.PostFormValue("token"))
	if secret == "" {
		s.signinForm(w, r, http.StatusUnauthorized, "enter an API token (bangate token create)")
		return
	}
	tok, err := s.auth.lookup(r.Context(), secret)
	switch {
	case errors.Is(err, store.ErrUnknownToken):
		infoOf(r).errMsg = "sign in: unknown token"
		s.signinForm(w, r, http.StatusUnauthorized, "the API token is unknown or revoked")
		return
	case err != nil:
		s.log.Error("look up token", "err", err)
		s.signinForm(w, r, http.StatusServiceUnavailable, "the token store cannot be read; try again")
		return
	}
	noteActor(r, tok)
	ws := s.web.start(secret)
	http.SetCookie(w, cookie(r, signinCookie, "", -1))
	http.SetCookie(w, cookie(r, sessionCookie, ws.id, int(s.web.ttl.Seconds())))
	home := "/"
	if !allowed(tok.Role, permSubmit) {
		home = "/decisions"
	}
	http.Redirect(w, r, home, http.StatusSeeOther)
}

// handleSignout is POST /signout.
func (s *Server) handleSignout(w http.ResponseWriter, r *http.Request, u webUser) {
	s.web.end(u.sess.id)
	http.SetCookie(w, cookie(r, sessionCookie, "", -1))
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

// handleStyle is GET /static/style.css.
func (s *Server) handleStyle(w http.ResponseWriter, _ *http.Request) {
	b, _ := webFS.ReadFile("web/style.css")
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(b)
}

// checkForm is what the check page's form holds.
type checkForm struct {
	Name, Country, Identifiers, ContractDate, Product string
}

// handleCheckPage is GET /: the check form.
func (s *Server) handleCheckPage(w http.ResponseWriter, _ *http.Request, u webUser) {
	d := u.data("Check a vendor", "check")
	d.Body = checkForm{}
	s.render(w, http.StatusOK, "check", d)
}

// handleCheckSubmit is POST /: a vendor from the form's fields, or the
// uploaded file, checked on the API's path (Server.check), then the
// result page.
func (s *Server) handleCheckSubmit(w http.ResponseWriter, r *http.Request, u webUser) {
	f := checkForm{Name: strings.TrimSpace(r.PostFormValue("name")), Country: strings.TrimSpace(r.PostFormValue("country")),
		Identifiers: strings.TrimSpace(r.PostFormValue("identifiers")), ContractDate: strings.TrimSpace(r.PostFormValue("contract_date")),
		Product: strings.TrimSpace(r.PostFormValue("product"))}
	again := func(status int, msg string) {
		d := u.data("Check a vendor", "check")
		d.Body, d.Error = f, msg
		s.render(w, status, "check", d)
	}
	in, err := s.formInput(r, f)
	if err != nil {
		again(http.StatusBadRequest, err.Error())
		return
	}
	in.keep = true
	plan, he := s.planFor(url.Values{})
	if he != nil {
		again(he.status, he.msg)
		return
	}
	e, he := s.check(r.Context(), plan, in, actor(u.tok))
	if he != nil {
		again(he.status, he.msg)
		return
	}
	info := infoOf(r)
	info.decision, info.outcome = e.ID, e.Outcome
	http.Redirect(w, r, "/decisions/"+e.ID, http.StatusSeeOther)
}

// formInput is the input of the check form: the uploaded file when one
// was sent, else a procurement JSON record of the vendor the fields
// describe.
func (s *Server) formInput(r *http.Request, f checkForm) (requestInput, error) {
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 && fhs[0].Size > 0 {
			fh := fhs[0]
			mt := "application/octet-stream"
			if ct := fh.Header.Get("Content-Type"); ct != "" {
				if m, _, err := mime.ParseMediaType(ct); err == nil {
					mt = m
				}
			}
			if !acceptedType(mt) {
				mt = "application/octet-stream" // browsers guess; the content decides
			}
			file, err := fh.Open()
			if err != nil {
				return requestInput{}, fmt.Errorf("read the file %s: %w", cleanName(fh.Filename), err)
			}
			defer file.Close()
			data, err := io.ReadAll(file)
			if err != nil {
				return requestInput{}, fmt.Errorf("read the file %s: %w", cleanName(fh.Filename), err)
			}
			return requestInput{data: data, name: cleanName(fh.Filename), ctype: mt}, nil
		}
	}
	if f.Name == "" {
		return requestInput{}, errors.New("enter a vendor name, or choose a file")
	}
	data, err := vendorRecord(f)
	if err != nil {
		return requestInput{}, err
	}
	return requestInput{data: data, name: "vendor " + cleanName(f.Name), ctype: "application/json"}, nil
}

// vendorRecord is the procurement JSON record of the form's vendor.
func vendorRecord(f checkForm) ([]byte, error) {
	type product struct {
		Name string `json:"name"`
	}
	type contract struct {
		Date string `json:"date"`
	}
	type vendor struct {
		Name        string            `json:"name"`
		Country     string            `json:"country,omitempty"`
		Identifiers map[string]string `json:"identifiers,omitempty"`
		Products    []product         `json:"products,omitempty"`
		Contract    *contract         `json:"contract,omitempty"`
	}
	v := vendor{Name: f.Name, Country: f.Country}
	if f.Product != "" {
		v.Products = []product{{Name: f.Product}}
	}
	if f.ContractDate != "" {
		if _, err := time.Parse("2006-01-02", f.ContractDate); err != nil {
			return nil, fmt.Errorf("contract date %q: want YYYY-MM-DD", f.ContractDate)
		}
		v.Contract = &contract{Date: f.ContractDate}
	}
	ids, err := parseIdentifiers(f.Identifiers)
	if err != nil {
		return nil, err
	}
	v.Identifiers = ids
	return json.Marshal(map[string][]vendor{"vendors": {v}})
}

// parseIdentifiers reads "scheme=value" pairs separated by commas,
// semicolons or new lines ("uei=ABC123DEF456, duns=123456789").
func parseIdentifiers(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	out := map[string]string{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			k, v, ok = strings.Cut(part, ":")
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("identifier %q: write scheme=value (uei=ABC123DEF456, duns=123456789, lei=…)", part)
		}
		out[k] = v
	}
	return out, nil
}

// finding is one finding as the result page shows it.
type finding struct {
	Kind string // violation, review, warning, waived
	decision.Violation
	Key string // names the finding for a review
}

// resultView is the result page of a decision.
type resultView struct {
	Entry    *store.Entry
	Run      *decision.Run
	Findings []finding
	Review   *reviewDoc
}

// handleResult is GET /decisions/{id}: a decision as a page.
func (s *Server) handleResult(w http.ResponseWriter, r *http.Request, u webUser) {
	id := r.PathValue("id")
	e, err := s.opts.Log.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		d := u.data("Not found", "")
		d.Error = fmt.Sprintf("no decision %q", id)
		s.render(w, http.StatusNotFound, "message", d)
		return
	}
	if err != nil {
		s.log.Error("read decision", "id", id, "err", err)
		d := u.data("Unavailable", "")
		d.Error = "the decision log cannot be read; try again"
		s.render(w, http.StatusServiceUnavailable, "message", d)
		return
	}
	v := resultView{Entry: e}
	if e.Kind == store.KindReview {
		var rd reviewDoc
		if err := json.Unmarshal(e.Decision, &rd); err == nil {
			v.Review = &rd
		}
	} else {
		var run decision.Run
		if err := json.Unmarshal(e.Decision, &run); err == nil && run.Outcome != "" {
			v.Run = &run
			v.Findings = findingsOf(&run)
		}
	}
	d := u.data(outcomeHeading(e.Outcome)+" — decision "+e.ID, "history")
	d.Body = v
	s.render(w, http.StatusOK, "result", d)
}

// findingsOf lists a run's findings, worst kinds first.
func findingsOf(run *decision.Run) []finding {
	var out []finding
	for i, in := range run.Inputs {
		for _, k := range []struct {
			kind string
			vs   []decision.Violation
		}{{"violation", in.Result.Violations}, {"review", in.Result.Reviews}, {"waived", in.Result.Waived}, {"warning", in.Result.Warnings}} {
			for j, v := range k.vs {
				out = append(out, finding{Kind: k.kind, Violation: v, Key: fmt.Sprintf("%d/%d", i, j)})
			}
		}
	}
	return out
}

// historyView is the history page.
type historyView struct {
	Subject, Outcome, Since, Until string
	Entries                        []*store.Entry
	Export                         string
	// LogExport is the auditor's download of the log in the search's
	// dates ("" for a role that may not export).
	LogExport string
	More      bool
}

// handleHistory is GET /decisions: the decisions a search selects.
func (s *Server) handleHistory(w http.ResponseWriter, r *http.Request, u webUser) {
	q := r.URL.Query()
	v := historyView{Subject: q.Get("subject"), Outcome: q.Get("outcome"), Since: q.Get("since"), Until: q.Get("until")}
	fq := url.Values{}
	for k, val := range map[string]string{"subject": v.Subject, "outcome": v.Outcome, "since": v.Since, "until": v.Until} {
		if strings.TrimSpace(val) != "" {
			fq.Set(k, strings.TrimSpace(val))
		}
	}
	d := u.data("History", "history")
	f, he := s.filterOf(fq)
	if he != nil {
		d.Error, d.Body = he.msg, v
		s.render(w, he.status, "history", d)
		return
	}
	if v.Until != "" && len(v.Until) == len("2006-01-02") {
		f.Until = f.Until.Add(24*time.Hour - time.Microsecond) // the whole day
	}
	f.Limit = 100
	p, err := s.opts.Log.List(r.Context(), f)
	if err != nil {
		s.log.Error("list decisions", "err", err)
		d.Error = "the decision log cannot be read; try again"
	}
	v.Entries, v.More = p.Entries, p.Next != ""
	fq.Set("limit", fmt.Sprint(store.MaxLimit))
	v.Export = "/v1/decisions?" + fq.Encode()
	if allowed(u.tok.Role, permAudit) {
		// The page's "To" day is included; the export's until is not.
		lq := url.Values{}
		if since := strings.TrimSpace(v.Since); since != "" {
			lq.Set("since", since)
		}
		if !f.Until.IsZero() {
			lq.Set("until", f.Until.Add(time.Microsecond).UTC().Format(time.RFC3339Nano))
		}
		v.LogExport = "/v1/log/export?" + lq.Encode()
	}
	d.Body = v
	s.render(w, http.StatusOK, "history", d)
}

// listView is one list on the lists page.
type listView struct {
	provenance.List
	AgeDays int
	Stale   bool
}

// handleListsPage is GET /lists: the lists in service, their age and
// source.
func (s *Server) handleListsPage(w http.ResponseWriter, _ *http.Request, u webUser) {
	sess := s.gen.Load().base
	maxAge := time.Duration(sess.Plan().Lists.MaxAge)
	now := s.now()
	var out []listView
	for _, p := range sess.Lists() {
		out = append(out, listView{List: p, AgeDays: provenance.AgeDays(p, now),
			Stale: p.Kind != provenance.KindBan && provenance.CheckFresh(p, maxAge, now) != nil})
	}
	d := u.data("Lists", "lists")
	d.Body = out
	s.render(w, http.StatusOK, "lists", d)
}
