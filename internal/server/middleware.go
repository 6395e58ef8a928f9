package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/store"
)

// requestInfo is what a handler tells the request log about a request.
type requestInfo struct {
	actor    string
	decision string
	outcome  string
	errMsg   string
}

type infoKey struct{}

func infoOf(r *http.Request) *requestInfo {
	i, _ := r.Context().Value(infoKey{}).(*requestInfo)
	if i == nil {
		return &requestInfo{}
	}
	return i
}

func noteActor(r *http.Request, t store.Token) { infoOf(r).actor = actor(t) }

// recorder keeps the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs every request as one structured line and counts it.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{}
		rec := &recorder{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
		defer func() {
			if v := recover(); v != nil {
				// A handler bug must not take the server down; the
				// request gets a 500 and the log says where.
				s.log.Error("handler panic", "path", r.URL.Path, "panic", v)
				if rec.status == 0 {
					writeError(rec, http.StatusInternalServerError, "internal error")
				}
			}
			d := time.Since(start)
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			if i := strings.IndexByte(route, ' '); i >= 0 {
				route = route[i+1:]
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			s.metrics.request(route, r.Method, status, d)
			attrs := []any{"method", r.Method, "path", r.URL.Path, "route", route, "status", status, "bytes", rec.bytes,
				"duration_ms", float64(d.Microseconds()) / 1000, "remote", r.RemoteAddr}
			if info.actor != "" {
				attrs = append(attrs, "actor", info.actor)
			}
			if info.decision != "" {
				attrs = append(attrs, "decision", info.decision, "outcome", info.outcome)
			}
			if info.errMsg != "" {
				attrs = append(attrs, "error", info.errMsg)
			}
			s.access.Info("request", attrs...)
		}()
		next.ServeHTTP(rec, r)
	})
}

// apiError is the body of every error answer: one line saying why.
type apiError struct {
	Error string `json:"error"`
}

// fail answers an error with its one-line reason.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	msg = strings.Join(strings.Fields(msg), " ")
	infoOf(r).errMsg = msg
	writeError(w, status, msg)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

// writeJSON answers v as indented JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error": "encode answer"}` + "\n")
	}
	b := buf.Bytes()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// securityHeaders sets the headers every answer carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}
