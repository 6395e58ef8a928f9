package sbom

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"unicode/utf8"
)

// PanicError is the cause of an ErrParserFailed error: a panic inside a
// parser (ours or a library's) that Decode or Identify recovered. Find it
// with errors.As to log the stack.
type PanicError struct {
	// Value is what the parser panicked with.
	Value any
	// Stack is the panicking goroutine's stack trace.
	Stack []byte
}

// Error returns the panic's message, one line, clipped.
func (e *PanicError) Error() string {
	return panicMessage(e.Value)
}

// maxPanicMessage bounds the panic message quoted in an error.
const maxPanicMessage = 200

// panicMessage renders a panic value as one line of at most
// maxPanicMessage bytes.
func panicMessage(v any) string {
	var msg string
	switch x := v.(type) {
	case runtime.Error:
		msg = x.Error()
	case error:
		msg = x.Error()
	case string:
		msg = x
	default:
		msg = fmt.Sprintf("%v", x)
	}
	msg = strings.Join(strings.Fields(msg), " ")
	if len(msg) > maxPanicMessage {
		cut := maxPanicMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	if msg == "" {
		msg = "panic"
	}
	return msg
}

// parserFailed turns a recovered panic into the *DecodeError that Decode
// and Identify return: ErrParserFailed, the panic's message as the detail
// and a *PanicError as the cause.
func parserFailed(name string, s *sniffed, v any) *DecodeError {
	pe := &PanicError{Value: v, Stack: debug.Stack()}
	e := newError(name, s.format, ErrParserFailed, pe.Error())
	e.Version = s.version
	e.Cause = pe
	return e
}
