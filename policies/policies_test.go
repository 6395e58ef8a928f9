package policies_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/bangate/bangate/policies"
)

// loadEmbedded loads the embedded bundle the way the engine must: root ".".
func loadEmbedded(t testing.TB) *loader.Result {
	t.Helper()
	res, err := loader.NewFileLoader().
		WithFS(policies.FS).
		WithProcessAnnotation(true).
		WithRegoVersion(ast.RegoV1).
		All([]string{"."})
	if err != nil {
		t.Fatalf("load embedded bundle: %v", err)
	}
	return res
}

// TestRegoTests runs every Rego test of the embedded bundle, as
// `opa test policies/` does, with builtin errors raised (as the engine's
// strict evaluation does), and fails on any failing, erroring or missing test.
func TestRegoTests(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	res := loadEmbedded(t)
	modules := res.ParsedModules()

	want := map[string]bool{}
	for _, m := range modules {
		for _, r := range m.Rules {
			name := r.Head.Name.String()
			if r.Head.Name == "" && len(r.Head.Reference) > 0 {
				name = r.Head.Reference[len(r.Head.Reference)-1].Value.String()
			}
			if strings.HasPrefix(name, "test_") {
				want[m.Package.Path.String()+"."+name] = true
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no Rego tests found in the embedded bundle")
	}

	store := inmem.NewFromObject(res.Documents)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		t.Fatalf("open transaction: %v", err)
	}
	defer store.Abort(ctx, txn)

	// OPA's tester gives each test 5 s by default; under -race on a busy
	// 2-core machine the profile-wide tests take longer. Time is not what
	// these tests check.
	ch, err := tester.NewRunner().
		SetTimeout(2*time.Minute).
		SetStore(store).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true).
		RunTests(ctx, txn)
	if err != nil {
		t.Fatalf("run Rego tests: %v", err)
	}
	ran := map[string]bool{}
	for r := range ch {
		name := r.Package + "." + r.Name
		ran[name] = true
		switch {
		case r.Error != nil:
			t.Errorf("%s: error: %v", name, r.Error)
		case r.Fail:
			t.Errorf("%s: FAIL at %v\n%s", name, r.FailedAt, r.Output)
		case r.Skip:
			t.Errorf("%s: skipped (todo_ tests are not allowed in the shipped bundle)", name)
		}
	}
	for name := range want {
		if !ran[name] {
			t.Errorf("%s: defined but not run", name)
		}
	}
	t.Logf("%d Rego tests ran", len(ran))
}

