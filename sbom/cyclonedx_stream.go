package sbom

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"hash/maphash"
	"io"
	"reflect"
	"sync"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/bangate/bangate/internal/strictkeys"
	"github.com/go-json-experiment/json/jsontext"
)

// The streaming CycloneDX JSON decoder reads a document with the jsontext
// tokenizer and fills cyclonedx-go's types with only the members
// convertCycloneDX reads (cdxScreened); every other member is checked, not
// kept. It gives the BOM that encoding/json would give, as far as the
// conversion can tell, or reports that it cannot: then the caller decodes
// the text with encoding/json, which yields the result (and any error or
// lenient repair) it always has. It gives up on
//   - a member name that is not one of the type's but equals one up to
//     case (encoding/json matches names case-insensitively; the key check
//     has already refused two names equal up to case in one object);
//   - a value of a kind the field does not take, screened or not
//     (encoding/json fails there, and the lenient path decides);
//   - anything the tokenizer refuses (invalid UTF-8, a syntax error).
//
// Members it does not screen are checked against the cyclonedx-go field
// they would fill: a string field takes a string or null, a boolean one a
// boolean or null, and any other value is decoded with encoding/json into
// a fresh value of the field's type and dropped. Parts that are rare and
// small (metadata.tools, services, formulation, pedigree, evidence) are
// decoded with encoding/json into cyclonedx-go's types, as a whole.

// errStreamGiveUp is returned inside the streaming decoder when the text
// needs the full decoder.
var errStreamGiveUp = errors.New("streaming decoder: needs the full decoder")

// cdxField is one JSON member of a cyclonedx-go struct.
type cdxField struct {
	typ reflect.Type
	// plain is set when encoding/json decodes the field as a bare string
	// (or bool): no Unmarshaler, no TextUnmarshaler, no pointer to one.
	plainString, plainBool bool
}

// cdxSchema lists the JSON members of one cyclonedx-go struct type.
type cdxSchema struct {
	fields map[string]cdxField
	// folded holds every member name folded as encoding/json folds names.
	folded map[string]bool
}

// cdxSchemas are the schemas of the types the streaming decoder walks,
// computed once from cyclonedx-go's struct tags.
var cdxSchemas = sync.OnceValue(func() map[reflect.Type]*cdxSchema {
	out := map[reflect.Type]*cdxSchema{}
	for _, v := range []any{cdx.BOM{}, cdx.Metadata{}, cdx.Component{}, cdx.OrganizationalEntity{},
		cdx.OrganizationalContact{}, cdx.Hash{}, cdx.LicenseChoice{}, cdx.License{}, cdx.Property{},
		cdx.ExternalReference{}, cdx.Dependency{}} {
		t := reflect.TypeOf(v)
		out[t] = schemaOf(t)
	}
	return out
})

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// custom reports whether encoding/json decodes t (or *t) through a method.
func custom(t reflect.Type) bool {
	return t.Implements(jsonUnmarshaler) || t.Implements(textUnmarshaler) ||
		reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)
}

// schemaOf reads the JSON member names of struct type t as encoding/json
// does: the json tag's name, else the field name; "-" and unexported
// fields are not members. An embedded struct would add its members; the
// types walked have none, which a test checks.
func schemaOf(t reflect.Type) *cdxSchema {
	s := &cdxSchema{fields: map[string]cdxField{}, folded: map[string]bool{}}
	for i := range t.NumField() {
		f := t.Field(i)
		name, ok := jsonMemberName(f)
		if !ok {
			continue
		}
		ft := f.Type
		base := ft
		if base.Kind() == reflect.Pointer {
			base = base.Elem()
		}
		plain := !custom(ft) && !custom(base)
		s.fields[name] = cdxField{typ: ft, plainString: plain && base.Kind() == reflect.String,
			plainBool: plain && base.Kind() == reflect.Bool}
		s.folded[string(strictkeys.FoldName([]byte(name)))] = true
	}
	return s
}

// jsonMemberName is the JSON member name encoding/json gives field f: the
// json tag's name, else the field's; false for a field with no member
// (unexported, or tagged "-").
func jsonMemberName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag, ok := f.Tag.Lookup("json")
	if tag == "-" {
		return "", false
	}
	if n, _, _ := cutComma(tag); ok && n != "" {
		return n, true // "-," names the member "-", as encoding/json has it
	}
	return f.Name, true
}

// cutComma splits a struct tag at its first comma.
func cutComma(tag string) (before, after string, found bool) {
	if i := bytes.IndexByte([]byte(tag), ','); i >= 0 {
		return tag[:i], tag[i+1:], true
	}
	return tag, "", false
}

