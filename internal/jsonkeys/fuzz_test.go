package jsonkeys_test

import (
	"testing"

	"github.com/bangate/bangate/internal/jsonkeys"
)

func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":[{"b":1,"B":2}]}`, `[1,2,{"x":{}}]`, `{"a":`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = jsonkeys.Check(data)
	})
}
