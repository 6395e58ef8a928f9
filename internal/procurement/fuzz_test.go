package procurement_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/procurement"
)

// seed adds every file under the given testdata folders to the corpus.
func seed(f *testing.F, dirs ...string) {
	f.Helper()
	for _, dir := range dirs {
		entries, err := os.ReadDir(filepath.Join(testdata, dir))
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			data, err := os.ReadFile(filepath.Join(testdata, dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkVendors holds for any successful read: every record is numbered in
// order, located and attributed, and a failure is an error, never a panic.
func checkVendors(t *testing.T, vs []procurement.Vendor, err error) {
	t.Helper()
	if err != nil {
		var ie *procurement.InputError
		if !errors.As(err, &ie) && !errors.Is(err, procurement.ErrNoRecords) {
			t.Fatalf("error %v is neither an *InputError nor ErrNoRecords", err)
		}
		if !strings.HasPrefix(err.Error(), "f: ") && !strings.HasPrefix(err.Error(), "read f: ") {
			t.Fatalf("error %q does not name the file", err)
		}
		return
	}
	if len(vs) == 0 {
		t.Fatal("no error and no vendors")
	}
	for i, v := range vs {
		if v.Record != i+1 || v.Pointer == "" || v.Source != "f" {
			t.Fatalf("vendor %d: record %d, pointer %q, source %q", i, v.Record, v.Pointer, v.Source)
		}
		for _, o := range v.Owners {
			if o.Percent < 0 || o.Percent > 100 {
				t.Fatalf("vendor %d: owner percent %v", i, o.Percent)
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	seed(f, "csv", "bad")
	f.Fuzz(func(t *testing.T, data []byte) {
		vs, err := procurement.ReadCSV(bytes.NewReader(data), "f", procurement.Options{})
		checkVendors(t, vs, err)
		for _, v := range vs {
			if v.Name == "" {
				t.Fatal("CSV vendor without a name")
			}
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	seed(f, "json")
	f.Add([]byte(`[{"name":"A","owners":[{"name":"B","percent":50}],"contract":{"amount":1e3}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		vs, err := procurement.ReadJSON(bytes.NewReader(data), "f", procurement.Options{})
		checkVendors(t, vs, err)
	})
}

func FuzzReadYAML(f *testing.F) {
	seed(f, "yaml")
	f.Add([]byte("- name: A\n  identifiers: {duns: 004496600}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		vs, err := procurement.ReadYAML(bytes.NewReader(data), "f", procurement.Options{})
		checkVendors(t, vs, err)
	})
}

func FuzzReadOCDS(f *testing.F) {
	seed(f, "ocds")
	f.Fuzz(func(t *testing.T, data []byte) {
		vs, err := procurement.ReadOCDS(bytes.NewReader(data), "f", procurement.Options{})
		checkVendors(t, vs, err)
	})
}

func FuzzRead(f *testing.F) {
	seed(f, "csv", "json", "yaml", "ocds", "bad", "ownership")
	f.Fuzz(func(t *testing.T, data []byte) {
		vs, err := procurement.Read(data, "f", procurement.Options{})
		checkVendors(t, vs, err)
	})
}

// FuzzOwnership reads an ownership file and aggregates it with every
// entity whose name starts with "X" designated: Aggregate must either
// fail or give percentages within 0–100.
func FuzzOwnership(f *testing.F) {
	seed(f, "ownership")
	f.Add([]byte("owner,owned,percent\nX1,A,60\nA,B,50\nX2,B,25\n"))
	f.Add([]byte("owner,owned,percent\nA,B,60\nB,A,60\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		edges, err := procurement.ReadOwnership(bytes.NewReader(data), "f", procurement.Options{})
		if err != nil {
			return
		}
		exp, err := procurement.Aggregate(edges, func(name string) bool { return strings.HasPrefix(name, "X") })
		if err != nil {
			return
		}
		for k, x := range exp {
			if x.Percent < 0 || x.Percent > 100 || x.LookThrough < 0 || x.LookThrough > 100 {
				t.Fatalf("%s: percent %v, look-through %v", k, x.Percent, x.LookThrough)
			}
			if x.Blocked != (x.Designated || x.Percent >= 50-1e-6) {
				t.Fatalf("%s: blocked %v with percent %v", k, x.Blocked, x.Percent)
			}
			if len(x.Chains) > procurement.MaxChains {
				t.Fatalf("%s: %d chains", k, len(x.Chains))
			}
		}
	})
}
