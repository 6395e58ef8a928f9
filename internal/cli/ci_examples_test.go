package cli_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/bangate/bangate/internal/lists"
)

// The CI examples under examples/ci are parsed, and the exact shell
// commands of their bangate steps run against the example SBOMs with a
// bangate binary built from this checkout, so a broken example fails the
// tests.

// ciAsOf pins the evaluation date of every run, through the environment
// variable bangate reads, so the scripts need no flag for it.
const ciAsOf = "2026-11-27"

// builtBinary is the bangate binary built for this package's tests.
var builtBinary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// TestMain removes the bangate binary built for the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if builtBinary.dir != "" {
		os.RemoveAll(builtBinary.dir)
	}
	os.Exit(code)
}

// bangateBinary builds ./cmd/bangate once per package run and returns the
// directory holding it. It is built without VCS stamping, so it reports the
// same tool version and commit as the in-process runs.
func bangateBinary(t *testing.T) string {
	t.Helper()
	b := &builtBinary
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "bangate-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.dir = dir
		b.path = filepath.Join(dir, "bangate")
		cmd := exec.Command("go", "build", "-buildvcs=false", "-o", b.path, "./cmd/bangate")
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build ./cmd/bangate: %w\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.dir
}

// unset, as the value of an extra variable of ciEnv, removes the variable.
const unset = "\x00unset"

// ciEnv is the environment of a CI step: the process environment without
// any BANGATE_ variable of the machine running the tests (nor
// XDG_CACHE_HOME: the user cache directory is $HOME/.cache), then the
// variables the examples rely on, then extra (later entries win; unset
// removes one).
//
// By default bangate runs offline on the lists embedded in it, with
// BANGATE_LISTS_STALE=warn: the evaluation date is pinned with
// BANGATE_AS_OF, but list freshness is measured against the wall clock,
// and the embedded snapshot is older than lists.max-age. The example
// pipelines instead run on their defaults against a mirror of the lists
// on 127.0.0.1 (mirrorEnv).
func ciEnv(t *testing.T, binDir string, extra map[string]string) []string {
	t.Helper()
	vars := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "BANGATE_") && k != "XDG_CACHE_HOME" {
			vars[k] = v
		}
	}
	vars["PATH"] = pathWithout(vars["PATH"], "bangate")
	if binDir != "" {
		vars["PATH"] = binDir + string(os.PathListSeparator) + vars["PATH"]
	}
	vars["HOME"] = t.TempDir()
	vars["BANGATE_AS_OF"] = ciAsOf
	vars["BANGATE_LISTS_DIR"] = t.TempDir()
	vars["BANGATE_LISTS_STALE"] = "warn"
	vars["BANGATE_LISTS_OFFLINE"] = "true"
	for k, v := range extra {
		if v == unset {
			delete(vars, k)
			continue
		}
		vars[k] = v
	}
	env := make([]string, 0, len(vars))
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	slices.Sort(env)
	return env
}

// mirrorEnv are the variables of a pipeline run on its list defaults
// (refresh before the check, stale lists an error) against the mirror m,
// as an air-gapped runner with BANGATE_LISTS_BASE_URL set runs; the list
// store is where the example puts it.
func mirrorEnv(m *listMirror) map[string]string {
	return map[string]string{"BANGATE_LISTS_BASE_URL": m.URL(), "BANGATE_LISTS_OFFLINE": unset,
		"BANGATE_LISTS_STALE": unset, "BANGATE_LISTS_DIR": unset}
}

// ciMirror is a mirror whose lists were published an hour ago by the wall
// clock, which the bangate binary ages them with.
func ciMirror(t *testing.T) *listMirror {
	t.Helper()
	return newListMirror(t, "old", time.Now().Add(-time.Hour))
}

// checkStoreFilled asserts that the refresh stored the mirror's SDN list
// in the store at dir.
func checkStoreFilled(t *testing.T, dir string, m *listMirror) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "lists", "ofac-sdn", "current.json"))
	if err != nil {
		t.Errorf("no SDN list refreshed into the store the example caches: %v", err)
		return
	}
	if !bytes.Contains(data, []byte(m.URL()+"/SDN.CSV")) {
		t.Errorf("the stored SDN list did not come from the mirror:\n%.500s", data)
	}
}

