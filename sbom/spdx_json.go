package sbom

import (
	"encoding/json"
	"errors"
	"github.com/bangate/bangate/internal/yamlversion"
	"reflect"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
	"sigs.k8s.io/yaml"
)

// NOTE: SPDX 2 JSON and YAML are read here into tools-golang's 2.3 model
// rather than with tools-golang's JSON reader. That reader refuses whole
// real documents over defects in fields nothing screens (an identifier
// without "SPDXRef-" in a file entry of a Flux SBOM, a supplier without
// "Organization:" in sbom-tool output, a "filesAnalyzed" of the wrong
// type), and it reads actors and identifiers from the raw JSON text
// without unescaping it (a supplier written "Huawei\u0020Cloud" would
// reach screening with the escape in it). This reader decodes the fields
// that are screened or that place them (names, versions, actors, copyright,
// identifiers, external references, relationships) with encoding/json,
// strictly, and the rest loosely; TestSPDXMatchesToolsGolang checks that
// it reads what tools-golang reads wherever tools-golang reads a file.

// spdxJSONDoc is the part of an SPDX 2 JSON document that is read.
type spdxJSONDoc struct {
	SPDXID       string `json:"SPDXID"`
	CreationInfo *struct {
		Creators []string `json:"creators"`
	} `json:"creationInfo"`
	Packages          []*spdxJSONPackage      `json:"packages"`
	Relationships     []*spdxJSONRelationship `json:"relationships"`
	DocumentDescribes []string                `json:"documentDescribes"`
	// Files and snippets name parties in their copyright texts and
	// contributors.
	Files    []*spdxJSONFile    `json:"files"`
	Snippets []*spdxJSONSnippet `json:"snippets"`
}

// spdxJSONFile is the part of an SPDX 2 JSON file that is read.
type spdxJSONFile struct {
	SPDXID           json.RawMessage `json:"SPDXID"`
	FileName         string          `json:"fileName"`
	CopyrightText    string          `json:"copyrightText"`
	FileContributors []string        `json:"fileContributors"`
}

// spdxJSONSnippet is the part of an SPDX 2 JSON snippet that is read.
type spdxJSONSnippet struct {
	SPDXID          json.RawMessage `json:"SPDXID"`
	Name            string          `json:"name"`
	CopyrightText   string          `json:"copyrightText"`
	SnippetFromFile string          `json:"snippetFromFile"`
}

// spdxJSONPackage is the part of an SPDX 2 JSON package that is read.
// Fields that are not screened are raw, so that a value of another type is
// a warning rather than a refusal.
type spdxJSONPackage struct {
	SPDXID                string              `json:"SPDXID"`
	Name                  string              `json:"name"`
	VersionInfo           string              `json:"versionInfo"`
	Supplier              string              `json:"supplier"`
	Originator            string              `json:"originator"`
	Homepage              string              `json:"homepage"`
	CopyrightText         string              `json:"copyrightText"`
	DownloadLocation      json.RawMessage     `json:"downloadLocation"`
	LicenseDeclared       json.RawMessage     `json:"licenseDeclared"`
	LicenseConcluded      json.RawMessage     `json:"licenseConcluded"`
	PrimaryPackagePurpose json.RawMessage     `json:"primaryPackagePurpose"`
	Checksums             json.RawMessage     `json:"checksums"`
	ExternalRefs          []*spdxJSONExternal `json:"externalRefs"`
	HasFiles              []string            `json:"hasFiles"`
}

// spdxJSONExternal is one external reference.
type spdxJSONExternal struct {
	Category string `json:"referenceCategory"`
	Type     string `json:"referenceType"`
	Locator  string `json:"referenceLocator"`
}

// spdxJSONRelationship is one relationship.
type spdxJSONRelationship struct {
	Element string `json:"spdxElementId"`
	Type    string `json:"relationshipType"`
	Related string `json:"relatedSpdxElement"`
}

