package cli

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
)

// A download through the progress client draws one line for the file,
// with a bar when the size is known, ended by a line break.
func TestProgressDraws(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("x", 300_000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	var out bytes.Buffer
	resp, err := withProgress(srv.Client(), &out).Get(srv.URL + "/SDN.CSV")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || len(got) != len(body) {
		t.Fatalf("read %d bytes, %v", len(got), err)
	}
	if s := out.String(); !strings.Contains(s, "SDN.CSV") || !strings.Contains(s, "[==============================]") || !strings.HasSuffix(s, "0.3 / 0.3 MB\n") {
		t.Errorf("progress output %q", s)
	}
}

// Progress is drawn on a terminal only: a character device, not a file
// or a buffer.
func TestIsTerminal(t *testing.T) {
	t.Parallel()
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is a terminal")
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if !isTerminal(null) {
		t.Error("a character device is not taken for a terminal")
	}
}
