package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
)

// maxNest bounds the wrappers opened around one SBOM (a DSSE envelope
// around an in-toto statement around cosign's legacy {"Data": …} makes
// three).
const maxNest = 3

// inTotoStatementPrefix starts the _type of every in-toto statement
// ("https://in-toto.io/Statement/v0.1", ".../v1").
const inTotoStatementPrefix = "https://in-toto.io/Statement/"

// wrapped is how the SBOM being read sits in its wrappers.
type wrapped struct {
	env *Envelope
	// base is the pointer of the SBOM in the input; inline tells that the
	// SBOM is a JSON value there (its own pointers continue base) rather
	// than a text held in a string (its pointers follow ": ").
	base   string
	inline bool
	// offset is where the SBOM's text starts in the input, -1 when it is
	// not a slice of the input (base64-decoded, or unescaped from a
	// string).
	offset int64
	within string
	warns  []Warning
}

// join returns the pointer, in the input, of p in a text held at base.
func joinPointer(base string, inline bool, p string) string {
	switch {
	case p == "":
		return base
	case inline:
		return base + p
	}
	return base + ": " + p
}

// layer describes one wrapper around a text: where the text is (base,
// inline, offset), and the envelope fields the wrapper sets.
type layer struct {
	base   string
	inline bool
	offset int64
	within string
	fill   func(*Envelope)
}

// sniffEnvelope recognises a wrapper by the top-level members of a JSON
// object and identifies the SBOM in it. ok is false when the object is no
// wrapper.
func sniffEnvelope(s sniffed, top jsonTop, opts Options, locate bool) (out sniffed, ok bool, err error) {
	switch {
	case top.has("payloadType") && top.has("payload"):
		out, err = sniffDSSE(s, opts, locate)
	case top.has("predicate") && (top.has("predicateType") || strings.HasPrefix(mustStr(top, "_type"), inTotoStatementPrefix)):
		out, err = sniffStatement(s, top, opts, locate)
	case top.has("_type") && strings.HasPrefix(mustStr(top, "_type"), inTotoStatementPrefix):
		return s, true, newError(opts.Name, "", ErrInvalid, "in-toto statement without a predicate")
	case top.has("sbom") && !top.has("bomFormat") && !top.has("specVersion") && !top.has("spdxVersion") &&
		!top.has("SPDXID") && !top.has("@context") && valueStartsWith(s.body, top, "sbom", '{'):
		out, err = sniffGitHubExport(s, top, opts, locate)
	default:
		return s, false, nil
	}
	return out, true, err
}

// mustStr returns the string value of key, "" when it has none.
func mustStr(top jsonTop, key string) string {
	v, _ := top.str(key)
	return v
}

// valueStartsWith reports whether the value of key starts with c.
func valueStartsWith(body []byte, top jsonTop, key string, c byte) bool {
	i, ok := top.starts[key]
	return ok && i < len(body) && body[i] == c
}

// sniffInner identifies the text a wrapper holds and places it in the
// wrapper.
func sniffInner(text []byte, l layer, opts Options, locate bool) (sniffed, error) {
	if opts.nest >= maxNest {
		return sniffed{}, newError(opts.Name, "", ErrInvalid, "wrappers nested more than "+strconv.Itoa(maxNest)+" deep")
	}
	inner := opts
	inner.nest++
	s, err := sniff(text, inner, locate)
	if err != nil {
		// The error is already placed in the wrappers inside this one.
		return s, l.wrap(nil).error(err)
	}
	s.wrap = l.wrap(s.wrap)
	return s, nil
}

// wrap puts w (the inner text's own wrappers, nil for none) inside l.
func (l layer) wrap(w *wrapped) *wrapped {
	if w == nil {
		w = &wrapped{env: &Envelope{}, inline: l.inline, offset: l.offset, within: l.within}
		w.base = l.base
	} else {
		w.base = joinPointer(l.base, l.inline, w.base)
		if l.offset < 0 || w.offset < 0 {
			w.offset = -1
		} else {
			w.offset += l.offset
		}
		w.within += " in " + l.within
	}
	if l.fill != nil {
		l.fill(w.env)
	}
	w.env.Pointer = w.base
	return w
}

// error places an error of the wrapped text in the input.
func (w *wrapped) error(err error) error {
	var de *DecodeError
	if w == nil || !errors.As(err, &de) {
		return err
	}
	if de.Within == "" {
		de.Within = w.within
	} else {
		de.Within += " in " + w.within
	}
	p := de.Pointer
	if w.offset < 0 {
		// A place in a decoded text goes into the pointer.
		place := ""
		switch {
		case de.Line > 0:
			place = lineRef(de.Line)
		case de.Offset >= 0:
			place = "byte " + strconv.FormatInt(de.Offset, 10)
		}
		switch {
		case place == "":
		case p == "":
			p = place
		default:
			p += " (" + place + ")"
		}
		de.Line, de.Offset = 0, -1
	} else if de.Offset >= 0 {
		de.Offset += w.offset
	}
	de.Pointer = joinPointer(w.base, w.inline && strings.HasPrefix(p, "/"), p)
	return de
}

