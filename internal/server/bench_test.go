package server_test

import (
	"bytes"
	"context"
	"fmt"
	"github.com/bangate/bangate/internal/benchcpu"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/policies"
)

// sbomOf writes a CycloneDX 1.5 SBOM of n components shaped like syft's
// output, suppliers from a few hundred organisations; one component in
// 500 has a Kaspersky supplier.
func sbomOf(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}},"components":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		supplier := fmt.Sprintf("Example Org %d Ltd", i%300)
		if i%500 == 7 {
			supplier = "AO Kaspersky Lab"
		}
		fmt.Fprintf(&b, `{"type":"library","bom-ref":"pkg:npm/lib-%d@1.%d.0","name":"lib-%d","version":"1.%d.0","purl":"pkg:npm/lib-%d@1.%d.0",`+
			`"supplier":{"name":%q,"url":["https://org%d.example.com"]},"author":"Jane Doe %d","hashes":[{"alg":"SHA-256","content":"%064d"}],`+
			`"licenses":[{"license":{"id":"MIT"}}]}`, i, i%50, i, i%50, i, i%50, supplier, i%300, i%1000, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// loadBench posts the bodies body(0), body(1), … (warm: the first warm
// of them once before timing) to url from several clients at once, over
// keep-alive connections, and reports checks/s and p50/p99 latency;
// setHeaders adds the headers of a request, want is the status of an
// answer. With inProcess (the server runs in this process) it also
// reports the process's CPU time per check (cpu-ms/check, the clients'
// included): on a machine shared with other work, checks/s falls with
// the load while that stays, and the cores divided by it bound checks/s.
func loadBench(b *testing.B, url string, body func(i int) []byte, warm, clients int, setHeaders func(*http.Request), want int, inProcess bool) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr}
	b.Cleanup(tr.CloseIdleConnections)
	post := func(body []byte) (time.Duration, error) {
		req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
		setHeaders(req)
		start := time.Now()
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			return 0, fmt.Errorf("status %d", res.StatusCode)
		}
		return time.Since(start), nil
	}
	for i := range warm { // warm the session and the connections
		if _, err := post(body(i)); err != nil {
			b.Fatal(err)
		}
	}
	var (
		mu  sync.Mutex
		lat []time.Duration
	)
	b.ResetTimer()
	start, cpuStart := time.Now(), benchcpu.Used(b)
	work := make(chan int)
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			var mine []time.Duration
			for i := range work {
				d, err := post(body(warm + i))
				if err != nil {
					b.Error(err)
					continue
				}
				mine = append(mine, d)
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	for i := range b.N {
		work <- i
	}
	close(work)
	wg.Wait()
	elapsed, cpu := time.Since(start), benchcpu.Used(b)-cpuStart
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) == 0 {
		return
	}
	q := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "checks/s")
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	if inProcess {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms/check")
	}
	b.ReportMetric(0, "ns/op")
}

// cycle returns the bodies in turn.
func cycle(bodies [][]byte) func(int) []byte {
	return func(i int) []byte { return bodies[i%len(bodies)] }
}

// benchChecks posts body(0), body(1), … (the first warm before timing)
// to a server on a real SQLite log over real HTTP (keep-alive), from
// several clients at once, every request in the
// access log (JSON, discarded), the job queue polled as bangate serve
// polls it; it reports checks/s and p50/p99 latency.
func benchChecks(b *testing.B, path, ctype string, body func(int) []byte, warm, clients int) {
	ts := newServer(b, "", func(o *server.Options) {
		o.MaxRequestSize, o.LogMaxInput = 8<<20, 4<<20
		o.AccessLog = slog.New(slog.NewJSONHandler(io.Discard, nil))
		// Poll the job queue as bangate serve does (river's default, 1s),
		// not every 20 ms as the tests do: that polling was some 6% of
		// the process's CPU, counted against the checks.
		o.JobPoll = 0
	})
	tok := ts.tokens[server.RoleSubmitter]
	loadBench(b, ts.http.URL+path, body, warm, clients, func(req *http.Request) {
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", ctype)
	}, http.StatusCreated, true)
}

