package evidence_test

import (
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/policies"
)

var asOf = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

var checkedAt = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

var tool = decision.Tool{Name: "bangate", Version: "test", OPAVersion: policy.OPAVersion(), BundleVersion: policies.Version}

// userPolicy is a user policy directory with a rule that denies SDN
// matches (testdata/policy).
var userPolicy = filepath.Join("testdata", "policy")

// cache shares compiled bundles and indexes between the tests' sessions.
var cache = check.NewCache()

// banLists loads the built-in ban lists once.
var banLists = sync.OnceValues(func() ([]*lists.List, error) { return lists.LoadBanLists(policies.FS) })

// sdnFiles are the files of one testdata SDN excerpt.
func sdnFiles(t testing.TB, dir string) map[string]lists.Source {
	t.Helper()
	files := map[string]lists.Source{}
	for role, name := range map[string]string{lists.RolePrimary: "sdn.csv", lists.RoleAlt: "alt.csv", lists.RoleAdd: "add.csv", lists.RoleComments: "sdn_comments.csv"} {
		p := filepath.Join("testdata", dir, name)
		if _, err := os.Stat(p); err == nil {
			files[role] = lists.FileSource(p)
		}
	}
	return files
}

// importSDN imports a testdata SDN excerpt as list ofac-sdn into the list
// store at dir and returns it.
func importSDN(t testing.TB, dir, excerpt string, published time.Time) *lists.List {
	t.Helper()
	st, err := lists.OpenStore(dir, func() time.Time { return published })
	if err != nil {
		t.Fatal(err)
	}
	l, err := st.Import(lists.ImportSpec{
		Meta:   provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions, Title: "OFAC SDN (test excerpt)", SourceURL: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV", Published: published},
		Format: lists.FormatOFACLegacy, Files: sdnFiles(t, excerpt), AllowShrink: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// testPlan is the plan the tests check with: the built-in bundle and the
// test rules, federal-contractor as of asOf.
func testPlan() check.Plan {
	opts := screen.DefaultOptions()
	return check.Plan{Profile: "federal-contractor", AsOf: asOf, FailOn: "low",
		Screening:   check.Thresholds{Match: opts.Match, Review: opts.Review},
		PolicyInput: check.PolicyInputDiet, MaxListed: 50, Input: check.InputPlan{Kind: check.KindAuto, MaxSize: 1 << 20},
		Waivers:  check.WaiverPlan{WarnDays: 30},
		Policies: check.PolicyPlan{Dirs: []string{userPolicy}},
		Lists:    check.ListPlan{MaxAge: check.Duration(3 * 365 * 24 * time.Hour), Stale: check.StaleError}}
}

// checkFiles checks the named testdata inputs against the ban lists and
// sdn, as the CLI does.
func checkFiles(t testing.TB, sdn *lists.List, names ...string) evidence.Check {
	t.Helper()
	return checkPlan(t, testPlan(), sdn, names...)
}

// checkPlan checks the named testdata inputs under plan against the ban
// lists and sdn.
func checkPlan(t testing.TB, plan check.Plan, sdn *lists.List, names ...string) evidence.Check {
	t.Helper()
	bans, err := banLists()
	if err != nil {
		t.Fatal(err)
	}
	ls := append(append([]*lists.List{}, bans...), sdn)
	sess, err := check.NewSession(context.Background(), plan, check.Sources{Builtin: policies.FS, Lists: ls, Cache: cache, Tool: tool,
		Now: func() time.Time { return checkedAt }})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join("testdata", n))
	}
	inputs := check.ReadInputs(paths, nil, plan.Input.MaxSize)
	return evidence.Check{Session: sess, Run: sess.Run(context.Background(), inputs), CheckedAt: checkedAt}
}

// testKey returns a deterministic key pair for tests.
func testKey(t testing.TB, seed byte) (*evidence.Signer, *evidence.Verifier, []byte) {
	t.Helper()
	s := make([]byte, ed25519.SeedSize)
	for i := range s {
		s[i] = seed
	}
	priv := ed25519.NewKeyFromSeed(s)
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := evidence.ParsePrivateKey(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), "test key")
	if err != nil {
		t.Fatal(err)
	}
	pder, err := x509.MarshalPKIXPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pder})
	v, err := evidence.ParsePublicKey(pubPEM, "test key")
	if err != nil {
		t.Fatal(err)
	}
	return signer, v, pubPEM
}

// openStore opens an evidence store in a fresh directory.
func openStore(t testing.TB) *evidence.Store {
	t.Helper()
	st, err := evidence.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// write records c in st and opens the record.
func write(t testing.TB, st *evidence.Store, c evidence.Check, signer *evidence.Signer) ([]byte, *evidence.Record) {
	t.Helper()
	env, id, err := evidence.Write(context.Background(), st, c, signer)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := evidence.Open(env, "record")
	if err != nil {
		t.Fatal(err)
	}
	if rec.ID != id {
		t.Fatalf("record ID %s, Write said %s", rec.ID, id)
	}
	return env, rec
}
