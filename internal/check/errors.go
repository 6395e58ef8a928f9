package check

import (
	"fmt"
	"strings"
)

// Stages of a check at which an input can fail.
const (
	StageRead     = "read"
	StageParse    = "parse"
	StageScreen   = "screen"
	StageEvaluate = "evaluate"
)

// InputError says why one input could not be checked: at which stage, and
// the cause, which names the place (line, JSON pointer) where the parser
// knows it.
type InputError struct {
	// Path is the input as named.
	Path string
	// Stage is one of the Stage constants.
	Stage string
	// Err is the cause.
	Err error
}

// Error is one line: the stage and the input, then the cause, the input
// named once (a reader's own "decode PATH: " or "PATH: " before the cause
// is dropped).
func (e *InputError) Error() string {
	msg := strings.Join(strings.Fields(e.Err.Error()), " ")
	if e.Path != "" {
		if rest, ok := strings.CutPrefix(msg, e.Path+": "); ok {
			msg = rest
		} else if verb, rest, ok := strings.Cut(msg, " "); ok && !strings.ContainsAny(verb, ":/") {
			if rest, ok := strings.CutPrefix(rest, e.Path+": "); ok {
				msg = rest
			}
		}
	}
	return fmt.Sprintf("%s %s: %s", e.Stage, e.Path, msg)
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }
