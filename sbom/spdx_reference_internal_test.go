package sbom

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spdx/tools-golang/convert"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
	"github.com/spdx/tools-golang/spdx/v2/v2_1"
	tv21 "github.com/spdx/tools-golang/spdx/v2/v2_1/tagvalue/reader"
	"github.com/spdx/tools-golang/spdx/v2/v2_2"
	tv22 "github.com/spdx/tools-golang/spdx/v2/v2_2/tagvalue/reader"
	tv23 "github.com/spdx/tools-golang/spdx/v2/v2_3/tagvalue/reader"
	tvreader "github.com/spdx/tools-golang/tagvalue/reader"
	"sigs.k8s.io/yaml"
)

// referenceSPDX reads an SPDX 2 JSON, YAML or tag-value document with
// spdx/tools-golang's own readers (the readers this package used before
// it read SPDX itself) and converts it with convertSPDX. ok is false when
// tools-golang refuses the document.
func referenceSPDX(t *testing.T, s sniffed, opts Options) (*Document, bool) {
	t.Helper()
	switch s.format {
	case FormatSPDXJSON, FormatSPDXYAML:
		body := s.body
		if s.format == FormatSPDXYAML {
			j, err := yaml.YAMLToJSONStrict(body)
			if err != nil {
				return nil, false
			}
			body = j
		}
		var out spdx.Document
		var err error
		switch s.version {
		case "2.1":
			var d v2_1.Document
			if err = json.Unmarshal(body, &d); err == nil {
				err = convert.Document(d, &out)
			}
		case "2.2":
			var d v2_2.Document
			if err = json.Unmarshal(body, &d); err == nil {
				err = convert.Document(d, &out)
			}
		default:
			err = json.Unmarshal(body, &out)
		}
		if err != nil {
			return nil, false
		}
		unescapeActors(&out)
		loc := jsonSPDXLocator{files: map[*spdx.File]int{}, snippets: map[*spdx.Snippet]int{}}
		for i, f := range out.Files {
			loc.files[f] = i
		}
		for i := range out.Snippets {
			loc.snippets[&out.Snippets[i]] = i
		}
		doc, err := convertSPDX(&out, s, opts, loc)
		return doc, err == nil
	case FormatSPDXTagValue:
		pairs, _, derr := readTagValues(s.body)
		if derr != nil {
			return nil, false
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
			if err = perr; err == nil {
				err = convert.Document(d, &out)
			}
		case "2.2":
			d, perr := tv22.ParseTagValues(lib)
			if err = perr; err == nil {
				err = convert.Document(d, &out)
			}
		default:
			d, perr := tv23.ParseTagValues(lib)
			if err = perr; err == nil {
				out = *d
			}
		}
		if err != nil {
			return nil, false
		}
		// Line pointers: tools-golang keeps no lines, and both readers
		// make one package per package section, in file order, so
		// package i takes the lines this package's reader recorded for
		// its package i.
		r := newTVReader()
		for _, p := range pairs {
			if derr := r.pair(p); derr != nil {
				return nil, false
			}
		}
		if len(r.doc.Packages) != len(out.Packages) {
			t.Errorf("tools-golang reads %d packages, this reader %d", len(out.Packages), len(r.doc.Packages))
			return nil, false
		}
		r.end()
		loc := &tvLocator{pkgs: make(map[*spdx.Package]*tvPackage), creators: r.loc.creators,
			files: make(map[*spdx.File]*tvElem), snippets: make(map[*spdx.Snippet]*tvElem)}
		for i, p := range out.Packages {
			loc.pkgs[p] = r.loc.pkgs[r.doc.Packages[i]]
			if len(p.Files) != len(r.doc.Packages[i].Files) {
				t.Errorf("tools-golang reads %d files in package %d, this reader %d", len(p.Files), i, len(r.doc.Packages[i].Files))
				return nil, false
			}
			for k, f := range p.Files {
				loc.files[f] = r.loc.files[r.doc.Packages[i].Files[k]]
			}
		}
		if len(out.Files) != len(r.doc.Files) {
			t.Errorf("tools-golang reads %d unpackaged files, this reader %d", len(out.Files), len(r.doc.Files))
			return nil, false
		}
		for k, f := range out.Files {
			loc.files[f] = r.loc.files[r.doc.Files[k]]
		}
		ours := make(map[common.ElementID]*tvElem)
		for i := range r.doc.Snippets {
			ours[r.doc.Snippets[i].SnippetSPDXIdentifier] = r.loc.snippets[&r.doc.Snippets[i]]
		}
		for i := range out.Snippets {
			loc.snippets[&out.Snippets[i]] = ours[out.Snippets[i].SnippetSPDXIdentifier]
		}
		for _, f := range append(slices.Clone(out.Files), filesOfPackages(out.Packages)...) {
			for id, sn := range f.Snippets {
				loc.snippets[sn] = ours[id]
			}
		}
		doc, err := convertSPDX(&out, s, opts, loc)
		return doc, err == nil
	}
	return nil, false
}

