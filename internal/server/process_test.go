package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/internal/store"
)

// bangate runs the bangate command in-process, as the CLI tests do.
func bangate(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Now: time.Now, Dir: t.TempDir(), CacheDir: t.TempDir()})
	return code, out.String(), errOut.String()
}

// token creates a token with `bangate token create` and returns it: the
// last line of its standard output.
func token(t *testing.T, role string, storeArgs ...string) string {
	t.Helper()
	code, out, errOut := bangate(t, append([]string{"token", "create", "--role", role}, storeArgs...)...)
	if code != 0 {
		t.Fatalf("token create: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

// process is `bangate serve` running as a child process (this test
// binary, run as the bangate command).
type process struct {
	cmd    *exec.Cmd
	url    string
	stderr *bytes.Buffer
}

// startServe starts `bangate serve` with args and waits until it listens.
func startServe(t *testing.T, listsDir string, args ...string) *process {
	t.Helper()
	args = append([]string{"serve", "--addr", "127.0.0.1:0", "--stale-lists", "warn", "--lists-dir", listsDir,
		"--rate-limit", "0", "--list-refresh", "0", "--log-level", "warn"}, args...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BANGATE_TEST_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, stderr: &bytes.Buffer{}}
	cmd.Stderr = &lockedWriter{w: p.stderr}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if _, addr, ok := strings.Cut(sc.Text(), "listening on "); ok {
				lines <- strings.Fields(addr)[0]
			}
		}
		close(lines)
	}()
	select {
	case u, ok := <-lines:
		if !ok {
			_ = cmd.Wait()
			t.Fatalf("bangate serve ended before listening: %s", p.stderr)
		}
		p.url = u
	case <-time.After(60 * time.Second):
		t.Fatalf("bangate serve did not listen within 60 s: %s", p.stderr)
	}
	return p
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// post sends a vendor check and returns the decision's id, or "" when
// it was not acknowledged.
func post(client *http.Client, url, tok string, body []byte) string {
	req, _ := http.NewRequest("POST", url+"/v1/checks?as_of=2024-10-01", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return ""
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		return ""
	}
	var d struct{ ID string }
	if json.NewDecoder(res.Body).Decode(&d) != nil {
		return ""
	}
	return d.ID
}

// load posts checks from several goroutines until stop is closed or each
// has sent max, and returns the acknowledged ids.
func load(client *http.Client, url, tok string, workers, max int, stop <-chan struct{}, acked chan<- string) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range max {
				select {
				case <-stop:
					return
				default:
				}
				name := "Acme Office Supply LLC"
				if (w+i)%3 == 0 {
					name = "Kaspersky Lab, Inc."
				}
				if id := post(client, url, tok, vendorJSON(name, "2024-10-01")); id != "" {
					acked <- id
				}
			}
		})
	}
	wg.Wait()
}

