package report_test

import (
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// Hand-made runs shaped like what the pipeline produces. The legal
// citations and list sources are the real ones for these obligations; the
// SBOM components are invented.

var asOf = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func tool() decision.Tool {
	return decision.Tool{
		Name:          "bangate",
		Version:       "0.1.0",
		Commit:        "3f2a9c1",
		OPAVersion:    "1.22.3",
		BundleVersion: "2026.11.27",
	}
}

func listProvenance() []provenance.List {
	return []provenance.List{
		{
			ID:        "kaspersky",
			Kind:      provenance.KindBan,
			Title:     "Kaspersky Lab covered entities",
			SourceURL: "https://www.federalregister.gov/d/2024-13532",
			Published: time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC),
			Retrieved: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
			SHA256:    "5d1f0c3b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060f5e",
			Entries:   4,
		},
		{
			ID:        "ofac-sdn",
			Kind:      provenance.KindSanctions,
			Title:     "OFAC Specially Designated Nationals",
			SourceURL: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
			Published: time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC),
			Retrieved: time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC),
			SHA256:    "947009274b16386cddc85c1698ae707977a81a8b97c4bfd3dd0270a361bc026f",
			Entries:   19249,
			Derived:   true,
			Note:      "SDN.CSV joined with ALT.CSV by a third party",
		},
		{
			ID:        "section-889",
			Kind:      provenance.KindBan,
			Title:     "NDAA FY2019 section 889 covered telecommunications",
			SourceURL: "https://www.acquisition.gov/far/52.204-25",
			Published: time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC),
			Retrieved: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
			SHA256:    "0be1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff",
			Entries:   5,
		},
	}
}

func kasperskyViolation() decision.Violation {
	return decision.Violation{
		Rule:     "kaspersky-icts-2024",
		Severity: "critical",
		Title:    "Kaspersky software (ICTS Final Determination)",
		Message:  "kav-sdk is supplied by AO Kaspersky Lab, a Kaspersky covered entity; updates, resale, integration and licensing are prohibited from 2024-09-29.",
		Subject:  decision.Subject{Kind: "component", Ref: "pkg:maven/com.kaspersky/kav-sdk@21.3.10", Name: "kav-sdk", Version: "21.3.10"},
		Pointer:  "/components/3/supplier/name",
		Match: map[string]any{
			"list": "kaspersky", "entry_id": "kaspersky-lab", "entry_name": "Kaspersky Lab, Inc.",
			"matched_name": "AO Kaspersky Lab", "matched_on": "alias", "score": 1.0, "method": "normalized",
			"programs": []any{}, "signal": "supplier", "value": "AO Kaspersky Lab",
			"pointer": "/components/3/supplier/name", "confidence": "high",
		},
		Authority: &decision.Authority{
			Citation:   "89 FR 52434 (2024-06-24); 15 CFR part 7",
			URL:        "https://www.federalregister.gov/d/2024-13532",
			Effective:  "2024-09-29",
			Obligation: "icts-kaspersky",
		},
	}
}

func farKasperskyViolation() decision.Violation {
	return decision.Violation{
		Rule:     "far-52.204-23-kaspersky",
		Severity: "high",
		Title:    "Kaspersky Lab covered article (FAR 52.204-23)",
		Message:  "the package namespace com.kaspersky belongs to a Kaspersky Lab covered entity.",
		Subject:  decision.Subject{Kind: "component", Ref: "pkg:maven/com.kaspersky/kav-sdk@21.3.10", Name: "kav-sdk", Version: "21.3.10"},
		Pointer:  "/components/3/purl",
		Match: map[string]any{
			"list": "kaspersky", "entry_id": "kaspersky-lab", "entry_name": "Kaspersky Lab, Inc.",
			"matched_name": "maven:com.kaspersky", "matched_on": "purl_namespace", "score": 1.0, "method": "prefix",
			"programs": []any{}, "signal": "purl", "value": "pkg:maven/com.kaspersky/kav-sdk@21.3.10",
			"pointer": "/components/3/purl", "confidence": "high",
		},
		Authority: &decision.Authority{
			Citation:   "FAR 52.204-23; NDAA FY2018 section 1634",
			URL:        "https://www.acquisition.gov/far/52.204-23",
			Effective:  "2018-10-01",
			Obligation: "far-52.204-23",
		},
	}
}