// unescapeActors undoes tools-golang's one known misreading of SPDX JSON:
// it takes suppliers, originators and creators from the raw JSON text
// without unescaping it, so that "Jane \u003cjane@example.org\u003e" keeps
// its escapes; any JSON reader (this package's included) sees
// "Jane <jane@example.org>".
func unescapeActors(d *spdx.Document) {
	fix := func(s *string) {
		var u string
		if strings.Contains(*s, `\`) && json.Unmarshal([]byte(`"`+*s+`"`), &u) == nil {
			*s = u
		}
	}
	if d.CreationInfo != nil {
		for i := range d.CreationInfo.Creators {
			fix(&d.CreationInfo.Creators[i].Creator)
		}
	}
	for _, p := range d.Packages {
		if p == nil {
			continue
		}
		if p.PackageSupplier != nil {
			fix(&p.PackageSupplier.Supplier)
		}
		if p.PackageOriginator != nil {
			fix(&p.PackageOriginator.Originator)
		}
	}
}

// TestSPDXMatchesToolsGolang decodes every SPDX 2 JSON, YAML and
// tag-value file of the test corpora with this package's readers and with
// tools-golang's, and requires the same Document (warnings of the defects
// read past aside) wherever tools-golang reads the file, once
// tools-golang's unescaping slip is undone (see unescapeActors). Set
// BANGATE_SPDX_CORPUS to a directory to run it over more files.
func TestSPDXMatchesToolsGolang(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pattern := range []string{"../testdata/sboms/*", "testdata/real/*", "testdata/lenient/*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if dir := os.Getenv("BANGATE_SPDX_CORPUS"); dir != "" {
		m, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, m...)
	}
	lenientCodes := map[string]bool{WarnIDUnprefixed: true, WarnIDMissing: true, WarnActorUntyped: true, WarnTagUnknown: true,
		WarnTagCase: true, WarnTagMisplaced: true, WarnLineEndings: true, WarnFieldMissing: true, WarnFieldMalformed: true,
		WarnExternalRefMalformed: true}
	compared, refused := 0, 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil || strings.HasSuffix(file, ".md") {
			continue
		}
		opts := Options{Name: filepath.Base(file)}
		s, err := sniff(data, opts, false)
		if err != nil || s.wrap != nil || (s.format != FormatSPDXJSON && s.format != FormatSPDXYAML && s.format != FormatSPDXTagValue) {
			continue
		}
		want, ok := referenceSPDX(t, s, opts)
		if !ok {
			refused++
			continue
		}
		compared++
		got, err := Decode(data, opts)
		if err != nil {
			t.Errorf("%s: tools-golang reads it, Decode: %v", file, err)
			continue
		}
		kept := got.Warnings[:0:0]
		for _, w := range got.Warnings {
			if !lenientCodes[w.Code] {
				kept = append(kept, w)
			}
		}
		got.Warnings = kept
		if len(want.Warnings) == 0 {
			want.Warnings = nil
		}
		if len(got.Warnings) == 0 {
			got.Warnings = nil
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: this reader and tools-golang differ (-tools-golang +this):\n%s", file, diff)
		}
	}
	if compared < 10 {
		t.Errorf("only %d SPDX files compared", compared)
	}
	t.Logf("%d SPDX files compared with tools-golang, %d refused by tools-golang", compared, refused)
}
