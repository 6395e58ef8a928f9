package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzMonitorState feeds bytes to the state file decoder of bangate
// monitor: it never panics, and a state it accepts has a subject map and
// encodes again.
func FuzzMonitorState(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "monitor", "state.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`{"version":2,"subjects":{}}`))
	f.Add([]byte(`{"version":1,"subjects":{"a":{"outcome":7}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := parseMonitorState(b, "state.json")
		if err != nil {
			return
		}
		if st.Subjects == nil || st.Version != stateVersion {
			t.Fatalf("accepted %q as %+v", b, st)
		}
		if _, err := json.Marshal(st); err != nil {
			t.Fatalf("accepted state does not encode: %v", err)
		}
	})
}