// cdxStream is the state of one streaming decode.
type cdxStream struct {
	body []byte
	// spliced, when set, is the text read instead of body.
	spliced *splicedText
	dec     *jsontext.Decoder
	schemas map[reflect.Type]*cdxSchema
	// interned holds short strings read (supplier names, versions,
	// licence ids, types), so that a value repeated across components is
	// allocated once: a table of internSlots strings, each string in the
	// slot its hash (with seed) names, the last one read there.
	interned *[internSlots]string
	seed     maphash.Seed
	// dropDeps checks the dependencies (as Options.NoDependencies has
	// it) and keeps none of them.
	dropDeps bool
}

// Bounds of the strings interned: short ones, in a table small enough to
// stay in the processor's cache, where a unique value (a hash, a URL)
// takes the place of the one before it in its slot.
const (
	internMaxLen = 48
	internSlots  = 1 << 12
)

// newCDXStream returns a streaming decoder over one JSON text.
func newCDXStream(body []byte) *cdxStream {
	return &cdxStream{
		body:     body,
		dec:      jsontext.NewDecoder(bytes.NewBuffer(body), jsontext.AllowDuplicateNames(true)),
		schemas:  cdxSchemas(),
		interned: new([internSlots]string),
		seed:     maphash.MakeSeed(),
	}
}

// streamCDXBOM decodes a whole CycloneDX JSON text; false when it needs
// the full decoder.
func streamCDXBOM(body []byte) (*cdx.BOM, bool) {
	return streamCDXBOMDeps(body, false)
}

// streamCDXBOMDeps is streamCDXBOM that, with dropDeps set, checks the
// dependencies and leaves BOM.Dependencies nil.
func streamCDXBOMDeps(body []byte, dropDeps bool) (*cdx.BOM, bool) {
	return newCDXStream(body).wholeBOM(dropDeps)
}

// streamCDXBOMSpliced is streamCDXBOMDeps of a spliced text, read where
// its pieces are.
func streamCDXBOMSpliced(text *splicedText, dropDeps bool) (*cdx.BOM, bool) {
	s := newCDXStream(nil)
	s.spliced = text
	s.dec.Reset(text, jsontext.AllowDuplicateNames(true))
	return s.wholeBOM(dropDeps)
}

// wholeBOM decodes the whole text of s as a BOM, as streamCDXBOMDeps.
func (s *cdxStream) wholeBOM(dropDeps bool) (*cdx.BOM, bool) {
	bom := new(cdx.BOM)
	s.dropDeps = dropDeps
	if err := s.bom(bom); err != nil || !s.end() {
		return nil, false
	}
	return bom, true
}

// reset points the decoder at another text, keeping its buffers and its
// interned strings. A bytes.Buffer is read in place, not copied.
func (s *cdxStream) reset(body []byte) {
	s.body, s.spliced = body, nil
	s.dec.Reset(bytes.NewBuffer(body), jsontext.AllowDuplicateNames(true))
}

// componentText decodes the text of one component into dst (s is reset to
// it); false when it needs the full decoder.
func (s *cdxStream) componentText(body []byte, dst *cdx.Component) bool {
	s.reset(body)
	if s.dec.PeekKind() != '{' {
		return false
	}
	return s.component(dst) == nil && s.end()
}

// end reports whether nothing but white space follows the value read.
func (s *cdxStream) end() bool {
	_, err := s.dec.ReadToken()
	return errors.Is(err, io.EOF)
}

// object reads an object of type t (or null, which leaves the value as
// it is), calling member for each name; member reads the value and
// reports false when the name is not one it reads, and the value is then
// checked against the schema.
func (s *cdxStream) object(t reflect.Type, member func(name string) (bool, error)) error {
	switch s.dec.PeekKind() {
	case 'n':
		_, err := s.dec.ReadToken()
		return err
	case '{':
	default:
		return errStreamGiveUp
	}
	if _, err := s.dec.ReadToken(); err != nil {
		return err
	}
	sch := s.schemas[t]
	for s.dec.PeekKind() != '}' {
		if s.dec.PeekKind() != '"' {
			return errStreamGiveUp
		}
		name, err := s.readString("", true)
		if err != nil {
			return err
		}
		ok, err := member(name)
		if err != nil {
			return err
		}
		if !ok {
			if err := s.other(sch, name); err != nil {
				return err
			}
		}
	}
	_, err := s.dec.ReadToken()
	return err
}

