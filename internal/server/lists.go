package server

import (
	"net/http"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// listStatus is one list as GET /v1/lists shows it: its provenance, age
// and freshness, the `data status` view.
type listStatus struct {
	provenance.List
	AgeDays int  `json:"age_days"`
	Stale   bool `json:"stale"`
}

// listsDoc is the answer of GET /v1/lists.
type listsDoc struct {
	Lists []listStatus `json:"lists"`
	// MaxAge is the oldest a sanctions list may be ("0s": no limit);
	// StalePolicy what an older one does (error or warn).
	MaxAge      string `json:"max_age"`
	StalePolicy string `json:"stale_policy"`
}

// handleLists is GET /v1/lists: the lists in service.
func (s *Server) handleLists(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	sess := s.gen.Load().base
	plan := sess.Plan()
	now := s.now()
	maxAge := time.Duration(plan.Lists.MaxAge)
	doc := listsDoc{Lists: []listStatus{}, MaxAge: maxAge.String(), StalePolicy: plan.Lists.Stale}
	for _, p := range sess.Lists() {
		st := listStatus{List: p, AgeDays: provenance.AgeDays(p, now)}
		st.Stale = p.Kind != provenance.KindBan && provenance.CheckFresh(p, maxAge, now) != nil
		doc.Lists = append(doc.Lists, st)
	}
	writeJSON(w, http.StatusOK, doc)
}