// decodeSPDXJSON reads SPDX JSON and converts it.
func decodeSPDXJSON(s sniffed, opts Options) (*Document, error) {
	doc, loc, log, err := readSPDX2JSON(s.body)
	if err != nil {
		return nil, spdxJSONError(opts.Name, s.format, s.body, err, true)
	}
	return convertSPDXLog(doc, s, opts, loc, log)
}

// decodeSPDXYAML reads SPDX YAML (sigs.k8s.io/yaml, as tools-golang's own
// YAML reader does, a %YAML 1.2 directive read as YAML 1.2 readers read
// it) and converts it.
func decodeSPDXYAML(s sniffed, opts Options) (*Document, error) {
	s.body = yamlversion.As11(s.body)
	if serr := scanYAML(s.body, opts.maxDepth()); serr != nil {
		e := newError(opts.Name, s.format, serr.kind, serr.detail)
		e.Offset = serr.offset
		return nil, e
	}
	// YAMLToJSONStrict rejects repeated mapping keys, which a lenient
	// parse would resolve silently to the last one.
	j, err := yaml.YAMLToJSONStrict(s.body)
	if err != nil {
		e := newError(opts.Name, s.format, ErrSyntax, "malformed YAML or a repeated key")
		e.Cause = err
		return nil, e
	}
	if err := checkYAMLKeys(s, j, opts); err != nil {
		return nil, err
	}
	doc, loc, log, err := readSPDX2JSON(j)
	if err != nil {
		// Offsets would be into the converted JSON, not the YAML.
		return nil, spdxJSONError(opts.Name, s.format, j, err, false)
	}
	return convertSPDXLog(doc, s, opts, loc, log)
}

// spdxJSONError describes a failure to read SPDX JSON (or YAML converted
// to JSON, when offsets is false), or syft JSON: a field of the wrong type
// is named by its JSON pointer.
func spdxJSONError(name string, f Format, body []byte, err error, offsets bool) error {
	e := jsonError(name, f, err)
	var de *DecodeError
	var te *json.UnmarshalTypeError
	if errors.As(e, &de) && errors.As(err, &te) {
		if root, terr := decodeTree(body); terr == nil {
			if ptrs := nodesAt(root, te.Field, typeErrorKind(te.Value)); len(ptrs) > 0 {
				de.Pointer = ptrs[0]
				de.Detail = "a JSON " + typeErrorKind(te.Value) + " where " + Label(f, "") + " has " + jsonTypeName(te.Type)
				de.quiet = true
			}
		}
	}
	if !offsets && de != nil {
		de.Offset = -1
	}
	return e
}

// jsonTypeName names the JSON shape a Go type is decoded from, in words a
// reader of the file knows: "a string", "an object", "an array".
func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another type"
}

