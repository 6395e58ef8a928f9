package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/internal/report"
	"github.com/bangate/bangate/policies"
)

const checkLong = `Check SBOMs (CycloneDX, SPDX; detected by content) against the built-in
policy bundle and your own, after screening every named party against the ban
lists and the sanctions lists.

Inputs are files, directories (every file below) or - for standard input. Each
input is decided; the exit code is the worst: 2 could not check > 1 fail >
3 needs review > 0 pass.`

const checkExample = `  bangate check app.cdx.json
  bangate check --as-of 2024-10-01 sboms/
  bangate check -o text -o json=decision.json --waivers waivers.yaml app.spdx.json
  syft -o cyclonedx-json . | bangate check -`

func newCheckCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "check [flags] INPUT...",
		Short:   "Check SBOMs against ban lists, sanctions lists and policies",
		Long:    checkLong,
		Example: checkExample,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, env, args)
		},
	}
	addConfigFlags(cmd)
	return cmd
}

// addConfigFlags adds a flag for every configuration key that has one.
func addConfigFlags(cmd *cobra.Command) {
	fs := cmd.Flags()
	for _, k := range config.Keys() {
		if k.Flag == "" {
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
			fs.Bool(k.Flag, d, k.Help)
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
	cfg, settled, err := loadConfig(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	outputs, err := parseOutputs(cfg.Output)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	waivers, err := policy.LoadWaivers(cfg.Waivers)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	// Compile the policies while the lists load and index: both are fixed
	// costs of every run, and independent.
	type compiled struct {
		engine *policy.Engine
		err    error
	}
	compiling := make(chan compiled, 1)
	go func() {
		e, err := policy.New(ctx, policy.Options{BuiltIn: policies.FS, UserDirs: cfg.Policy.Dirs, Waivers: policy.WaiverData(waivers)})
		compiling <- compiled{e, err}
	}()
	ownership, err := readOwnership(cfg.Procurement)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	opts := check.Options{
		Profile: cfg.Profile, AsOf: settled.AsOf, AllComponents: cfg.Policy.Input == "all",
		MaxListed: cfg.Coverage.MaxListed, Kind: cfg.Input.Kind, Embargo: cfg.Procurement.Embargo,
		Procurement: procurement.Options{Columns: cfg.Procurement.Columns, Encoding: cfg.Procurement.Encoding},
		Ownership:   ownership,
	}
	// Read and parse the inputs too while the lists load.
	parsing := make(chan []check.Input, 1)
	go func() {
		inputs := check.ReadInputs(args, env.Stdin, settled.MaxSize)
		for i := range inputs {
			inputs[i] = check.Prepare(inputs[i], opts)
			if cfg.Evidence.File == "" {
				inputs[i].Data = nil // the bytes are needed again only for evidence
			}
		}
		parsing <- inputs
	}()
	scr, err := loadScreening(cfg, env, settled.MaxAge, log)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	c := <-compiling
	if c.err != nil {
		return withCode(decision.ExitError, c.err)
	}
	engine := c.engine
	checker := check.New(engine, scr, opts)
	inputs := <-parsing
	pending := prepareEvidence(cfg, checker, inputs)
	run := checker.Run(ctx, inputs, toolInfo())
	check.Finish(run, check.Gate{Waivers: waivers, AsOf: settled.AsOf, WaiverWarnDays: cfg.WaiverWarnDays,
		FailOn: cfg.FailOn, WaiverFail: cfg.WaiverFail})
	log.Info("checked", "inputs", len(run.Inputs), "outcome", run.Outcome, "exit", run.ExitCode)

	for _, o := range outputs {
		if err := writeOutput(env.Stdout, o, run); err != nil {
			return withCode(decision.ExitError, err)
		}
	}
	if err := writeEvidence(ctx, env, checkEvidence{cfg: cfg, settled: settled, checker: checker, engine: engine,
		screening: scr, waivers: waivers, inputs: inputs, run: run, pending: pending}); err != nil {
		return withCode(decision.ExitError, err)
	}
	for _, in := range run.Inputs {
		if in.Error != "" {
			printErr(env.Stderr, fmt.Errorf("%s", in.Error))
		}
	}
	if run.ExitCode == decision.ExitPass {
		return nil
	}
	return withCode(run.ExitCode, nil)
}

// readOwnership reads the ownership file, if one is configured.
func readOwnership(cfg config.ProcurementConfig) ([]procurement.Edge, error) {
	if cfg.Ownership == "" {
		return nil, nil
	}
	f, err := os.Open(cfg.Ownership)
	if err != nil {
		return nil, fmt.Errorf("read ownership %s: %w", cfg.Ownership, err)
	}
	defer f.Close()
	edges, err := procurement.ReadOwnership(f, cfg.Ownership, procurement.Options{Encoding: cfg.Encoding})
	if err != nil {
		return nil, fmt.Errorf("read ownership %s: %w", cfg.Ownership, err)
	}
	return edges, nil
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
