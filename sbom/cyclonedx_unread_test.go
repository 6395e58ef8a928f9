package sbom_test

import (
	"sync"
	"testing"

	"github.com/bangate/bangate/sbom"
)

// TestCycloneDXUnread: a string under a member no CycloneDX reader reads
// is a party of role unread of the component (or subject) that holds it,
// else of the document, whichever decoder reads the text.
func TestCycloneDXUnread(t *testing.T) {
	t.Parallel()
	doc := []byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"x-top":"Top Co",
 "metadata":{"component":{"type":"application","bom-ref":"app","name":"app","vendor":"Meta Vendor"}},
 "components":[{"type":"library","bom-ref":"a","name":"a","supplier":{"name":"Acme","n\u0430me":"Hidden Co"},
   "components":[{"type":"library","bom-ref":"b","name":"b","x-maker":["One Co",{"deep":"Two Co"}]}]}],
 "services":[{"bom-ref":"s","name":"s","vendor":"Svc Co"}]}`)
	want := map[string]string{ // pointer → the component or subject holding it ("" the document)
		"/x-top":                                    "",
		"/metadata/component/vendor":                "app",
		"/components/0/supplier/n\u0430me":          "a",
		"/components/0/components/0/x-maker/0":      "b",
		"/components/0/components/0/x-maker/1/deep": "b",
		"/services/0/vendor":                        "s",
	}
	check := func(how string, d *sbom.Document, comps []sbom.Component) {
		got := map[string]string{}
		add := func(owner string, ps []sbom.Party) {
			for _, p := range ps {
				if p.Role == sbom.RoleUnread {
					got[p.Pointer] = owner
				}
			}
		}
		add("", d.Parties)
		if d.Subject != nil {
			add(d.Subject.Ref, d.Subject.Parties)
		}
		for _, c := range comps {
			add(c.Ref, c.Parties)
		}
		for p, owner := range want {
			if o, ok := got[p]; !ok || o != owner {
				t.Errorf("%s: %s held by %q (found %v), want %q", how, p, o, ok, owner)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d unread strings %v, want %d", how, len(got), got, len(want))
		}
	}
	d, err := sbom.Decode(doc, sbom.Options{Name: "t.cdx.json"})
	if err != nil {
		t.Fatal(err)
	}
	check("Decode", d, d.Components)
	var sink collect
	d, _, err = sbom.DecodeEach(doc, sbom.Options{Name: "t.cdx.json"}, &sink)
	if err != nil {
		t.Fatal(err)
	}
	check("DecodeEach", d, sink.comps)
}

// collect is a Sink that keeps every component.
type collect struct {
	mu    sync.Mutex
	comps []sbom.Component
}

func (c *collect) Batch(_, _ int, comps []sbom.Component) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.comps = append(c.comps, comps...)
	return nil
}

func (c *collect) Reset() { c.comps = nil }
