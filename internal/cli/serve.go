package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/server"
	"github.com/bangate/bangate/internal/store"
)

const serveLong = `Serve the HTTP API: POST /v1/checks (an SBOM or procurement file; the
answer is the decision document of "check -o json" with its id and place in
the decision log), POST /v1/screen, GET /v1/decisions[/{id}], GET /v1/lists,
GET /v1/log[/verify], /metrics, /healthz, /readyz, and the OpenAPI 3.1
description at /openapi.json. It also serves a web page for people: sign in
with an API token at /signin, check a vendor or upload a file at /, resolve
possible matches at /reviews (a reviewer's clearing waives that party's
match with that list entry until the entry changes or --review-expiry ends),
search past decisions at /decisions, and see the lists at /lists.

Every decision is appended to a tamper-evident log before it is answered:
SQLite in --data-dir by default, PostgreSQL with --database postgres://… (for
several replicas). Requests need an API token ("bangate token create"); the
evidence key (--sign-key) signs each decision's evidence record and the
log's checkpoints. The lists are looked at every --list-refresh and swapped
in atomically when "data update" or "data import" changed them. SIGINT or
SIGTERM drains the checks under way and stops.`

const serveExample = `  bangate token create --data-dir /var/lib/bangate --role submitter --name erp
  bangate serve --data-dir /var/lib/bangate --sign-key release.key
  bangate serve --database postgres://bangate@db/bangate --addr :8443 --tls-cert cert.pem --tls-key key.pem
  curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @vendors.csv \
    'http://127.0.0.1:8080/v1/checks?as_of=2024-10-01'`

// storeKeys are the keys that locate the decision log and sign its
// checkpoints: the flags of the token and log commands.
var storeKeys = []string{"serve.data-dir", "serve.database", "evidence.sign-key", "serve.checkpoint-every", "log-level"}

func newServeCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "serve",
		Short:   "Serve checks over HTTP, with a tamper-evident decision log",
		Long:    serveLong,
		Example: serveExample,
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runServe(cmd, env) },
	}
	addConfigFlags(cmd)
	return cmd
}