// readSPDX2JSON decodes an SPDX 2.1–2.3 JSON text into tools-golang's 2.3
// model (relationships from documentDescribes included, as tools-golang
// adds them; the files a package lists in hasFiles in its Files), with the
// locator of its files and snippets and the warnings of what it read past.
func readSPDX2JSON(body []byte) (*spdx.Document, jsonSPDXLocator, *lenientLog, error) {
	var in spdxJSONDoc
	loc := jsonSPDXLocator{files: map[*spdx.File]int{}, snippets: map[*spdx.Snippet]int{}}
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, loc, nil, err
	}
	log := &lenientLog{}
	r := &spdxIDReader{log: log}
	out := &spdx.Document{}
	if in.SPDXID != "" {
		out.SPDXIdentifier = r.element(in.SPDXID, "/SPDXID")
	}
	if ci := in.CreationInfo; ci != nil {
		out.CreationInfo = &spdx.CreationInfo{}
		for _, c := range ci.Creators {
			typ, name := splitSPDXActor(c)
			out.CreationInfo.Creators = append(out.CreationInfo.Creators, common.Creator{CreatorType: typ, Creator: name})
		}
	}
	out.Packages = make([]*spdx.Package, len(in.Packages))
	for i, p := range in.Packages {
		if p == nil {
			continue
		}
		ptr := "/packages/" + strconv.Itoa(i)
		out.Packages[i] = r.pkg(p, ptr)
	}
	for i, rel := range in.Relationships {
		if rel == nil {
			continue
		}
		ptr := "/relationships/" + strconv.Itoa(i)
		a, okA := r.docElement(rel.Element, ptr+"/spdxElementId")
		b, okB := r.docElement(rel.Related, ptr+"/relatedSpdxElement")
		if !okA || !okB || strings.TrimSpace(rel.Type) == "" {
			log.note(WarnFieldMalformed, "relationship without two element IDs and a type; not read", ptr)
			continue
		}
		out.Relationships = append(out.Relationships, &spdx.Relationship{RefA: a, RefB: b, Relationship: strings.TrimSpace(rel.Type)})
	}
	for i, f := range in.Files {
		if f == nil {
			continue
		}
		ptr := "/files/" + strconv.Itoa(i)
		of := &spdx.File{FileName: f.FileName, FileCopyrightText: f.CopyrightText, FileContributors: f.FileContributors}
		var id string
		if len(f.SPDXID) > 0 && json.Unmarshal(f.SPDXID, &id) == nil && strings.TrimSpace(id) != "" {
			of.FileSPDXIdentifier = r.element(id, ptr+"/SPDXID")
		}
		loc.files[of] = i
		out.Files = append(out.Files, of)
	}
	for i, p := range in.Packages {
		if p == nil || out.Packages[i] == nil || len(p.HasFiles) == 0 {
			continue
		}
		// As tools-golang does: a package's hasFiles are CONTAINS
		// relationships.
		pkgID := common.MakeDocElementID("", string(out.Packages[i].PackageSPDXIdentifier))
		for k, id := range p.HasFiles {
			if f, ok := r.docElement(id, "/packages/"+strconv.Itoa(i)+"/hasFiles/"+strconv.Itoa(k)); ok {
				out.Relationships = append(out.Relationships, &spdx.Relationship{RefA: pkgID, RefB: f, Relationship: common.TypeRelationshipContains})
			}
		}
	}
	out.Snippets = make([]spdx.Snippet, 0, len(in.Snippets))
	snipIdx := make([]int, 0, len(in.Snippets))
	for i, sn := range in.Snippets {
		if sn == nil {
			continue
		}
		ptr := "/snippets/" + strconv.Itoa(i)
		os := spdx.Snippet{SnippetName: sn.Name, SnippetCopyrightText: sn.CopyrightText}
		var id string
		if len(sn.SPDXID) > 0 && json.Unmarshal(sn.SPDXID, &id) == nil && strings.TrimSpace(id) != "" {
			os.SnippetSPDXIdentifier = r.element(id, ptr+"/SPDXID")
		}
		if strings.TrimSpace(sn.SnippetFromFile) != "" {
			os.SnippetFromFileSPDXIdentifier = r.element(sn.SnippetFromFile, ptr+"/snippetFromFile")
		}
		out.Snippets = append(out.Snippets, os)
		snipIdx = append(snipIdx, i)
	}
	for k := range out.Snippets {
		loc.snippets[&out.Snippets[k]] = snipIdx[k]
	}
	for i, d := range in.DocumentDescribes {
		b, ok := r.docElement(d, "/documentDescribes/"+strconv.Itoa(i))
		if !ok {
			continue
		}
		out.Relationships = append(out.Relationships, &spdx.Relationship{
			RefA: common.MakeDocElementID("", "DOCUMENT"), RefB: b, Relationship: common.TypeRelationshipDescribe})
	}
	return out, loc, log, nil
}

// spdxIDReader reads identifiers and packages, noting what it reads past.
type spdxIDReader struct {
	log *lenientLog
}

