package indexfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"unsafe"

	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// decoder reads the binary form; the first error sticks and every later
// read returns zero values. s is b as a string.
type decoder struct {
	b   []byte
	s   string
	off int
	err error
}

// newDecoder returns a decoder of b, which its strings and tables share.
func newDecoder(b []byte) decoder {
	return decoder{b: b, s: unsafe.String(unsafe.SliceData(b), len(b))}
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrFormat, d.off, fmt.Sprintf(format, args...))
	}
}

// take returns the next n bytes.
func (d *decoder) take(n int) string {
	if d.err != nil {
		return ""
	}
	if n < 0 || n > len(d.s)-d.off {
		d.fail("truncated")
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.off += n
	return s
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			d.fail("truncated")
			return 0
		}
		c := d.s[d.off]
		d.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail("bad varint")
	return 0
}

// count reads a count of items of at least size bytes each, which must
// fit in what is left.
func (d *decoder) count(size int) int {
	v := d.uvarint()
	if size > 0 && v > uint64((len(d.s)-d.off)/size) || v > math.MaxInt32 {
		d.fail("count %d too large", v)
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	s := d.take(1)
	if s == "" {
		return 0
	}
	return s[0]
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("bad boolean")
	return false
}

func (d *decoder) u32() uint32 {
	s := d.take(4)
	if len(s) < 4 {
		return 0
	}
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (d *decoder) u64() uint64 {
	lo := d.u32()
	return uint64(lo) | uint64(d.u32())<<32
}

func (d *decoder) f32() float32 { return math.Float32frombits(d.u32()) }
func (d *decoder) f64() float64 { return math.Float64frombits(d.u64()) }
func (d *decoder) str() string  { return d.take(d.count(1)) }

// strs reads a string slice; nil when empty, as the lists write it.
func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// rawView reads a table written by appendRaw: in place when its memory is
// aligned for T, else copied.
func rawView[T any](d *decoder) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	n := d.count(size)
	for d.err == nil && d.off%8 != 0 {
		if d.byte() != 0 {
			d.fail("bad padding")
		}
	}
	if n == 0 || d.err != nil {
		return nil
	}
	if n > (len(d.b)-d.off)/size {
		d.fail("truncated")
		return nil
	}
	b := d.b[d.off : d.off+n*size]
	d.off += n * size
	p := unsafe.Pointer(unsafe.SliceData(b))
	if uintptr(p)%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(p), n)
	}
	out := make([]T, n)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(out))), n*size), b)
	return out
}

func (d *decoder) strTable() screen.StrTable {
	t := screen.StrTable{Slots: rawView[screen.TagID](d)}
	t.Mask = d.u64()
	return t
}

func (d *decoder) delTable() screen.DelTable {
	var t screen.DelTable
	t.Start = rawView[int32](d)
	t.Ent = rawView[screen.TagID](d)
	t.Mask = d.u64()
	return t
}

// idTable reads an identifier table written by encoder.idTable.
func (d *decoder) idTable() screen.IDTable {
	var t screen.IDTable
	t.Blob = d.str()
	t.KeyOff = rawView[uint32](d)
	t.RefStart = rawView[uint32](d)
	t.Refs = rawView[screen.IDRef](d)
	return t
}

// tables reads the tables written by Append.
func (d *decoder) tables() screen.Tables {
	var t screen.Tables
	t.Names = rawView[screen.NameRec](d)
	t.Words = rawView[screen.RecWord](d)
	t.Keys = d.strs()
	t.KeyIDs = d.strTable()
	t.KeyWeights = rawView[float32](d)
	t.PostStart = rawView[int32](d)
	t.Posts = rawView[int32](d)
	t.KeyDel = d.delTable()
	t.Texts = d.strs()
	t.TextIDs = d.strTable()
	t.TextKeys = rawView[int32](d)
	t.TextDel = d.delTable()
	t.Unseen = d.f32()
	for k := range t.IDs {
		t.IDs[k] = d.idTable()
	}
	return t
}

// list reads a list written by encoder.list: its provenance and where its
// entries are, which it places in ents.
func (d *decoder) list(ents *entriesSection) (provenance.List, entryList) {
	var p provenance.List
	if s := d.str(); d.err == nil {
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			d.fail("list provenance: %v", err)
		}
	}
	size := d.uvarint()
	l := entryList{id: p.ID, sec: ents, base: ents.used, whole: p.Kind == provenance.KindBan}
	l.offs = rawView[uint32](d)
	l.byID = rawView[int32](d)
	l.aliases = rawView[int32](d)
	if d.err != nil {
		return p, entryList{}
	}
	if size > uint64(ents.size-ents.used) {
		d.fail("list %s: entries beyond the entries section", p.ID)
		return p, entryList{}
	}
	ents.used += int64(size)
	if err := checkStarts(l.offs, int(size)); err != nil {
		d.fail("list %s: entry offsets: %v", p.ID, err)
		return p, entryList{}
	}
	if len(l.byID) != l.len() || len(l.aliases) != l.len() {
		d.fail("list %s: %d entries, %d in order, %d alias counts", p.ID, l.len(), len(l.byID), len(l.aliases))
		return p, entryList{}
	}
	for _, i := range l.byID {
		if i < 0 || int(i) >= l.len() {
			d.fail("list %s: entry order out of range", p.ID)
			return p, entryList{}
		}
	}
	for _, n := range l.aliases {
		if n < 0 {
			d.fail("list %s: negative alias count", p.ID)
			return p, entryList{}
		}
	}
	return p, l
}

// checkStarts checks that start rises from 0 to n.
func checkStarts(start []uint32, n int) error {
	if len(start) == 0 || start[0] != 0 || int(start[len(start)-1]) != n {
		return errors.New("bad bounds")
	}
	for i := 1; i < len(start); i++ {
		if start[i] < start[i-1] {
			return errors.New("bounds not in order")
		}
	}
	return nil
}
