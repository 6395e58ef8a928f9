package cli

import (
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/check"
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

// checkProgress draws one line on a terminal standard error while a check
// runs: nothing for the first Env.ProgressAfter (a quick check shows
// nothing), then what the check is doing, redrawn in place as it moves on
// and at least every 200 ms; stop erases it before the reports are
// written. When standard error is not a terminal it draws nothing.
type checkProgress struct {
	w     io.Writer // nil: not a terminal, draw nothing
	width int
	start time.Time
	after time.Duration

	mu     sync.Mutex
	live   bool // drawing until stop
	text   string
	drawn  string // the text on the screen, "" for none
	last   time.Time
	done   chan struct{}
	once   sync.Once
	ticker sync.WaitGroup
}

func newCheckProgress(env *Env) *checkProgress {
	p := &checkProgress{text: "checking: reading inputs, loading policies and lists..."}
	tty, width := env.Terminal(env.Stderr)
	if !tty {
		return p
	}
	p.w, p.width, p.start, p.after, p.done, p.live = env.Stderr, width, time.Now(), max(env.ProgressAfter, 0), make(chan struct{}), true
	if p.width <= 0 {
		p.width = 80
	}
	p.ticker.Go(func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(false)
			case <-p.done:
				return
			}
		}
	})
	return p
}

// update is the session's progress callback.
func (p *checkProgress) update(pr check.Progress) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	p.text = progressText(pr, p.width-1)
	p.mu.Unlock()
	p.draw(true)
}

// draw shows the current text once the delay has passed: at once when
// the text is new (at most every 50 ms), else on the ticker.
func (p *checkProgress) draw(changed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if !p.live || now.Sub(p.start) < p.after || p.text == p.drawn || (changed && now.Sub(p.last) < 50*time.Millisecond) {
		return
	}
	line := p.text
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
	p.drawn, p.last = p.text, now
}

// stop ends the progress line and erases it; it is safe to call twice.
func (p *checkProgress) stop() {
	if p.w == nil {
		return
	}
	p.once.Do(func() {
		close(p.done)
		p.ticker.Wait()
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.drawn != "" {
			fmt.Fprint(p.w, "\r\x1b[K")
		}
		p.live = false
	})
}

// progressText says where a check is, in at most width columns so that
// the line never wraps (a wrapped line cannot be redrawn in place):
// "checking big.cdx.json (2/5): parsed 100000 components, screening...".
// A path too long loses its directory first.
func progressText(pr check.Progress, width int) string {
	what := "components"
	if pr.Kind == check.KindProcurement {
		what = "vendor records"
	}
	var stage string
	switch pr.Stage {
	case check.StageParse:
		stage = "parsing..."
	case check.StageScreen:
		stage = fmt.Sprintf("parsed %d %s, screening...", pr.Components, what)
	case check.StageEvaluate:
		stage = fmt.Sprintf("screened %d %s, evaluating policies...", pr.Components, what)
	case check.ProgressLocate:
		stage = fmt.Sprintf("placing %d findings...", pr.Findings)
	default:
		stage = "done"
	}
	count := ""
	if pr.Inputs > 1 {
		count = fmt.Sprintf(" (%d/%d)", pr.Input+1, pr.Inputs)
	}
	name := strings.Join(strings.Fields(pr.Path), " ")
	line := "checking " + name + count + ": " + stage
	if len([]rune(line)) > width {
		line = "checking " + path.Base(strings.ReplaceAll(name, "\\", "/")) + count + ": " + stage
	}
	if r := []rune(line); len(r) > width {
		line = string(r[:max(width-3, 0)]) + "..."
	}
	return line
}
