package store_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/store"
)

// FuzzVerifyExport feeds export files (a real one to start from) and
// manifests to the readers: they must return, never panic.
func FuzzVerifyExport(f *testing.F) {
	ctx := context.Background()
	l, err := store.Open(ctx, store.Options{DataDir: f.TempDir(), CheckpointEvery: 2})
	if err != nil {
		f.Fatal(err)
	}
	for i := range 3 {
		if err := l.Append(ctx, entry(i, "fail", fmt.Sprint("Vendor ", i))); err != nil {
			f.Fatal(err)
		}
	}
	var buf bytes.Buffer
	m, err := l.Export(ctx, &buf, store.ExportRange{})
	if err != nil {
		f.Fatal(err)
	}
	sealed, err := store.SealManifest(ctx, m, nil)
	if err != nil {
		f.Fatal(err)
	}
	if err := l.Close(ctx); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes(), sealed)
	f.Add([]byte("{}\n{\"seq\":1}\n"), []byte(`{"payloadType":"x","payload":"","signatures":[]}`))
	f.Fuzz(func(t *testing.T, file, manifest []byte) {
		_, _ = store.VerifyExport(ctx, bytes.NewReader(file), nil, nil)
		if m, _, err := store.OpenManifest(ctx, manifest, nil); err == nil {
			_, _ = store.VerifyExport(ctx, bytes.NewReader(file), &m, nil)
		}
	})
}