// pathWithout drops from a PATH value every directory holding an
// executable named name, so that "bangate not installed" can be tested on a
// machine that has one.
func pathWithout(path, name string) string {
	var keep []string
	for _, dir := range filepath.SplitList(path) {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && !info.IsDir() {
			continue
		}
		keep = append(keep, dir)
	}
	return strings.Join(keep, string(os.PathListSeparator))
}

// shellRun is the result of one script run.
type shellRun struct {
	code   int
	stdout string
	stderr string
}

// runShell runs script with the shell argv (the script file is appended) in
// dir, and returns its exit code and output.
func runShell(t *testing.T, argv []string, script, dir string, env []string, args ...string) shellRun {
	t.Helper()
	file := filepath.Join(t.TempDir(), "step.sh")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	shell, err := exec.LookPath(argv[0])
	if err != nil {
		t.Fatalf("the CI example tests need %s: %v", argv[0], err)
	}
	cmdArgs := append(append(slices.Clone(argv[1:]), file), args...)
	cmd := exec.Command(shell, cmdArgs...)
	cmd.Dir = dir
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("run %s: %v", argv[0], err)
		}
		code = ee.ExitCode()
	}
	return shellRun{code, out.String(), errOut.String()}
}

// bashStep is how both GitHub Actions (for shell: bash) and the GitLab
// runner (in an image with bash) run a step's script.
var bashStep = []string{"bash", "--noprofile", "--norc", "-eo", "pipefail"}

// callsBangate matches a shell line that runs bangate as a command.
var callsBangate = regexp.MustCompile(`(?m)(^|[\s;&|(])bangate\s`)

// outputFlag matches a -o FORMAT=FILE argument of a bangate command.
var outputFlag = regexp.MustCompile(`(?:-o|--output)[ =]([a-z]+)=("[^"]+"|[^\s"\\]+)`)

// goInstall matches a go install of a bangate package.
var goInstall = regexp.MustCompile(`go install (github\.com/bangate/bangate(/\S*)?)@(\S+)`)

// reportFiles returns the FORMAT=FILE outputs of the bangate command in
// script, each file expanded with vars.
func reportFiles(t *testing.T, script string, vars map[string]string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, m := range outputFlag.FindAllStringSubmatch(script, -1) {
		path := os.Expand(strings.Trim(m[2], `"`), func(k string) string {
			v, ok := vars[k]
			if !ok {
				t.Fatalf("report path %s uses $%s, which the test does not know", m[2], k)
			}
			return v
		})
		files[m[1]] = path
	}
	if len(files) == 0 {
		t.Fatalf("no -o FORMAT=FILE in the bangate command:\n%s", script)
	}
	return files
}

// checkReports asserts that every report file exists, is non-empty and
// parses as what its format says.
func checkReports(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for format, name := range files {
		path := name
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, name)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s report: %v", format, err)
			continue
		}
		if len(data) == 0 {
			t.Errorf("%s report %s is empty", format, name)
			continue
		}
		if err := checkReportSyntax(format, data); err != nil {
			t.Errorf("%s report %s: %v", format, name, err)
		}
	}
}

// checkReportSyntax checks the syntax of one report.
func checkReportSyntax(format string, data []byte) error {
	switch format {
	case "json":
		var v struct {
			Outcome string `json:"outcome"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		if v.Outcome == "" {
			return errors.New("no outcome")
		}
	case "sarif":
		var v struct {
			Version string            `json:"version"`
			Runs    []json.RawMessage `json:"runs"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		if v.Version != "2.1.0" || len(v.Runs) != 1 {
			return fmt.Errorf("SARIF version %q with %d runs, want 2.1.0 with 1", v.Version, len(v.Runs))
		}
	case "junit":
		return checkXML(data, "testsuites", "testsuite")
	case "html":
		if !bytes.HasPrefix(bytes.ToLower(data), []byte("<!doctype html")) {
			return errors.New("does not start with <!DOCTYPE html>")
		}
	case "markdown":
		if !bytes.Contains(data, []byte("bangate")) {
			return errors.New("does not name bangate")
		}
	}
	return nil
}

// checkXML checks that data is well-formed XML whose root is one of roots.
func checkXML(data []byte, roots ...string) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if !slices.Contains(roots, root) {
		return fmt.Errorf("root element %q, want one of %v", root, roots)
	}
	return nil
}

