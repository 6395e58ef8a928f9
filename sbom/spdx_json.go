package sbom

import (
	"encoding/json"
	"errors"

	"github.com/spdx/tools-golang/convert"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/v2_1"
	"github.com/spdx/tools-golang/spdx/v2/v2_2"
	"sigs.k8s.io/yaml"
)

// decodeSPDXJSON reads SPDX JSON straight into the model of the declared
// version (the pre-scan already knows it) and converts it to 2.3.
func decodeSPDXJSON(s sniffed, opts Options) (*Document, error) {
	doc, err := readSPDXVersioned(s, json.Unmarshal)
	if err != nil {
		return nil, jsonError(opts.Name, s.format, err)
	}
	return convertSPDX(doc, s, opts, jsonSPDXLocator{})
}

// decodeSPDXYAML reads SPDX YAML (sigs.k8s.io/yaml, as tools-golang's own
// YAML reader does) and converts it.
func decodeSPDXYAML(s sniffed, opts Options) (*Document, error) {
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
	js := s
	js.body = j
	doc, err := readSPDXVersioned(js, json.Unmarshal)
	if err != nil {
		e := jsonError(opts.Name, s.format, err)
		var de *DecodeError
		if errors.As(e, &de) {
			de.Offset = -1 // an offset into the converted JSON, not the YAML
		}
		return nil, e
	}
	return convertSPDX(doc, s, opts, jsonSPDXLocator{})
}

// readSPDXVersioned unmarshals body into the tools-golang model of
// s.version and converts it to the latest (2.3) model.
func readSPDXVersioned(s sniffed, unmarshal func([]byte, any) error) (*spdx.Document, error) {
	var out spdx.Document
	switch s.version {
	case "2.1":
		var d v2_1.Document
		if err := unmarshal(s.body, &d); err != nil {
			return nil, err
		}
		if err := convert.Document(d, &out); err != nil {
			return nil, err
		}
	case "2.2":
		var d v2_2.Document
		if err := unmarshal(s.body, &d); err != nil {
			return nil, err
		}
		if err := convert.Document(d, &out); err != nil {
			return nil, err
		}
	default:
		if err := unmarshal(s.body, &out); err != nil {
			return nil, err
		}
	}
	return &out, nil
}
