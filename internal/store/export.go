package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"

	"github.com/bangate/bangate/internal/strictkeys"
)

// ManifestSchema names the manifest format of an export.
const ManifestSchema = "bangate.log-export/v1"

// ManifestPayloadType is the DSSE payload type of a sealed manifest.
const ManifestPayloadType = "application/vnd.bangate.log-manifest+json"

// MaxExportLine bounds one line of an export file read back.
const MaxExportLine = 1 << 30

// Manifest describes an export file: what it holds, where in the chain,
// and the checkpoints that fall inside it. Sealed in a DSSE envelope,
// signed with the evidence key, it lets an auditor check the file alone.
type Manifest struct {
	Schema string `json:"schema"`
	// SHA256 is the digest of the export file; Entries the number of
	// lines.
	SHA256  string `json:"sha256"`
	Entries int64  `json:"entries"`
	// FirstSeq and LastSeq are the seqs of the first and last entry;
	// PrevHash the hash the first entry follows, LastHash the last's.
	FirstSeq int64  `json:"first_seq"`
	LastSeq  int64  `json:"last_seq"`
	PrevHash string `json:"prev_hash"`
	LastHash string `json:"last_hash"`
	// Since and Until are the time range asked for ("" for none).
	Since string `json:"since,omitempty"`
	Until string `json:"until,omitempty"`
	// ExportedAt is when the export was written; Database the log it
	// came from (without password).
	ExportedAt time.Time `json:"exported_at"`
	Database   string    `json:"database"`
	// HeadSeq and HeadHash are the whole log's head at the time.
	HeadSeq  int64  `json:"head_seq"`
	HeadHash string `json:"head_hash"`
	// Checkpoints are the log's checkpoints within the exported range.
	Checkpoints []Checkpoint `json:"checkpoints"`
}