// checkInstall asserts that a go install line names a package of this
// module that exists.
func checkInstall(t *testing.T, script string) {
	t.Helper()
	m := goInstall.FindStringSubmatch(script)
	if m == nil {
		t.Errorf("install step does not go install bangate:\n%s", script)
		return
	}
	mainFile := filepath.Join(repoRoot, filepath.FromSlash(strings.TrimPrefix(m[2], "/")), "main.go")
	if _, err := os.Stat(mainFile); err != nil {
		t.Errorf("go install %s: no such command in this module (%v)", m[1], err)
	}
}

// notAnSBOM is the input of the "not an sbom" case.
const notAnSBOM = "testdata/not-an-sbom.json"

// copyExample copies examples/<name> (or a file of this package, when name
// starts with testdata/) to dir/to.
func copyExample(t *testing.T, name, dir, to string) {
	t.Helper()
	src := example(name)
	if strings.HasPrefix(name, "testdata/") {
		src = name
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// ciCase is one run of an example pipeline.
type ciCase struct {
	name     string
	sbom     string // example under examples/, copied to the path the pipeline expects
	extra    map[string]string
	noBinary bool // bangate not on PATH
	reports  bool // every report file must exist
}

// The cases every pipeline runs: one per exit code, a review that the
// configuration turns into a failure, and bangate missing from PATH.
var ciCases = []ciCase{
	{name: "fail", sbom: "sbom/kaspersky.cdx.json", reports: true},
	{name: "review", sbom: "sbom/review.cdx.json", reports: true},
	{name: "pass", sbom: "sbom/clean.cdx.json", reports: true},
	{name: "review fails with fail-on review", sbom: "sbom/review.cdx.json", extra: map[string]string{"BANGATE_FAIL_ON": "review"}, reports: true},
	{name: "not an sbom", sbom: notAnSBOM},
	{name: "bangate not installed", sbom: "sbom/clean.cdx.json", noBinary: true},
}

// ghWorkflow is the part of a GitHub Actions workflow the test reads.
type ghWorkflow struct {
	Name        string           `yaml:"name"`
	Permissions yaml.Node        `yaml:"permissions"`
	Jobs        map[string]ghJob `yaml:"jobs"`
}

type ghJob struct {
	RunsOn      string            `yaml:"runs-on"`
	Permissions map[string]string `yaml:"permissions"`
	Env         map[string]string `yaml:"env"`
	Steps       []ghStep          `yaml:"steps"`
}

type ghStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	With  map[string]string `yaml:"with"`
	Env   map[string]string `yaml:"env"`
}

// pinnedAction is an action reference pinned to a full commit SHA.
var pinnedAction = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$`)

// versionComment is the release tag comment beside a pinned action.
var versionComment = regexp.MustCompile(`^# v\d+(\.\d+){0,2}$`)

// checkPins asserts that every uses: in the document is pinned by full
// commit SHA with its version in a line comment.
func checkPins(t *testing.T, n *yaml.Node) int {
	t.Helper()
	count := 0
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "uses" && v.Kind == yaml.ScalarNode {
				count++
				if !pinnedAction.MatchString(v.Value) {
					t.Errorf("line %d: %s is not pinned to a full commit SHA", v.Line, v.Value)
				}
				if !versionComment.MatchString(v.LineComment) {
					t.Errorf("line %d: %s lacks a # vX.Y.Z comment (got %q)", v.Line, v.Value, v.LineComment)
				}
			}
		}
	}
	for _, c := range n.Content {
		count += checkPins(t, c)
	}
	return count
}

func readYAML(t *testing.T, path string, v any) *yaml.Node {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	if err := doc.Decode(v); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return &doc
}

