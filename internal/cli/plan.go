package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/policies"
)

// newPlan turns the configuration into the plan of a check: the one place
// where configuration keys become check settings. The waiver and ownership
// files are read here, once; the plan carries their bytes.
func newPlan(cfg config.Config, settled config.Settled, env *Env) (check.Plan, error) {
	storeDir, err := listStoreDir(cfg, env)
	if err != nil {
		return check.Plan{}, err
	}
	p := check.Plan{
		Profile:     cfg.Profile,
		AsOf:        settled.AsOf,
		FailOn:      cfg.FailOn,
		Screening:   check.Thresholds{Match: cfg.Screen.Match, Review: cfg.Screen.Review},
		PolicyInput: cfg.Policy.Input,
		MaxListed:   cfg.Coverage.MaxListed,
		Input: check.InputPlan{Kind: cfg.Input.Kind, MaxSize: settled.MaxSize,
			Columns: cfg.Procurement.Columns, Encoding: cfg.Procurement.Encoding},
		Embargo: cfg.Procurement.Embargo,
		Waivers: check.WaiverPlan{WarnDays: cfg.WaiverWarnDays, Fail: cfg.WaiverFail},
		Policies: check.PolicyPlan{Dirs: cfg.Policy.Dirs, AllowBuiltins: cfg.Policy.AllowBuiltins,
			Timeout: check.Duration(settled.PolicyTimeout), MaxMemory: settled.PolicyMaxMemory},
		Lists: check.ListPlan{StoreDir: storeDir, MaxAge: check.Duration(settled.MaxAge), Stale: cfg.Lists.Stale},
	}
	if p.Waivers.File, err = readBlob("waivers", cfg.Waivers); err != nil {
		return p, err
	}
	if p.Ownership, err = readBlob("ownership", cfg.Procurement.Ownership); err != nil {
		return p, err
	}
	return p, nil
}

// readBlob reads a file the plan depends on; "" is none.
func readBlob(what, path string) (*check.Blob, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", what, path, unwrapPath(err))
	}
	return check.NewBlob(path, b), nil
}

// newSession starts the session of a plan with the program's own sources:
// the built-in bundle and the embedded snapshot, the index cache when
// lists.index-cache is set, and the process's session cache.
func newSession(ctx context.Context, cfg config.Config, plan check.Plan, env *Env, log *slog.Logger) (*check.Session, error) {
	return check.NewSession(ctx, plan, sessionSources(cfg, plan, env, log))
}

// sessionSources are the program's own sources of a session.
func sessionSources(cfg config.Config, plan check.Plan, env *Env, log *slog.Logger) check.Sources {
	src := check.Sources{Builtin: policies.FS, Cache: env.Sessions, Tool: toolInfo(), Now: env.Now, Log: log}
	if cfg.Lists.IndexCache {
		src.IndexCache = &check.IndexCache{Dir: filepath.Join(plan.Lists.StoreDir, "index"), Program: programID(), Log: log}
	}
	return src
}

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
