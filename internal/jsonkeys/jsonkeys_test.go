package jsonkeys_test

import (
	"errors"
	"testing"

	"github.com/bangate/bangate/internal/jsonkeys"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, in string
		dup      bool
		bad      bool
	}{
		{"plain", `{"a":1,"b":[{"a":2},{"a":3}],"c":{"a":{"b":null}}}`, false, false},
		{"top duplicate", `{"names":["x"],"names":["y"]}`, true, false},
		{"case duplicate", `{"names":["x"],"Names":["y"]}`, true, false},
		{"fold duplicate", `{"stra\u00dfe":1,"STRASSE":2}`, true, false},
		{"nested duplicate", `{"a":[{"k":1},{"k":1,"k":2}]}`, true, false},
		{"same key in siblings", `[{"k":1},{"k":2}]`, false, false},
		{"not json", `{"a":`, false, true},
		{"scalar", `"x"`, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := jsonkeys.Check([]byte(tc.in))
			if got := errors.Is(err, jsonkeys.ErrDuplicate); got != tc.dup {
				t.Errorf("duplicate = %v (%v), want %v", got, err, tc.dup)
			}
			if tc.bad && err == nil {
				t.Error("no error for a broken text")
			}
			if !tc.dup && !tc.bad && err != nil {
				t.Errorf("error %v", err)
			}
		})
	}
}