func TestGitHubActionsExample(t *testing.T) {
	t.Parallel()
	var wf ghWorkflow
	doc := readYAML(t, example("ci/github-actions.yml"), &wf)

	if wf.Permissions.Kind != yaml.MappingNode || len(wf.Permissions.Content) != 0 {
		t.Errorf("top-level permissions must be {} (line %d)", wf.Permissions.Line)
	}
	if n := checkPins(t, doc); n < 4 {
		t.Errorf("found %d actions, want checkout, setup-go, upload-sarif, upload-artifact", n)
	}
	if len(wf.Jobs) != 1 {
		t.Fatalf("jobs = %d, want 1", len(wf.Jobs))
	}
	var job ghJob
	for _, j := range wf.Jobs {
		job = j
	}
	wantPerms := map[string]string{"contents": "read", "security-events": "write"}
	if !maps.Equal(job.Permissions, wantPerms) {
		t.Errorf("job permissions = %v, want %v", job.Permissions, wantPerms)
	}

	var check, restore, save *ghStep
	var installed, sarifUpload, artifactUpload bool
	for i, s := range job.Steps {
		switch {
		case strings.Contains(s.Run, "${{"):
			t.Errorf("step %q: expressions in run: are neither runnable as shell nor safe; pass values through env:", s.Name)
		case strings.Contains(s.Run, "go install"):
			checkInstall(t, s.Run)
			installed = true
		case callsBangate.MatchString(s.Run):
			if check != nil {
				t.Fatalf("two steps run bangate: %q and %q", check.Name, s.Name)
			}
			if !installed {
				t.Errorf("step %q runs bangate before it is installed", s.Name)
			}
			check = &job.Steps[i]
		}
	}
	if check == nil {
		t.Fatal("no step runs bangate check")
	}
	if check.Shell != "bash" {
		t.Errorf("step %q: shell %q, want bash (so it runs with -eo pipefail)", check.Name, check.Shell)
	}
	files := reportFiles(t, check.Run, job.Env)
	for _, f := range []string{"sarif", "markdown", "html", "junit"} {
		if files[f] == "" {
			t.Errorf("the bangate step writes no %s report", f)
		}
	}
	written := slices.Collect(maps.Values(files))
	for _, s := range job.Steps {
		action, _, _ := strings.Cut(s.Uses, "@")
		switch action {
		case "github/codeql-action/upload-sarif":
			sarifUpload = true
			if s.With["sarif_file"] != files["sarif"] {
				t.Errorf("upload-sarif uploads %q, the check writes %q", s.With["sarif_file"], files["sarif"])
			}
		case "actions/cache/restore":
			restore = &s
			continue
		case "actions/cache/save":
			save = &s
		case "actions/upload-artifact":
			artifactUpload = true
			for _, p := range strings.Fields(s.With["path"]) {
				if !slices.Contains(written, p) {
					t.Errorf("upload-artifact keeps %q, which the check does not write", p)
				}
			}
			if !strings.Contains(s.With["path"], files["html"]) {
				t.Errorf("upload-artifact does not keep the HTML report %s", files["html"])
			}
		default:
			continue
		}
		// A failed gate must still upload its reports.
		if !strings.Contains(s.If, "always()") && !strings.Contains(s.If, "!cancelled()") {
			t.Errorf("step %q does not run after a failed check (if: %q)", s.Name, s.If)
		}
	}
	if !sarifUpload || !artifactUpload {
		t.Errorf("upload-sarif step: %v, upload-artifact step: %v; want both", sarifUpload, artifactUpload)
	}
	storePath := checkListCache(t, job, restore, save)

	mirror, home := ciMirror(t), t.TempDir()
	wantCodes := map[string]int{"fail": 1, "review": 0, "pass": 0, "review fails with fail-on review": 1, "not an sbom": 2, "bangate not installed": 2}
	wantOut := map[string]string{"fail": "::error title=bangate::policy violation", "review": "::warning title=bangate::",
		"pass": "bangate: pass", "not an sbom": "could not be made", "bangate not installed": "bangate did not run"}
	for _, tc := range ciCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			binDir := ""
			if !tc.noBinary {
				binDir = bangateBinary(t)
			}
			ws := t.TempDir()
			copyExample(t, tc.sbom, ws, job.Env["SBOM"])
			summary := filepath.Join(t.TempDir(), "step_summary.md")
			// One runner home for every case: the list store the cache
			// steps restore and save.
			vars := map[string]string{"GITHUB_WORKSPACE": ws, "GITHUB_STEP_SUMMARY": summary, "GITHUB_ACTIONS": "true", "CI": "true", "HOME": home}
			maps.Copy(vars, mirrorEnv(mirror))
			for k, v := range job.Env {
				vars[k] = v
			}
			for k, v := range check.Env {
				vars[k] = v
			}
			for k, v := range tc.extra {
				vars[k] = v
			}
			r := runShell(t, bashStep, check.Run, ws, ciEnv(t, binDir, vars))
			if r.code != wantCodes[tc.name] {
				t.Fatalf("step exit %d, want %d\nstdout: %.2000s\nstderr: %s", r.code, wantCodes[tc.name], r.stdout, r.stderr)
			}
			if !tc.noBinary {
				checkStoreFilled(t, filepath.Join(home, strings.TrimPrefix(storePath, "~/")), mirror)
			}
			if w := wantOut[tc.name]; !strings.Contains(r.stdout+r.stderr, w) {
				t.Errorf("output lacks %q\nstdout: %.2000s\nstderr: %s", w, r.stdout, r.stderr)
			}
			if !tc.reports {
				return
			}
			checkReports(t, ws, files)
			got, err := os.ReadFile(summary)
			if err != nil {
				t.Fatalf("step summary: %v", err)
			}
			md, _ := os.ReadFile(filepath.Join(ws, files["markdown"]))
			if !bytes.Equal(got, md) {
				t.Errorf("the step summary (%d bytes) is not the Markdown report (%d bytes)", len(got), len(md))
			}
		})
	}
}

