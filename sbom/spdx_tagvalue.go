package sbom

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
)

// NOTE: SPDX tag-value is read here rather than with tools-golang's
// tag-value parsers, which stop at the first tag they do not expect: a
// snippet right after a package (the SPDX 2.2 specification's own
// example), a misspelt tag in a file section, an identifier without
// "SPDXRef-", a supplier without "Person:" or "Organization:". This reader
// follows the same sections (document, creation info, package, file,
// snippet, other license, review) and gives each tag the meaning
// tools-golang gives it; tags that are not screened and not understood are
// warnings. TestSPDXMatchesToolsGolang checks that it reads what
// tools-golang reads wherever tools-golang reads a file.

// tvPair is one tag-value pair with the line it starts on.
type tvPair struct {
	tag, value string
	line       int
	// outside is set when the tag's lines hold text before "<text>" or
	// after "</text>", which tools-golang drops and a person reads: it is
	// kept, around the text, in value.
	outside bool
}

// tvLines splits text into lines at LF, CRLF or a lone CR, and reports
// which of the three it found.
type tvLines struct {
	lf, crlf, cr bool
}

// next returns the first line of b and the rest.
func (l *tvLines) next(b []byte) (line, rest []byte) {
	i := bytes.IndexAny(b, "\r\n")
	if i < 0 {
		return b, nil
	}
	switch {
	case b[i] == '\n':
		l.lf = true
		return b[:i], b[i+1:]
	case i+1 < len(b) && b[i+1] == '\n':
		l.crlf = true
		return b[:i], b[i+2:]
	default:
		l.cr = true
		return b[:i], b[i+1:]
	}
}

// readTagValues splits SPDX tag-value text into pairs the way
// tools-golang's reader does (leading space trimmed, '#' comments,
// multi-line <text>...</text> values), but without its 64 KiB line limit,
// with line numbers, with errors that do not quote the input, and with CR
// and CRLF line endings as well as LF (a lone CR, or a mix, is reported
// through lines).
func readTagValues(body []byte) ([]tvPair, tvLines, *DecodeError) {
	var pairs []tvPair
	var ends tvLines
	var (
		midtext  bool
		curTag   string
		curLead  string
		curValue strings.Builder
		curLine  int
	)
	lineNo := 0
	for len(body) > 0 {
		var raw []byte
		raw, body = ends.next(body)
		lineNo++
		line := string(raw)
		if midtext {
			before, _, found := strings.Cut(line, "</text>")
			if !found {
				curValue.WriteString(line)
				curValue.WriteByte('\n')
				continue
			}
			curValue.WriteString(before)
			pairs = append(pairs, textPair(curTag, curLead, curValue.String(), line[len(before)+len("</text>"):], curLine))
			midtext = false
			continue
		}
		trimmed := strings.TrimLeft(line, " \t\v\f\u0085\u00a0")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		tag, rest, ok := strings.Cut(trimmed, ":")
		if !ok {
			return nil, ends, &DecodeError{Format: FormatSPDXTagValue, Kind: ErrSyntax, Detail: "line without a tag", Line: lineNo, Offset: -1}
		}
		tag = strings.TrimSpace(tag)
		lead, text, hasText := strings.Cut(rest, "<text>")
		if !hasText {
			pairs = append(pairs, tvPair{tag: tag, value: strings.TrimSpace(rest), line: lineNo})
			continue
		}
		if before, after, closed := strings.Cut(text, "</text>"); closed {
			pairs = append(pairs, textPair(tag, lead, before, after, lineNo))
			continue
		}
		midtext, curTag, curLead, curLine = true, tag, lead, lineNo
		curValue.Reset()
		curValue.WriteString(text)
		curValue.WriteByte('\n')
	}
	if midtext {
		return nil, ends, &DecodeError{Format: FormatSPDXTagValue, Kind: ErrTruncated, Detail: "unterminated <text> value", Line: curLine, Offset: -1}
	}
	return pairs, ends, nil
}

// textPair is the pair of a <text> value with the text found before
// "<text>" (lead) and after "</text>" (tail) on its lines: the text alone
// when those are blank, else all three, space-separated, so that
// "PackageSupplier: Organization: X <text>Y</text>" is screened with X.
func textPair(tag, lead, text, tail string, line int) tvPair {
	lead, tail = strings.TrimSpace(lead), strings.TrimSpace(tail)
	if lead == "" && tail == "" {
		return tvPair{tag: tag, value: text, line: line}
	}
	parts := make([]string, 0, 3)
	for _, s := range []string{lead, text, tail} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return tvPair{tag: tag, value: strings.Join(parts, " "), line: line, outside: true}
}

