package check

import (
	"slices"
	"sync"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/lists"
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
	capped[nameKey, []screen.Match]
}

// capped is a map that keeps at most a given number of entries: once that
// many are kept, others are no longer added (those first met stay, which
// in one input are the names and hosts met again most often).
type capped[K comparable, V any] struct {
	m map[K]V
}

// get returns the value kept for k.
func (c *capped[K, V]) get(k K) (V, bool) {
	v, ok := c.m[k]
	return v, ok
}

// keep keeps v for k unless max entries are kept already.
func (c *capped[K, V]) keep(k K, v V, max int) {
	if c.m == nil {
		c.m = map[K]V{}
	}
	if len(c.m) < max {
		c.m[k] = v
	}
}

// matches screens a component's name, k, against the ban lists (Index.
// BanName), through the cache; a failed query is not kept.
func (c *componentNameCache) matches(ix *screen.Index, k nameKey) ([]screen.Match, error) {
	if ms, ok := c.get(k); ok {
		return ms, nil
	}
	ms, err := ix.BanName(screen.Query{Name: k.name, Kind: k.kind})
	if err != nil {
		return nil, err
	}
	c.keep(k, ms, componentNamesMax)
	return ms, nil
}

// hostsMax bounds the hosts a hostCache keeps: the hosts of the addresses
// of one input are a few hundred (a code host, a mail provider, the
// parties' own domains) or, when every component has a site of its own,
// too many to be worth keeping.
const hostsMax = 4096

// hostCache keeps what the shared-domain data says of the hosts of the
// addresses a screener screened (SharedDomains.Lookup): the same code host
// or mail provider is in the addresses of thousands of components.
type hostCache struct {
	capped[string, sharedHost]
}

// sharedHost is what the shared-domain data says of a host: whether it is
// on a shared provider's domain, and whether it is then a tenant's own
// host (TenantHost).
type sharedHost struct{ shared, tenant bool }

// get looks host up in shared, through the cache.
func (c *hostCache) get(shared *lists.SharedDomains, host string) sharedHost {
	if h, ok := c.capped.get(host); ok {
		return h
	}
	var h sharedHost
	if p, listed, ok := shared.Lookup(host); ok {
		h = sharedHost{shared: true, tenant: lists.TenantHost(p, listed, host) != ""}
	}
	c.keep(host, h, hostsMax)
	return h
}

// runNamesMax bounds the names a runNames keeps.
const runNamesMax = 1 << 16

// runNames shares the matches of the party names (and the names screened
// against the ban lists alone) that the screeners of one input screened,
// one per goroutine: a supplier that the other goroutine met first is not
// screened again. Its zero value is empty; a nil *runNames shares nothing.
type runNames struct {
	mu sync.Mutex
	capped[runKey, []screen.Match]
}

// runKey is a name screened against every list, or with ban against the
// ban lists alone.
type runKey struct {
	nameKey
	ban bool
}

// matches returns the matches kept for k, else those query returns (kept
// unless it fails, and up to runNamesMax names).
func (r *runNames) matches(k runKey, query func() ([]screen.Match, error)) ([]screen.Match, error) {
	if r == nil {
		return query()
	}
	r.mu.Lock()
	ms, ok := r.get(k)
	r.mu.Unlock()
	if ok {
		return ms, nil
	}
	ms, err := query()
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.keep(k, ms, runNamesMax)
	r.mu.Unlock()
	return ms, nil
}