// checkListCache asserts that the workflow restores and saves bangate's
// list store (its default place on a Linux runner, ~/.cache/bangate/lists)
// under a key of the day its day step writes, that the store is saved also
// after a failed check, and returns the store's path.
func checkListCache(t *testing.T, job ghJob, restore, save *ghStep) string {
	t.Helper()
	if restore == nil || save == nil {
		t.Fatalf("restore step %v, save step %v: want actions/cache/restore and actions/cache/save", restore != nil, save != nil)
	}
	const store = "~/.cache/bangate/lists"
	if restore.With["path"] != store || save.With["path"] != store {
		t.Errorf("cached paths %q and %q, want bangate's list store %s", restore.With["path"], save.With["path"], store)
	}
	var day *ghStep
	for i, s := range job.Steps {
		if s.ID != "" && strings.Contains(restore.With["key"], "steps."+s.ID+".outputs.day") {
			day = &job.Steps[i]
		}
	}
	if day == nil || restore.With["key"] != save.With["key"] || !strings.HasPrefix(restore.With["key"], restore.With["restore-keys"]) {
		t.Fatalf("cache keys: restore %q (restore-keys %q), save %q; want one key of the day step's output, and its prefix", restore.With["key"],
			restore.With["restore-keys"], save.With["key"])
	}
	out := filepath.Join(t.TempDir(), "output")
	if r := runShell(t, bashStep, day.Run, t.TempDir(), ciEnv(t, "", map[string]string{"GITHUB_OUTPUT": out})); r.code != 0 {
		t.Fatalf("day step: exit %d: %s", r.code, r.stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil || strings.TrimSpace(string(got)) != "day="+time.Now().UTC().Format(time.DateOnly) {
		t.Errorf("day step wrote %q (%v), want day=<today, UTC>", got, err)
	}
	if !strings.Contains(save.If, "!cancelled()") || !strings.Contains(save.If, "steps."+restore.ID+".outputs.cache-hit") {
		t.Errorf("save step if: %q; want it after a failed check too, unless the day's key was restored", save.If)
	}
	return store
}

// glScript is a GitLab script: one string or a list of lines.
type glScript []string

// UnmarshalYAML accepts a string or a sequence of strings.
func (s *glScript) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = glScript{n.Value}
		return nil
	}
	var lines []string
	if err := n.Decode(&lines); err != nil {
		return err
	}
	*s = lines
	return nil
}

type glJob struct {
	Stage        string            `yaml:"stage"`
	Image        string            `yaml:"image"`
	Variables    map[string]string `yaml:"variables"`
	BeforeScript glScript          `yaml:"before_script"`
	Script       glScript          `yaml:"script"`
	AllowFailure yaml.Node         `yaml:"allow_failure"`
	Rules        []struct {
		If   string `yaml:"if"`
		When string `yaml:"when"`
	} `yaml:"rules"`
	Needs []struct {
		Job       string `yaml:"job"`
		Artifacts bool   `yaml:"artifacts"`
	} `yaml:"needs"`
	Artifacts struct {
		When    string   `yaml:"when"`
		Paths   []string `yaml:"paths"`
		Reports struct {
			JUnit string `yaml:"junit"`
		} `yaml:"reports"`
	} `yaml:"artifacts"`
	Cache struct {
		Key   string   `yaml:"key"`
		Paths []string `yaml:"paths"`
		When  string   `yaml:"when"`
	} `yaml:"cache"`
}

