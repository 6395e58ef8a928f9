package sbom

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// largeCDX is a CycloneDX JSON text of at least keysAheadFrom bytes whose
// components hold a member no reader reads; tail ends the last component.
func largeCDX(tail string) []byte {
	var b bytes.Buffer
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[`)
	for i := 0; b.Len() < keysAheadFrom+1024; i++ {
		fmt.Fprintf(&b, `{"type":"library","bom-ref":"c%d","name":"lib-%d","version":"1","x-vendor":"Example %d"},`, i, i, i)
	}
	b.WriteString(`{"type":"library","bom-ref":"last","name":"last"` + tail + `}]}`)
	return b.Bytes()
}

// TestKeysAheadSameAsAfter: the key check run beside the pre-scan finds
// what it finds after it: the unread strings, and a repeated key.
func TestKeysAheadSameAsAfter(t *testing.T) {
	for name, data := range map[string][]byte{
		"valid":        largeCDX(""),
		"repeated key": largeCDX(`,"Name":"again"`),
		"not json":     append(largeCDX(""), '}'),
		"spdx":         append([]byte(`{"spdxVersion":"SPDX-2.3","x":"bomFormat",`), largeCDX("")[1:]...),
	} {
		t.Run(name, func(t *testing.T) {
			k := startKeysAhead(data)
			if k == nil {
				t.Fatal("the check did not start ahead")
			}
			k.wait()
			ahead, aerr := sniffChecked(data, Options{Name: "x"})
			after, serr := sniff(data, Options{Name: "x"}, true)
			kerr := checkKeys(&after, Options{Name: "x"}, serr)
			if kerr == nil {
				kerr = serr
				if kerr != nil {
					kerr = finishError(kerr, &after)
				}
			}
			if fmt.Sprint(aerr) != fmt.Sprint(kerr) {
				t.Errorf("ahead: %v; after: %v", aerr, kerr)
			}
			if !slices.Equal(ahead.unread, after.unread) {
				t.Errorf("ahead: %d unread strings; after: %d", len(ahead.unread), len(after.unread))
			}
			if name == "valid" && (aerr != nil || len(ahead.unread) == 0) {
				t.Errorf("%v, %d unread strings", aerr, len(ahead.unread))
			}
			if (name == "repeated key" || name == "not json") && aerr == nil {
				t.Error("no error")
			}
		})
	}
}
