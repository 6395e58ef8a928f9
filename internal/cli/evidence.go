package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
)

const evidenceLong = `Audit evidence: "bangate check --evidence FILE" writes an in-toto Statement v1
in a DSSE envelope whose subjects are the inputs (sha256) and whose predicate
records the tool, the policy bundle, every list snapshot, the waivers, the
configuration, as_of and the full decision. An input with no hit gets a
no-hit certificate naming the parties screened and the lists. Records are
signed with an Ed25519 key (--sign-key, BANGATE_EVIDENCE_SIGN_KEY) or, without
one, bound only by their digest, and say so.

The evidence store (evidence.dir) keeps every record and, content-addressed,
the policy files, list snapshots and inputs it references, so that "replay"
re-runs the check on the same data years later.`

const evidenceExample = `  bangate evidence keygen release-signing
  bangate check --evidence app.intoto.json --sign-key release-signing.key app.cdx.json
  bangate evidence verify app.intoto.json --key release-signing.pub --input app.cdx.json
  bangate evidence replay app.intoto.json
  bangate evidence ls
  bangate evidence show 3f2a9c1e`

func newEvidenceCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "evidence",
		Short:   "Create keys for, verify, replay, list and show audit evidence records",
		Long:    evidenceLong,
		Example: evidenceExample,
	}
	cmd.AddCommand(newEvidenceKeygenCmd(env), newEvidenceVerifyCmd(env), newEvidenceReplayCmd(env),
		newEvidenceLsCmd(env), newEvidenceShowCmd(env))
	return cmd
}

func newEvidenceKeygenCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "keygen [PREFIX]",
		Short: "Write an Ed25519 key pair: PREFIX.key (mode 0600) and PREFIX.pub",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			prefix := "bangate-evidence"
			if len(args) == 1 {
				prefix = args[0]
			}
			if err := evidence.WriteKeyPair(prefix+".key", prefix+".pub"); err != nil {
				return withCode(decision.ExitError, err)
			}
			fmt.Fprintf(env.Stdout, "private key: %s (keep it secret)\npublic key: %s\n", prefix+".key", prefix+".pub")
			return nil
		},
	}
}

// evidenceExit maps an evidence error to 1 (does not hold) or 2 (could
// not check).
func evidenceExit(err error) error {
	if evidence.IsInvalid(err) {
		return withCode(decision.ExitFail, err)
	}
	return withCode(decision.ExitError, err)
}

func newEvidenceVerifyCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify FILE",
		Short: "Verify a record's signature (or digest), form and, given them, its inputs",
		Long: `Verify checks an evidence record: the Ed25519 signature with --key (an
unsigned record with --digest, the digest kept elsewhere), the envelope, the
statement and the predicate, and that every --input still has the digest the
record names. Exit 0 valid, 1 invalid (the reason is printed), 2 could not
check (no key, unreadable record, unknown predicate version, wrong key type).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			keyPath, _ := cmd.Flags().GetString("key")
			digest, _ := cmd.Flags().GetString("digest")
			inputPaths, _ := cmd.Flags().GetStringArray("input")
			rec, err := openRecord(args[0])
			if err != nil {
				return evidenceExit(err)
			}
			opts := evidence.VerifyOptions{Digest: digest}
			if keyPath != "" {
				if opts.Key, err = evidence.LoadPublicKey(keyPath); err != nil {
					return withCode(decision.ExitError, err)
				}
			}
			if opts.Inputs, err = readInputFiles(inputPaths); err != nil {
				return withCode(decision.ExitError, err)
			}
			rep, err := evidence.Verify(cmd.Context(), rec, opts)
			if err != nil {
				return evidenceExit(err)
			}
			fmt.Fprintf(env.Stdout, "valid: record %s\n", rep.ID)
			for _, c := range rep.Checks {
				fmt.Fprintf(env.Stdout, "  %s\n", c)
			}
			return nil
		},
	}
	cmd.Flags().String("key", "", "public key (PEM) the record must be signed with")
	cmd.Flags().String("digest", "", "expected record digest (sha256), for an unsigned record")
	cmd.Flags().StringArray("input", nil, "input file to compare with the record's subjects (repeatable)")
	return cmd
}

func newEvidenceReplayCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "replay FILE|ID",
		Short: "Re-run a recorded check on the recorded policies, lists and inputs",
		Long: `Replay re-runs the check a record describes with today's code, on the
recorded policy bundle, list snapshots, waivers, configuration and as_of,
and the recorded inputs (from the evidence store, or --input), and says
whether it reaches the same decision, with a diff if not. Exit 0 same, 1
different (or a stored copy was tampered with), 2 could not replay (a
snapshot, policy file or input no longer available, named).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, st, rec, err := openRecordCmd(cmd, env, args[0])
			if err != nil {
				return err
			}
			inputPaths, _ := cmd.Flags().GetStringArray("input")
			given, err := readInputFiles(inputPaths)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			listsDir, err := listStoreDir(cfg, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			res, err := evidence.Replay(cmd.Context(), rec, st, evidence.ReplayOptions{ListsDir: listsDir, Inputs: given, Tool: toolInfo(), Cache: env.Sessions})
			if err != nil {
				return evidenceExit(err)
			}
			for _, id := range sortedKeys(res.ListSources) {
				fmt.Fprintf(env.Stdout, "list %s: from the %s\n", id, res.ListSources[id])
			}
			if res.Same {
				fmt.Fprintf(env.Stdout, "same decision: %s (exit %d), as recorded in %s\n", rec.Predicate.Outcome, res.ExitCode, rec.ID)
				return nil
			}
			fmt.Fprintf(env.Stdout, "different decision: recorded exit %d, replayed exit %d\n", res.RecordedExit, res.ExitCode)
			for _, d := range res.Diffs {
				fmt.Fprintf(env.Stdout, "%s (- recorded, + replayed):\n%s\n", d.Path, d.Diff)
			}
			return withCode(decision.ExitFail, nil)
		},
	}
	cmd.Flags().StringArray("input", nil, "input file to use instead of the stored copy (repeatable)")
	addStoreFlags(cmd)
	return cmd
}

func newEvidenceLsCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List the records in the evidence store (ID, date, outcome, kind, inputs)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := evidenceConfig(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			st, err := openEvidenceStore(cfg, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			ids, err := st.RecordIDs()
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			if len(ids) == 0 {
				fmt.Fprintf(env.Stdout, "no records in %s\n", st.Dir())
				return nil
			}
			fmt.Fprintln(env.Stdout, evidence.SummaryHeader)
			// An unreadable record is reported and the others still listed.
			var bad error
			for _, id := range ids {
				b, _, err := st.FindRecord(id)
				if err == nil {
					var rec *evidence.Record
					if rec, err = evidence.Open(b, id); err == nil {
						err = evidence.RenderSummary(env.Stdout, evidence.Summarize(rec))
					}
				}
				if err != nil {
					printErr(env.Stderr, err)
					bad = err
				}
			}
			if bad != nil {
				return withCode(decision.ExitError, nil)
			}
			return nil
		},
	}
	addStoreFlags(cmd)
	return cmd
}

func newEvidenceShowCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Print a record in the human text format (without verifying it)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, _, rec, err := openRecordCmd(cmd, env, args[0])
			if err != nil {
				return err
			}
			if err := evidence.RenderText(env.Stdout, rec); err != nil {
				return withCode(decision.ExitError, err)
			}
			return nil
		},
	}
	addStoreFlags(cmd)
	return cmd
}

// addStoreFlags adds the flags of the keys that locate the stores.
func addStoreFlags(cmd *cobra.Command) {
	for _, k := range config.Keys() {
		if k.Name == "evidence.dir" || k.Name == "lists.dir" {
			cmd.Flags().String(k.Flag, "", k.Help)
		}
	}
}

func evidenceConfig(cmd *cobra.Command, env *Env) (config.Config, error) {
	cfg, _, err := loadConfig(cmd, env)
	return cfg, err
}

// evidenceStoreDir is evidence.dir, or bangate/evidence under the cache
// directory.
func evidenceStoreDir(cfg config.Config, env *Env) (string, error) {
	if cfg.Evidence.Dir != "" {
		return cfg.Evidence.Dir, nil
	}
	base := env.CacheDir
	if base == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("find the evidence store (set evidence.dir): %w", err)
		}
		base = d
	}
	return filepath.Join(base, "bangate", "evidence"), nil
}

func openEvidenceStore(cfg config.Config, env *Env) (*evidence.Store, error) {
	dir, err := evidenceStoreDir(cfg, env)
	if err != nil {
		return nil, err
	}
	return evidence.OpenStore(dir)
}

func openRecord(path string) (*evidence.Record, error) {
	b, err := readLimitedFile(path, evidence.MaxRecordSize)
	if err != nil {
		return nil, err
	}
	return evidence.Open(b, path)
}

// openRecordOrID opens a record file or, when no such file exists, the
// stored record whose ID starts with arg.
func openRecordOrID(st *evidence.Store, arg string) (*evidence.Record, error) {
	if _, err := os.Stat(arg); err == nil {
		return openRecord(arg)
	}
	b, id, err := st.FindRecord(arg)
	if err != nil {
		return nil, err
	}
	return evidence.Open(b, id)
}

func readInputFiles(paths []string) ([]evidence.InputFile, error) {
	var out []evidence.InputFile
	for _, p := range paths {
		b, err := readLimitedFile(p, 1<<34)
		if err != nil {
			return nil, err
		}
		out = append(out, evidence.InputFile{Path: p, Data: b})
	}
	return out, nil
}

func readLimitedFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("read %s: larger than %d bytes", path, max)
	}
	return b, nil
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writeEvidence writes the evidence record of a finished check to
// evidence.file and the evidence store, when evidence.file is set. It
// does not change the check's exit code unless it fails.
func writeEvidence(ctx context.Context, env *Env, cfg config.Config, sess *check.Session, run *check.Run) error {
	if cfg.Evidence.File == "" {
		return nil
	}
	var signer *evidence.Signer
	if cfg.Evidence.SignKey != "" {
		var err error
		if signer, err = evidence.LoadPrivateKey(cfg.Evidence.SignKey); err != nil {
			return err
		}
	}
	st, err := openEvidenceStore(cfg, env)
	if err != nil {
		return err
	}
	record, _, err := evidence.Write(ctx, st, evidence.Check{Session: sess, Run: run, CheckedAt: env.Now()}, signer)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(cfg.Evidence.File, 0o644, record); err != nil {
		return fmt.Errorf("write evidence %s: %w", cfg.Evidence.File, err)
	}
	return nil
}

// openRecordCmd loads the configuration, opens the evidence store and the
// record named by arg (a record ID or a file); its error carries the exit
// code.
func openRecordCmd(cmd *cobra.Command, env *Env, arg string) (config.Config, *evidence.Store, *evidence.Record, error) {
	cfg, err := evidenceConfig(cmd, env)
	if err != nil {
		return cfg, nil, nil, withCode(decision.ExitError, err)
	}
	st, err := openEvidenceStore(cfg, env)
	if err != nil {
		return cfg, nil, nil, withCode(decision.ExitError, err)
	}
	rec, err := openRecordOrID(st, arg)
	if err != nil {
		return cfg, st, nil, evidenceExit(err)
	}
	return cfg, st, rec, nil
}
