package check

import (
	"strings"

	"github.com/bangate/bangate/internal/screen"
)

// screenedName is a party name a screener screened: its matches and the
// roles it appeared in, each once, in the order seen (a name appears in
// a few roles at most: a scan beats a map).
type screenedName struct {
	ms    []screen.Match
	roles []string
}

// role records that the name appeared in role.
func (e *screenedName) role(role string) {
	for _, r := range e.roles {
		if r == role {
			return
		}
	}
	e.roles = append(e.roles, role)
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
		c.m[nameKey{strings.Clone(k.name), k.kind}] = ms
	}
	return ms, nil
}