func hikvisionViolation() decision.Violation {
	return decision.Violation{
		Rule:     "ndaa-889-covered-telecom",
		Severity: "critical",
		Title:    "Covered telecommunications equipment (section 889)",
		Message:  "DS-2CD2043G2-I firmware is produced by Hangzhou Hikvision Digital Technology Co., Ltd., named in section 889(f)(3)(B).",
		Subject:  decision.Subject{Kind: "component", Ref: "pkg:generic/hikvision/ds-2cd2043g2-firmware@5.7.3", Name: "DS-2CD2043G2-I firmware", Version: "5.7.3"},
		Pointer:  "/components/7/manufacturer/name",
		Match: map[string]any{
			"list": "section-889", "entry_id": "hikvision", "entry_name": "Hangzhou Hikvision Digital Technology Co., Ltd.",
			"matched_name": "Hangzhou Hikvision Digital Technology Company", "matched_on": "name", "score": 0.98,
			"method": "normalized", "programs": []any{}, "signal": "manufacturer",
			"value": "Hangzhou Hikvision Digital Technology Co., Ltd.", "pointer": "/components/7/manufacturer/name",
			"confidence": "high",
		},
		Authority: &decision.Authority{
			Citation:   "FAR 52.204-25; Pub. L. 115-232 section 889(a)(1)(B)",
			URL:        "https://www.acquisition.gov/far/52.204-25",
			Effective:  "2020-08-13",
			Obligation: "far-52.204-25",
		},
	}
}

func coverageWarning() decision.Violation {
	return decision.Violation{
		Rule:     "coverage-unattributed",
		Severity: "low",
		Title:    "Components without any supplier, purl namespace or CPE vendor",
		Message:  "2 of 212 components could not be attributed to any party, so they were not screened.",
		Subject:  decision.Subject{Kind: "document", Name: "gateway-firmware", Version: "4.2.0"},
	}
}

func sbomInput(path string) decision.Input {
	return decision.Input{
		Path:        path,
		Kind:        "sbom",
		Format:      "cyclonedx-json",
		SpecVersion: "1.5",
		SHA256:      "9f2d4c1e0b3a59687766554433221100ffeeddccbbaa99887766554433221100",
		Subject:     &decision.Subject{Kind: "component", Ref: "pkg:generic/acme/gateway-firmware@4.2.0", Name: "gateway-firmware", Version: "4.2.0"},
		Coverage: decision.Coverage{
			Components: 212, Attributed: 210, WithNamedParty: 150, WithPURLNamespace: 201,
			Unattributed: 2, PartiesScreened: 61,
		},
	}
}

func passRun() *decision.Run {
	in := sbomInput("sbom/app.cdx.json")
	in.Subject = &decision.Subject{Kind: "component", Ref: "pkg:generic/acme/app@1.2.0", Name: "app", Version: "1.2.0"}
	in.SHA256 = "4a7c1f0e9d8b7a6958473625140f3e2d1c0b9a8f7e6d5c4b3a29180716253443"
	in.Outcome = decision.OutcomePass
	in.Result = decision.Result{Outcome: decision.OutcomePass}
	in.Coverage = decision.Coverage{Components: 120, Attributed: 120, WithNamedParty: 80, WithPURLNamespace: 118, PartiesScreened: 44}
	return &decision.Run{
		Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Inputs: []decision.Input{in}, Outcome: decision.OutcomePass, ExitCode: decision.ExitPass,
	}
}

func failRun() *decision.Run {
	in := sbomInput("sbom/gateway-firmware.cdx.json")
	in.Outcome = decision.OutcomeFail
	in.Result = decision.Result{
		Outcome:    decision.OutcomeFail,
		Violations: []decision.Violation{kasperskyViolation(), hikvisionViolation(), farKasperskyViolation()},
		Warnings:   []decision.Violation{coverageWarning()},
	}
	return &decision.Run{
		Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Inputs: []decision.Input{in}, Outcome: decision.OutcomeFail, ExitCode: decision.ExitFail,
	}
}

