package screen

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// TestSharesAgree: indexing the names in two shares gives the same
// matches as indexing them in one.
func TestSharesAgree(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "testdata", "accuracy", "ofac-sdn-2026-08-20.csv")
	l, err := lists.LoadDerivedSDN(lists.FileSource(path), provenance.List{ID: "ofac-sdn"})
	if err != nil {
		t.Fatal(err)
	}
	one, err := newIndex([]*lists.List{l}, DefaultOptions(), 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	two, err := newIndex([]*lists.List{l}, DefaultOptions(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(one.recs) != len(two.recs) || len(one.dict.keys) != len(two.dict.keys) || len(one.dict.texts) != len(two.dict.texts) {
		t.Fatalf("sizes differ: %d/%d names, %d/%d keys, %d/%d texts", len(one.recs), len(two.recs),
			len(one.dict.keys), len(two.dict.keys), len(one.dict.texts), len(two.dict.texts))
	}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "accuracy", "positives.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.Comment, r.LazyQuotes, r.FieldsPerRecord = '\t', '#', true, -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if i%7 != 0 {
			continue
		}
		q := Query{Name: row[0], Kind: row[1]}
		a, errA := one.Name(q)
		b, errB := two.Name(q)
		if errA != nil || errB != nil {
			t.Fatalf("%q: %v, %v", q.Name, errA, errB)
		}
		if !cmp.Equal(a, b) {
			t.Errorf("%q: one share %v, two shares %v", q.Name, summary(a), summary(b))
		}
	}
}

func summary(ms []Match) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.EntryID + " ")
	}
	return b.String()
}
