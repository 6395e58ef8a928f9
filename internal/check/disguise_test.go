package check_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file generates the adversarial suite of issue 13: the disguises a
// hostile SBOM or procurement author applies to a banned party, each
// applied to every banned vendor of the built-in ban lists. Everything is
// deterministic: the same cases in the same order on every run.

// bannedVendor is one entry of the built-in ban lists as an attacker
// would name it, with what makes its plain form fail.
type bannedVendor struct {
	key     string   // the ban-list entry
	name    string   // a listed legal name
	brand   string   // a listed brand word ("" when the entry has none)
	glued   []string // the brand glued to a word it is written with
	natives []string // native-script names, as the list gives them
	domain  string   // a listed domain ("" when none)
	purl    string   // a purl of a listed namespace ("" when none)
	cpe     string   // a listed CPE vendor ("" when none)
	ctype   string   // the component type under which a plain SBOM component is denied
	product string   // a procurement product of the kind the entry denies
	// want is the outcome of the plain form in a component, and
	// wantService in a service (the list's effect for the kind: FCC
	// telecommunications providers are reviewed for software, DJI and
	// Autel for everything).
	want, wantService string
}

// bannedVendors are every entry of the built-in ban lists
// (policies/bangate/lists), checked under the profile "all".
var bannedVendors = []bannedVendor{
	{key: "kaspersky", name: "AO Kaspersky Lab", brand: "Kaspersky", glued: []string{"KasperskyLab", "KasperskyLabs", "KasperskyAntiVirus"},
		natives: []string{"Лаборатория Касперского", "АО «Лаборатория Касперского»", "Касперский", "ООО Касперский"},
		domain:  "kaspersky.com", purl: "pkg:maven/com.kaspersky/kav@1.0", cpe: "kaspersky", ctype: "library",
		product: "Endpoint Security licence renewal", want: "fail", wantService: "fail"},
	{key: "huawei", name: "Huawei Technologies Co., Ltd.", brand: "Huawei", glued: []string{"HuaweiCloud", "HuaweiTechnologies", "HuaweiDevice"},
		natives: []string{"华为技术有限公司", "华为", "華為技術有限公司"},
		domain:  "huawei.com", purl: "pkg:maven/com.huawei.hms/push@6.1", cpe: "huawei", ctype: "device",
		product: "network routers", want: "fail", wantService: "fail"},
	{key: "zte", name: "ZTE Corporation", brand: "ZTE", glued: []string{"ZTECorp", "ZTEcorporation"},
		natives: []string{"中兴通讯", "中兴通讯股份有限公司"},
		domain:  "zte.com.cn", cpe: "zte", ctype: "device", product: "network routers", want: "fail", wantService: "fail"},
	{key: "hytera", name: "Hytera Communications Corporation", brand: "Hytera", glued: []string{"HyteraCommunications", "HyteraRadio"},
		natives: []string{"海能达", "海能达通信股份有限公司"},
		domain:  "hytera.com", ctype: "device", product: "two-way radios", want: "fail", wantService: "fail"},
	{key: "hikvision", name: "Hangzhou Hikvision Digital Technology Co., Ltd.", brand: "Hikvision", glued: []string{"HikvisionDigital", "HikvisionTechnology"},
		natives: []string{"海康威视", "杭州海康威视数字技术股份有限公司"},
		domain:  "hikvision.com", purl: "pkg:maven/com.hikvision/sdk@1.0", cpe: "hikvision", ctype: "device",
		product: "IP cameras", want: "fail", wantService: "fail"},
	{key: "dahua", name: "Zhejiang Dahua Technology Co., Ltd.", brand: "Dahua", glued: []string{"DahuaTechnology", "DahuaSecurity"},
		natives: []string{"浙江大华技术股份有限公司", "大华股份"},
		domain:  "dahuasecurity.com", cpe: "dahuasecurity", ctype: "device", product: "IP cameras", want: "fail", wantService: "fail"},
	{key: "china-mobile-international-usa", name: "China Mobile International USA Inc.",
		ctype: "library", product: "international telecommunications services", want: "review", wantService: "fail"},
	{key: "china-telecom-americas", name: "China Telecom (Americas) Corp.",
		ctype: "library", product: "international telecommunications services", want: "review", wantService: "fail"},
	{key: "pacific-networks", name: "Pacific Networks Corp.",
		ctype: "library", product: "telecommunications services", want: "review", wantService: "fail"},
	{key: "china-unicom-americas", name: "China Unicom (Americas) Operations Limited",
		natives: []string{"中国联通（美洲）运营有限公司"},
		ctype:   "library", product: "telecommunications services", want: "review", wantService: "fail"},
	{key: "sz-dji", name: "SZ DJI Technology Co., Ltd.", brand: "DJI", glued: []string{"DJIInnovations", "DJITechnology"},
		domain: "dji.com", ctype: "device", product: "drones", want: "review", wantService: "review"},
	{key: "autel-robotics", name: "Autel Robotics", glued: []string{"AutelRobotics"},
		domain: "autelrobotics.com", ctype: "device", product: "drones", want: "review", wantService: "review"},
}

// disguiseCase is one generated input and the outcome it must have.
type disguiseCase struct {
	family string
	name   string
	path   string
	data   string
	want   string // "fail", "review" (the list's own effect) or "error" (ambiguous keys)
}

