package check

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/policies"
)

// builtinScreening indexes the built-in ban lists and the embedded
// snapshot.
func builtinScreening(t *testing.T) *Screening {
	t.Helper()
	ls, err := LoadLists(policies.FS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewScreening(ls, screen.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestScreenerParties: a name is one party whatever its kinds, with every
// role it appeared in, each once, sorted; distinctNames counts a name once
// per kind; names screened for ban-list brands only are no party.
func TestScreenerParties(t *testing.T) {
	a, b := newScreener(builtinScreening(t), nil, false), newScreener(builtinScreening(t), nil, false)
	for _, sig := range []attribute.Signal{
		{Type: attribute.ValueName, Source: "supplier", Value: "AO Kaspersky Lab", Kind: "organization"},
		{Type: attribute.ValueName, Source: "author", Value: "AO Kaspersky Lab"},
		{Type: attribute.ValueName, Source: "supplier", Value: "AO Kaspersky Lab", Kind: "organization"},
		{Type: attribute.ValueName, Source: attribute.SourcePURLOwner, Value: "com kaspersky", Kind: "organization"},
		{Type: attribute.ValueName, Source: attribute.SourceComponentName, Value: "kaspresso", Kind: "organization"},
	} {
		if _, err := a.signal(sig); err != nil {
			t.Fatal(err)
		}
	}
	for _, sig := range []attribute.Signal{
		{Type: attribute.ValueName, Source: "publisher", Value: "AO Kaspersky Lab", Kind: "organization"},
		{Type: attribute.ValueName, Source: "author", Value: "Jane Doe", Kind: "person"},
	} {
		if _, err := b.signal(sig); err != nil {
			t.Fatal(err)
		}
	}
	a.merge(b)
	parties, _, hits := a.screened()
	want := []ScreenedParty{{Name: "AO Kaspersky Lab", Roles: []string{"author", "publisher", "supplier"}}, {Name: "Jane Doe", Roles: []string{"author"}}}
	if !slices.EqualFunc(parties, want, func(x, y ScreenedParty) bool { return x.Name == y.Name && slices.Equal(x.Roles, y.Roles) }) {
		t.Errorf("parties %v, want %v", parties, want)
	}
	if n := a.distinctNames(); n != 3 {
		t.Errorf("distinctNames %d, want 3", n)
	}
	if hits != 3 {
		t.Errorf("hits %d, want 3 (the listed name as supplier, author and publisher)", hits)
	}
}

// TestComponentNameCacheBounded: component names are screened as BanName
// screens them, the first componentNamesMax kept, the others screened
// each time.
func TestComponentNameCacheBounded(t *testing.T) {
	ix := builtinScreening(t).Index
	var c componentNameCache
	for i := range componentNamesMax {
		if _, err := c.matches(ix, nameKey{name: "lib " + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	k := nameKey{name: "kaspersky sdk", kind: "organization"}
	want, err := ix.BanName(screen.Query{Name: k.name, Kind: k.kind})
	if err != nil || len(want) == 0 {
		t.Fatalf("BanName: %v, %v", want, err)
	}
	for range 2 {
		got, err := c.matches(ix, k)
		if err != nil || len(got) != len(want) || got[0].EntryID != want[0].EntryID {
			t.Fatalf("got %v, %v; want %v", got, err, want)
		}
	}
	if len(c.m) != componentNamesMax {
		t.Errorf("%d names kept, want %d", len(c.m), componentNamesMax)
	}
}

// TestHostCache: a host is what the shared-domain data says of it, kept
// or not.
func TestHostCache(t *testing.T) {
	shared, err := lists.LoadSharedDomains(policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	var c hostCache
	for i := range hostsMax {
		c.get(shared, "host"+strconv.Itoa(i)+".example.com")
	}
	for _, host := range []string{"github.com", "gmail.com", "sites.google.com", "someone.github.io", "kaspersky.com", "", "github.com"} {
		p, listed, ok := shared.Lookup(host)
		want := sharedHost{shared: ok, tenant: ok && lists.TenantHost(p, listed, host) != ""}
		if got := c.get(shared, host); got != want {
			t.Errorf("%q: %+v, want %+v", host, got, want)
		}
	}
	if !c.get(shared, "github.com").shared || c.get(nil, "kaspersky.com").shared {
		t.Error("github.com is not shared, or kaspersky.com is")
	}
}

// TestRunNamesShared: what one screener of an input screened, the other
// finds in the input's runNames; a failed query is not kept.
func TestRunNamesShared(t *testing.T) {
	s := builtinScreening(t)
	run := &runNames{}
	a, b := newScreener(s, nil, false), newScreener(s, nil, false)
	a.run, b.run = run, run
	sig := attribute.Signal{Type: attribute.ValueName, Source: "supplier", Value: "AO Kaspersky Lab", Kind: "organization"}
	want, err := a.signal(sig)
	if err != nil || len(want) == 0 {
		t.Fatalf("%v, %v", want, err)
	}
	if _, ok := run.m[runKey{nameKey: nameKey{sig.Value, sig.Kind}}]; !ok {
		t.Fatal("the name is not in the input's runNames")
	}
	got, err := b.signal(sig)
	if err != nil || len(got) != len(want) || got[0].EntryID != want[0].EntryID {
		t.Fatalf("the other screener: %v, %v; want %v", got, err, want)
	}
	fail := runKey{nameKey: nameKey{name: "x"}, ban: true}
	if _, err := run.matches(fail, func() ([]screen.Match, error) { return nil, errors.New("unreadable") }); err == nil {
		t.Fatal("no error")
	}
	if _, ok := run.m[fail]; ok {
		t.Error("a failed query was kept")
	}
	var none *runNames
	one := []screen.Match{want[0].Match}
	if ms, err := none.matches(fail, func() ([]screen.Match, error) { return one, nil }); err != nil || len(ms) != 1 {
		t.Errorf("a nil runNames: %v, %v", ms, err)
	}
}