// BenchmarkVendorCheck is the vendor check of a procurement system: one
// vendor record per request (one in ten a Kaspersky reseller that fails,
// each under a contract of its own: no two of those policy inputs are
// the same).
func BenchmarkVendorCheck(b *testing.B) {
	benchChecks(b, "/v1/checks?as_of=2024-10-01", "application/json", func(i int) []byte {
		if i%10 == 3 {
			return vendorContractJSON("Kaspersky Lab, Inc.", fmt.Sprintf("PO-%d", i), "2024-10-01")
		}
		return vendorJSON(fmt.Sprintf("Northwind Office Supply %d LLC", i%10), "2024-10-01")
	}, 10, 16)
}

// BenchmarkSBOM1000 checks SBOMs of 1,000 components.
func BenchmarkSBOM1000(b *testing.B) {
	benchChecks(b, "/v1/checks?as_of=2024-10-01", "application/vnd.cyclonedx+json", cycle([][]byte{sbomOf(1000)}), 1, 4)
}

// BenchmarkScreen is the path every request takes without the policy
// evaluation: HTTP, token, screening two names, the decision document,
// the log append and the access log.
func BenchmarkScreen(b *testing.B) {
	benchChecks(b, "/v1/screen", "application/json", cycle([][]byte{[]byte(`{"names":["Northwind Office Supply LLC","Andrei Gennadyevich Tikhonov"]}`)}), 1, 16)
}

// vendorAsSBOM is the vendor check's request for the baseline policy,
// which reads SBOM parties: the vendor as the supplier of one component.
func vendorAsSBOM(name string) []byte {
	return fmt.Appendf(nil, `{"input":{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"application","bom-ref":"c","name":"Endpoint security licence","version":"1","supplier":{"name":%q}}]}}`, name)
}

// BenchmarkOPAServer sends the same requests to OPA's own server
// evaluating the baseline policy (bench/policy/fast), at the URL in
// BANGATE_BENCH_OPA (bench/serve.sh starts it); skipped without it.
func BenchmarkOPAServer(b *testing.B) {
	url := os.Getenv("BANGATE_BENCH_OPA")
	if url == "" {
		b.Skip("BANGATE_BENCH_OPA is not set: run bench/serve.sh")
	}
	json := func(r *http.Request) { r.Header.Set("Content-Type", "application/json") }
	b.Run("vendor", func(b *testing.B) {
		var bodies [][]byte
		for i := range 10 {
			name := fmt.Sprintf("Northwind Office Supply %d LLC", i)
			if i == 3 {
				name = "Kaspersky Lab, Inc."
			}
			bodies = append(bodies, vendorAsSBOM(name))
		}
		loadBench(b, url+"/v1/data/gate/deny", cycle(bodies), len(bodies), 16, json, http.StatusOK, false)
	})
	b.Run("sbom1000", func(b *testing.B) {
		loadBench(b, url+"/v1/data/gate/deny", cycle([][]byte{append(append([]byte(`{"input":`), sbomOf(1000)...), '}')}), 1, 4, json, http.StatusOK, false)
	})
}

// BenchmarkSessionRun is the pipeline alone on one vendor record (parse,
// screen, evaluate the policies), what bounds the vendor checks a server
// answers per core. The same record again is decided from the engine's
// memo of recent decisions; the "new" runs give each Kaspersky record a
// contract of its own, so that each is evaluated.
func BenchmarkSessionRun(b *testing.B) {
	sess, err := check.NewSession(context.Background(), testPlan(), check.Sources{Builtin: policies.FS, Cache: sessions, Tool: decision.Tool{Name: "bangate"}})
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"Northwind Office Supply LLC", "Kaspersky Lab, Inc."} {
		body := vendorJSON(name, "2024-10-01")
		b.Run(strings.Fields(name)[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sess.Run(context.Background(), []check.Input{{Path: "vendor.json", Data: body}})
			}
		})
	}
	b.Run("Kaspersky-new", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i++
			body := vendorContractJSON("Kaspersky Lab, Inc.", fmt.Sprintf("PO-%d", i), "2024-10-01")
			sess.Run(context.Background(), []check.Input{{Path: "vendor.json", Data: body}})
		}
	})
}
