package sbom

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx/v2/common"
	yaml "go.yaml.in/yaml/v3"
)

// This file places the pointers bangate derives for an SPDX package's
// purl and CPEs, which SPDX holds as external references: the decoder
// reads the package's first purl reference as its purl and its CPE
// references, in order, as its CPEs (spdx.go), and the pointer of such a
// signal names the package plus "/purl", "/cpe" or "/cpes/N".

// spdxDerived splits such a pointer into the package's pointer, whether it
// names the purl or a CPE, and which CPE (0-based).
func spdxDerived(p string) (pkg string, purl bool, n int, ok bool) {
	if pkg, ok := strings.CutSuffix(p, "/purl"); ok {
		return pkg, true, 0, true
	}
	if pkg, ok := strings.CutSuffix(p, "/cpe"); ok {
		return pkg, false, 0, true
	}
	i := strings.LastIndex(p, "/cpes/")
	if i < 0 {
		return "", false, 0, false
	}
	n, err := strconv.Atoi(p[i+len("/cpes/"):])
	if err != nil || n < 0 {
		return "", false, 0, false
	}
	return p[:i], false, n, true
}

// spdxRefIndex is the index, among a package's external reference types,
// of the reference a derived pointer names; -1 when there is none.
func spdxRefIndex(types []string, purl bool, n int) int {
	for k, t := range types {
		t = spdxRefType(t)
		isPURL := t == common.TypePackageManagerPURL
		isCPE := t == common.TypeSecurityCPE22Type || t == common.TypeSecurityCPE23Type
		switch {
		case purl && isPURL:
			return k
		case !purl && isCPE:
			if n == 0 {
				return k
			}
			n--
		}
	}
	return -1
}

// locateSPDXJSON is LocateJSON that places derived pointers at their
// external reference's referenceLocator: a first pass reads the external
// references of the packages concerned, a second places every pointer.
func locateSPDXJSON(data []byte, pointers []string) ([]Position, error) {
	var refs []string
	for _, p := range pointers {
		if pkg, _, _, ok := spdxDerived(p); ok {
			refs = append(refs, pkg+"/externalRefs")
		}
	}
	if len(refs) == 0 {
		return LocateJSON(data, pointers)
	}
	t, err := walkJSON(data, refs, nil)
	if err != nil {
		return LocateJSON(data, pointers)
	}
	types := map[string][]string{}
	for i, chain := range t.chains {
		if len(chain) == 0 || chain[len(chain)-1].off < 0 {
			continue
		}
		n := chain[len(chain)-1]
		if _, done := types[refs[i]]; done {
			continue // the same package, named by several pointers
		}
		types[refs[i]] = nil
		var rs []struct {
			Type string `json:"referenceType"`
		}
		if json.Unmarshal(data[n.start:n.end], &rs) == nil {
			for _, r := range rs {
				types[refs[i]] = append(types[refs[i]], r.Type)
			}
		}
	}
	out := make([]string, len(pointers))
	for i, p := range pointers {
		out[i] = p
		if pkg, purl, n, ok := spdxDerived(p); ok {
			if k := spdxRefIndex(types[pkg+"/externalRefs"], purl, n); k >= 0 {
				out[i] = pkg + "/externalRefs/" + strconv.Itoa(k) + "/referenceLocator"
			}
		}
	}
	return LocateJSON(data, out)
}

// locateSPDXYAML is LocateYAML with derived pointers placed at their
// external reference's referenceLocator.
func locateSPDXYAML(data []byte, pointers []string) ([]Position, error) {
	root, err := yamlRoot(data)
	if err != nil {
		return make([]Position, len(pointers)), err
	}
	out := make([]string, len(pointers))
	for i, p := range pointers {
		out[i] = p
		pkg, purl, n, ok := spdxDerived(p)
		if !ok {
			continue
		}
		list := yamlNode(root, pkg+"/externalRefs")
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		types := make([]string, len(list.Content))
		for k, item := range list.Content {
			if _, v := yamlChild(item, "referenceType"); v != nil {
				types[k] = v.Value
			}
		}
		if k := spdxRefIndex(types, purl, n); k >= 0 {
			out[i] = pkg + "/externalRefs/" + strconv.Itoa(k) + "/referenceLocator"
		}
	}
	return locateYAMLTree(root, out), nil
}

// tvLocateSectionTags start a new section of a tag-value document: the package
// before them ends.
var tvLocateSectionTags = []string{"PackageName:", "FileName:", "SnippetSPDXID:", "LicenseID:"}

// locateSPDXTagValue is LocateLines with "line N/name" placed on the
// package's PackageName line N, and derived pointers on the ExternalRef
// line of the reference they stand for, within the package's section.
func locateSPDXTagValue(data []byte, pointers []string) ([]Position, error) {
	var lines [][]byte
	out := make([]string, len(pointers))
	for i, p := range pointers {
		out[i] = p
		if pkg, ok := strings.CutSuffix(p, "/name"); ok && strings.HasPrefix(pkg, "line ") {
			out[i] = pkg
			continue
		}
		pkg, purl, n, ok := spdxDerived(p)
		if !ok {
			continue
		}
		start, err := strconv.Atoi(strings.TrimPrefix(pkg, "line "))
		if err != nil || !strings.HasPrefix(pkg, "line ") || start < 1 {
			continue
		}
		if lines == nil {
			lines = bytes.Split(data, []byte{'\n'})
		}
		var types []string
		var at []int
		for l := start; l < len(lines); l++ { // lines[l] is line l+1
			line := bytes.TrimSpace(lines[l])
			if sectionStart(line) {
				break
			}
			if rest, ok := bytes.CutPrefix(line, []byte("ExternalRef:")); ok {
				f := strings.Fields(string(rest))
				if len(f) >= 2 {
					types = append(types, f[1])
					at = append(at, l+1)
				}
			}
		}
		if k := spdxRefIndex(types, purl, n); k >= 0 {
			out[i] = "line " + strconv.Itoa(at[k])
		}
	}
	return LocateLines(data, out)
}

func sectionStart(line []byte) bool {
	for _, t := range tvLocateSectionTags {
		if bytes.HasPrefix(line, []byte(t)) {
			return true
		}
	}
	return false
}
