package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/store"
)

// BenchmarkAppend appends entries from 16 goroutines at once, as a busy
// server does; appends that meet share a transaction.
func BenchmarkAppend(b *testing.B) {
	for _, bk := range backends {
		b.Run(bk.name, func(b *testing.B) {
			var opts store.Options
			if bk.name == "sqlite" {
				opts = store.Options{DataDir: b.TempDir()}
			} else {
				opts = store.Options{Database: pg.URL(b)}
			}
			l, err := store.Open(context.Background(), opts)
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close(context.Background())
			b.SetParallelism(8)
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					i++
					if err := l.Append(context.Background(), entry(i, "pass", fmt.Sprint("Vendor ", i))); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
