package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/monitor/monitortest"
	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/internal/store"
)

// The re-screen benchmarks: an inventory stored in PostgreSQL, re-screened
// after a week of OFAC changes (the SDN list of 2024-05-03, then the same
// with 12 entries added, 15 changed and 10 removed), diff-based and in
// full, by one server and by two sharing the database. They are heavy: run
// them one at a time, once each:
//
//	go test -run '^$' -bench 'BenchmarkRescreen' -benchtime 1x -timeout 2h ./internal/server/
//
// The sizes come from the environment (defaults in brackets):
// BANGATE_BENCH_VENDORS [1000000] stored vendor records,
// BANGATE_BENCH_SBOMS [10000] stored SBOMs of BANGATE_BENCH_COMPONENTS
// [1000] components, and, for the full re-screens (every subject checked
// again, as when the policies or thresholds change), BANGATE_BENCH_FULL_VENDORS
// [2000] and BANGATE_BENCH_FULL_SBOMS [40]. The data is synthetic, from a
// fixed seed; names of changed entries are planted in one vendor record in
// 100,000 and one SBOM in 1,000, so that the diff-based re-screen has
// subjects to check again.

// benchSize reads a size from the environment.
func benchSize(b *testing.B, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive count", name, v)
	}
	return n
}

// weekStates writes the SDN list of 2024-05-03 and a week later: the 12
// designations of 2024-06-21 added, 15 entries changed (a program added)
// and 10 removed. It returns the two import specs and the names of the
// changed and removed entries.
func weekStates(b *testing.B, dir string) (before, week monitortest.State, touched []string) {
	b.Helper()
	bs, as, err := monitortest.States(repoRoot, dir)
	if err != nil {
		b.Fatal(err)
	}
	sdn, err := os.ReadFile(filepath.Join(as.Dir, "sdn.csv"))
	if err != nil {
		b.Fatal(err)
	}
	alt, err := os.ReadFile(filepath.Join(as.Dir, "alt.csv"))
	if err != nil {
		b.Fatal(err)
	}
	rows := bytes.Split(bytes.TrimRight(sdn, "\x1a"), []byte("\r\n"))
	removed := map[string]bool{}
	var out [][]byte
	changed, dropped := 0, 0
	for i, row := range rows {
		id, rest, ok := bytes.Cut(row, []byte(`,"`))
		name, rest2, ok2 := bytes.Cut(rest, []byte(`",`))
		if !ok || !ok2 || i < 100 {
			out = append(out, row)
			continue
		}
		switch {
		case i%331 == 0 && dropped < 10:
			dropped++
			removed[string(id)] = true
			touched = append(touched, string(name))
			continue
		case i%337 == 0 && changed < 15:
			// The program field follows the type: `type,"PROGRAM",`.
			typ, prog, ok := bytes.Cut(rest2, []byte(`,"`))
			if ok {
				changed++
				touched = append(touched, string(name))
				row = slices.Concat(id, []byte(`,"`), name, []byte(`",`), typ, []byte(`,"`), []byte("RUSSIA-EO14024] ["), prog)
			}
		}
		out = append(out, row)
	}
	if changed != 15 || dropped != 10 {
		b.Fatalf("week: %d changed, %d removed; want 15 and 10", changed, dropped)
	}
	var keptAlt [][]byte
	for _, row := range bytes.Split(bytes.TrimRight(alt, "\x1a"), []byte("\r\n")) {
		if id, _, ok := bytes.Cut(row, []byte(",")); ok && removed[string(id)] {
			continue
		}
		keptAlt = append(keptAlt, row)
	}
	wdir := filepath.Join(dir, "week")
	if err := os.MkdirAll(wdir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(wdir, "sdn.csv"), append(bytes.Join(out, []byte("\r\n")), 0x1a), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(wdir, "alt.csv"), append(bytes.Join(keptAlt, []byte("\r\n")), 0x1a), 0o644); err != nil {
		b.Fatal(err)
	}
	return bs, monitortest.State{Dir: wdir, Published: as.Published}, touched
}

// benchNames makes company and person names from a fixed seed.
type benchNames struct {
	r *rand.Rand
}

