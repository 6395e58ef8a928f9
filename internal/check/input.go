package check

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/bangate/bangate/internal/inputtext"
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
	// Skipped, when set, says why a file found in a directory is not an
	// input (a hidden file, a FIFO, a README): the run reports it and
	// decides nothing about it.
	Skipped string

	member bool    // found in a directory, not named by the user
	parsed *parsed // set by Parse
}

// parsed is an input read and parsed, not yet screened or decided.
type parsed struct {
	sha256 string
	size   int64
	kind   string
	format string
	spec   string
	doc    *sbom.Document
	// count is the number of doc's components; screened, when set, holds
	// them attributed and screened as they were decoded (a screenSink),
	// and doc.Components is then empty.
	count    int
	screened []componentsPart
	vendors  []procurement.Vendor
	err      *InputError
	skip     string // why a directory member is not an input
	// data is the input's bytes, kept (whatever the caller does with
	// Input.Data) to place the findings in the file after evaluation: as
	// UTF-8 when the file is UTF-16 (encoding).
	data []byte
	// encoding names the encoding the file was read from when it is not
	// UTF-8 ("UTF-16LE"), "" when it is.
	encoding string
	// places are where the decoder found the top-level components in
	// data (sbom.DecodeEach), nil when it did not say.
	places *sbom.ComponentPlaces
	// spent is set once a run has built the policy input of doc and let
	// doc go: another run of the input parses it again.
	spent bool
}

// errNeither is wrapped when an input is neither an SBOM nor a vendor
// file.
var errNeither = errors.New("not an SBOM or vendor file")

// Parse detects the kind and format of an input and parses it ahead of its
// check, so that a front end can parse while NewSession compiles the
// policies and loads the lists; Session.Run then uses the result. Only
// the plan's Input settings matter here. The caller may drop Data of an
// input Parse parsed (Parsed) when nothing else (an evidence record)
// needs the bytes; the parsed input keeps them until the run has placed
// its findings in them. A run lets the parsed document go once it has built the policy input
// from it, so that its memory is free before evaluation: a second run of
// the same Input parses it again, from Data.
//
// An SBOM input of at least streamFrom bytes is left to the run, which
// decodes, attributes and screens its components range by range
// (sbom.DecodeEach), so that they are never all held at once.
func Parse(plan Plan, in Input) Input {
	if in.parsed == nil && (plan.Input.Kind == KindProcurement || len(in.Data) < streamFrom) {
		in.parsed = parse(in, plan.Input, nil)
	}
	return in
}

// Parsed reports whether Parse parsed the input: the run then needs no
// more of Data, which the caller may drop. An input Parse left to the run
// needs it.
func (in Input) Parsed() bool { return in.parsed != nil }

// streamFrom is the input size from which Parse leaves an SBOM to the
// run.
const streamFrom = 4 << 20