// decodeSPDXTagValue reads SPDX tag-value and converts it, with "line N"
// pointers.
func decodeSPDXTagValue(s sniffed, opts Options) (*Document, error) {
	pairs, ends, derr := readTagValues(s.body)
	if derr != nil {
		derr.Name = opts.Name
		return nil, derr
	}
	r := newTVReader()
	switch {
	case ends.cr && (ends.lf || ends.crlf):
		r.log.note(WarnLineEndings, "mixed line endings (CR, LF, CRLF); each read as a line break", lineRef(1))
	case ends.cr:
		r.log.note(WarnLineEndings, "CR-only line endings; read as line breaks", lineRef(1))
	}
	for _, p := range pairs {
		if p.outside {
			r.log.note(WarnFieldMalformed, p.tag+" has text outside <text>…</text>; read with it", lineRef(p.line))
		}
		if derr := r.pair(p); derr != nil {
			derr.Name = opts.Name
			return nil, derr
		}
	}
	r.end()
	return convertSPDXLog(&r.doc, s, opts, r.loc, r.log)
}

// tvSection is the section of a tag-value document a tag falls in.
type tvSection int

const (
	secDocument tvSection = iota
	secCreation
	secPackage
	secFile
	secSnippet
	secLicense
	secReview
)

// tvSectionTags lists the tags each section knows besides the ones that
// start a section (PackageName, FileName, SnippetSPDXID, LicenseID,
// Reviewer) and the ones allowed anywhere (relationships, annotations).
// Tags are from the SPDX 2.1–2.3 specifications, as tools-golang reads
// them.
var tvSectionTags = map[tvSection][]string{
	secDocument: {"SPDXVersion", "DataLicense", "SPDXID", "DocumentName", "DocumentNamespace", "ExternalDocumentRef", "DocumentComment"},
	secCreation: {"LicenseListVersion", "Creator", "Created", "CreatorComment", "DocumentComment"},
	secPackage: {"SPDXID", "PackageVersion", "PackageFileName", "PackageSupplier", "PackageOriginator", "PackageDownloadLocation",
		"FilesAnalyzed", "PackageVerificationCode", "PackageChecksum", "PackageHomePage", "PackageSourceInfo", "PackageLicenseConcluded",
		"PackageLicenseInfoFromFiles", "PackageLicenseDeclared", "PackageLicenseComments", "PackageCopyrightText", "PackageSummary",
		"PackageDescription", "PackageComment", "PrimaryPackagePurpose", "ReleaseDate", "BuiltDate", "ValidUntilDate",
		"PackageAttributionText", "ExternalRef", "ExternalRefComment"},
	secFile: {"SPDXID", "FileType", "FileChecksum", "LicenseConcluded", "LicenseInfoInFile", "LicenseComments", "FileCopyrightText",
		"FileComment", "FileNotice", "FileContributor", "FileAttributionText", "FileDependency", "ArtifactOfProjectName",
		"ArtifactOfProjectHomePage", "ArtifactOfProjectURI"},
	secSnippet: {"SnippetFromFileSPDXID", "SnippetByteRange", "SnippetLineRange", "SnippetLicenseConcluded", "LicenseInfoInSnippet",
		"SnippetLicenseComments", "SnippetCopyrightText", "SnippetComment", "SnippetName", "SnippetAttributionText"},
	secLicense: {"ExtractedText", "LicenseName", "LicenseCrossReference", "LicenseComment"},
	secReview:  {"ReviewDate", "ReviewComment"},
}

// tvAnywhere are tags allowed in every section.
var tvAnywhere = []string{"Relationship", "RelationshipComment", "Annotator", "AnnotationDate", "AnnotationType", "SPDXREF", "AnnotationComment"}

// tvStarts maps the tags that start a section to it.
var tvStarts = map[string]tvSection{
	"PackageName": secPackage, "FileName": secFile, "SnippetSPDXID": secSnippet, "LicenseID": secLicense, "Reviewer": secReview,
}

// tvKnown maps every known tag, folded to lower case, to its spelling.
var tvKnown = func() map[string]string {
	m := make(map[string]string)
	add := func(t string) { m[strings.ToLower(t)] = t }
	for _, tags := range tvSectionTags {
		for _, t := range tags {
			add(t)
		}
	}
	for _, t := range tvAnywhere {
		add(t)
	}
	for t := range tvStarts {
		add(t)
	}
	return m
}()

