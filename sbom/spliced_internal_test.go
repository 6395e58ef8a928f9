package sbom

import (
	"bytes"
	"io"
	"reflect"
	"testing"
	"testing/iotest"
)

// TestSplicedText checks that a spliced text reads as its pieces joined,
// whatever the reads' sizes, and that every slice of it is the joined
// text's, within a piece or across pieces.
func TestSplicedText(t *testing.T) {
	for _, pieces := range [][][]byte{
		{[]byte(`{"a":`), []byte("[]"), []byte(`,"b":"c"}`)},
		{{}, []byte("[]"), {}},
		{[]byte("x"), {}, []byte("yz")},
	} {
		joined := bytes.Join(pieces, nil)
		for _, r := range []func(io.Reader) io.Reader{
			func(r io.Reader) io.Reader { return r },
			iotest.OneByteReader,
			iotest.HalfReader,
		} {
			got, err := io.ReadAll(r(newSplicedText(pieces...)))
			if err != nil || !bytes.Equal(got, joined) {
				t.Errorf("%q: read %q, %v; want %q", pieces, got, err, joined)
			}
		}
		text := newSplicedText(pieces...)
		for lo := 0; lo <= len(joined); lo++ {
			for hi := lo; hi <= len(joined); hi++ {
				if got := text.slice(lo, hi); !bytes.Equal(got, joined[lo:hi]) {
					t.Errorf("%q: slice(%d, %d) = %q, want %q", pieces, lo, hi, got, joined[lo:hi])
				}
			}
		}
	}
}

// TestStreamSplicedSameAsCopy checks that the rest of a split document,
// read in place (streamCDXBOMSpliced), decodes as its joined copy does.
func TestStreamSplicedSameAsCopy(t *testing.T) {
	t.Parallel()
	for name, data := range splitInputs(t) {
		s, err := sniff(data, Options{Name: name}, true)
		if err != nil {
			t.Fatal(err)
		}
		comps := &s.json.comps
		if comps.close == 0 {
			continue
		}
		for _, drop := range []bool{false, true} {
			want, wantOK := streamCDXBOMDeps(comps.emptied(s.body), drop)
			got, ok := streamCDXBOMSpliced(newSplicedText(s.body[:comps.open], []byte("[]"), s.body[comps.close+1:]), drop)
			if ok != wantOK || !reflect.DeepEqual(got, want) {
				t.Errorf("%s (dropDeps %v): spliced decode %v differs from the copy's %v", name, drop, ok, wantOK)
			}
		}
	}
}