var (
	nameWords = []string{"Northern", "Pacific", "Summit", "Cedar", "Harbor", "Granite", "Silver", "Atlas", "Beacon", "Crescent",
		"Delta", "Evergreen", "Falcon", "Golden", "Horizon", "Iron", "Juniper", "Keystone", "Liberty", "Meridian", "Nova", "Orchard",
		"Pioneer", "Quantum", "Redwood", "Sterling", "Trident", "Union", "Vertex", "Willow", "Zenith", "Apex", "Bright", "Coastal"}
	nameTrades = []string{"Office Supply", "Networks", "Software", "Logistics", "Systems", "Analytics", "Components", "Devices",
		"Consulting", "Security", "Cloud", "Data", "Industrial", "Medical", "Freight", "Energy", "Labs", "Solutions"}
	nameForms = []string{"LLC", "Inc.", "Ltd", "GmbH", "S.A.", "B.V.", "Corp.", "PLC", "Pty Ltd", "AB"}
	firsts    = []string{"Jane", "John", "Maria", "Wei", "Amara", "Lars", "Priya", "Tomás", "Yuki", "Olga", "Kwame", "Sofia"}
	lasts     = []string{"Doe", "Smith", "Garcia", "Chen", "Okafor", "Nilsson", "Patel", "Silva", "Tanaka", "Petrova", "Mensah", "Rossi"}
)

func (n benchNames) company() string {
	return fmt.Sprintf("%s %s %s %s", nameWords[n.r.IntN(len(nameWords))], nameWords[n.r.IntN(len(nameWords))],
		nameTrades[n.r.IntN(len(nameTrades))], nameForms[n.r.IntN(len(nameForms))])
}

func (n benchNames) person() string {
	return firsts[n.r.IntN(len(firsts))] + " " + lasts[n.r.IntN(len(lasts))]
}

// benchSBOM is a CycloneDX SBOM of n components whose suppliers and
// authors are drawn from the pools, and the parties it names.
func benchSBOM(r *rand.Rand, n int, orgs, people []string) ([]byte, []string) {
	var b bytes.Buffer
	names := map[string]bool{}
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}},"components":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		supplier, author := orgs[r.IntN(len(orgs))], people[r.IntN(len(people))]
		names[supplier], names[author] = true, true
		fmt.Fprintf(&b, `{"type":"library","bom-ref":"pkg:npm/lib-%d@1.%d.0","name":"lib-%d","version":"1.%d.0","purl":"pkg:npm/lib-%d@1.%d.0",`+
			`"supplier":{"name":%q},"author":%q,"licenses":[{"license":{"id":"MIT"}}]}`, i, i%50, i, i%50, i, i%50, supplier, author)
	}
	b.WriteString(`]}`)
	var out []string
	for n := range names {
		out = append(out, n)
	}
	slices.Sort(out)
	return b.Bytes(), out
}

// rescreenInventory is a kind of inventory to store: a generator of
// subjects (input, name, the parties its check screens).
type rescreenInventory struct {
	kind, ctype string
	gen         func(i int) (data []byte, parties []string)
}

// inventories are the vendor records and the SBOMs; touched names are
// planted in one vendor record in 100,000 and one SBOM in 1,000.
func inventories(b *testing.B, touched []string) []rescreenInventory {
	components := benchSize(b, "BANGATE_BENCH_COMPONENTS", 1000)
	nm := benchNames{r: rand.New(rand.NewPCG(1, 2))}
	var orgs, people []string
	for range 20000 {
		orgs = append(orgs, nm.company())
	}
	for range 2000 {
		people = append(people, nm.person())
	}
	vendor := func(i int) ([]byte, []string) {
		r := benchNames{r: rand.New(rand.NewPCG(3, uint64(i)))}
		name := r.company()
		if i%100000 == 99999 {
			name = touched[(i/100000)%len(touched)]
		}
		return vendorJSON(name, "2024-06-20"), []string{name}
	}
	sbom := func(i int) ([]byte, []string) {
		r := rand.New(rand.NewPCG(4, uint64(i)))
		if i%1000 == 999 {
			o := slices.Clone(orgs[:100])
			o[0] = touched[(i/1000)%len(touched)]
			return benchSBOM(r, components, o, people)
		}
		return benchSBOM(r, components, orgs, people)
	}
	return []rescreenInventory{{"vendors", "application/json", vendor}, {"sboms", "application/vnd.cyclonedx+json", sbom}}
}

