package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/lists"
)

// options are the generator's command-line settings.
type options struct {
	// out is the directory of package lists (internal/lists): the files
	// go to out/snapshot/<list>/, the records to out/snapshot_gen.go.
	out string
	// dir, when set, holds the official files to use instead of
	// downloading them.
	dir string
	// published and retrieved date the files of dir (their format states
	// no date); retrieved defaults to now.
	published, retrieved time.Time
	// note is appended to each list's provenance note (where the files
	// came from).
	note string
	// baseURL is a mirror serving the official file names.
	baseURL string
	// ids are the lists to rebuild.
	ids []string
	// allowShrink accepts a list that lost more than lists.MaxShrink of
	// the entries of the snapshot it replaces.
	allowShrink bool
	// timeout bounds the downloads.
	timeout time.Duration
}

// usage is printed with -h.
const usage = `usage: go run ./internal/lists/snapshotgen [flags]

Rebuilds the snapshot embedded in bangate (internal/lists/snapshot/) from the
official OFAC legacy CSV files: the SDN list (SDN.CSV, ALT.CSV, ADD.CSV,
SDN_COMMENTS.CSV) and the consolidated non-SDN list (CONS_PRIM.CSV,
CONS_ALT.CSV, CONS_ADD.CSV, CONS_COMMENTS.CSV), downloaded from OFAC's
Sanctions List Service (the addresses bangate data update uses, or
-base-url / $BANGATE_LISTS_BASE_URL) or read from -dir. Every list must load
with bangate's loader, must not lose more than 10 % of the entries of the
snapshot it replaces (-allow-shrink to accept it), and a download must not
be older than it. Run it from the module root.

flags:
`

// parseOptions reads the command line; getenv supplies
// BANGATE_LISTS_BASE_URL.
func parseOptions(args []string, getenv func(string) string, out io.Writer) (options, error) {
	fs := flag.NewFlagSet("snapshotgen", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprint(out, usage)
		fs.PrintDefaults()
	}
	var (
		o                    options
		published, retrieved string
		ids                  string
	)
	fs.StringVar(&o.out, "out", "internal/lists", "the directory of package lists, written to")
	fs.StringVar(&o.dir, "dir", "", "read the official files from this directory (names as OFAC publishes them, any case) instead of downloading them")
	fs.StringVar(&published, "published", "", "with -dir: the lists' publication date (YYYY-MM-DD or RFC 3339); the CSV files state none")
	fs.StringVar(&retrieved, "retrieved", "", "with -dir: when the files were fetched (default now)")
	fs.StringVar(&o.note, "note", "", "added to each list's provenance note: where the files came from")
	fs.StringVar(&o.baseURL, "base-url", getenv("BANGATE_LISTS_BASE_URL"), "fetch every file by its official name from this mirror (default $BANGATE_LISTS_BASE_URL)")
	fs.StringVar(&ids, "lists", strings.Join(lists.SnapshotIDs(), ","), "the lists to rebuild, comma-separated; the others keep their files and records")
	fs.BoolVar(&o.allowShrink, "allow-shrink", false, "accept a list that lost more than 10 % of the entries of the snapshot it replaces")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Minute, "time limit of the downloads")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		return options{}, fmt.Errorf("unexpected arguments %q (files are given with -dir)", fs.Args())
	}
	for _, id := range strings.Split(ids, ",") {
		id = strings.TrimSpace(id)
		if !slices.Contains(lists.SnapshotIDs(), id) {
			return options{}, fmt.Errorf("-lists: %q is not an embedded list (%s)", id, strings.Join(lists.SnapshotIDs(), ", "))
		}
		if !slices.Contains(o.ids, id) {
			o.ids = append(o.ids, id)
		}
	}
	var err error
	switch {
	case o.dir == "" && (published != "" || retrieved != ""):
		return options{}, errors.New("-published and -retrieved date the files of -dir; a download takes the server's Last-Modified time")
	case o.dir != "" && isSet(fs, "base-url"):
		return options{}, errors.New("-dir and -base-url exclude each other")
	case o.dir != "":
		o.baseURL = "" // a mirror in the environment does not matter when reading a directory
	}
	if o.dir != "" {
		if published == "" {
			return options{}, errors.New("-dir needs -published: the legacy CSV files state no publication date, and a file's time on disk is not one")
		}
		if o.published, err = parseDate(published); err != nil {
			return options{}, fmt.Errorf("-published: %w", err)
		}
		if retrieved != "" {
			if o.retrieved, err = parseDate(retrieved); err != nil {
				return options{}, fmt.Errorf("-retrieved: %w", err)
			}
		}
	}
	return o, nil
}

// isSet reports whether flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// parseDate reads YYYY-MM-DD (midnight UTC) or an RFC 3339 time.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither YYYY-MM-DD nor an RFC 3339 time", s)
	}
	return t.UTC(), nil
}
