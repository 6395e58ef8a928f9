package indexfile_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// TestReadSHA256: a file read with the digest of its tables is the index
// Read reads; a file one of whose table bytes differs, or read with
// another digest, is refused with ErrDigest; a byte of the entries that
// differs fails the query that reads its entry, with ErrFormat, though
// the tables' digest matched: the tables hold each block's digest.
func TestReadSHA256(t *testing.T) {
	t.Parallel()
	data, err := indexfile.Marshal(newIndex(t, []*lists.List{banList(), sanctions()}, screen.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := indexfile.TablesSHA256(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := indexfile.ReadSHA256(bytes.NewReader(data), int64(len(data)), sum)
	if err != nil {
		t.Fatal(err)
	}
	want, err := indexfile.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	sameLists(t, want, got, "-Read +ReadSHA256")

	damaged := bytes.Clone(data)
	damaged[bytes.Index(data, []byte("ptsecurity.com"))] ^= 0x20 // in the identifier table
	if _, err := indexfile.ReadSHA256(bytes.NewReader(damaged), int64(len(damaged)), sum); !errors.Is(err, indexfile.ErrDigest) {
		t.Errorf("a byte of the tables changed: %v, want ErrDigest", err)
	}
	other := sum
	other[0] ^= 1
	if _, err := indexfile.ReadSHA256(bytes.NewReader(data), int64(len(data)), other); !errors.Is(err, indexfile.ErrDigest) {
		t.Errorf("another digest: %v, want ErrDigest", err)
	}

	// The last entry (TRANSNEFT-MEDIA) is the last block's.
	damaged = bytes.Clone(data)
	damaged[bytes.LastIndex(data, []byte("TRANSNEFT-MEDIA"))] = 'X'
	ix, err := indexfile.ReadSHA256(bytes.NewReader(damaged), int64(len(damaged)), sum)
	if err != nil {
		t.Fatalf("a byte of the entries changed: %v; the tables are intact", err)
	}
	if ms, err := ix.Name(screen.Query{Name: "Transneft-Media OOO"}); !errors.Is(err, indexfile.ErrFormat) || ms != nil {
		t.Errorf("the changed entry: %v, %v, want ErrFormat", ms, err)
	}
	if ms, err := ix.Name(screen.Query{Name: "Igor Sechin", Kind: screen.KindPerson}); err != nil || len(ms) != 1 {
		t.Errorf("an entry of another block: %v, %v", ms, err)
	}

	if _, err := indexfile.TablesSHA256(data[:10]); !errors.Is(err, indexfile.ErrFormat) {
		t.Errorf("TablesSHA256 of no index file: %v", err)
	}
}
