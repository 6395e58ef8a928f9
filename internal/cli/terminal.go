package cli

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/report"
)

// detectTerminal reports whether w is a terminal (an *os.File that
// golang.org/x/term says is one) and its width in columns, 0 when unknown.
func detectTerminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return true, 0
	}
	return true, width
}

// useColor decides whether the text report on standard output is
// coloured: "always" and "never" say so; "auto" colours a terminal unless
// NO_COLOR is set to anything (https://no-color.org) or TERM is "dumb".
// The color key is the user's own setting, so "always" wins over
// NO_COLOR, as no-color.org asks.
func useColor(cfg config.Config, env *Env) bool {
	switch cfg.Color {
	case "always":
		return true
	case "never":
		return false
	}
	if env.Getenv("NO_COLOR") != "" || env.Getenv("TERM") == "dumb" {
		return false
	}
	tty, _ := env.Terminal(env.Stdout)
	return tty
}

// stdoutText is the text renderer for standard output: the compact
// summary, or the full report with --verbose; coloured by useColor; its
// prose wrapped to the terminal's width.
func stdoutText(cfg config.Config, env *Env) report.Renderer {
	_, width := env.Terminal(env.Stdout)
	return report.NewText(report.TextOptions{
		Compact: !cfg.Verbose,
		Color:   useColor(cfg, env),
		Width:   width,
		Hint:    "every detail: bangate check --verbose, or -o text=FILE",
	})
}
