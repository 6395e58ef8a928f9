package procurement

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

var (
	errOwnershipHeader = errors.New("ownership header must start owner,owned,percent")
	errEmptyParty      = errors.New("empty owner or owned name")
	errSelfOwned       = errors.New("an entity cannot own itself")
)

// Edge is one ownership stake: Owner holds Percent of Owned.
type Edge struct {
	// Owner is the name of the holder of the stake.
	Owner string `json:"owner"`
	// Owned is the name of the entity the stake is in.
	Owned string `json:"owned"`
	// Percent is the stake, from 0 to 100.
	Percent float64 `json:"percent"`
	// Reference is the ownership file's source column: the filing or
	// register the stake was taken from.
	Reference string `json:"reference,omitempty"`
	// Source is the file the edge was read from.
	Source string `json:"source"`
	// Pointer locates the edge in Source: "row N" for an ownership file,
	// the owner's field location for an owner listed on a vendor.
	Pointer string `json:"pointer"`
}

func (e *Edge) where() string { return e.Source + " " + e.Pointer }

// ReadOwnership reads an ownership CSV whose header starts
// owner,owned,percent and may have a fourth column, source (the filing or
// register the stake comes from); further columns are ignored. Percent
// may carry a % sign. An empty name, a percentage that is not a number
// from 0 to 100, a wrong number of fields or an unclosed quote is an
// *InputError naming the file, the row and the column. opts.Encoding and
// opts.Delimiter apply as for ReadCSV; opts.Columns does not.
func ReadOwnership(r io.Reader, name string, opts Options) ([]Edge, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	cr, header, err := openCSV(data, name, opts)
	if err != nil {
		return nil, err
	}
	if len(header) < 3 || normColumn(header[0]) != "owner" || normColumn(header[1]) != "owned" ||
		normColumn(header[2]) != "percent" {
		return nil, inputErr(name, "row 1", "", errOwnershipHeader)
	}
	hasRef := len(header) > 3 && normColumn(header[3]) == "source"
	cols := append([]string(nil), header...)
	var edges []Edge
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr(name, err)
		}
		line, _ := cr.FieldPos(0)
		loc := "row " + strconv.Itoa(line)
		e := Edge{
			Owner: strings.TrimSpace(rec[0]), Owned: strings.TrimSpace(rec[1]),
			Source: name, Pointer: loc,
		}
		if blankRecord(rec) {
			return nil, inputErr(name, loc, "", errEmptyRow)
		}
		if e.Owner == "" {
			return nil, inputErr(name, loc, "column "+cols[0], errEmptyParty)
		}
		if e.Owned == "" {
			return nil, inputErr(name, loc, "column "+cols[1], errEmptyParty)
		}
		if e.Percent, err = parsePercent(rec[2]); err != nil {
			return nil, inputErr(name, loc, "column "+cols[2], err)
		}
		if hasRef {
			e.Reference = strings.TrimSpace(rec[3])
		}
		edges = append(edges, e)
	}
	if len(edges) == 0 {
		return nil, fmt.Errorf("read %s: %w", name, ErrNoRecords)
	}
	return edges, nil
}

// VendorEdges turns the owners listed on vendors into edges, each owner
// holding its percent of the vendor. Edge.Pointer is where the owner
// was read ("row 4 column owners", "/vendors/2/owners/0").
func VendorEdges(vendors []Vendor) []Edge {
	var out []Edge
	for i := range vendors {
		v := &vendors[i]
		for j, o := range v.Owners {
			where := v.Fields["owners."+strconv.Itoa(j)]
			switch {
			case where == "":
				where = v.Pointer
			case !strings.HasPrefix(where, "/"):
				where = v.Pointer + " column " + where
			}
			out = append(out, Edge{
				Owner: o.Name, Owned: v.Name, Percent: o.Percent,
				Source: v.Source, Pointer: where,
			})
		}
	}
	return out
}

