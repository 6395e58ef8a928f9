package sbom

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSPDXXMLToJSONValidates: the JSON that the SPDX XML examples turn into
// is valid against the SPDX 2.3 JSON schema (kept in testdata/schema),
// which checks the array, boolean and number members the conversion
// knows.
func TestSPDXXMLToJSONValidates(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/schema/spdx-2.3-schema.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(zr)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("spdx-2.3.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("spdx-2.3.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"spdx-spec-2.2.spdx.xml", "spdx-spec-2.3.spdx.xml"} {
		data, err := os.ReadFile("../testdata/sboms/" + name)
		if err != nil {
			t.Fatal(err)
		}
		root, err := spdxXMLToJSON(data, Options{Name: name}, FormatSPDXXML)
		if err != nil {
			t.Fatal(err)
		}
		body, err := json.Marshal(root)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(io.Reader(bytes.NewReader(body)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: converted JSON is not valid SPDX 2.3 JSON: %v", name, err)
		}
		// Every array the schema defines and the example uses is an array.
		for _, k := range []string{"packages", "files", "snippets", "relationships", "documentDescribes", "hasExtractedLicensingInfos"} {
			if _, ok := root[k].([]any); !ok {
				t.Errorf("%s: %s is %T", name, k, root[k])
			}
		}
	}
}

// TestSPDXXMLArraysMatchSchema: the array, boolean and number members the
// XML reader knows are exactly those of the SPDX 2.3 JSON schema.
func TestSPDXXMLArraysMatchSchema(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/schema/spdx-2.3-schema.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var schema any
	if err := json.NewDecoder(zr).Decode(&schema); err != nil {
		t.Fatal(err)
	}
	arrays, bools, nums := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var walk func(name string, v any)
	walk = func(name string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		switch m["type"] {
		case "array":
			arrays[name] = true
			walk(name, m["items"])
		case "boolean":
			bools[name] = true
		case "integer", "number":
			nums[name] = true
		case "object":
			props, _ := m["properties"].(map[string]any)
			for k, p := range props {
				walk(k, p)
			}
		}
		for _, k := range []string{"oneOf", "anyOf", "allOf"} {
			list, _ := m[k].([]any)
			for _, x := range list {
				walk(name, x)
			}
		}
	}
	walk("", schema)
	for _, x := range []struct {
		name      string
		got, want map[string]bool
	}{{"arrays", spdxXMLArrays, arrays}, {"booleans", spdxXMLBooleans, bools}, {"numbers", spdxXMLNumbers, nums}} {
		for k := range x.want {
			if !x.got[k] {
				t.Errorf("%s: schema member %q missing", x.name, k)
			}
		}
		for k := range x.got {
			if !x.want[k] {
				t.Errorf("%s: %q is not in the schema", x.name, k)
			}
		}
	}
}
