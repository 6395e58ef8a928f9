package lists_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

func TestLoadBanLists(t *testing.T) {
	t.Parallel()
	got, err := lists.LoadBanLists(os.DirFS("testdata/bundle"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d lists, want 2", len(got))
	}
	k, n := got[0], got[1]
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	wantProv := provenance.List{
		ID: "kaspersky", Kind: provenance.KindBan, Title: "Kaspersky Lab covered entities",
		SourceURL: "https://www.federalregister.gov/d/2024-13532",
		Published: day("2024-06-24"), Retrieved: day("2026-11-27"),
		SHA256: sha256File(t, "testdata/bundle/bangate/lists/kaspersky.yaml"), Entries: 1,
	}
	if diff := cmp.Diff(wantProv, k.Provenance); diff != "" {
		t.Errorf("kaspersky provenance (-want +got):\n%s", diff)
	}
	wantK := []lists.Entry{{
		ID: "kaspersky-lab", List: "kaspersky", Name: "Kaspersky Lab, Inc.", Type: "entity",
		Aliases: []lists.Alias{
			{Name: "AO Kaspersky Lab", Type: "parent"}, {Name: "OOO Kaspersky Group", Type: "affiliate"},
			{Name: "Kaspersky Lab ZAO", Type: "fka"}, {Name: "Лаборатория Касперского", Type: "aka"},
		},
		Brands:         []string{"kaspersky"},
		Domains:        []string{"kaspersky.com", "kaspersky-labs.com"},
		PurlNamespaces: []string{"maven:com.kaspersky", "npm:@kaspersky", "golang:github.com/kasperskylab"},
		CPEVendors:     []string{"kaspersky", "kaspersky_lab"},
	}}
	if diff := cmp.Diff(wantK, k.Entries); diff != "" {
		t.Errorf("kaspersky entries (-want +got):\n%s", diff)
	}
	wantN := []lists.Entry{
		{
			ID: "huawei", List: "ndaa889", Name: "Huawei Technologies Company", Type: "entity",
			Aliases: []lists.Alias{{Name: "HiSilicon", Type: "subsidiary"}, {Name: "Huawei Technologies Co., Ltd.", Type: "aka"}},
			Domains: []string{"huawei.com"},
		},
		{ID: "zte", List: "ndaa889", Name: "ZTE Corporation", Type: "entity", Brands: []string{"zte"}},
	}
	if diff := cmp.Diff(wantN, n.Entries); diff != "" {
		t.Errorf("ndaa889 entries (-want +got):\n%s", diff)
	}
	if n.Provenance.Kind != provenance.KindBan || !n.Provenance.Retrieved.IsZero() {
		t.Errorf("ndaa889 provenance = %+v", n.Provenance)
	}
}

func TestLoadBanListsEmptyBundle(t *testing.T) {
	t.Parallel()
	got, err := lists.LoadBanLists(fstest.MapFS{"bangate/rules/x/x.rego": {Data: []byte("package x")}})
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v; want no lists and no error", got, err)
	}
}

func TestLoadBanListsBad(t *testing.T) {
	t.Parallel()
	const head = "x:\n  source_url: https://example.gov/\n  published: \"2024-01-01\"\n"
	tests := []struct {
		name string
		file string
		doc  string
		want string
	}{
		{"not yaml", "x.yaml", "x: [", "parse bangate/lists/x.yaml: yaml:"},
		{"empty", "x.yaml", "", "not a YAML mapping"},
		{"a list", "x.yaml", "- a\n", "not a YAML mapping"},
		{"two keys", "x.yaml", "x: {}\ny: {}\n", "line 1: want exactly one top-level key"},
		{"key not file name", "y.yaml", head, "line 1: the top-level key is not the file name y"},
		{"duplicate key", "x.yaml", head + "  published: \"2024-01-02\"\n", "yaml: line 4: a key is defined twice"},
		{"no published", "x.yaml", "x:\n  source_url: u\n  entries: {a: {name: A}}\n", "published must be a date"},
		{"bad published", "x.yaml", strings.Replace(head, "2024-01-01", "01/01/2024", 1) + "  entries: {a: {name: A}}\n", "published must be a date"},
		{"bad reviewed", "x.yaml", head + "  reviewed: soon\n  entries: {a: {name: A}}\n", "reviewed must be a date"},
		{"no source", "x.yaml", "x:\n  published: \"2024-01-01\"\n  entries: {a: {name: A}}\n", "no source_url"},
		{"bad kind", "x.yaml", head + "  kind: sanctions\n  entries: {a: {name: A}}\n", "unknown kind"},
		{"no entries", "x.yaml", head, "entries must be a non-empty mapping"},
		{"entries a list", "x.yaml", head + "  entries: [a]\n", "entries must be a non-empty mapping"},
		{"entry without name", "x.yaml", head + "  entries:\n    a: {type: entity}\n", "line 5: entry: no name"},
		{"entry bad type", "x.yaml", head + "  entries:\n    a: {name: A, type: company}\n", "line 5: entry: unknown type"},
		{"alias bad type", "x.yaml", head + "  entries:\n    a: {name: A, aliases: [{name: B, type: cousin}]}\n", "entry: aliases[0]: unknown type"},
		{"alias no name", "x.yaml", head + "  entries:\n    a: {name: A, aliases: [{type: aka}]}\n", "alias without a name"},
		{"aliases not a list", "x.yaml", head + "  entries:\n    a: {name: A, aliases: B}\n", "entry: yaml: line 5: wrong type"},
		{"unquoted comma in alias", "x.yaml", head + "  entries:\n    a: {name: A, aliases: [{name: A Co., Ltd., type: aka}]}\n", "line 5: an alias has a key other than name and type"},
		{"alias a string", "x.yaml", head + "  entries:\n    a: {name: A, aliases: [B]}\n", "alias must be a mapping"},
		{"brand two words", "x.yaml", head + "  entries:\n    a: {name: A, brands: [a b]}\n", "a brand must be one word"},
		{"domain with scheme", "x.yaml", head + "  entries:\n    a: {name: A, domains: [\"https://a.com\"]}\n", "domains[0] is not a bare domain name"},
		{"domain with www", "x.yaml", head + "  entries:\n    a: {name: A, domains: [www.a.com]}\n", "domains[0] is not a bare domain name"},
		{"purl no ecosystem", "x.yaml", head + "  entries:\n    a: {name: A, purl_namespaces: [com.a]}\n", "purl_namespaces[0] is not ecosystem:namespace"},
		{"cpe with colon", "x.yaml", head + "  entries:\n    a: {name: A, cpe_vendors: [\"a:b\"]}\n", "cpe_vendors[0] is not a CPE vendor string"},
		{"alias bomb", "x.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n", "want exactly one top-level key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"bangate/lists/" + tt.file: {Data: []byte(tt.doc)}}
			_, err := lists.LoadBanLists(fsys)
			if err == nil {
				t.Fatal("want error")
			}
			if !errors.Is(err, lists.ErrMalformed) || !strings.HasPrefix(err.Error(), "parse bangate/lists/"+tt.file+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadBanListsDuplicateID(t *testing.T) {
	t.Parallel()
	doc := []byte("x:\n  source_url: u\n  published: \"2024-01-01\"\n  entries: {a: {name: A}}\n")
	_, err := lists.LoadBanLists(fstest.MapFS{
		"bangate/lists/x.yaml": {Data: doc},
		"bangate/lists/x.yml":  {Data: doc},
	})
	if err == nil || !strings.Contains(err.Error(), "list id x is also defined in bangate/lists/x.yaml") {
		t.Errorf("error = %v", err)
	}
}
