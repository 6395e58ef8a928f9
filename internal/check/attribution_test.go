package check_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/policies"
)

// gateCase is one input run through the whole gate, with the outcome it
// must have and text one of its findings (or, for a pass, none) must hold.
type gateCase struct {
	name    string
	in      string // an SBOM or a procurement file
	path    string // the input's name ("t.cdx.json" when empty)
	profile string
	outcome string
	says    []string // each in some finding's message or match explanation
	rule    string   // a rule some finding must have, when set
}

func runGateCases(t *testing.T, tests []gateCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			profile := tc.profile
			if profile == "" {
				profile = "federal-contractor"
			}
			path := tc.path
			if path == "" {
				path = "t.cdx.json"
			}
			got := checker(t, profile, "2026-12-03").Check(context.Background(), check.Input{Path: path, Data: []byte(tc.in)})
			assertGate(t, got, tc)
		})
	}
}

func assertGate(t *testing.T, got decision.Input, tc gateCase) {
	t.Helper()
	findings := append(append(append([]decision.Violation(nil), got.Result.Violations...), got.Result.Reviews...), got.Result.Warnings...)
	if got.Outcome != tc.outcome {
		t.Fatalf("outcome %q, want %q (error %q)\n%s", got.Outcome, tc.outcome, got.Error, describe(findings))
	}
	if tc.rule != "" {
		found := false
		for _, v := range findings {
			found = found || v.Rule == tc.rule
		}
		if !found {
			t.Errorf("no finding of rule %s:\n%s", tc.rule, describe(findings))
		}
	}
	for _, want := range tc.says {
		found := false
		for _, v := range findings {
			explain, _ := v.Match["explain"].(string)
			found = found || strings.Contains(v.Message, want) || strings.Contains(explain, want)
		}
		if !found {
			t.Errorf("no finding says %q:\n%s", want, describe(findings))
		}
	}
}

func describe(vs []decision.Violation) string {
	var b strings.Builder
	for _, v := range vs {
		explain, _ := v.Match["explain"].(string)
		b.WriteString("  " + v.Rule + ": " + v.Message + " [" + explain + "]\n")
	}
	return b.String()
}

// spdx2 wraps SPDX 2.3 JSON packages in a document.
func spdx2(packages string) string {
	return `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d","documentNamespace":"https://example.com/d",` +
		`"creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},"packages":[` + packages + `]}`
}