// allowedExitCodes reads allow_failure: exit_codes.
func (j glJob) allowedExitCodes(t *testing.T) []int {
	t.Helper()
	if j.AllowFailure.Kind == 0 {
		return nil
	}
	var af struct {
		ExitCodes []int `yaml:"exit_codes"`
	}
	if err := j.AllowFailure.Decode(&af); err != nil {
		t.Fatalf("allow_failure: %v", err)
	}
	return af.ExitCodes
}

// glReserved are the top-level keys of a .gitlab-ci.yml that are not jobs.
var glReserved = []string{"workflow", "variables", "stages", "default", "include"}

const mrPipeline = `$CI_PIPELINE_SOURCE == "merge_request_event"`

func TestGitLabCIExample(t *testing.T) {
	t.Parallel()
	path := example("ci/gitlab-ci.yml")
	var top map[string]yaml.Node
	readYAML(t, path, &top)
	var variables map[string]string
	if n, ok := top["variables"]; ok {
		if err := n.Decode(&variables); err != nil {
			t.Fatalf("variables: %v", err)
		}
	}
	var gate, note glJob
	gateName, noteName := "", ""
	for name, n := range top {
		if slices.Contains(glReserved, name) || strings.HasPrefix(name, ".") {
			continue
		}
		var j glJob
		if err := n.Decode(&j); err != nil {
			t.Fatalf("job %s: %v", name, err)
		}
		script := strings.Join(j.Script, "\n")
		switch {
		case callsBangate.MatchString(script):
			gate, gateName = j, name
		case strings.Contains(script, "/merge_requests/"):
			note, noteName = j, name
		default:
			t.Errorf("job %s neither runs bangate nor posts a note", name)
		}
	}
	if gateName == "" || noteName == "" {
		t.Fatalf("gate job %q, note job %q: want both", gateName, noteName)
	}
	checkInstall(t, strings.Join(gate.BeforeScript, "\n"))
	if gate.Artifacts.When != "always" {
		t.Errorf("%s: artifacts when %q, want always (keep the reports of a failed gate)", gateName, gate.Artifacts.When)
	}
	allowed := gate.allowedExitCodes(t)
	if !slices.Equal(allowed, []int{3}) {
		t.Errorf("%s: allow_failure exit_codes %v, want [3] (needs review passes with a warning)", gateName, allowed)
	}
	if len(note.Rules) != 1 || note.Rules[0].If != mrPipeline {
		t.Errorf("%s: rules must be the single if: %s", noteName, mrPipeline)
	}
	if len(note.Needs) != 1 || note.Needs[0].Job != gateName || !note.Needs[0].Artifacts {
		t.Errorf("%s: needs %+v, want the artifacts of %s", noteName, note.Needs, gateName)
	}
	gateScript := strings.Join(gate.Script, "\n")
	files := reportFiles(t, gateScript, variables)
	if files["junit"] != gate.Artifacts.Reports.JUnit || files["junit"] == "" {
		t.Errorf("junit report %q, the check writes %q", gate.Artifacts.Reports.JUnit, files["junit"])
	}
	written := slices.Collect(maps.Values(files))
	for _, p := range gate.Artifacts.Paths {
		if !slices.Contains(written, p) {
			t.Errorf("%s keeps artifact %q, which the check does not write", gateName, p)
		}
	}

	// The list store is cached, inside the project directory as GitLab
	// requires, saved after a failed check too, and is where the job
	// points bangate.
	if len(gate.Cache.Paths) != 1 || gate.Cache.Key == "" || gate.Cache.When != "always" {
		t.Fatalf("%s: cache %+v, want one path under a key, saved always", gateName, gate.Cache)
	}
	cached := strings.TrimSuffix(gate.Cache.Paths[0], "/")
	if gate.Variables["BANGATE_LISTS_DIR"] != "$CI_PROJECT_DIR/"+cached {
		t.Errorf("%s: BANGATE_LISTS_DIR %q, want the cached $CI_PROJECT_DIR/%s", gateName, gate.Variables["BANGATE_LISTS_DIR"], cached)
	}

	// A job passes on 0, warns on an allowed exit code and fails otherwise.
	wantStatus := map[string]string{"fail": "failed", "review": "warning", "pass": "success",
		"review fails with fail-on review": "failed", "not an sbom": "failed", "bangate not installed": "failed",
		"repository tracks the list store": "failed"}
	// Every case restores the same cache: its store is shared (a link in
	// each project directory).
	mirror, store := ciMirror(t), t.TempDir()
	cases := append(slices.Clone(ciCases), ciCase{name: "repository tracks the list store", sbom: "sbom/clean.cdx.json"})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			binDir := ""
			if !tc.noBinary {
				binDir = bangateBinary(t)
			}
			dir := t.TempDir()
			copyExample(t, tc.sbom, dir, variables["SBOM"])
			if tc.name == "repository tracks the list store" {
				trackStore(t, dir, cached)
			} else if err := os.Symlink(store, filepath.Join(dir, cached)); err != nil {
				t.Fatal(err)
			}
			vars := map[string]string{"CI_PROJECT_DIR": dir, "GITLAB_CI": "true", "CI": "true"}
			maps.Copy(vars, mirrorEnv(mirror))
			for k, v := range variables {
				vars[k] = v
			}
			for k, v := range gate.Variables {
				vars[k] = os.Expand(v, func(k string) string { return vars[k] })
			}
			for k, v := range tc.extra {
				vars[k] = v
			}
			r := runShell(t, bashStep, gateScript, dir, ciEnv(t, binDir, vars))
			status := "failed"
			switch {
			case r.code == 0:
				status = "success"
			case slices.Contains(allowed, r.code):
				status = "warning"
			}
			if status != wantStatus[tc.name] {
				t.Fatalf("job %s (exit %d), want %s\nstdout: %.2000s\nstderr: %s", status, r.code, wantStatus[tc.name], r.stdout, r.stderr)
			}
			if tc.reports {
				checkReports(t, dir, files)
				checkStoreFilled(t, store, mirror)
			}
			if tc.name == "fail" {
				testMRNote(t, note, dir, filepath.Join(dir, files["markdown"]))
			}
			if tc.name == "repository tracks the list store" && (!strings.Contains(r.stdout, "the repository tracks "+cached) || strings.Contains(r.stdout, "outcome:")) {
				t.Errorf("a tracked list store: the job must stop before bangate runs\nstdout: %.2000s", r.stdout)
			}
		})
	}
}

