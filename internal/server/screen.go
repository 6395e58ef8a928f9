package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/store"
	"github.com/bangate/bangate/internal/strictkeys"
)

// Bounds of a screening request.
const (
	maxScreenBody  = 1 << 20
	maxScreenNames = 1000
	maxNameLen     = 1000
)

// ScreenSchema tags the document POST /v1/screen answers.
const ScreenSchema = "bangate.screen/v1"

// screenRequest is the body of POST /v1/screen.
type screenRequest struct {
	Names     []string `json:"names"`
	PartyKind string   `json:"party_kind,omitempty"`
}

// screenDoc is the answer: each name as `bangate screen --format json`
// writes it, with the outcome over all names and the lists screened.
type screenDoc struct {
	Schema   string             `json:"schema"`
	Outcome  string             `json:"outcome"`
	ExitCode int                `json:"exit_code"`
	Lists    []provenance.List  `json:"lists"`
	Results  []check.ScreenLine `json:"results"`
	Errors   []string           `json:"errors,omitempty"`
}

// decodeScreen reads and checks a screening request.
func decodeScreen(data []byte) (screenRequest, error) {
	var req screenRequest
	if err := strictkeys.CheckJSON(data); err != nil {
		return req, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, fmt.Errorf("decode JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return req, errors.New("data after the JSON object")
	}
	if len(req.Names) == 0 {
		return req, errors.New(`no names: send {"names": ["..."]}`)
	}
	if len(req.Names) > maxScreenNames {
		return req, fmt.Errorf("%d names: at most %d per request", len(req.Names), maxScreenNames)
	}
	for i, n := range req.Names {
		if strings.TrimSpace(n) == "" {
			return req, fmt.Errorf("names[%d] is empty: an empty name cannot be screened", i)
		}
		if len(n) > maxNameLen {
			return req, fmt.Errorf("names[%d] is %d bytes long: at most %d", i, len(n), maxNameLen)
		}
	}
	switch req.PartyKind {
	case "", "person", "organization":
	default:
		return req, fmt.Errorf("party_kind %q: want person or organization", req.PartyKind)
	}
	return req, nil
}

// handleScreen is POST /v1/screen.
func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		s.reject(w, r, &httpError{status: http.StatusUnsupportedMediaType, msg: `send the names as application/json: {"names": ["..."]}`})
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxScreenBody))
	if err != nil {
		s.reject(w, r, bodyError(err, maxScreenBody))
		return
	}
	req, err := decodeScreen(data)
	if err != nil {
		s.reject(w, r, badRequest("screen request: %v", err))
		return
	}
	e, he := s.screen(r, req, data)
	if he != nil {
		s.reject(w, r, he)
		return
	}
	s.answerDecision(w, r, http.StatusCreated, e)
}

// screen screens the names with the default plan's session and logs the
// decision: fail when a name matches, review when one may, pass when
// none does, error when a list is older than the plan allows.
func (s *Server) screen(r *http.Request, req screenRequest, body []byte) (*store.Entry, *httpError) {
	ctx := r.Context()
	s.work.Add(1)
	defer s.work.Done()
	if err := s.acquire(ctx); err != nil {
		return nil, &httpError{status: http.StatusServiceUnavailable, msg: "request ended while waiting for a free check slot"}
	}
	// The slot is given back before the append, and the append
	// announced, as a check's (Server.check).
	release := sync.OnceFunc(s.release)
	defer release()
	withdraw := s.opts.Log.Announce()
	defer withdraw()
	s.metrics.inFlight.Inc()
	defer s.metrics.inFlight.Dec()
	g := s.gen.Load()
	sess := g.base
	plan := sess.Plan()
	doc := screenDoc{Schema: ScreenSchema, Lists: sess.Lists(), Results: []check.ScreenLine{}}
	code := decision.ExitPass
	if stale := sess.Stale(); len(stale) > 0 && plan.Lists.Stale == check.StaleError {
		code = decision.ExitError
		for _, err := range stale {
			doc.Errors = append(doc.Errors, err.Error())
		}
	} else {
		for _, name := range req.Names {
			res, err := sess.ScreenName(name, req.PartyKind)
			if err != nil {
				return nil, s.internal("screen a name", err)
			}
			sr := res.Line()
			c := map[string]int{check.NameMatch: decision.ExitFail, check.NameReview: decision.ExitReview}[res.Outcome]
			if decision.Worse(c, code) {
				code = c
			}
			doc.Results = append(doc.Results, sr)
		}
	}
	doc.ExitCode, doc.Outcome = code, decision.OutcomeFor(code)
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, s.internal("encode the screening", err)
	}
	e := &store.Entry{Kind: store.KindScreen, Actor: actor(tokenOf(ctx)), Outcome: doc.Outcome, ExitCode: code, Profile: plan.Profile,
		AsOf: plan.AsOf.UTC().Format(time.RFC3339), Decision: append(out, '\n'),
		Input: s.logInput(requestInput{data: body, ctype: "application/json"})}
	for _, n := range req.Names {
		if len(e.Subjects) == maxSubjects {
			break
		}
		e.Subjects = append(e.Subjects, strings.TrimSpace(n))
	}
	if e.Plan, err = plan.JSON(); err != nil {
		return nil, s.internal("encode the plan", err)
	}
	if e.Lists, err = json.Marshal(doc.Lists); err != nil {
		return nil, s.internal("encode the lists", err)
	}
	release()
	withdraw()
	if he := s.appendEntry(ctx, e); he != nil {
		return nil, he
	}
	return e, nil
}