// tvSingleTags are package tags that may appear once per package: a second
// value would replace the first, so that a second PackageSupplier could
// hide the first.
var tvSingleTags = map[string]bool{
	"SPDXID": true, "PackageVersion": true, "PackageSupplier": true, "PackageOriginator": true,
	"PackageDownloadLocation": true, "PackageHomePage": true, "PackageCopyrightText": true,
	"PackageLicenseDeclared": true, "PackageLicenseConcluded": true, "PrimaryPackagePurpose": true,
}

// tvReader reads tag-value pairs into tools-golang's 2.3 model.
type tvReader struct {
	doc     spdx.Document
	loc     *tvLocator
	log     *lenientLog
	ids     *spdxIDReader
	section tvSection
	pkg     *spdx.Package // the current package, also in its file and snippet sections
	pkgLoc  *tvPackage
	pkgSeen map[string]int // single-valued tags of the current package → line
	pkgID   bool           // the current package has an SPDXID
	file    *spdx.File     // the current file
	snips   []*tvElem      // the places of doc.Snippets, in order
}

func newTVReader() *tvReader {
	log := &lenientLog{}
	return &tvReader{loc: &tvLocator{pkgs: make(map[*spdx.Package]*tvPackage), files: make(map[*spdx.File]*tvElem),
		snippets: make(map[*spdx.Snippet]*tvElem)}, log: log, ids: &spdxIDReader{log: log}}
}

// pair reads one pair.
func (r *tvReader) pair(p tvPair) *DecodeError {
	tag := p.tag
	if known, ok := tvKnown[strings.ToLower(tag)]; ok && known != tag {
		r.log.note(WarnTagCase, "tag "+nameOrSome(tag, "")+" read as "+known, lineRef(p.line))
		tag = known
	}
	if sec, ok := tvStarts[tag]; ok {
		return r.start(sec, tag, p)
	}
	switch tag {
	case "Relationship":
		r.relationship(p)
		return nil
	case "RelationshipComment", "Annotator", "AnnotationDate", "AnnotationType", "SPDXREF", "AnnotationComment":
		return nil
	}
	if r.section == secDocument && !inList(tvSectionTags[secDocument], tag) {
		// As in tools-golang: the first tag that is not a document tag
		// moves on to creation info.
		r.section = secCreation
	}
	if inList(tvSectionTags[r.section], tag) {
		return r.read(r.section, tag, p)
	}
	// A package tag after the package's files or snippets belongs to the
	// package; tools-golang refuses the document.
	if (r.section == secFile || r.section == secSnippet) && r.pkg != nil && inList(tvSectionTags[secPackage], tag) && tag != "SPDXID" {
		r.log.note(WarnTagMisplaced, "package tag "+tag+" after the package's files; read for the package", lineRef(p.line))
		return r.read(secPackage, tag, p)
	}
	if r.section == secCreation && tag == "SPDXID" {
		r.doc.SPDXIdentifier = r.ids.element(p.value, lineRef(p.line))
		return nil
	}
	r.log.note(WarnTagUnknown, "unknown tag "+nameOrSome(tag, "(not a plain name)")+"; not read", lineRef(p.line))
	return nil
}