// exportLine is one line of an export: an entry whole, its documents as
// JSON strings (their exact bytes) and its input as base64.
type exportLine struct {
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
		Data   []byte `json:"data,omitempty"`
	} `json:"input"`
	Plan     string `json:"plan"`
	Lists    string `json:"lists"`
	Decision string `json:"decision"`
	Evidence string `json:"evidence"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

func lineOf(e *Entry) exportLine {
	l := exportLine{Seq: e.Seq, ID: e.ID, Time: e.Time.UTC().Format(timeFormat), Kind: e.Kind, Actor: e.Actor, Outcome: e.Outcome,
		ExitCode: e.ExitCode, Profile: e.Profile, AsOf: e.AsOf, Subjects: e.Subjects, Plan: string(e.Plan), Lists: string(e.Lists),
		Decision: string(e.Decision), Evidence: string(e.Evidence), PrevHash: e.PrevHash, Hash: e.Hash}
	l.Input.SHA256, l.Input.Size, l.Input.Type, l.Input.Stored = e.Input.SHA256, e.Input.Size, e.Input.Type, e.Input.Stored
	if e.Input.Stored {
		l.Input.Data = e.Input.Data
	}
	if l.Subjects == nil {
		l.Subjects = []string{}
	}
	return l
}

func (l exportLine) entry() (*Entry, error) {
	t, err := time.Parse(timeFormat, l.Time)
	if err != nil {
		return nil, fmt.Errorf("time %q: want %s", l.Time, timeFormat)
	}
	e := &Entry{Seq: l.Seq, ID: l.ID, Time: t, Kind: l.Kind, Actor: l.Actor, Outcome: l.Outcome, ExitCode: l.ExitCode,
		Profile: l.Profile, AsOf: l.AsOf, Subjects: l.Subjects, Plan: nonEmpty(l.Plan), Lists: nonEmpty(l.Lists),
		Decision: nonEmpty(l.Decision), Evidence: nonEmpty(l.Evidence), PrevHash: l.PrevHash, Hash: l.Hash}
	e.Input = Input{SHA256: l.Input.SHA256, Size: l.Input.Size, Type: l.Input.Type, Stored: l.Input.Stored, Data: l.Input.Data}
	return e, nil
}

// ExportRange selects the entries of an export by time: Since <= time <
// Until, zero for no bound.
type ExportRange struct {
	Since, Until time.Time
}

// Export writes the entries in the range to w as JSON Lines, one entry
// per line in log order, and returns the manifest of what it wrote
// (unsealed: see SealManifest). The entries are verified as they are
// read: an export of a broken log fails with the *BrokenError.
func (l *Log) Export(ctx context.Context, w io.Writer, r ExportRange) (Manifest, error) {
	seq, hash, err := l.Head(ctx)
	if err != nil {
		return Manifest{}, err
	}
	m := Manifest{Schema: ManifestSchema, ExportedAt: l.opts.Now().UTC().Truncate(time.Microsecond), Database: l.where,
		HeadSeq: seq, HeadHash: hash, Checkpoints: []Checkpoint{}}
	if !r.Since.IsZero() {
		m.Since = r.Since.UTC().Format(time.RFC3339)
	}
	if !r.Until.IsZero() {
		m.Until = r.Until.UTC().Format(time.RFC3339)
	}
	// The range is taken by seq, from the first entry at or after Since
	// to the last before Until, so that it is a contiguous piece of the
	// chain even when replicas' clocks differ a little.
	lo, hi, err := l.seqRange(ctx, r)
	if err != nil {
		return Manifest{}, err
	}
	where, args := "seq >= ? AND seq <= ?", []any{lo, hi}
	h := sha256.New()
	bw := bufio.NewWriter(io.MultiWriter(w, h))
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	c := newChain(nil)
	err = l.scanRange(ctx, where, args, func(e *Entry) error {
		if err := c.add(e, 0); err != nil {
			return err
		}
		if m.Entries == 0 {
			m.FirstSeq, m.PrevHash = e.Seq, e.PrevHash
		}
		m.Entries++
		m.LastSeq, m.LastHash = e.Seq, e.Hash
		if err := enc.Encode(lineOf(e)); err != nil {
			return fmt.Errorf("write export: %w", err)
		}
		return nil
	})
	if err != nil {
		return Manifest{}, err
	}
	if err := bw.Flush(); err != nil {
		return Manifest{}, fmt.Errorf("write export: %w", err)
	}
	m.SHA256 = hex.EncodeToString(h.Sum(nil))
	if m.Entries > 0 {
		cps, err := l.checkpoints(ctx, m.FirstSeq, m.LastSeq)
		if err != nil {
			return Manifest{}, err
		}
		if cps != nil {
			m.Checkpoints = cps
		}
	}
	return m, nil
}

// seqRange returns the seqs of the first and last entry in the time range
// (lo > hi when it holds none).
func (l *Log) seqRange(ctx context.Context, r ExportRange) (int64, int64, error) {
	lo, hi := int64(1), int64(1<<62)
	var n sql.NullInt64
	if !r.Since.IsZero() {
		if err := l.db.QueryRowContext(ctx, l.q("SELECT MIN(seq) FROM decisions WHERE created_us >= ?"), r.Since.UnixMicro()).Scan(&n); err != nil {
			return 0, 0, fmt.Errorf("export: %w", err)
		}
		if !n.Valid {
			return 1, 0, nil
		}
		lo = n.Int64
	}
	if !r.Until.IsZero() {
		if err := l.db.QueryRowContext(ctx, l.q("SELECT MAX(seq) FROM decisions WHERE created_us < ?"), r.Until.UnixMicro()).Scan(&n); err != nil {
			return 0, 0, fmt.Errorf("export: %w", err)
		}
		if !n.Valid {
			return 1, 0, nil
		}
		hi = n.Int64
	}
	return lo, hi, nil
}

// SealManifest encodes m in a DSSE envelope, signed by signer (nil: an
// envelope without signatures).
func SealManifest(ctx context.Context, m Manifest, signer Signer) ([]byte, error) {
	payload, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	env := &dsse.Envelope{PayloadType: ManifestPayloadType, Payload: base64.StdEncoding.EncodeToString(payload), Signatures: []dsse.Signature{}}
	if signer != nil {
		es, err := dsse.NewEnvelopeSigner(signer)
		if err != nil {
			return nil, fmt.Errorf("sign manifest: %w", err)
		}
		if env, err = es.SignPayload(ctx, ManifestPayloadType, payload); err != nil {
			return nil, fmt.Errorf("sign manifest: %w", err)
		}
	}
	out, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return append(out, '\n'), nil
}

// PublicVerifier is a Verifier that also gives its public key, as DSSE
// envelope verification needs (*evidence.Verifier).
type PublicVerifier interface {
	Verifier
	Public() crypto.PublicKey
}

// OpenManifest reads a sealed manifest; with key, its signature must
// verify. It reports whether the envelope is signed.
func OpenManifest(ctx context.Context, data []byte, key PublicVerifier) (Manifest, bool, error) {
	if err := strictkeys.CheckJSON(data); err != nil {
		return Manifest{}, false, fmt.Errorf("read manifest: %w", err)
	}
	var env dsse.Envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return Manifest{}, false, fmt.Errorf("read manifest: %w", err)
	}
	if env.PayloadType != ManifestPayloadType {
		return Manifest{}, false, fmt.Errorf("read manifest: payload type %q, want %q", env.PayloadType, ManifestPayloadType)
	}
	payload, err := env.DecodeB64Payload()
	if err != nil {
		return Manifest{}, false, fmt.Errorf("read manifest: %w", err)
	}
	signed := len(env.Signatures) > 0
	if key != nil {
		if !signed {
			return Manifest{}, false, &BrokenError{Problem: "the manifest is not signed, and a key was given"}
		}
		ev, err := dsse.NewEnvelopeVerifier(key)
		if err != nil {
			return Manifest{}, signed, fmt.Errorf("verify manifest: %w", err)
		}
		if _, err := ev.Verify(ctx, &env); err != nil {
			return Manifest{}, signed, &BrokenError{Problem: "the manifest's signature does not verify with the key given: " + err.Error()}
		}
	}
	if err := strictkeys.CheckJSON(payload); err != nil {
		return Manifest{}, signed, fmt.Errorf("read manifest: %w", err)
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, signed, fmt.Errorf("read manifest: %w", err)
	}
	if m.Schema != ManifestSchema {
		return Manifest{}, signed, fmt.Errorf("read manifest: schema %q, want %q", m.Schema, ManifestSchema)
	}
	return m, signed, nil
}

// VerifyExport checks an export file: every line must be an entry that
// carries the hash of its content and follows the line before it. With a
// manifest (nil: none), the file must also start and end where the
// manifest says, hold as many entries, have its digest, and match its
// checkpoints; key, when given, checks the checkpoints' signatures (the
// manifest's own signature is OpenManifest's). It returns a *BrokenError
// naming the first record that does not verify.
func VerifyExport(ctx context.Context, r io.Reader, m *Manifest, key Verifier) (Report, error) {
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(r, h), 64<<10)
	var cps []Checkpoint
	if m != nil {
		cps = m.Checkpoints
	}
	c := newChain(cps)
	if m != nil {
		c.start(m.FirstSeq, m.PrevHash)
	}
	for line := 1; ; line++ {
		b, err := readLine(br)
		if errors.Is(err, io.EOF) && len(b) == 0 {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return c.rep, fmt.Errorf("read export line %d: %w", line, err)
		}
		e, perr := parseLine(b)
		if perr != nil {
			seq := c.next
			return c.rep, &BrokenError{Seq: seq, Line: line, Problem: "not a log record: " + perr.Error()}
		}
		if err := c.add(e, line); err != nil {
			return c.rep, err
		}
	}
	if m == nil {
		return c.rep, nil
	}
	switch {
	case c.rep.Entries < m.Entries || c.rep.Last < m.LastSeq:
		return c.rep, &BrokenError{Seq: c.rep.Last + 1, Problem: fmt.Sprintf("missing: the manifest lists %d records up to record %d, the file holds %d up to record %d",
			m.Entries, m.LastSeq, c.rep.Entries, c.rep.Last)}
	case c.rep.Entries > m.Entries || c.rep.Last > m.LastSeq:
		return c.rep, &BrokenError{Seq: m.LastSeq + 1, Problem: fmt.Sprintf("added: the manifest lists %d records up to record %d, the file holds %d up to record %d",
			m.Entries, m.LastSeq, c.rep.Entries, c.rep.Last)}
	case c.rep.Entries > 0 && c.rep.Head != m.LastHash:
		return c.rep, &BrokenError{Seq: c.rep.Last, Problem: "its hash is not the last hash the manifest names"}
	}
	if err := c.finish(ctx, key, cps); err != nil {
		return c.rep, err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != m.SHA256 {
		return c.rep, &BrokenError{Problem: fmt.Sprintf("the file has sha256 %s, the manifest names %s (every record verifies: the file's layout was changed)", short(got), short(m.SHA256))}
	}
	return c.rep, nil
}

// readLine reads one line without its newline, bounded by MaxExportLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	var out []byte
	for {
		b, err := br.ReadSlice('\n')
		out = append(out, b...)
		if len(out) > MaxExportLine {
			return nil, fmt.Errorf("line longer than %d bytes", MaxExportLine)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == '\n' {
			out = out[:len(out)-1]
		}
		return out, err
	}
}

// parseLine decodes one line of an export, strictly.
func parseLine(b []byte) (*Entry, error) {
	if err := strictkeys.CheckJSON(b); err != nil {
		return nil, err
	}
	var l exportLine
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the record")
	}
	return l.entry()
}