// trackStore makes dir a git repository that tracks a list store of its
// own at store, as a repository that wants its own 12-entry SDN list would.
func trackStore(t *testing.T, dir, store string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, store, "lists", "ofac-sdn"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, store, "lists", "ofac-sdn", "current.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// testMRNote runs the note job's script in dir, where the gate job left its
// reports, against a stand-in for the GitLab API, and checks the note.
func testMRNote(t *testing.T, note glJob, dir, summary string) {
	t.Helper()
	want, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	type request struct {
		method, path, token, body string
	}
	var mu sync.Mutex
	var got []request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := r.ParseForm()
		mu.Lock()
		got = append(got, request{r.Method, r.URL.Path, r.Header.Get("PRIVATE-TOKEN"), r.PostForm.Get("body")})
		mu.Unlock()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id": 1}`)
	}))
	t.Cleanup(srv.Close)
	mr := map[string]string{
		"CI_PIPELINE_SOURCE": "merge_request_event", "CI_API_V4_URL": srv.URL + "/api/v4",
		"CI_PROJECT_ID": "4242", "CI_MERGE_REQUEST_IID": "17", "CI_PIPELINE_URL": "https://gitlab.example/p/-/pipelines/9",
		"CI_PROJECT_DIR": dir, "MR_NOTE_TOKEN": "test-token",
	}
	// post runs the note job and returns the requests the API saw.
	post := func() (shellRun, []request) {
		mu.Lock()
		got = nil
		mu.Unlock()
		r := runShell(t, bashStep, strings.Join(note.Script, "\n"), dir, ciEnv(t, "", mr))
		mu.Lock()
		defer mu.Unlock()
		return r, slices.Clone(got)
	}

	r, reqs := post()
	wantReq := request{http.MethodPost, "/api/v4/projects/4242/merge_requests/17/notes", "test-token", string(want)}
	if r.code != 0 || len(reqs) != 1 || reqs[0] != wantReq {
		t.Fatalf("note job: exit %d, requests %+v\nwant one: %+v\nstdout: %s\nstderr: %s", r.code, reqs, wantReq, r.stdout, r.stderr)
	}

	// Without a token the job says so and fails (it is allowed to fail),
	// without calling the API.
	delete(mr, "MR_NOTE_TOKEN")
	if r, reqs := post(); r.code == 0 || !strings.Contains(r.stdout, "MR_NOTE_TOKEN") || len(reqs) != 0 {
		t.Errorf("note job without a token: exit %d, %d requests, stdout %q", r.code, len(reqs), r.stdout)
	}

	// With no summary (the check wrote no report) a short note points to
	// the pipeline.
	mr["MR_NOTE_TOKEN"] = "test-token"
	if err := os.Remove(summary); err != nil {
		t.Fatal(err)
	}
	if r, reqs := post(); r.code != 0 || len(reqs) != 1 || !strings.Contains(reqs[0].body, mr["CI_PIPELINE_URL"]) {
		t.Errorf("note job without a summary: exit %d, requests %+v", r.code, reqs)
	}
}