// jstr is s as a JSON string literal.
func jstr(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

// cdxDoc is a CycloneDX 1.6 document with the given top-level members
// after its header and metadata component.
func cdxDoc(members string) string {
	s := `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}}`
	if members != "" {
		s += "," + members
	}
	return s + "}"
}

// component is a component of type ctype with extra members.
func component(ctype, members string) string {
	return `{"type":"` + ctype + `","bom-ref":"c1","name":"agent","version":"1.0"` + members + `}`
}

// supplierDoc is a document whose one component's supplier is name.
func supplierDoc(v bannedVendor, name string) string {
	return cdxDoc(`"components":[` + component(v.ctype, `,"supplier":{"name":`+jstr(name)+`}`) + `]`)
}

// keyCaseCases hide the banned party behind keys that differ only by
// case or Unicode folding: every mainstream case-sensitive reader sees one
// value, a case-insensitive one the other. Each must stop the check.
func keyCaseCases(v bannedVendor) []disguiseCase {
	n := jstr(v.name)
	banned := component(v.ctype, `,"supplier":{"name":`+n+`}`)
	clean := component(v.ctype, `,"supplier":{"name":"Acme LLC"}`)
	spdx := func(members string) string {
		return `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d","documentNamespace":"https://example.com/d",` +
			`"creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},` + members + `}`
	}
	pkg := func(supplier string) string {
		return `{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION","supplier":` + jstr("Organization: "+supplier) + `}`
	}
	cases := []disguiseCase{
		{name: "components then COMPONENTS", data: cdxDoc(`"components":[` + banned + `],"COMPONENTS":[]`)},
		{name: "Components then components", data: cdxDoc(`"Components":[` + banned + `],"components":[` + clean + `]`)},
		{name: "supplier then Supplier", data: cdxDoc(`"components":[` + component(v.ctype, `,"supplier":{"name":`+n+`},"Supplier":{"name":"Acme LLC"}`) + `]`)},
		{name: "long s supplier", data: cdxDoc(`"components":[` + component(v.ctype, `,"supplier":{"name":`+n+`},"ſupplier":{"name":"Acme LLC"}`) + `]`)},
		{name: "name then NAME", data: cdxDoc(`"components":[` + component(v.ctype, `,"supplier":{"name":`+n+`,"NAME":"Acme LLC"}`) + `]`)},
		{name: "exact duplicate supplier", data: cdxDoc(`"components":[` + component(v.ctype, `,"supplier":{"name":`+n+`},"supplier":{"name":"Acme LLC"}`) + `]`)},
		{name: "long s supplier first", data: cdxDoc(`"components":[` + component(v.ctype, `,"ſupplier":{"name":"Acme LLC"},"supplier":{"name":`+n+`}`) + `]`)},
		{name: "Kelvin sign in a key", data: cdxDoc(`"components":[` + component(v.ctype, `,"supplier":{"name":`+n+`,"\u212Aind":"a","kind":"b"}`) + `]`)},
		{name: "SPDX packages then PACKAGES", path: "t.spdx.json", data: spdx(`"packages":[` + pkg(v.name) + `],"PACKAGES":[]`)},
		{name: "SPDX supplier then SUPPLIER", path: "t.spdx.json", data: spdx(`"packages":[{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION",` +
			`"supplier":` + jstr("Organization: "+v.name) + `,"SUPPLIER":"Organization: Acme LLC"}]`)},
		{name: "procurement top-level array, duplicate name", path: "v.json", data: `[{"name":` + n + `,"name":"Acme LLC"}]`},
		{name: "procurement name then NAME", path: "v.json", data: `{"vendors":[{"name":` + n + `,"NAME":"Acme LLC"}]}`},
		{name: "procurement YAML name then Name", path: "v.yaml", data: "vendors:\n  - name: " + n + "\n    Name: Acme LLC\n"},
	}
	if v.purl != "" {
		cases = append(cases, disguiseCase{name: "purl then PURL", data: cdxDoc(`"components":[` +
			component(v.ctype, `,"purl":`+jstr(v.purl)+`,"PURL":"pkg:maven/org.acme/agent@1.0"`) + `]`)})
	}
	for i := range cases {
		cases[i].want = "error"
	}
	return cases
}

// unicodeDisguises rewrite a name so that it reads the same to a person.
var unicodeDisguises = []struct {
	name string
	f    func(string) string
}{
	{"full-width", func(s string) string { return mapLetters(s, fullWidth) }},
	{"mathematical bold", func(s string) string { return mapLetters(s, mathBold) }},
	{"mathematical sans-serif", func(s string) string { return mapLetters(s, mathSans) }},
	{"one Cyrillic lookalike", func(s string) string { return homoglyphs(s, cyrillicLookalikes, 1) }},
	{"every Cyrillic lookalike", func(s string) string { return homoglyphs(s, cyrillicLookalikes, -1) }},
	{"Greek lookalikes", func(s string) string { return homoglyphs(s, greekLookalikes, -1) }},
	{"zero-width space", func(s string) string { return insideBrand(s, "\u200b") }},
	{"zero-width joiner", func(s string) string { return insideBrand(s, "\u200d") }},
	{"soft hyphen", func(s string) string { return insideBrand(s, "\u00ad") }},
	{"byte order mark", func(s string) string { return insideBrand(s, "\ufeff") }},
	{"right-to-left override", func(s string) string { return "\u202e" + s + "\u202c" }},
	{"bidi isolate inside", func(s string) string { return insideBrand(s, "\u2066\u2069") }},
	{"combining marks", func(s string) string { return combining(s) }},
	{"Hangul filler U+3164", func(s string) string { return insideBrand(s, "\u3164") }},
	{"Hangul choseong filler U+115F", func(s string) string { return insideBrand(s, "\u115f") }},
	{"Braille blank U+2800", func(s string) string { return insideBrand(s, "\u2800") }},
	{"DEL", func(s string) string { return insideBrand(s, "\u007f") }},
	{"NEL", func(s string) string { return insideBrand(s, "\u0085") }},
	{"line separator U+2028", func(s string) string { return insideBrand(s, "\u2028") }},
}

// displayDisguises store a name so that it shows as the name: reversed
// inside a right-to-left override. FuzzDisguise does not compose them with
// the others: a control inserted before the reversal ("\u2066\u2069"
// inside a word) comes out unpaired, and changes what shows.
var displayDisguises = []struct {
	name string
	f    func(string) string
}{
	{"right-to-left override of the name reversed", func(s string) string { return "\u202e" + reversed(s) + "\u202c" }},
}

// escapeDisguises write a name in an encoding a person reads through.
// FuzzDisguise does not compose them with the others: a character
// inserted inside an escape ("&#-121;") leaves nothing a person reads.
var escapeDisguises = []struct {
	name string
	f    func(string) string
}{
	{"percent escapes", func(s string) string {
		return escapeLetters(s, func(r rune) string { return fmt.Sprintf("%%%02X", r) })
	}},
	{"HTML character references", func(s string) string {
		return escapeLetters(s, func(r rune) string { return fmt.Sprintf("&#%d;", r) })
	}},
	{"percent escapes in full-width forms", func(s string) string {
		return mapLetters(escapeLetters(s, func(r rune) string { return fmt.Sprintf("%%%02X", r) }), fullWidth)
	}},
	{"HTML character references with a zero-width space inside", func(s string) string {
		return escapeLetters(s, func(r rune) string { return fmt.Sprintf("&#\u200b%d;", r) })
	}},
	{"percent escapes with a Cyrillic lookalike", func(s string) string {
		return strings.ReplaceAll(escapeLetters(s, func(r rune) string { return fmt.Sprintf("%%%02X", r) }), "B", "\u0412")
	}},
}

// escapeLetters writes every ASCII letter of s's longest word with esc,
// spaces as "%20" when esc is a percent escape.
func escapeLetters(s string, esc func(rune) string) string {
	words := strings.Fields(s)
	best := 0
	for i, w := range words {
		if utf8.RuneCountInString(w) > utf8.RuneCountInString(words[best]) {
			best = i
		}
	}
	var b strings.Builder
	for _, r := range words[best] {
		if r < 0x80 && unicode.IsLetter(r) {
			b.WriteString(esc(r))
			continue
		}
		b.WriteRune(r)
	}
	words[best] = b.String()
	sep := " "
	if strings.HasPrefix(esc('a'), "%") {
		sep = "%20"
	}
	return strings.Join(words, sep)
}

func mapLetters(s string, f func(rune) rune) string {
	return strings.Map(f, s)
}

func fullWidth(r rune) rune {
	if r > ' ' && r < 0x7f {
		return r - '!' + '\uff01'
	}
	return r
}

// mathAlpha maps ASCII letters to a block of Mathematical Alphanumeric
// Symbols (A at upper, a at lower); digits stay.
func mathAlpha(r, upper, lower rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return upper + r - 'A'
	case r >= 'a' && r <= 'z':
		return lower + r - 'a'
	}
	return r
}

