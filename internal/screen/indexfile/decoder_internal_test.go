package indexfile

import (
	"fmt"
	"testing"
	"unsafe"
)

// TestRawViewUnaligned: a table whose memory is not aligned for its type
// is copied, to the same values.
func TestRawViewUnaligned(t *testing.T) {
	var e encoder
	want := []int32{1, -2, 3, 1 << 30}
	appendRaw(&e, want)
	buf := make([]byte, len(e.b)+1)
	copy(buf[1:], e.b)
	// Offsets count from the start of the data, as in an index file:
	// place the table at offset 0 of a view that starts one byte in.
	d := newDecoder(buf[1:])
	got := rawView[int32](&d)
	if d.err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v (%v), want %v", got, d.err, want)
	}
	if &got[0] == (*int32)(unsafe.Pointer(&buf[1+8])) {
		t.Fatal("the unaligned table was not copied")
	}
}

// TestRawViewInPlace: an aligned table is used in place, not copied.
func TestRawViewInPlace(t *testing.T) {
	var e encoder
	appendRaw(&e, []int32{7, 8, 9})
	d := newDecoder(e.b)
	got := rawView[int32](&d)
	if d.err != nil || len(got) != 3 || got[2] != 9 {
		t.Fatalf("got %v (%v)", got, d.err)
	}
	if unsafe.Pointer(&got[0]) != unsafe.Pointer(&e.b[8]) {
		t.Fatal("the aligned table was copied")
	}
}
