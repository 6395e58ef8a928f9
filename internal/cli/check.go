package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/report"
)

const checkLong = `Check SBOMs (CycloneDX and SPDX in every encoding) and procurement records
(vendor and purchase files: CSV, JSON, YAML, OCDS), detected by content,
against the built-in policy bundle and your own, after screening every named
party against the ban lists and the sanctions lists.

Before the check, each sanctions list the profile applies that was fetched
longer ago than lists.update-after (24h) is refreshed from its source
(lists.base-url, else the publisher) into the list store; --offline skips
that. A list older than lists.max-age (14 days) never lets a check pass.

Inputs are files, directories or - for standard input. In a directory every
SBOM and vendor file below is checked; anything else (a README, a hidden
file, a link out of the tree) is reported as skipped. Each input is decided;
the exit code is the worst: 2 could not check > 1 fail > 3 needs review >
0 pass.

Reports: -o FORMAT[=FILE], repeatable. On standard output the text report is a
summary that fits on a screen: the outcome, the lists with their age, one row
per finding (severity, rule, subject, list entry and score, line, field), then
once per rule its authority and explanation. --verbose (-v) prints the full
report instead: every detail of every finding. A text report written to a file
(-o text=FILE) is always the full one, because a file is what an audit keeps.
--color auto|always|never: auto colours a terminal unless NO_COLOR is set or
TERM=dumb. On a terminal, a check that takes more than a second shows its
progress on standard error.

Configuration: the file you name (--config FILE or BANGATE_CONFIG=FILE)
applies whole. Without one, a bangate.yaml in the working directory is read,
but it may belong to the repository under scan: only its settings that make
the gate stricter apply (a lower --fail-on, lower thresholds, a shorter list
age, presentation); profile, as-of, policy.dirs, lists.dir, waivers, outputs
and the rest are not applied, and every report and a warning on standard
error say which. Every report names each config file and user policy file
with its sha256.

Policies (--policy DIR): your rule sets are packages bangate.rules.<set>
with a set name of your own, your lists and profiles new entries of
bangate.lists and bangate.profiles; anything else under bangate (the
decision, the libraries, a built-in rule set or list) is refused (exit 2).
Network, clock and randomness built-ins (http.send, net.lookup_ip_addr,
time.now_ns, ...) do not compile unless --allow-builtin names them. Each
input's evaluation stops with exit 2 at --policy-timeout (10s) or when the
heap has grown by --policy-max-memory (1GiB).

Waivers (--waivers FILE) select by purl (exact, or a glob ending in /* or
@*), by hash (sha256:HEX ...), or, for a procurement record, by vendor with
name; a ref or a name alone, or a bare purl prefix, is refused. A waiver of
a blocked person or frozen assets (ofac-sdn-blocked, ofac-50-percent-rule,
the asset-freeze rules) needs licence: ...; reports list such waivers first.`

const checkExample = `  bangate check app.cdx.json
  bangate check -v app.cdx.json                    # the full text report
  bangate check --as-of 2024-10-01 sboms/
  bangate check --ownership owners.csv vendors.csv
  bangate check -o text -o json=decision.json --waivers waivers.yaml app.spdx.json
  syft -o cyclonedx-json . | bangate check -`

func newCheckCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "check [flags] INPUT...",
		Short:   "Check SBOMs against ban lists, sanctions lists and policies",
		Long:    checkLong,
		Example: checkExample,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return withCode(decision.ExitError, errors.New("check: no input given: name SBOM or vendor files, directories, or - for standard input (bangate check --help)"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, env, args)
		},
	}
	addConfigFlags(cmd)
	return cmd
}

// addConfigFlags adds a flag for every configuration key that has one, or,
// when only is given, for those keys only.
func addConfigFlags(cmd *cobra.Command, only ...string) {
	fs := cmd.Flags()
	for _, k := range config.Keys() {
		if k.Flag == "" || (len(only) > 0 && !slices.Contains(only, k.Name)) {
			continue
		}
		switch d := k.Default.(type) {
		case string:
			fs.String(k.Flag, d, k.Help)
		case []string:
			if k.Flag == "output" {
				fs.StringArrayP(k.Flag, "o", d, k.Help)
			} else {
				fs.StringArray(k.Flag, d, k.Help)
			}
		case float64:
			fs.Float64(k.Flag, d, k.Help)
		case int:
			fs.Int(k.Flag, d, k.Help)
		case bool:
			if k.Flag == "verbose" {
				fs.BoolP(k.Flag, "v", d, k.Help)
			} else {
				fs.Bool(k.Flag, d, k.Help)
			}
		}
	}
}

// output is one requested report.
type output struct {
	format string
	path   string // "" for stdout
	r      report.Renderer
}

