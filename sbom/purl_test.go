package sbom_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/sbom"
)

func TestParsePURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		want  sbom.PURL
		nsKey string
	}{
		{"pkg:maven/com.kaspersky/kav@1.0?type=jar", sbom.PURL{Type: "maven", Namespace: "com.kaspersky", Name: "kav", Version: "1.0"}, "maven:com.kaspersky"},
		{"pkg:npm/%40kaspersky/sdk@2.1.0", sbom.PURL{Type: "npm", Namespace: "@kaspersky", Name: "sdk", Version: "2.1.0"}, "npm:@kaspersky"},
		{"pkg:golang/github.com/kasperskylab/klib@v0.1.0", sbom.PURL{Type: "golang", Namespace: "github.com/kasperskylab", Name: "klib", Version: "v0.1.0"}, "golang:github.com/kasperskylab"},
		{"pkg:pypi/requests@2.31.0", sbom.PURL{Type: "pypi", Name: "requests", Version: "2.31.0"}, ""},
		{"pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie", sbom.PURL{Type: "deb", Namespace: "debian", Name: "curl", Version: "7.50.3-1"}, "deb:debian"},
		{"pkg:nuget/Huawei.Cloud.SDK@3.1.0", sbom.PURL{Type: "nuget", Name: "Huawei.Cloud.SDK", Version: "3.1.0"}, ""},
	}
	for _, tc := range tests {
		got, err := sbom.ParsePURL(tc.in)
		if err != nil {
			t.Errorf("ParsePURL(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParsePURL(%q) (-want +got):\n%s", tc.in, diff)
		}
		if k := got.NamespaceKey(); k != tc.nsKey {
			t.Errorf("NamespaceKey(%q) = %q, want %q", tc.in, k, tc.nsKey)
		}
	}
}

func TestParsePURLInvalid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "a-purl-1", "maven/com.example/a@1", "pkg:", "pkg:maven", "pkg:/name@1", "pkg:npm/%zz@1"} {
		_, err := sbom.ParsePURL(in)
		var pe *sbom.PURLError
		if !errors.As(err, &pe) {
			t.Errorf("ParsePURL(%q) error = %v, want a *PURLError", in, err)
			continue
		}
		if in != "" && len(in) > 4 && strings.Contains(pe.Error(), in) {
			t.Errorf("ParsePURL(%q) message %q quotes the input", in, pe.Error())
		}
	}
}