// other checks the value of a member the decoder does not keep.
func (s *cdxStream) other(sch *cdxSchema, name string) error {
	f, ok := sch.fields[name]
	if !ok {
		if sch.folded[string(strictkeys.FoldName([]byte(name)))] {
			return errStreamGiveUp
		}
		return s.dec.SkipValue()
	}
	k := s.dec.PeekKind()
	switch {
	case k == 'n' && (f.plainString || f.plainBool):
	case k == '"' && f.plainString:
	case (k == 't' || k == 'f') && f.plainBool:
	default:
		return s.full(f.typ, nil)
	}
	return s.dec.SkipValue()
}

// full decodes the next value with encoding/json into a new value of type
// t, stored in dst when dst is not nil.
func (s *cdxStream) full(t reflect.Type, dst any) error {
	raw, err := s.dec.ReadValue()
	if err != nil {
		return err
	}
	if dst == nil {
		dst = reflect.New(t).Interface()
	}
	if json.Unmarshal(raw, dst) != nil {
		return errStreamGiveUp
	}
	return nil
}

// str reads a string member into dst; null leaves it as it is.
func (s *cdxStream) str(dst *string) error {
	return s.strAs(dst, "", true)
}

// unique is str for values that are seldom repeated (refs, purls, hash
// values): they are not interned.
func (s *cdxStream) unique(dst *string) error {
	return s.strAs(dst, "", false)
}

// strAs is str, reusing same (a string read before, such as the bom-ref
// for the purl) when the value equals it, and with intern set a string
// interned before when there is one.
func (s *cdxStream) strAs(dst *string, same string, intern bool) error {
	switch s.dec.PeekKind() {
	case 'n':
		_, err := s.dec.ReadToken()
		return err
	case '"':
	default:
		return errStreamGiveUp
	}
	v, err := s.readString(same, intern)
	if err == nil {
		*dst = v
	}
	return err
}

// text returns the bytes of the text read from offset lo up to hi.
func (s *cdxStream) text(lo, hi int64) []byte {
	if s.spliced != nil {
		return s.spliced.slice(int(lo), int(hi))
	}
	return s.body[lo:hi]
}

// readString reads the string (a value or a member name) that comes next:
// same when it equals same, else interned (with intern set) or new.
func (s *cdxStream) readString(same string, intern bool) (string, error) {
	before := s.dec.InputOffset()
	tok, err := s.dec.ReadToken()
	if err != nil {
		return "", err
	}
	// Between the end of the previous token and the string's opening
	// quote there is only white space, ':' or ','.
	raw := s.text(before, s.dec.InputOffset())
	raw = raw[bytes.IndexByte(raw, '"'):]
	if bytes.IndexByte(raw, '\\') >= 0 {
		return tok.String(), nil
	}
	v := raw[1 : len(raw)-1]
	switch {
	case same != "" && string(v) == same:
		return same, nil
	case !intern || len(v) > internMaxLen:
		return string(v), nil
	}
	slot := &s.interned[maphash.Bytes(s.seed, v)&(internSlots-1)]
	if *slot == string(v) {
		return *slot, nil
	}
	str := string(v)
	*slot = str
	return str, nil
}

// skipString reads a string or null, as str does, keeping nothing.
func (s *cdxStream) skipString() error {
	switch s.dec.PeekKind() {
	case 'n':
		_, err := s.dec.ReadToken()
		return err
	case '"':
		return s.dec.SkipValue()
	}
	return errStreamGiveUp
}

// array reads an array (or null: absent) calling elem for each element;
// it reports whether the array was there.
func (s *cdxStream) array(elem func() error) (bool, error) {
	switch s.dec.PeekKind() {
	case 'n':
		_, err := s.dec.ReadToken()
		return false, err
	case '[':
	default:
		return false, errStreamGiveUp
	}
	if _, err := s.dec.ReadToken(); err != nil {
		return false, err
	}
	for s.dec.PeekKind() != ']' {
		if err := elem(); err != nil {
			return false, err
		}
	}
	_, err := s.dec.ReadToken()
	return true, err
}

// strings reads an array of strings into *dst (left nil for null).
func (s *cdxStream) strings(dst **[]string) error {
	list := []string{}
	ok, err := s.array(func() error {
		var v string
		if err := s.str(&v); err != nil {
			return err
		}
		list = append(list, v)
		return nil
	})
	if ok {
		*dst = &list
	}
	return err
}