// TestDataPaths checks style trap 1: the embedded bundle puts the ban lists
// at data.bangate.lists.<id>, the profiles at data.bangate.profiles and the
// sanctions data at data.bangate.sanctions and data.bangate.embargo, and
// loading the directory from disk (what `opa test policies/` does) gives
// the same documents and the same packages.
func TestDataPaths(t *testing.T) {
	t.Parallel()
	res := loadEmbedded(t)

	bangateDoc, ok := res.Documents["bangate"].(map[string]any)
	if !ok {
		t.Fatalf("data.bangate missing; top-level keys: %v", keys(res.Documents))
	}
	if got, want := keys(res.Documents), []string{"bangate"}; !cmp.Equal(got, want) {
		t.Errorf("top-level data keys = %v, want %v", got, want)
	}
	lists, ok := bangateDoc["lists"].(map[string]any)
	if !ok {
		t.Fatalf("data.bangate.lists missing; data.bangate keys: %v", keys(bangateDoc))
	}
	if diff := cmp.Diff([]string{"fcc-covered", "kaspersky", "ndaa889"}, keys(lists)); diff != "" {
		t.Errorf("data.bangate.lists ids (-want +got):\n%s", diff)
	}
	for id, l := range lists {
		m, ok := l.(map[string]any)
		if !ok || m["kind"] != "ban" {
			t.Errorf("data.bangate.lists.%s: kind is not \"ban\"", id)
		}
		if _, ok := m["entries"].(map[string]any); !ok {
			t.Errorf("data.bangate.lists.%s.entries is not an object", id)
		}
	}
	profiles, ok := bangateDoc["profiles"].(map[string]any)
	if !ok {
		t.Fatalf("data.bangate.profiles missing; data.bangate keys: %v", keys(bangateDoc))
	}
	if diff := cmp.Diff([]string{"all", "eu-person", "exporter", "federal-contractor", "telecom-carrier", "uk-person", "us-person"}, keys(profiles)); diff != "" {
		t.Errorf("data.bangate.profiles (-want +got):\n%s", diff)
	}
	// The sanctions rule sets read their data at data.bangate.sanctions
	// (programs.yaml, regimes.yaml, name_only.yaml) and
	// data.bangate.embargo (regions.yaml); Go screening and the policies
	// both read the shared domains at data.bangate.domains.
	if diff := cmp.Diff([]string{"domains", "embargo", "lists", "profiles", "sanctions"}, keys(bangateDoc)); diff != "" {
		t.Errorf("data.bangate keys (-want +got):\n%s", diff)
	}
	if s, ok := bangateDoc["sanctions"].(map[string]any); !ok || s["non_sdn"] == nil || s["orders"] == nil || s["csl_sources"] == nil || s["regimes"] == nil || s["name_only"] == nil {
		t.Errorf("data.bangate.sanctions lacks orders, non_sdn, csl_sources, regimes or name_only")
	}
	if d, ok := bangateDoc["domains"].(map[string]any); !ok || d["shared"] == nil {
		t.Errorf("data.bangate.domains.shared missing")
	}
	if e, ok := bangateDoc["embargo"].(map[string]any); !ok {
		t.Errorf("data.bangate.embargo missing")
	} else if r, ok := e["regions"].([]any); !ok || len(r) == 0 {
		t.Errorf("data.bangate.embargo.regions is not a non-empty list")
	}

	disk, err := loader.NewFileLoader().
		WithProcessAnnotation(true).
		WithRegoVersion(ast.RegoV1).
		Filtered([]string{"."}, func(abspath string, info fs.FileInfo, depth int) bool {
			// Skip what is not bundle content: Go test data lives beside it.
			return info.IsDir() && depth > 0 && info.Name() == "testdata"
		})
	if err != nil {
		t.Fatalf("load policies directory: %v", err)
	}
	if diff := cmp.Diff(disk.Documents, res.Documents); diff != "" {
		t.Errorf("data differs between disk and embedded bundle (-disk +embedded):\n%s", diff)
	}
	if diff := cmp.Diff(packages(disk), packages(res)); diff != "" {
		t.Errorf("packages differ between disk and embedded bundle (-disk +embedded):\n%s", diff)
	}
}

// TestEmbeddedFiles checks that the embed pattern misses no bundle file.
func TestEmbeddedFiles(t *testing.T) {
	t.Parallel()
	onDisk := bundleFiles(t, os.DirFS("."))
	embedded := bundleFiles(t, policies.FS)
	if len(onDisk) == 0 {
		t.Fatal("no bundle files on disk")
	}
	if diff := cmp.Diff(onDisk, embedded); diff != "" {
		t.Errorf("embedded files differ from disk (-disk +embedded):\n%s", diff)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	if !regexp.MustCompile(`^[0-9]{4}\.[0-9]{2}\.[0-9]{2}$`).MatchString(policies.Version) {
		t.Errorf("Version = %q, want YYYY.MM.DD", policies.Version)
	}
}

func bundleFiles(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(fsys, "bangate", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := path.Ext(p); !d.IsDir() && (ext == ".rego" || ext == ".yaml") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk bundle: %v", err)
	}
	sort.Strings(out)
	return out
}

func packages(res *loader.Result) []string {
	seen := map[string]bool{}
	for _, m := range res.Modules {
		seen[m.Parsed.Package.Path.String()] = true
	}
	return keys(seen)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
