package policy_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

// The bundle is the one source of truth for profiles: the built-in ones,
// and a user's own merged in.
func TestBundleProfiles(t *testing.T) {
	t.Parallel()
	b, err := policy.LoadOrigins([]policy.Origin{{Name: policy.OriginBuiltin, FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"all", "exporter", "federal-contractor", "telecom-carrier", "us-person"}
	for _, p := range want {
		if !slices.Contains(b.Profiles(), p) {
			t.Errorf("profile %s missing from %v", p, b.Profiles())
		}
	}
	user := fstest.MapFS{"bangate/profiles/mine.yaml": {Data: []byte("eu-buyer:\n  title: x\n  obligations: []\n")}}
	b, err = policy.LoadOrigins([]policy.Origin{{Name: policy.OriginBuiltin, FS: policies.FS}, {Name: "mine", FS: user}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(b.Profiles(), "eu-buyer") || !slices.Contains(b.Profiles(), "all") {
		t.Errorf("merged profiles %v", b.Profiles())
	}
}

// Loading keeps every file's bytes and digest, leaves tests out when asked,
// and refuses conflicting data.
func TestLoadOrigins(t *testing.T) {
	t.Parallel()
	a := fstest.MapFS{
		"x/x.rego":      {Data: []byte("package x\n\ny := 1\n")},
		"x/x_test.rego": {Data: []byte("package x_test\n\ntest_y if { data.x.y == 1 }\n")},
		"d/data.yaml":   {Data: []byte("k: 1\n")},
		"README.md":     {Data: []byte("not part of the bundle")},
	}
	tests := []struct {
		name    string
		origins []policy.Origin
		tests   bool
		files   int
		wantErr string
	}{
		{"with tests", []policy.Origin{{Name: "a", FS: a}}, true, 3, ""},
		{"without tests", []policy.Origin{{Name: "a", FS: a}}, false, 2, ""},
		{"data set twice", []policy.Origin{{Name: "a", FS: a}, {Name: "b", FS: fstest.MapFS{"d/other.yaml": {Data: []byte("k: 2\n")}}}}, false, 0, "set twice"},
		{"does not parse", []policy.Origin{{Name: "c", FS: fstest.MapFS{"c.rego": {Data: []byte("package c\n\ny if {\n")}}}}, false, 0, "load policy c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b, err := policy.LoadOrigins(tc.origins, tc.tests)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Files) != tc.files || len(b.Contents) != tc.files {
				t.Fatalf("files %v, contents %d; want %d", b.Files, len(b.Contents), tc.files)
			}
			for _, f := range b.Files {
				if len(b.Contents[f]) == 0 || len(f.SHA256) != 64 || f.Origin != "a" {
					t.Errorf("file %+v without content or digest", f)
				}
			}
			if b.Digest() == "" {
				t.Error("no digest")
			}
		})
	}
}
