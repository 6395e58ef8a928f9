package indexfile_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// TestReadSHA256: a file read with its digest is the index Read reads; a
// file whose digest is another, whether a byte of its tables or of its
// entries differs, is refused with ErrDigest; so is a digest that is not
// the file's.
func TestReadSHA256(t *testing.T) {
	t.Parallel()
	data, err := indexfile.Marshal(newIndex(t, []*lists.List{sanctions(), banList()}, screen.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	got, err := indexfile.ReadSHA256(bytes.NewReader(data), int64(len(data)), sum)
	if err != nil {
		t.Fatal(err)
	}
	want, err := indexfile.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	gotLists, err := got.Lists()
	if err != nil {
		t.Fatal(err)
	}
	wantLists, err := want.Lists()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantLists, gotLists); diff != "" {
		t.Fatalf("lists differ (-Read +ReadSHA256):\n%s", diff)
	}
	for name, at := range map[string]int{
		"a byte of the tables":  bytes.Index(data, []byte("ptsecurity.com")),
		"a byte of the entries": bytes.LastIndex(data, []byte("ptsecurity.com")),
		"the last byte":         len(data) - 1,
	} {
		damaged := bytes.Clone(data)
		damaged[at] ^= 0x20
		if _, err := indexfile.ReadSHA256(bytes.NewReader(damaged), int64(len(damaged)), sum); !errors.Is(err, indexfile.ErrDigest) {
			t.Errorf("%s changed: %v, want ErrDigest", name, err)
		}
	}
	if _, err := indexfile.ReadSHA256(bytes.NewReader(data[:len(data)-1]), int64(len(data)), sum); err == nil {
		t.Error("a short file was read")
	}
	other := sum
	other[0] ^= 1
	if _, err := indexfile.ReadSHA256(bytes.NewReader(data), int64(len(data)), other); !errors.Is(err, indexfile.ErrDigest) {
		t.Errorf("another digest: %v, want ErrDigest", err)
	}
}
