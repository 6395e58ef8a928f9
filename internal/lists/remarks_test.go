package lists_test

import (
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/google/go-cmp/cmp"
)

func TestParseRemarks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		remarks string
		want    lists.Remarks
	}{
		{
			name:    "empty",
			remarks: "",
			want:    lists.Remarks{},
		},
		{
			// SDN.CSV 2024-05-03, ent_num 31455 (JSC Positive Technologies).
			name:    "websites, tax id, linked to",
			remarks: "Website www.ptsecurity.ru; alt. Website www.ptsecurity.com; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201; Tax ID No. 7718668887 (Russia); Linked To: FEDERAL SECURITY SERVICE.",
			want: lists.Remarks{
				Domains:  []string{"ptsecurity.ru", "ptsecurity.com"},
				Websites: []string{"ptsecurity.ru", "ptsecurity.com"},
				IDs:      []lists.Identifier{{Type: "Tax ID No.", Number: "7718668887", Country: "Russia"}},
				LinkedTo: []string{"FEDERAL SECURITY SERVICE"},
			},
		},
		{
			// SDN.CSV, ent_num 45854 (a Kaspersky leader, 2024-06-21).
			name:    "person with DOB, passport, national id",
			remarks: "DOB 15 Jun 1978; POB St. Petersburg, Russia; nationality Russia; Gender Female; Secondary sanctions risk: See Section 11 of Executive Order 14024.; Passport 726049373 (Russia); National ID No. 4004291086 (Russia).",
			want: lists.Remarks{
				IDs: []lists.Identifier{
					{Type: "Passport", Number: "726049373", Country: "Russia"},
					{Type: "National ID No.", Number: "4004291086", Country: "Russia"},
				},
				Nationalities: []string{"Russia"},
				DatesOfBirth:  []string{"15 Jun 1978"},
			},
		},
		{
			// SDN.CSV 2024-05-03 row 306, and clause shapes from other rows.
			name:    "weak aliases and former names",
			remarks: "a.k.a. 'BNC'; f.k.a. 'ANA I'; n.k.a. 'NEW NAME'; a.k.a. 'BNC'.",
			want: lists.Remarks{Aliases: []lists.Alias{
				{Name: "BNC", Type: "weak"}, {Name: "ANA I", Type: "fka"}, {Name: "NEW NAME", Type: "nka"},
			}},
		},
		{
			name:    "emails, schemes, paths, case",
			remarks: "Email Address info@Sberbank-AST.ru; Email:adelb@shabakah.net.sa; Website https://0day.llc/; Website http://WWW.ELITDIAMOND.NET; Website WWW.BNTDTORG.BY; Website not a domain.",
			want: lists.Remarks{Domains: []string{"sberbank-ast.ru", "shabakah.net.sa", "0day.llc", "elitdiamond.net", "bntdtorg.by"},
				Emails:   []string{"info@sberbank-ast.ru", "adelb@shabakah.net.sa"},
				Websites: []string{"0day.llc", "elitdiamond.net", "bntdtorg.by"}},
		},
		{
			// SDN.CSV, ent_num 30518 and 16196: shared mail providers and a
			// website with a path; the addresses are kept whole.
			name:    "addresses on shared providers, a website with a path",
			remarks: "Email Address forwarderz@yahoo.com; alt. Email Address ForwarderzLive@Google.com; Website http://sharif.edu/jalili/; Website https://sites.google.com/view/SecondEye?x=1#top.",
			want: lists.Remarks{Domains: []string{"yahoo.com", "google.com", "sharif.edu", "sites.google.com"},
				Emails:   []string{"forwarderz@yahoo.com", "forwarderzlive@google.com"},
				Websites: []string{"sharif.edu/jalili", "sites.google.com/view/secondeye"}},
		},
		{
			name:    "identifiers with issue dates and no country",
			remarks: "Unified Social Credit Code (USCC) 9113100033607322XK (China); Legal Entity Number 253400V1H6ART1UQ0N98 (Russia); SWIFT/BIC HAVIGB2L; Identification Number AO 2879097 (Italy) expires 30 Oct 2012; C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968; UK Company Number 01126618 (United Kingdom); Registration Number 1027700167110 (Russia); alt. DOB 1971 to 1972",
			want: lists.Remarks{
				IDs: []lists.Identifier{
					{Type: "Unified Social Credit Code (USCC)", Number: "9113100033607322XK", Country: "China"},
					{Type: "Legal Entity Number", Number: "253400V1H6ART1UQ0N98", Country: "Russia"},
					{Type: "SWIFT/BIC", Number: "HAVIGB2L"},
					{Type: "Identification Number", Number: "AO 2879097", Country: "Italy"},
					{Type: "C.U.R.P.", Number: "AIMM67125HCHRRG06", Country: "Mexico"},
					{Type: "UK Company Number", Number: "01126618", Country: "United Kingdom"},
					{Type: "Registration Number", Number: "1027700167110", Country: "Russia"},
				},
				DatesOfBirth: []string{"1971 to 1972"},
			},
		},
		{
			name:    "digital currency address",
			remarks: "Digital Currency Address - XBT 12HQDsicffSBaYdJ6BhnE22sfjTESmmzKx; alt. Digital Currency Address - ETH 0x2f389ce8bd8ff92de3402ffce4691d17fc4f6535",
			want: lists.Remarks{IDs: []lists.Identifier{
				{Type: "Digital Currency Address - XBT", Number: "12HQDsicffSBaYdJ6BhnE22sfjTESmmzKx"},
				{Type: "Digital Currency Address - ETH", Number: "0x2f389ce8bd8ff92de3402ffce4691d17fc4f6535"},
			}},
		},
		{
			// The closing period of an abbreviation is kept.
			name:    "linked to a LTD.",
			remarks: "Passport 0291622 (Belize); Linked To: D'S SUPERMARKET COMPANY LTD.",
			want: lists.Remarks{
				IDs:      []lists.Identifier{{Type: "Passport", Number: "0291622", Country: "Belize"}},
				LinkedTo: []string{"D'S SUPERMARKET COMPANY LTD."},
			},
		},
		{
			name:    "label prefixes that are not labels",
			remarks: "Passports revoked; Passport; a.k.a. ''; Linked To: ",
			want:    lists.Remarks{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, lists.ParseRemarks(tt.remarks)); diff != "" {
				t.Errorf("ParseRemarks (-want +got):\n%s", diff)
			}
		})
	}
}