// openLog opens the decision log the configuration names, with the
// evidence key (if any) signing its checkpoints.
func openLog(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.Log, *evidence.Signer, error) {
	if _, err := cfg.ValidateServe(true); err != nil {
		return nil, nil, err
	}
	var signer *evidence.Signer
	if cfg.Evidence.SignKey != "" {
		var err error
		if signer, err = evidence.LoadPrivateKey(cfg.Evidence.SignKey); err != nil {
			return nil, nil, err
		}
	}
	opts := store.Options{DataDir: cfg.Serve.DataDir, Database: cfg.Serve.Database, CheckpointEvery: cfg.Serve.CheckpointEvery, Log: log}
	if signer != nil {
		opts.Signer = signer
	}
	l, err := store.Open(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	return l, signer, nil
}

// newJSONLogger logs JSON lines at level (as newLogger reads it).
func newJSONLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelWarn
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

func runServe(cmd *cobra.Command, env *Env) error {
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg, settled, err := loadConfig(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	ss, err := cfg.ValidateServe(true)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	log := newJSONLogger(env.Stderr, cfg.LogLevel)
	var access *slog.Logger
	if cfg.Serve.AccessLog {
		access = newJSONLogger(env.Stderr, "info")
	}
	var tlsConfig *tls.Config
	if cfg.Serve.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(cfg.Serve.TLSCert, cfg.Serve.TLSKey)
		if err != nil {
			return withCode(decision.ExitError, fmt.Errorf("load TLS certificate %s: %w", cfg.Serve.TLSCert, err))
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	plan, err := newPlan(cfg, settled, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	plan.Input.MaxSize = min(plan.Input.MaxSize, ss.MaxRequestSize)
	l, signer, err := openLog(ctx, cfg, log)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	defer func() {
		if err := l.Close(context.Background()); err != nil {
			log.Error("close the decision log", "err", err)
		}
	}()
	opts := server.Options{Log: l, Plan: plan, Sources: sessionSources(cfg, plan, env, log), Signer: signer, Logger: log, AccessLog: access, Now: env.Now,
		TodayAsOf: cfg.AsOf == "", MaxRequestSize: ss.MaxRequestSize, AsyncSize: ss.AsyncSize, LogMaxInput: ss.LogMaxInput,
		RateLimit: cfg.Serve.RateLimit, RateBurst: cfg.Serve.RateBurst, MaxConcurrent: cfg.Serve.MaxConcurrent, ListRefresh: ss.ListRefresh,
		WebhookURL: cfg.Serve.WebhookURL, WebhookSecret: cfg.Serve.WebhookSecret, SessionTTL: ss.SessionTTL, ReviewExpiry: ss.ReviewExpiry}
	if signer != nil {
		if opts.EvidenceDir, err = evidenceStoreDir(cfg, env); err != nil {
			return withCode(decision.ExitError, err)
		}
	}
	srv, err := server.New(ctx, opts)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	ln, err := net.Listen("tcp", cfg.Serve.Addr)
	if err != nil {
		srv.Close()
		return withCode(decision.ExitError, fmt.Errorf("listen on %s: %w", cfg.Serve.Addr, err))
	}
	scheme := "http"
	if tlsConfig != nil {
		scheme = "https"
	}
	fmt.Fprintf(env.Stdout, "bangate serve: listening on %s://%s (decision log: %s)\n", scheme, ln.Addr(), l.Where())
	if err := srv.Serve(ctx, ln, tlsConfig, ss.ShutdownTimeout); err != nil {
		return withCode(decision.ExitError, err)
	}
	return nil
}

func newTokenCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Create, list and revoke the server's API tokens",
		Long: `API tokens authorise requests to "bangate serve" (Authorization: Bearer).
Each has a role: submitter (check, screen, read decisions and lists),
reviewer (the same; it will clear possible matches), auditor (read
decisions, the log's head and verification, metrics; submit nothing) or
admin (everything). Only a token's sha256 is stored.`,
	}
	create := &cobra.Command{
		Use:   "create",
		Short: "Create a token; it is printed once, alone on the last line",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			role, _ := cmd.Flags().GetString("role")
			name, _ := cmd.Flags().GetString("name")
			role, err := server.ParseRole(role)
			if err != nil {
				return withCode(decision.ExitError, fmt.Errorf("token create: --%w", err))
			}
			if name == "" {
				name = role
			}
			return withTokenStore(cmd, env, func(ctx context.Context, l *store.Log) error {
				secret, tok, err := l.CreateToken(ctx, name, role)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "token %s (%s, role %s) created; it is shown only now:\n%s\n", tok.ID, tok.Name, tok.Role, secret)
				return nil
			})
		},
	}
	create.Flags().String("role", "", "role of the token: submitter, reviewer, auditor or admin")
	create.Flags().String("name", "", "name of the token, shown as the actor of its decisions (default: the role)")
	_ = create.MarkFlagRequired("role")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the tokens (never their secrets)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withTokenStore(cmd, env, func(ctx context.Context, l *store.Log) error {
				ts, err := l.Tokens(ctx)
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tROLE\tCREATED\tREVOKED")
				for _, t := range ts {
					revoked := "-"
					if !t.Revoked.IsZero() {
						revoked = t.Revoked.Format(time.RFC3339)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Role, t.Created.Format(time.RFC3339), revoked)
				}
				return tw.Flush()
			})
		},
	}
	revoke := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a token (servers stop accepting it within seconds)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withTokenStore(cmd, env, func(ctx context.Context, l *store.Log) error {
				if err := l.RevokeToken(ctx, args[0]); err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "token %s revoked\n", args[0])
				return nil
			})
		},
	}
	for _, c := range []*cobra.Command{create, list, revoke} {
		addConfigFlags(c, storeKeys...)
	}
	cmd.AddCommand(create, list, revoke)
	return cmd
}

