package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bangate/bangate/internal/decision"
)

// Renderer writes a decision run in one output format.
type Renderer interface {
	// Render writes run to w. It returns an error when run is nil or
	// when w fails; it never writes a partial report without an error.
	Render(w io.Writer, run *decision.Run) error
}

// Format names accepted by New.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatSARIF    = "sarif"
	FormatJUnit    = "junit"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// ErrNilRun is returned by every renderer when it is given no run.
var ErrNilRun = errors.New("no run to render")

// formats lists the known formats in the order Formats returns them.
var formats = [...]string{FormatText, FormatJSON, FormatSARIF, FormatJUnit, FormatMarkdown, FormatHTML}

// Formats returns the names of the known output formats.
func Formats() []string {
	out := make([]string, len(formats))
	copy(out, formats[:])
	return out
}

// New returns the renderer for format, one of Formats. Text output is the
// full form, without colours; NewText gives the compact form and colours.
func New(format string) (Renderer, error) {
	switch format {
	case FormatText:
		return NewText(TextOptions{}), nil
	case FormatJSON:
		return &jsonRenderer{}, nil
	case FormatSARIF:
		return NewSARIF(SARIFOptions{}), nil
	case FormatJUnit:
		return &junitRenderer{}, nil
	case FormatMarkdown:
		return &markdownRenderer{}, nil
	case FormatHTML:
		return &htmlRenderer{}, nil
	default:
		return nil, fmt.Errorf("unknown report format %q (known: %s)", format, strings.Join(formats[:], ", "))
	}
}

// Extension returns the usual file name extension for format, without the
// dot ("sarif", "xml"), or "" for an unknown format.
func Extension(format string) string {
	switch format {
	case FormatText:
		return "txt"
	case FormatJSON:
		return "json"
	case FormatSARIF:
		return "sarif"
	case FormatJUnit:
		return "xml"
	case FormatMarkdown:
		return "md"
	case FormatHTML:
		return "html"
	default:
		return ""
	}
}
