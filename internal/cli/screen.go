package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

// screenKeys are the configuration keys the screen command takes as
// flags: where the lists are, how old they may be, and the thresholds.
var screenKeys = []string{"profile", "screen.match", "screen.review", "lists.dir", "lists.max-age", "lists.stale", "lists.index-cache",
	"lists.update-after", "lists.update-timeout", "lists.offline", "lists.base-url", "policy.dirs", "log-level"}

func newScreenCmd(env *Env) *cobra.Command {
	var file, format, kind string
	cmd := &cobra.Command{
		Use:   "screen [flags] NAME...",
		Short: "Screen names against the ban lists and sanctions lists",
		Long: `Screen party names ad hoc, or a batch with --file (one name per line), against
every loaded list, with the same matcher as check. A score at or above
screen.match is a match, at or above screen.review a possible match.
Exit 0 no match, 1 a match, 3 possible matches only, 2 could not screen
(an empty name, or a list the profile applies older than lists.max-age).
As check does, it first refreshes the lists the profile applies that were
fetched longer ago than lists.update-after (--offline: not).`,
		Example: `  bangate screen "Andrey Tikhonov"
  bangate screen --party-kind person "Андрей Тихонов"
  bangate screen --file suppliers.txt --format json`,
		RunE: func(cmd *cobra.Command, names []string) error {
			return runScreen(cmd, env, names, file, format, kind)
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "file of names, one per line (- for standard input)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json (one object per line)")
	cmd.Flags().StringVar(&kind, "party-kind", "", "what the names are: person or organization (default: unknown)")
	addConfigFlags(cmd, screenKeys...)
	return cmd
}

func runScreen(cmd *cobra.Command, env *Env, names []string, file, format, kind string) error {
	cfg, settled, err := loadConfig(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	format, kind = strings.ToLower(format), strings.ToLower(kind)
	if format != "text" && format != "json" {
		return withCode(decision.ExitError, fmt.Errorf("screen: --format %q: want text or json", format))
	}
	if kind != "" && kind != "person" && kind != "organization" {
		return withCode(decision.ExitError, fmt.Errorf("screen: --party-kind %q: want person or organization", kind))
	}
	if file != "" {
		more, err := readNames(file, env.Stdin)
		if err != nil {
			return withCode(decision.ExitError, err)
		}
		names = append(names, more...)
	}
	if len(names) == 0 {
		return withCode(decision.ExitError, errors.New("screen: no names given (arguments or --file)"))
	}
	for _, name := range names {
		if strings.TrimSpace(name) == "" {
			return withCode(decision.ExitError, errors.New("screen: an empty name cannot be screened"))
		}
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	plan, err := newPlan(cfg, settled, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	refreshLists(cmd.Context(), cfg, settled, plan, env, log)
	sess, err := newSession(cmd.Context(), cfg, plan, env, log)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	if w := sess.StaleWarning(); w != "" {
		log.Warn("stale list", "err", w)
	} else if stale := sess.Stale(); len(stale) > 0 {
		return withCode(decision.ExitError, fmt.Errorf("screen: %w", errors.Join(stale...)))
	}
	worst := decision.ExitPass
	enc := json.NewEncoder(env.Stdout)
	for _, name := range names {
		res, err := sess.ScreenName(name, kind)
		if err != nil {
			// A matched entry could not be read: stop before printing.
			return withCode(decision.ExitError, fmt.Errorf("screen %q: %w", name, err))
		}
		r := res.Line()
		code := map[string]int{check.NameMatch: decision.ExitFail, check.NameReview: decision.ExitReview}[r.Outcome]
		if decision.Worse(code, worst) {
			worst = code
		}
		if format == "json" {
			if err := enc.Encode(r); err != nil {
				return withCode(decision.ExitError, err)
			}
			continue
		}
		printScreen(env.Stdout, r)
	}
	if worst != decision.ExitPass {
		return withCode(worst, nil)
	}
	return nil
}

func printScreen(w io.Writer, r check.ScreenLine) {
	fmt.Fprintf(w, "%s: %s\n", r.Query, strings.ToUpper(r.Outcome))
	for _, m := range r.Matches {
		fmt.Fprintf(w, "  %.2f %s/%s %q via %s %q (%s) %s\n", m.Score, m.List, m.EntryID, m.EntryName, m.MatchedOn, m.MatchedName, m.Method, strings.Join(m.Programs, " "))
		if m.Explain != "" {
			fmt.Fprintf(w, "       %s\n", m.Explain)
		}
	}
}

// readNames reads one name per line; blank lines are skipped.
func readNames(path string, stdin io.Reader) ([]string, error) {
	r := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("read names %s: %w", path, err)
		}
		defer f.Close()
		r = f
	}
	var names []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			names = append(names, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read names %s: %w", path, err)
	}
	return names, nil
}