func TestCheckShExample(t *testing.T) {
	t.Parallel()
	script := example("ci/check.sh")
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("sh", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("sh -n %s: %v\n%s", script, err, out)
	}
	if !bytes.HasPrefix(data, []byte("#!/bin/sh\n")) {
		t.Errorf("check.sh must start with #!/bin/sh")
	}
	files := reportFiles(t, string(data), map[string]string{"out": "reports"})
	for _, f := range []string{"json", "sarif", "junit", "markdown", "html"} {
		if files[f] == "" {
			t.Errorf("check.sh writes no %s report", f)
		}
	}
	wantCodes := map[string]int{"fail": 1, "review": 0, "pass": 0, "review fails with fail-on review": 1, "not an sbom": 2, "bangate not installed": 2}
	wantOut := map[string]string{"fail": "FAIL", "review": "WARNING: possible matches need review",
		"pass": "bangate: pass", "not an sbom": "could not be made", "bangate not installed": "could not run bangate"}
	cases := append(slices.Clone(ciCases), ciCase{name: "no input"})
	wantCodes["no input"], wantOut["no input"] = 2, "usage: check.sh"
	// One list store for every case, as one CI machine keeps it.
	mirror, store := ciMirror(t), t.TempDir()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			binDir := ""
			if !tc.noBinary {
				binDir = bangateBinary(t)
			}
			dir := t.TempDir()
			var args []string
			if tc.sbom != "" {
				copyExample(t, tc.sbom, dir, "app.cdx.json")
				args = []string{"app.cdx.json"}
			}
			vars := map[string]string{"REPORT_DIR": "reports"}
			maps.Copy(vars, mirrorEnv(mirror))
			vars["BANGATE_LISTS_DIR"] = store
			for k, v := range tc.extra {
				vars[k] = v
			}
			r := runShell(t, []string{"sh"}, string(data), dir, ciEnv(t, binDir, vars), args...)
			if r.code != wantCodes[tc.name] {
				t.Fatalf("exit %d, want %d\nstdout: %.2000s\nstderr: %s", r.code, wantCodes[tc.name], r.stdout, r.stderr)
			}
			if w := wantOut[tc.name]; !strings.Contains(r.stdout+r.stderr, w) {
				t.Errorf("output lacks %q\nstdout: %.2000s\nstderr: %s", w, r.stdout, r.stderr)
			}
			if !tc.reports {
				return
			}
			checkReports(t, dir, files)
			checkStoreFilled(t, store, mirror)
			if !strings.Contains(r.stdout, "outcome:") {
				t.Errorf("no text report on stdout: %.500s", r.stdout)
			}
		})
	}
}

// The table of files an air-gapped mirror serves (examples/ci/README.md)
// names every file bangate fetches, by its official name, with the address
// it is fetched from without a mirror: it cannot drift from the sources.
func TestCIMirrorTable(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(example("ci/README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\| ([a-z-]+) \\| (https://\\S+) \\|$")
	got := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		got[m[1]] = m[2] + " " + m[3]
	}
	want := map[string]string{}
	for _, s := range lists.DefaultUpdateSources() {
		for role, u := range s.URLs {
			want[s.Files[role]] = s.Meta.ID + " " + u
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("the mirror table of examples/ci/README.md:\n%v\nthe sources:\n%v", got, want)
	}
}
