package evidence

import "errors"

// Sentinel errors, matched with errors.Is. A command maps ErrInvalid and
// ErrTampered to "invalid" (exit 1) and every other error to "could not
// check" (exit 2).
var (
	// ErrInvalid is wrapped when a record, an input or a signature does not
	// match what the record says.
	ErrInvalid = errors.New("evidence does not verify")
	// ErrTampered is wrapped when a stored policy file, list snapshot or
	// input no longer matches its digest.
	ErrTampered = errors.New("stored copy does not match its digest")
	// ErrMissing is wrapped when a referenced object is not available.
	ErrMissing = errors.New("not available locally")
	// ErrMalformed is wrapped when an envelope or statement cannot be read
	// (truncated, not JSON, wrong payload type, schema violation).
	ErrMalformed = errors.New("malformed evidence record")
	// ErrUnknownVersion is wrapped when the predicate type or version is
	// not one this build reads.
	ErrUnknownVersion = errors.New("unknown evidence predicate version")
	// ErrKeyType is wrapped when a key is not an Ed25519 key.
	ErrKeyType = errors.New("key is not an Ed25519 key")
	// ErrUnsigned is wrapped when a signature is required but the record
	// carries none.
	ErrUnsigned = errors.New("record is not signed")
)

// IsInvalid reports whether err means the evidence does not hold (exit 1)
// rather than that it could not be checked (exit 2).
func IsInvalid(err error) bool {
	return errors.Is(err, ErrInvalid) || errors.Is(err, ErrTampered)
}
