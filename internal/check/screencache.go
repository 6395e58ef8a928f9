package check

import (
	"slices"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/sbom"
)

// screenedName is a party name a screener screened: its matches and the
// roles it appeared in. It is held in its map by value, so that a look-up
// that finds the name and its role reads the map alone.
type screenedName struct {
	ms    []screen.Match
	roles roleSet
}

// roleSet is a set of roles: the common ones as bits (bit i for
// commonRoles[i]), any other listed.
type roleSet struct {
	bits  uint16
	other []string
}

// commonRoles are the roles a party name usually appears in.
var commonRoles = [...]string{
	sbom.RoleSupplier, sbom.RoleAuthor, sbom.RolePublisher, sbom.RoleManufacturer, sbom.RoleOriginator, sbom.RoleCreator,
	sbom.RoleLicensor, sbom.RoleVendor, roleOwner, attribute.SourceCopyright, sbom.RoleUnread,
}

// add adds role to the set, and reports whether it was not in it.
func (rs *roleSet) add(role string) bool {
	for i, r := range commonRoles {
		if r == role {
			if rs.bits&(1<<i) != 0 {
				return false
			}
			rs.bits |= 1 << i
			return true
		}
	}
	if slices.Contains(rs.other, role) {
		return false
	}
	rs.other = append(slices.Clip(rs.other), role)
	return true
}

// list returns the roles of the set.
func (rs roleSet) list() []string {
	var out []string
	for i, r := range commonRoles {
		if rs.bits&(1<<i) != 0 {
			out = append(out, r)
		}
	}
	return append(out, rs.other...)
}

// componentNamesMax bounds the component names a screener keeps: some
// 32,768 names with their matches (a few MiB at most). Components of one
// package at many versions, or in many places of a large SBOM, share a
// name; a document whose names are all distinct fills the cache once and
// then only looks names up.
const componentNamesMax = 1 << 15

// componentNameCache keeps the ban-list matches of the components' own
// names a screener screened, up to componentNamesMax of them.
type componentNameCache struct {
	m map[nameKey][]screen.Match
}

// matches screens a component's name, k, against the ban lists (Index.
// BanName), through the cache; a failed query is not kept.
func (c *componentNameCache) matches(ix *screen.Index, k nameKey) ([]screen.Match, error) {
	if ms, ok := c.m[k]; ok {
		return ms, nil
	}
	ms, err := ix.BanName(screen.Query{Name: k.name, Kind: k.kind})
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[nameKey][]screen.Match{}
	}
	if len(c.m) < componentNamesMax {
		c.m[k] = ms
	}
	return ms, nil
}
