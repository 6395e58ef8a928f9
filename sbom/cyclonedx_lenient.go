package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// cdxScreened describes the members of a CycloneDX JSON document that
// convertCycloneDX reads: for each kind of object, its screened members and
// the kind of object each holds ("" for a value). A member not listed here
// is not screened, so that a value cyclonedx-go cannot take there (its
// types disagree with the schema on a few fields, such as
// declarations…data.classification and patentAssertions.asserter) is
// skipped with a warning rather than refused.
var cdxScreened = map[string]map[string]string{
	"bom": {"bomFormat": "", "specVersion": "", "metadata": "metadata", "components": "component",
		"services": "service", "dependencies": "dependency", "formulation": "formula"},
	"metadata": {"supplier": "entity", "manufacturer": "entity", "manufacture": "entity", "authors": "contact",
		"component": "component", "tools": "tools", "licenses": "license", "properties": "property"},
	"component": {"bom-ref": "", "type": "", "name": "", "version": "", "group": "", "purl": "", "cpe": "",
		"supplier": "entity", "manufacturer": "entity", "authors": "contact", "author": "", "publisher": "",
		"copyright": "", "hashes": "hash", "licenses": "license", "properties": "property",
		"externalReferences": "reference", "components": "component", "pedigree": "pedigree", "evidence": "evidence"},
	// A legacy tool (an array element of metadata.tools) and the tools
	// object of CycloneDX 1.5 share the path metadata.tools.
	"tools": {"vendor": "", "name": "", "version": "", "hashes": "hash", "externalReferences": "reference",
		"components": "component", "services": "service"},
	"pedigree":  {"ancestors": "component", "descendants": "component", "variants": "component", "commits": "commit"},
	"commit":    {"url": "", "author": "action", "committer": "action"},
	"action":    {"name": "", "email": ""},
	"evidence":  {"identity": "identity", "copyright": "copyright", "licenses": "license"},
	"identity":  {"field": "", "concludedValue": "", "methods": "method"},
	"method":    {"value": ""},
	"copyright": {"text": ""},
	"entity":    {"name": "", "url": "", "contact": "contact"},
	"contact":   {"name": "", "email": ""},
	"hash":      {"alg": "", "content": ""},
	"license":   {"license": "licenseID", "expression": "", "licensing": "licensing"},
	"licenseID": {"id": "", "name": "", "url": "", "licensing": "licensing"},
	"licensing": {"licensor": "licensor"},
	"licensor":  {"organization": "entity", "individual": "contact"},
	"property":  {"name": "", "value": ""},
	"reference": {"type": "", "url": ""},
	"service": {"bom-ref": "", "name": "", "version": "", "group": "", "provider": "entity", "endpoints": "",
		"externalReferences": "reference", "properties": "property", "services": "service"},
	"formula":    {"components": "component", "services": "service"},
	"dependency": {"ref": "", "dependsOn": ""},
}

// cdxFieldScreened reports whether a dotted field path (as
// encoding/json's UnmarshalTypeError gives it) ends inside what
// convertCycloneDX reads.
func cdxFieldScreened(field string) bool {
	kind := "bom"
	for _, seg := range strings.Split(field, ".") {
		members := cdxScreened[kind]
		next, ok := members[seg]
		if !ok {
			return false
		}
		if next == "" {
			return true
		}
		kind = next
	}
	return true
}

// cdxTypeError is a field of the wrong type in a place that is screened,
// with the pointers of the values concerned.
type cdxTypeError struct {
	err  *json.UnmarshalTypeError
	ptrs []string
}

func (e *cdxTypeError) Error() string { return e.err.Error() }
func (e *cdxTypeError) Unwrap() error { return e.err }

// maxSkips bounds the rounds of unmarshalCDXLenient.
const maxSkips = 32

