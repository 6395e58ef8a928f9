package report

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// JSONSchema is the value of the top-level "schema" key of the JSON
// report. It changes only when a field is removed or changes meaning.
const JSONSchema = "bangate.decision/v1"

type jsonRenderer struct{}

var _ Renderer = (*jsonRenderer)(nil)

// jsonDocument is the JSON report: the schema tag, the run's fields, and
// the inputs last. Embedding keeps every field decision.Run has or gains;
// the outer Inputs shadows Run.Inputs.
type jsonDocument struct {
	Schema string `json:"schema"`
	*decision.Run
	Inputs []jsonInput `json:"inputs"`
}

// jsonInput is an input whose result lists are written by spliceLists.
type jsonInput struct {
	*decision.Input
	Result jsonResult `json:"result"`
}

// jsonResult holds, in place of each list of violations, a placeholder
// string that Render replaces with the list.
type jsonResult struct {
	*decision.Result
	Violations json.RawMessage `json:"violations"`
	Reviews    json.RawMessage `json:"reviews"`
	Warnings   json.RawMessage `json:"warnings"`
	Waived     json.RawMessage `json:"waived"`
}

// Render writes the whole run as indented JSON, each violation on one
// line: a run may hold many thousands, and indenting every one would
// double the file and the time. Lists are sorted by ID, empty lists are []
// rather than null, and map keys (match, waiver) are sorted; violations
// keep the order the decision gave them. The inputs come last.
func (r *jsonRenderer) Render(w io.Writer, run *decision.Run) error {
	if run == nil {
		return fmt.Errorf("render json: %w", ErrNilRun)
	}
	n := normalizedRun(run)

	// Placeholders carry a random nonce so that no string in the run can
	// be mistaken for one; they never reach the output.
	var nonce [16]byte
	_, _ = rand.Read(nonce[:])
	prefix := `"bangate-json-list-` + hex.EncodeToString(nonce[:]) + `-`
	var parts [][]decision.Violation
	placeholder := func(vs []decision.Violation) json.RawMessage {
		p := json.RawMessage(prefix + strconv.Itoa(len(parts)) + `"`)
		parts = append(parts, vs)
		return p
	}
	doc := jsonDocument{Schema: JSONSchema, Run: n, Inputs: make([]jsonInput, len(n.Inputs))}
	for i := range n.Inputs {
		in := &n.Inputs[i]
		doc.Inputs[i] = jsonInput{Input: in, Result: jsonResult{
			Result:     &in.Result,
			Violations: placeholder(in.Result.Violations),
			Reviews:    placeholder(in.Result.Reviews),
			Warnings:   placeholder(in.Result.Warnings),
			Waived:     placeholder(in.Result.Waived),
		}}
	}

	// Encode compactly, then indent: what an Encoder with SetIndent
	// writes (json.Indent's output), but jsontext indents the encoder's
	// strings and numbers as they are, byte for byte, several times
	// faster than json.Indent's scanner.
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("render json: %w", err)
	}
	env, err := indentJSON(compact.Bytes())
	if err != nil {
		return fmt.Errorf("render json: %w", err)
	}
	if buf, ok := w.(*bytes.Buffer); ok {
		// Written in memory (the server): size it once, no buffering.
		buf.Grow(len(env) + listsSize(parts))
		return wrapRender(spliceLists(buf, env, prefix, parts))
	}
	bw := bufio.NewWriter(w)
	if err := spliceLists(bw, env, prefix, parts); err != nil {
		return wrapRender(err)
	}
	return wrapRender(bw.Flush())
}

// indentJSON is json.Indent(dst, compact, "", "  ") of the output of a
// json.Encoder (one compact value and a newline), byte for byte.
func indentJSON(compact []byte) ([]byte, error) {
	v := jsontext.Value(bytes.TrimSuffix(compact, []byte("\n")))
	if err := v.Indent(jsontext.WithIndent("  ")); err != nil {
		return nil, err
	}
	return append(v, '\n'), nil
}

// wrapRender wraps an error of rendering; nil stays nil.
func wrapRender(err error) error {
	if err != nil {
		return fmt.Errorf("render json: %w", err)
	}
	return nil
}

// listsSize estimates the bytes the violations of parts take in JSON.
func listsSize(parts [][]decision.Violation) int {
	n := 0
	for _, vs := range parts {
		n += 512 * len(vs)
	}
	return n
}

// listWriter is where spliceLists writes: a bufio.Writer or a
// bytes.Buffer.
type listWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// spliceLists copies env to bw, replacing the k-th placeholder with the
// JSON array of parts[k], one violation per line, indented one step
// deeper than the line the placeholder is on.
func spliceLists(bw listWriter, env []byte, prefix string, parts [][]decision.Violation) error {
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	pos := 0
	for k, vs := range parts {
		mark := prefix + strconv.Itoa(k) + `"`
		at := bytes.Index(env[pos:], []byte(mark))
		if at < 0 {
			return fmt.Errorf("place list %d", k)
		}
		at += pos
		_, _ = bw.Write(env[pos:at])
		pos = at + len(mark)
		if len(vs) == 0 {
			_, _ = bw.WriteString("[]")
			continue
		}
		start := bytes.LastIndexByte(env[:at], '\n') + 1
		indent := 0
		for start+indent < at && env[start+indent] == ' ' {
			indent++
		}
		_ = bw.WriteByte('[')
		for i := range vs {
			line.Reset()
			if err := enc.Encode(&vs[i]); err != nil {
				return err
			}
			if i > 0 {
				_ = bw.WriteByte(',')
			}
			_ = bw.WriteByte('\n')
			for range indent + 2 {
				_ = bw.WriteByte(' ')
			}
			_, _ = bw.Write(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
		}
		_ = bw.WriteByte('\n')
		for range indent {
			_ = bw.WriteByte(' ')
		}
		_ = bw.WriteByte(']')
	}
	_, _ = bw.Write(env[pos:])
	return nil
}

// normalizedRun returns a shallow copy of run whose lists are sorted by ID
// and whose slices are never nil, so the JSON has one shape. run itself is
// not changed.
func normalizedRun(run *decision.Run) *decision.Run {
	out := *run
	out.Lists = sortedLists(run)
	if out.Lists == nil {
		out.Lists = []provenance.List{}
	}
	if out.Sources.Config == nil {
		out.Sources.Config = []decision.ConfigFile{}
	}
	if out.Sources.Policies == nil {
		out.Sources.Policies = []provenance.File{}
	}
	out.Inputs = make([]decision.Input, len(run.Inputs))
	for i, in := range run.Inputs {
		in.Result.Violations = nonNil(in.Result.Violations)
		in.Result.Reviews = nonNil(in.Result.Reviews)
		in.Result.Warnings = nonNil(in.Result.Warnings)
		in.Result.Waived = nonNil(in.Result.Waived)
		out.Inputs[i] = in
	}
	return &out
}

func nonNil(vs []decision.Violation) []decision.Violation {
	if vs == nil {
		return []decision.Violation{}
	}
	return vs
}