func runCheck(cmd *cobra.Command, env *Env, args []string) error {
	ctx := cmd.Context()
	cfg, settled, files, err := loadConfigFiles(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	outputs, err := parseOutputs(cfg.Output)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	for i := range outputs {
		if outputs[i].format == report.FormatText && outputs[i].path == "" {
			outputs[i].r = stdoutText(cfg, env)
		}
	}
	prog := newCheckProgress(env)
	defer prog.stop()
	plan, err := newPlan(cfg, settled, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	plan.Config = files
	// Read and parse the inputs while the session compiles the policies
	// and loads the lists: all three are independent. The session is
	// opened as soon as the lists are loaded, so that the inputs are
	// screened while the policies still compile; only evaluation waits
	// for them.
	keep := cfg.Evidence.File != "" // Input.Data is needed again only for evidence
	start := time.Now()
	parsing := make(chan []check.Input, 1)
	// Large files are read outside the Go heap (the collector's target
	// does not count them), and freed once the reports are written.
	release := func() {}
	go func() {
		inputs, free := check.ReadInputsOffHeap(args, env.Stdin, plan.Input.MaxSize)
		release = free
		log.Debug("inputs read", "took", time.Since(start))
		for i := range inputs {
			inputs[i] = check.Parse(plan, inputs[i])
			if !keep && inputs[i].Parsed() {
				inputs[i].Data = nil
			}
		}
		log.Debug("inputs parsed", "took", time.Since(start))
		parsing <- inputs
	}()
	refreshLists(ctx, cfg, settled, plan, env, log)
	sess, err := check.OpenSession(ctx, plan, sessionSources(cfg, plan, env, log))
	inputs := <-parsing
	defer release()
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	progress := func(p check.Progress) {
		log.Debug("input stage", "input", p.Path, "stage", p.Stage, "took", time.Since(start))
		prog.update(p)
	}
	run := sess.RunWith(ctx, inputs, check.RunOptions{Progress: progress, NoLookups: true})
	prog.stop()
	if err := sess.Ready(); err != nil {
		// The policies did not compile: the run decided nothing.
		return withCode(decision.ExitError, err)
	}
	if w := sess.StaleWarning(); w != "" {
		log.Warn("stale list", "err", w)
	}
	d := run.Decision
	log.Info("checked", "inputs", len(d.Inputs), "outcome", d.Outcome, "exit", d.ExitCode)

	for _, o := range outputs {
		if err := writeOutput(env.Stdout, o, d); err != nil {
			return withCode(decision.ExitError, err)
		}
	}
	log.Debug("reports written", "took", time.Since(start))
	if err := writeEvidence(ctx, env, cfg, sess, run); err != nil {
		return withCode(decision.ExitError, err)
	}
	for _, in := range d.Inputs {
		if in.Error != "" {
			printErr(env.Stderr, errors.New(in.Error))
		}
	}
	for _, e := range d.Errors {
		printErr(env.Stderr, errors.New(e))
	}
	if d.ExitCode == decision.ExitPass {
		return nil
	}
	return withCode(d.ExitCode, nil)
}

// parseOutputs reads FORMAT[=FILE] values and checks, before any work is
// done, that every format exists and every file can be written.
func parseOutputs(specs []string) ([]output, error) {
	var out []output
	stdout := 0
	seen := map[string]bool{}
	for _, s := range specs {
		format, path, _ := strings.Cut(s, "=")
		r, err := report.New(format)
		if err != nil {
			return nil, fmt.Errorf("output %q: %w", s, err)
		}
		if path == "" || path == "-" {
			stdout++
			path = ""
		} else {
			abs, _ := filepath.Abs(path)
			if seen[abs] {
				return nil, fmt.Errorf("output %q: file %s is named twice", s, path)
			}
			seen[abs] = true
			if err := checkWritable(path); err != nil {
				return nil, fmt.Errorf("output %q: %w", s, err)
			}
		}
		out = append(out, output{format: format, path: path, r: r})
	}
	if stdout > 1 {
		return nil, fmt.Errorf("output: %d formats to standard output; give all but one a file (FORMAT=FILE)", stdout)
	}
	return out, nil
}

// checkWritable proves a report can be written at path without touching
// what is there: a file or a new one in a directory that takes files, or a
// device, FIFO, socket or descriptor alias (/dev/stdout), which the report
// is written through. Errors name path, never a probe file.
func checkWritable(path string) error {
	return atomicfile.CheckWritable(path)
}

func writeOutput(stdout io.Writer, o output, run *decision.Run) error {
	if o.path == "" {
		if err := o.r.Render(stdout, run); err != nil {
			return fmt.Errorf("render %s: %w", o.format, err)
		}
		return nil
	}
	if err := atomicfile.Write(o.path, 0, func(w io.Writer) error { return o.r.Render(w, run) }); err != nil {
		return fmt.Errorf("write %s report %s: %w", o.format, o.path, err)
	}
	return nil
}
