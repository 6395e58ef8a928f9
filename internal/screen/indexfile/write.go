package indexfile

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"unsafe"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
)

// Append appends the index file of ix to b. An index read from a file
// reads all its entries to write them; an error names what could not be
// read.
func Append(b []byte, ix *screen.Index) ([]byte, error) {
	ls, err := ix.Lists()
	if err != nil {
		return nil, fmt.Errorf("write index: %w", err)
	}
	base := len(b)
	e := encoder{b: append(b, make([]byte, headerSize)...), base: base}

	o := ix.Options()
	e.f64(o.Match)
	e.f64(o.Review)
	e.uvarint(uint64(o.MaxMatches))
	e.bool(o.Vessels)

	var ents encoder
	e.uvarint(uint64(len(ls)))
	for _, l := range ls {
		if err := e.list(l, &ents); err != nil {
			return nil, err
		}
	}

	t := ix.Tables()
	appendRaw(&e, t.Names)
	appendRaw(&e, t.Words)
	e.strs(t.Keys)
	e.strTable(&t.KeyIDs)
	appendRaw(&e, t.KeyWeights)
	appendRaw(&e, t.PostStart)
	appendRaw(&e, t.Posts)
	e.delTable(&t.KeyDel)
	e.strs(t.Texts)
	e.strTable(&t.TextIDs)
	appendRaw(&e, t.TextKeys)
	e.delTable(&t.TextDel)
	e.b = binary.LittleEndian.AppendUint32(e.b, math.Float32bits(t.Unseen))
	for k := range t.IDs {
		e.idTable(&t.IDs[k])
	}
	appendRaw(&e, blockSums(ents.b))

	putHeader(e.b[base:])
	return append(e.b, ents.b...), nil
}

// blockSums returns the SHA-256 of each blockSize bytes of the entries
// section ents, the last block being shorter.
func blockSums(ents []byte) [][sha256.Size]byte {
	out := make([][sha256.Size]byte, 0, (len(ents)+blockSize-1)/blockSize)
	for lo := 0; lo < len(ents); lo += blockSize {
		out = append(out, sha256.Sum256(ents[lo:min(lo+blockSize, len(ents))]))
	}
	return out
}

// Marshal returns the index file of ix.
func Marshal(ix *screen.Index) ([]byte, error) { return Append(nil, ix) }

// encoder appends the binary form.
type encoder struct {
	b    []byte
	base int // where the index starts in b, for alignment
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) f64(v float64)    { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// pad pads to a multiple of 8 bytes from the start of the index.
func (e *encoder) pad() {
	for (len(e.b)-e.base)%8 != 0 {
		e.b = append(e.b, 0)
	}
}

// appendRaw appends the count of s, padding, and s as held in memory.
func appendRaw[T any](e *encoder, s []T) {
	e.uvarint(uint64(len(s)))
	e.pad()
	if len(s) > 0 {
		size := int(unsafe.Sizeof(s[0]))
		e.b = append(e.b, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*size)...)
	}
}

func (e *encoder) strTable(t *screen.StrTable) {
	appendRaw(e, t.Slots)
	e.b = binary.LittleEndian.AppendUint64(e.b, t.Mask)
}

func (e *encoder) delTable(t *screen.DelTable) {
	appendRaw(e, t.Start)
	appendRaw(e, t.Ent)
	e.b = binary.LittleEndian.AppendUint64(e.b, t.Mask)
}

// idTable writes an identifier table.
func (e *encoder) idTable(t *screen.IDTable) {
	e.str(t.Blob)
	appendRaw(e, t.KeyOff)
	appendRaw(e, t.RefStart)
	appendRaw(e, t.Refs)
}

// list writes a list: its provenance as JSON, the size of its entries,
// where each starts, their order by ID and the number of aliases of each;
// the entries themselves go to ents.
func (e *encoder) list(l *lists.List, ents *encoder) error {
	p, err := json.Marshal(l.Provenance)
	if err != nil {
		return fmt.Errorf("encode list %s: %w", l.Provenance.ID, err)
	}
	e.str(string(p))
	start := len(ents.b)
	offs := make([]uint32, 0, len(l.Entries)+1)
	for i := range l.Entries {
		offs = append(offs, uint32(len(ents.b)-start))
		ents.entry(&l.Entries[i])
	}
	if len(ents.b)-start > math.MaxUint32 {
		return fmt.Errorf("encode list %s: too large", l.Provenance.ID)
	}
	offs = append(offs, uint32(len(ents.b)-start))
	e.uvarint(uint64(len(ents.b) - start))
	appendRaw(e, offs)
	byID := make([]int32, len(l.Entries))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortStableFunc(byID, func(a, b int32) int { return strings.Compare(l.Entries[a].ID, l.Entries[b].ID) })
	appendRaw(e, byID)
	aliases := make([]int32, len(l.Entries))
	for i := range l.Entries {
		aliases[i] = int32(len(l.Entries[i].Aliases))
	}
	appendRaw(e, aliases)
	return nil
}
