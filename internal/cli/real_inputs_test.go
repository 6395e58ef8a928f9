package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// rejectedReal are real files in testdata/sboms that bangate refuses, each
// with the reason; every other file there must be decided. There are none
// now: the SPDX 2.2 specification's own tag-value example, refused while
// spdx/tools-golang read tag-value, is decided like its JSON twin.
var rejectedReal = map[string]string{}

// realOutcome is the outcome every real file of testdata/sboms must have
// (profile federal-contractor): they are honest SBOMs of open-source
// software and name no banned or sanctioned party, though they name
// maintainers on gmail.com, projects on github.com and google.com, and
// copyright holders who are people. A file added there needs its row.
var realOutcome = map[string]string{
	"cdx-examples-hbom.json":                  decision.OutcomePass,
	"cdx-examples-laravel-1.1.xml":            decision.OutcomePass,
	"cdx-examples-laravel-1.2.json":           decision.OutcomePass,
	"cdx-examples-laravel-1.3.xml":            decision.OutcomePass,
	"cdx-examples-laravel-1.4.json":           decision.OutcomePass,
	"cdx-examples-saasbom-services.json":      decision.OutcomePass,
	"cdx-go-1.0.xml":                          decision.OutcomePass,
	"cdx-go-1.1.xml":                          decision.OutcomePass,
	"cdx-go-1.5.json":                         decision.OutcomePass,
	"cdx-go-bom-1.6.xml":                      decision.OutcomePass,
	"cdx-go-component-authors-1.6.json":       decision.OutcomePass,
	"cdx-maven-plugin-dropwizard-1.2.json":    decision.OutcomePass,
	"cdx-maven-plugin-dropwizard-1.2.xml":     decision.OutcomePass,
	"cdx-spec-1.7-component-ref.json":         decision.OutcomePass,
	"cdx-spec-1.7-metadata-manufacturer.json": decision.OutcomePass,
	"cdxgen-java-1.5.json":                    decision.OutcomePass,
	"cyclonedx-npm-bundled-1.5.xml":           decision.OutcomePass,
	"cyclonedx-npm-bundled-1.6.json":          decision.OutcomePass,
	"mislabelled-json.spdx":                   decision.OutcomePass,
	"mislabelled-tagvalue.json":               decision.OutcomePass,
	"redhat-delve-rpm.cdx.json":               decision.OutcomePass,
	"redhat-delve-rpm.spdx.json":              decision.OutcomePass,
	"redhat-rhel-9.2-product.cdx.json":        decision.OutcomePass,
	"redhat-ubi9-micro-amd64.spdx.json":       decision.OutcomePass,
	"sbom-tool-manifest-2.2.spdx.json":        decision.OutcomePass,
	"sbom-tool-manifest-3.0.spdx.json":        decision.OutcomePass,
	"spdx-hello.spdx":                         decision.OutcomePass,
	"spdx-spec-2.2.spdx":                      decision.OutcomePass,
	"spdx-spec-2.2.spdx.json":                 decision.OutcomePass,
	"spdx-spec-2.2.spdx.rdf":                  decision.OutcomePass,
	"spdx-spec-2.2.spdx.xml":                  decision.OutcomePass,
	"spdx-spec-2.2.spdx.yaml":                 decision.OutcomePass,
	"spdx-spec-2.3.spdx":                      decision.OutcomePass,
	"spdx-spec-2.3.spdx.json":                 decision.OutcomePass,
	"spdx-spec-2.3.spdx.xml":                  decision.OutcomePass,
	"spdx-spec-2.3.spdx.yaml":                 decision.OutcomePass,
	"syft-dir.cdx.xml":                        decision.OutcomePass,
	"syft-image.cdx.json":                     decision.OutcomePass,
	"syft-image.spdx.json":                    decision.OutcomePass,
	"syft-relationships.spdx":                 decision.OutcomePass,
	"trivy-conda.spdx.json":                   decision.OutcomePass,
	"trivy-npm.cdx.json":                      decision.OutcomePass,
	"trivy-pom.cdx.json":                      decision.OutcomePass,
}

// readAsText are the files of testdata/sboms/bad that the sbom package
// refuses for their encoding and the check reads as the text they hold,
// with that encoding.
var readAsText = map[string]string{"utf16.cdx.json": "UTF-16LE"}