// element reads an element ID at ptr.
func (r *spdxIDReader) element(raw, ptr string) common.ElementID {
	if strings.TrimSpace(raw) == "" {
		return ""
	}
	id, unprefixed, ok := parseElementID(raw)
	switch {
	case !ok:
		r.log.note(WarnFieldMalformed, "element ID with a NUL character; not read", ptr)
	case unprefixed:
		r.log.note(WarnIDUnprefixed, "element ID without the \"SPDXRef-\" prefix; kept as written", ptr)
	}
	return id
}

// docElement reads a relationship end at ptr; ok is false when it is empty
// or malformed.
func (r *spdxIDReader) docElement(raw, ptr string) (common.DocElementID, bool) {
	if strings.TrimSpace(raw) == "" {
		return common.DocElementID{}, false
	}
	id, unprefixed, ok := parseDocElementID(raw)
	if unprefixed {
		r.log.note(WarnIDUnprefixed, "element ID without the \"SPDXRef-\" prefix; kept as written", ptr)
	}
	return id, ok
}

// pkg converts one package at ptr.
func (r *spdxIDReader) pkg(p *spdxJSONPackage, ptr string) *spdx.Package {
	out := &spdx.Package{
		PackageName:          p.Name,
		PackageVersion:       p.VersionInfo,
		PackageHomePage:      p.Homepage,
		PackageCopyrightText: p.CopyrightText,
	}
	if strings.TrimSpace(p.SPDXID) != "" {
		out.PackageSPDXIdentifier = r.element(p.SPDXID, ptr+"/SPDXID")
	}
	if p.Supplier != "" {
		typ, name := splitSPDXActor(p.Supplier)
		out.PackageSupplier = &common.Supplier{SupplierType: typ, Supplier: name}
	}
	if p.Originator != "" {
		typ, name := splitSPDXActor(p.Originator)
		out.PackageOriginator = &common.Originator{OriginatorType: typ, Originator: name}
	}
	out.PackageDownloadLocation = r.text(p.DownloadLocation, ptr+"/downloadLocation", true)
	out.PackageLicenseDeclared = r.text(p.LicenseDeclared, ptr+"/licenseDeclared", false)
	out.PackageLicenseConcluded = r.text(p.LicenseConcluded, ptr+"/licenseConcluded", false)
	out.PrimaryPackagePurpose = r.text(p.PrimaryPackagePurpose, ptr+"/primaryPackagePurpose", false)
	if len(p.Checksums) > 0 && string(p.Checksums) != "null" {
		var sums []*struct {
			Algorithm string `json:"algorithm"`
			Value     string `json:"checksumValue"`
		}
		if err := json.Unmarshal(p.Checksums, &sums); err != nil {
			r.log.note(WarnFieldMalformed, "checksums not in the SPDX form; not read", ptr+"/checksums")
		}
		for _, c := range sums {
			if c != nil {
				out.PackageChecksums = append(out.PackageChecksums, common.Checksum{Algorithm: common.ChecksumAlgorithm(c.Algorithm), Value: c.Value})
			}
		}
	}
	for _, e := range p.ExternalRefs {
		if e == nil {
			out.PackageExternalReferences = append(out.PackageExternalReferences, nil)
			continue
		}
		out.PackageExternalReferences = append(out.PackageExternalReferences, &spdx.PackageExternalReference{
			Category: strings.ReplaceAll(e.Category, "_", "-"), RefType: e.Type, Locator: e.Locator})
	}
	return out
}

// text reads a field that is not screened: a string, or (with a warning)
// nothing. mandatory notes a missing field.
func (r *spdxIDReader) text(raw json.RawMessage, ptr string, mandatory bool) string {
	if len(raw) == 0 || string(raw) == "null" {
		if mandatory {
			r.log.note(WarnFieldMissing, nameOrSome(ptr[strings.LastIndexByte(ptr, '/')+1:], "a mandatory field")+" missing; it is not screened", ptr)
		}
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		r.log.note(WarnFieldMalformed, "not a string; not read", ptr)
		return ""
	}
	return s
}
