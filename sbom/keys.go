package sbom

import (
	"errors"

	"github.com/bangate/bangate/internal/strictkeys"
)

// checkKeys rejects a JSON document in which an object repeats a key or
// holds two keys equal up to case folding: the decoders here (encoding/json)
// match keys case-insensitively and keep the last, while case-sensitive
// readers (the CycloneDX and SPDX validators, jq, Python) see the other
// value, so such a document means different things to different readers.
// Documents that are not JSON pass; see checkYAMLKeys for SPDX YAML.
//
// sniffErr is the pre-scan's verdict. When it found the document invalid
// (it rejects exact duplicates without naming them), a key error found
// here replaces it, since it names the key; other scan errors stand.
func checkKeys(s sniffed, opts Options, sniffErr error) error {
	if c := firstNonSpace(s.body); c != '{' && c != '[' {
		return nil
	}
	if sniffErr != nil && !errors.Is(sniffErr, ErrInvalid) {
		return nil
	}
	err := strictkeys.CheckJSON(s.body)
	var ke *strictkeys.KeyError
	if err == nil || (sniffErr != nil && !errors.As(err, &ke)) {
		return nil
	}
	return keysError(opts.Name, s.format, err, true)
}

// checkYAMLKeys rejects an SPDX YAML document whose mappings repeat a key
// or hold keys equal up to case: first on the YAML itself, for the line
// and column, then on converted, the JSON the decoder reads, which is
// what counts when the two YAML parsers differ.
func checkYAMLKeys(s sniffed, converted []byte, opts Options) error {
	var ke *strictkeys.KeyError
	if err := strictkeys.CheckYAML(s.body); errors.As(err, &ke) {
		return keysError(opts.Name, s.format, err, true)
	}
	if err := strictkeys.CheckJSON(converted); err != nil {
		// Places in the converted JSON mean nothing to the user; the
		// pointer still says where.
		return keysError(opts.Name, s.format, err, false)
	}
	return nil
}

// keysError maps a strictkeys error to a *DecodeError; place says whether
// its line, column and offset refer to the input.
func keysError(name string, f Format, err error, place bool) error {
	var ke *strictkeys.KeyError
	if errors.As(err, &ke) {
		shown := *ke
		if !place {
			shown.Line, shown.Column, shown.OtherLine, shown.Offset = 0, 0, 0, -1
		}
		e := newError(name, f, ErrInvalid, shown.Error())
		e.Offset, e.Cause = shown.Offset, err
		return e
	}
	var se *strictkeys.SyntaxError
	if errors.As(err, &se) {
		e := newError(name, f, ErrSyntax, "malformed JSON")
		if se.Pointer != "" {
			e.Detail += " in " + se.Pointer
		}
		e.Cause = err
		if place {
			e.Offset = se.Offset
		}
		return e
	}
	e := newError(name, f, ErrInvalid, "could not check the keys")
	e.Cause = err
	return e
}

// firstNonSpace returns the first byte of b that is not JSON white space,
// 0 when there is none.
func firstNonSpace(b []byte) byte {
	for _, c := range b {
		if !isSpace(c) {
			return c
		}
	}
	return 0
}