// The examples of issue 12 behave as the issue says they should.
func TestIssue12Examples(t *testing.T) {
	runGateCases(t, []gateCase{
		// junit 4.12's POM names its Yahoo group: yahoo.com is a shared
		// mail and site provider, and twelve SDN entries give an address
		// there; none is this group.
		{name: "junit groups.yahoo.com", in: string(cdx(`{"type":"library","name":"junit","version":"4.12","group":"junit",
			"purl":"pkg:maven/junit/junit@4.12","externalReferences":[{"type":"mailing-list","url":"http://groups.yahoo.com/group/junit"},
			{"type":"website","url":"http://junit.org"}]}`)), outcome: "pass"},
		// Maintainers on gmail.com: 36 SDN entries list a gmail address;
		// only the exact address matches.
		{name: "gmail maintainers", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"authors":[{"name":"Jane Maintainer","email":"jane.maintainer@gmail.com"},{"name":"Bob","email":"bob@googlemail.com"}]}`)), outcome: "pass"},
		{name: "an exact listed gmail address", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"authors":[{"name":"M. R.","email":"AliMohsin228@gmail.com"}]}`)), profile: "us-person", outcome: "fail",
			rule: "ofac-sdn-blocked", says: []string{"exact address", "Gmail"}},
		// urllib3's author: no patronymic, and his own address is not the
		// listed person's.
		{name: "Andrey Petrov", path: "t.spdx.json", in: spdx2(`{"SPDXID":"SPDXRef-urllib3","name":"urllib3","versionInfo":"1.26.5",
			"downloadLocation":"NOASSERTION","originator":"Person: Andrey Petrov (andrey.petrov@shazow.net)",
			"supplier":"Person: Andrey Petrov (andrey.petrov@shazow.net)"}`), profile: "us-person", outcome: "pass"},
		{name: "Sergey Rubanov", in: string(cdx(`{"type":"library","name":"redis-commander","version":"0.8",
			"author":"Sergey Rubanov <chi187@gmail.com>","supplier":{"name":"Sergey Rubanov","contact":[{"email":"chi187@gmail.com"}]}}`)),
			profile: "us-person", outcome: "pass"},
		// One word standing for a listed name never denies. "PROMETHEUS
		// LTD" is only a weak alias (an a.k.a. in the remarks), and the
		// best match, "PROMETHEUS ENERGY", lacks a word: nothing to review.
		{name: "supplier prometheus", in: string(cdx(`{"type":"library","name":"prometheus","version":"2","supplier":{"name":"prometheus"}}`)),
			profile: "us-person", outcome: "pass"},
		{name: "supplier rs", in: string(cdx(`{"type":"library","name":"rand","version":"0.8","supplier":{"name":"rs"}}`)),
			profile: "us-person", outcome: "pass"},
		// The npm author form: the vendor's e-mail domain is a signal of
		// its own, the name is not taken whole.
		{name: "npm author form, own domain", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"Security Components Team <oss-components@kaspersky.com>"}`)), outcome: "fail",
			rule: "kaspersky-icts-2024", says: []string{"own domain", "kaspersky.com"}},
		{name: "npm author form, any vendor", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"Security Components Team <oss-components@vendor.com>"}`)), outcome: "pass"},
		// Section 889 covers equipment and services, not a software library.
		{name: "Huawei Cloud OBS SDK", in: string(cdx(`{"type":"library","name":"esdk-obs-java","version":"3.21",
			"purl":"pkg:maven/com.huaweicloud/esdk-obs-java@3.21.8"}`)), outcome: "review",
			rule: "ndaa889-far-52-204-25", says: []string{"not denied as software", "equipment and services"}},
		// A CycloneDX supplier is an organisational entity by the schema,
		// but a person's name written there is screened against the
		// lists' individuals too: a name alone, so a review. It found
		// nothing when the field's type decided.
		{name: "a listed individual as supplier", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"Mikhail Yuyevich Gerber"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"GERBER, Mikhail Yuyevich", "name only"}},
		// So is the list's own spelling, any letter case and separators,
		// a name run together, a name stored reversed inside a
		// right-to-left override (it shows as the name), and a person
		// among other parties in one field. Each passed.
		{name: "a listed individual as supplier, as listed", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"GERBER, Mikhail Yuyevich"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"GERBER, Mikhail Yuyevich", "name only"}},
		{name: "a listed individual as supplier, as a user name", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"mikhail_yuyevich_gerber"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"GERBER, Mikhail Yuyevich", "name only"}},
		{name: "a listed individual as supplier, run together", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"MikhailYuyevichGerber"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"GERBER, Mikhail Yuyevich", "name only"}},
		{name: "a listed individual as supplier, shown by an override", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"\u202erebreG hciveyuY liahkiM"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"GERBER, Mikhail Yuyevich", "as it shows"}},
		{name: "a listed individual among the supplier's parties", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"Northwind Global Trading Holdings Corp, Mikhail Yuyevich Gerber"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"GERBER, Mikhail Yuyevich", "name only"}},
		// A listed individual named as people write the name, without
		// the patronymic the list gives: a given name and a family name
		// are more than "just one of two or more names" (OFAC FAQ 5), so a
		// review naming what the party's name lacks. Each passed. The
		// family name alone is one name of several: nothing.
		{name: "a listed individual as supplier, without the patronymic", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"Oleg Deripaska"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"DERIPASKA, Oleg Vladimirovich", "lacks the listed vladimirovich"}},
		{name: "a listed individual as author, without the patronymic", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"Ramzan Kadyrov"}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"KADYROV, Ramzan Akhmatovich", "name only"}},
		{name: "urllib3's author without his address", path: "t.spdx.json", in: spdx2(`{"SPDXID":"SPDXRef-urllib3","name":"urllib3",
			"versionInfo":"1.26.5","downloadLocation":"NOASSERTION","supplier":"Person: Andrey Petrov"}`), profile: "us-person",
			outcome: "review", rule: "ofac-sdn-possible", says: []string{"lacks the listed", "compare date of birth"}},
		// A webmail address is not the party's own: anybody may hold one,
		// so it does not argue against the entry as urllib3's author's
		// own domain does. It dropped the match.
		{name: "a listed individual as author, with a webmail address", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"Oleg Deripaska <oleg.deripaska@gmail.com>"}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"DERIPASKA, Oleg Vladimirovich", "name only"}},
		{name: "a listed individual as supplier, with an address of its own", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"Oleg Deripaska","contact":[{"email":"od@deripaska-consulting.example"}]}}`)), outcome: "pass"},
		// A word more than the listed name, which caps the score below
		// name_only.review, while the words that pair are spelt as
		// listed. Each passed.
		{name: "a listed individual with a degree after the name", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"Oleg Deripaska, PhD"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"DERIPASKA, Oleg Vladimirovich", "name only"}},
		{name: "a listed individual with a word added", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"Oleg Deripaska III"}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"DERIPASKA, Oleg Vladimirovich", "name only"}},
		{name: "a listed individual with the patronymic's initial", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"Ramzan A. Kadyrov"}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"KADYROV, Ramzan Akhmatovich", "name only"}},
		{name: "a listed individual's initial and family name", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"author":"O. Deripaska"}`)), outcome: "pass"},
		{name: "a listed individual's family name alone", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"Deripaska"}}`)), outcome: "pass"},
		// A listed company with a word of its legal form left out
		// ("Joint Company" for JOINT STOCK COMPANY): the form's words
		// counted as name words the listed name lacks, and it passed.
		{name: "a listed company with a word of its legal form left out", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"supplier":{"name":"ATOMSPETSPROJECT JOINT COMPANY"}}`)), outcome: "review",
			rule: "ofac-sdn-possible", says: []string{"ATOMSPETSPROJECT JOINT STOCK COMPANY"}},
		// A person named like a vendor is a person, not the vendor.
		{name: "Dahua Lin among Julia's copyright holders", in: string(cdx(`{"type":"library","name":"julia","version":"1.8",
			"copyright":"Copyright (c) 2009-2022: Jeff Bezanson, Stefan Karpinski, Viral B. Shah, Dahua Lin, Simon Byrne, and other contributors"}`)),
			outcome: "pass"},
	})
}

