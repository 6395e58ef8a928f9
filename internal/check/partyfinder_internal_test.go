package check

import (
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/sbom"
)

// TestPartyFinder: a component's signal finds its party the same whether
// the finder reads its parties through or, past partyScan, by pointer: a
// name by pointer, role and name; an address by pointer alone; the
// component's own fields none.
func TestPartyFinder(t *testing.T) {
	for _, n := range []int{3, partyScan + 1, 200} {
		var parties []sbom.Party
		for i := range n {
			p := fmt.Sprintf("/components/0/authors/%d", i)
			parties = append(parties, sbom.Party{Role: sbom.RoleAuthor, Name: fmt.Sprintf(" Author %d ", i), Pointer: p})
		}
		// A second party at the pointer of the last: the name tells them
		// apart.
		last := parties[n-1].Pointer
		parties = append(parties, sbom.Party{Role: sbom.RoleSupplier, Name: "Supplier", Pointer: last})
		f := newPartyFinder(parties)
		if (f.byPointer != nil) != (len(parties) > partyScan) {
			t.Errorf("%d parties: indexed %v", len(parties), f.byPointer != nil)
		}
		for _, tt := range []struct {
			sig  attribute.Signal
			want int
		}{
			{attribute.Signal{Source: sbom.RoleAuthor, Type: attribute.ValueName, Value: "Author 0", Pointer: parties[0].Pointer}, 0},
			{attribute.Signal{Source: sbom.RoleAuthor, Type: attribute.ValueName, Value: fmt.Sprintf("Author %d", n-1), Pointer: last}, n - 1},
			{attribute.Signal{Source: sbom.RoleSupplier, Type: attribute.ValueName, Value: "Supplier", Pointer: last}, n},
			{attribute.Signal{Source: sbom.RoleSupplier, Type: attribute.ValueName, Value: "Author 0", Pointer: parties[0].Pointer}, -1},
			{attribute.Signal{Source: attribute.SourceEmail, Type: attribute.ValueEmail, Value: "a@example.org", Pointer: parties[1].Pointer}, 1},
			{attribute.Signal{Source: attribute.SourceURL, Type: attribute.ValueURL, Value: "example.org", Pointer: "/components/0/externalReferences/0"}, -1},
			{attribute.Signal{Source: attribute.SourcePURL, Type: attribute.ValueNamespace, Value: "org", Pointer: parties[0].Pointer}, -1},
		} {
			if got := f.of(tt.sig); got != tt.want {
				t.Errorf("%d parties: of(%+v) = %d, want %d", len(parties), tt.sig, got, tt.want)
			}
		}
	}
}
