package procurement

import (
	"errors"
	"fmt"

	"github.com/bangate/bangate/internal/strictkeys"
)

// checkKeys rejects a JSON (yaml false) or YAML vendor file in which an
// object repeats a key or holds two keys equal up to letter case or
// Unicode case folding, at any depth: the readers here decode with
// encoding/json, which matches keys case-insensitively and keeps the last
// value, so {"name":"Kaspersky Lab, Inc.","NAME":"Acme LLC"} would be
// screened as Acme while a case-sensitive reader sees Kaspersky.
func checkKeys(data []byte, source string, yaml bool) error {
	check := strictkeys.CheckJSON
	if yaml {
		check = strictkeys.CheckYAML
	}
	err := check(data)
	if err == nil {
		return nil
	}
	var ke *strictkeys.KeyError
	if errors.As(err, &ke) {
		return inputErr(source, "", "", err)
	}
	if yaml {
		// The reader parses with the same YAML library and names its
		// syntax errors in its own words.
		return nil
	}
	// The JSON reader has checked the syntax as encoding/json knows it;
	// what is left is what only the strict tokenizer refuses (an unpaired
	// surrogate escape, for one), which a reader may decode differently.
	var se *strictkeys.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		return inputErr(source, fmt.Sprintf("line %d", se.Line), "", err)
	}
	return inputErr(source, "", "", err)
}
