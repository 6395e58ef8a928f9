// Command snapshotgen rebuilds the list snapshot embedded in bangate from
// the official OFAC files, as the release process does (README, "Lists and
// their age"; internal/lists/snapshot/SOURCES.md):
//
//	go run ./internal/lists/snapshotgen                      # download from OFAC (or $BANGATE_LISTS_BASE_URL)
//	go run ./internal/lists/snapshotgen -dir ofac-files -published 2026-11-20
//
// It loads every list with bangate's own loaders through a temporary list
// store, so the files pass the checks data update applies (they parse; a
// list may not lose more than lists.MaxShrink of the entries of the
// snapshot it replaces; a download may not be older), and only then writes
// the files into internal/lists/snapshot/<list>/, the records into
// internal/lists/snapshot_gen.go and snapshot/manifest.json, and the file
// table into snapshot/SOURCES.md. Run it from the module root.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, time.Now)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
}