// bom reads the top-level object.
func (s *cdxStream) bom(b *cdx.BOM) error {
	return s.object(reflect.TypeFor[cdx.BOM](), func(name string) (bool, error) {
		switch name {
		case "bomFormat":
			return true, s.str(&b.BOMFormat)
		case "metadata":
			if s.dec.PeekKind() == 'n' {
				return true, s.null()
			}
			md := new(cdx.Metadata)
			b.Metadata = md
			return true, s.metadata(md)
		case "components":
			return true, s.components(&b.Components)
		case "services":
			return true, s.full(nil, &b.Services)
		case "formulation":
			return true, s.full(nil, &b.Formulation)
		case "dependencies":
			return true, s.dependencies(&b.Dependencies)
		}
		return false, nil
	})
}

// null reads a null.
func (s *cdxStream) null() error {
	_, err := s.dec.ReadToken()
	return err
}

// metadata reads the metadata object.
func (s *cdxStream) metadata(md *cdx.Metadata) error {
	return s.object(reflect.TypeFor[cdx.Metadata](), func(name string) (bool, error) {
		switch name {
		case "supplier":
			return true, s.entity(&md.Supplier)
		case "manufacturer":
			return true, s.entity(&md.Manufacturer)
		case "manufacture":
			return true, s.entity(&md.Manufacture)
		case "authors":
			return true, s.contacts(&md.Authors)
		case "licenses":
			return true, s.licenses(&md.Licenses)
		case "properties":
			return true, s.properties(&md.Properties)
		case "tools":
			return true, s.full(nil, &md.Tools)
		case "component":
			if s.dec.PeekKind() == 'n' {
				return true, s.null()
			}
			if s.dec.PeekKind() != '{' {
				return false, errStreamGiveUp
			}
			md.Component = new(cdx.Component)
			return true, s.component(md.Component)
		}
		return false, nil
	})
}

// components reads an array of components.
func (s *cdxStream) components(dst **[]cdx.Component) error {
	list := []cdx.Component{}
	ok, err := s.array(func() error {
		list = append(list, cdx.Component{})
		if k := s.dec.PeekKind(); k != '{' && k != 'n' {
			return errStreamGiveUp
		}
		return s.component(&list[len(list)-1])
	})
	if ok {
		*dst = &list
	}
	return err
}

// component reads one component object.
func (s *cdxStream) component(c *cdx.Component) error {
	return s.object(reflect.TypeFor[cdx.Component](), func(name string) (bool, error) {
		switch name {
		case "bom-ref":
			return true, s.strAs(&c.BOMRef, c.PackageURL, false)
		case "type":
			var v string
			err := s.str(&v)
			if v != "" {
				c.Type = cdx.ComponentType(v)
			}
			return true, err
		case "name":
			return true, s.str(&c.Name)
		case "version":
			return true, s.str(&c.Version)
		case "group":
			return true, s.str(&c.Group)
		case "purl":
			return true, s.strAs(&c.PackageURL, c.BOMRef, false)
		case "cpe":
			return true, s.unique(&c.CPE)
		case "author":
			return true, s.str(&c.Author)
		case "publisher":
			return true, s.str(&c.Publisher)
		case "copyright":
			return true, s.str(&c.Copyright)
		case "supplier":
			return true, s.entity(&c.Supplier)
		case "manufacturer":
			return true, s.entity(&c.Manufacturer)
		case "authors":
			return true, s.contacts(&c.Authors)
		case "hashes":
			return true, s.hashes(&c.Hashes)
		case "licenses":
			return true, s.licenses(&c.Licenses)
		case "properties":
			return true, s.properties(&c.Properties)
		case "externalReferences":
			return true, s.externalRefs(&c.ExternalReferences)
		case "components":
			return true, s.components(&c.Components)
		case "pedigree":
			return true, s.full(nil, &c.Pedigree)
		case "evidence":
			return true, s.full(nil, &c.Evidence)
		}
		return false, nil
	})
}

// entity reads an organizational entity (null leaves *dst nil).
func (s *cdxStream) entity(dst **cdx.OrganizationalEntity) error {
	switch s.dec.PeekKind() {
	case 'n':
		return s.null()
	case '{':
	default:
		return errStreamGiveUp
	}
	e := new(cdx.OrganizationalEntity)
	*dst = e
	return s.object(reflect.TypeFor[cdx.OrganizationalEntity](), func(name string) (bool, error) {
		switch name {
		case "name":
			return true, s.str(&e.Name)
		case "url":
			return true, s.strings(&e.URL)
		case "contact":
			return true, s.contacts(&e.Contact)
		}
		return false, nil
	})
}

