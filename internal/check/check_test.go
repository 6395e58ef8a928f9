package check_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/policies"
)

// cache is shared by every test of the package, as a server shares one
// between its sessions: the bundle is compiled and the lists indexed once.
var cache = check.NewCache()

// builtinLists are the built-in ban lists and the embedded snapshot,
// loaded once.
var builtinLists = sync.OnceValues(func() ([]*lists.List, error) { return check.LoadLists(policies.FS, nil, nil) })

// testPlan is the plan of a check under profile as of a date.
func testPlan(t testing.TB, profile, asOf string) check.Plan {
	t.Helper()
	at, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return planAt(profile, at)
}

// planAt is the plan of a check under profile as of at.
func planAt(profile string, at time.Time) check.Plan {
	d := screen.DefaultOptions()
	return check.Plan{Profile: profile, AsOf: at, FailOn: "low", Screening: check.Thresholds{Match: d.Match, Review: d.Review},
		PolicyInput: check.PolicyInputDiet, MaxListed: 10, Input: check.InputPlan{Kind: check.KindAuto, MaxSize: 1 << 30},
		Lists: check.ListPlan{Stale: check.StaleError}}
}

// session starts a session of plan on the built-in bundle and lists.
func session(t testing.TB, plan check.Plan) *check.Session {
	t.Helper()
	ls, err := builtinLists()
	if err != nil {
		t.Fatal(err)
	}
	s, err := check.NewSession(context.Background(), plan, check.Sources{Builtin: policies.FS, Lists: ls, Cache: cache,
		Now: func() time.Time { return plan.AsOf }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// oneChecker checks one input at a time in a session.
type oneChecker struct{ s *check.Session }

// Check decides one input.
func (c oneChecker) Check(ctx context.Context, in check.Input) decision.Input {
	return c.s.Run(ctx, []check.Input{in}).Decision.Inputs[0]
}

func checker(t testing.TB, profile, asOf string) oneChecker {
	return oneChecker{session(t, testPlan(t, profile, asOf))}
}

// cdx wraps one component's JSON in a CycloneDX 1.6 document.
func cdx(component string) []byte {
	return []byte(fmt.Sprintf(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}},
"components":[%s]}`, component))
}

func TestAttributionPaths(t *testing.T) {
	const (
		icts  = "89 FR 52434"
		far23 = "52.204-23"
		far25 = "52.204-25"
	)
	tests := []struct {
		name      string
		component string
		profile   string
		asOf      string
		outcome   string
		citations []string // each must appear in some violation's citation
	}{
		{"purl namespace only", `{"type":"library","bom-ref":"c1","name":"kaspresso","version":"1.6.0","purl":"pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"}`,
			"federal-contractor", "2026-11-27", "fail", []string{icts, far23}},
		{"CPE only", `{"type":"application","bom-ref":"c1","name":"x","version":"1","cpe":"cpe:2.3:a:kaspersky:total_security:21.3:*:*:*:*:*:*:*"}`,
			"us-person", "2026-11-27", "fail", []string{icts}},
		{"legacy CPE vendor only", `{"type":"application","bom-ref":"c1","name":"x","version":"1","cpe":"cpe:/a:kaspersky_lab:kaspersky_anti-virus:6.0"}`,
			"federal-contractor", "2026-11-27", "fail", []string{icts, far23}},
		{"author e-mail domain only", `{"type":"library","bom-ref":"c1","name":"x","version":"1","authors":[{"name":"Build Team","email":"build@kaspersky.com"}]}`,
			"federal-contractor", "2026-11-27", "fail", []string{icts, far23}},
		{"supplier alias AO Kaspersky Lab", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"AO Kaspersky Lab"}}`,
			"federal-contractor", "2026-11-27", "fail", []string{icts, far23}},
		{"supplier alias Kaspersky Labs Limited", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Kaspersky Labs Limited"}}`,
			"us-person", "2026-11-27", "fail", []string{icts}},
		{"before the ICTS dates", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"AO Kaspersky Lab"}}`,
			"us-person", "2024-07-01", "pass", nil},
		{"after the ICTS dates", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"AO Kaspersky Lab"}}`,
			"us-person", "2024-10-01", "fail", []string{icts}},
		// Section 889 covers equipment and services: a library is reviewed
		// with the scope explained, a device or a hardware CPE denied.
		{"section 889 subsidiary", `{"type":"library","bom-ref":"c1","name":"hms-push","version":"6","supplier":{"name":"Huawei Device Co., Ltd."}}`,
			"federal-contractor", "2026-11-27", "review", []string{far25, "not denied as software"}},
		{"section 889 device", `{"type":"device","bom-ref":"c1","name":"router","version":"6","supplier":{"name":"Huawei Device Co., Ltd."}}`,
			"federal-contractor", "2026-11-27", "fail", []string{far25}},
		{"section 889 hardware CPE on a library", `{"type":"library","bom-ref":"c1","name":"cam","version":"5","cpe":"cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*"}`,
			"federal-contractor", "2026-11-27", "fail", []string{far25}},
		{"person named like a vendor", `{"type":"library","bom-ref":"c1","name":"x","version":"1","author":"Eugene Kaspersky"}`,
			"federal-contractor", "2026-11-27", "pass", nil},
		{"vendor only in copyright", `{"type":"library","bom-ref":"c1","name":"x","version":"1","copyright":"Copyright (c) 2011 Kaspersky Lab ZAO"}`,
			"federal-contractor", "2026-11-27", "review", nil},
		{"SDN entity by name", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Positive Technologies"}}`,
			"us-person", "2026-11-27", "fail", []string{"31 CFR"}},
		{"SDN entity by website domain", `{"type":"library","bom-ref":"c1","name":"x","version":"1","externalReferences":[{"type":"website","url":"https://www.ptsecurity.com/ww-en/"}]}`,
			"us-person", "2026-11-27", "fail", []string{"31 CFR"}},
		// A person's name alone is a possible match at most (OFAC FAQ 5).
		{"SDN person by transliterated name", `{"type":"library","bom-ref":"c1","name":"x","version":"1","author":"Андрей Тихонов"}`,
			"us-person", "2026-11-27", "review", []string{"14024", "name only", "DOB 09 Nov 1966"}},
		{"Watchman false positive is no match", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Belletech Corp"}}`,
			"us-person", "2026-11-27", "pass", nil},
		{"parent of an FCC-covered provider, FCC obligations apply", `{"type":"library","bom-ref":"c1","name":"x","version":"1","publisher":"China Mobile International Ltd."}`,
			"telecom-carrier", "2026-11-27", "review", nil},
		{"parent of an FCC-covered provider, no FCC obligation", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"China Telecom Corporation Limited"}}`,
			"federal-contractor", "2026-11-27", "pass", nil},
		// A brand inside a word, after other letters, is a possible match:
		// review, not deny; written as words, it is the brand.
		{"brand inside a word", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"mykaspersky"}}`,
			"federal-contractor", "2026-11-27", "review", []string{far23}},
		{"brand repeated, glued", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"kasperskylabkasperskylab"}}`,
			"federal-contractor", "2026-11-27", "review", []string{far23}},
		{"brand in camel case", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"MyKaspersky"}}`,
			"federal-contractor", "2026-11-27", "fail", []string{far23}},
		{"near-miss supplier", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Kasper Data Systems GmbH"},"publisher":"Huaweiss Trading BV"}`,
			"federal-contractor", "2026-11-27", "pass", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := checker(t, tc.profile, tc.asOf)
			got := c.Check(context.Background(), check.Input{Path: "t.cdx.json", Data: cdx(tc.component)})
			if got.Outcome != tc.outcome {
				t.Fatalf("outcome %q, want %q (error %q)\nviolations %+v\nreviews %+v", got.Outcome, tc.outcome, got.Error, got.Result.Violations, got.Result.Reviews)
			}
			for _, want := range tc.citations {
				found := false
				for _, v := range append(got.Result.Violations, got.Result.Reviews...) {
					if v.Authority != nil && (strings.Contains(v.Authority.Citation, want) || strings.Contains(v.Message, want)) {
						found = true
					}
				}
				if !found {
					t.Errorf("no finding cites or says %q: %+v %+v", want, got.Result.Violations, got.Result.Reviews)
				}
			}
		})
	}
}

// A Session is used concurrently by a server.
func TestCheckConcurrent(t *testing.T) {
	c := checker(t, "federal-contractor", "2026-11-27")
	data := cdx(`{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"AO Kaspersky Lab"}}`)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := c.Check(context.Background(), check.Input{Path: "x", Data: data}); got.Outcome != decision.OutcomeFail {
				errs <- got.Outcome + " " + got.Error
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func screenOpts() screen.Options { return screen.DefaultOptions() }
