package cli

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/policies"
)

// listStoreDir is the snapshot store: lists.dir, else the cache directory.
func listStoreDir(cfg config.Config, env *Env) (string, error) {
	if cfg.Lists.Dir != "" {
		return cfg.Lists.Dir, nil
	}
	if env.CacheDir != "" {
		return filepath.Join(env.CacheDir, "bangate", "lists"), nil
	}
	dir, err := lists.DefaultStoreDir()
	if err != nil {
		return "", fmt.Errorf("find the list store (set lists.dir): %w", err)
	}
	return dir, nil
}

func newDataCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "data",
		Short: "Show, update, import and compare the reference lists",
		Long: `The sanctions lists bangate screens against come from a snapshot store
(lists.dir; by default the user cache directory) filled by "data update"
(download the official files) or "data import" (files you brought), and,
for every list the store does not hold, from the snapshot embedded in the
binary. Every stored snapshot is kept by content, with its predecessor, so a
past decision can be replayed against the list it used.`,
	}
	cmd.PersistentFlags().String("lists-dir", "", "list snapshot store (default: the user cache directory)")
	cmd.AddCommand(newDataStatusCmd(env), newDataUpdateCmd(env), newDataImportCmd(env), newDataDiffCmd(env))
	return cmd
}

// dataConfig loads the configuration of a data command and finds the list
// store.
func dataConfig(cmd *cobra.Command, env *Env) (config.Config, config.Settled, string, error) {
	cfg, settled, err := loadConfig(cmd, env)
	if err != nil {
		return cfg, settled, "", err
	}
	dir, err := listStoreDir(cfg, env)
	return cfg, settled, dir, err
}

// openListStore opens the list store of a data command.
func openListStore(cmd *cobra.Command, env *Env) (*lists.Store, error) {
	_, _, dir, err := dataConfig(cmd, env)
	if err != nil {
		return nil, err
	}
	return lists.OpenStore(dir, env.Now)
}

func newDataStatusCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show every list: source, publication date, age, entries, digest",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, settled, _, err := dataConfig(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			ls, dir, err := loadLists(cfg, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			printStatus(env.Stdout, ls, dir, env.Now(), settled.MaxAge)
			return nil
		},
	}
}

