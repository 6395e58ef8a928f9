package server_test

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/store"
)

// unpack reads the files of a tar archive by name.
func unpack(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files
		}
		if err != nil {
			t.Fatalf("read the export archive: %v", err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name] = b
	}
}

// An auditor downloads the log over HTTP: the archive holds the entries
// and their manifest, which verify as `bangate log verify --input` checks
// them; an edited record does not verify; only the auditor role may
// export; a bad range is a 400.
func TestLogExportEndpoint(t *testing.T) {
	ts := newServer(t, "", nil)
	for _, name := range []string{"Acme Office Supply LLC", "Kaspersky Lab, Inc."} {
		if r := ts.do("submitter", "POST", "/v1/checks", "application/json", vendorJSON(name, "2024-10-01")); r.status != http.StatusCreated {
			t.Fatalf("check %s: %d %s", name, r.status, r.body)
		}
	}
	r := ts.do("auditor", "GET", "/v1/log/export?since=2000-01-01", "", nil)
	if r.status != http.StatusOK {
		t.Fatalf("export: %d %s", r.status, r.body)
	}
	files := unpack(t, r.body)
	lines, sealed := files["bangate-log.jsonl"], files["bangate-log.jsonl.manifest.json"]
	if lines == nil || sealed == nil || len(files) != 2 {
		t.Fatalf("archive holds %d files, want bangate-log.jsonl and its manifest", len(files))
	}
	m, _, err := store.OpenManifest(context.Background(), sealed, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := store.VerifyExport(context.Background(), bytes.NewReader(lines), &m, nil)
	if err != nil {
		t.Fatalf("the export does not verify: %v", err)
	}
	if rep.Entries != 2 || m.Entries != 2 || bytes.Count(lines, []byte("\n")) != 2 {
		t.Errorf("export of %d entries (manifest %d), want the 2 checks", rep.Entries, m.Entries)
	}
	edited := bytes.Replace(lines, []byte(`"outcome":"fail"`), []byte(`"outcome":"pass"`), 1)
	if bytes.Equal(edited, lines) {
		t.Fatal("no failing record to edit")
	}
	if _, err := store.VerifyExport(context.Background(), bytes.NewReader(edited), &m, nil); !errors.Is(err, store.ErrBroken) {
		t.Errorf("an edited record verifies: %v", err)
	}

	if r := ts.do("submitter", "GET", "/v1/log/export", "", nil); r.status != http.StatusForbidden {
		t.Errorf("a submitter's export: %d, want 403", r.status)
	}
	if r := ts.do("auditor", "GET", "/v1/log/export?since=yesterday-ish", "", nil); r.status != http.StatusBadRequest || !strings.Contains(string(r.body), "since") {
		t.Errorf("a bad since: %d %s, want 400 naming it", r.status, r.body)
	}
	if r := ts.do("auditor", "GET", "/v1/log/export?until=2000-01-01", "", nil); r.status != http.StatusOK || len(unpack(t, r.body)["bangate-log.jsonl"]) != 0 {
		t.Errorf("an empty range: %d, want an archive with no entries", r.status)
	}
}

// The history page offers an auditor the log's download for the dates
// searched, the "To" day included, and it works with the page's session;
// a submitter is not offered it.
func TestPageLogExportLink(t *testing.T) {
	ts := newServer(t, "", nil)
	if r := ts.do("submitter", "POST", "/v1/checks", "application/json", vendorJSON("Acme Office Supply LLC", "2024-10-01")); r.status != http.StatusCreated {
		t.Fatalf("check: %d %s", r.status, r.body)
	}
	today := time.Now().UTC().Format("2006-01-02")
	aud := newBrowser(t, ts)
	aud.signIn("auditor")
	h := aud.get("/decisions?since=" + today + "&until=" + today)
	m := regexp.MustCompile(`href="(/v1/log/export\?[^"]*)"`).FindStringSubmatch(h.body)
	if m == nil {
		t.Fatalf("no log export link on an auditor's history page:\n%s", h.body)
	}
	link := html.UnescapeString(m[1])
	res, err := aud.c.Get(ts.http.URL + link)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || bytes.Count(unpack(t, body)["bangate-log.jsonl"], []byte("\n")) != 1 {
		t.Errorf("GET %s: %d; want the archive with today's one decision", link, res.StatusCode)
	}
	sub := newBrowser(t, ts)
	sub.signIn("submitter")
	if strings.Contains(sub.get("/decisions").body, "/v1/log/export") {
		t.Error("a submitter is offered the log export")
	}
}
