package screen

import "testing"

// TestDinShaped: dinReading's quick test lets every spelling of al-Din
// through, and words that end otherwise not.
func TestDinShaped(t *testing.T) {
	t.Parallel()
	for _, f := range dinForms {
		if !dinShaped([]byte(f)) || !dinShaped([]byte("jamal"+f)) {
			t.Errorf("dinShaped(%q) = false", f)
		}
	}
	for _, w := range []string{"edin", "martin", "udin", "din", "ddin", "eddie", "geraldi"} {
		if dinShaped([]byte(w)) {
			t.Errorf("dinShaped(%q) = true", w)
		}
	}
}
