package sbom

import (
	"cmp"
	"errors"
	"strconv"

	"github.com/bangate/bangate/internal/strictkeys"
)

// checkKeys also records, for CycloneDX JSON, the strings under members
// no CycloneDX reader reads (s.unread).
//
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
func checkKeys(s *sniffed, opts Options, sniffErr error) error {
	return checkKeysAhead(s, opts, sniffErr, nil)
}

// checkKeysAhead is checkKeys, which takes the result of ahead (the check
// started beside the pre-scan) when it stands for the check of s.
func checkKeysAhead(s *sniffed, opts Options, sniffErr error, ahead *keysAhead) error {
	done := ahead.stands(s, sniffErr)
	if c := firstNonSpace(s.body); c != '{' && c != '[' {
		return nil
	}
	if sniffErr != nil && !errors.Is(sniffErr, ErrInvalid) {
		return nil
	}
	var err error
	if done {
		err, s.unread = ahead.err, append(s.unread, ahead.unread...)
	} else {
		var members func(container []byte) func(name []byte) bool
		if s.format == FormatCycloneDXJSON && sniffErr == nil {
			members = cdxKnownNames
		}
		var unread []unreadField
		unread, err = checkJSONKeys(s.body, members)
		s.unread = append(s.unread, unread...)
	}
	var ke *strictkeys.KeyError
	if err == nil || (sniffErr != nil && !errors.As(err, &ke)) {
		return nil
	}
	return keysError(opts.Name, s.format, s.version, err, true)
}

// checkJSONKeys is the key check of a JSON text (strictkeys.
// CheckJSONNames) that also returns the strings under the members members
// does not know, when members is not nil.
func checkJSONKeys(body []byte, members func(container []byte) func(name []byte) bool) ([]unreadField, error) {
	var unread []unreadField
	err := strictkeys.CheckJSONNames(body, members, func(ptr, _, value string) {
		unread = append(unread, unreadField{pointer: ptr, value: value})
	})
	return unread, err
}

// checkYAMLKeys rejects an SPDX YAML document whose mappings repeat a key
// or hold keys equal up to case: first on the YAML itself, for the line
// and column, then on converted, the JSON the decoder reads, which is
// what counts when the two YAML parsers differ.
func checkYAMLKeys(s sniffed, converted []byte, opts Options) error {
	var ke *strictkeys.KeyError
	if err := strictkeys.CheckYAML(s.body); errors.As(err, &ke) {
		return keysError(opts.Name, s.format, s.version, err, true)
	}
	if err := strictkeys.CheckJSON(converted); err != nil {
		// Places in the converted JSON mean nothing to the user; the
		// pointer still says where.
		return keysError(opts.Name, s.format, s.version, err, false)
	}
	return nil
}

// keysError maps a strictkeys error to a *DecodeError whose message says
// it once: what is wrong, the pointer of the object, the line; place says
// whether its line and offset refer to the input.
func keysError(name string, f Format, version string, err error, place bool) error {
	e := newError(name, f, ErrInvalid, "could not check the keys")
	e.Version, e.Cause = version, err
	var ke *strictkeys.KeyError
	var se *strictkeys.SyntaxError
	switch {
	case errors.As(err, &ke):
		if errors.Is(ke.Err, strictkeys.ErrDuplicateKey) {
			e.Detail = "key " + visibleKey(ke.Key) + " given twice in one object"
		} else {
			e.Detail = "key " + visibleKey(ke.Key) + " repeats key " + visibleKey(ke.Other) + " up to letter case in one object"
		}
		e.Pointer, e.quiet = cmp.Or(ke.Pointer, "/"), true
		if place {
			e.Offset, e.Line = ke.Offset, ke.Line
		}
	case errors.As(err, &se):
		e.Kind, e.Detail, e.Pointer = ErrSyntax, "malformed JSON", se.Pointer
		if se.Err != nil {
			e.Cause = se.Err
		}
		if place {
			e.Offset, e.Line = se.Offset, se.Line
		}
	}
	return e
}

// visibleKey quotes a key, with its ASCII escape beside it when it is not
// plain ASCII, so that a look-alike letter shows: "ſupplier" ("\u017fupplier").
func visibleKey(k string) string {
	q, a := strconv.Quote(k), strconv.QuoteToASCII(k)
	if q == a {
		return q
	}
	return q + " (" + a + ")"
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
