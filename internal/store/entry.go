package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Kinds of log entries.
const (
	// KindCheck is a check of an SBOM or a procurement file.
	KindCheck = "check"
	// KindScreen is a screening of names.
	KindScreen = "screen"
	// KindReview is a reviewer's resolution of a possible match: its
	// decision document names the decision, the finding, the list entry
	// and its digest, the action (confirm or clear) and the reason.
	KindReview = "review"
)

// GenesisHash is the previous hash of the first entry.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// ChainVersion is the version of the canonical form an entry's hash is
// computed over (chainRecord).
const ChainVersion = 1

// Entry is one decision in the log: what was decided, on what, under
// which plan and lists, and its place in the chain.
type Entry struct {
	// Seq is the entry's place in the log, from 1, without gaps.
	Seq int64 `json:"seq"`
	// ID names the decision in the API (a UUIDv7).
	ID string `json:"id"`
	// Time is when the entry was appended (UTC, microseconds).
	Time time.Time `json:"time"`
	// Kind is KindCheck, KindScreen or KindRescreen.
	Kind string `json:"kind"`
	// Actor names who asked (the API token's name and ID).
	Actor string `json:"actor"`
	// Outcome and ExitCode are the decision's (pass, fail, review,
	// error; 0, 1, 3, 2).
	Outcome  string `json:"outcome"`
	ExitCode int    `json:"exit_code"`
	// Profile and AsOf are the plan's.
	Profile string `json:"profile"`
	AsOf    string `json:"as_of"`
	// Subjects name what was decided on: an SBOM's subject, the vendors
	// of a procurement file, the names screened.
	Subjects []string `json:"subjects"`
	// Input describes the bytes checked.
	Input Input `json:"input"`
	// Plan is the check plan's JSON; Lists the list snapshots' provenance
	// (JSON array); Decision the decision document as the API answered
	// it (without id and log); Evidence the signed evidence record
	// (a DSSE envelope), "" when no key is configured.
	Plan     []byte `json:"-"`
	Lists    []byte `json:"-"`
	Decision []byte `json:"-"`
	Evidence []byte `json:"-"`
	// PrevHash is the hash of entry Seq-1 (GenesisHash for the first);
	// Hash is this entry's (HashOf).
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// Input is the input of a decision: its digest, size and media type, and
// the bytes themselves when they were within the bound kept.
type Input struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	Type   string `json:"type"`
	// Stored says whether Data holds the bytes.
	Stored bool   `json:"stored"`
	Data   []byte `json:"-"`
}

// chainRecord is the canonical form of an entry: the JSON encoding of
// this struct (fields in this order, no whitespace, no HTML escaping),
// with every document replaced by its sha256. The hash of an entry is
// the sha256 of it, and it holds the previous entry's hash.
type chainRecord struct {
	V        int      `json:"v"`
	Seq      int64    `json:"seq"`
	ID       string   `json:"id"`
	Time     string   `json:"time"`
	Kind     string   `json:"kind"`
	Actor    string   `json:"actor"`
	Outcome  string   `json:"outcome"`
	ExitCode int      `json:"exit_code"`
	Profile  string   `json:"profile"`
	AsOf     string   `json:"as_of"`
	Subjects []string `json:"subjects"`
	Input    struct {
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
		Type   string `json:"type"`
		Stored bool   `json:"stored"`
	} `json:"input"`
	Plan     string `json:"plan"`
	Lists    string `json:"lists"`
	Decision string `json:"decision"`
	Evidence string `json:"evidence"`
	Prev     string `json:"prev"`
}

// timeFormat writes entry times with microseconds, the precision both
// databases keep.
const timeFormat = "2006-01-02T15:04:05.000000Z"

// digest is the hex sha256 of b; "" for no bytes.
func digest(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// sha256Hex is the hex sha256 of b, of no bytes too.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Canonical is the canonical form of e that its hash covers.
func (e *Entry) Canonical() []byte {
	r := chainRecord{V: ChainVersion, Seq: e.Seq, ID: e.ID, Time: e.Time.UTC().Format(timeFormat), Kind: e.Kind, Actor: e.Actor,
		Outcome: e.Outcome, ExitCode: e.ExitCode, Profile: e.Profile, AsOf: e.AsOf, Subjects: e.Subjects,
		Plan: digest(e.Plan), Lists: digest(e.Lists), Decision: digest(e.Decision), Evidence: digest(e.Evidence), Prev: e.PrevHash}
	if r.Subjects == nil {
		r.Subjects = []string{}
	}
	r.Input.SHA256, r.Input.Size, r.Input.Type, r.Input.Stored = e.Input.SHA256, e.Input.Size, e.Input.Type, e.Input.Stored
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(r) // strings, numbers and booleans only: cannot fail
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// HashOf is the hash e must carry: the hex sha256 of its canonical form.
func (e *Entry) HashOf() string {
	return sha256Hex(e.Canonical())
}

// check says what is wrong with e on its own: a hash that does not match
// its content, or stored input bytes that do not match their digest.
func (e *Entry) check() string {
	if e.Input.Stored && sha256Hex(e.Input.Data) != e.Input.SHA256 {
		return "its stored input no longer has the recorded sha256"
	}
	if e.HashOf() != e.Hash {
		return "its content does not match its hash"
	}
	return ""
}

// validate checks an entry before it is appended.
func (e *Entry) validate() error {
	var bad []string
	if e.Kind != KindCheck && e.Kind != KindScreen && e.Kind != KindRescreen && e.Kind != KindReview {
		bad = append(bad, fmt.Sprintf("kind %q", e.Kind))
	}
	if e.Outcome == "" {
		bad = append(bad, "no outcome")
	}
	if len(e.Decision) == 0 {
		bad = append(bad, "no decision document")
	}
	if e.Input.Stored && sha256Hex(e.Input.Data) != e.Input.SHA256 {
		bad = append(bad, "input bytes do not have the input's sha256")
	}
	if len(bad) > 0 {
		return fmt.Errorf("append to decision log: %s", strings.Join(bad, ", "))
	}
	return nil
}

// searchText is what the subject filter searches: every subject, lower
// case, one per line.
func searchText(subjects []string) string {
	return strings.ToLower(strings.Join(subjects, "\n"))
}
