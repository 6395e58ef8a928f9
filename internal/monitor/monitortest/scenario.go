// Package monitortest builds, for tests, the two OFAC SDN states of the
// seed's scenario from the official files the repository carries
// (internal/lists/snapshot/ofac-sdn; SOURCES.md there names their
// origin): the SDN list of 2024-05-03, and the same list with the twelve
// Kaspersky leaders OFAC designated on 2024-06-21.
package monitortest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// Publication dates of the two states.
var (
	Before = time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)
	After  = time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)
)

// Designated are the SDN entries of 2024-06-21 in the repository's
// excerpt, by ent_num.
var Designated = []string{"45815", "45817", "45818", "45821", "45849", "45854", "45856", "45858", "45860", "45862", "45863", "45864"}

// State is one state of the SDN list as files data import takes.
type State struct {
	// Dir holds sdn.csv and alt.csv.
	Dir string
	// Published is the state's publication date.
	Published time.Time
}

// Files are the state's files, as data import is given them.
func (s State) Files() []string {
	return []string{filepath.Join(s.Dir, "sdn.csv"), filepath.Join(s.Dir, "alt.csv")}
}

// Spec is the import of the state into a list store.
func (s State) Spec() lists.ImportSpec {
	return lists.ImportSpec{Format: lists.FormatOFACLegacy, AllowShrink: true,
		Meta: provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions, Published: s.Published,
			SourceURL: "import:sdn.csv,alt.csv", Note: "scenario state built by monitortest"},
		Files: map[string]lists.Source{lists.RolePrimary: lists.FileSource(s.Files()[0]), lists.RoleAlt: lists.FileSource(s.Files()[1])}}
}

// States writes the two states under dir, reading the official files
// from repoRoot (the repository's root):
//   - before: SDN.CSV of 2024-05-03 as published;
//   - after: the same rows followed by the 12 rows designated
//     2024-06-21 (the official end-of-file byte moved to the end).
//
// Both take their aliases from ALT.CSV of ≈2025-01-06, the rows of the
// entries each state holds (ALT.CSV may not name an entry the primary
// file lacks), so that the one difference between them is the twelve
// designations with their aliases.
func States(repoRoot, dir string) (before, after State, err error) {
	src := filepath.Join(repoRoot, "internal", "lists", "snapshot", "ofac-sdn")
	read := func(name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return nil, fmt.Errorf("scenario: %w", err)
		}
		return bytes.TrimRight(b, "\x1a"), nil
	}
	sdn, err := read("sdn.csv")
	if err != nil {
		return before, after, err
	}
	kas, err := read("kaspersky-sdn.csv")
	if err != nil {
		return before, after, err
	}
	alt, err := read("alt.csv")
	if err != nil {
		return before, after, err
	}
	before = State{Dir: filepath.Join(dir, "2024-05-03"), Published: Before}
	after = State{Dir: filepath.Join(dir, "2024-06-21"), Published: After}
	for _, s := range []struct {
		st  State
		sdn []byte
	}{{before, sdn}, {after, append(append([]byte(nil), sdn...), kas...)}} {
		if err := os.MkdirAll(s.st.Dir, 0o755); err != nil {
			return before, after, fmt.Errorf("scenario: %w", err)
		}
		ids := map[string]bool{}
		for _, line := range bytes.Split(s.sdn, []byte("\r\n")) {
			if id, _, ok := bytes.Cut(line, []byte(",")); ok {
				ids[string(id)] = true
			}
		}
		var a bytes.Buffer
		for _, line := range bytes.Split(alt, []byte("\r\n")) {
			if id, _, ok := bytes.Cut(line, []byte(",")); ok && ids[string(id)] {
				a.Write(line)
				a.WriteString("\r\n")
			}
		}
		if err := os.WriteFile(filepath.Join(s.st.Dir, "sdn.csv"), append(s.sdn, 0x1a), 0o644); err != nil {
			return before, after, fmt.Errorf("scenario: %w", err)
		}
		if err := os.WriteFile(filepath.Join(s.st.Dir, "alt.csv"), append(a.Bytes(), 0x1a), 0o644); err != nil {
			return before, after, fmt.Errorf("scenario: %w", err)
		}
	}
	return before, after, nil
}