// Every real SBOM of the corpus (syft, trivy, cdxgen, cyclonedx-npm, the
// CycloneDX Maven plugin, sbom-tool, Red Hat, the spec examples) is decided,
// and every malformed one is exit 2 with a one-line error naming the file.
func TestRealSBOMs(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "sboms")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if f.IsDir() || f.Name() == "SOURCES.md" {
			continue
		}
		n++
		name := f.Name()
		t.Run(name, func(t *testing.T) {
			r := run(t, "", "check", "-o", "json", filepath.Join(dir, name))
			d := decisionOf(t, r)
			in := d.Inputs[0]
			if want, rejected := rejectedReal[name]; rejected {
				if r.code != decision.ExitError || !strings.Contains(in.Error, want) {
					t.Errorf("exit %d, error %q; want 2 and %q", r.code, in.Error, want)
				}
				return
			}
			if r.code == decision.ExitError || in.Outcome == decision.OutcomeError {
				t.Fatalf("not decided: exit %d, error %q", r.code, in.Error)
			}
			if in.Coverage.Components == 0 && in.Coverage.Services == 0 && in.Subject == nil && in.Coverage.PartiesScreened == 0 {
				t.Errorf("nothing read: %+v", in.Coverage)
			}
			want, ok := realOutcome[name]
			if !ok {
				t.Fatalf("no expected outcome in realOutcome; it was %s", in.Outcome)
			}
			if in.Outcome != want || r.code != decision.ExitCodeFor(want) {
				t.Errorf("outcome %s (exit %d), want %s; violations %+v, reviews %+v", in.Outcome, r.code, want,
					in.Result.Violations, in.Result.Reviews)
			}
		})
	}
	if n < 30 {
		t.Fatalf("only %d real SBOMs found", n)
	}
	bad, err := os.ReadDir(filepath.Join(dir, "bad"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range bad {
		name := f.Name()
		t.Run("bad/"+name, func(t *testing.T) {
			if enc, ok := readAsText[name]; ok {
				// Not UTF-8, which the sbom package reads; the check
				// reads the text it holds.
				r := run(t, "", "check", "-o", "json", filepath.Join(dir, "bad", name))
				in := decisionOf(t, r).Inputs[0]
				if r.code != decision.ExitPass || in.Encoding != enc {
					t.Errorf("exit %d, encoding %q, error %q; want 0 and %q", r.code, in.Encoding, in.Error, enc)
				}
				return
			}
			r := run(t, "", "check", filepath.Join(dir, "bad", name))
			if r.code != decision.ExitError {
				t.Fatalf("exit %d, want 2", r.code)
			}
			if !strings.Contains(r.stderr, name) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("want one line naming the file, got %q", r.stderr)
			}
		})
	}
}

// Real USAspending, SAM-style and OCDS files are read and every record is
// decided; malformed ones are exit 2.
func TestRealProcurementFiles(t *testing.T) {
	root := filepath.Join(repoRoot, "testdata", "procurement")
	good, _ := filepath.Glob(filepath.Join(root, "csv", "*"))
	ocds, _ := filepath.Glob(filepath.Join(root, "ocds", "*.json"))
	good = append(good, ocds...)
	good = append(good, filepath.Join(root, "json", "vendors.json"), filepath.Join(root, "yaml", "vendors.yaml"))
	for _, path := range good {
		t.Run(filepath.Base(path), func(t *testing.T) {
			args := []string{"check", "-o", "json"}
			if strings.Contains(path, "latin1") {
				args = append(args, "--encoding", "latin1")
			}
			r := run(t, "", append(args, path)...)
			d := decisionOf(t, r)
			in := d.Inputs[0]
			if in.Outcome == decision.OutcomeError || in.Kind != "procurement" {
				t.Fatalf("not decided as procurement: kind %q, error %q", in.Kind, in.Error)
			}
			if in.Coverage.Components == 0 {
				t.Errorf("no records counted")
			}
		})
	}
	bad, _ := filepath.Glob(filepath.Join(root, "bad", "*"))
	for _, path := range bad {
		if strings.Contains(path, "ownership") || strings.Contains(path, "owner-percent") {
			continue // ownership files are read with --ownership, below
		}
		t.Run("bad/"+filepath.Base(path), func(t *testing.T) {
			if r := run(t, "", "check", "--kind", "procurement", path); r.code != decision.ExitError {
				t.Fatalf("exit %d, want 2; stderr %s", r.code, r.stderr)
			}
		})
	}
	for _, name := range []string{"ownership-cycle.csv", "ownership-over-100.csv"} {
		t.Run("ownership/"+name, func(t *testing.T) {
			r := run(t, "", "check", "--ownership", filepath.Join(root, "bad", name), filepath.Join(root, "json", "vendors.json"))
			if r.code != decision.ExitError || !strings.Contains(r.stderr, name) {
				t.Fatalf("exit %d, stderr %q; want 2 naming the file", r.code, r.stderr)
			}
		})
	}
}
