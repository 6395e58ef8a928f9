package procurement

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAmount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"0", "0", true},
		{"4537.8500", "4537.8500", true},
		{"-6000.0000", "-6000.0000", true},
		{"+12", "12", true},
		{"$1,234,567.50", "1234567.50", true},
		{"-$1,000", "-1000", true},
		{"98765432109876543210.123456789", "98765432109876543210.123456789", true},
		{"1e6", "1000000", true},
		{"1.5E-3", "0.0015", true},
		{"12345678901234567.89", "12345678901234567.89", true},
		{"1,23", "", false},
		{"1.234,00", "", false},
		{"1.", "", false},
		{".5", "", false},
		{"ten", "", false},
		{"1 000", "", false},
		{"(100)", "", false},
		{"1e99999999", "", false},
		{"--1", "", false},
	}
	for _, tt := range tests {
		got, err := parseAmount(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseAmount(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"2016-09-08", "2016-09-08", true},
		{"9/8/2016", "2016-09-08", true},
		{"09/08/2016", "2016-09-08", true},
		{"20160908", "2016-09-08", true},
		{"2017-02-14T00:00:00.000Z", "2017-02-14", true},
		{"2017-08-31T00:00:00-04:00", "2017-08-31", true},
		{"2016-09-08 12:00:00", "2016-09-08", true},
		{"2016-02-30", "", false},
		{"08.09.2016", "", false},
		{"soon", "", false},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseCountry(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, code, name string }{
		{"", "", ""},
		{"US", "US", ""},
		{"usa", "US", ""},
		{"RUS", "RU", ""},
		{"USA: UNITED STATES OF AMERICA", "US", "UNITED STATES OF AMERICA"},
		{"BRA: BRAZIL", "BR", "BRAZIL"},
		{"Paraguay", "", "Paraguay"},
		{"ZZ", "", "ZZ"},
		{"419", "", "419"},
		{"XYZ: Nowhere", "", "XYZ: Nowhere"},
	}
	for _, tt := range tests {
		code, name := parseCountry(tt.in)
		if code != tt.code || name != tt.name {
			t.Errorf("parseCountry(%q) = %q, %q; want %q, %q", tt.in, code, name, tt.code, tt.name)
		}
	}
}

func TestParseOwners(t *testing.T) {
	t.Parallel()
	got, err := parseOwners("Name:60; Other: Ltd:40%;")
	if err != nil {
		t.Fatal(err)
	}
	want := []Owner{{Name: "Name", Percent: 60}, {Name: "Other: Ltd", Percent: 40}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []string{"A", ":50", "A:x", "A:-1", "A:100.5", "A:60;B:41", "A:NaN", "A:Inf"} {
		if _, err := parseOwners(bad); err == nil {
			t.Errorf("parseOwners(%q): no error", bad)
		}
	}
}

func TestDomainOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://www.Kaspersky.com/downloads", "kaspersky.com", true},
		{"kaspersky.com", "kaspersky.com", true},
		{"sales@Example.co.uk", "example.co.uk", true},
		{"http://localhost", "", false},
		{"n/a", "", false},
		{"::", "", false},
		{"ex_ample.com", "", false},
	}
	for _, tt := range tests {
		got, err := domainOf(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("domainOf(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
