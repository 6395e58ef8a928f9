package check

import "testing"

func TestDescribe(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"foo":1,"bar":[1,2]}`, "JSON object with keys: foo, bar"},
		{`{}`, "an empty JSON object"},
		{`[]`, "an empty JSON array"},
		{`[{"a":1,"b":2},3]`, "JSON array of 2 values, the first an object with keys: a, b"},
		{`{"a":1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1,"h":1,"i":1,"j":1}`, "JSON object with keys: a, b, c, d, e, f, g, h, …"},
		{"<?xml version=\"1.0\"?>\n<project><x/></project>", "XML with root element <project>"},
		{"hello world\nsecond", `text starting with "hello world"`},
		{"\x00\xff\xfe", "binary or not UTF-8 text"},
		{"   ", "empty"},
	}
	for _, tc := range tests {
		if got := describe([]byte(tc.in)); got != tc.want {
			t.Errorf("describe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