func reviewRun() *decision.Run {
	in := decision.Input{
		Path:    "procurement/vendors-2026q4.csv",
		Kind:    "procurement",
		Format:  "csv",
		SHA256:  "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc",
		Outcome: decision.OutcomeReview,
		Result: decision.Result{
			Outcome: decision.OutcomeReview,
			Reviews: []decision.Violation{{
				Rule:     "ofac-sdn-person",
				Severity: "high",
				Title:    "Possible OFAC SDN match for a beneficial owner",
				Message:  "owner Anton Ivanov of Northwind Data LLC resembles an alias of an SDN entry; compare date of birth and nationality before clearing.",
				Subject:  decision.Subject{Kind: "vendor", Ref: "record:4", Name: "Northwind Data LLC"},
				Pointer:  "/4/owners/0/name",
				Match: map[string]any{
					"list": "ofac-sdn", "entry_id": "45858", "entry_name": "IVANOV, Anton Mikhaylovich",
					"matched_name": "IVANOV, Anton", "matched_on": "alias", "score": 0.91, "method": "token-sort",
					"programs": []any{"RUSSIA-EO14024"}, "signal": "owner", "value": "Anton Ivanov",
					"pointer": "/4/owners/0/name", "confidence": "medium",
				},
				Authority: &decision.Authority{
					Citation:   "E.O. 14024; 31 CFR part 587",
					URL:        "https://ofac.treasury.gov/recent-actions/20240621",
					Effective:  "2024-06-21",
					Obligation: "ofac-sdn",
				},
			}},
		},
		Coverage: decision.Coverage{PartiesScreened: 37},
	}
	return &decision.Run{
		Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Inputs: []decision.Input{in}, Outcome: decision.OutcomeReview, ExitCode: decision.ExitReview,
	}
}

func errorRun() *decision.Run {
	ok := passRun().Inputs[0]
	bad := decision.Input{
		Path:    "sbom/broken.spdx.json",
		Kind:    "sbom",
		SHA256:  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		Error:   "parse sbom/broken.spdx.json: unexpected end of JSON input",
		Outcome: decision.OutcomeError,
	}
	return &decision.Run{
		Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Inputs: []decision.Input{ok, bad}, Outcome: decision.OutcomeError, ExitCode: decision.ExitError,
	}
}

func waivedRun() *decision.Run {
	waived := hikvisionViolation()
	waived.Waiver = map[string]any{
		"rule":        "ndaa-889-covered-telecom",
		"subject_ref": "pkg:generic/hikvision/ds-2cd2043g2-firmware@5.7.3",
		"reason":      "camera sits on an isolated OT network with no route to user data; replacement contracted",
		"approved_by": "ciso@example.com",
		"ticket":      "SEC-1423",
		"expires":     "2027-03-31",
	}
	expired := decision.Violation{
		Rule:     "waiver-expired",
		Severity: "medium",
		Title:    "A waiver has expired and no longer applies",
		Message:  "the waiver for kaspersky-icts-2024 on kav-sdk expired on 2026-10-31; the violation is reported again.",
		Subject:  decision.Subject{Kind: "component", Ref: "pkg:maven/com.kaspersky/kav-sdk@21.3.10", Name: "kav-sdk", Version: "21.3.10"},
		Pointer:  "/components/3/supplier/name",
		Waiver: map[string]any{
			"rule":        "kaspersky-icts-2024",
			"subject_ref": "pkg:maven/com.kaspersky/kav-sdk@21.3.10",
			"reason":      "removal scheduled with the 4.3 release",
			"approved_by": "ciso@example.com",
			"ticket":      "SEC-1302",
			"expires":     "2026-10-31",
		},
	}
	in := sbomInput("sbom/gateway-firmware.cdx.json")
	in.Outcome = decision.OutcomeFail
	in.Result = decision.Result{
		Outcome:    decision.OutcomeFail,
		Violations: []decision.Violation{kasperskyViolation()},
		Warnings:   []decision.Violation{expired},
		Waived:     []decision.Violation{waived},
	}
	return &decision.Run{
		Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Inputs: []decision.Input{in}, Outcome: decision.OutcomeFail, ExitCode: decision.ExitFail,
	}
}