// Shared domains through the whole gate: SDN remarks, ban lists and
// procurement contacts alike (SDN 23204, PORTICELLO RESTAURANT, lists
// "Website www.facebook.com/porticellomalta; Email Address
// porticellomalta@gmail.com").
func TestSharedDomainsInTheGate(t *testing.T) {
	runGateCases(t, []gateCase{
		{name: "same host and path prefix", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"externalReferences":[{"type":"website","url":"https://www.facebook.com/porticellomalta/about"}]}`)),
			profile: "us-person", outcome: "fail", says: []string{"host and path", "Social networks"}},
		{name: "another page on the same host", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"externalReferences":[{"type":"website","url":"https://www.facebook.com/someoneelse"}]}`)),
			profile: "us-person", outcome: "pass"},
		{name: "an own domain matches as a domain", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"externalReferences":[{"type":"website","url":"https://update.ptsecurity.com/ww-en/"}]}`)),
			profile: "us-person", outcome: "fail", says: []string{"own domain"}},
		{name: "a code host account of a banned vendor", in: string(cdx(`{"type":"library","name":"x","version":"1",
			"externalReferences":[{"type":"vcs","url":"https://github.com/KasperskyLab/klogga"}]}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		// The same account as git and a reader read other ways of writing
		// the address: git's scp-like form without a user, a slash
		// repeated, a colon after the host that is no port, the account
		// percent-escaped.
		vcsCase("git's scp-like address without a user", "github.com:KasperskyLab/klogga"),
		vcsCase("a slash repeated before the account", "https://github.com//KasperskyLab/klogga"),
		vcsCase("a colon after the host that is no port", "https://github.com:KasperskyLab/klogga"),
		vcsCase("the account percent-escaped", "https://github.com/%4Basperskylab/klogga"),
		// Huawei Cloud's open-source mirrors serve every project's
		// packages: a download from them is not Huawei's package, while
		// another host of huaweicloud.com stays Huawei's.
		{name: "a package fetched from a vendor's public mirror", in: string(cdx(`{"type":"library","name":"left-pad","version":"1.3.0",
			"purl":"pkg:npm/left-pad@1.3.0?download_url=https://mirrors.huaweicloud.com/repository/npm/left-pad/-/left-pad-1.3.0.tgz"}`)),
			profile: "all", outcome: "pass"},
		{name: "the vendor's own host beside its mirror", in: string(cdx(`{"type":"library","name":"obs","version":"1",
			"purl":"pkg:npm/obs@1?download_url=https://obs.huaweicloud.com/sdk/obs.tgz"}`)),
			profile: "all", outcome: "review", rule: "ndaa889-far-52-204-25"},
		{name: "procurement contact on a shared provider, another address", path: "v.csv",
			in: "vendor_name,contact_email,product\nAcme LLC,someone@gmail.com,Office chairs\n", profile: "us-person", outcome: "pass"},
		{name: "procurement contact, the listed address", path: "v.csv",
			in: "vendor_name,contact_email,product\nAcme LLC,porticellomalta@gmail.com,Office chairs\n", profile: "us-person", outcome: "fail",
			says: []string{"exact address"}},
	})
}

