package lists_test

import (
	"testing"

	"github.com/bangate/bangate/internal/lists"
)

func BenchmarkSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lists.Snapshot(); err != nil {
			b.Fatal(err)
		}
	}
}
