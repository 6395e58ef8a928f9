package evidence

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	intoto "github.com/in-toto/attestation/go/v1"
	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/bangate/bangate/internal/strictkeys"
)

// MaxRecordSize bounds the envelope bytes Open reads.
const MaxRecordSize = 256 << 20

// Subject is one statement subject: an input file and its sha256.
type Subject struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// Record is an opened (not yet verified) evidence record.
type Record struct {
	// ID is the hex sha256 of the statement (the DSSE payload).
	ID string
	// Envelope is the DSSE envelope as read.
	Envelope *dsse.Envelope
	// Payload is the statement's bytes.
	Payload []byte
	// Subjects are the statement's subjects.
	Subjects []Subject
	// Predicate is the decoded predicate.
	Predicate *Predicate
}

// Signed reports whether the envelope carries a signature.
func (r *Record) Signed() bool { return len(r.Envelope.Signatures) > 0 }

// Statement encodes p and the subjects as an in-toto Statement v1.
func Statement(p *Predicate, subjects []Subject) ([]byte, error) {
	pj, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode predicate: %w", err)
	}
	st := &structpb.Struct{}
	if err := protojson.Unmarshal(pj, st); err != nil {
		return nil, fmt.Errorf("encode predicate: %w", err)
	}
	stmt := &intoto.Statement{Type: intoto.StatementTypeUri, PredicateType: PredicateType, Predicate: st}
	for _, s := range subjects {
		stmt.Subject = append(stmt.Subject, &intoto.ResourceDescriptor{Name: s.Name, Digest: map[string]string{"sha256": s.SHA256}})
	}
	if err := stmt.Validate(); err != nil {
		return nil, fmt.Errorf("encode statement: %w", err)
	}
	raw, err := protojson.Marshal(stmt)
	if err != nil {
		return nil, fmt.Errorf("encode statement: %w", err)
	}
	// protojson varies its whitespace from build to build; compact it so
	// that the same statement always has the same bytes and digest.
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, fmt.Errorf("encode statement: %w", err)
	}
	return buf.Bytes(), nil
}

// Seal wraps a statement in a DSSE envelope, signed by signer, or with no
// signature when signer is nil. It returns the envelope's JSON and the
// record ID.
func Seal(ctx context.Context, statement []byte, signer *Signer) ([]byte, string, error) {
	var env *dsse.Envelope
	if signer != nil {
		es, err := dsse.NewEnvelopeSigner(signer)
		if err != nil {
			return nil, "", fmt.Errorf("sign record: %w", err)
		}
		if env, err = es.SignPayload(ctx, PayloadType, statement); err != nil {
			return nil, "", fmt.Errorf("sign record: %w", err)
		}
	} else {
		env = &dsse.Envelope{PayloadType: PayloadType, Payload: base64.StdEncoding.EncodeToString(statement), Signatures: []dsse.Signature{}}
	}
	out, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		return nil, "", fmt.Errorf("encode envelope: %w", err)
	}
	return append(out, '\n'), digestOf(statement), nil
}

func digestOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Open parses an envelope and its statement and predicate, checking their
// form but not the signature. name is used in messages. A truncated or
// malformed envelope or statement is ErrMalformed; an unknown predicate
// type or version is ErrUnknownVersion.
func Open(data []byte, name string) (*Record, error) {
	if len(data) > MaxRecordSize {
		return nil, fmt.Errorf("read record %s: %w: larger than %d bytes", name, ErrMalformed, MaxRecordSize)
	}
	var env dsse.Envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return nil, fmt.Errorf("read record %s: %w: envelope is not complete JSON (truncated?): %w", name, ErrMalformed, jsonErr(err))
	}
	if dec.More() {
		return nil, fmt.Errorf("read record %s: %w: data after the envelope", name, ErrMalformed)
	}
	// encoding/json matched the envelope's keys case-insensitively: with
	// "payload" and "PAYLOAD" it kept the last, while other DSSE readers
	// may take the first. Refuse any key given twice or twice up to case,
	// here and in the statement.
	if err := strictkeys.CheckJSON(data); err != nil {
		return nil, fmt.Errorf("read record %s: %w: envelope: %w", name, ErrMalformed, err)
	}
	if env.PayloadType != PayloadType {
		return nil, fmt.Errorf("read record %s: %w: payload type %q, want %q", name, ErrMalformed, env.PayloadType, PayloadType)
	}
	// Strict: a payload or signature whose unused trailing bits were
	// changed must not decode to the same bytes.
	payload, err := base64.StdEncoding.Strict().DecodeString(env.Payload)
	if err != nil {
		return nil, fmt.Errorf("read record %s: %w: payload is not base64", name, ErrMalformed)
	}
	for i, s := range env.Signatures {
		if _, err := base64.StdEncoding.Strict().DecodeString(s.Sig); err != nil || s.Sig == "" {
			return nil, fmt.Errorf("read record %s: %w: signature %d is not base64", name, ErrMalformed, i+1)
		}
	}
	if err := strictkeys.CheckJSON(payload); err != nil {
		return nil, fmt.Errorf("read record %s: %w: statement: %w", name, ErrMalformed, err)
	}
	var stmt intoto.Statement
	if err := protojson.Unmarshal(payload, &stmt); err != nil {
		return nil, fmt.Errorf("read record %s: %w: statement: %s", name, ErrMalformed, oneLine(err.Error()))
	}
	if err := stmt.Validate(); err != nil {
		return nil, fmt.Errorf("read record %s: %w: statement: %w", name, ErrMalformed, err)
	}
	if stmt.GetType() != intoto.StatementTypeUri {
		return nil, fmt.Errorf("read record %s: %w: statement type %q, want %q", name, ErrUnknownVersion, stmt.GetType(), intoto.StatementTypeUri)
	}
	version, known := predicateTypes[stmt.GetPredicateType()]
	if !known {
		return nil, fmt.Errorf("read record %s: %w: predicate type %q; this build reads %q", name, ErrUnknownVersion, stmt.GetPredicateType(), PredicateType)
	}
	rec := &Record{ID: digestOf(payload), Envelope: &env, Payload: payload}
	for _, s := range stmt.GetSubject() {
		d := s.GetDigest()["sha256"]
		if !hexDigest.MatchString(d) {
			return nil, fmt.Errorf("read record %s: %w: subject %q has no sha256", name, ErrMalformed, s.GetName())
		}
		rec.Subjects = append(rec.Subjects, Subject{Name: s.GetName(), SHA256: d})
	}
	pj, err := protojson.Marshal(stmt.GetPredicate())
	if err != nil {
		return nil, fmt.Errorf("read record %s: %w: predicate: %w", name, ErrMalformed, err)
	}
	var p Predicate
	pdec := json.NewDecoder(bytes.NewReader(pj))
	pdec.DisallowUnknownFields()
	if err := pdec.Decode(&p); err != nil {
		return nil, fmt.Errorf("read record %s: %w: predicate: %w", name, ErrMalformed, jsonErr(err))
	}
	if p.Version != version {
		return nil, fmt.Errorf("read record %s: %w: predicate version %d under predicate type %q", name, ErrUnknownVersion, p.Version, stmt.GetPredicateType())
	}
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("read record %s: %w: predicate: %w", name, ErrMalformed, err)
	}
	rec.Predicate = &p
	return rec, nil
}

// jsonErr drops the input bytes some JSON errors quote.
func jsonErr(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("syntax error at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Errorf("field %s: wrong type %s", te.Field, te.Value)
	}
	return err
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
