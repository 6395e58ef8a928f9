package procurement_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/procurement"
)

func TestReadJSONPointers(t *testing.T) {
	t.Parallel()
	in := `[{"name":"A"},{"name":"B","aliases":["B1"],"identifiers":{"uei":"U","a/b":"x"},"contracts":[{"id":"1","amount":0.10}]}]`
	got, err := procurement.ReadJSON(strings.NewReader(in), "v.json", procurement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []procurement.Vendor{
		{Record: 1, Pointer: "/0", Source: "v.json", Name: "A", Fields: map[string]string{"name": "/0/name"}},
		{
			Record: 2, Pointer: "/1", Source: "v.json", Name: "B", Aliases: []string{"B1"},
			Identifiers: procurement.Identifiers{UEI: "U", Other: map[string]string{"a/b": "x"}},
			Contracts:   []procurement.Contract{{ID: "1", Amount: "0.10"}},
			Fields: map[string]string{
				"name": "/1/name", "aliases.0": "/1/aliases/0", "identifiers.uei": "/1/identifiers/uei",
				"identifiers.other.a/b": "/1/identifiers/a~1b", "contracts.0": "/1/contracts/0",
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadJSONErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"syntax", "[{\"name\":\"A\"},\n{\"name\":}]", []string{"v.json: line 2", "invalid character"}},
		{"truncated", `[{"name":"A"}`, []string{"v.json", "unexpected end"}},
		{"trailing data", `[{"name":"A"}] x`, []string{"v.json: line 1", "after the end"}},
		{"not an array", `"vendors"`, []string{"want an array"}},
		{"object without vendors", `{"suppliers":[]}`, []string{"want an array"}},
		{"key beside vendors", "{\"vendors\":[{\"name\":\"A\"}],\n \"suppliers\":[{\"name\":\"AO Kaspersky Lab\"}]}", []string{`v.json: line 2: "suppliers": `, "vendors alone", "unscreened"}},
		{"unknown key", `[{"name":"A","ownrs":[]}]`, []string{"v.json: /0: key \"ownrs\"", "unknown key"}},
		{"wrong type", `{"vendors":[{"name":"A"},{"name":["B"]}]}`, []string{"v.json: /vendors/1: key name", "wrong JSON type"}},
		{"empty name", `[{"name":" "}]`, []string{"/0: key name", "empty vendor name"}},
		{"owner without percent", `[{"name":"A","owners":[{"name":"O"}]}]`, []string{"/0: key owners/0/percent", "no percent"}},
		{"owner percent text", `[{"name":"A","owners":[{"name":"O","percent":"lots"}]}]`, []string{"owners/0/percent", "not a number"}},
		{"owner percent object", `[{"name":"A","owners":[{"name":"O","percent":{}}]}]`, []string{"/0: key owners.percent", "wrong JSON type"}},
		{"owners over 100", `[{"name":"A","owners":[{"name":"O","percent":70},{"name":"P","percent":40}]}]`, []string{"key owners", "more than 100"}},
		{"amount text", `[{"name":"A","contract":{"amount":"ten"}}]`, []string{"key contract/amount", "not a decimal"}},
		{"date", `[{"name":"A","contracts":[{"date":"yesterday"}]}]`, []string{"key contracts/0/date", "not a date"}},
		{"contract and contracts", `[{"name":"A","contract":{},"contracts":[{}]}]`, []string{"key contract", "both"}},
		{"origin", `[{"name":"A","products":[{"country_of_origin":"Atlantis"}]}]`, []string{"products/0/country_of_origin"}},
		{"domain", `[{"name":"A","domains":["not a domain"]}]`, []string{"key domains/0", "domain"}},
		{"identifier twice", `[{"name":"A","identifiers":{"uei":"X","UEI":"Y"}}]`, []string{"v.json: ", `key "UEI" repeats key "uei" up to letter case in the object at /0/identifiers at line 1, column 39`}},
		{"empty array", `[]`, []string{"no records"}},
		{"truncated array", "[{\"name\":\"A\"},\n{\"name\":\"B\"}", []string{"v.json: line 2", "truncated"}},
		{"empty", ``, []string{"empty input"}},
		{"invalid UTF-8", "[{\"name\":\"\xff\"}]", []string{"invalid UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := procurement.ReadJSON(strings.NewReader(tt.in), "v.json", procurement.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestReadYAML(t *testing.T) {
	t.Parallel()
	in := "- name: A\n  identifiers: {duns: 004496600, cage: 0x1F}\n  owners: [{name: O, percent: 1_0}]\n  contract: {amount: +012.50, date: 2024-01-02}\n"
	got, err := procurement.ReadYAML(strings.NewReader(in), "v.yaml", procurement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []procurement.Vendor{{
		Record: 1, Pointer: "/0", Source: "v.yaml", Name: "A",
		Identifiers: procurement.Identifiers{DUNS: "004496600", CAGE: "31"},
		Owners:      []procurement.Owner{{Name: "O", Percent: 10}},
		Contracts:   []procurement.Contract{{Amount: "012.50", Date: "2024-01-02"}},
		Fields: map[string]string{
			"name": "/0/name", "identifiers.duns": "/0/identifiers/duns", "identifiers.cage": "/0/identifiers/cage",
			"owners.0": "/0/owners/0", "contracts.0": "/0/contract",
		},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// What a YAML reader reads: a %YAML 1.2 (or later 1.x) directive, an
	// anchor, an alias (the anchored node again), a tag.
	for _, in := range []string{
		"%YAML 1.2\n---\nvendors:\n  - name: AO Kaspersky Lab\n",
		"%YAML 1.3\n%TAG !e! tag:example.com,2000:\n--- !!map\nvendors:\n  - name: AO Kaspersky Lab\n",
		"&v vendors:\n  - &n name: &k AO Kaspersky Lab\n",
		"--- &all\n- &first\n  name: AO Kaspersky Lab\n",
		"- name: &k AO Kaspersky Lab\n  aliases: [*k]\n",
		"---\n&a \"vendors\": !!seq\n  - name: !!str AO Kaspersky Lab\n",
	} {
		got, err := procurement.ReadYAML(strings.NewReader(in), "v.yaml", procurement.Options{})
		if err != nil || len(got) != 1 || got[0].Name != "AO Kaspersky Lab" {
			t.Errorf("%q: %+v, %v", in, got, err)
		}
		if f, err := procurement.Detect([]byte(in)); f != procurement.FormatYAML {
			t.Errorf("%q: Detect = %q, %v", in, f, err)
		}
	}
	// An alias names the node again: two vendors.
	got, err = procurement.ReadYAML(strings.NewReader("vendors:\n  - &a {name: A}\n  - *a\n"), "v.yaml", procurement.Options{})
	if err != nil || len(got) != 2 || got[1].Name != "A" || got[1].Pointer != "/vendors/1" {
		t.Errorf("alias: %+v, %v", got, err)
	}
	// A !!binary value is what a YAML reader decodes it to.
	got, err = procurement.ReadYAML(strings.NewReader("- name: !!binary QU8gS2FzcGVyc2t5IExhYg==\n"), "v.yaml", procurement.Options{})
	if err != nil || len(got) != 1 || got[0].Name != "AO Kaspersky Lab" {
		t.Errorf("!!binary name: %+v, %v", got, err)
	}
}

func TestReadYAMLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"syntax", "vendors:\n  - name: [A\n", []string{"v.yaml", "parse YAML"}},
		{"aliases expanding tenfold", "- &a [x, x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
			"- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n- [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n", []string{"v.yaml: /2 (line 3)", "tenfold"}},
		{"merge key", "- name: A\n  <<: {country: DE}\n", []string{"/0 (line 1): line 2", "merge keys"}},
		{"YAML 2.0", "%YAML 2.0\n---\n- name: A\n", []string{"parse YAML"}},
		{"two documents", "- name: A\n---\n- name: B\n", []string{"more than one YAML document"}},
		{"scalar root", "just text\n", []string{"want a sequence"}},
		{"other mapping", "suppliers: []\n", []string{"want a sequence"}},
		{"key beside vendors", "generated: 2026-01-01\nvendors:\n  - name: A\n", []string{`v.yaml: line 1: "generated": `, "vendors alone"}},
		{"key after vendors", "vendors:\n  - name: A\nsuppliers:\n  - name: AO Kaspersky Lab\n", []string{`v.yaml: line 3: "suppliers": `, "unscreened"}},
		{"unknown key", "- name: A\n  colour: red\n", []string{"v.yaml: /0 (line 1): key \"colour\"", "unknown key"}},
		{"duplicate key", "- name: A\n  name: B\n", []string{"v.yaml: ", `duplicate key "name" in the object at /0 at line 2, column 3`}},
		{"bad percent", "- name: A\n  owners: [{name: O, percent: many}]\n", []string{"/0 (line 1): key owners/0/percent"}},
		{"infinite number", "- name: A\n  contract: {amount: .inf}\n", []string{"not finite"}},
		{"custom tag", "- name: !secret A\n", []string{"unsupported YAML tag"}},
		{"binary not text", "- name: !!binary //79\n", []string{"line 1", "!!binary"}},
		{"empty", "# nothing\n", []string{"no records"}},
		{"empty sequence", "vendors: []\n", []string{"no records"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := procurement.ReadYAML(strings.NewReader(tt.in), "v.yaml", procurement.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
