package decision

import "strings"

// Waiver is one entry of a waiver file: a finding a person accepted, until
// a date.
type Waiver struct {
	// ID names the waiver in reports.
	ID string `yaml:"id" json:"id"`
	// Rule is the rule ID the waiver covers.
	Rule string `yaml:"rule" json:"rule"`
	// Subject selects the findings: every selector given must match.
	Subject WaiverSubject `yaml:"subject" json:"subject"`
	// Reason, ApprovedBy and Ticket record why and who.
	Reason     string `yaml:"reason" json:"reason"`
	ApprovedBy string `yaml:"approved_by" json:"approved_by"`
	Ticket     string `yaml:"ticket" json:"ticket,omitempty"`
	// Licence is the sanctions licence that authorises the dealing (an
	// OFAC specific licence number, a general licence citation, an
	// EU or UK authorisation). A waiver of a rule that finds a blocked
	// person or a frozen asset requires one; reports show every waiver
	// that carries one apart from the other findings.
	Licence string `yaml:"licence" json:"licence,omitempty"`
	// Expires is the last day the waiver applies (YYYY-MM-DD).
	Expires string `yaml:"expires" json:"expires"`
}

// WaiverSubject selects the findings a waiver covers. A selector must
// name what the author of an SBOM cannot choose for another component
// alone: a purl or a hash (a ref or a name only narrows one of them), or,
// for a procurement record, its vendor ref together with its name.
type WaiverSubject struct {
	// PURL is the subject's purl exactly, or a glob whose only "*" ends
	// it after a "/" or an "@": "pkg:maven/com.example/*" (every package
	// of the namespace), "pkg:maven/com.example/lib@*" (every version).
	PURL string `yaml:"purl" json:"purl,omitempty"`
	// Hash is a hash of the component, "ALG:HEX" with a collision
	// resistant algorithm (sha256, sha384, sha512, sha3-256, sha3-384,
	// sha3-512, blake2b-256, blake2b-384, blake2b-512, blake3).
	Hash string `yaml:"hash" json:"hash,omitempty"`
	// Ref is the subject's ref (bom-ref, SPDXID), exactly; only with PURL
	// or Hash.
	Ref string `yaml:"ref" json:"ref,omitempty"`
	// Name is the subject's name, without regard to case; only with PURL,
	// Hash or Vendor.
	Name string `yaml:"name" json:"name,omitempty"`
	// Vendor is a procurement record's ref (its vendor id, or FILE#RECORD),
	// exactly; only with Name.
	Vendor string `yaml:"vendor" json:"vendor,omitempty"`
}

// hashLengths are the hash algorithms a waiver may select a component by,
// with the length of their hex digest: collision resistant ones only (an
// MD5 or SHA-1 value can be made to match a second, different file).
// blake3's output length varies; 64 is its default and its minimum here.
var hashLengths = map[string]int{
	"sha256": 64, "sha384": 96, "sha512": 128,
	"sha3-256": 64, "sha3-384": 96, "sha3-512": 128,
	"blake2b-256": 64, "blake2b-384": 96, "blake2b-512": 128,
	"blake3": 64,
}

// HashAlgorithms are the algorithms a waiver's hash selector may use.
func HashAlgorithms() []string {
	return []string{"sha256", "sha384", "sha512", "sha3-256", "sha3-384", "sha3-512", "blake2b-256", "blake2b-384", "blake2b-512", "blake3"}
}

// HashSelector writes a component hash the way waivers select it and the
// policy input carries it: "ALG:HEX", the algorithm's name normalised
// (CycloneDX "SHA-256", SPDX 2 "SHA256" and SPDX 3 "sha256" are all
// "sha256"; "SHA3-256" and "sha3_256" are "sha3-256"; "BLAKE2b-256" and
// "blake2b256" are "blake2b-256") and the value in lower case.
func HashSelector(alg, value string) string {
	return HashAlgorithm(alg) + ":" + strings.ToLower(strings.TrimSpace(value))
}

// HashAlgorithm normalises a hash algorithm's name (see HashSelector).
func HashAlgorithm(alg string) string {
	a := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(alg)), "_", "-")
	for _, fam := range []string{"sha3", "blake2b"} {
		if rest, ok := strings.CutPrefix(a, fam); ok && rest != "" && rest[0] != '-' {
			return fam + "-" + rest
		}
	}
	if rest, ok := strings.CutPrefix(a, "sha-"); ok {
		return "sha" + rest
	}
	return a
}

// ValidHashSelector reports whether s is "ALG:HEX" with an algorithm of
// HashAlgorithms, in normal form, and a hex value of its length.
func ValidHashSelector(s string) bool {
	alg, hex, ok := strings.Cut(s, ":")
	n, known := hashLengths[alg]
	if !ok || !known || (len(hex) != n && (alg != "blake3" || len(hex) < n)) {
		return false
	}
	for _, c := range hex {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
