package attribute_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/sbom"
)

func TestPURLNamespace(t *testing.T) {
	tests := []struct{ purl, eco, ns string }{
		{"pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0", "maven", "com.kaspersky.android-components"},
		{"pkg:npm/%40kaspersky/hexa-ui@6.198.2", "npm", "@kaspersky"},
		{"pkg:npm/left-pad@1.3.0", "npm", ""},
		{"pkg:golang/github.com/KasperskyLab/klogga@v1.0.0", "golang", "github.com/kasperskylab"},
		{"pkg:github/KasperskyLab/uif@1.0", "github", "github.com/kasperskylab"},
		{"pkg:pypi/requests@2.0", "pypi", ""},
		{"not a purl", "", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		eco, ns := attribute.PURLNamespace(tc.purl)
		if eco != tc.eco || ns != tc.ns {
			t.Errorf("PURLNamespace(%q) = %q, %q; want %q, %q", tc.purl, eco, ns, tc.eco, tc.ns)
		}
	}
}

func TestCPEVendor(t *testing.T) {
	tests := map[string]string{
		"cpe:2.3:a:kaspersky:total_security:21.3:*:*:*:*:*:*:*":        "kaspersky",
		"cpe:/a:kaspersky_lab:kaspersky_anti-virus":                    "kaspersky_lab",
		"cpe:2.3:o:dahuasecurity:ipc-hum7xxx_firmware:-:*:*:*:*:*:*:*": "dahuasecurity",
		`cpe:2.3:a:foo\:bar:baz:1:*:*:*:*:*:*:*`:                       "foo:bar",
		"cpe:2.3:a:*:x:1:*:*:*:*:*:*:*":                                "",
		"cpe:2.3":                                                      "",
		"kaspersky":                                                    "",
	}
	for in, want := range tests {
		if got := attribute.CPEVendor(in); got != want {
			t.Errorf("CPEVendor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDomains(t *testing.T) {
	tests := map[string]string{
		"https://www.kaspersky.com/downloads": "kaspersky.com",
		"http://USA.Kaspersky.com":            "usa.kaspersky.com",
		"kaspersky-labs.com/x":                "kaspersky-labs.com",
		"git@github.com:KasperskyLab/uif.git": "github.com",
		"NOASSERTION":                         "",
		"https://localhost:8080":              "",
		"":                                    "",
	}
	for in, want := range tests {
		if got := attribute.Domain(in); got != want {
			t.Errorf("Domain(%q) = %q, want %q", in, got, want)
		}
	}
	emails := map[string]string{
		"dev@kaspersky.com":                "kaspersky.com",
		"Ivan Petrov <ivan@Kaspersky.COM>": "kaspersky.com",
		"no-at-sign":                       "",
		"x@localhost":                      "",
	}
	for in, want := range emails {
		if got := attribute.EmailDomain(in); got != want {
			t.Errorf("EmailDomain(%q) = %q, want %q", in, got, want)
		}
	}
	namespaces := map[string]string{
		"https://github.com/KasperskyLab/klogga":    "github.com/kasperskylab",
		"github.com:KasperskyLab/klogga":            "github.com/kasperskylab",
		"https://github.com//KasperskyLab/klogga":   "github.com/kasperskylab",
		"https://github.com/%4Basperskylab/klogga":  "github.com/kasperskylab",
		"git+ssh://git@gitlab.com/Group/Sub/repo":   "gitlab.com/group",
		"https://bitbucket.org/":                    "",
		"https://example.com/KasperskyLab/klogga":   "",
		"https://github.com/KasperskyLab?tab=repos": "github.com/kasperskylab",
	}
	for in, want := range namespaces {
		if got := attribute.CodeHostNamespace(in); got != want {
			t.Errorf("CodeHostNamespace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCopyrightHolders(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Copyright © 2024 AO Kaspersky Lab. All rights reserved.", []string{"AO Kaspersky Lab"}},
		{`(C) 2002 "Kaspersky Lab"`, []string{"Kaspersky Lab"}},
		{"Copyright (c) 2010-2023, The Apache Software Foundation", []string{"The Apache Software Foundation"}},
		{"Copyright 2019 Jane Doe <jane@example.com>\nCopyright 2020 by Acme Corp.", []string{"Jane Doe", "Acme Corp"}},
		{"NOASSERTION", nil},
		{"MIT licence text without the word", nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, attribute.CopyrightHolders(tc.in)); diff != "" {
			t.Errorf("CopyrightHolders(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestComponentSignals(t *testing.T) {
	c := &sbom.Component{
		Pointer: "/components/3", Name: "kaspresso", PURL: "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0",
		CPEs: []string{"cpe:2.3:a:kaspersky:kaspresso:1.6.0:*:*:*:*:*:*:*"},
		Parties: []sbom.Party{
			{Role: "supplier", Kind: "organization", Name: "AO Kaspersky Lab", URLs: []string{"https://www.kaspersky.com"}, Pointer: "/components/3/supplier/name"},
			{Role: "author", Kind: "person", Name: "Ivan", Emails: []string{"ivan@kaspersky.com"}, Pointer: "/components/3/authors/0/name"},
			{Role: "author", Name: "NOASSERTION", Pointer: "/components/3/author"},
		},
		Copyright:        "Copyright 2024 AO Kaspersky Lab",
		CopyrightPointer: "/components/3/copyright",
		ExternalRefs:     []sbom.ExternalRef{{Type: "vcs", URL: "https://github.com/KasperskyLab/Kaspresso", Pointer: "/components/3/externalReferences/0/url"}},
	}
	got := attribute.Component(c)
	want := []attribute.Signal{
		{Source: "supplier", Type: "name", Value: "AO Kaspersky Lab", Kind: "organization", Pointer: "/components/3/supplier/name"},
		{Source: "url", Type: "url", Value: "kaspersky.com", Pointer: "/components/3/supplier/name"},
		{Source: "author", Type: "name", Value: "Ivan", Kind: "person", Pointer: "/components/3/authors/0/name"},
		{Source: "email", Type: "email", Value: "ivan@kaspersky.com", Pointer: "/components/3/authors/0/name"},
		{Source: "url", Type: "url", Value: "github.com/kasperskylab/kaspresso", Pointer: "/components/3/externalReferences/0/url"},
		{Source: "vcs", Type: "namespace", Value: "github.com/kasperskylab", Ecosystem: "golang", Pointer: "/components/3/externalReferences/0/url"},
		{Source: "vcs_owner", Type: "name", Value: "kasperskylab", Kind: "organization", Pointer: "/components/3/externalReferences/0/url"},
		{Source: "purl", Type: "namespace", Value: "com.kaspersky.android-components", Ecosystem: "maven", Pointer: "/components/3/purl"},
		{Source: "purl_owner", Type: "name", Value: "com kaspersky android components", Kind: "organization", Pointer: "/components/3/purl"},
		{Source: "cpe", Type: "cpe_vendor", Value: "kaspersky", Pointer: "/components/3/cpe"},
		{Source: "copyright", Type: "name", Value: "AO Kaspersky Lab", Kind: "organization", Pointer: "/components/3/copyright"},
		{Source: "component_name", Type: "name", Value: "kaspresso", Kind: "organization", Pointer: "/components/3/name"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("signals (-want +got):\n%s", diff)
	}
}

// Issue 13: a purl or CPE that does not parse still names its owner; the
// signal is marked lenient (sbom.Decode warns about the identifier).
func TestUnparseableIdentifiers(t *testing.T) {
	tests := []struct {
		purl       string
		eco, ns    string
		codeHost   string
		pkgName    string
		wantSignal bool
	}{
		{"Pkg:maven/com.kaspersky/kav@1.0", "maven", "com.kaspersky", "", "", true},
		{"PKG:MAVEN/COM.HUAWEI.HMS/push@6.1", "maven", "com.huawei.hms", "", "", true},
		{" pkg:npm/%40kaspersky/hexa-ui@6.198.2", "npm", "@kaspersky", "", "hexa-ui", true},
		{"pkg:maven/com.kaspersky/kav@1.0?type=jar&type=pom", "maven", "com.kaspersky", "", "", true},
		{"pkg:maven/com%ZZkaspersky/kav@1.0", "maven", "com%zzkaspersky", "", "", true},
		{"pkg:npm/%40huaweicloud%2/sdk@1", "npm", "@huaweicloud%2", "", "sdk", true},
		{"pkg:github/KasperskyLab/uif@1.0", "github", "kasperskylab", "github.com/kasperskylab", "", true},
		{"pkg:gitlab/huawei/x@1", "gitlab", "huawei", "gitlab.com/huawei", "", true},
		{"pkg:bitbucket/zte/x@1", "bitbucket", "zte", "bitbucket.org/zte", "", true},
		{"pkg:docker/kasperskylab/kes@11", "docker", "kasperskylab", "", "", true},
		{"pkg:oci/kes@sha256:abc?repository_url=ghcr.io/kasperskylab/kes", "oci", "ghcr.io/kasperskylab", "github.com/kasperskylab", "", true},
		{"pkg:golang/github.com/KasperskyLab/klogga@v1.0.0", "golang", "github.com/kasperskylab", "github.com/kasperskylab", "", true},
		{"pkg:swift/github.com/huaweicloud/sdk@1.0", "swift", "github.com/huaweicloud", "github.com/huaweicloud", "", true},
		{"pkg:composer/huaweicloud/huaweicloud-sdk-php@3", "composer", "huaweicloud", "", "", true},
		{"pkg:hex/zte/zte_client@1.0.0", "hex", "zte", "", "", true},
		{"pkg:conan/hikvision-sdk@1.0?user=hikvision&channel=stable", "conan", "hikvision", "", "", true},
		{"pkg:nuget/Huawei.Cloud.SDK.Core@3.1", "", "", "", "Huawei.Cloud.SDK.Core", true},
		{"pkg:pypi/huaweicloudsdkcore@3.1", "", "", "", "huaweicloudsdkcore", true},
		{"pkg:cargo/kaspersky-client@0.1", "", "", "", "kaspersky-client", true},
		{"not a purl", "", "", "", "", false},
	}
	for _, tc := range tests {
		o, ok := attribute.PURLOwner(tc.purl)
		if ok != tc.wantSignal || o.Ecosystem != tc.eco || o.Namespace != tc.ns || o.CodeHost != tc.codeHost || o.PackageName != tc.pkgName {
			t.Errorf("PURLOwner(%q) = %+v, %v; want %s:%s host %q package %q", tc.purl, o, ok, tc.eco, tc.ns, tc.codeHost, tc.pkgName)
		}
	}
	c := &sbom.Component{Pointer: "/components/0", Name: "kav", PURL: "Pkg:maven/com.kaspersky/kav@1.0",
		CPEs: []string{`cpe:2.3:a:kaspersky\_lab:kav:1.0:*:*:*:*:*:*:*`, "CPE:2.3:H:HIKVISION:ds-2cd:-:*:*:*:*:*:*:*"}}
	sigs := attribute.Component(c)
	want := map[string]bool{"maven:com.kaspersky": false, "cpe:kaspersky_lab": false, "cpe:hikvision": false}
	for _, s := range sigs {
		switch {
		case s.Type == attribute.ValueNamespace && s.Ecosystem+":"+s.Value == "maven:com.kaspersky":
			want["maven:com.kaspersky"] = s.Lenient
		case s.Type == attribute.ValueCPEVendor:
			want["cpe:"+s.Value] = true
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("%s: not screened (or not marked lenient): %+v", k, sigs)
		}
	}
	if !attribute.HardwareCPE("CPE:2.3:H:HIKVISION:ds-2cd:-:*:*:*:*:*:*:*") || attribute.HardwareCPE("cpe:2.3:a:hikvision:x:1:*:*:*:*:*:*:*") {
		t.Error("HardwareCPE")
	}
	// Other ways to write a CPE that a reader reads the vendor and part of.
	for _, tt := range []struct{ raw, part, vendor string }{
		{`wfn:[part="h",vendor="hikvision",product="ds\-2cd"]`, "h", "hikvision"},
		{`wfn:[part = "o", vendor = "dahua"]`, "o", "dahua"},
		{`wfn:[part="a",vendor=ANY]`, "a", ""},
		{"cpe:2.2:h:hikvision:ds:1", "h", "hikvision"},
		{"cpe:h:hikvision:ds:1", "h", "hikvision"},
		// letters whose lower case is longer in UTF-8 before the
		// attribute ("Ⱥ" two bytes, "ⱥ" three): read, not a panic
		{`wfn:[ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ,vendor="dahua"]`, "", "dahua"},
	} {
		c, ok := attribute.ReadCPE(tt.raw)
		if !ok || c.Part != tt.part || c.Vendor != tt.vendor || !c.Lenient {
			t.Errorf("ReadCPE(%q) = %+v, %v; want part %q vendor %q", tt.raw, c, ok, tt.part, tt.vendor)
		}
	}
}

// Issue 12: a list of people as copyright holders is screened person by
// person, so that "Dahua Lin" is a person, never Dahua's brand; a company
// stays one holder.
func TestHolders(t *testing.T) {
	tests := []struct {
		in   string
		want []attribute.Holder
	}{
		{"Copyright (c) 2009-2023: Jeff Bezanson, Stefan Karpinski, Viral B. Shah, Dahua Lin, and other contributors", []attribute.Holder{
			{Name: "Jeff Bezanson", Kind: "person"}, {Name: "Stefan Karpinski", Kind: "person"},
			{Name: "Viral B. Shah", Kind: "person"}, {Name: "Dahua Lin", Kind: "person"},
		}},
		{"Copyright (c) 2016, Huawei Technologies Co., Ltd.", []attribute.Holder{{Name: "Huawei Technologies Co., Ltd", Kind: "organization"}}},
		{"Copyright 2018 ZTE Corporation", []attribute.Holder{{Name: "ZTE Corporation", Kind: "organization"}}},
		{"Copyright 2024 Eugene Kaspersky", []attribute.Holder{{Name: "Eugene Kaspersky", Kind: "person"}}},
		{"(c) Kaspersky", []attribute.Holder{{Name: "Kaspersky", Kind: ""}}},
		{"Copyright {yyyy} {name of copyright owner}", []attribute.Holder{{Name: "{yyyy} {name of owner}", Kind: ""}}},
		{"Copyright The Apache Software Foundation", []attribute.Holder{{Name: "The Apache Software Foundation", Kind: "organization"}}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, attribute.Holders(tc.in)); diff != "" {
			t.Errorf("Holders(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func FuzzURLSignal(f *testing.F) {
	for _, s := range []string{"https://www.kaspersky.com/x", "git@github.com:KasperskyLab/uif.git", "http://u:p@Host.Example.org:8080/a?b#c", "github.com/org", "NOASSERTION", "://", "@", "[::1]:80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := attribute.Domain(s)
		ns := attribute.CodeHostNamespace(s)
		if ns != "" && !strings.HasPrefix(ns, d+"/") {
			t.Errorf("namespace %q not under domain %q for %q", ns, d, s)
		}
		if d != strings.ToLower(d) {
			t.Errorf("domain %q not lower case", d)
		}
	})
}

func FuzzReadCPE(f *testing.F) {
	for _, s := range []string{"cpe:2.3:h:hikvision:ds-2cd:-:*:*:*:*:*:*:*", "cpe:/h:dahua:x", "cpe:2.2:h:hikvision:ds:1",
		"cpe:h:hikvision:ds:1", `wfn:[part="h",vendor="hikvision",product="ds\-2cd"]`, `wfn:[part="a",vendor=ANY]`,
		"wfn:[ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺvendor", `wfn:[vendor="x\`, "cpe:", "wfn:["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := attribute.ReadCPE(s)
		if ok != (c.Part != "" || c.Vendor != "") {
			t.Errorf("ReadCPE(%q) = %+v, %v: ok must say whether it read a part or a vendor", s, c, ok)
		}
	})
}

// TestAppendComponent: the signals appended are Component's, deduplicated
// among themselves only, after what the slice held.
func TestAppendComponent(t *testing.T) {
	a := sbom.Component{Name: "kaspresso", PURL: "pkg:maven/com.kaspersky/kaspresso@1.6.0", Pointer: "/components/0",
		Parties: []sbom.Party{{Role: sbom.RoleSupplier, Name: "AO Kaspersky Lab", Pointer: "/components/0/supplier"}}}
	b := sbom.Component{Name: "kaspresso", PURL: "pkg:maven/com.kaspersky/kaspresso@1.6.1", Pointer: "/components/0",
		Parties: []sbom.Party{{Role: sbom.RoleSupplier, Name: "AO Kaspersky Lab", Pointer: "/components/0/supplier"}}}
	got := attribute.AppendComponent(attribute.AppendComponent(nil, &a), &b)
	want := append(attribute.Component(&a), attribute.Component(&b)...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AppendComponent (-want +got):\n%s", diff)
	}
}

// TestPartyPersonParts: a name that names several parties passes, beside
// itself, each part that may be a person's as a person's name of its own:
// read with the rest, the words of the others outweigh it. Organisations'
// names with "&", "and" or a comma in them, a name and its legal form, and
// parts of one word pass nothing more.
func TestPartyPersonParts(t *testing.T) {
	for _, tt := range []struct {
		kind, name string
		want       []string // the further names' value and kind
	}{
		{"organization", "Acme Global Trading Corp, Vladimir Putin", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Holdings (Vladimir Putin)", []string{"Vladimir Putin/person"}},
		{"organization", "Acme; Foo; Bar; Qux; Vladimir Putin", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Corp & Vladimir Putin", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Corp AND Vladimir Putin", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Corp - Vladimir Putin", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Corp [Vladimir Putin]", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Corp\nVladimir Putin", []string{"Vladimir Putin/person"}},
		{"organization", "Acme Holdings（Vladimir Putin）", []string{"Vladimir Putin/person"}},
		{"person", "Jane Roe, John Doe", []string{"Jane Roe/person", "John Doe/person"}},
		{"organization", "Johnson & Johnson", nil},
		{"organization", "Bank of Trade and Industry", nil},
		{"organization", "Kaspersky Lab, ZAO", nil},
		{"organization", "IRAN AIRCRAFT INDUSTRIES (IACI)", nil},
		{"organization", "Acme, Inc.", nil},
		{"organization", "Red Hat, Inc.", nil},
		{"organization", "Hytera America, Inc.", nil},
		{"organization", "Jane Roe GmbH & Co. KG", nil},
		{"organization", "PUTIN, Vladimir Vladimirovich", nil},
		{"organization", "Vladimir Putin", nil},
	} {
		var got []string
		attribute.Party(sbom.Party{Role: "supplier", Kind: tt.kind, Name: tt.name}, func(s attribute.Signal) {
			if s.Type == attribute.ValueName && s.Value != tt.name {
				got = append(got, s.Value+"/"+s.Kind)
			}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: further names %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
}

// TestPartyNameKind: a name in an organisation's field (a CycloneDX
// supplier or manufacturer is an organisational entity by the schema) is
// screened as either kind, but for one with a word only organisations'
// names have, which keeps the field's kind.
func TestPartyNameKind(t *testing.T) {
	for _, tt := range []struct {
		kind, name, want string
	}{
		{"organization", "Mikhail Yuyevich Gerber", ""},
		{"organization", "PUTIN, Vladimir Vladimirovich", ""},
		{"organization", "vladimir putin", ""},
		{"organization", "Vladimir V. Putin", ""},
		{"organization", "Владимир Путин", ""},
		{"organization", "Bank of Trade and Industry", "organization"},
		{"organization", "Red Hat, Inc.", "organization"},
		{"organization", "Sindre Sorhus", ""},
		{"organization", "AO Kaspersky Lab", "organization"},
		{"organization", "Kaspersky", ""},
		{"organization", "vladimir_putin", ""},
		{"organization", "Vladimir Pu\u200btin", ""},
		{"organization", "The Apache Software Foundation", "organization"},
		{"person", "Mikhail Gerber", "person"},
		{"", "Mikhail Gerber", ""},
	} {
		var got []string
		attribute.Party(sbom.Party{Role: "supplier", Kind: tt.kind, Name: tt.name}, func(s attribute.Signal) {
			if s.Type == attribute.ValueName && s.Value == tt.name {
				got = append(got, s.Kind)
			}
		})
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s %q: screened as %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
}

// TestComponentManyDuplicates: a component of more signals than a scan
// reads through for a duplicate deduplicates them the same, each kept
// once where it first came: 100 authors, each named twice, with the same
// address each time.
func TestComponentManyDuplicates(t *testing.T) {
	c := sbom.Component{Pointer: "/components/0"}
	for range 2 {
		for i := range 100 {
			c.Parties = append(c.Parties, sbom.Party{Role: sbom.RoleAuthor, Kind: sbom.KindPerson, Name: fmt.Sprintf("Author Number%d", i),
				Emails: []string{fmt.Sprintf("a%d@example.org", i)}, Pointer: fmt.Sprintf("/components/0/authors/%d", i)})
		}
	}
	got := attribute.Component(&c)
	once := sbom.Component{Pointer: c.Pointer, Parties: c.Parties[:100]}
	if diff := cmp.Diff(attribute.Component(&once), got); diff != "" {
		t.Errorf("Component of each author twice (-once +twice):\n%s", diff)
	}
	seen := map[attribute.Signal]bool{}
	for _, s := range got {
		if seen[s] {
			t.Fatalf("signal %+v twice", s)
		}
		seen[s] = true
	}
	if len(got) < 200 {
		t.Errorf("%d signals, want a name and an address of each of 100 authors", len(got))
	}
}
