package check

import (
	"testing/fstest"

	"github.com/bangate/bangate/internal/policy"
)

// filesOrigins turns policy files given as bytes into the origins of a
// bundle, in the order each origin first appears.
func filesOrigins(files []PolicyFile) []policy.Origin {
	var (
		order []string
		fss   = map[string]fstest.MapFS{}
	)
	for _, f := range files {
		m, ok := fss[f.Origin]
		if !ok {
			m = fstest.MapFS{}
			fss[f.Origin] = m
			order = append(order, f.Origin)
		}
		m[f.Path] = &fstest.MapFile{Data: f.Data, Mode: 0o444}
	}
	out := make([]policy.Origin, 0, len(order))
	for _, o := range order {
		out = append(out, policy.Origin{Name: o, FS: fss[o]})
	}
	return out
}