// rescreenRig is a list store, a PostgreSQL database and the servers on it.
type rescreenRig struct {
	b        *testing.B
	storeDir string
	st       *lists.Store
	url      string
	before   monitortest.State
	week     monitortest.State
	servers  []*testServer
	lastJob  int64
}

func (rg *rescreenRig) server() *testServer {
	rg.b.Helper()
	ctx := context.Background()
	l, err := store.Open(ctx, store.Options{Database: rg.url, CheckpointEvery: -1})
	if err != nil {
		rg.b.Fatal(err)
	}
	rg.b.Cleanup(func() { _ = l.Close(ctx) })
	ts := serverOn(rg.b, l, func(o *server.Options) {
		o.Plan.Lists.StoreDir, o.Plan.Lists.MaxAge = rg.storeDir, 0
		o.Plan.Lists.Stale = check.StaleWarn
	})
	ts.noSchema = true
	rg.servers = append(rg.servers, ts)
	return ts
}

// seed checks subject 0 through the server (so that the kept row is what
// a check keeps), then stores n subjects like it, streamed in batches; with
// stale set, each is marked as checked under other settings, so that a
// re-screen checks every one again.
func (rg *rescreenRig) seed(ts *testServer, inv rescreenInventory, n int, stale bool) {
	b := rg.b
	b.Helper()
	ctx := context.Background()
	data, parties := inv.gen(0)
	tname := inv.kind + "-template"
	r := ts.do(server.RoleSubmitter, "POST", "/v1/checks?as_of=2024-06-20&name="+tname, inv.ctype, data)
	if r.status != http.StatusCreated {
		b.Fatalf("template check: %d %s", r.status, r.body)
	}
	var tmpl store.Kept
	if err := ts.log.Inventory(ctx, func(k store.Kept) error {
		if k.Name == tname {
			tmpl = k
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	var sub monitor.Subject
	if err := json.Unmarshal(tmpl.State, &sub); err != nil {
		b.Fatal(err)
	}
	got := slices.Sorted(slices.Values(sub.Names))
	if !slices.Equal(slices.Compact(got), parties) {
		b.Fatalf("the template's check screened %d names, the generator names %d: %q vs %q", len(got), len(parties), got[:min(5, len(got))], parties[:min(5, len(parties))])
	}
	start := time.Now()
	const batch = 500
	var ks []store.Kept
	var bytesIn int64
	for i := range n {
		data, parties := inv.gen(i)
		sum := sha256.Sum256(append(data, byte(i), byte(i>>8), byte(i>>16), byte(i>>24)))
		s := sub
		s.Key, s.Name, s.Names, s.SHA256 = hex.EncodeToString(sum[:]), fmt.Sprintf("%s-%d", inv.kind, i), parties, hex.EncodeToString(sum[:])
		if stale {
			s.Fingerprint = "other settings"
		}
		state, err := json.Marshal(s)
		if err != nil {
			b.Fatal(err)
		}
		bytesIn += int64(len(data) + len(state))
		ks = append(ks, store.Kept{Subject: s.Key, Name: s.Name, Plan: tmpl.Plan, Input: data, State: state, Updated: testNow, Lists: s.Lists})
		if len(ks) == batch || i == n-1 {
			if err := ts.log.KeepMany(ctx, ks); err != nil {
				b.Fatal(err)
			}
			ks = ks[:0]
		}
	}
	b.Logf("stored %d %s (%.0f MB of inputs and states) in %v", n, inv.kind, float64(bytesIn)/1e6, time.Since(start).Round(time.Second))
}

// rescreens counts the re-screen decisions in the log.
func (rg *rescreenRig) rescreens() int {
	db, err := sql.Open("pgx", rg.url)
	if err != nil {
		rg.b.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(context.Background(), "SELECT count(*) FROM decisions WHERE kind = 'rescreen'").Scan(&n); err != nil {
		rg.b.Fatal(err)
	}
	return n
}

// jobSpan is the time from the first run of the re-screen jobs after
// job ID after to the end of the last: the re-screen alone, without the
// indexing of the new lists that comes before it.
func (rg *rescreenRig) jobSpan(after int64) (time.Duration, int64) {
	db, err := sql.Open("pgx", rg.url)
	if err != nil {
		rg.b.Fatal(err)
	}
	defer db.Close()
	var first, last time.Time
	var maxID int64
	err = db.QueryRowContext(context.Background(), `SELECT min(attempted_at), max(finalized_at), max(id) FROM river_job
WHERE kind IN ('bangate.rescreen', 'bangate.rescreen-part') AND id > $1`, after).Scan(&first, &last, &maxID)
	if err != nil {
		rg.b.Fatal(err)
	}
	return last.Sub(first), maxID
}

// swap imports the other state of the list and has every server refresh
// at once, and returns how long until the re-screen was done.
func (rg *rescreenRig) swap(i int) time.Duration {
	spec := rg.week
	if i%2 == 1 {
		spec = rg.before // the week backwards: as many changes
	}
	if _, err := rg.st.Import(spec.Spec()); err != nil {
		rg.b.Fatal(err)
	}
	start := time.Now()
	var wg sync.WaitGroup
	for _, ts := range rg.servers {
		wg.Go(func() { ts.srv.RefreshLists(context.Background()) })
	}
	wg.Wait()
	return time.Since(start)
}

func newRescreenRig(b *testing.B) (*rescreenRig, []string) {
	dir := b.TempDir()
	before, week, touched := weekStates(b, dir)
	rg := &rescreenRig{b: b, storeDir: filepath.Join(dir, "lists"), url: pg.URL(b), before: before, week: week}
	var err error
	if rg.st, err = lists.OpenStore(rg.storeDir, func() time.Time { return testNow }); err != nil {
		b.Fatal(err)
	}
	if _, err := rg.st.Import(before.Spec()); err != nil {
		b.Fatal(err)
	}
	return rg, touched
}

// BenchmarkRescreen re-screens each inventory after a week of changes:
// diff-based (one server, then two sharing the database), and in full
// (every subject checked again) on a smaller inventory, reporting the
// cost per subject so that the ratio is per subject.
func BenchmarkRescreen(b *testing.B) {
	_, _, touched := weekStates(b, b.TempDir())
	for _, inv := range inventories(b, touched) {
		for _, mode := range []string{"diff", "full"} {
			n := benchSize(b, "BANGATE_BENCH_"+map[string]string{"vendors": "VENDORS", "sboms": "SBOMS"}[inv.kind], map[string]int{"vendors": 1000000, "sboms": 10000}[inv.kind])
			if mode == "full" {
				n = benchSize(b, "BANGATE_BENCH_FULL_"+map[string]string{"vendors": "VENDORS", "sboms": "SBOMS"}[inv.kind], map[string]int{"vendors": 2000, "sboms": 40}[inv.kind])
			}
			b.Run(fmt.Sprintf("%s/%s/n=%d", inv.kind, mode, n), func(b *testing.B) {
				rg, _ := newRescreenRig(b)
				first := rg.server()
				rg.seed(first, inv, n, mode == "full")
				for workers := 1; workers <= 2; workers++ {
					b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
						if workers == 2 && len(rg.servers) < 2 {
							rg.server()
						}
						var took, span time.Duration
						for i := range b.N {
							if mode == "full" && i+workers > 1 {
								b.StopTimer()
								rg.seed(first, inv, n, true)
								b.StartTimer()
							}
							before := rg.rescreens()
							took += rg.swap(i + workers - 1)
							d, last := rg.jobSpan(rg.lastJob)
							span, rg.lastJob = span+d, last
							b.ReportMetric(float64(rg.rescreens()-before), "rechecked")
						}
						// ns/subject and subjects/s are of the re-screen jobs
						// alone; s/swap is the whole refresh (indexing the new
						// lists included).
						b.ReportMetric(float64(span.Nanoseconds())/float64(b.N)/float64(n), "ns/subject")
						b.ReportMetric(float64(n)*float64(b.N)/span.Seconds(), "subjects/s")
						b.ReportMetric(took.Seconds()/float64(b.N), "s/swap")
					})
				}
			})
		}
	}
}