// unmarshalCDXLenient decodes a CycloneDX JSON text that cyclonedx-go
// refused with err. When err is a value of a type cyclonedx-go does not
// take, in a member that is not screened, the values of that kind at that
// place are removed and the text decoded again, up to maxSkips times; each
// removal is a WarnFieldSkipped warning. Any other error is returned, a
// type error in a screened member as a *cdxTypeError naming its place.
func unmarshalCDXLenient(body []byte, err error) (*cdx.BOM, *lenientLog, error) {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return nil, nil, err
	}
	root, terr := decodeTree(body)
	if terr != nil {
		return nil, nil, err
	}
	log := &lenientLog{}
	for range maxSkips {
		if !errors.As(err, &te) {
			return nil, nil, err
		}
		kind := typeErrorKind(te.Value)
		ptrs := nodesAt(root, te.Field, kind)
		if len(ptrs) == 0 || cdxFieldScreened(te.Field) {
			return nil, nil, &cdxTypeError{err: te, ptrs: ptrs}
		}
		cleared := false
		for _, p := range ptrs {
			if clearAt(root, p) {
				cleared = true
				log.note(WarnFieldSkipped, "a JSON "+kind+" where cyclonedx-go reads another type (its types differ from the CycloneDX schema here); not screened, not read", p)
			}
		}
		if !cleared {
			return nil, nil, err
		}
		fixed, merr := json.Marshal(root)
		if merr != nil {
			return nil, nil, err
		}
		bom := new(cdx.BOM)
		if err = json.Unmarshal(fixed, bom); err == nil {
			return bom, log, nil
		}
	}
	return nil, nil, err
}

// cdxJSONError describes a CycloneDX JSON text cyclonedx-go refused, with
// the place: the value of the wrong type, or else the first member (and
// component) that fails on its own.
func cdxJSONError(name string, f Format, body []byte, err error) error {
	e := jsonError(name, f, err)
	var de *DecodeError
	if !errors.As(e, &de) || !errors.Is(de.Kind, ErrInvalid) {
		return e
	}
	var ce *cdxTypeError
	if errors.As(err, &ce) && len(ce.ptrs) > 0 {
		de.Pointer = ce.ptrs[0]
		de.Detail = "a JSON " + typeErrorKind(ce.err.Value) + " where " + Label(f, "") + " has " + jsonTypeName(ce.err.Type) + ", in a field that is screened"
		placeAtPointer(de, body)
		return e
	}
	if de.Pointer == "" {
		de.Pointer = locateCDXFailure(body)
	}
	return e
}

// placeAtPointer keeps the byte offset of an error whose pointer is known
// only when the offset leads to that pointer in body; otherwise the line
// is the pointer's own. The offset of an encoding/json type error counts
// in the text that was decoded, which is not body once
// unmarshalCDXLenient has re-encoded it without a skipped value, nor when
// a library decodes a part on its own.
func placeAtPointer(de *DecodeError, body []byte) {
	if de.Offset >= 0 && de.Offset <= int64(len(body)) && jsonPointerAt(body, pointerOffset(body, de.Offset)) == de.Pointer {
		return
	}
	de.Offset, de.Line = -1, 0
	if pos, err := LocateJSON(body, []string{de.Pointer}); err == nil && len(pos) == 1 {
		de.Line = pos[0].Line
	}
}

// locateCDXFailure returns the pointer of the first top-level member of a
// CycloneDX JSON text that cyclonedx-go refuses on its own, going down
// into components; "" when none does.
func locateCDXFailure(body []byte) string {
	return locateMember(body, "", func() any { return new(cdx.BOM) })
}

// locateMember decodes each member of the object text obj alone into a
// fresh value of the type newV gives and returns the pointer (under ptr)
// of the first that fails; a failing components array is searched
// element by element.
func locateMember(obj []byte, ptr string, newV func() any) string {
	members, ok := objectMembers(obj)
	if !ok {
		return ""
	}
	for _, m := range members {
		probe, err := json.Marshal(map[string]json.RawMessage{m.key: m.value})
		if err != nil || json.Unmarshal(probe, newV()) == nil {
			continue
		}
		mp := ptr + "/" + escapeToken(m.key)
		if m.key == "components" {
			var elems []json.RawMessage
			if json.Unmarshal(m.value, &elems) == nil {
				for i, el := range elems {
					if json.Unmarshal(el, new(cdx.Component)) != nil {
						if inner := locateMember(el, mp+"/"+strconv.Itoa(i), func() any { return new(cdx.Component) }); inner != "" {
							return inner
						}
						return mp + "/" + strconv.Itoa(i)
					}
				}
			}
		}
		return mp
	}
	return ""
}

// jsonMember is one member of an object, in file order.
type jsonMember struct {
	key   string
	value json.RawMessage
}

// objectMembers returns the members of a JSON object text in file order.
func objectMembers(obj []byte) ([]jsonMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var out []jsonMember
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, false
		}
		k, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		out = append(out, jsonMember{key: k, value: v})
	}
	return out, true
}