func mathBold(r rune) rune { return mathAlpha(r, 0x1d400, 0x1d41a) }
func mathSans(r rune) rune { return mathAlpha(r, 0x1d5a0, 0x1d5ba) }

// cyrillicLookalikes and greekLookalikes are letters a person cannot tell
// from Latin ones (Unicode confusables.txt).
var (
	cyrillicLookalikes = map[rune]rune{'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і', 's': 'ѕ', 'j': 'ј',
		'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'I': 'І', 'S': 'Ѕ', 'J': 'Ј'}
	greekLookalikes = map[rune]rune{'o': 'ο', 'v': 'ν', 'A': 'Α', 'B': 'Β', 'E': 'Ε', 'H': 'Η', 'I': 'Ι', 'K': 'Κ', 'M': 'Μ', 'N': 'Ν',
		'O': 'Ο', 'P': 'Ρ', 'T': 'Τ', 'X': 'Χ', 'Y': 'Υ', 'Z': 'Ζ'}
)

// homoglyphs replaces the first n letters of s that have a lookalike (all
// when n < 0), starting with the brand word when s has one.
func homoglyphs(s string, table map[rune]rune, n int) string {
	var b strings.Builder
	for _, r := range s {
		if l, ok := table[r]; ok && n != 0 {
			b.WriteRune(l)
			n--
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// reversed returns s with its characters in reverse order.
func reversed(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// insideBrand puts ins in the middle of the longest word of s.
func insideBrand(s, ins string) string {
	words := strings.Fields(s)
	best := 0
	for i, w := range words {
		if utf8.RuneCountInString(w) > utf8.RuneCountInString(words[best]) {
			best = i
		}
	}
	w := []rune(words[best])
	words[best] = string(w[:len(w)/2]) + ins + string(w[len(w)/2:])
	return strings.Join(words, " ")
}

// combining puts a combining mark after every vowel.
func combining(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if strings.ContainsRune("aeiouAEIOU", r) {
			b.WriteRune('\u0301')
		}
	}
	return b.String()
}

// unicodeCases put a re-encoded legal name, and a re-encoded brand word,
// in a supplier.
func unicodeCases(v bannedVendor) []disguiseCase {
	var cases []disguiseCase
	all := append(unicodeDisguises[:len(unicodeDisguises):len(unicodeDisguises)], displayDisguises...)
	for _, d := range append(all, escapeDisguises...) {
		cases = append(cases, disguiseCase{name: d.name + " name", data: supplierDoc(v, d.f(v.name)), want: v.want})
		if v.brand != "" && len(v.brand) > 3 {
			cases = append(cases, disguiseCase{name: d.name + " brand", data: supplierDoc(v, d.f(v.brand)+" Software GmbH"), want: v.want})
		}
	}
	// Native names too: full-width forms and invisible characters inside.
	for _, native := range v.natives {
		cases = append(cases,
			disguiseCase{name: "zero-width inside " + native, data: supplierDoc(v, insideBrand(native, "\u200b")), want: v.want},
			disguiseCase{name: "ideographic spaces around " + native, data: supplierDoc(v, "\u3000"+native+"\u3000"), want: v.want})
	}
	return cases
}

// glueSplitCases glue the brand to the next word, split it, or rewrite
// the legal name's spacing and case.
func glueSplitCases(v bannedVendor) []disguiseCase {
	var names []string
	names = append(names, v.glued...)
	names = append(names,
		strings.ReplaceAll(v.name, " ", ""),
		strings.ToUpper(v.name),
		strings.ToLower(v.name),
		strings.ReplaceAll(v.name, " ", "-"),
		strings.ReplaceAll(v.name, " ", "_"),
		strings.ReplaceAll(v.name, " ", "."),
		strings.ReplaceAll(v.name, " ", "  "),
	)
	if b := v.brand; len(b) > 3 {
		half := len(b) / 2
		names = append(names,
			b[:half]+"-"+b[half:],
			b[:half]+" "+b[half:],
			b[:half]+"."+b[half:],
			b[:half]+"_"+b[half:],
			strings.Join(strings.Split(b, ""), "."),
			strings.Join(strings.Split(b, ""), " "),
			b+" Ltd",
		)
	}
	if v.key == "kaspersky" {
		// Transliteration variants of Касперский.
		names = append(names, "Kasperskiy Lab", "Kasperskij Lab", "Kasperskii Lab")
	}
	cases := make([]disguiseCase, 0, len(names))
	for _, n := range names {
		cases = append(cases, disguiseCase{name: n, data: supplierDoc(v, n), want: v.want})
	}
	return cases
}

// nativeCases name the vendor in its own script, as the ban list gives it.
func nativeCases(v bannedVendor) []disguiseCase {
	var cases []disguiseCase
	for _, n := range v.natives {
		cases = append(cases,
			disguiseCase{name: n + " supplier", data: supplierDoc(v, n), want: v.want},
			disguiseCase{name: n + " publisher", data: cdxDoc(`"components":[` + component(v.ctype, `,"publisher":`+jstr(n)) + `]`), want: v.want},
			disguiseCase{name: n + " procurement", path: "v.csv", data: "vendor_name,product\n" + csvField(n) + "," + csvField(v.product) + "\n", want: v.procurementWant()})
	}
	return cases
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// sectionCases move the banned party into every section that names a
// party, in CycloneDX and SPDX.
func sectionCases(v bannedVendor) []disguiseCase {
	n := jstr(v.name)
	comp := func(members string) string { return cdxDoc(`"components":[` + component(v.ctype, members) + `]`) }
	cases := []disguiseCase{
		{name: "supplier", data: comp(`,"supplier":{"name":` + n + `}`)},
		{name: "manufacturer", data: comp(`,"manufacturer":{"name":` + n + `}`)},
		{name: "authors", data: comp(`,"authors":[{"name":` + n + `}]`)},
		{name: "publisher", data: comp(`,"publisher":` + n)},
		{name: "licensor", data: comp(`,"licenses":[{"license":{"name":"EULA","licensing":{"licensor":{"organization":{"name":` + n + `}}}}}]`)},
		{name: "nested component supplier", data: comp(`,"components":[` + strings.Replace(component(v.ctype, `,"supplier":{"name":`+n+`}`), `"c1"`, `"c2"`, 1) + `]`)},
		{name: "pedigree ancestor", data: comp(`,"pedigree":{"ancestors":[{"type":"` + v.ctype + `","name":"orig","supplier":{"name":` + n + `}}]}`)},
		{name: "pedigree variant", data: comp(`,"pedigree":{"variants":[{"type":"` + v.ctype + `","name":"orig","publisher":` + n + `}]}`)},
		{name: "metadata.component supplier", data: `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"component":` +
			`{"type":"` + v.ctype + `","bom-ref":"app","name":"app","version":"1","supplier":{"name":` + n + `}}}}`},
		{name: "metadata.supplier", data: `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"supplier":{"name":` + n + `},` +
			`"component":{"type":"` + v.ctype + `","bom-ref":"app","name":"app","version":"1"}}}`},
		{name: "metadata.manufacturer", data: `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"manufacturer":{"name":` + n + `},` +
			`"component":{"type":"` + v.ctype + `","bom-ref":"app","name":"app","version":"1"}}}`},
		{name: "evidence licensor", data: comp(`,"evidence":{"licenses":[{"license":{"name":"EULA","licensing":{"licensor":{"organization":{"name":` + n + `}}}}}]}`)},
		{name: "metadata licensor", data: `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"licenses":[{"license":{"name":"EULA",` +
			`"licensing":{"licensor":{"organization":{"name":` + n + `}}}}}],"component":{"type":"` + v.ctype + `","bom-ref":"app","name":"app","version":"1"}}}`},
		{name: "metadata property vendor", data: `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"properties":[{"name":"vendor","value":` + n + `}],` +
			`"component":{"type":"` + v.ctype + `","bom-ref":"app","name":"app","version":"1"}}}`},
		{name: "property image label vendor", data: comp(`,"properties":[{"name":"syft:image:labels:org.opencontainers.image.vendor","value":` + n + `}]`)},
		{name: "property manufacturer", data: comp(`,"properties":[{"name":"cdx:device:manufacturer","value":` + n + `}]`)},
		{name: "service property supplier", data: cdxDoc(`"services":[{"bom-ref":"s1","name":"telemetry","properties":[{"name":"supplier","value":` + n + `}]}]`), want: v.wantService},
		{name: "service provider", data: cdxDoc(`"services":[{"bom-ref":"s1","name":"telemetry","provider":{"name":` + n + `}}]`), want: v.wantService},
		{name: "SPDX supplier", path: "t.spdx.json", data: spdx2(`{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION",` +
			`"primaryPackagePurpose":"` + spdxPurpose(v.ctype) + `","supplier":` + jstr("Organization: "+v.name) + `}`)},
		{name: "SPDX YAML 1.2 supplier", path: "t.spdx.yaml", data: "%YAML 1.2\n--- # SPDX\nspdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\n" +
			"dataLicense: CC0-1.0\nname: d\ndocumentNamespace: https://example.com/d\ncreationInfo:\n  created: \"2024-01-01T00:00:00Z\"\n" +
			"  creators: [\"Tool: gen\"]\npackages:\n  - SPDXID: SPDXRef-p\n    name: agent\n    downloadLocation: NOASSERTION\n" +
			"    primaryPackagePurpose: " + spdxPurpose(v.ctype) + "\n    supplier: " + jstr("Organization: "+v.name) + "\n"},
		{name: "SPDX originator", path: "t.spdx.json", data: spdx2(`{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION",` +
			`"primaryPackagePurpose":"` + spdxPurpose(v.ctype) + `","originator":` + jstr("Organization: "+v.name) + `}`)},
	}
	if v.domain != "" {
		cases = append(cases,
			disguiseCase{name: "external reference", data: comp(`,"externalReferences":[{"type":"website","url":"https://www.` + v.domain + `/products"}]`)},
			disguiseCase{name: "author e-mail domain", data: comp(`,"authors":[{"name":"Build Team","email":"build@` + v.domain + `"}]`)},
			disguiseCase{name: "supplier contact e-mail", data: comp(`,"supplier":{"name":"Build Team","contact":[{"email":"sales@` + v.domain + `"}]}`)},
			disguiseCase{name: "supplier url", data: comp(`,"supplier":{"name":"Sales","url":["https://` + v.domain + `"]}`)},
			disguiseCase{name: "licence on the vendor's site", data: comp(`,"licenses":[{"license":{"name":"EULA","url":"https://www.` + v.domain + `/eula"}}]`)},
			disguiseCase{name: "SPDX homepage", path: "t.spdx.json", data: spdx2(`{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION",` +
				`"primaryPackagePurpose":"` + spdxPurpose(v.ctype) + `","homepage":"https://www.` + v.domain + `/"}`)},
			disguiseCase{name: "SPDX supplier e-mail", path: "t.spdx.json", data: spdx2(`{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION",` +
				`"primaryPackagePurpose":"` + spdxPurpose(v.ctype) + `","supplier":"Organization: Sales (sales@` + v.domain + `)"}`)},
		)
	}
	if v.purl != "" {
		cases = append(cases, disguiseCase{name: "purl namespace", data: comp(`,"purl":` + jstr(v.purl))})
	}
	if v.cpe != "" {
		cases = append(cases, disguiseCase{name: "CPE vendor", data: comp(`,"cpe":"cpe:2.3:` + cpePart(v.ctype) + `:` + v.cpe + `:agent:1.0:*:*:*:*:*:*:*"`)})
	}
	for i := range cases {
		if cases[i].want == "" {
			cases[i].want = v.want
		}
	}
	return cases
}

// spdxPurpose is the SPDX primary package purpose of a component type.
func spdxPurpose(ctype string) string {
	if ctype == "device" {
		return "DEVICE"
	}
	return "LIBRARY"
}

// cpePart is the CPE part of a component type.
func cpePart(ctype string) string {
	if ctype == "device" {
		return "h"
	}
	return "a"
}

// identifierCases rewrite the vendor's purl and CPE the ways a parser
// may reject.
func identifierCases(v bannedVendor) []disguiseCase {
	var ids []struct{ name, members string }
	add := func(name, members string) { ids = append(ids, struct{ name, members string }{name, members}) }
	if p := v.purl; p != "" {
		add("purl scheme in capitals", `,"purl":`+jstr("Pkg"+p[3:]))
		add("purl in capitals", `,"purl":`+jstr(strings.ToUpper(p)))
		add("purl leading space", `,"purl":`+jstr(" "+p))
		add("purl trailing newline", `,"purl":`+jstr(p+"\n"))
		add("purl repeated qualifier", `,"purl":`+jstr(p+"?type=jar&type=pom"))
		add("purl bad escape", `,"purl":`+jstr(strings.Replace(p, "/", "/%ZZ", 2)))
		add("purl without scheme", `,"purl":`+jstr(strings.TrimPrefix(p, "pkg:")))
		add("purl double slash", `,"purl":`+jstr(strings.Replace(p, "pkg:", "pkg://", 1)))
		add("purl full-width namespace", `,"purl":`+jstr(strings.Replace(p, strings.ToLower(v.brand), mapLetters(strings.ToLower(v.brand), fullWidth), 1)))
	}
	if b := strings.ToLower(v.brand); b != "" {
		add("github purl", `,"purl":`+jstr("pkg:github/"+v.brand+"/agent@1.0"))
		add("docker purl", `,"purl":`+jstr("pkg:docker/"+b+"/agent@1.0"))
		add("nuget purl", `,"purl":`+jstr("pkg:nuget/"+v.brand+".Agent.Core@1.0"))
		add("npm scope", `,"purl":`+jstr("pkg:npm/%40"+b+"/agent@1.0"))
		add("golang github owner", `,"purl":`+jstr("pkg:golang/github.com/"+v.brand+"/agent@v1.0.0"))
		add("vcs reference on the vendor's account", `,"externalReferences":[{"type":"vcs","url":"https://github.com/`+v.brand+`/agent"}]`)
		add("purl vcs_url on the vendor's account", `,"purl":`+jstr("pkg:generic/agent@1.0?vcs_url=git%2Bhttps://github.com/"+v.brand+"/agent.git"))
	}
	if d := v.domain; d != "" {
		add("purl download_url on the vendor's domain", `,"purl":`+jstr("pkg:generic/agent@1.0?download_url=https://www."+d+"/agent.tgz"))
		add("web address with an escaped host", `,"externalReferences":[{"type":"website","url":`+jstr(fmt.Sprintf("https://%%%02X%s/products", d[0], d[1:]))+`}]`)
		add("web address with backslashes", `,"externalReferences":[{"type":"website","url":`+jstr(`https:\\`+d+`\products`)+`}]`)
	}
	if c := v.cpe; c != "" {
		part := cpePart(v.ctype)
		add("CPE 2.2 URI", `,"cpe":`+jstr("cpe:/"+part+":"+c+":agent:1.0"))
		add("CPE vendor in capitals", `,"cpe":`+jstr("cpe:2.3:"+part+":"+strings.ToUpper(c)+":agent:1.0:*:*:*:*:*:*:*"))
		add("CPE with too few fields", `,"cpe":`+jstr("cpe:2.3:"+part+":"+c+":agent"))
		add("CPE prefix in capitals", `,"cpe":`+jstr("CPE:2.3:"+part+":"+c+":agent:1.0:*:*:*:*:*:*:*"))
		add("hardware CPE on a library", `,"type":"library","cpe":`+jstr("cpe:2.3:h:"+c+":agent:-:*:*:*:*:*:*:*"))
	}
	cases := make([]disguiseCase, 0, len(ids))
	for _, id := range ids {
		members := id.members
		ctype := v.ctype
		if strings.HasPrefix(members, `,"type":"library"`) {
			ctype, members = "library", strings.TrimPrefix(members, `,"type":"library"`)
		}
		cases = append(cases, disguiseCase{name: id.name, data: cdxDoc(`"components":[` + component(ctype, members) + `]`), want: v.want})
	}
	if p := v.purl; p != "" {
		comp := strings.Replace(component(v.ctype, `,"purl":"pkg:npm/left-pad@1.3.0"`), `"bom-ref":"c1"`, `"bom-ref":`+jstr(p), 1)
		cases = append(cases, disguiseCase{name: "purl as the bom-ref", data: cdxDoc(`"components":[` + comp + `]`), want: v.want})
	}
	return append(cases, spdxRefCases(v)...)
}

// spdxRefCases give the vendor's purl and CPE as SPDX 2 external
// references a reader takes for them: a type in other letter case, a
// second purl, a purl or CPE under a type of the writer's own, and the
// package-manager types SPDX defines besides purl.
func spdxRefCases(v bannedVendor) []disguiseCase {
	var cases []disguiseCase
	add := func(name string, refs ...[3]string) {
		var b strings.Builder
		for i, r := range refs {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`{"referenceCategory":` + jstr(r[0]) + `,"referenceType":` + jstr(r[1]) + `,"referenceLocator":` + jstr(r[2]) + `}`)
		}
		cases = append(cases, disguiseCase{name: name, path: "t.spdx.json", want: v.want, data: spdx2(`{"SPDXID":"SPDXRef-p","name":"agent",` +
			`"downloadLocation":"NOASSERTION","primaryPackagePurpose":"` + spdxPurpose(v.ctype) + `","externalRefs":[` + b.String() + `]}`)})
	}
	if p := v.purl; p != "" {
		add("SPDX purl type in capitals", [3]string{"PACKAGE-MANAGER", "PURL", p})
		add("SPDX second purl", [3]string{"PACKAGE-MANAGER", "purl", "pkg:npm/left-pad@1.3.0"}, [3]string{"PACKAGE-MANAGER", "purl", p})
		add("SPDX purl under a type of its own", [3]string{"OTHER", "package-url", p})
		if rest, ok := strings.CutPrefix(p, "pkg:maven/"); ok {
			group, artifact, _ := strings.Cut(rest, "/")
			artifact, version, _ := strings.Cut(artifact, "@")
			add("SPDX maven-central", [3]string{"PACKAGE-MANAGER", "maven-central", group + ":" + artifact + ":" + version})
		}
	}
	if b := strings.ToLower(v.brand); b != "" {
		add("SPDX npm scope", [3]string{"PACKAGE-MANAGER", "npm", "@" + b + "/agent@1.0"})
	}
	if c := v.cpe; c != "" {
		cpe := "cpe:2.3:" + cpePart(v.ctype) + ":" + c + ":agent:1.0:*:*:*:*:*:*:*"
		add("SPDX CPE type in capitals", [3]string{"SECURITY", "CPE23TYPE", cpe})
		add("SPDX CPE under a type of its own", [3]string{"OTHER", "cpe", cpe})
	}
	return cases
}

// partyColumns are the party columns of a procurement record.
var procurementColumns = []string{"vendor_name", "supplier", "reseller", "distributor", "oem", "manufacturer", "parent", "ultimate_parent"}

// procurementCases put the vendor in every party column of a CSV, JSON
// and YAML vendor file, and in every party of an OCDS release.
func procurementCases(v bannedVendor) []disguiseCase {
	var cases []disguiseCase
	for _, col := range procurementColumns {
		name, other := "Acme Resale LLC", v.name
		if col == "vendor_name" {
			name, other = v.name, ""
		}
		// CSV
		header, row := "vendor_name,product", csvField(name)+","+csvField(v.product)
		if col != "vendor_name" {
			header += "," + col
			row += "," + csvField(other)
		}
		cases = append(cases, disguiseCase{name: "CSV " + col, path: "v.csv", data: header + "\n" + row + "\n"})
		// JSON and YAML
		fields := map[string]any{"name": name, "products": []any{map[string]any{"name": v.product}}}
		switch col {
		case "vendor_name":
		case "manufacturer":
			fields["products"] = []any{map[string]any{"name": v.product, "manufacturer": other}}
		default:
			fields[col] = other
		}
		js, err := json.Marshal(map[string]any{"vendors": []any{fields}})
		if err != nil {
			panic(err)
		}
		cases = append(cases,
			disguiseCase{name: "JSON " + col, path: "v.json", data: string(js)},
			disguiseCase{name: "YAML " + col, path: "v.yaml", data: yamlVendor(fields)})
	}
	// YAML as YAML 1.2 writes it: a version directive, an anchored key,
	// an alias.
	plain := yamlVendor(map[string]any{"name": v.name, "products": []any{map[string]any{"name": v.product}}})
	cases = append(cases,
		disguiseCase{name: "YAML 1.2 directive", path: "v.yaml", data: "%YAML 1.2\n---\n" + plain},
		disguiseCase{name: "YAML document start", path: "v.yaml", data: "--- # vendor file\n" + plain},
		disguiseCase{name: "YAML anchored key", path: "v.yaml", data: strings.Replace(plain, "\nvendors:", "\n&all vendors:", 1)},
		disguiseCase{name: "YAML alias", path: "v.yaml", data: "- name: Acme Resale LLC\n  products: [&p {name: " + jstr(v.product) + "}]\n" +
			"- name: " + jstr(v.name) + "\n  products: [*p]\n"})
	// CSV columns of other names for a party: another party of the
	// record (subcontractor, payee), an alias, a parent, a maker.
	for _, col := range []string{"subcontractor", "subawardee_name", "payee", "also_known_as", "trade_name",
		"holding_company", "parent_name", "brand", "maker", "shareholder", "ultimate_beneficial_owner"} {
		cases = append(cases, disguiseCase{name: "CSV " + col, path: "v.csv",
			data: "vendor_name,product," + col + "\nAcme Resale LLC," + csvField(v.product) + "," + csvField(v.name) + "\n"})
	}
	// CSV contact column.
	cases = append(cases, disguiseCase{name: "CSV contact", path: "v.csv",
		data: "vendor_name,contact,product\nAcme Resale LLC," + csvField(v.name) + "," + csvField(v.product) + "\n"})
	// OCDS: the supplier of an award, and a tenderer.
	for _, role := range []string{"supplier", "tenderer"} {
		cases = append(cases, disguiseCase{name: "OCDS " + role, path: "o.json", data: `{"releases":[{"ocid":"ocds-1","id":"1","date":"2025-01-01T00:00:00Z",` +
			`"tag":["award"],"initiationType":"tender","parties":[{"id":"p1","name":` + jstr(v.name) + `,"roles":["` + role + `"]}],` +
			`"awards":[{"id":"a1","suppliers":[{"id":"p1","name":` + jstr(v.name) + `}],"items":[{"id":"i1","description":` + jstr(v.product) + `}]}]}]}`})
	}
	// OCDS: a payee of the contract beside the supplier, as a party and
	// inline in a transaction.
	release := func(parties, payee string) string {
		return `{"releases":[{"ocid":"ocds-1","id":"1","date":"2025-01-01T00:00:00Z","tag":["contract"],"initiationType":"tender",` +
			`"parties":[{"id":"p1","name":"Acme Resale LLC","roles":["supplier"]}` + parties + `],` +
			`"awards":[{"id":"a1","suppliers":[{"id":"p1","name":"Acme Resale LLC"}],"items":[{"id":"i1","description":` + jstr(v.product) + `}]}],` +
			`"contracts":[{"id":"c1","awardID":"a1","implementation":{"transactions":[{"id":"t1","payee":` + payee + `}]}}]}]}`
	}
	cases = append(cases,
		disguiseCase{name: "OCDS payee party", path: "o.json", data: release(`,{"id":"p2","name":`+jstr(v.name)+`,"roles":["payee"]}`, `{"id":"p2"}`)},
		disguiseCase{name: "OCDS transaction payee", path: "o.json", data: release("", `{"name":`+jstr(v.name)+`}`)},
		// OCDS extensions: a beneficial owner of the supplier (stake not
		// given), a party whose role is subcontractor.
		disguiseCase{name: "OCDS beneficial owner", path: "o.json", data: strings.Replace(release("", `{"id":"p1"}`),
			`"roles":["supplier"]`, `"roles":["supplier"],"beneficialOwners":[{"id":"1","name":`+jstr(v.name)+`}]`, 1)},
		disguiseCase{name: "OCDS subcontractor party", path: "o.json", data: release(`,{"id":"p2","name":`+jstr(v.name)+`,"roles":["subcontractor"]}`, `{"id":"p1"}`)})
	// The product description names the brand.
	if v.brand != "" {
		cases = append(cases, disguiseCase{name: "CSV product names the brand", path: "v.csv",
			data: "vendor_name,product\nAcme Resale LLC," + csvField(v.brand+" "+v.product) + "\n"})
	}
	for i := range cases {
		cases[i].want = v.procurementWant()
	}
	return cases
}

// procurementWant is the outcome of a procurement record of the vendor's
// product: a product of the kind the entry denies (equipment or services)
// is denied.
func (v bannedVendor) procurementWant() string {
	if v.wantService == "fail" {
		return "fail"
	}
	return v.want
}

// yamlVendor writes fields as a block-style YAML vendor file, keys
// sorted, every string double-quoted (a JSON string is a YAML one).
func yamlVendor(fields map[string]any) string {
	var b strings.Builder
	b.WriteString("# vendors\nvendors:\n")
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		lead := "    "
		if i == 0 {
			lead = "  - "
		}
		switch v := fields[k].(type) {
		case string:
			b.WriteString(lead + k + ": " + jstr(v) + "\n")
		case []any:
			b.WriteString(lead + k + ":\n")
			for _, p := range v {
				pm := p.(map[string]any)
				pk := make([]string, 0, len(pm))
				for k := range pm {
					pk = append(pk, k)
				}
				sort.Strings(pk)
				for j, k := range pk {
					l := "        "
					if j == 0 {
						l = "      - "
					}
					b.WriteString(l + k + ": " + jstr(pm[k].(string)) + "\n")
				}
			}
		}
	}
	return b.String()
}

// disguiseFamilies are the generators, by family name.
var disguiseFamilies = []struct {
	name string
	gen  func(bannedVendor) []disguiseCase
}{
	{"key case", keyCaseCases},
	{"unicode", unicodeCases},
	{"glue and split", glueSplitCases},
	{"native script", nativeCases},
	{"sections", sectionCases},
	{"identifiers", identifierCases},
	{"procurement columns", procurementCases},
}

// disguiseCases are every generated case, in a fixed order.
func disguiseCases() []disguiseCase {
	var all []disguiseCase
	for _, fam := range disguiseFamilies {
		for _, v := range bannedVendors {
			for _, c := range fam.gen(v) {
				c.family = fam.name
				c.name = fmt.Sprintf("%s/%s/%s", fam.name, v.key, c.name)
				if c.path == "" {
					c.path = "t.cdx.json"
				}
				all = append(all, c)
			}
		}
	}
	return all
}

// printable shows the invisible characters of s, for a failure message.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0x7e || (r < ' ' && r != '\n') {
			if unicode.IsPrint(r) && !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
				continue
			}
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
