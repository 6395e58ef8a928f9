package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/policy"
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

// statusKeys are the configuration keys data status reads: which lists
// the profile applies, how old they may be, when they are refreshed, and
// where the index cache is.
var statusKeys = []string{"profile", "policy.dirs", "lists.max-age", "lists.update-after", "lists.offline", "lists.base-url",
	"lists.index-cache", "screen.match", "screen.review"}

func newDataStatusCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show every list: source used, published, fetched, age, next refresh, entries, digest; and the index cache",
		Long: `Show every list in force: where it came from (the address actually fetched,
a mirror's when lists.base-url was set, or the snapshot embedded in bangate),
its publication date as the source declares it, when it was fetched, its age
(STALE past lists.max-age, for the lists the profile applies), when the next
check refreshes it (lists.update-after), its entries and sha256; then the
screening index cached for these lists.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, settled, dir, err := dataConfig(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			ls, _, err := loadLists(cfg, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			st, err := statusOf(cfg, settled, dir, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			printStatus(env.Stdout, ls, st)
			return nil
		},
	}
	addConfigFlags(cmd, statusKeys...)
	return cmd
}

// status is what data status knows besides the lists.
type status struct {
	dir      string
	now      time.Time
	settled  config.Settled
	offline  bool
	scope    policy.ListScope
	stored   map[string]bool
	official map[string]string // list ID -> the publisher's address of its SourceURL file
	index    string            // the index cache line
}

// statusOf gathers what data status shows besides the lists.
func statusOf(cfg config.Config, settled config.Settled, dir string, env *Env) (status, error) {
	st := status{dir: dir, now: env.Now(), settled: settled, offline: cfg.Lists.Offline, stored: map[string]bool{}, official: map[string]string{}}
	plan := check.Plan{Profile: cfg.Profile, Screening: check.Thresholds{Match: cfg.Screen.Match, Review: cfg.Screen.Review},
		Policies: check.PolicyPlan{Dirs: cfg.Policy.Dirs}, Lists: check.ListPlan{StoreDir: dir}}
	scope, err := check.ListScope(plan, policies.FS)
	if err != nil {
		return st, err
	}
	st.scope = scope
	for _, s := range lists.DefaultUpdateSources() {
		st.official[s.Meta.ID] = s.Meta.SourceURL
	}
	if store, err := lists.OpenStore(dir, env.Now); err == nil {
		ids, err := store.IDs()
		if err != nil {
			return st, err
		}
		for _, id := range ids {
			st.stored[id] = true
		}
	}
	st.index = "off (lists.index-cache: false)"
	if cfg.Lists.IndexCache {
		log := newLogger(env.Stderr, cfg.LogLevel)
		path, rec, ok, err := check.CachedIndex(plan, sessionSources(cfg, plan, env, log))
		switch {
		case err != nil:
			return st, err
		case path == "":
			st.index = "off (this program cannot identify itself)"
		case !ok:
			st.index = "none yet for these lists (the next check builds it)"
		default:
			var built []string
			for _, l := range rec.Lists {
				built = append(built, l.ID+"@"+short(l.SHA256))
			}
			st.index = fmt.Sprintf("%s, %.1f MB, written %s, sha256 %s, for the snapshots %s", filepath.Join("index", rec.File),
				float64(rec.Size)/1e6, rec.Written.Format(time.RFC3339), short(rec.SHA256), strings.Join(built, " "))
		}
	}
	return st, nil
}

// source says where a list came from: the address fetched, marked as a
// mirror's when it is not the publisher's, or the embedded snapshot.
func (st status) source(p provenance.List) string {
	switch {
	case p.Kind != provenance.KindSanctions:
		return p.SourceURL
	case !st.stored[p.ID]:
		return "embedded in bangate (from " + p.SourceURL + ")"
	case strings.HasPrefix(p.SourceURL, "import:"):
		return p.SourceURL
	case st.official[p.ID] != "" && p.SourceURL != st.official[p.ID]:
		return p.SourceURL + " (mirror)"
	}
	return p.SourceURL
}

// nextRefresh says when the next check refreshes a list.
func (st status) nextRefresh(p provenance.List) string {
	switch {
	case p.Kind != provenance.KindSanctions:
		return "with the policies"
	case !st.scope.Applies(p.ID):
		return "not applied by " + st.scope.Profile
	case st.official[p.ID] == "":
		return "import only"
	case st.offline:
		return "offline"
	}
	next := p.Retrieved.Add(st.settled.UpdateAfter)
	if refreshDue(p.Retrieved, st.now, st.settled.UpdateAfter) {
		return "due (next check)"
	}
	return next.UTC().Format("2006-01-02 15:04")
}

func printStatus(w io.Writer, ls []*lists.List, st status) {
	fmt.Fprintf(w, "store: %s\n", st.dir)
	ids := map[string]bool{}
	for id := range st.official {
		ids[id] = true
	}
	for _, l := range ls {
		if l.Provenance.Kind == provenance.KindSanctions {
			ids[l.Provenance.ID] = true
		}
	}
	var applied []string
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		if st.scope.Applies(id) {
			applied = append(applied, id)
		}
	}
	refresh := "refreshed " + ageText(st.settled.UpdateAfter) + " after fetching"
	if st.offline {
		refresh = "not refreshed (offline)"
	}
	fmt.Fprintf(w, "profile %s applies %s: max age %s, %s\n\n", st.scope.Profile, strings.Join(applied, ", "), ageText(st.settled.MaxAge), refresh)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tPUBLISHED\tFETCHED\tAGE\tNEXT REFRESH\tENTRIES\tSHA256\tSOURCE")
	sort.Slice(ls, func(i, j int) bool { return ls[i].Provenance.ID < ls[j].Provenance.ID })
	for _, l := range ls {
		p := l.Provenance
		age := fmt.Sprintf("%dd", provenance.AgeDays(p, st.now))
		if p.Kind == provenance.KindSanctions && st.scope.Applies(p.ID) && st.settled.MaxAge > 0 && provenance.CheckFresh(p, st.settled.MaxAge, st.now) != nil {
			age += " STALE"
		}
		src := st.source(p)
		if p.Derived {
			src += " (derived)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", p.ID, p.Kind, dateOrUnknown(p.Published, time.DateOnly),
			dateOrUnknown(p.Retrieved, "2006-01-02 15:04"), age, st.nextRefresh(p), p.Entries, short(p.SHA256), src)
	}
	_ = tw.Flush() // writes to w; printStatus reports nothing back
	fmt.Fprintf(w, "\nindex cache: %s\n", st.index)
	for _, l := range ls {
		if l.Provenance.Note != "" {
			fmt.Fprintf(w, "\n%s: %s\n", l.Provenance.ID, l.Provenance.Note)
		}
	}
}

// dateOrUnknown formats t in UTC, or "unknown".
func dateOrUnknown(t time.Time, layout string) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format(layout)
}

// ageText writes a duration as days, or hours below a day, or "off".
func ageText(d time.Duration) string {
	switch {
	case d <= 0:
		return "off"
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	return d.String()
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func newDataUpdateCmd(env *Env) *cobra.Command {
	var quiet, allowShrink bool
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download the official list files, verify them and store them atomically",
		Long: `Download the official list files (OFAC SDN and non-SDN, trade.gov's
Consolidated Screening List, the UN Security Council Consolidated List, the
EU financial sanctions list, the FCDO's UK Sanctions List), check that each
parses, is not much smaller than the snapshot it replaces (or, for the first
update, than the snapshot embedded in bangate; --allow-shrink accepts it once
you have checked the publisher did remove that many) and is not older, and store
it; the previous snapshot is kept for rollback and replay. A list that fails
keeps its current snapshot; the command then exits 2. With lists.base-url
(--lists-base-url, BANGATE_LISTS_BASE_URL) every file is fetched from that
base by its official name (SDN.CSV, consolidated.xml, ...): a mirror. One
process updates the store at a time; lists.update-timeout bounds the whole
update. A check refreshes the lists its profile applies by itself
(lists.update-after); this command updates them all.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, settled, dir, err := dataConfig(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			store, err := lists.OpenStore(dir, env.Now)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), settled.UpdateTimeout)
			defer cancel()
			stored, err := store.Update(ctx, httpClient(env, env.Stderr, !quiet), updateSources(cfg), lists.UpdateOptions{
				AllowShrink: allowShrink,
				Start: func(s lists.UpdateSource) {
					if !quiet {
						fmt.Fprintf(env.Stderr, "updating %s (%d files) from %s\n", s.Meta.ID, len(s.URLs), s.Meta.SourceURL)
					}
				},
			})
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
	cmd.Flags().BoolVar(&quiet, "quiet", false, "no progress display")
	cmd.Flags().BoolVar(&allowShrink, "allow-shrink", false, "accept lists much smaller than the ones they replace (a publisher's mass delisting you have checked)")
	addConfigFlags(cmd, "lists.base-url", "lists.update-timeout", "lists.index-cache")
	return cmd
}