// sniffDSSE reads a DSSE envelope: the payload is base64-decoded and
// identified.
func sniffDSSE(s sniffed, opts Options, locate bool) (sniffed, error) {
	var env dsse.Envelope
	if err := json.Unmarshal(s.body, &env); err != nil {
		e := jsonError(opts.Name, "", err)
		var de *DecodeError
		if errors.As(e, &de) {
			de.Within = "a DSSE envelope"
		}
		return s, e
	}
	payload, err := env.DecodeB64Payload()
	if err != nil {
		e := newError(opts.Name, "", ErrInvalid, "payload is not base64")
		e.Within, e.Pointer, e.Cause = "a DSSE envelope", "/payload", err
		return s, e
	}
	l := layer{base: "/payload", offset: -1, within: "a DSSE envelope", fill: func(e *Envelope) {
		e.Kind, e.PayloadType, e.Signatures = EnvelopeDSSE, env.PayloadType, len(env.Signatures)
	}}
	in, err := sniffInner(payload, l, opts, locate)
	if err == nil && len(env.Signatures) > 0 {
		in.wrap.warns = append(in.wrap.warns, Warning{Code: WarnSignatureUnverified,
			Message: strconv.Itoa(len(env.Signatures)) + " DSSE signature(s) not verified: the payload is read, not who signed it", Pointer: "/signatures"})
	}
	return in, err
}

// inTotoStatement is the part of an in-toto statement (v0.1 or v1) that
// is read.
type inTotoStatement struct {
	Type          string          `json:"_type"`
	PredicateType string          `json:"predicateType"`
	Subject       json.RawMessage `json:"subject"`
	Predicate     json.RawMessage `json:"predicate"`
}

// sniffStatement reads an in-toto statement: its predicate, a JSON
// object or a string (cosign writes SPDX tag-value as one), or cosign's
// older {"Data": …, "Timestamp": …} around either, is identified.
func sniffStatement(s sniffed, top jsonTop, opts Options, locate bool) (sniffed, error) {
	var st inTotoStatement
	if err := json.Unmarshal(s.body, &st); err != nil {
		e := jsonError(opts.Name, "", err)
		var de *DecodeError
		if errors.As(e, &de) {
			de.Within = "an in-toto statement"
		}
		return s, e
	}
	var subjects []EnvelopeSubject
	if len(st.Subject) > 0 && json.Unmarshal(st.Subject, &subjects) != nil {
		subjects = nil // not screened; an odd subject list is left out
	}
	fill := func(e *Envelope) {
		if e.Kind == "" {
			e.Kind = EnvelopeInToto
		}
		e.StatementType, e.PredicateType, e.Subjects = st.Type, st.PredicateType, subjects
	}
	pred := bytes.TrimSpace(st.Predicate)
	start := int64(-1)
	if i, ok := top.starts["predicate"]; ok {
		start = int64(i)
	}
	l := layer{base: "/predicate", inline: true, offset: start, within: "an in-toto statement", fill: fill}
	var text []byte
	switch {
	case len(pred) > 0 && pred[0] == '{':
		text = pred
		if data, ok := cosignLegacyData(pred); ok {
			l.base, l.offset = "/predicate/Data", -1
			text = data
			if len(data) > 0 && data[0] == '"' {
				var str string
				if err := json.Unmarshal(data, &str); err != nil {
					return s, newError(opts.Name, "", ErrSyntax, "predicate Data is not a JSON string")
				}
				text, l.inline = []byte(str), false
			}
		}
	case len(pred) > 0 && pred[0] == '"':
		var str string
		if err := json.Unmarshal(pred, &str); err != nil {
			return s, newError(opts.Name, "", ErrSyntax, "predicate is not a JSON string")
		}
		text, l.inline, l.offset = []byte(str), false, -1
	default:
		e := newError(opts.Name, "", ErrUnknownFormat, "predicate is neither a JSON object nor a string")
		e.Within, e.Pointer = "an in-toto statement", "/predicate"
		return s, e
	}
	in, err := sniffInner(text, l, opts, locate)
	if err != nil {
		return in, err
	}
	if msg := predicateMismatch(st.PredicateType, in.format); msg != "" {
		in.wrap.warns = append(in.wrap.warns, Warning{Code: WarnPredicateType, Message: msg, Pointer: "/predicateType"})
	}
	return in, nil
}

// cosignLegacyData returns the Data member of cosign's older predicate
// wrapping ({"Data": …, "Timestamp": …}, nothing else).
func cosignLegacyData(pred []byte) ([]byte, bool) {
	members, ok := objectMembers(pred)
	if !ok || len(members) == 0 || len(members) > 2 {
		return nil, false
	}
	var data []byte
	for _, m := range members {
		switch m.key {
		case "Data":
			data = bytes.TrimSpace(m.value)
		case "Timestamp":
		default:
			return nil, false
		}
	}
	return data, data != nil && (data[0] == '{' || data[0] == '"')
}

