package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/store"
)

// alertParams are the query parameters of GET /v1/alerts.
var alertParams = []string{"after", "subject", "limit"}

// maxAlerts bounds the alerts one answer holds.
const maxAlerts = 1000

// raise stores an alert, numbering it, and queues its webhook post.
func (s *Server) raise(ctx context.Context, a *monitor.Alert) error {
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode alert: %w", err)
	}
	sa := &store.Alert{Created: a.Raised, Subject: a.Subject, Body: body, Key: alertKey(a)}
	if err := s.opts.Log.AddAlert(ctx, sa); err != nil {
		return err
	}
	a.Seq = sa.Seq
	if sa.Existing {
		// A re-screen part run again (after a crash) raised it before:
		// post the stored alert, once (the webhook job is unique by its
		// arguments).
		var first monitor.Alert
		if err := json.Unmarshal(sa.Body, &first); err != nil {
			return fmt.Errorf("read alert %d: %w", sa.Seq, err)
		}
		first.Seq = sa.Seq
		*a = first
		if body, err = json.Marshal(a); err != nil {
			return fmt.Errorf("encode alert: %w", err)
		}
		s.log.Info("alert raised before; not raised again", "subject", a.Name, "seq", a.Seq)
	} else {
		if body, err = json.Marshal(a); err != nil {
			return fmt.Errorf("encode alert: %w", err)
		}
		s.log.Warn("alert: a kept subject's outcome changed on new lists", "subject", a.Name, "old", a.Old, "new", a.New,
			"seq", a.Seq, "decision", a.Decision)
	}
	if s.hook != nil {
		if _, err := s.queue.Insert(ctx, webhookArgs{Seq: a.Seq, Body: string(body)}, s.hook.insertOpts()); err != nil {
			// The alert is stored (GET /v1/alerts has it); the re-screen
			// goes on.
			s.log.Error("webhook: the alert is not queued for posting (GET /v1/alerts has it)", "seq", a.Seq, "err", err)
		}
	}
	return nil
}

// alertKey identifies what raised an alert: its subject, old and new
// outcome and the snapshots the subject was re-screened on.
func alertKey(a *monitor.Alert) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", a.Subject, a.Old, a.New)
	for _, sn := range a.Snapshots {
		fmt.Fprintf(h, "\x00%s:%s", sn.List, sn.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// alertsPage is the answer of GET /v1/alerts.
type alertsPage struct {
	Alerts []json.RawMessage `json:"alerts"`
	Next   int64             `json:"next"`
}

// handleAlerts is GET /v1/alerts.
func (s *Server) handleAlerts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if he := strictQuery(q, alertParams); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	var after int64
	if v := q.Get("after"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("after %q: want an alert number (0 or more)", v))
			return
		}
		after = n
	}
	limit := 100
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxAlerts {
			s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("limit %q: want 1 to %d", v, maxAlerts))
			return
		}
		limit = n
	}
	as, err := s.opts.Log.Alerts(r.Context(), after, q.Get("subject"), limit)
	if err != nil {
		he := s.internal("read the alerts", err)
		s.fail(w, r, he.status, he.msg)
		return
	}
	page := alertsPage{Alerts: []json.RawMessage{}, Next: after}
	for _, a := range as {
		body, err := withSeq(a)
		if err != nil {
			he := s.internal("read the alerts", err)
			s.fail(w, r, he.status, he.msg)
			return
		}
		page.Alerts = append(page.Alerts, body)
		page.Next = a.Seq
	}
	writeJSON(w, http.StatusOK, page)
}

// withSeq is a stored alert's body with its number.
func withSeq(a store.Alert) (json.RawMessage, error) {
	var m monitor.Alert
	if err := json.Unmarshal(a.Body, &m); err != nil {
		return nil, fmt.Errorf("alert %d: %w", a.Seq, err)
	}
	m.Seq = a.Seq
	return json.Marshal(m)
}
