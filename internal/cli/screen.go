package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/screen"
)

// screenResult is one line of `bangate screen --format json`.
type screenResult struct {
	Query   string        `json:"query"`
	Outcome string        `json:"outcome"`
	Matches []screenMatch `json:"matches"`
}

type screenMatch struct {
	List        string   `json:"list"`
	EntryID     string   `json:"entry_id"`
	EntryName   string   `json:"entry_name"`
	MatchedName string   `json:"matched_name"`
	MatchedOn   string   `json:"matched_on"`
	Score       float64  `json:"score"`
	Method      string   `json:"method"`
	Programs    []string `json:"programs"`
	Explain     string   `json:"explain,omitempty"`
}

func newScreenCmd(env *Env) *cobra.Command {
	var file, format, kind string
	cmd := &cobra.Command{
		Use:   "screen [flags] NAME...",
		Short: "Screen names against the ban lists and sanctions lists",
		Long: `Screen party names ad hoc, or a batch with --file (one name per line), against
every loaded list, with the same matcher as check. A score at or above
screen.match is a match, at or above screen.review a possible match.
Exit 0 no match, 1 a match, 3 possible matches only, 2 could not screen.`,
		Example: `  bangate screen "Andrey Tikhonov"
  bangate screen --kind person "Андрей Тихонов"
  bangate screen --file suppliers.txt --format json`,
		RunE: func(cmd *cobra.Command, names []string) error {
			cfg, settled, err := loadConfig(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			if format != "text" && format != "json" {
				return withCode(decision.ExitError, fmt.Errorf("screen: --format %q: want text or json", format))
			}
			if kind != "" && kind != "person" && kind != "organization" {
				return withCode(decision.ExitError, fmt.Errorf("screen: --kind %q: want person or organization", kind))
			}
			if file != "" {
				more, err := readNames(file, env.Stdin)
				if err != nil {
					return withCode(decision.ExitError, err)
				}
				names = append(names, more...)
			}
			if len(names) == 0 {
				return withCode(decision.ExitError, fmt.Errorf("screen: no names given (arguments or --file)"))
			}
			scr, err := loadScreening(cfg, env, settled.MaxAge, newLogger(env.Stderr, cfg.LogLevel))
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			opts := scr.Thresholds
			worst := decision.ExitPass
			enc := json.NewEncoder(env.Stdout)
			for _, name := range names {
				r := screenOne(scr, opts, name, kind)
				if err := scr.Index.Err(); err != nil {
					// A match lost its entry's details: stop before printing it.
					return withCode(decision.ExitError, fmt.Errorf("screen %q: %w", name, err))
				}
				code := map[string]int{"match": decision.ExitFail, "review": decision.ExitReview}[r.Outcome]
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
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "file of names, one per line (- for standard input)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json (one object per line)")
	cmd.Flags().StringVar(&kind, "kind", "", "what the names are: person or organization (default: unknown)")
	for _, k := range config.Keys() {
		if k.Name == "screen.match" || k.Name == "screen.review" || k.Name == "lists.dir" || k.Name == "lists.max-age" {
			cmd.Flags().String(k.Flag, fmt.Sprint(k.Default), k.Help)
		}
	}
	return cmd
}

func screenOne(scr *check.Screening, opts screen.Options, name, kind string) screenResult {
	r := screenResult{Query: name, Outcome: "none", Matches: []screenMatch{}}
	if strings.TrimSpace(name) == "" {
		return r
	}
	for _, m := range scr.Index.Name(screen.Query{Name: name, Kind: kind}) {
		r.Matches = append(r.Matches, screenMatch{List: m.List, EntryID: m.EntryID, EntryName: m.EntryName, MatchedName: m.MatchedName,
			MatchedOn: m.MatchedOn, Score: m.Score, Method: m.Method, Programs: nonNilStrings(m.Programs), Explain: m.Explain})
		switch {
		case m.Score >= opts.Match:
			r.Outcome = "match"
		case m.Score >= opts.Review && r.Outcome == "none":
			r.Outcome = "review"
		}
	}
	return r
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func printScreen(w io.Writer, r screenResult) {
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
	var r io.Reader = stdin
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