// contacts reads an array of organizational contacts.
func (s *cdxStream) contacts(dst **[]cdx.OrganizationalContact) error {
	list := []cdx.OrganizationalContact{}
	ok, err := s.array(func() error {
		list = append(list, cdx.OrganizationalContact{})
		ct := &list[len(list)-1]
		return s.object(reflect.TypeFor[cdx.OrganizationalContact](), func(name string) (bool, error) {
			switch name {
			case "name":
				return true, s.str(&ct.Name)
			case "email":
				return true, s.str(&ct.Email)
			}
			return false, nil
		})
	})
	if ok {
		*dst = &list
	}
	return err
}

// hashes reads an array of hashes.
func (s *cdxStream) hashes(dst **[]cdx.Hash) error {
	list := []cdx.Hash{}
	ok, err := s.array(func() error {
		list = append(list, cdx.Hash{})
		h := &list[len(list)-1]
		return s.object(reflect.TypeFor[cdx.Hash](), func(name string) (bool, error) {
			switch name {
			case "alg":
				var v string
				err := s.str(&v)
				if v != "" {
					h.Algorithm = cdx.HashAlgorithm(v)
				}
				return true, err
			case "content":
				return true, s.unique(&h.Value)
			}
			return false, nil
		})
	})
	if ok {
		*dst = &list
	}
	return err
}

// licenses reads a licenses array.
func (s *cdxStream) licenses(dst **cdx.Licenses) error {
	list := cdx.Licenses{}
	ok, err := s.array(func() error {
		list = append(list, cdx.LicenseChoice{})
		lc := &list[len(list)-1]
		return s.object(reflect.TypeFor[cdx.LicenseChoice](), func(name string) (bool, error) {
			switch name {
			case "expression":
				return true, s.str(&lc.Expression)
			case "licensing":
				// Who licenses it: a party (RoleLicensor).
				return true, s.full(nil, &lc.Licensing)
			case "license":
				switch s.dec.PeekKind() {
				case 'n':
					return true, s.null()
				case '{':
				default:
					return false, errStreamGiveUp
				}
				l := new(cdx.License)
				lc.License = l
				return true, s.object(reflect.TypeFor[cdx.License](), func(name string) (bool, error) {
					switch name {
					case "id":
						return true, s.str(&l.ID)
					case "name":
						return true, s.str(&l.Name)
					case "url":
						return true, s.str(&l.URL)
					case "licensing":
						return true, s.full(nil, &l.Licensing)
					}
					return false, nil
				})
			}
			return false, nil
		})
	})
	if ok {
		*dst = &list
	}
	return err
}

// properties reads an array of properties.
func (s *cdxStream) properties(dst **[]cdx.Property) error {
	list := []cdx.Property{}
	ok, err := s.array(func() error {
		list = append(list, cdx.Property{})
		p := &list[len(list)-1]
		return s.object(reflect.TypeFor[cdx.Property](), func(name string) (bool, error) {
			switch name {
			case "name":
				return true, s.str(&p.Name)
			case "value":
				return true, s.str(&p.Value)
			}
			return false, nil
		})
	})
	if ok {
		*dst = &list
	}
	return err
}

// externalRefs reads an array of external references.
func (s *cdxStream) externalRefs(dst **[]cdx.ExternalReference) error {
	list := []cdx.ExternalReference{}
	ok, err := s.array(func() error {
		list = append(list, cdx.ExternalReference{})
		r := &list[len(list)-1]
		return s.object(reflect.TypeFor[cdx.ExternalReference](), func(name string) (bool, error) {
			switch name {
			case "url":
				return true, s.str(&r.URL)
			case "type":
				var v string
				err := s.str(&v)
				if v != "" {
					r.Type = cdx.ExternalReferenceType(v)
				}
				return true, err
			}
			return false, nil
		})
	})
	if ok {
		*dst = &list
	}
	return err
}

// dependencies reads the dependency graph.
func (s *cdxStream) dependencies(dst **[]cdx.Dependency) error {
	if s.dropDeps {
		_, err := s.array(func() error {
			return s.object(reflect.TypeFor[cdx.Dependency](), func(name string) (bool, error) {
				switch name {
				case "ref":
					return true, s.skipString()
				case "dependsOn":
					_, err := s.array(s.skipString)
					return true, err
				}
				return false, nil
			})
		})
		return err
	}
	list := []cdx.Dependency{}
	ok, err := s.array(func() error {
		list = append(list, cdx.Dependency{})
		d := &list[len(list)-1]
		return s.object(reflect.TypeFor[cdx.Dependency](), func(name string) (bool, error) {
			switch name {
			case "ref":
				return true, s.str(&d.Ref)
			case "dependsOn":
				return true, s.strings(&d.Dependencies)
			}
			return false, nil
		})
	})
	if ok {
		*dst = &list
	}
	return err
}
