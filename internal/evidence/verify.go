package evidence

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
)

// VerifyOptions say what Verify checks besides the record's own form.
type VerifyOptions struct {
	// Key is the public key a signed record must verify with.
	Key *Verifier
	// Digest is the expected record ID (hex sha256 of the statement); it
	// is what binds an unsigned record.
	Digest string
	// Inputs are input files to compare with the record's subjects, by
	// the path the record names (or, failing that, by base name).
	Inputs []InputFile
}

// InputFile is one file given to Verify.
type InputFile struct {
	Path string
	Data []byte
}

// Report is what Verify established.
type Report struct {
	// ID is the record ID.
	ID string
	// Signed is set for a record whose signature verified; KeyID names
	// the key.
	Signed bool
	KeyID  string
	// Checks lists, one line each, what was checked and held.
	Checks []string
}

// Verify checks an opened record: its signature with opts.Key (or, for an
// unsigned record, its digest against opts.Digest), the consistency of its
// statement and predicate, and the digest of every input given. A record
// that does not hold returns an error wrapping ErrInvalid that says what
// no longer matches; a record that cannot be checked (a signed record and
// no key, an unsigned one and no digest) returns another error.
func Verify(ctx context.Context, rec *Record, opts VerifyOptions) (*Report, error) {
	r := &Report{ID: rec.ID}
	p := rec.Predicate
	switch {
	case opts.Key != nil:
		if !rec.Signed() {
			return r, fmt.Errorf("verify: %w: %w (its predicate says %s)", ErrInvalid, ErrUnsigned, p.Integrity)
		}
		ev, err := dsse.NewEnvelopeVerifier(opts.Key)
		if err != nil {
			return r, fmt.Errorf("verify: %w", err)
		}
		keys, err := ev.Verify(ctx, rec.Envelope)
		if err != nil || len(keys) == 0 {
			return r, fmt.Errorf("verify: %w: the signature does not verify with key %s (the record or its signature was changed, or another key signed it)", ErrInvalid, opts.Key.keyID)
		}
		r.Signed, r.KeyID = true, keys[0].KeyID
		r.Checks = append(r.Checks, "signature: valid Ed25519 signature by "+r.KeyID)
	case rec.Signed():
		var ids []string
		for _, s := range rec.Envelope.Signatures {
			ids = append(ids, s.KeyID)
		}
		return r, fmt.Errorf("verify: the record is signed (key %s); give the public key (--key) to check it", strings.Join(ids, ", "))
	case opts.Digest == "":
		return r, fmt.Errorf("verify: %w: it is bound only by its digest sha256:%s; give the digest kept elsewhere (--digest) to check it", ErrUnsigned, rec.ID)
	default:
		want := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(opts.Digest)), "sha256:")
		if want != rec.ID {
			return r, fmt.Errorf("verify: %w: the record's digest is sha256:%s, not sha256:%s (the statement was changed)", ErrInvalid, rec.ID, want)
		}
		r.Checks = append(r.Checks, "digest: unsigned record, statement digest sha256:"+rec.ID+" as given")
	}
	if want := integrityOf(rec); p.Integrity != want {
		return r, fmt.Errorf("verify: %w: the predicate says %s but the envelope is %s (signatures added or removed)", ErrInvalid, p.Integrity, want)
	}
	if err := consistent(rec); err != nil {
		return r, fmt.Errorf("verify: %w: %w", ErrInvalid, err)
	}
	r.Checks = append(r.Checks, fmt.Sprintf("statement: %d subjects match the predicate's inputs; policy digest matches its %d files", len(rec.Subjects), len(p.Policy.Files)))
	for _, f := range opts.Inputs {
		s, ok := findSubject(rec.Subjects, f.Path)
		if !ok {
			return r, fmt.Errorf("verify: %w: input %s is not a subject of the record", ErrInvalid, f.Path)
		}
		if got := digestOf(f.Data); got != s.SHA256 {
			return r, fmt.Errorf("verify: %w: input %s has sha256:%s, the record says sha256:%s for %s (the input was changed)", ErrInvalid, f.Path, got, s.SHA256, s.Name)
		}
		r.Checks = append(r.Checks, "input: "+f.Path+" sha256:"+s.SHA256)
	}
	return r, nil
}

func integrityOf(rec *Record) string {
	if rec.Signed() {
		return IntegritySigned
	}
	return IntegrityDigest
}

// consistent checks that the subjects are exactly the inputs that were
// read, with the same digests.
func consistent(rec *Record) error {
	want := Subjects(rec.Predicate)
	if len(want) != len(rec.Subjects) {
		return fmt.Errorf("the statement has %d subjects, the predicate %d inputs with a digest", len(rec.Subjects), len(want))
	}
	for i, s := range want {
		if rec.Subjects[i] != s {
			return fmt.Errorf("subject %d (%s sha256:%s) differs from input %s sha256:%s", i+1, rec.Subjects[i].Name, rec.Subjects[i].SHA256, s.Name, s.SHA256)
		}
	}
	return nil
}

// findSubject finds the subject named path, or the only one with its base
// name.
func findSubject(ss []Subject, path string) (Subject, bool) {
	for _, s := range ss {
		if s.Name == path || filepath.Clean(s.Name) == filepath.Clean(path) {
			return s, true
		}
	}
	var found []Subject
	for _, s := range ss {
		if filepath.Base(s.Name) == filepath.Base(path) {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Subject{}, false
}