// After kill -9 in the middle of a load and a restart, every decision
// that was acknowledged is there and the log verifies.
func TestKillDuringLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	data, listsDir := t.TempDir(), t.TempDir()
	tok := token(t, "submitter", "--data-dir", data)
	p := startServe(t, listsDir, "--data-dir", data)
	client := &http.Client{Timeout: 30 * time.Second}
	acked := make(chan string, 10000)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { load(client, p.url, tok, 4, 200, stop, acked); close(done) }()
	// Kill once some decisions are acknowledged, with requests in flight.
	var ids []string
	for len(ids) < 20 {
		select {
		case id := <-acked:
			ids = append(ids, id)
		case <-time.After(60 * time.Second):
			t.Fatalf("only %d decisions acknowledged in 60 s: %s", len(ids), p.stderr)
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()
	close(stop)
	<-done
	close(acked)
	for id := range acked {
		ids = append(ids, id)
	}
	// Restart on the same data directory.
	p2 := startServe(t, listsDir, "--data-dir", data)
	for _, id := range ids {
		req, _ := http.NewRequest("GET", p2.url+"/v1/decisions/"+id, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("acknowledged decision %s: %d after the restart", id, res.StatusCode)
		}
	}
	// The restarted server appends after what survived.
	if id := post(client, p2.url, tok, vendorJSON("Acme Office Supply LLC", "2024-10-01")); id == "" {
		t.Fatalf("no check after the restart: %s", p2.stderr)
	}
	if err := p2.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := p2.cmd.Wait(); err != nil {
		t.Errorf("graceful stop: %v: %s", err, p2.stderr)
	}
	code, out, errOut := bangate(t, "log", "verify", "--data-dir", data)
	if code != 0 {
		t.Fatalf("log verify after kill -9: exit %d: %s%s", code, out, errOut)
	}
	t.Logf("%d decisions acknowledged before and around kill -9; %s", len(ids), strings.TrimSpace(out))
}

// Two server processes append to one PostgreSQL log at the same time:
// every acknowledged decision is in one unbroken chain.
func TestTwoServersOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	db := pg.URL(t)
	listsDir := t.TempDir()
	tok := token(t, "submitter", "--database", db)
	a := startServe(t, listsDir, "--database", db)
	b := startServe(t, listsDir, "--database", db)
	client := &http.Client{Timeout: 30 * time.Second}
	acked := make(chan string, 1000)
	var wg sync.WaitGroup
	for _, p := range []*process{a, b} {
		wg.Go(func() { load(client, p.url, tok, 2, 10, nil, acked) })
	}
	wg.Wait()
	close(acked)
	n := 0
	for range acked {
		n++
	}
	if n != 2*2*10 {
		t.Errorf("%d of %d checks acknowledged: %s %s", n, 2*2*10, a.stderr, b.stderr)
	}
	for _, p := range []*process{a, b} {
		_ = p.cmd.Process.Signal(os.Interrupt)
		if err := p.cmd.Wait(); err != nil {
			t.Errorf("graceful stop: %v", err)
		}
	}
	code, out, errOut := bangate(t, "log", "verify", "--database", db)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("intact: %d records", n)) {
		t.Fatalf("log verify: exit %d: %s%s", code, out, errOut)
	}
}

// An export verifies; editing one record makes `log verify --input` exit
// 1 naming it; the signed manifest is checked with the public key.
func TestExportEditedRecord(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	key := filepath.Join(dir, "k")
	if code, _, errOut := bangate(t, "evidence", "keygen", key); code != 0 {
		t.Fatal(errOut)
	}
	signer, err := evidence.LoadPrivateKey(key + ".key")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	l, err := store.Open(ctx, store.Options{DataDir: data, Signer: signer})
	if err != nil {
		t.Fatal(err)
	}
	ts := serverOn(t, l, nil)
	for i := range 6 {
		name := "Acme Office Supply LLC"
		if i == 3 {
			name = "Kaspersky Lab, Inc."
		}
		r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-10-01", "application/json", vendorJSON(name, "2024-10-01"))
		if r.status != http.StatusCreated {
			t.Fatalf("%d %s", r.status, r.body)
		}
	}
	if err := l.Close(ctx); err != nil { // writes the signed checkpoint of the head
		t.Fatal(err)
	}
	export := filepath.Join(dir, "q3.jsonl")
	if code, out, errOut := bangate(t, "log", "export", "--data-dir", data, "--sign-key", key+".key", "--since", "2020-01-01", "-o", export); code != 0 {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := bangate(t, "log", "verify", "--input", export, "--key", key+".pub"); code != 0 {
		t.Fatalf("verify export: %d %s %s", code, out, errOut)
	}
	b, _ := os.ReadFile(export)
	lines := strings.SplitAfter(string(b), "\n")
	if !strings.Contains(lines[3], `"outcome":"fail"`) {
		t.Fatalf("record 4 is not the failed one: %.200s", lines[3])
	}
	lines[3] = strings.Replace(lines[3], `"outcome":"fail"`, `"outcome":"pass"`, 1)
	edited := filepath.Join(dir, "edited.jsonl")
	os.WriteFile(edited, []byte(strings.Join(lines, "")), 0o644)
	code, out, errOut := bangate(t, "log", "verify", "--input", edited, "--manifest", export+".manifest.json", "--key", key+".pub")
	if code != 1 || !strings.Contains(errOut, "record 4 (id ") || !strings.Contains(errOut, "altered") {
		t.Fatalf("verify an edited export: exit %d, want 1 naming record 4: %s%s", code, out, errOut)
	}
	// The live log still verifies, with the key checking its checkpoints.
	if code, out, errOut := bangate(t, "log", "verify", "--data-dir", data, "--key", key+".pub"); code != 0 || !strings.Contains(out, "1 signatures verified") {
		t.Fatalf("verify the log: %d %s %s", code, out, errOut)
	}
}
