package sbom_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/sbom"
)

func TestParseCPE(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want sbom.CPE
	}{
		{"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", sbom.CPE{Binding: "2.3", Part: "a", Vendor: "apache", Product: "log4j", Version: "2.14.1",
			Update: "*", Edition: "*", Language: "*", SWEdition: "*", TargetSW: "*", TargetHW: "*", Other: "*"}},
		{`cpe:2.3:a:kaspersky_lab:anti\-virus:6.0:-:*:en-us:*:windows:x64:*`, sbom.CPE{Binding: "2.3", Part: "a", Vendor: "kaspersky_lab", Product: "anti-virus", Version: "6.0",
			Update: "-", Edition: "*", Language: "en-us", SWEdition: "*", TargetSW: "windows", TargetHW: "x64", Other: "*"}},
		{`cpe:2.3:o:huawei:vrp\:8:*:*:*:*:*:*:*:*`, sbom.CPE{Binding: "2.3", Part: "o", Vendor: "huawei", Product: "vrp:8", Version: "*",
			Update: "*", Edition: "*", Language: "*", SWEdition: "*", TargetSW: "*", TargetHW: "*", Other: "*"}},
		{`cpe:2.3:h:hikvision:ds-2cd*:?1.0*:*:*:*:*:*:*:*`, sbom.CPE{Binding: "2.3", Part: "h", Vendor: "hikvision", Product: "ds-2cd*", Version: "?1.0*",
			Update: "*", Edition: "*", Language: "*", SWEdition: "*", TargetSW: "*", TargetHW: "*", Other: "*"}},
		{"cpe:/a:zte:zxv10:1.0", sbom.CPE{Binding: "2.2", Part: "a", Vendor: "zte", Product: "zxv10", Version: "1.0",
			Update: "*", Edition: "*", Language: "*", SWEdition: "*", TargetSW: "*", TargetHW: "*", Other: "*"}},
		{"cpe:/o:microsoft:windows_xp::sp2:pro:en-us", sbom.CPE{Binding: "2.2", Part: "o", Vendor: "microsoft", Product: "windows_xp", Version: "*",
			Update: "sp2", Edition: "pro", Language: "en-us", SWEdition: "*", TargetSW: "*", TargetHW: "*", Other: "*"}},
		{"cpe:/a:foo%21bar:baz", sbom.CPE{Binding: "2.2", Part: "a", Vendor: "foo!bar", Product: "baz", Version: "*",
			Update: "*", Edition: "*", Language: "*", SWEdition: "*", TargetSW: "*", TargetHW: "*", Other: "*"}},
		{"cpe:/a:hp:insight:7.4.0.1570:-:~~online~win2003~x64~", sbom.CPE{Binding: "2.2", Part: "a", Vendor: "hp", Product: "insight", Version: "7.4.0.1570",
			Update: "-", Edition: "*", Language: "*", SWEdition: "online", TargetSW: "win2003", TargetHW: "x64", Other: "*"}},
	}
	for _, tc := range tests {
		got, err := sbom.ParseCPE(tc.in)
		if err != nil {
			t.Errorf("ParseCPE(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseCPE(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestParseCPEInvalid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"",
		"cpe",
		"cpe:2.3:a:apache:log4j", // too few attributes
		"cpe:2.3:a:apache:log4j:1:*:*:*:*:*:*:*:*",       // too many
		"cpe:2.3:x:apache:log4j:1:*:*:*:*:*:*:*",         // bad part
		"cpe:2.3:a:apa che:log4j:1:*:*:*:*:*:*:*",        // space unquoted
		"cpe:2.3:a:apache::1:*:*:*:*:*:*:*",              // empty attribute
		"cpe:2.3:a:apache:log4j:1:*:*:english:*:*:*:*",   // bad language
		"cpe:2.3:a:apache:log4j:1:*:*:*:*:*:*:\\",        // dangling quote
		"cpe:2.3:a:apache:log4j:**:*:*:*:*:*:*:*",        // double star
		"cpe:2.3:a:apache:log4j:1.0\u00e9:*:*:*:*:*:*:*", // non-ASCII
		"cpe:/x:vendor:product",
		"cpe:/a:ven dor:product",
		"cpe:/a:vendor:product:1:2:3:4:5",
		"cpe:/a:vendor%2:product",
		"cpe:/a:vendor%00:product",
		"cpe:/a:hp:insight:1:-:~online~win2003",
		"pkg:maven/a/b@1",
	} {
		_, err := sbom.ParseCPE(in)
		var ce *sbom.CPEError
		if !errors.As(err, &ce) {
			t.Errorf("ParseCPE(%q) error = %v, want a *CPEError", in, err)
		}
	}
}