// staleRun is a run whose sanctions list is older than allowed: the
// input passed, but the run could not be checked (decision.Run.Errors).
func staleRun() *decision.Run {
	run := passRun()
	run.Errors = []string{(&provenance.StaleError{
		List: "ofac-sdn", Published: time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC),
		Age: 464 * 24 * time.Hour, MaxAge: 365 * 24 * time.Hour,
	}).Error()}
	run.Outcome, run.ExitCode = decision.OutcomeError, decision.ExitError
	run.Lists[1].Published = time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)
	return run
}

// placedRun is failRun with every finding placed in its file, as the
// check leaves it.
func placedRun() *decision.Run {
	run := failRun()
	res := &run.Inputs[0].Result
	for i, at := range [][2]int{{12, 19}, {40, 9}, {15, 6}} {
		res.Violations[i].Line, res.Violations[i].Column = at[0], at[1]
	}
	return run
}

// trustedRun is a run that read a found configuration file (with
// settings not applied) and a user policy file, and in which a blocked
// person is waived under an OFAC licence.
func trustedRun() *decision.Run {
	blocked := decision.Violation{
		Rule:     "ofac-sdn-blocked",
		Severity: "critical",
		Title:    "Blocked person (OFAC SDN)",
		Message:  "lib@1.0.0: author \"Andrey Tikhonov\" matches SDN entry 36290 \"TIKHONOV, Andrey\" (individual), programs CYBER2.",
		Subject:  decision.Subject{Kind: "component", Ref: "pkg:npm/lib@1.0.0", Name: "lib", Version: "1.0.0"},
		Pointer:  "/components/0/authors/0/name",
		Authority: &decision.Authority{Citation: "31 CFR chapter V; E.O. 13694, 31 CFR part 578 (CYBER2)",
			URL: "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=36290", Obligation: "ofac-sdn"},
		Waiver: map[string]any{
			"id": "W-12", "rule": "ofac-sdn-blocked", "subject": map[string]any{"purl": "pkg:npm/lib@1.0.0"},
			"reason": "maintenance payments authorised", "approved_by": "legal@example.com",
			"ticket": "SAN-12", "expires": "2027-01-01", "licence": "OFAC general licence GL 13",
		},
	}
	in := sbomInput("sbom/app.cdx.json")
	in.Outcome = decision.OutcomePass
	in.Result = decision.Result{Outcome: decision.OutcomePass, Waived: []decision.Violation{blocked}}
	run := &decision.Run{
		Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Sources: decision.Sources{
			Config: []decision.ConfigFile{{
				Path: "bangate.yaml", SHA256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", Trust: decision.TrustFound,
				Ignored: []decision.IgnoredSetting{
					{Key: "as-of", Value: "2015-01-01", Reason: "can weaken the gate"},
					{Key: "lists.dir", Value: "./lists", Reason: "can weaken the gate"},
				},
			}},
			Policies: []provenance.File{{Origin: "policy", Path: "bangate/rules/mine/mine.rego", SHA256: "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9"}},
		},
		Inputs: []decision.Input{in}, Outcome: decision.OutcomePass, ExitCode: decision.ExitPass,
	}
	run.Licensed = decision.LicensedFindings(run)
	return run
}

// fixtures are the runs every golden test renders, by name.
func fixtures() []struct {
	name string
	run  *decision.Run
} {
	return []struct {
		name string
		run  *decision.Run
	}{
		{"pass", passRun()},
		{"fail", failRun()},
		{"review", reviewRun()},
		{"error", errorRun()},
		{"waived", waivedRun()},
		{"stale", staleRun()},
		{"placed", placedRun()},
		{"trusted", trustedRun()},
	}
}
