package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/policies"
)

// updateSources are the sources data update and the refresh fetch from:
// the publishers' addresses, or every file by its official name from
// lists.base-url.
func updateSources(cfg config.Config) []lists.UpdateSource {
	sources := lists.DefaultUpdateSources()
	if cfg.Lists.BaseURL != "" {
		sources = lists.RebaseAll(sources, cfg.Lists.BaseURL)
	}
	return sources
}

// httpClient is the client list downloads use: Env.HTTPClient, else one
// that honours the environment's proxy settings (HTTPS_PROXY, NO_PROXY),
// with progress drawn on w when it is a terminal and progress is wanted.
// Time limits come from the context.
func httpClient(env *Env, w io.Writer, progress bool) *http.Client {
	client := env.HTTPClient
	if client == nil {
		client = &http.Client{}
	}
	if progress && isTerminal(w) {
		client = withProgress(client, w)
	}
	return client
}

// isTerminal reports whether w is a terminal (a character device), the
// only place progress is drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// lastFetched is when the list id was last fetched: its stored snapshot's
// retrieval time, else the embedded snapshot's; zero when neither holds
// it.
func lastFetched(id string, stored *provenance.List) time.Time {
	if stored != nil {
		return stored.Retrieved
	}
	if e, ok := lists.EmbeddedInfo(id); ok {
		return e.Retrieved
	}
	return time.Time{}
}

// refreshDue reports whether a list fetched at fetched is due for a
// refresh at now under lists.update-after.
func refreshDue(fetched, now time.Time, after time.Duration) bool {
	return fetched.IsZero() || now.Sub(fetched) >= after
}

// refreshLists brings the lists the plan's profile applies up to date
// before a check or a screen: each one (in the store, or only embedded,
// or not held at all) last fetched longer ago than lists.update-after is
// downloaded from its source (lists.base-url, else the publisher), under
// the store's lock and with its guards (parse, shrink, date), within
// lists.update-timeout. It is the CLI that does this network I/O: the
// session it then builds reads the store as it is. A refresh that fails
// is a warning, and the check goes on with the lists at hand, whose age
// lists.max-age then judges. lists.offline turns it off.
func refreshLists(ctx context.Context, cfg config.Config, settled config.Settled, plan check.Plan, env *Env, log *slog.Logger) {
	if cfg.Lists.Offline || plan.Lists.StoreDir == "" {
		return
	}
	scope, err := check.ListScope(plan, policies.FS)
	if err != nil {
		return // the session reports a bad profile or policy directory
	}
	var sources []lists.UpdateSource
	for _, s := range updateSources(cfg) {
		if scope.Applies(s.Meta.ID) {
			sources = append(sources, s)
		}
	}
	store, err := lists.OpenStore(plan.Lists.StoreDir, env.Now)
	if err != nil {
		log.Warn("lists not refreshed: the check goes on with the lists at hand", "err", err)
		return
	}
	now := env.Now()
	due := func(src lists.UpdateSource, stored *provenance.List) bool {
		return refreshDue(lastFetched(src.Meta.ID, stored), now, settled.UpdateAfter)
	}
	// Most checks find every list fresh: look without taking the lock.
	if !slices.ContainsFunc(sources, func(s lists.UpdateSource) bool {
		p, err := store.Provenance(s.Meta.ID)
		if err != nil {
			return due(s, nil)
		}
		return due(s, &p)
	}) {
		return
	}
	tty := isTerminal(env.Stderr)
	ctx, cancel := context.WithTimeout(ctx, settled.UpdateTimeout)
	defer cancel()
	stored, err := store.Update(ctx, httpClient(env, env.Stderr, true), sources, lists.UpdateOptions{
		Due:                 due,
		StopWhenUnreachable: true,
		Start: func(s lists.UpdateSource) {
			if tty {
				fmt.Fprintf(env.Stderr, "refreshing %s from %s\n", s.Meta.ID, s.Meta.SourceURL)
			}
			log.Info("refreshing list", "list", s.Meta.ID, "from", s.Meta.SourceURL)
		},
	})
	for _, l := range stored {
		p := l.Provenance
		log.Info("list refreshed", "list", p.ID, "entries", p.Entries, "published", p.Published.Format(time.DateOnly), "sha256", p.SHA256)
	}
	if err != nil {
		log.Warn("lists not refreshed: the check goes on with the lists at hand, whose age lists.max-age judges "+
			"(lists.offline: true or --offline skips the refresh)", "err", err)
	}
}
