package monitor

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/procurement"
)

// Subject is one checked input kept for re-screening, with what its last
// check decided and rested on.
type Subject struct {
	// Key identifies the subject in its inventory.
	Key string `json:"key"`
	// Name is the input's name (a file name, a request's name).
	Name string `json:"name"`
	// Data is the input; it is not part of a state file's JSON.
	Data []byte `json:"-"`
	// SHA256 is Data's hex digest.
	SHA256 string `json:"sha256"`
	// Outcome is the last decision's outcome.
	Outcome string `json:"outcome"`
	// Names are the parties the last check screened.
	Names []string `json:"names"`
	// Cited are the list entries the last decision's findings name, as
	// "list/id".
	Cited []string `json:"cited,omitempty"`
	// Lookups are the identifier look-ups the last check made (addresses,
	// domains, purl namespaces, CPE vendors, identifier numbers), so that
	// an entry that gains or loses one is seen to affect the subject.
	Lookups []check.Lookup `json:"lookups,omitempty"`
	// Lists is ListsKey of the lists the last check ran on.
	Lists string `json:"lists"`
	// Fingerprint is Fingerprint of the session of the last check.
	Fingerprint string `json:"fingerprint"`
	// Decision is the last decision's ID (in the server's log).
	Decision string `json:"decision,omitempty"`
}

// Fingerprint is what, besides the lists, decides a session's outcomes:
// the program (its matcher), the policy bundle, the plan's thresholds, profile, as-of date, fail-on
// level and the digests of its waiver and ownership files. When it
// changes, every subject is checked again.
func Fingerprint(sess *check.Session) string {
	p := sess.Plan()
	h := sha256.New()
	// subjectVersion: subjects observed before a Subject recorded what
	// it now records are checked again whole, once.
	fmt.Fprintf(h, "subject %d\nprogram %s\n", subjectVersion, sess.Program())
	fmt.Fprintf(h, "bundle %s\nmatch %v review %v\nprofile %s\nas-of %s\nfail-on %s\ninput %s\nembargo %s\n",
		sess.BundleDigest(), p.Screening.Match, p.Screening.Review, p.Profile, p.AsOf.UTC().Format("2006-01-02T15:04:05Z"), p.FailOn, p.PolicyInput, p.Embargo)
	if b := p.Waivers.File; b != nil {
		fmt.Fprintf(h, "waivers %s\n", b.SHA256)
	}
	if b := p.Ownership; b != nil {
		fmt.Fprintf(h, "ownership %s\n", b.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// subjectVersion counts the changes to what Observe records of a subject
// (2: the identifier look-ups).
const subjectVersion = 2

// ListsKey names the list snapshots of a session: "id:sha256" joined.
func ListsKey(sess *check.Session) string {
	var parts []string
	for _, p := range sess.Lists() {
		parts = append(parts, p.ID+":"+p.SHA256)
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// Observe records in sub what a run of it decided (its outcome, the
// names it screened, the entries its findings cite) on sess.
func Observe(sub *Subject, sess *check.Session, run *check.Run) {
	sub.Outcome = run.Decision.Outcome
	sub.Names, sub.Cited = NamesOf(run, ownershipEdges(sess.Plan())), CitedOf(run.Decision)
	sub.Lookups = LookupsOf(run)
	sub.Lists, sub.Fingerprint = ListsKey(sess), Fingerprint(sess)
	if sub.SHA256 == "" {
		sum := sha256.Sum256(sub.Data)
		sub.SHA256 = hex.EncodeToString(sum[:])
	}
}

// ownershipEdges are the stakes of the plan's ownership file (none when
// it has none or it cannot be read: the session refused it then).
func ownershipEdges(p check.Plan) []procurement.Edge {
	if p.Ownership == nil {
		return nil
	}
	edges, err := procurement.ReadOwnership(bytes.NewReader(p.Ownership.Data), p.Ownership.Name, procurement.Options{Encoding: p.Input.Encoding})
	if err != nil {
		return nil
	}
	return edges
}

// NamesOf returns the parties a run screened, each once, in order. The
// owners of the plan's ownership file (edges) are screened in every run;
// only those that own, directly or through others, one of the run's own
// parties can change its outcome, so the others are left out.
func NamesOf(run *check.Run, edges []procurement.Edge) []string {
	owners := map[string][]string{} // owned -> owners, by procurement.Key
	fileOwner := map[string]bool{}
	for _, e := range edges {
		owners[procurement.Key(e.Owned)] = append(owners[procurement.Key(e.Owned)], e.Owner)
		fileOwner[procurement.Key(e.Owner)] = true
	}
	onlyOwner := func(p check.ScreenedParty) bool {
		return len(p.Roles) > 0 && !slices.ContainsFunc(p.Roles, func(r string) bool { return r != "owner" })
	}
	var out []string
	seen := map[string]bool{}
	for _, in := range run.Inputs {
		reach := map[string]bool{}
		var walk func(string)
		walk = func(name string) {
			k := procurement.Key(name)
			if reach[k] {
				return
			}
			reach[k] = true
			for _, o := range owners[k] {
				walk(o)
			}
		}
		for _, p := range in.Parties {
			if !onlyOwner(p) {
				walk(p.Name)
			}
		}
		for _, p := range in.Parties {
			k := procurement.Key(p.Name)
			if onlyOwner(p) && fileOwner[k] && !reach[k] {
				continue
			}
			if n := strings.TrimSpace(p.Name); n != "" && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// LookupsOf returns the identifier look-ups of a run's inputs, each once,
// sorted.
func LookupsOf(run *check.Run) []check.Lookup {
	var out []check.Lookup
	for i := range run.Inputs {
		out = append(out, run.Inputs[i].Lookups()...)
	}
	slices.SortFunc(out, check.CompareLookups)
	return slices.Compact(out)
}

// CitedOf returns the list entries a decision's findings name, as
// "list/id", sorted.
func CitedOf(d *decision.Run) []string {
	var out []string
	for _, in := range d.Inputs {
		for _, vs := range [][]decision.Violation{in.Result.Violations, in.Result.Reviews, in.Result.Waived, in.Result.Warnings} {
			for _, v := range vs {
				list, _ := v.Match["list"].(string)
				id, _ := v.Match["entry_id"].(string)
				if list != "" && id != "" && !slices.Contains(out, list+"/"+id) {
					out = append(out, list+"/"+id)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}