// Exposure is what the ownership graph says about one entity.
type Exposure struct {
	// Entity is the entity's name as first written in the edges.
	Entity string `json:"entity"`
	// Designated is set when the blocked callback named the entity
	// itself (it is on a list).
	Designated bool `json:"designated"`
	// Blocked is set when the entity is designated or Percent is 50 or
	// more: blocked by operation of OFAC's 50 Percent Rule.
	Blocked bool `json:"blocked"`
	// Percent is the aggregate stake in the entity held by blocked
	// persons, directly or through blocked entities, as the 50 Percent
	// Rule counts it (see Aggregate).
	Percent float64 `json:"percent"`
	// LookThrough is the economic interest designated persons hold in the
	// entity, stakes multiplied down every chain whether or not the
	// intermediaries are blocked. It is information for review (OFAC
	// urges caution with significant minority stakes, FAQ 398); it does
	// not block.
	LookThrough float64 `json:"look_through"`
	// Chains explain Percent and LookThrough: every path from a
	// designated person down to the entity, strongest first.
	Chains []Chain `json:"chains,omitempty"`
	// ChainsTruncated is set when there were more than MaxChains paths
	// and only the first MaxChains are listed.
	ChainsTruncated bool `json:"chains_truncated,omitempty"`
}

// Chain is one ownership path from a designated person to an entity.
type Chain struct {
	// Path names the designated person first and the entity last, with
	// the intermediaries between them.
	Path []string `json:"path"`
	// Percent is the stake multiplied down the path: 60% of 50% is 30.
	Percent float64 `json:"percent"`
	// Counted is the stake this path contributes to the entity's
	// aggregate under the 50 Percent Rule: the whole stake of the last
	// holder when every intermediary is blocked, else 0. Chains that end
	// in the same holder report the same stake once each; Exposure.Percent
	// counts it once.
	Counted float64 `json:"counted"`
	// Edges locate each step of the path in its file, in path order.
	Edges []string `json:"edges"`
}

// MaxChains bounds the chains listed per entity.
const MaxChains = 64

// blockThreshold is the 50 Percent Rule's threshold.
const blockThreshold = 50.0

// Key is the identity of an entity name in the ownership graph and in
// Aggregate's result: case-folded, with runs of white space collapsed.
func Key(name string) string {
	if isKey(name) {
		return name
	}
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// isKey reports whether name is already its own Key: ASCII without upper
// case letters, single spaces between words, no other white space.
func isKey(name string) bool {
	if name == "" {
		return true
	}
	if name[0] == ' ' || name[len(name)-1] == ' ' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80, c >= 'A' && c <= 'Z', c < ' ', c == 0x7f:
			return false
		case c == ' ' && name[i-1] == ' ':
			return false
		}
	}
	return true
}

// Aggregate applies OFAC's 50 Percent Rule to an ownership graph. blocked
// says whether a name is itself a blocked (designated) person, for
// example because it matched the SDN list; it is called once per entity.
// The result maps Key(name) to the Exposure of every entity in the edges.
//
// The rule implemented, from OFAC's Revised Guidance on Entities Owned by
// Persons Whose Property and Interests in Property Are Blocked (13 August
// 2014) and FAQs 398–401:
//
//   - An entity owned 50 percent or more, directly or indirectly, by one
//     or more blocked persons, individually or in the aggregate, is itself
//     blocked, whether or not it is on a list. Stakes of persons blocked
//     under different programmes are added together (FAQ 399).
//   - "Indirectly" means through entities that are themselves blocked
//     (FAQ 401): a blocked intermediary's whole stake counts, not the
//     share of it its owners would get by multiplying. If X is blocked and
//     owns 50% of A, and A owns 50% of B, then A is blocked and its whole
//     50% of B counts: B is blocked (FAQ 401 example 1). Likewise stakes
//     of several blocked intermediaries add up (example 2: A and B, each
//     50% owned by X, own 25% each of C; C is blocked).
//   - A stake held through an entity that is not blocked does not count:
//     X owning 40% of A, which owns 100% of B, blocks neither A nor B.
//   - Control without 50% ownership does not block (FAQ 398).
//
// So, in topological order, an entity's Percent is the sum of the stakes
// held in it by owners that are designated or blocked, and it is blocked
// when designated or Percent ≥ 50 (less 10⁻⁶, so that 33.33 + 16.67
// counts as 50). LookThrough and each Chain's Percent
// also report the multiplied-down interest (60% of 50% is 30%), which is
// what a reviewer weighs for stakes below the threshold; when the
// intermediary is blocked, Chain.Counted shows that the whole stake
// counted instead.
//
// The edges must describe a consistent graph: an empty name, a
// percentage outside 0–100 or not a number, an entity owning itself, a
// cycle, an entity whose owners' stakes sum to more than 100, and two
// different stakes given for the same owner and owned are errors that
// name the edges' files and rows. The same stake given twice (inline and
// in an ownership file) counts once.
func Aggregate(edges []Edge, blocked func(name string) bool) (map[string]Exposure, error) {
	g, err := buildGraph(edges)
	if err != nil {
		return nil, err
	}
	order, err := g.topoOrder()
	if err != nil {
		return nil, err
	}
	n := len(g.names)
	designated := make([]bool, n)
	for i, name := range g.names {
		designated[i] = blocked != nil && blocked(name)
	}
	isBlocked := make([]bool, n)
	agg := make([]float64, n)
	look := make([]float64, n)
	for _, v := range order {
		for _, ei := range g.in[v] {
			e := &g.edges[ei]
			o := g.from[ei]
			if isBlocked[o] {
				agg[v] += e.Percent
			}
			if designated[o] {
				look[v] += e.Percent
			} else {
				look[v] += e.Percent * look[o] / 100
			}
		}
		agg[v] = clampPercent(agg[v])
		look[v] = clampPercent(look[v])
		isBlocked[v] = designated[v] || agg[v] >= blockThreshold-percentTolerance
	}
	out := make(map[string]Exposure, n)
	for v, name := range g.names {
		x := Exposure{
			Entity: name, Designated: designated[v], Blocked: isBlocked[v],
			Percent: agg[v], LookThrough: look[v],
		}
		if look[v] > 0 {
			x.Chains, x.ChainsTruncated = g.chains(v, designated, isBlocked, look)
		}
		out[g.keys[v]] = x
	}
	return out, nil
}

