package sbom

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/convert"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
	tv21 "github.com/spdx/tools-golang/spdx/v2/v2_1/tagvalue/reader"
	tv22 "github.com/spdx/tools-golang/spdx/v2/v2_2/tagvalue/reader"
	tv23 "github.com/spdx/tools-golang/spdx/v2/v2_3/tagvalue/reader"
	tvreader "github.com/spdx/tools-golang/tagvalue/reader"
)

// tvPair is one tag-value pair with the line it starts on.
type tvPair struct {
	tag, value string
	line       int
}

// readTagValues splits SPDX tag-value text into pairs the way
// tools-golang's reader does (leading space trimmed, '#' comments,
// multi-line <text>...</text> values), but without its 64 KiB line limit,
// with line numbers, and with errors that do not quote the input.
func readTagValues(body []byte) ([]tvPair, *DecodeError) {
	var pairs []tvPair
	var (
		midtext  bool
		curTag   string
		curValue strings.Builder
		curLine  int
	)
	lineNo := 0
	for len(body) > 0 {
		var raw []byte
		if nl := bytes.IndexByte(body, '\n'); nl >= 0 {
			raw, body = body[:nl], body[nl+1:]
		} else {
			raw, body = body, nil
		}
		lineNo++
		line := string(bytes.TrimSuffix(raw, []byte("\r")))
		if midtext {
			before, _, found := strings.Cut(line, "</text>")
			if !found {
				curValue.WriteString(line)
				curValue.WriteByte('\n')
				continue
			}
			curValue.WriteString(before)
			pairs = append(pairs, tvPair{tag: curTag, value: curValue.String(), line: curLine})
			midtext = false
			continue
		}
		trimmed := strings.TrimLeft(line, " \t\v\f\u0085\u00a0")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		tag, rest, ok := strings.Cut(trimmed, ":")
		if !ok {
			return nil, &DecodeError{Format: FormatSPDXTagValue, Kind: ErrSyntax, Detail: "line without a tag", Line: lineNo, Offset: -1}
		}
		tag = strings.TrimSpace(tag)
		_, text, hasText := strings.Cut(rest, "<text>")
		if !hasText {
			pairs = append(pairs, tvPair{tag: tag, value: strings.TrimSpace(rest), line: lineNo})
			continue
		}
		if before, _, closed := strings.Cut(text, "</text>"); closed {
			pairs = append(pairs, tvPair{tag: tag, value: before, line: lineNo})
			continue
		}
		midtext, curTag, curLine = true, tag, lineNo
		curValue.Reset()
		curValue.WriteString(text)
		curValue.WriteByte('\n')
	}
	if midtext {
		return nil, &DecodeError{Format: FormatSPDXTagValue, Kind: ErrTruncated, Detail: "unterminated <text> value", Line: curLine, Offset: -1}
	}
	return pairs, nil
}

// decodeSPDXTagValue parses SPDX tag-value with tools-golang's
// version-specific parsers and converts it, with "line N" pointers.
func decodeSPDXTagValue(s sniffed, opts Options) (*Document, error) {
	pairs, derr := readTagValues(s.body)
	if derr != nil {
		derr.Name = opts.Name
		return nil, derr
	}
	if derr := checkTVRepeats(pairs); derr != nil {
		derr.Name = opts.Name
		return nil, derr
	}
	lib := make([]tvreader.TagValuePair, len(pairs))
	for i, p := range pairs {
		lib[i] = tvreader.TagValuePair{Tag: p.tag, Value: p.value}
	}
	var out spdx.Document
	var err error
	switch s.version {
	case "2.1":
		d, perr := tv21.ParseTagValues(lib)
		err = perr
		if err == nil && d != nil {
			err = convert.Document(d, &out)
		}
	case "2.2":
		d, perr := tv22.ParseTagValues(lib)
		err = perr
		if err == nil && d != nil {
			err = convert.Document(d, &out)
		}
	default:
		var d *spdx.Document
		d, err = tv23.ParseTagValues(lib)
		if err == nil && d != nil {
			out = *d
		}
	}
	if err != nil {
		e := newError(opts.Name, s.format, ErrInvalid, "rejected by the SPDX "+s.version+" tag-value parser")
		e.Cause = err
		return nil, e
	}
	return convertSPDX(&out, s, opts, newTVLocator(pairs))
}

