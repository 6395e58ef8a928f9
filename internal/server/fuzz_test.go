package server_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"testing"

	"golang.org/x/net/http/httpguts"

	"github.com/bangate/bangate/internal/server"
)

// fuzzPost sends body to path with the content type and checks that the
// answer is no 5xx and follows the OpenAPI document.
func fuzzPost(t *testing.T, ts *testServer, path, ctype string, body []byte) {
	req, err := http.NewRequest("POST", ts.http.URL+path, bytes.NewReader(body))
	if err != nil || !httpguts.ValidHeaderFieldValue(ctype) {
		return // no client sends it
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+ts.tokens[server.RoleSubmitter])
	res, err := ts.http.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 500 {
		t.Fatalf("status %d for %q: %s", res.StatusCode, ctype, b)
	}
	if err := checkOpenAPI("POST", path, response{status: res.StatusCode, header: res.Header, body: b}); err != nil {
		t.Fatalf("answer %d does not follow the OpenAPI document: %v\n%.300s", res.StatusCode, err, b)
	}
}

// FuzzCheckRequest posts arbitrary bodies with arbitrary content types
// to POST /v1/checks: every answer is a 2xx or a 4xx the document allows.
func FuzzCheckRequest(f *testing.F) {
	ts := newServer(f, "", nil)
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("input", "vendors.csv")
	fw.Write(readFile(f, "examples", "procurement", "vendors.csv"))
	mw.Close()
	f.Add("text/csv", readFile(f, "examples", "procurement", "vendors.csv"))
	f.Add("application/vnd.cyclonedx+json", readFile(f, "examples", "sbom", "kaspersky.cdx.json"))
	f.Add("text/spdx", readFile(f, "examples", "sbom", "kaspersky.spdx"))
	f.Add(mw.FormDataContentType(), form.Bytes())
	f.Add("application/json", vendorJSON("Kaspersky Lab, Inc.", "2024-10-01"))
	f.Add("application/octet-stream", []byte{0, 1, 2, 0xff})
	f.Add("multipart/form-data; boundary=x", []byte("--x\r\nContent-Disposition: form-data; name=\"input\"\r\n\r\n{}\r\n--x--\r\n"))
	f.Fuzz(func(t *testing.T, ctype string, body []byte) {
		fuzzPost(t, ts, "/v1/checks", ctype, body)
	})
}

// FuzzScreenRequest posts arbitrary bodies to POST /v1/screen.
func FuzzScreenRequest(f *testing.F) {
	ts := newServer(f, "", nil)
	for _, s := range []string{`{"names":["Andrey Tikhonov"]}`, `{"names":["a","b"],"party_kind":"person"}`, `{"names":[]}`,
		`{"names":["x"],"Names":["y"]}`, `[1]`, `{"names":["\u0000"]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzPost(t, ts, "/v1/screen", "application/json", body)
	})
}