func clampPercent(p float64) float64 {
	if p > 100 {
		return 100
	}
	return p
}

// graph is the validated ownership graph; nodes are indexes into names.
type graph struct {
	names  []string       // display name per node
	keys   []string       // Key(name) per node
	index  map[string]int // Key(name) → node
	edges  []Edge         // deduplicated
	wheres []string       // edge → "file row N", built on first use
	from   []int          // edge → owner node
	to     []int          // edge → owned node
	in     [][]int        // node → indexes of edges into it
	out    [][]int        // node → indexes of edges out of it
}

func buildGraph(edges []Edge) (*graph, error) {
	g := &graph{index: map[string]int{}}
	node := func(name, k string) int {
		if i, ok := g.index[k]; ok {
			return i
		}
		g.index[k] = len(g.names)
		g.keys = append(g.keys, k)
		g.names = append(g.names, strings.TrimSpace(name))
		g.in = append(g.in, nil)
		g.out = append(g.out, nil)
		return len(g.names) - 1
	}
	type pair struct{ o, d int }
	seen := map[pair]int{}
	for i := range edges {
		e := edges[i]
		ok, dk := Key(e.Owner), Key(e.Owned)
		if ok == "" || dk == "" {
			return nil, edgeErr(&e, errEmptyParty)
		}
		if math.IsNaN(e.Percent) || e.Percent < 0 || e.Percent > 100 {
			return nil, edgeErr(&e, errPercentOut)
		}
		o, d := node(e.Owner, ok), node(e.Owned, dk)
		if o == d {
			return nil, edgeErr(&e, errSelfOwned)
		}
		if j, dup := seen[pair{o, d}]; dup {
			if math.Abs(g.edges[j].Percent-e.Percent) <= percentTolerance {
				continue
			}
			return nil, edgeErr(&e, fmt.Errorf("a different stake for the same owner and owned is given at %s", g.edges[j].where()))
		}
		seen[pair{o, d}] = len(g.edges)
		g.in[d] = append(g.in[d], len(g.edges))
		g.out[o] = append(g.out[o], len(g.edges))
		g.edges = append(g.edges, e)
		g.from = append(g.from, o)
		g.to = append(g.to, d)
	}
	for d := range g.names {
		sum := 0.0
		for _, ei := range g.in[d] {
			sum += g.edges[ei].Percent
		}
		if sum > 100+percentTolerance {
			locs := make([]string, 0, len(g.in[d]))
			for _, ei := range g.in[d] {
				locs = append(locs, g.edges[ei].where())
			}
			return nil, fmt.Errorf("ownership: stakes in one entity sum to more than 100: %s", strings.Join(locs, "; "))
		}
	}
	return g, nil
}

