package screen

import "testing"

// TestVisualReading: the letters visualReading reads as others, and those
// it leaves.
func TestVisualReading(t *testing.T) {
	t.Parallel()
	known := func(w []byte) bool { return string(w) == "gazprom" || string(w) == "wagner" }
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"HlKVlSlON", "HIKVISION", true},
		{"HUAWEl Co", "HUAWEI Co", true},
		{"HezboIIah", "Hezbollah", true},
		{"Hezbol1ah", "Hezbollah", true},
		{"Gazprorn Neft", "gazprom Neft", true},
		{"VVagner", "wagner", true},
		{"Corner", "Corner", false}, // "comer" is not known
		{"IBM", "IBM", false},       // capitals: I is I
		{"Ilya Ivanov", "Ilya Ivanov", false},
		// A capital I among lower-case letters looks like l: read so too,
		// a further reading where the name matched nothing.
		{"McIntosh", "Mclntosh", true},
		{"Log4j 1.2", "Log4j 1.2", false},
		{"Apache Software Foundation", "Apache Software Foundation", false},
	} {
		got, ok := visualReading(tt.in, known)
		if got != tt.want || ok != tt.ok {
			t.Errorf("visualReading(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
