package sbom

import (
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/bangate/bangate/internal/strictkeys"
)

// RoleUnread is the role of a party that is only a string under a member
// the format does not have ("supplier " with a space, "n\u0430me" with a
// Cyrillic letter, "vendor" in a CycloneDX component): every reader that
// follows the format drops it, a person reading the file sees it. It is
// screened with low confidence, so that a listed name there is a possible
// match, never a denial.
const RoleUnread = "unread"

// cdxMembers maps the name of a member whose value is an object (or an
// array of objects) in a CycloneDX JSON BOM to the member names that
// object has in the types cyclonedx-go decodes it into, every name folded
// as encoding/json folds names (it matches names without regard to case).
// "" is the BOM itself. A name that holds objects of several types has
// the members of all of them.
var cdxMembers = sync.OnceValue(func() map[string]*memberNames {
	out := map[string]*memberNames{}
	seen := map[reflect.Type]bool{}
	written := map[string]string{} // member names as written → folded
	var walk func(container string, t reflect.Type)
	walk = func(container string, t reflect.Type) {
		t = cdxElem(t)
		if t.Kind() != reflect.Struct {
			return
		}
		names := out[container]
		if names == nil {
			names = &memberNames{names: map[string]bool{}}
			out[container] = names
		}
		if seen[t] && container != "" {
			// The members of t are known; the containers its fields name
			// were walked the first time, but this container needs them.
			addCDXNames(names.names, t)
			return
		}
		seen[t] = true
		addCDXNames(names.names, t)
		for i := range t.NumField() {
			f := t.Field(i)
			if name, ok := jsonMemberName(f); ok {
				folded := string(strictkeys.FoldName([]byte(name)))
				written[name] = folded
				walk(folded, f.Type)
			} else {
				// A field a type's own decoder fills by hand (ToolsChoice's
				// legacy tools): its members belong to this container.
				walk(container, f.Type)
			}
		}
	}
	walk("", reflect.TypeFor[cdx.BOM]())
	for _, m := range out {
		m.fn = m.known
	}
	// Containers as the format writes their names too ("externalReferences"),
	// so that they are found without folding.
	for raw, folded := range written {
		if m, ok := out[folded]; ok {
			out[raw] = m
		}
	}
	return out
})

// memberNames is the set of member names of one container.
type memberNames struct {
	names map[string]bool
	fn    func(name []byte) bool // known, made once
}

// known reports whether name is one of the set, as it is or folded.
func (m *memberNames) known(name []byte) bool {
	return m.names[string(name)] || m.names[string(strictkeys.FoldName(name))]
}

// cdxElem is the struct type a field of type t holds, through pointers,
// slices, arrays and maps.
func cdxElem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return t
}

// addCDXNames adds the member names of struct t to names, with those of
// the fields a type's own decoder fills by hand.
func addCDXNames(names map[string]bool, t reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		if name, ok := jsonMemberName(f); ok {
			// folded, and as written, so that a name as the format writes
			// it ("externalReferences") is found without folding
			names[string(strictkeys.FoldName([]byte(name)))] = true
			names[name] = true
		} else if u := cdxElem(f.Type); u.Kind() == reflect.Struct && u != t {
			addCDXNames(names, u)
		}
	}
}

// cdxKnownNames returns what tells whether a CycloneDX reader reads a
// member so named in an object held by a member named container; nil (every
// name) for a container it has no types for.
func cdxKnownNames(container []byte) func(name []byte) bool {
	members := cdxMembers()
	names, ok := members[string(container)]
	if !ok {
		if names, ok = members[string(strictkeys.FoldName(container))]; !ok {
			return nil
		}
	}
	return names.fn
}

// unreadField is a string under a member no reader of the format reads.
type unreadField struct {
	pointer, value string
}

// attachUnread gives each component the strings under members no reader
// reads that lie inside it (the component, or the subject, of the longest
// pointer that holds the string's), as parties of role RoleUnread, and
// reports which it placed; with doc set, the others are the document's.
func attachUnread(doc *Document, comps []Component, unread []unreadField, placed []atomic.Bool) {
	if len(unread) == 0 {
		return
	}
	at := make(map[string]*[]Party, len(comps)+1)
	for i := range comps {
		if p := comps[i].Pointer; p != "" {
			at[p] = &comps[i].Parties
		}
	}
	if doc != nil && doc.Subject != nil && doc.Subject.Pointer != "" {
		at[doc.Subject.Pointer] = &doc.Subject.Parties
	}
	for k, u := range unread {
		party := Party{Role: RoleUnread, Name: u.value, Pointer: u.pointer}
		for p := u.pointer; p != ""; p = p[:strings.LastIndexByte(p, '/')] {
			if dst, ok := at[p]; ok {
				*dst = append(*dst, party)
				placed[k].Store(true)
				break
			}
		}
		if doc != nil && !placed[k].Load() {
			doc.Parties = append(doc.Parties, party)
		}
	}
}

// unreadSink is a Sink that gives the components of each batch the
// strings under members no reader reads (attachUnread) before passing it
// on.
type unreadSink struct {
	Sink
	unread []unreadField
	placed []atomic.Bool
}

// Batch attaches the unread strings of comps and passes them on.
func (s *unreadSink) Batch(worker, seq int, comps []Component) error {
	attachUnread(nil, comps, s.unread, s.placed)
	return s.Sink.Batch(worker, seq, comps)
}

// rest gives doc (its subject, else the document itself) the unread
// strings no batch placed.
func (s *unreadSink) rest(doc *Document) {
	var left []unreadField
	for k, u := range s.unread {
		if !s.placed[k].Load() {
			left = append(left, u)
		}
	}
	attachUnread(doc, nil, left, make([]atomic.Bool, len(left)))
}