// plainURI matches a predicate type plain enough to be named in a message.
var plainURI = regexp.MustCompile(`^https?://[A-Za-z0-9./_-]{1,120}$`)

// predicateMismatch says how a statement's predicateType fails to name
// the format its predicate holds, "" when it names it.
func predicateMismatch(predicateType string, f Format) string {
	family := ""
	switch {
	case strings.HasPrefix(predicateType, "https://cyclonedx.org/bom"), strings.HasPrefix(predicateType, "https://cyclonedx.org/schema"):
		family = "cyclonedx"
	case strings.HasPrefix(predicateType, "https://spdx.dev/Document"):
		family = "spdx"
	}
	if family != "" && strings.HasPrefix(string(f), family) {
		return ""
	}
	named := "the predicate type"
	if plainURI.MatchString(predicateType) {
		named = "predicate type " + predicateType
	}
	if family == "" {
		return named + " does not name an SBOM format; the predicate was read as " + string(f)
	}
	return named + " names another SBOM format; the predicate was read as " + string(f)
}

// sniffGitHubExport reads the response of GitHub's dependency-graph SBOM
// export, {"sbom": {…SPDX JSON…}}.
func sniffGitHubExport(s sniffed, top jsonTop, opts Options, locate bool) (sniffed, error) {
	var resp struct {
		SBOM json.RawMessage `json:"sbom"`
	}
	if err := json.Unmarshal(s.body, &resp); err != nil {
		e := jsonError(opts.Name, "", err)
		var de *DecodeError
		if errors.As(e, &de) {
			de.Within = "a GitHub dependency-graph export"
		}
		return s, e
	}
	start := int64(-1)
	if i, ok := top.starts["sbom"]; ok {
		start = int64(i)
	}
	l := layer{base: "/sbom", inline: true, offset: start, within: "a GitHub dependency-graph export",
		fill: func(e *Envelope) { e.Kind = EnvelopeGitHub }}
	return sniffInner(resp.SBOM, l, opts, locate)
}

// unwrapResult places a decoded document, or a decode error, in the
// wrappers the SBOM came in.
func (s sniffed) unwrapResult(doc *Document, err error) (*Document, error) {
	w := s.wrap
	if w == nil {
		return doc, err
	}
	if err != nil {
		return nil, w.error(err)
	}
	if doc == nil {
		return nil, nil
	}
	w.place(doc)
	return doc, nil
}

// place rewrites the pointers of doc into the input and records the
// envelope. A ref made from a pointer (a component without bom-ref or
// SPDXID) is rewritten with it, wherever it is used.
func (w *wrapped) place(doc *Document) {
	if s := doc.Subject; s != nil {
		// The subject may be a copy of a component that shares its
		// slices: it gets its own before either is rewritten.
		s.Parties, s.ExternalRefs, s.Path = slices.Clone(s.Parties), slices.Clone(s.ExternalRefs), slices.Clone(s.Path)
	}
	refs := make(map[string]string)
	ptr := func(p string) string {
		if p == "" {
			return p
		}
		return joinPointer(w.base, w.inline, p)
	}
	comp := func(c *Component) {
		if c.Ref == c.Pointer && c.Ref != "" {
			refs[c.Ref] = ptr(c.Ref)
		}
		c.Pointer = ptr(c.Pointer)
		c.CopyrightPointer = ptr(c.CopyrightPointer)
		for i := range c.Parties {
			c.Parties[i].Pointer = ptr(c.Parties[i].Pointer)
		}
		for i := range c.ExternalRefs {
			c.ExternalRefs[i].Pointer = ptr(c.ExternalRefs[i].Pointer)
		}
	}
	for i := range doc.Components {
		comp(&doc.Components[i])
	}
	if doc.Subject != nil {
		comp(doc.Subject)
	}
	for i := range doc.Parties {
		doc.Parties[i].Pointer = ptr(doc.Parties[i].Pointer)
	}
	for i := range doc.Warnings {
		doc.Warnings[i].Pointer = ptr(doc.Warnings[i].Pointer)
	}
	ref := func(r string) string {
		if n, ok := refs[r]; ok {
			return n
		}
		return r
	}
	if len(refs) > 0 {
		fix := func(c *Component) {
			c.Ref = ref(c.Ref)
			if len(c.Path) > 0 {
				// Siblings share their parents' path: each gets its own.
				path := make([]string, len(c.Path))
				for i, r := range c.Path {
					path[i] = ref(r)
				}
				c.Path = path
			}
		}
		for i := range doc.Components {
			fix(&doc.Components[i])
		}
		if doc.Subject != nil {
			fix(doc.Subject)
		}
		if doc.Dependencies != nil {
			deps := make(map[string][]string, len(doc.Dependencies))
			for k, v := range doc.Dependencies {
				for i := range v {
					v[i] = ref(v[i])
				}
				deps[ref(k)] = v
			}
			doc.Dependencies = deps
		}
	}
	doc.Envelope = w.env
	doc.Warnings = append(doc.Warnings, w.warns...)
}
