package procurement_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/procurement"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/procurement/golden")

// testdata is the repository's shared test data folder for this package.
const testdata = "../../testdata/procurement"

func readTestdata(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdata, rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkGolden compares got, rendered as indented JSON, with the golden file.
func checkGolden(t *testing.T, golden string, got any) {
	t.Helper()
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, '\n')
	path := filepath.Join(testdata, "golden", golden)
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(out)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
	}
}

// TestGolden reads every example file through Detect and Read and
// compares the Vendors with the golden files.
func TestGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file   string
		format procurement.Format
		opts   procurement.Options
	}{
		{"csv/usaspending-legacy-treasury-2016.csv", procurement.FormatCSV, procurement.Options{}},
		{"csv/usaspending-current-layout.csv", procurement.FormatCSV, procurement.Options{}},
		{"csv/sam-entity-extract.tsv", procurement.FormatCSV, procurement.Options{}},
		{"csv/simple-sheet-semicolon.csv", procurement.FormatCSV, procurement.Options{}},
		{"csv/simple-latin1.csv", procurement.FormatCSV, procurement.Options{Encoding: "latin1"}},
		{"json/vendors.json", procurement.FormatJSON, procurement.Options{}},
		{"yaml/vendors.yaml", procurement.FormatYAML, procurement.Options{}},
		{"ocds/moldova-release.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/montreal-release-parties.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/montreal-release-inline.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/paraguay-award.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/concatenated-releases.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/fictional-1.0-award-release-package.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/fictional-1.1-contract-release-package.json", procurement.FormatOCDS, procurement.Options{}},
		{"ocds/fictional-1.1-record-package.json", procurement.FormatOCDS, procurement.Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			data := readTestdata(t, tt.file)
			f, err := procurement.Detect(data)
			if err != nil {
				t.Fatalf("Detect: %v", err)
			}
			if f != tt.format {
				t.Errorf("Detect = %q, want %q", f, tt.format)
			}
			got, err := procurement.Read(data, filepath.Base(tt.file), tt.opts)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			checkGolden(t, filepath.Base(tt.file)+".golden", got)
		})
	}
}

// TestGoldenReaders checks that each format's own reader gives what Read gives.
func TestGoldenReaders(t *testing.T) {
	t.Parallel()
	readers := map[string]func(data []byte, name string, opts procurement.Options) ([]procurement.Vendor, error){
		"csv/usaspending-current-layout.csv": func(d []byte, n string, o procurement.Options) ([]procurement.Vendor, error) {
			return procurement.ReadCSV(bytes.NewReader(d), n, o)
		},
		"json/vendors.json": func(d []byte, n string, o procurement.Options) ([]procurement.Vendor, error) {
			return procurement.ReadJSON(bytes.NewReader(d), n, o)
		},
		"yaml/vendors.yaml": func(d []byte, n string, o procurement.Options) ([]procurement.Vendor, error) {
			return procurement.ReadYAML(bytes.NewReader(d), n, o)
		},
		"ocds/fictional-1.1-record-package.json": func(d []byte, n string, o procurement.Options) ([]procurement.Vendor, error) {
			return procurement.ReadOCDS(bytes.NewReader(d), n, o)
		},
	}
	for file, read := range readers {
		data := readTestdata(t, file)
		want, err := procurement.Read(data, "f", procurement.Options{})
		if err != nil {
			t.Fatalf("%s: Read: %v", file, err)
		}
		got, err := read(data, "f", procurement.Options{})
		if err != nil {
			t.Fatalf("%s: reader: %v", file, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: reader differs from Read (-Read +reader):\n%s", file, diff)
		}
	}
}