// vcsCase is a component whose VCS address is url, on the code host
// account of a banned vendor: the gate fails it.
func vcsCase(name, url string) gateCase {
	return gateCase{name: name, in: string(cdx(`{"type":"library","name":"x","version":"1",
			"externalReferences":[{"type":"vcs","url":` + jstr(url) + `}]}`)),
		outcome: "fail", rule: "kaspersky-icts-2024"}
}

// A user's policy directory extends or narrows the shared domains; a
// broken shared-domain file stops the check.
func TestSharedDomainsOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "bangate", "domains"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(text string) {
		if err := os.WriteFile(filepath.Join(dir, "bangate", "domains", "local.yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ls, err := builtinLists()
	if err != nil {
		t.Fatal(err)
	}
	plan := testPlan(t, "us-person", "2026-12-03")
	plan.Policies.Dirs = []string{dir}
	start := func() (*check.Session, error) {
		return check.NewSession(context.Background(), plan, check.Sources{Builtin: policies.FS, Lists: ls, Cache: check.NewCache()})
	}
	// facebook.com declared own: any facebook.com address is the listed
	// restaurant's.
	write("local:\n  title: ours\n  own: [facebook.com]\n")
	s, err := start()
	if err != nil {
		t.Fatal(err)
	}
	got := oneChecker{s}.Check(context.Background(), check.Input{Path: "t.cdx.json", Data: cdx(`{"type":"library","name":"x","version":"1",
		"externalReferences":[{"type":"website","url":"https://www.facebook.com/someoneelse"}]}`)})
	assertGate(t, got, gateCase{outcome: "fail", says: []string{"own domain"}})
	if files := s.SharedDomains().Files(); len(files) != 2 {
		t.Errorf("shared-domain files %v", files)
	}
	write("local:\n  providers:\n    - {name: X, category: mail, source: \"https://x\", domains: [x.example]}\n")
	if _, err := start(); err == nil || !strings.Contains(err.Error(), "bangate/domains/local.yaml") {
		t.Errorf("a broken shared-domain file: %v", err)
	}
}

// Every field that can name a party reaches the policies (issue 13), and a
// document that names nothing cannot pass.
func TestEverySectionScreened(t *testing.T) {
	doc := func(members string) string {
		return `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,` + members + `}`
	}
	runGateCases(t, []gateCase{
		{name: "service endpoint on KSN", in: doc(`"services":[{"name":"reputation","endpoints":["https://ksn.kaspersky.com/api"]}]`),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "service provider", in: doc(`"services":[{"name":"av","provider":{"name":"AO Kaspersky Lab"}}]`),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "pedigree ancestor", in: doc(`"components":[{"type":"library","name":"fork","pedigree":{"ancestors":[{"type":"library","name":"kav","purl":"pkg:maven/com.kaspersky/kav@1"}]}}]`),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "pedigree commit author", in: doc(`"components":[{"type":"library","name":"x","pedigree":{"commits":[{"uid":"1","author":{"name":"Ivan","email":"ivan@kaspersky.com"}}]}}]`),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "formulation component", in: doc(`"formulation":[{"components":[{"type":"application","name":"builder","supplier":{"name":"Kaspersky Lab"}}]}]`),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "legacy tool vendor", in: strings.Replace(doc(`"metadata":{"tools":[{"vendor":"AO Kaspersky Lab","name":"kscan"}]}`), "1.6", "1.4", 1),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "evidence identity", in: doc(`"components":[{"type":"library","name":"x","evidence":{"identity":[{"field":"purl","concludedValue":"pkg:npm/%40kaspersky/hexa-ui@6"}]}}]`),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "hardware CPE on a library", in: doc(`"components":[{"type":"library","name":"cam","cpe":"cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*"}]`),
			outcome: "fail", rule: "ndaa889-far-52-204-25"},
		{name: "SPDX file copyright", path: "t.spdx.json", in: `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d",` +
			`"documentNamespace":"https://example.com/d","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},` +
			`"packages":[{"SPDXID":"SPDXRef-p","name":"vfc","downloadLocation":"NOASSERTION","hasFiles":["SPDXRef-f"]}],` +
			`"files":[{"SPDXID":"SPDXRef-f","fileName":"./driver.py","copyrightText":"Copyright (c) 2016, Huawei Technologies Co., Ltd."}]}`,
			outcome: "review", rule: "ndaa889-far-52-204-25", says: []string{"equipment and services"}},
		{name: "nothing to screen", in: doc(`"components":[]`), outcome: "review", rule: "coverage-nothing-checked"},
	})
}

// An identifier that does not parse is screened as a raw string, and the
// warning stays (issue 13).
func TestUnparseableIdentifiersScreened(t *testing.T) {
	runGateCases(t, []gateCase{
		{name: "purl scheme in capitals", in: string(cdx(`{"type":"library","name":"kav","purl":"Pkg:maven/com.kaspersky/kav@1.0"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "whole purl in capitals", in: string(cdx(`{"type":"library","name":"push","purl":"PKG:MAVEN/COM.HUAWEI.HMS/push@6.1"}`)),
			outcome: "review", rule: "ndaa889-far-52-204-25"},
		{name: "leading space", in: string(cdx(`{"type":"library","name":"kav","purl":" pkg:maven/com.kaspersky/kav@1.0"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "repeated qualifier", in: string(cdx(`{"type":"library","name":"kav","purl":"pkg:maven/com.kaspersky/kav@1.0?type=jar&type=pom"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "bad percent escape", in: string(cdx(`{"type":"library","name":"hexa","purl":"pkg:npm/%40kaspersky/hexa%ZZui@6"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "escaped CPE vendor", in: string(cdx(`{"type":"application","name":"kav","cpe":"cpe:2.3:a:kaspersky\\_lab:anti-virus:8:*:*:*:*:*:*:*"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "github purl", in: string(cdx(`{"type":"library","name":"uif","purl":"pkg:github/KasperskyLab/uif@1.0"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "oci purl on ghcr.io", in: string(cdx(`{"type":"container","name":"klogga","purl":"pkg:oci/klogga@sha256%3Aabc?repository_url=ghcr.io/kasperskylab/klogga"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "golang purl", in: string(cdx(`{"type":"library","name":"klogga","purl":"pkg:golang/github.com/KasperskyLab/klogga@v1.0.0"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "docker purl owner bears the brand", in: string(cdx(`{"type":"container","name":"kes","purl":"pkg:docker/kaspersky/kes@11"}`)),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "nuget name bears the brand", in: string(cdx(`{"type":"library","name":"sdk","purl":"pkg:nuget/Huawei.Cloud.SDK.Core@3.1"}`)),
			outcome: "review", rule: "ndaa889-far-52-204-25"},
	})
}

// Every party column of a procurement record is screened, and product
// text is matched against the ban lists' names and brands (issue 13).
func TestProcurementPartiesAndProducts(t *testing.T) {
	runGateCases(t, []gateCase{
		{name: "supplier beside a vendor name", path: "v.csv",
			in: "vendor_name,supplier,product,date\nAcme Resale LLC,Kaspersky Lab,Antivirus licences,2024-10-15\n", outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "reseller and OEM", path: "v.csv",
			in: "vendor_name,reseller,oem,product\nAcme LLC,Baltic Resale OOO,Hikvision,IP camera\n", outcome: "fail", rule: "ndaa889-far-52-204-25"},
		{name: "product description", path: "v.csv",
			in: "vendor_name,product,date\nAcme Resale LLC,Kaspersky Endpoint Security licence renewal,2024-10-15\n", outcome: "fail", rule: "kaspersky-icts-2024"},
		{name: "a clean record", path: "v.csv",
			in: "vendor_name,supplier,product\nAcme LLC,Contoso Ltd,Office chairs\n", outcome: "pass"},
	})
}

// TestSPDX3UnresolvedAgent: an SPDX 3 field that names its supplier by an
// IRI the document does not define shows a reader that IRI alone. Its host
// may be the party's or only the writer's: a listed host is a possible
// match (review, never deny), and the component still counts as
// unattributed.
func TestSPDX3UnresolvedAgent(t *testing.T) {
	t.Parallel()
	doc := func(supplier string) []byte {
		return []byte(`{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
 {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2026-11-01T10:00:00Z", "createdBy": ["https://example.com/d/o"]},
 {"type": "Organization", "spdxId": "https://example.com/d/o", "creationInfo": "_:ci", "name": "Example Corp"},
 {"type": "software_Package", "spdxId": "https://example.com/d/p", "creationInfo": "_:ci", "name": "filter", "software_packageVersion": "2.1",
  "suppliedBy": "` + supplier + `"}]}`)
	}
	for _, tc := range []struct {
		supplier, outcome string
	}{
		{"https://www.kaspersky.com/spdx/Organization/KasperskyLab", "review"},
		{`https:\\\\KASPERSKY.com\\spdx\\agent`, "review"}, // JSON escapes; as a browser reads it
		{"https://example.com/d/gone", "pass"},
		{"urn:uuid:3c6e0b8a-9c0a-4b7e-8f3a-1d2e3f4a5b6c", "pass"},
	} {
		got := checker(t, "federal-contractor", "2026-12-03").Check(context.Background(), check.Input{Path: "t.spdx3.json", Data: doc(tc.supplier)})
		if got.Outcome != tc.outcome {
			t.Errorf("%s: outcome %q, want %q (error %q)\n%s", tc.supplier, got.Outcome, tc.outcome, got.Error, describe(got.Result.Reviews))
			continue
		}
		for _, v := range got.Result.Reviews {
			if v.Pointer != "/@graph/2/suppliedBy" {
				t.Errorf("%s: review at %q, want /@graph/2/suppliedBy", tc.supplier, v.Pointer)
			}
		}
		if got.Coverage.Unattributed != 1 {
			t.Errorf("%s: coverage %+v, want the component unattributed", tc.supplier, got.Coverage)
		}
	}
}

// TestNativeVendorNames: a banned vendor named as its own Chinese or
// Japanese sites name it, or as the Korean, Russian, Japanese, Arabic or
// Hebrew press does, with or without a legal form of those languages,
// is screened as it is in Latin letters (the outcome then depends on the
// obligation: section 889 reviews software); a common word that is only
// part of such a name is not.
func TestNativeVendorNames(t *testing.T) {
	t.Parallel()
	c := checker(t, "all", "2026-12-03")
	for _, tc := range []struct {
		vendor, entry string // entry "": no finding
	}{
		{"卡巴斯基", "kaspersky-lab"},
		{"卡巴斯基实验室", "kaspersky-lab"},
		{"カスペルスキー", "kaspersky-lab"},
		{"株式会社カスペルスキー", "kaspersky-lab"},
		{"카스퍼스키", "kaspersky-lab"},
		{"카스퍼스키 랩", "kaspersky-lab"},
		{"카스퍼스키 인터넷 시큐리티", "kaspersky-lab"},
		{"화웨이", "huawei"},
		{"한국 화웨이", "huawei"},
		{"하이크비전 코리아", "hikvision"},
		{"Хиквижн", "hikvision"},
		{"ハイクビジョン・ジャパン", "hikvision"},
		{"ダーファ", "dahua"},
		{"하이테라", "hytera"},
		{"Хайтера", "hytera"},
		{"ハイテラ", "hytera"},
		{"海康威视有限公司", "hikvision"},
		{"海思半导体有限公司", "huawei"},
		{"萤石网络", "hikvision"},
		{"ファーウェイ", "huawei"},
		{"大疆", "sz-dji"},
		{"深圳市大疆创新科技有限公司", "sz-dji"},
		{"هواوي", "huawei"},
		{"هواوي تكنولوجيز", "huawei"},
		{"וואווי", "huawei"},
		{"كاسبرسكي", "kaspersky-lab"},
		{"קספרסקי", "kaspersky-lab"},
		{"萤石", ""}, // fluorite: EZVIZ only as 萤石网络
	} {
		data := "vendor,product,amount\n" + tc.vendor + ",drone camera,100\n"
		got := c.Check(context.Background(), check.Input{Path: "v.csv", Data: []byte(data)})
		findings := append(got.Result.Violations, got.Result.Reviews...)
		if tc.entry == "" {
			if got.Outcome != "pass" {
				t.Errorf("%s: outcome %q, want pass: %s", tc.vendor, got.Outcome, describe(findings))
			}
			continue
		}
		found := false
		for _, v := range findings {
			id, _ := v.Match["entry_id"].(string)
			found = found || id == tc.entry
		}
		if got.Outcome == "pass" || !found {
			t.Errorf("%s: outcome %q, want a finding of %s (error %q): %s", tc.vendor, got.Outcome, tc.entry, got.Error, describe(findings))
		}
	}
}

// TestVendorTableWithoutNameColumn: a table whose vendor column bangate
// does not know is refused with the columns it looked for and the setting
// that names the column, not in other words.
func TestVendorTableWithoutNameColumn(t *testing.T) {
	t.Parallel()
	got := checker(t, "all", "2026-12-03").Check(context.Background(), check.Input{Path: "v.csv", Data: []byte("Widget,amount\nAO Kaspersky Lab,100\n")})
	if got.Outcome != "error" || !strings.Contains(got.Error, "v.csv") || !strings.Contains(got.Error, "procurement.columns.name") {
		t.Errorf("outcome %q, error %q", got.Outcome, got.Error)
	}
}

// TestCycloneDXUnreadMembers: a member no CycloneDX reader reads (a name
// with a space or a lookalike letter, a member of another object, a name
// of the writer's own) drops its value for every reader, but a person
// reading the file sees it: a banned vendor or a sanctioned party's full
// name there is a possible match (review, never deny), one word of it is
// not, and the member keeps the component unattributed.
func TestCycloneDXUnreadMembers(t *testing.T) {
	t.Parallel()
	c := checker(t, "all", "2026-12-03")
	for _, tc := range []struct {
		member, pointer, outcome string
	}{
		{`"supplier ":{"name":"AO Kaspersky Lab"}`, "/components/0/supplier /name", "review"},
		{`"supplier":{"n\u0430me":"AO Kaspersky Lab"}`, "/components/0/supplier/n\u0430me", "review"},
		{`"vendor":"AO Kaspersky Lab"`, "/components/0/vendor", "review"},
		{`"manufacture":{"name":"AO Kaspersky Lab"}`, "/components/0/manufacture/name", "review"},
		{`"x-maintainer":"Andrey Tikhonov"`, "/components/0/x-maintainer", "review"},
		{`"x-training":"sft"`, "", "pass"}, // one word: no lead to an SDN entity "SFT"
		{`"x-note":"built by the Apache Software Foundation"`, "", "pass"},
		{`"Supplier":{"name":"AO Kaspersky Lab"}`, "", "fail"}, // read, as encoding/json does
	} {
		got := c.Check(context.Background(), check.Input{Path: "t.cdx.json", Data: cdx(`{"type":"library","bom-ref":"c1","name":"x","version":"1",` + tc.member + `}`)})
		if got.Outcome != tc.outcome {
			t.Errorf("%s: outcome %q, want %q (error %q)\n%s%s", tc.member, got.Outcome, tc.outcome, got.Error,
				describe(got.Result.Violations), describe(got.Result.Reviews))
			continue
		}
		for _, v := range append(got.Result.Violations, got.Result.Reviews...) {
			if tc.pointer != "" && v.Pointer != tc.pointer {
				t.Errorf("%s: finding at %q, want %q", tc.member, v.Pointer, tc.pointer)
			}
		}
		if tc.outcome != "fail" && got.Coverage.Unattributed != 1 {
			t.Errorf("%s: coverage %+v, want the component unattributed", tc.member, got.Coverage)
		}
	}
}
