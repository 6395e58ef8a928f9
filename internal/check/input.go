package check

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/sbom"
)

// Input kinds (Plan.Input.Kind, decision.Input.Kind).
const (
	KindAuto        = "auto"
	KindSBOM        = "sbom"
	KindProcurement = "procurement"
)

// Input is one input to check.
type Input struct {
	// Path names the input in reports ("-" for standard input).
	Path string
	// Data is the whole input; nil when Err is set, or when the caller
	// dropped the bytes after Parse because nothing needs them again.
	Data []byte
	// Err is a problem met while reading the input; the input is then
	// decided as "error".
	Err error

	parsed *parsed // set by Parse
}

// parsed is an input read and parsed, not yet screened or decided.
type parsed struct {
	sha256  string
	size    int64
	kind    string
	format  string
	spec    string
	doc     *sbom.Document
	vendors []procurement.Vendor
	err     *InputError
	// data is the input's bytes, kept (whatever the caller does with
	// Input.Data) to place the findings in the file after evaluation.
	data []byte
}

// Parse detects the kind and format of an input and parses it ahead of its
// check, so that a front end can parse while NewSession compiles the
// policies and loads the lists; Session.Run then uses the result. Only
// the plan's Input settings matter here. The caller may drop Data
// afterwards when nothing else (an evidence record) needs the bytes; the
// parsed input keeps them until the run has placed its findings in them.
func Parse(plan Plan, in Input) Input {
	if in.parsed == nil {
		in.parsed = parse(in, plan.Input)
	}
	return in
}

// parse detects the kind and format of an input and parses it.
func parse(in Input, opts InputPlan) *parsed {
	p := &parsed{kind: KindSBOM}
	if in.Err != nil {
		p.err = &InputError{Path: in.Path, Stage: StageRead, Err: in.Err}
		return p
	}
	sum := sha256.Sum256(in.Data)
	p.sha256, p.size, p.data = hex.EncodeToString(sum[:]), int64(len(in.Data)), in.Data
	popts := procurement.Options{Columns: opts.Columns, Encoding: opts.Encoding}
	fail := func(err error) *parsed {
		p.err = &InputError{Path: in.Path, Stage: StageParse, Err: err}
		return p
	}
	readVendors := func() error {
		vs, err := procurement.Read(in.Data, in.Path, popts)
		if err != nil {
			return err
		}
		f, _ := procurement.Detect(in.Data)
		p.kind, p.format, p.vendors = KindProcurement, "procurement-"+string(f), vs
		return nil
	}
	kind, sbomErr := kindOf(in.Data, opts.Kind)
	switch kind {
	case "sbom?":
		// Not quite an SBOM (invalid UTF-8, data after the document, ...):
		// a vendor file in another encoding, or concatenated OCDS
		// packages, reads as one; anything else is the broken SBOM it
		// looks like.
		if readVendors() == nil {
			return p
		}
	case KindProcurement:
		p.kind = KindProcurement
		if err := readVendors(); err != nil {
			return fail(err)
		}
		return p
	case "":
		return fail(sbomErr)
	}
	doc, err := sbom.Decode(in.Data, sbom.Options{Name: in.Path})
	if err != nil {
		return fail(err)
	}
	p.format, p.spec, p.doc = string(doc.Format), doc.SpecVersion, doc
	return p
}

// kindOf tells an SBOM from a procurement file by content: "sbom" for
// what sbom.Identify recognises, "procurement" for what only the vendor
// readers can take, "sbom?" for a file that fails to identify as an SBOM
// for a reason a vendor file could also have (its encoding, data after the
// first JSON value), which the caller settles by trying to read it, and
// "" with the reason for a file that is neither.
func kindOf(data []byte, kind string) (string, error) {
	switch kind {
	case KindSBOM, KindProcurement:
		return kind, nil
	}
	_, _, err := sbom.Identify(data)
	switch {
	case err == nil:
		return KindSBOM, nil
	case errors.Is(err, sbom.ErrInvalidUTF8), errors.Is(err, sbom.ErrTrailingData):
		return "sbom?", nil
	case !errors.Is(err, sbom.ErrUnknownFormat):
		return KindSBOM, nil
	}
	if _, perr := procurement.Detect(data); perr != nil {
		return "", fmt.Errorf("neither an SBOM nor a procurement file: %w", err)
	}
	return KindProcurement, nil
}