// withTokenStore opens the decision log of a token or log command, runs
// fn and closes it.
func withTokenStore(cmd *cobra.Command, env *Env, fn func(context.Context, *store.Log) error) error {
	cfg, _, err := loadConfig(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	ctx := cmd.Context()
	l, _, err := openLog(ctx, cfg, newJSONLogger(env.Stderr, cfg.LogLevel))
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	ferr := fn(ctx, l)
	cerr := l.Close(ctx)
	if err := errors.Join(ferr, cerr); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return withCode(decision.ExitError, err)
	}
	return nil
}

const logLong = `The decision log of "bangate serve": every decision, hash-chained to the one
before it, with checkpoints signed by the evidence key.

"log verify" walks the live log (--data-dir or --database), or an export
(--input FILE, with its manifest FILE.manifest.json when present), and exits
0 when intact, 1 naming the first altered, missing or reordered record, 2
when it could not check. With --key (the evidence public key) the
checkpoints' and the manifest's signatures are checked too: without it, a
log rewritten from some record on by someone who can write the database
cannot be told from the original.

"log export" writes the decisions in a time range as JSON Lines (one record
per line: every field, the documents as JSON strings, the input as base64)
and a manifest signed with the evidence key, for an auditor.`

func newLogCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{Use: "log", Short: "Verify and export the decision log", Long: logLong}
	verify := &cobra.Command{
		Use:   "verify",
		Short: "Verify the decision log, or an export of it",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runLogVerify(cmd, env) },
	}
	verify.Flags().String("input", "", "an export file (from log export) to verify instead of the live log")
	verify.Flags().String("manifest", "", "the export's manifest (default: INPUT.manifest.json when it exists)")
	verify.Flags().String("key", "", "evidence public key (PEM) the checkpoints and manifest must be signed with")
	export := &cobra.Command{
		Use:   "export",
		Short: "Export decisions as JSON Lines with a signed manifest",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runLogExport(cmd, env) },
	}
	export.Flags().String("since", "", "first day or time to export (YYYY-MM-DD or RFC 3339; default: the beginning)")
	export.Flags().String("until", "", "day or time to export up to, excluded (default: now)")
	export.Flags().StringP("output", "o", "", "export file to write; the manifest goes to OUTPUT.manifest.json")
	_ = export.MarkFlagRequired("output")
	for _, c := range []*cobra.Command{verify, export} {
		addConfigFlags(c, storeKeys...)
	}
	cmd.AddCommand(verify, export)
	return cmd
}

// manifestPath is where the manifest of an export file is written.
func manifestPath(export string) string { return export + ".manifest.json" }