// where returns an edge's location, building it once.
func (g *graph) where(ei int) string {
	if g.wheres == nil {
		g.wheres = make([]string, len(g.edges))
	}
	if g.wheres[ei] == "" {
		g.wheres[ei] = g.edges[ei].where()
	}
	return g.wheres[ei]
}

func edgeErr(e *Edge, err error) error {
	return inputErr(e.Source, e.Pointer, "", fmt.Errorf("ownership edge: %w", err))
}

// topoOrder orders nodes owners-first; a cycle is an error naming its edges.
func (g *graph) topoOrder() ([]int, error) {
	n := len(g.names)
	indeg := make([]int, n)
	for v := range n {
		indeg[v] = len(g.in[v])
	}
	order := make([]int, 0, n)
	for v := range n {
		if indeg[v] == 0 {
			order = append(order, v)
		}
	}
	for i := 0; i < len(order); i++ {
		for _, ei := range g.out[order[i]] {
			d := g.to[ei]
			indeg[d]--
			if indeg[d] == 0 {
				order = append(order, d)
			}
		}
	}
	if len(order) == n {
		return order, nil
	}
	return nil, g.cycleErr(indeg)
}

// cycleErr walks owner links among the nodes left with owners until one
// repeats; the edges walked from there form a cycle.
func (g *graph) cycleErr(indeg []int) error {
	start := -1
	for v, d := range indeg {
		if d > 0 {
			start = v
			break
		}
	}
	if start < 0 { // cannot happen: topoOrder left some node out
		return errors.New("ownership: cycle in the graph")
	}
	pos := map[int]int{}
	var walked []int // edge indexes
	v := start
	for {
		if p, ok := pos[v]; ok {
			cycle := walked[p:]
			locs := make([]string, len(cycle))
			for i, ei := range cycle {
				locs[len(cycle)-1-i] = g.edges[ei].where()
			}
			return fmt.Errorf("ownership: cycle through the edges at %s", strings.Join(locs, "; "))
		}
		pos[v] = len(walked)
		next := -1
		for _, ei := range g.in[v] {
			o := g.from[ei]
			if indeg[o] > 0 {
				walked = append(walked, ei)
				next = o
				break
			}
		}
		if next < 0 { // cannot happen: a node left over has an owner left over
			return errors.New("ownership: cycle in the graph")
		}
		v = next
	}
}

// chains lists paths from designated persons down to v, through owners
// that carry some designated interest, at most MaxChains of them.
func (g *graph) chains(v int, designated, isBlocked []bool, look []float64) ([]Chain, bool) {
	var out []Chain
	truncated := false
	var path []int // edge indexes, from v upwards
	var walk func(u int)
	walk = func(u int) {
		for _, ei := range g.in[u] {
			if truncated {
				return
			}
			o := g.from[ei]
			path = append(path, ei)
			switch {
			case designated[o]:
				if len(out) == MaxChains {
					truncated = true
				} else {
					out = append(out, g.chain(path, isBlocked))
				}
			case look[o] > 0:
				walk(o)
			}
			path = path[:len(path)-1]
		}
	}
	walk(v)
	slices.SortStableFunc(out, func(a, b Chain) int {
		if a.Percent != b.Percent {
			if a.Percent > b.Percent {
				return -1
			}
			return 1
		}
		return slices.Compare(a.Path, b.Path)
	})
	return out, truncated
}

// chain builds a Chain from edge indexes listed from the entity upwards.
func (g *graph) chain(up []int, isBlocked []bool) Chain {
	c := Chain{
		Percent: 100, Counted: g.edges[up[0]].Percent,
		Path: make([]string, 0, len(up)+1), Edges: make([]string, 0, len(up)),
	}
	for i := len(up) - 1; i >= 0; i-- {
		ei := up[i]
		e := &g.edges[ei]
		if i == len(up)-1 {
			c.Path = append(c.Path, g.names[g.from[ei]])
		}
		c.Path = append(c.Path, g.names[g.to[ei]])
		c.Percent = c.Percent * e.Percent / 100
		c.Edges = append(c.Edges, g.where(ei))
		if i > 0 && !isBlocked[g.to[ei]] {
			c.Counted = 0 // an intermediary that is not blocked passes nothing on
		}
	}
	return c
}
