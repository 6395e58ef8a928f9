package store_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/store"
)

// export writes the log's entries in the range and the sealed manifest.
func export(t *testing.T, l *store.Log, r store.ExportRange, signer store.Signer) ([]byte, []byte) {
	t.Helper()
	var buf bytes.Buffer
	m, err := l.Export(context.Background(), &buf, r)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := store.SealManifest(context.Background(), m, signer)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), sealed
}

func TestExportVerify(t *testing.T) {
	each(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		opts := b.opts(t)
		start := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
		opts.Now = fixedClock(start)
		signer, verifier := keys(t)
		opts.Signer, opts.CheckpointEvery = signer, 3
		l := open(t, opts)
		appendN(t, l, 8)
		file, sealed := export(t, l, store.ExportRange{Since: start.Add(2 * time.Second), Until: start.Add(7 * time.Second)}, signer)
		m, signed, err := store.OpenManifest(ctx, sealed, verifier)
		if err != nil || !signed {
			t.Fatalf("open manifest: %v (signed %v)", err, signed)
		}
		if m.FirstSeq != 3 || m.LastSeq != 7 || m.Entries != 5 || len(m.Checkpoints) != 2 || m.Checkpoints[1].Seq != 6 {
			t.Fatalf("manifest %+v", m)
		}
		rep, err := store.VerifyExport(ctx, bytes.NewReader(file), &m, verifier)
		if err != nil || rep.Entries != 5 || rep.Verified != 2 {
			t.Fatalf("verify export: %+v %v", rep, err)
		}
		lines := strings.SplitAfter(string(file), "\n")
		lines = lines[:len(lines)-1]
		tests := []struct {
			name    string
			file    string
			seq     int64
			problem string
		}{
			{"one record edited", strings.Join(lines[:2], "") + strings.Replace(lines[2], `"outcome":"fail"`, `"outcome":"pass"`, 1) + strings.Join(lines[3:], ""), 5, "altered"},
			{"a record removed", strings.Join(lines[:1], "") + strings.Join(lines[2:], ""), 4, "missing"},
			{"two records swapped", lines[0] + lines[2] + lines[1] + strings.Join(lines[3:], ""), 4, "missing"},
			{"the last record removed", strings.Join(lines[:4], ""), 7, "missing"},
			{"a line broken", strings.Join(lines[:3], "") + "{not json\n" + strings.Join(lines[4:], ""), 6, "not a log record"},
			{"whitespace added", strings.Replace(lines[0], `{"seq"`, `{ "seq"`, 1) + strings.Join(lines[1:], ""), 0, "sha256"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := store.VerifyExport(ctx, strings.NewReader(tc.file), &m, verifier)
				var be *store.BrokenError
				if !errors.As(err, &be) {
					t.Fatalf("verify: %v, want a broken export", err)
				}
				if be.Seq != tc.seq || !strings.Contains(be.Error(), tc.problem) {
					t.Errorf("verify: %v; want record %d, %q", err, tc.seq, tc.problem)
				}
			})
		}
		// Without the manifest, an edited record is still named.
		edited := strings.Replace(string(file), `"outcome":"review"`, `"outcome":"pass"`, 1)
		if _, err := store.VerifyExport(ctx, strings.NewReader(edited), nil, nil); !errors.Is(err, store.ErrBroken) {
			t.Errorf("verify without manifest: %v", err)
		}
		// The manifest under another key, or unsigned, does not pass a
		// check with the key.
		_, other := keys(t)
		if _, _, err := store.OpenManifest(ctx, sealed, other); !errors.Is(err, store.ErrBroken) {
			t.Errorf("manifest with another key: %v", err)
		}
		_, unsigned := export(t, l, store.ExportRange{}, nil)
		if _, _, err := store.OpenManifest(ctx, unsigned, verifier); !errors.Is(err, store.ErrBroken) {
			t.Errorf("unsigned manifest with a key: %v", err)
		}
		if m, signed, err := store.OpenManifest(ctx, unsigned, nil); err != nil || signed || m.Entries != 8 {
			t.Errorf("unsigned manifest: %+v %v %v", m, signed, err)
		}
	})
}