func runLogVerify(cmd *cobra.Command, env *Env) error {
	input, _ := cmd.Flags().GetString("input")
	manifest, _ := cmd.Flags().GetString("manifest")
	keyPath, _ := cmd.Flags().GetString("key")
	var key *evidence.Verifier
	if keyPath != "" {
		var err error
		if key, err = evidence.LoadPublicKey(keyPath); err != nil {
			return withCode(decision.ExitError, err)
		}
	}
	verdict := func(rep store.Report, err error) error {
		if errors.Is(err, store.ErrBroken) {
			return withCode(decision.ExitFail, fmt.Errorf("log verify: %w", err))
		}
		if err != nil {
			return withCode(decision.ExitError, fmt.Errorf("log verify: %w", err))
		}
		fmt.Fprintf(env.Stdout, "intact: %d records", rep.Entries)
		if rep.Entries > 0 {
			fmt.Fprintf(env.Stdout, " (%d to %d), head %s", rep.First, rep.Last, rep.Head)
		}
		fmt.Fprintf(env.Stdout, "; %d checkpoints, %d signed", rep.Checkpoints, rep.Signed)
		if key != nil {
			fmt.Fprintf(env.Stdout, ", %d signatures verified", rep.Verified)
		} else if rep.Signed > 0 {
			fmt.Fprint(env.Stdout, " (signatures not checked: give --key)")
		}
		fmt.Fprintln(env.Stdout)
		return nil
	}
	if input == "" {
		if cmd.Flags().Changed("manifest") {
			return withCode(decision.ExitError, errors.New("log verify: --manifest goes with --input"))
		}
		return withTokenStore(cmd, env, func(ctx context.Context, l *store.Log) error {
			var opts store.VerifyOptions
			if key != nil {
				opts.Key = key
			}
			return verdict(l.Verify(ctx, opts))
		})
	}
	ctx := cmd.Context()
	var m *store.Manifest
	if manifest == "" {
		if _, err := os.Stat(manifestPath(input)); err == nil {
			manifest = manifestPath(input)
		}
	}
	if manifest != "" {
		data, err := os.ReadFile(manifest)
		if err != nil {
			return withCode(decision.ExitError, fmt.Errorf("log verify: read manifest: %w", unwrapPath(err)))
		}
		var pk store.PublicVerifier
		if key != nil {
			pk = key
		}
		got, _, err := store.OpenManifest(ctx, data, pk)
		if err != nil {
			return verdict(store.Report{}, fmt.Errorf("manifest %s: %w", manifest, err))
		}
		m = &got
	} else if key != nil {
		return withCode(decision.ExitError, fmt.Errorf("log verify: --key given but no manifest %s to check it against", manifestPath(input)))
	}
	f, err := os.Open(input)
	if err != nil {
		return withCode(decision.ExitError, fmt.Errorf("log verify: %w", err))
	}
	defer f.Close()
	var kv store.Verifier
	if key != nil {
		kv = key
	}
	return verdict(store.VerifyExport(ctx, f, m, kv))
}

func runLogExport(cmd *cobra.Command, env *Env) error {
	out, _ := cmd.Flags().GetString("output")
	var r store.ExportRange
	for _, b := range []struct {
		flag string
		t    *time.Time
	}{{"since", &r.Since}, {"until", &r.Until}} {
		v, _ := cmd.Flags().GetString(b.flag)
		if v == "" {
			continue
		}
		t, err := config.ParseAsOf(v, env.Now())
		if err != nil {
			return withCode(decision.ExitError, fmt.Errorf("log export: --%s %q: want YYYY-MM-DD or an RFC 3339 time", b.flag, v))
		}
		*b.t = t
	}
	cfg, _, err := loadConfig(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	return withTokenStore(cmd, env, func(ctx context.Context, l *store.Log) error {
		var signer store.Signer
		if cfg.Evidence.SignKey != "" {
			s, err := evidence.LoadPrivateKey(cfg.Evidence.SignKey)
			if err != nil {
				return err
			}
			signer = s
		}
		var m store.Manifest
		err := atomicfile.Write(out, 0o644, func(w io.Writer) error {
			var err error
			m, err = l.Export(ctx, w, r)
			return err
		})
		if errors.Is(err, store.ErrBroken) {
			return withCode(decision.ExitFail, fmt.Errorf("log export: the log does not verify, nothing exported: %w", err))
		}
		if err != nil {
			return fmt.Errorf("log export %s: %w", out, err)
		}
		sealed, err := store.SealManifest(ctx, m, signer)
		if err != nil {
			return err
		}
		if err := atomicfile.WriteBytes(manifestPath(out), 0o644, sealed); err != nil {
			return fmt.Errorf("log export: write manifest: %w", err)
		}
		signed := "unsigned (no evidence.sign-key)"
		if signer != nil {
			signed = "signed"
		}
		fmt.Fprintf(env.Stdout, "exported %d records (%d to %d) to %s; manifest %s, %s\n", m.Entries, m.FirstSeq, m.LastSeq,
			filepath.Clean(out), manifestPath(out), signed)
		return nil
	})
}