// parse detects the kind and format of an input and parses it. With sink
// set, an SBOM's components are attributed and screened as they are
// decoded, and parsed.screened holds the results.
func parse(in Input, opts InputPlan, sink *screenSink) *parsed {
	p := &parsed{kind: KindSBOM}
	if in.Skipped != "" {
		p.skip = in.Skipped
		return p
	}
	if in.Err != nil {
		p.err = &InputError{Path: in.Path, Stage: StageRead, Err: in.Err}
		return p
	}
	p.size, p.data = int64(len(in.Data)), in.Data
	original := in.Data
	digest := func() {
		p.sha256 = sha256Chunked(original)
	}
	if sink != nil && len(in.Data) >= streamFrom {
		// A large input is hashed while it is decoded, whose first pass
		// (detection, the key check) runs on one core.
		var wg sync.WaitGroup
		wg.Go(digest)
		defer wg.Wait()
	} else {
		digest()
	}
	// A file in UTF-16, or XML in the encoding it declares, is read as
	// the text it holds; its digest and size are the file's.
	text, encoding, err := inputtext.Read(in.Data)
	if err != nil {
		p.err = &InputError{Path: in.Path, Stage: StageParse, Err: err}
		return p
	}
	in.Data, p.data, p.encoding = text, text, encoding
	popts := procurement.Options{Columns: opts.Columns, Encoding: opts.Encoding}
	if encoding != "" {
		// Read from its own encoding already: the vendor files'
		// encoding the plan names is not this file's.
		popts.Encoding = "utf-8"
	}
	fail := func(err error) *parsed {
		// A file found in a directory that is not an SBOM or a vendor file
		// at all (a README, a workflow, an ownership file given beside the
		// vendor files) is not an input: it is reported as skipped. Named
		// by the user, it is an error.
		if in.member {
			switch {
			case errors.Is(err, procurement.ErrOwnershipFile):
				p.skip = "an ownership file: give it with --ownership"
				return p
			case errors.Is(err, procurement.ErrNotVendorFile), errors.Is(err, errNeither):
				p.skip = "not an SBOM or vendor file"
				return p
			}
		}
		p.err = &InputError{Path: in.Path, Stage: StageParse, Err: err}
		return p
	}
	readVendors := func() error {
		vs, f, err := procurement.ReadFormat(in.Data, in.Path, popts)
		if err != nil {
			return err
		}
		p.kind, p.format, p.vendors = KindProcurement, "procurement-"+string(f), vs
		return nil
	}
	switch opts.Kind {
	case KindProcurement:
		p.kind = KindProcurement
		if err := readVendors(); err != nil {
			return fail(err)
		}
		return p
	case KindSBOM:
		return decodeSBOM(p, in, sink, fail)
	}
	// Detection by content, each reader once: an SBOM reader that does
	// not recognise the content says so at once, and only then are the
	// vendor readers tried. A file that is not quite an SBOM for a reason
	// a vendor file can also have (its encoding, data after the first
	// JSON value: a vendor file in another encoding, concatenated OCDS
	// packages) is the vendor file it reads as, else the broken SBOM it
	// looks like.
	doc, err := p.decode(in, sink)
	if p.err != nil {
		return p
	}
	switch {
	case err == nil:
		p.format, p.spec, p.doc = string(doc.Format), doc.SpecVersion, doc
		return p
	case errors.Is(err, sbom.ErrInvalidUTF8), errors.Is(err, sbom.ErrTrailingData):
		if readVendors() == nil {
			return p
		}
		return fail(err)
	case errors.Is(err, sbom.ErrUnknownFormat):
		if _, derr := procurement.Detect(in.Data); derr != nil {
			return fail(fmt.Errorf("%w (%s)", errNeither, describe(in.Data)))
		}
		p.kind = KindProcurement
		if verr := readVendors(); verr != nil {
			if errors.Is(verr, procurement.ErrNotVendorFile) {
				return fail(fmt.Errorf("%w (%s; read as a vendor table: %w)", errNeither, describe(in.Data), verr))
			}
			return fail(verr)
		}
		return p
	}
	return fail(err)
}

// decode decodes an SBOM, with sink (sbom.DecodeEach) when it is set. A
// component the sink could not screen sets p.err.
func (p *parsed) decode(in Input, sink *screenSink) (*sbom.Document, error) {
	opts := sbom.Options{Name: in.Path}
	if sink == nil {
		doc, err := sbom.Decode(in.Data, opts)
		if doc != nil {
			p.count = len(doc.Components)
		}
		return doc, err
	}
	// Nothing bangate checks reads the dependency graph.
	opts.NoDependencies = true
	doc, n, err := sbom.DecodeEach(in.Data, opts, sink)
	if err != nil && sink.err != nil && errors.Is(err, sink.err) {
		p.err = &InputError{Path: in.Path, Stage: StageScreen, Err: err}
		return nil, err
	}
	if err == nil {
		p.count, p.screened, p.places = n, sink.results(), sink.places
	}
	return doc, err
}

// decodeSBOM reads an input the plan says is an SBOM.
func decodeSBOM(p *parsed, in Input, sink *screenSink, fail func(error) *parsed) *parsed {
	doc, err := p.decode(in, sink)
	if p.err != nil {
		return p
	}
	if err != nil {
		return fail(err)
	}
	p.format, p.spec, p.doc = string(doc.Format), doc.SpecVersion, doc
	return p
}

// sha256Chunked is the hex SHA-256 of data, hashed a chunk at a time: one
// call of the hash's assembly over a large input cannot be preempted, and
// would keep the goroutines of the process that must run meanwhile (the
// one that lets the pages of a private copy go, spillCopy) off a core
// for as long as it takes.
func sha256Chunked(data []byte) string {
	h := sha256.New()
	for len(data) > 0 {
		n := min(len(data), hashChunk)
		h.Write(data[:n])
		data = data[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// hashChunk is the size of the chunks sha256Chunked hashes.
const hashChunk = 1 << 20