func printStatus(w io.Writer, ls []*lists.List, dir string, now time.Time, maxAge time.Duration) {
	fmt.Fprintf(w, "store: %s\n\n", dir)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tPUBLISHED\tAGE\tENTRIES\tSHA256\tSOURCE")
	sort.Slice(ls, func(i, j int) bool { return ls[i].Provenance.ID < ls[j].Provenance.ID })
	for _, l := range ls {
		p := l.Provenance
		age := fmt.Sprintf("%dd", provenance.AgeDays(p, now))
		if p.Kind != provenance.KindBan && maxAge > 0 && provenance.CheckFresh(p, maxAge, now) != nil {
			age += " STALE"
		}
		src := p.SourceURL
		if p.Derived {
			src += " (derived)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", p.ID, p.Kind, p.Published.Format(time.DateOnly), age, p.Entries, short(p.SHA256), src)
	}
	_ = tw.Flush() // writes to w; printStatus reports nothing back
	for _, l := range ls {
		if l.Provenance.Note != "" {
			fmt.Fprintf(w, "\n%s: %s\n", l.Provenance.ID, l.Provenance.Note)
		}
	}
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func newDataUpdateCmd(env *Env) *cobra.Command {
	var baseURL string
	var timeout time.Duration
	var quiet bool
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download the official list files, verify them and store them atomically",
		Long: `Download the official list files (OFAC SDN and non-SDN, trade.gov's
Consolidated Screening List, the UN Security Council Consolidated List, the
EU financial sanctions list, the FCDO's UK Sanctions List), check that each
parses and is not much smaller than the snapshot it replaces, and store it;
the previous snapshot is kept for rollback and replay. A list that fails keeps
its current snapshot; the command then exits 2. With --base-url every file is
fetched from that base by its official name (SDN.CSV, consolidated.xml, ...).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := openListStore(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			sources := lists.DefaultUpdateSources()
			if baseURL != "" {
				sources = lists.RebaseAll(sources, baseURL)
			}
			client := env.HTTPClient
			if client == nil {
				client = &http.Client{Timeout: timeout}
			}
			if !quiet {
				client = withProgress(client, env.Stderr)
			}
			for _, s := range sources {
				fmt.Fprintf(env.Stderr, "updating %s (%d files) from %s\n", s.Meta.ID, len(s.URLs), s.Meta.SourceURL)
			}
			stored, err := store.Update(cmd.Context(), client, sources, lists.UpdateOptions{})
			for _, l := range stored {
				p := l.Provenance
				fmt.Fprintf(env.Stdout, "stored %s: %d entries, published %s, sha256 %s\n", p.ID, p.Entries, p.Published.Format(time.DateOnly), short(p.SHA256))
			}
			if err != nil {
				return withCode(decision.ExitError, fmt.Errorf("data update: %w", err))
			}
			prebuildIndex(cmd, env)
			return nil
		},
	}
	cmd.Flags().StringVar(&baseURL, "base-url", "", "download every file from this base URL by its official name (a mirror)")
	cmd.Flags().DurationVar(&timeout, "timeout", 5*time.Minute, "time limit for each download")
	cmd.Flags().BoolVar(&quiet, "quiet", false, "no progress display")
	return cmd
}

// roleOf tells an OFAC legacy CSV file's role from its file name.
func roleOf(path string) (string, error) {
	name := strings.ToLower(filepath.Base(path))
	switch name {
	case "sdn.csv", "cons_prim.csv":
		return lists.RolePrimary, nil
	case "alt.csv", "cons_alt.csv":
		return lists.RoleAlt, nil
	case "add.csv", "cons_add.csv":
		return lists.RoleAdd, nil
	case "sdn_comments.csv", "cons_comments.csv":
		return lists.RoleComments, nil
	}
	return "", fmt.Errorf("import %s: not an OFAC legacy CSV file name (sdn.csv, alt.csv, add.csv, sdn_comments.csv or the cons_ ones)", path)
}

func newDataImportCmd(env *Env) *cobra.Command {
	var id, published string
	var allowShrink bool
	cmd := &cobra.Command{
		Use:   "import [flags] FILE...",
		Short: "Store list files you brought (offline), with the same checks as update",
		Example: `  bangate data import --id ofac-sdn --published 2026-11-20 sdn.csv alt.csv add.csv sdn_comments.csv
  bangate data import --id ofac-cons --published 2026-11-20 cons_prim.csv cons_alt.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			if id == "" {
				return withCode(decision.ExitError, fmt.Errorf("data import: --id is required (ofac-sdn or ofac-cons)"))
			}
			if published == "" {
				return withCode(decision.ExitError, errors.New("data import: --published is required: the files carry no date, and a list's age is counted from the day its publisher issued it (YYYY-MM-DD)"))
			}
			t, err := time.Parse(time.DateOnly, published)
			if err != nil {
				return withCode(decision.ExitError, fmt.Errorf("data import: --published %q: want YYYY-MM-DD", published))
			}
			// The source is what was imported: every file by name, not a
			// URL nobody fetched.
			names := make([]string, len(files))
			for i, f := range files {
				names[i] = filepath.Base(f)
			}
			meta := provenance.List{ID: id, Kind: provenance.KindSanctions, Published: t, SourceURL: "import:" + strings.Join(names, ","),
				Note: "imported with bangate data import from " + strings.Join(names, ", ")}
			spec := lists.ImportSpec{Meta: meta, Format: lists.FormatOFACLegacy, Files: map[string]lists.Source{}, AllowShrink: allowShrink}
			for _, f := range files {
				role, err := roleOf(f)
				if err != nil {
					return withCode(decision.ExitError, err)
				}
				if _, dup := spec.Files[role]; dup {
					return withCode(decision.ExitError, fmt.Errorf("data import: two files for role %s", role))
				}
				data, err := os.ReadFile(f)
				if err != nil {
					return withCode(decision.ExitError, fmt.Errorf("data import: %w", err))
				}
				spec.Files[role] = lists.Source{Name: f, R: strings.NewReader(string(data))}
			}
			store, err := openListStore(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			l, err := store.Import(spec)
			if err != nil {
				return withCode(decision.ExitError, fmt.Errorf("data import: %w", err))
			}
			p := l.Provenance
			fmt.Fprintf(env.Stdout, "stored %s: %d entries, published %s, sha256 %s\n", p.ID, p.Entries, p.Published.Format(time.DateOnly), short(p.SHA256))
			prebuildIndex(cmd, env)
			return nil
		},
	}
	cmd.Flags().StringVar(&id, "id", "", "list ID: ofac-sdn or ofac-cons")
	cmd.Flags().StringVar(&published, "published", "", "publication date of the files, as their publisher dated them (YYYY-MM-DD; required)")
	cmd.Flags().BoolVar(&allowShrink, "allow-shrink", false, "accept a list much smaller than the one it replaces")
	return cmd
}

func newDataDiffCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "diff ID",
		Short: "Show entries added, removed and changed between a list's previous and current snapshot",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openListStore(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			cur, err := store.Load(args[0])
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			old, err := store.Previous(args[0])
			if errors.Is(err, lists.ErrNotStored) {
				return withCode(decision.ExitError, fmt.Errorf("data diff %s: no previous snapshot to compare with: the store keeps one from the second update or import of a list on", args[0]))
			}
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			d := lists.Diff(old, cur)
			fmt.Fprintf(env.Stdout, "%s: %s (%d entries) -> %s (%d entries)\n", args[0],
				old.Provenance.Published.Format(time.DateOnly), old.Provenance.Entries, cur.Provenance.Published.Format(time.DateOnly), cur.Provenance.Entries)
			for _, set := range []struct {
				sign    string
				entries []lists.Entry
			}{{"+", d.Added}, {"-", d.Removed}, {"~", d.Changed}} {
				for _, e := range set.entries {
					fmt.Fprintf(env.Stdout, "%s %s %s [%s]\n", set.sign, e.ID, e.Name, strings.Join(e.Programs, " "))
				}
			}
			fmt.Fprintf(env.Stdout, "%d added, %d removed, %d changed\n", len(d.Added), len(d.Removed), len(d.Changed))
			return nil
		},
	}
}

// listSources says where the lists in force come from: the ban lists of
// the built-in bundle and of the user's policy directories, and the
// sanctions lists of the store (or the embedded snapshot).
func listSources(cfg config.Config, env *Env) (check.ListSources, error) {
	dir, err := listStoreDir(cfg, env)
	return check.ListSources{Builtin: policies.FS, UserDirs: cfg.Policy.Dirs, StoreDir: dir, Now: env.Now}, err
}

// loadLists loads every list in force; it returns the store directory too.
func loadLists(cfg config.Config, env *Env) ([]*lists.List, string, error) {
	src, err := listSources(cfg, env)
	if err != nil {
		return nil, "", err
	}
	ls, err := src.Load()
	return ls, src.StoreDir, err
}

// prebuildIndex indexes the lists in force once a data command has
// changed them and caches the index (lists.index-cache), so that the next
// check starts at once. The lists are stored whatever happens here: a
// failure is only logged, and the next check meets it again.
func prebuildIndex(cmd *cobra.Command, env *Env) {
	cfg, settled, err := loadConfig(cmd, env)
	if err != nil || !cfg.Lists.IndexCache {
		return
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	plan, err := newPlan(cfg, settled, env)
	if err == nil {
		err = check.WarmIndex(plan, sessionSources(cfg, plan, env, log))
	}
	if err != nil {
		log.Warn("lists not indexed ahead of the next check", "err", err)
	}
}
