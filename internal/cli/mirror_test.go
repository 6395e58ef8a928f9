package cli_test

import (
	"bytes"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
)

// newParty is a party that only the mirror's "new" SDN snapshot lists: a
// designation made after the embedded snapshot, made up for the tests.
var newParty = lists.Entry{ID: "99901", Name: "NOVA FORTIS SOFTWARE LLC", Type: "entity",
	Programs: []string{"RUSSIA-EO14024", "CYBER2"}, Remarks: "Organization Established Date 2019;"}

// legacySDN writes entries as an OFAC legacy CSV set (SDN.CSV, ALT.CSV,
// ADD.CSV, SDN_COMMENTS.CSV, no header, CRLF, quoted, "-0- " for empty
// fields, the closing 0x1A), as OFAC lays the files out. Aliases of types
// the legacy ALT.CSV has (a.k.a., f.k.a., n.k.a.) go there; the others
// come back from the remarks.
func legacySDN(entries []lists.Entry) map[string][]byte {
	q := func(s string) string {
		if s == "" {
			return "-0- "
		}
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	var sdn, alt, add, comments bytes.Buffer
	altNum := 1
	for _, e := range entries {
		typ := e.Type
		if typ == "entity" {
			typ = ""
		}
		fmt.Fprintf(&sdn, "%s,%s,%s,%s,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,%s\r\n", e.ID, q(e.Name), q(typ), q(strings.Join(e.Programs, "] [")), q(e.Remarks))
		for _, a := range e.Aliases {
			t := map[string]string{"aka": "a.k.a.", "fka": "f.k.a.", "nka": "n.k.a."}[a.Type]
			if t == "" {
				continue
			}
			fmt.Fprintf(&alt, "%s,%d,%s,%s,-0- \r\n", e.ID, altNum, q(t), q(a.Name))
			altNum++
		}
	}
	fmt.Fprintf(&add, "%s,1,-0- ,-0- ,-0- ,-0- \r\n", entries[0].ID)
	fmt.Fprintf(&comments, "%s,-0- \r\n", entries[0].ID)
	out := map[string][]byte{}
	for name, b := range map[string]*bytes.Buffer{"SDN.CSV": &sdn, "ALT.CSV": &alt, "ADD.CSV": &add, "SDN_COMMENTS.CSV": &comments} {
		out[name] = append(b.Bytes(), 0x1a)
	}
	return out
}

// sdnSets are the SDN file sets a mirror serves: "old", the embedded
// snapshot's 19,249 entries; "shrunk", the 12 official rows of the
// 2024-06-21 Kaspersky designations; "shrunk+new", those and newParty (a
// small store's next publication). Built once.
var sdnSets = sync.OnceValues(func() (map[string]map[string][]byte, error) {
	snap, err := lists.Snapshot()
	if err != nil {
		return nil, err
	}
	k := filepath.Join(repoRoot, "internal", "lists", "testdata", "ofac", "kaspersky")
	shrunk := map[string][]byte{"SDN_COMMENTS.CSV": []byte("45815,-0- \r\n")}
	for name, file := range map[string]string{"SDN.CSV": "sdn.csv", "ALT.CSV": "alt.csv", "ADD.CSV": "add.csv"} {
		if shrunk[name], err = os.ReadFile(filepath.Join(k, file)); err != nil {
			return nil, err
		}
	}
	grown := maps.Clone(shrunk)
	grown["SDN.CSV"] = append(slices.Clone(shrunk["SDN.CSV"]), legacySDN([]lists.Entry{newParty})["SDN.CSV"]...)
	return map[string]map[string][]byte{
		"old":        legacySDN(snap[0].Entries),
		"shrunk":     shrunk,
		"shrunk+new": grown,
	}, nil
})

// mirrorFiles are the other files a mirror serves, by official name: the
// embedded official non-SDN set, and real excerpts of the CSL, UN, EU and
// UK lists.
var mirrorFiles = map[string]string{
	"CONS_PRIM.CSV":                "internal/lists/snapshot/ofac-cons/cons_prim.csv",
	"CONS_ALT.CSV":                 "internal/lists/snapshot/ofac-cons/cons_alt.csv",
	"CONS_ADD.CSV":                 "internal/lists/snapshot/ofac-cons/cons_add.csv",
	"CONS_COMMENTS.CSV":            "internal/lists/snapshot/ofac-cons/cons_comments.csv",
	"consolidated.json":            "internal/lists/testdata/csl/consolidated.json",
	"consolidated.xml":             "internal/lists/testdata/un/consolidated-excerpt.xml",
	"xmlFullSanctionsList_1_1.xml": "internal/lists/testdata/eu/sample_eu_sanctions.xml",
	"UK-Sanctions-List.xml":        "internal/lists/testdata/uk/uk-sanctions-list-excerpt.xml",
}

// listMirror is a mirror of the list sources on 127.0.0.1: what
// lists.base-url points at in the tests. Every file is served with
// Last-Modified set to modified.
type listMirror struct {
	srv      *httptest.Server
	sdn      atomic.Value // a key of sdnSets
	mode     atomic.Value // "ok", "500", "truncated" (CONS_PRIM.CSV cut), "slow"
	modified atomic.Value // time.Time
	mu       sync.Mutex
	requests map[string]int
}

// newListMirror starts a mirror serving the sdn set, last modified at
// modified.
func newListMirror(t *testing.T, sdn string, modified time.Time) *listMirror {
	t.Helper()
	sets, err := sdnSets()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for name, path := range mirrorFiles {
		if files[name], err = os.ReadFile(filepath.Join(repoRoot, path)); err != nil {
			t.Fatal(err)
		}
	}
	m := &listMirror{requests: map[string]int{}}
	m.sdn.Store(sdn)
	m.mode.Store("ok")
	m.modified.Store(modified)
	m.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Base(r.URL.Path)
		m.mu.Lock()
		m.requests[name]++
		m.mu.Unlock()
		data, ok := files[name]
		if set := sets[m.sdn.Load().(string)]; set[name] != nil {
			data, ok = set[name], true
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch m.mode.Load().(string) {
		case "500":
			http.Error(w, "unavailable", http.StatusInternalServerError)
			return
		case "truncated":
			if name == "CONS_PRIM.CSV" {
				data = data[:len(data)/2]
			}
		case "slow":
			<-r.Context().Done() // never answers; the time limit ends it
			return
		}
		w.Header().Set("Last-Modified", m.modified.Load().(time.Time).UTC().Format(http.TimeFormat))
		_, _ = w.Write(data)
	}))
	t.Cleanup(m.srv.Close)
	return m
}

// URL is the mirror's base URL.
func (m *listMirror) URL() string { return m.srv.URL }

// served returns how often each file was requested, and resets the count.
func (m *listMirror) served() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := m.requests
	m.requests = map[string]int{}
	return out
}
