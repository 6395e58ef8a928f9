package check

import "errors"

// IsUnknownKind reports whether err (an *InputError of a run, or its
// cause) says that the input is neither an SBOM nor a vendor file, as
// opposed to a file of a known kind that could not be read: a server
// answers the first 415 Unsupported Media Type and the second 400.
func IsUnknownKind(err error) bool { return errors.Is(err, errNeither) }
