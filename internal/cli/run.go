package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

// Env is the world a command runs in, injected so that tests run commands
// in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Now is the clock; it decides the default --as-of.
	Now func() time.Time
	// Dir is the working directory, searched for bangate.yaml.
	Dir string
	// CacheDir replaces the user cache directory (where the list store
	// lives by default) when set.
	CacheDir string
	// HTTPClient fetches list updates and the refresh before a check; nil
	// means a client that honours the environment's proxy settings. Time
	// limits come from lists.update-timeout.
	HTTPClient *http.Client
	// Sessions shares compiled policies and screening indexes between the
	// commands run with this Env (tests, a server); nil: each command
	// builds its own.
	Sessions *check.Cache
	// Terminal reports whether w is a terminal and, if so, its width in
	// columns (0 when unknown); it decides the text report's colours and
	// width (Stdout) and whether a check draws progress (Stderr). nil: w
	// is a terminal when it is an *os.File that golang.org/x/term says
	// is one.
	Terminal func(w io.Writer) (isTerminal bool, width int)
	// Getenv reads the environment variables that are not configuration
	// keys (NO_COLOR, TERM); nil: os.Getenv.
	Getenv func(name string) string
	// ProgressAfter is how long a check runs before it draws a progress
	// line on a terminal Stderr: 0 means one second, less than 0 at once.
	ProgressAfter time.Duration
}

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// withCode returns an error that exits with code; err may be nil when the
// command already reported everything.
func withCode(code int, err error) error { return &exitError{code: code, err: err} }

// Run executes bangate with args and returns the exit code: 0 pass, 1 fail,
// 2 could not check, 3 needs review. Errors are printed to env.Stderr as
// one line.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Terminal == nil {
		env.Terminal = detectTerminal
	}
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.ProgressAfter == 0 {
		env.ProgressAfter = time.Second
	}
	root := newRootCmd(&env)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return decision.ExitPass
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			printErr(env.Stderr, ee.err)
		}
		return ee.code
	}
	printErr(env.Stderr, err)
	return decision.ExitError
}

func printErr(w io.Writer, err error) {
	fmt.Fprintln(w, "bangate: "+strings.Join(strings.Fields(err.Error()), " "))
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}
