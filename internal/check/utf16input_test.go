package check_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

// TestUTF16Input: an SBOM and a vendor file written in UTF-16 with a byte
// order mark, as Windows PowerShell 5 writes a redirected tool's output,
// are decided as their UTF-8 text is: the same outcome and findings, at
// the same lines; the input names the encoding, and its digest is the
// file's. Before, the SBOM was an error ("re-encode the file as UTF-8").
func TestUTF16Input(t *testing.T) {
	c := checker(t, "federal-contractor", "2026-12-03")
	for _, path := range []string{"../../examples/sbom/kaspersky.cdx.json", "../../examples/sbom/kaspersky.spdx", "../../examples/procurement/kaspersky-2024-06.csv"} {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := c.Check(context.Background(), check.Input{Path: path, Data: text})
		if want.Outcome != decision.OutcomeFail {
			t.Fatalf("%s: outcome %q as UTF-8, want fail", path, want.Outcome)
		}
		for _, tt := range []struct {
			order binary.AppendByteOrder
			name  string
		}{{binary.LittleEndian, "UTF-16LE"}, {binary.BigEndian, "UTF-16BE"}} {
			data := tt.order.AppendUint16(nil, 0xFEFF)
			for _, u := range utf16.Encode([]rune(string(text))) {
				data = tt.order.AppendUint16(data, u)
			}
			got := c.Check(context.Background(), check.Input{Path: path, Data: data})
			sum := sha256.Sum256(data)
			if got.Encoding != tt.name || got.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("%s as %s: encoding %q, digest %s; want %q and the file's", path, tt.name, got.Encoding, got.SHA256, tt.name)
			}
			got.Encoding, got.SHA256 = want.Encoding, want.SHA256
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s as %s (-UTF-8 +%s):\n%s", path, tt.name, tt.name, diff)
			}
		}
	}
}

// TestXMLDeclaredEncodingInput: a CycloneDX XML file in the Cyrillic
// encoding its declaration names (windows-1251) is read as every XML
// reader reads it: its supplier Лаборатория Касперского fails the gate,
// at its line. Before, Go's XML reader refused the declaration, and the
// check was an error.
func TestXMLDeclaredEncodingInput(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="windows-1251"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <components>
    <component type="library">
      <supplier><name>Лаборатория Касперского</name></supplier>
      <name>kav-sdk</name>
      <version>8.2.1</version>
    </component>
  </components>
</bom>
`
	data, err := charmap.Windows1251.NewEncoder().Bytes([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := checker(t, "federal-contractor", "2026-12-03").Check(context.Background(), check.Input{Path: "bom.xml", Data: data})
	if got.Outcome != decision.OutcomeFail || got.Encoding != "windows-1251" || got.Format != "cyclonedx-xml" {
		t.Fatalf("outcome %q, encoding %q, format %q, error %q; want fail, windows-1251, cyclonedx-xml", got.Outcome, got.Encoding, got.Format, got.Error)
	}
	for _, v := range got.Result.Violations {
		if v.Line != 5 {
			t.Errorf("%s at line %d, want 5 (the supplier's)", v.Rule, v.Line)
		}
	}
}

// TestUTF16VendorFileDeclaredEncoding: a vendor file in UTF-16 is read
// from UTF-16 whatever encoding the plan gives vendor files (latin1, for
// the others): its text is not read a second time as Latin-1, which would
// garble every name beyond ASCII.
func TestUTF16VendorFileDeclaredEncoding(t *testing.T) {
	plan := testPlan(t, "federal-contractor", "2026-12-03")
	plan.Input.Encoding = "latin1"
	c := oneChecker{session(t, plan)}
	data := binary.LittleEndian.AppendUint16(nil, 0xFEFF)
	for _, u := range utf16.Encode([]rune("vendor_name,country\nЛаборатория Касперского,RU\n")) {
		data = binary.LittleEndian.AppendUint16(data, u)
	}
	got := c.Check(context.Background(), check.Input{Path: "v.csv", Data: data})
	if got.Outcome != decision.OutcomeFail || got.Encoding != "UTF-16LE" {
		t.Errorf("outcome %q, encoding %q, error %q; want fail, UTF-16LE", got.Outcome, got.Encoding, got.Error)
	}
}
