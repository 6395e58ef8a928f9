package cli_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// githubSARIFUpload is the body of GitHub's code-scanning upload
// (POST /repos/{owner}/{repo}/code-scanning/sarifs): the SARIF log gzipped
// and base64-encoded, with the commit and ref it belongs to.
type githubSARIFUpload struct {
	CommitSHA string `json:"commit_sha"`
	Ref       string `json:"ref"`
	SARIF     string `json:"sarif"`
	ToolName  string `json:"tool_name"`
}

// githubMaxSARIF is GitHub's limit on an uploaded SARIF file, gzipped.
const githubMaxSARIF = 10 << 20

// The SARIF of a check run from the repository root, as a CI job runs it,
// makes a valid upload: every result names its file relative to the
// repository root and points at the true line (and column) of the field,
// checked against the files themselves and, for a few findings, by hand.
func TestSARIFUploadPayload(t *testing.T) {
	t.Parallel()
	binDir := bangateBinary(t)
	sarifFile := filepath.Join(t.TempDir(), "bangate.sarif")
	inputs := []string{"examples/sbom/kaspersky.cdx.json", "examples/sbom/kaspersky.spdx", "examples/sbom/huawei-subsidiary.spdx.json",
		"examples/procurement/vendors.csv"}
	cmd := exec.Command(filepath.Join(binDir, "bangate"), append([]string{"check", "-o", "sarif=" + sarifFile}, inputs...)...)
	cmd.Dir = repoRoot
	cmd.Env = ciEnv(t, "", nil)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("bangate check: %v: %s", err, stderr.String())
	}
	raw, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatal(err)
	}

	// The upload: gzip, base64, JSON; then back, as GitHub reads it.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if gz.Len() > githubMaxSARIF {
		t.Fatalf("gzipped SARIF is %d bytes, GitHub takes at most %d", gz.Len(), githubMaxSARIF)
	}
	body, err := json.Marshal(githubSARIFUpload{CommitSHA: strings.Repeat("ab", 20), Ref: "refs/heads/main",
		SARIF: base64.StdEncoding.EncodeToString(gz.Bytes()), ToolName: "bangate"})
	if err != nil {
		t.Fatal(err)
	}
	var up githubSARIFUpload
	if err := json.Unmarshal(body, &up); err != nil {
		t.Fatal(err)
	}
	zipped, err := base64.StdEncoding.DecodeString(up.SARIF)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(zipped))
	if err != nil {
		t.Fatal(err)
	}
	sarif, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	validateSARIFSchema(t, sarif)

	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Properties struct {
					Pointer string         `json:"pointer"`
					Match   map[string]any `json:"match"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || log.Runs[0].ColumnKind != "unicodeCodePoints" {
		t.Fatalf("want one run counting columns in code points")
	}
	files := map[string][]string{}
	type place struct{ uri, ptr string }
	got := map[place][2]int{}
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		uri, line, col := loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn
		if strings.Contains(uri, ":") || path.IsAbs(uri) || strings.HasPrefix(path.Clean(uri), "..") {
			t.Errorf("%s: uri %q is not relative to the repository root", r.RuleID, uri)
			continue
		}
		if files[uri] == nil {
			data, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(uri)))
			if err != nil {
				t.Errorf("%s: %v", r.RuleID, err)
				continue
			}
			files[uri] = strings.Split(string(data), "\n")
		}
		lines := files[uri]
		if line < 1 || line > len(lines) {
			t.Errorf("%s in %s: startLine %d outside the file", r.RuleID, uri, line)
			continue
		}
		// The line holds the value the finding rests on.
		text := lines[line-1]
		if v, _ := r.Properties.Match["value"].(string); v != "" && !strings.Contains(strings.ToLower(text), strings.ToLower(v)) {
			t.Errorf("%s %s: line %d %q does not hold %q", r.RuleID, r.Properties.Pointer, line, text, v)
		}
		// In a JSON file the column is the member the pointer names.
		if strings.HasSuffix(uri, ".json") && r.Properties.Pointer != "" {
			member := r.Properties.Pointer[strings.LastIndex(r.Properties.Pointer, "/")+1:]
			if member == "purl" {
				member = "referenceLocator" // an SPDX purl is an external reference
			}
			if strings.HasSuffix(uri, ".cdx.json") {
				member = r.Properties.Pointer[strings.LastIndex(r.Properties.Pointer, "/")+1:]
			}
			if col < 1 || !strings.HasPrefix(string([]rune(text)[col-1:]), `"`+member+`"`) {
				t.Errorf("%s %s: column %d of %q is not the member %q", r.RuleID, r.Properties.Pointer, col, text, member)
			}
		}
		got[place{uri, r.Properties.Pointer}] = [2]int{line, col}
	}
	// Checked by hand against the files.
	for p, want := range map[place][2]int{
		{"examples/sbom/kaspersky.cdx.json", "/components/0/supplier/name"}:  {12, 19},
		{"examples/sbom/kaspersky.cdx.json", "/components/1/purl"}:           {15, 6},
		{"examples/sbom/kaspersky.cdx.json", "/components/2/cpe"}:            {17, 6},
		{"examples/sbom/kaspersky.cdx.json", "/components/3/authors/0/name"}: {19, 19},
		{"examples/sbom/kaspersky.spdx", "line 20"}:                          {20, 1},
		{"examples/sbom/kaspersky.spdx", "line 17/cpe"}:                      {23, 1},
		{"examples/sbom/huawei-subsidiary.spdx.json", "/packages/1/purl"}:    {17, 24},
	} {
		if got[p] != want {
			t.Errorf("%s %s at %v, want line %d column %d", p.uri, p.ptr, got[p], want[0], want[1])
		}
	}
	csv := 0
	for p, at := range got {
		if p.uri == "examples/procurement/vendors.csv" {
			csv++
			if at[0] < 2 {
				t.Errorf("vendors.csv %s on line %d, want a data row", p.ptr, at[0])
			}
		}
	}
	if csv == 0 {
		t.Error("no finding in vendors.csv")
	}
}

// validateSARIFSchema checks a SARIF log against the official 2.1.0
// schema (kept with the report package's tests).
func validateSARIFSchema(t *testing.T, sarif []byte) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const loc = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(loc, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(loc)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(sarif))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF fails the 2.1.0 schema: %v", err)
	}
}