// inList reports whether list holds v.
func inList(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// start begins a section. A file belongs to the package it follows (the
// document's own before any package); a snippet to the document.
func (r *tvReader) start(sec tvSection, tag string, p tvPair) *DecodeError {
	r.section = sec
	switch sec {
	case secFile:
		r.file = &spdx.File{FileName: p.value}
		if r.pkg != nil {
			r.pkg.Files = append(r.pkg.Files, r.file)
		} else {
			r.doc.Files = append(r.doc.Files, r.file)
		}
		r.loc.files[r.file] = newTVElem(p.line)
		return nil
	case secSnippet:
		r.doc.Snippets = append(r.doc.Snippets, spdx.Snippet{SnippetSPDXIdentifier: r.ids.element(p.value, lineRef(p.line))})
		r.snips = append(r.snips, newTVElem(p.line))
		return nil
	}
	if sec != secPackage {
		return nil
	}
	if r.pkg != nil && r.pkg.PackageName == "" && r.pkgLoc != nil && r.pkgLoc.sectionOpen {
		// tools-golang names a package that has no name yet.
		r.pkg.PackageName = p.value
		return nil
	}
	r.endPackage()
	r.pkg = &spdx.Package{PackageName: p.value}
	r.pkgLoc = &tvPackage{line: p.line, fields: make(map[string]int), sectionOpen: true}
	r.pkgSeen = make(map[string]int)
	r.pkgID = false
	r.doc.Packages = append(r.doc.Packages, r.pkg)
	r.loc.pkgs[r.pkg] = r.pkgLoc
	return nil
}

// endPackage closes the current package, noting what it lacks.
func (r *tvReader) endPackage() {
	if r.pkg == nil {
		return
	}
	r.pkgLoc.sectionOpen = false
	if _, ok := r.pkgLoc.fields["PackageDownloadLocation"]; !ok {
		r.log.note(WarnFieldMissing, "PackageDownloadLocation missing; it is not screened", lineRef(r.pkgLoc.line))
	}
}

// end finishes the document.
func (r *tvReader) end() {
	r.endPackage()
	for i := range r.doc.Snippets {
		r.loc.snippets[&r.doc.Snippets[i]] = r.snips[i]
	}
}

// read reads a tag of section sec.
func (r *tvReader) read(sec tvSection, tag string, p tvPair) *DecodeError {
	switch sec {
	case secDocument:
		if tag == "SPDXID" {
			r.doc.SPDXIdentifier = r.ids.element(p.value, lineRef(p.line))
		}
	case secFile:
		f, fl := r.file, r.loc.files[r.file]
		if f == nil {
			return nil
		}
		fl.add(tag, p.line)
		switch tag {
		case "SPDXID":
			f.FileSPDXIdentifier = r.ids.element(p.value, lineRef(p.line))
		case "FileCopyrightText":
			f.FileCopyrightText = p.value
		case "FileContributor":
			f.FileContributors = append(f.FileContributors, p.value)
		}
	case secSnippet:
		if len(r.snips) == 0 {
			return nil
		}
		sn, sl := &r.doc.Snippets[len(r.doc.Snippets)-1], r.snips[len(r.snips)-1]
		sl.add(tag, p.line)
		switch tag {
		case "SnippetCopyrightText":
			sn.SnippetCopyrightText = p.value
		case "SnippetName":
			sn.SnippetName = p.value
		case "SnippetFromFileSPDXID":
			sn.SnippetFromFileSPDXIdentifier = r.ids.element(p.value, lineRef(p.line))
		}
	case secCreation:
		if tag == "Creator" {
			if r.doc.CreationInfo == nil {
				r.doc.CreationInfo = &spdx.CreationInfo{}
			}
			typ, name := splitSPDXActor(p.value)
			r.doc.CreationInfo.Creators = append(r.doc.CreationInfo.Creators, common.Creator{CreatorType: typ, Creator: name})
			r.loc.creators = append(r.loc.creators, p.line)
		}
	case secPackage:
		return r.packageTag(tag, p)
	}
	return nil
}

// packageTag reads a tag of the current package.
func (r *tvReader) packageTag(tag string, p tvPair) *DecodeError {
	pkg, pl := r.pkg, r.pkgLoc
	if tvSingleTags[tag] {
		if _, dup := r.pkgSeen[tag]; dup {
			return &DecodeError{Format: FormatSPDXTagValue, Kind: ErrInvalid, Detail: "tag " + tag + " repeated in one package", Line: p.line, Offset: -1}
		}
		r.pkgSeen[tag] = p.line
	}
	if _, ok := pl.fields[tag]; !ok {
		pl.fields[tag] = p.line
	}
	v := p.value
	switch tag {
	case "SPDXID":
		pkg.PackageSPDXIdentifier = r.ids.element(v, lineRef(p.line))
		r.pkgID = true
	case "PackageVersion":
		pkg.PackageVersion = v
	case "PackageSupplier":
		typ, name := splitSPDXActor(v)
		pkg.PackageSupplier = &common.Supplier{SupplierType: typ, Supplier: name}
	case "PackageOriginator":
		typ, name := splitSPDXActor(v)
		pkg.PackageOriginator = &common.Originator{OriginatorType: typ, Originator: name}
	case "PackageDownloadLocation":
		pkg.PackageDownloadLocation = v
	case "PackageHomePage":
		pkg.PackageHomePage = v
	case "PackageCopyrightText":
		pkg.PackageCopyrightText = v
	case "PackageLicenseDeclared":
		pkg.PackageLicenseDeclared = v
	case "PackageLicenseConcluded":
		pkg.PackageLicenseConcluded = v
	case "PrimaryPackagePurpose":
		pkg.PrimaryPackagePurpose = v
	case "PackageChecksum":
		alg, val, ok := strings.Cut(v, ":")
		if !ok {
			r.log.note(WarnFieldMalformed, "PackageChecksum without an algorithm; not read", lineRef(p.line))
			break
		}
		pkg.PackageChecksums = append(pkg.PackageChecksums, common.Checksum{
			Algorithm: common.ChecksumAlgorithm(strings.TrimSpace(alg)), Value: strings.TrimSpace(val)})
	case "ExternalRef":
		f := strings.Fields(v)
		if len(f) < 3 {
			r.log.note(WarnExternalRefMalformed, "ExternalRef without a category, a type and a locator; not read", lineRef(p.line))
			break
		}
		if len(f) > 3 {
			r.log.note(WarnExternalRefMalformed, "ExternalRef locator with spaces; screened as written", lineRef(p.line))
		}
		pkg.PackageExternalReferences = append(pkg.PackageExternalReferences, &spdx.PackageExternalReference{
			Category: f[0], RefType: f[1], Locator: strings.Join(f[2:], " ")})
		pl.extRefs = append(pl.extRefs, p.line)
	}
	return nil
}

// relationship reads "A TYPE B".
func (r *tvReader) relationship(p tvPair) {
	f := strings.Fields(p.value)
	if len(f) != 3 {
		r.log.note(WarnFieldMalformed, "Relationship without two element IDs and a type; not read", lineRef(p.line))
		return
	}
	a, okA := r.ids.docElement(f[0], lineRef(p.line))
	b, okB := r.ids.docElement(f[2], lineRef(p.line))
	if !okA || !okB {
		r.log.note(WarnFieldMalformed, "Relationship with an unreadable element ID; not read", lineRef(p.line))
		return
	}
	r.doc.Relationships = append(r.doc.Relationships, &spdx.Relationship{RefA: a, RefB: b, Relationship: f[1]})
}

// tvPackage records the lines of one package's tags.
type tvPackage struct {
	line        int
	fields      map[string]int // tag → line of its first occurrence
	extRefs     []int          // lines of ExternalRef tags, in order
	sectionOpen bool           // the package section is being read
}

// tvElem records the lines of one file's or snippet's tags.
type tvElem struct {
	line  int
	lines map[string][]int // tag → the lines it is on, in order
}

func newTVElem(line int) *tvElem { return &tvElem{line: line, lines: make(map[string][]int)} }

func (e *tvElem) add(tag string, line int) { e.lines[tag] = append(e.lines[tag], line) }

// at returns the line of occurrence k of tag, or the element's own line.
func (e *tvElem) at(tag string, k int) string {
	if e == nil {
		return lineRef(1)
	}
	if ls := e.lines[tag]; k < len(ls) {
		return lineRef(ls[k])
	}
	return lineRef(e.line)
}

// tvLocator gives "line N" pointers for tag-value documents.
type tvLocator struct {
	pkgs     map[*spdx.Package]*tvPackage
	files    map[*spdx.File]*tvElem
	snippets map[*spdx.Snippet]*tvElem
	creators []int
}

// tvFileTags maps the JSON field names of files and snippets to tags.
var tvFileTags = map[string]string{
	"copyrightText": "FileCopyrightText", "fileContributors": "FileContributor",
}

func (l *tvLocator) file(f *spdx.File, name string, k int) string {
	if name == "" {
		return l.files[f].at("", 0)
	}
	return l.files[f].at(tvFileTags[name], k)
}

func (l *tvLocator) snippet(s *spdx.Snippet, name string) string {
	if name == "copyrightText" {
		return l.snippets[s].at("SnippetCopyrightText", 0)
	}
	return l.snippets[s].at("", 0)
}

// tvPackageTags maps the JSON field names convertSPDX asks for to tags.
var tvPackageTags = map[string]string{
	"supplier":         "PackageSupplier",
	"originator":       "PackageOriginator",
	"copyrightText":    "PackageCopyrightText",
	"homepage":         "PackageHomePage",
	"downloadLocation": "PackageDownloadLocation",
}

func lineRef(n int) string { return "line " + strconv.Itoa(n) }

func (l *tvLocator) pkg(_ int, p *spdx.Package) string {
	if tp := l.pkgs[p]; tp != nil {
		return lineRef(tp.line)
	}
	return lineRef(1)
}

func (l *tvLocator) field(_ int, p *spdx.Package, name string, k int) string {
	tp := l.pkgs[p]
	if tp == nil {
		return lineRef(1)
	}
	if name == "externalRefs" {
		if k < len(tp.extRefs) {
			return lineRef(tp.extRefs[k])
		}
		return lineRef(tp.line)
	}
	if n, ok := tp.fields[tvPackageTags[name]]; ok {
		return lineRef(n)
	}
	return lineRef(tp.line)
}

func (l *tvLocator) creator(k int) string {
	if k < len(l.creators) {
		return lineRef(l.creators[k])
	}
	return lineRef(1)
}