// roleOf tells an OFAC legacy CSV file's role from its file name, and
// the list it belongs to.
func roleOf(path string) (role, id string, err error) {
	name := strings.ToLower(filepath.Base(path))
	switch name {
	case "sdn.csv":
		return lists.RolePrimary, "ofac-sdn", nil
	case "cons_prim.csv":
		return lists.RolePrimary, "ofac-cons", nil
	case "alt.csv", "cons_alt.csv":
		return lists.RoleAlt, "", nil
	case "add.csv", "cons_add.csv":
		return lists.RoleAdd, "", nil
	case "sdn_comments.csv", "cons_comments.csv":
		return lists.RoleComments, "", nil
	}
	return "", "", fmt.Errorf("import %s: not an OFAC legacy CSV file name (sdn.csv, alt.csv, add.csv, sdn_comments.csv or the cons_ ones); for another format give --format", path)
}

// formatNames lists the import formats for messages.
func formatNames() string {
	var names []string
	for _, f := range lists.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func newDataImportCmd(env *Env) *cobra.Command {
	var id, published, format string
	var allowShrink bool
	cmd := &cobra.Command{
		Use:   "import [flags] FILE...",
		Short: "Store list files you brought (offline), with the same checks as update",
		Long: `Store list files you brought (an air-gapped machine, a copy you verified),
with the checks of data update: each file must parse, and the list must not be
much smaller than the snapshot it replaces (or than the snapshot embedded in
bangate; --allow-shrink accepts it). --format names the files' format:
` + formatNames() + `.
The OFAC legacy CSV set (the default) is recognised by its file names; every
other format takes one file. Files that carry no publication date (the legacy
CSV, the CSL, the derived export) need --published, the date their publisher
issued them; the others state their own and refuse one.`,
		Example: `  bangate data import --published 2026-11-20 sdn.csv alt.csv add.csv sdn_comments.csv
  bangate data import --published 2026-11-20 cons_prim.csv cons_alt.csv
  bangate data import --format un-sc-xml consolidated.xml
  bangate data import --format eu-fsf-xml xmlFullSanctionsList_1_1.xml
  bangate data import --format uk-fcdo-xml UK-Sanctions-List.xml
  bangate data import --format csl-json --published 2026-11-20 consolidated.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			spec, err := importSpec(lists.Format(strings.ToLower(format)), id, published, files)
			if err != nil {
				return withCode(decision.ExitError, fmt.Errorf("data import: %w", err))
			}
			spec.AllowShrink = allowShrink
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
	cmd.Flags().StringVar(&format, "format", string(lists.FormatOFACLegacy), "format of the files: "+formatNames())
	cmd.Flags().StringVar(&id, "id", "", "list ID (default: by the format or the OFAC file names: ofac-sdn, ofac-cons, trade-csl, un-sc, eu-fsf, uk-fcdo, uk-ofsi)")
	cmd.Flags().StringVar(&published, "published", "", "publication date of files that carry none, as their publisher dated them (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&allowShrink, "allow-shrink", false, "accept a list much smaller than the one it replaces")
	addConfigFlags(cmd, "lists.index-cache")
	return cmd
}

// importSpec builds what data import stores: the files by role, the list
// ID and the provenance the files do not carry.
func importSpec(format lists.Format, id, published string, files []string) (lists.ImportSpec, error) {
	if !slices.Contains(lists.Formats(), format) {
		return lists.ImportSpec{}, fmt.Errorf("--format %q: want one of %s", format, formatNames())
	}
	spec := lists.ImportSpec{Format: format, Files: map[string]lists.Source{}}
	if format == lists.FormatOFACLegacy {
		for _, f := range files {
			role, listID, err := roleOf(f)
			if err != nil {
				return spec, err
			}
			if _, dup := spec.Files[role]; dup {
				return spec, fmt.Errorf("two files for role %s", role)
			}
			if id == "" {
				id = listID
			}
			spec.Files[role] = lists.FileSource(f)
		}
	} else {
		if len(files) != 1 {
			return spec, fmt.Errorf("format %s takes one file, got %d", format, len(files))
		}
		spec.Files[lists.RoleFile] = lists.FileSource(files[0])
		if id == "" {
			id = format.ListID()
		}
	}
	if id == "" {
		return spec, errors.New("--id is required: the file names do not say which list this is (ofac-sdn or ofac-cons)")
	}
	switch {
	case format.Dated() && published != "":
		return spec, fmt.Errorf("--published: %s files state their own publication date", format)
	case !format.Dated() && published == "":
		return spec, errors.New("--published is required: the files carry no date, and a list's age is counted from the day its publisher issued it (YYYY-MM-DD)")
	}
	// The source is what was imported: every file by name, not a URL
	// nobody fetched.
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	spec.Meta = provenance.List{ID: id, Kind: provenance.KindSanctions, SourceURL: "import:" + strings.Join(names, ","),
		Note: "imported with bangate data import from " + strings.Join(names, ", ")}
	for _, s := range lists.DefaultUpdateSources() {
		if s.Meta.ID == id {
			spec.Meta.Title = s.Meta.Title
		}
	}
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			return spec, fmt.Errorf("--published %q: want YYYY-MM-DD", published)
		}
		spec.Meta.Published = t
	}
	return spec, nil
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