// tvPackage records the lines of one package's tags.
type tvPackage struct {
	line    int
	fields  map[string]int // tag → line of its first occurrence
	extRefs []int          // lines of ExternalRef tags, in order
}

// tvLocator gives "line N" pointers for tag-value documents.
type tvLocator struct {
	// byID holds the packages declared with each SPDXID, in file order;
	// a package of the parsed document takes the next one for its ID.
	byID     map[string][]*tvPackage
	assigned map[*spdx.Package]*tvPackage
	order    []*tvPackage // every package in file order
	creators []int
}

// tvPackageTags maps the JSON field names convertSPDX asks for to tags.
var tvPackageTags = map[string]string{
	"supplier":         "PackageSupplier",
	"originator":       "PackageOriginator",
	"copyrightText":    "PackageCopyrightText",
	"homepage":         "PackageHomePage",
	"downloadLocation": "PackageDownloadLocation",
}

// newTVLocator indexes the pair lines by package.
func newTVLocator(pairs []tvPair) *tvLocator {
	l := &tvLocator{byID: make(map[string][]*tvPackage), assigned: make(map[*spdx.Package]*tvPackage)}
	var cur *tvPackage
	for _, p := range pairs {
		switch p.tag {
		case "PackageName":
			cur = &tvPackage{line: p.line, fields: make(map[string]int)}
			l.order = append(l.order, cur)
		case "FileName", "SnippetSPDXID", "LicenseID":
			cur = nil
		case "Creator":
			l.creators = append(l.creators, p.line)
		case "SPDXID":
			if cur != nil {
				id := p.value
				l.byID[id] = append(l.byID[id], cur)
			}
		case "ExternalRef":
			if cur != nil {
				cur.extRefs = append(cur.extRefs, p.line)
			}
		default:
			if cur != nil {
				if _, ok := cur.fields[p.tag]; !ok {
					cur.fields[p.tag] = p.line
				}
			}
		}
	}
	return l
}

// lookup returns the recorded package for p, assigning it on first use.
func (l *tvLocator) lookup(p *spdx.Package) *tvPackage {
	if tp, ok := l.assigned[p]; ok {
		return tp
	}
	id := common.RenderElementID(p.PackageSPDXIdentifier)
	q := l.byID[id]
	var tp *tvPackage
	switch {
	case len(q) > 1:
		tp = q[0]
		l.byID[id] = q[1:]
	case len(q) == 1:
		tp = q[0] // kept: a repeated SPDXID maps to its last declaration
	case len(l.order) > 0:
		tp = l.order[0] // unreachable for documents the parser accepts
	default:
		return nil
	}
	l.assigned[p] = tp
	return tp
}

func lineRef(n int) string { return "line " + strconv.Itoa(n) }

func (l *tvLocator) pkg(_ int, p *spdx.Package) string {
	if tp := l.lookup(p); tp != nil {
		return lineRef(tp.line)
	}
	return lineRef(1)
}

func (l *tvLocator) field(_ int, p *spdx.Package, name string, k int) string {
	tp := l.lookup(p)
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

// tvSingleTags are package tags that may appear once per package: the
// parser would keep the last of several silently.
var tvSingleTags = map[string]bool{
	"SPDXID": true, "PackageVersion": true, "PackageSupplier": true, "PackageOriginator": true,
	"PackageDownloadLocation": true, "PackageHomePage": true, "PackageCopyrightText": true,
	"PackageLicenseDeclared": true, "PackageLicenseConcluded": true, "PrimaryPackagePurpose": true,
}

// checkTVRepeats rejects a package section that repeats a single-valued
// tag (a second PackageSupplier could hide the first).
func checkTVRepeats(pairs []tvPair) *DecodeError {
	var seen map[string]bool
	for _, p := range pairs {
		switch p.tag {
		case "PackageName":
			seen = make(map[string]bool)
			continue
		case "FileName", "SnippetSPDXID", "LicenseID":
			seen = nil
			continue
		}
		if seen == nil || !tvSingleTags[p.tag] {
			continue
		}
		if seen[p.tag] {
			return &DecodeError{Format: FormatSPDXTagValue, Kind: ErrInvalid, Detail: "tag " + p.tag + " repeated in one package", Line: p.line, Offset: -1}
		}
		seen[p.tag] = true
	}
	return nil
}
