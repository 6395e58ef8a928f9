package check_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/check"
)

// nameOps are the transformations FuzzDisguise composes: every disguise of
// the adversarial suite that keeps a name what a reader sees, and the
// glue, split and case changes, each taking a position where it needs one.
var nameOps = func() []func(s string, at int) string {
	ops := make([]func(string, int) string, 0, len(unicodeDisguises)+16)
	for _, d := range unicodeDisguises {
		ops = append(ops, func(s string, _ int) string { return d.f(s) })
	}
	insertAt := func(ins string) func(string, int) string {
		return func(s string, at int) string {
			r := []rune(s)
			at %= len(r) + 1
			return string(r[:at]) + ins + string(r[at:])
		}
	}
	for _, ins := range []string{"\u200b", "\u200c", "\u2060", "\u00ad", "\u034f", "\u180e", "\u3164", "-", ".", " ", "_"} {
		ops = append(ops, insertAt(ins))
	}
	ops = append(ops,
		func(s string, _ int) string { return strings.ReplaceAll(s, " ", "") },
		func(s string, _ int) string { return strings.ReplaceAll(s, " ", "-") },
		// Case changes of ASCII letters only: upper-casing a lookalike
		// changes what a reader sees (Greek ν, read v, becomes Ν, read N).
		func(s string, _ int) string { return strings.Map(asciiUpper, s) },
		func(s string, _ int) string { return strings.Map(asciiLower, s) },
		func(s string, at int) string { return homoglyphs(s, cyrillicLookalikes, 1+at%3) },
	)
	return ops
}()

// fuzzPlacements put a name where a party is named; each denies the plain
// name of the vendors FuzzDisguise draws from.
var fuzzPlacements = []func(v bannedVendor, name string) (path, data string){
	func(v bannedVendor, n string) (string, string) { return "t.cdx.json", supplierDoc(v, n) },
	func(v bannedVendor, n string) (string, string) {
		return "t.cdx.json", cdxDoc(`"components":[` + component(v.ctype, `,"manufacturer":{"name":`+jstr(n)+`}`) + `]`)
	},
	func(v bannedVendor, n string) (string, string) {
		return "t.cdx.json", cdxDoc(`"components":[` + component(v.ctype, `,"publisher":`+jstr(n)) + `]`)
	},
	func(v bannedVendor, n string) (string, string) {
		return "t.cdx.json", cdxDoc(`"services":[{"bom-ref":"s1","name":"telemetry","provider":{"name":` + jstr(n) + `}}]`)
	},
	func(v bannedVendor, n string) (string, string) {
		return "t.spdx.json", spdx2(`{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION","primaryPackagePurpose":"` +
			spdxPurpose(v.ctype) + `","supplier":` + jstr("Organization: "+n) + `}`)
	},
	func(v bannedVendor, n string) (string, string) {
		return "v.csv", "vendor_name,product\n" + csvField(n) + "," + csvField(v.product) + "\n"
	},
	func(v bannedVendor, n string) (string, string) {
		return "v.csv", "vendor_name,oem,product\nAcme Resale LLC," + csvField(n) + "," + csvField(v.product) + "\n"
	},
}

// FuzzDisguise: a document whose supplier is a banned vendor never passes
// and is never merely reviewed, whatever sequence of the adversarial
// suite's disguises is applied to the vendor's name and wherever the
// name is put. ops is read two bytes at a time: the transformation and
// the position it acts at.
func FuzzDisguise(f *testing.F) {
	for _, seed := range []struct {
		vendor, form, place uint8
		ops                 string
	}{
		{0, 0, 0, ""},
		{0, 1, 0, "\x00\x00"},
		{1, 2, 1, "\x03\x00\x06\x02"},
		{2, 0, 5, "\x1e\x00\x04\x00"},
		{3, 1, 3, "\x0c\x01\x00\x00"},
		{4, 3, 6, "\x13\x05\x14\x03"},
		{5, 0, 4, "\x05\x00\x20\x01\x11\x02"},
	} {
		f.Add(seed.vendor, seed.form, seed.place, []byte(seed.ops))
	}
	var denied []bannedVendor
	for _, v := range bannedVendors {
		if v.want == "fail" {
			denied = append(denied, v)
		}
	}
	f.Fuzz(func(t *testing.T, vendor, form, place uint8, ops []byte) {
		v := denied[int(vendor)%len(denied)]
		forms := append(append([]string{v.name, v.brand + " Software GmbH"}, v.glued...), v.natives...)
		name := forms[int(form)%len(forms)]
		for i := 0; i+1 < len(ops) && i < 16; i += 2 {
			name = nameOps[int(ops[i])%len(nameOps)](name, int(ops[i+1]))
		}
		path, data := fuzzPlacements[int(place)%len(fuzzPlacements)](v, name)
		got := oneChecker{adversarialSession()(t)}.Check(context.Background(), check.Input{Path: path, Data: []byte(data)})
		if got.Outcome == "pass" || got.Outcome == "review" {
			t.Fatalf("%s disguised as %q: outcome %s\ninput %s\n%s", v.key, printable(name), got.Outcome, printable(data),
				describe(append(append(got.Result.Violations, got.Result.Reviews...), got.Result.Warnings...)))
		}
	})
}

func asciiUpper(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}

func asciiLower(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r - 'A' + 'a'
	}
	return r
}
