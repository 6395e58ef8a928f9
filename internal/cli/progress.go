package cli

import (
	"fmt"
	"io"
	"net/http"
	"path"
	"sync"
	"time"
)

// progressTransport reports the progress of every download on w: one line
// per file, redrawn in place at most every 200 ms, with the bytes received
// and, when the server says, the total.
type progressTransport struct {
	base http.RoundTripper
	w    io.Writer
	mu   sync.Mutex // one download line at a time
}

func (t *progressTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	resp.Body = &progressBody{ReadCloser: resp.Body, t: t, name: path.Base(req.URL.Path), total: resp.ContentLength}
	return resp, nil
}

type progressBody struct {
	io.ReadCloser
	t     *progressTransport
	name  string
	total int64
	n     int64
	last  time.Time
}

func (b *progressBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	if now := time.Now(); err != nil || now.Sub(b.last) >= 200*time.Millisecond {
		b.last = now
		b.draw(err == io.EOF)
	}
	return n, err
}

func (b *progressBody) draw(done bool) {
	b.t.mu.Lock()
	defer b.t.mu.Unlock()
	line := fmt.Sprintf("\r  %-22s %8.1f MB", b.name, float64(b.n)/1e6)
	if b.total > 0 {
		width := 30
		filled := min(int(int64(width)*b.n/b.total), width)
		line = fmt.Sprintf("\r  %-22s [%-*s] %6.1f / %.1f MB", b.name, width, bar(filled), float64(b.n)/1e6, float64(b.total)/1e6)
	}
	if done {
		line += "\n"
	}
	fmt.Fprint(b.t.w, line)
}

func bar(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '='
	}
	return string(b)
}

// withProgress wraps a client so that its downloads report progress on w.
func withProgress(c *http.Client, w io.Writer) *http.Client {
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	out := *c
	out.Transport = &progressTransport{base: base, w: w}
	return &out
}
