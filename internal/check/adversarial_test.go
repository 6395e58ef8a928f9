package check_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/bangate/bangate/internal/check"
)

// adversarialSession is the one session the adversarial suite and the
// disguise fuzz target share: profile "all", so that every obligation of
// every ban list applies.
var adversarialSession = sync.OnceValue(func() func(testing.TB) *check.Session {
	var (
		s    *check.Session
		once sync.Once
	)
	return func(t testing.TB) *check.Session {
		t.Helper()
		once.Do(func() { s = session(t, testPlan(t, "all", "2026-12-03")) })
		if s == nil {
			t.Fatal("no session")
		}
		return s
	}
})

// TestAdversarialSuite runs every generated disguise of every banned
// vendor through the gate (issue 13): none may pass, none may be sent to
// review where the plain name is denied, and keys that differ only by
// case stop the check.
func TestAdversarialSuite(t *testing.T) {
	s := adversarialSession()(t)
	cases := disguiseCases()
	perFamily := map[string]int{}
	for _, c := range cases {
		perFamily[c.family]++
	}
	t.Logf("%d cases: %v", len(cases), perFamily)
	if len(cases) < 500 {
		t.Errorf("%d cases, want at least 500", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := oneChecker{s}.Check(context.Background(), check.Input{Path: c.path, Data: []byte(c.data)})
			if got.Outcome != c.want {
				t.Errorf("outcome %q, want %q (error %q)\ninput %s\n%s", got.Outcome, c.want, got.Error, printable(c.data),
					describe(append(append(got.Result.Violations, got.Result.Reviews...), got.Result.Warnings...)))
			}
		})
	}
}

// The examples of issue 13 items 1 to 5, as the issue writes them, each
// through the whole gate (the adversarial suite generates their families;
// the sections of item 4 and the identifiers of item 5 not repeated here
// are in TestEverySectionScreened and TestUnparseableIdentifiersScreened).
func TestIssue13Examples(t *testing.T) {
	supplier := func(ctype, name string) string {
		return string(cdx(`{"type":"` + ctype + `","name":"x","version":"1","supplier":{"name":` + jstr(name) + `}}`))
	}
	kaspersky := func(name string) gateCase {
		return gateCase{name: name, in: supplier("library", name), outcome: "fail", rule: "kaspersky-icts-2024"}
	}
	device := func(name string) gateCase {
		return gateCase{name: name, in: supplier("device", name), outcome: "fail", rule: "ndaa889-far-52-204-25"}
	}
	spdxDoc := `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d",` +
		`"documentNamespace":"https://example.com/d","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},` +
		`"packages":[{"SPDXID":"SPDXRef-p","name":"p","downloadLocation":"NOASSERTION","hasFiles":["SPDXRef-f"]}],` +
		`"files":[{"SPDXID":"SPDXRef-f","fileName":"./a.c"%s}]%s}`
	cases := []gateCase{
		// Item 1: the top-level procurement array.
		{name: "procurement array, duplicate name", path: "v.json", in: `[{"name":"Kaspersky Lab, Inc.","name":"Acme LLC"}]`, outcome: "error"},
		// Item 2.
		kaspersky("Ｋａｓｐｅｒｓｋｙ Lab"),
		kaspersky("𝐊𝐚𝐬𝐩𝐞𝐫𝐬𝐤𝐲 Lab"),
		kaspersky("Kas\u0440ersky Lab"), // Cyrillic р
		kaspersky("Kaspersk\u0443 Lab"), // Cyrillic у
	}
	for _, inv := range []string{"\u3164", "\u115f", "\u2800", "\u007f", "\u0085", "\u2028"} {
		cases = append(cases, kaspersky("Kasp"+inv+"ersky Lab"))
	}
	// Item 3.
	for _, n := range []string{"KasperskyLab", "Kasperskiy Lab", "Kasper-sky", "ООО Касперский"} {
		cases = append(cases, kaspersky(n))
	}
	for _, n := range []string{"HuaweiCloud", "Hua wei", "华为技术有限公司", "海康威视", "HikvisionDigital"} {
		cases = append(cases, device(n))
	}
	// Item 4: SPDX file contributors and snippets.
	cases = append(cases,
		gateCase{name: "SPDX file contributor", path: "t.spdx.json", in: fmt.Sprintf(spdxDoc, `,"fileContributors":["Kaspersky Lab"]`, ""),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		gateCase{name: "SPDX file contributor e-mail", path: "t.spdx.json", in: fmt.Sprintf(spdxDoc, `,"fileContributors":["Ivan <ivan@kaspersky.com>"]`, ""),
			outcome: "fail", rule: "kaspersky-icts-2024"},
		// A copyright holder alone is a weak signal: review, as anywhere.
		gateCase{name: "SPDX snippet copyright", path: "t.spdx.json", in: fmt.Sprintf(spdxDoc, "", `,"snippets":[{"SPDXID":"SPDXRef-s","name":"s",`+
			`"snippetFromFile":"SPDXRef-f","copyrightText":"Copyright 2018 AO Kaspersky Lab",`+
			`"ranges":[{"startPointer":{"offset":1,"reference":"SPDXRef-f"},"endPointer":{"offset":2,"reference":"SPDXRef-f"}}]}]`),
			outcome: "review", rule: "kaspersky-icts-2024"},
		// Item 5: a brand-bearing pypi name (Huawei software: review).
		gateCase{name: "pypi name bears the brand", in: string(cdx(`{"type":"library","name":"sdk","purl":"pkg:pypi/huaweicloudsdkcore@3.1"}`)),
			outcome: "review", rule: "ndaa889-far-52-204-25"},
	)
	// One session for every case (runGateCases starts one per case).
	c := checker(t, "federal-contractor", "2026-12-03")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path
			if path == "" {
				path = "t.cdx.json"
			}
			assertGate(t, c.Check(context.Background(), check.Input{Path: path, Data: []byte(tc.in)}), tc)
		})
	}
}
