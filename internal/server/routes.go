package server

import (
	_ "embed"
	"net/http"
	"slices"
	"strings"
)

// openAPI is the OpenAPI 3.1 description of the API, served at
// /openapi.json and checked against every answer in the tests.
//
//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3.1 document of the API.
func OpenAPI() []byte { return slices.Clone(openAPI) }

// route is one endpoint: its method and path pattern, what it requires
// (none: no token), and its handler.
type route struct {
	method, path string
	perm         permission
	h            http.HandlerFunc
}

func (s *Server) routeTable() []route {
	return []route{
		{"POST", "/v1/checks", permSubmit, s.handleCheck},
		{"GET", "/v1/jobs/{id}", permSubmit, s.handleJob},
		{"POST", "/v1/screen", permSubmit, s.handleScreen},
		{"GET", "/v1/decisions", permRead, s.handleDecisions},
		{"GET", "/v1/decisions/{id}", permRead, s.handleDecision},
		{"GET", "/v1/decisions/{id}/evidence", permRead, s.handleEvidence},
		{"GET", "/v1/lists", permRead, s.handleLists},
		{"GET", "/v1/alerts", permRead, s.handleAlerts},
		{"GET", "/v1/log", permAudit, s.handleLogHead},
		{"GET", "/v1/log/verify", permAudit, s.handleVerify},
		{"GET", "/v1/log/export", permAudit, s.handleExport},
		{"GET", "/metrics", permAudit, s.metrics.handler().ServeHTTP},
		{"GET", "/openapi.json", permRead, s.handleOpenAPI},
		{"GET", "/healthz", "", s.handleHealth},
		{"GET", "/readyz", "", s.handleReady},
	}
}

// routes builds the handler: every route, a JSON 405 for a path asked
// with another method, a JSON 404 for any other path, and the request
// log and security headers around all of them.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	methods := map[string][]string{}
	for _, rt := range s.routeTable() {
		h := rt.h
		if rt.perm != "" {
			h = s.authorize(rt.perm, h)
		}
		mux.HandleFunc(rt.method+" "+rt.path, h)
		if _, ok := methods[rt.path]; !ok {
			path := rt.path
			mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Allow", strings.Join(methods[path], ", "))
				s.fail(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed on "+path+"; use "+strings.Join(methods[path], " or "))
			})
		}
		methods[rt.path] = append(methods[rt.path], rt.method)
	}
	s.pageRoutes(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "no such endpoint: "+r.URL.Path+" (see /openapi.json)")
	})
	return securityHeaders(s.observe(mux))
}

// pageRoutes adds the web page's routes.
func (s *Server) pageRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /signin", s.handleSigninPage)
	mux.HandleFunc("POST /signin", s.handleSignin)
	mux.HandleFunc("POST /signout", s.page(permRead, s.handleSignout))
	mux.HandleFunc("GET /static/style.css", s.handleStyle)
	mux.HandleFunc("GET /{$}", s.page(permSubmit, s.handleCheckPage))
	mux.HandleFunc("POST /{$}", s.page(permSubmit, s.handleCheckSubmit))
	mux.HandleFunc("GET /decisions", s.page(permRead, s.handleHistory))
	mux.HandleFunc("GET /decisions/{id}", s.page(permRead, s.handleResult))
	mux.HandleFunc("GET /reviews", s.page(permReview, s.handleReviews))
	mux.HandleFunc("POST /reviews", s.page(permReview, s.handleReviewSubmit))
	mux.HandleFunc("GET /lists", s.page(permRead, s.handleListsPage))
}

// handleOpenAPI is GET /openapi.json.
func (s *Server) handleOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openAPI)
}
