package policy_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
)

// waiverFile is a waiver file with one waiver whose subject is subject
// (YAML flow mapping) and whose extra lines are extra.
func waiverFile(subject, extra string) string {
	return "waivers:\n  - id: W-1\n    rule: kaspersky-icts-2024\n    subject: " + subject +
		"\n    reason: why\n    approved_by: me\n    ticket: T-1\n    expires: \"2027-01-31\"\n" + extra
}

const sha256Hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// Waivers select what an SBOM's author cannot give a second component
// alone (issue 13, item 7); old files that used a bare ref or a prefix
// fail, saying how to fix them.
func TestParseWaiverSubjects(t *testing.T) {
	tests := []struct {
		name    string
		subject string
		extra   string
		want    decision.WaiverSubject // when accepted
		wantErr []string               // parts of the error
	}{
		{"exact purl", "{purl: pkg:maven/com.example/lib@1.0}", "", decision.WaiverSubject{PURL: "pkg:maven/com.example/lib@1.0"}, nil},
		{"namespace glob", "{purl: pkg:maven/com.example/*}", "", decision.WaiverSubject{PURL: "pkg:maven/com.example/*"}, nil},
		{"version glob", "{purl: \"pkg:npm/%40scope/lib@*\"}", "", decision.WaiverSubject{PURL: "pkg:npm/%40scope/lib@*"}, nil},
		{"hash normalised", "{hash: \"SHA-256:" + strings.ToUpper(sha256Hex) + "\"}", "", decision.WaiverSubject{Hash: "sha256:" + sha256Hex}, nil},
		{"spdx hash name", "{hash: \"SHA256:" + sha256Hex + "\"}", "", decision.WaiverSubject{Hash: "sha256:" + sha256Hex}, nil},
		{"ref with purl", "{ref: comp-7, purl: pkg:maven/com.example/lib@1.0}", "", decision.WaiverSubject{Ref: "comp-7", PURL: "pkg:maven/com.example/lib@1.0"}, nil},
		{"name with hash", "{name: lib, hash: \"sha256:" + sha256Hex + "\"}", "", decision.WaiverSubject{Name: "lib", Hash: "sha256:" + sha256Hex}, nil},
		{"vendor with name", "{vendor: \"vendors.csv#5\", name: Acme LLC}", "", decision.WaiverSubject{Vendor: "vendors.csv#5", Name: "Acme LLC"}, nil},
		{"licence kept", "{purl: pkg:npm/lib@1.0.0}", "    licence: OFAC GL 13\n", decision.WaiverSubject{PURL: "pkg:npm/lib@1.0.0"}, nil},

		{"bare ref (old file)", "{ref: kav-sdk}", "", decision.WaiverSubject{}, []string{`ref "kav-sdk" alone`, "another component given the same ref", "purl: pkg:", "hash: sha256:"}},
		{"bare name", "{name: kav-sdk}", "", decision.WaiverSubject{}, []string{`name "kav-sdk" alone`, "purl"}},
		{"bare prefix p", "{purl: p}", "", decision.WaiverSubject{}, []string{`purl "p" is not a purl`, "/*", "@*"}},
		{"trailing slash prefix (old file)", "{purl: pkg:maven/com.kaspersky.android-components/}", "", decision.WaiverSubject{},
			[]string{"bare prefix", `"pkg:maven/com.kaspersky.android-components/*"`}},
		{"glob in the middle", "{purl: \"pkg:maven/com.*/lib\"}", "", decision.WaiverSubject{}, []string{"glob ending in /*"}},
		{"glob without a namespace", "{purl: \"pkg:maven/*\"}", "", decision.WaiverSubject{}, []string{"is not a purl"}},
		{"md5", "{hash: \"md5:0123456789abcdef0123456789abcdef\"}", "", decision.WaiverSubject{}, []string{"MD5 and SHA-1"}},
		{"short hash", "{hash: \"sha256:abcd\"}", "", decision.WaiverSubject{}, []string{"full hex digest"}},
		{"vendor alone", "{vendor: \"v.csv#5\"}", "", decision.WaiverSubject{}, []string{"give the record's name too"}},
		{"vendor with purl", "{vendor: \"v.csv#5\", name: A, purl: pkg:npm/a@1}", "", decision.WaiverSubject{}, []string{"no purl or hash"}},
		{"empty", "{}", "", decision.WaiverSubject{}, []string{"no selector"}},
		{"spaces", "{purl: \" pkg:npm/a@1\"}", "", decision.WaiverSubject{}, []string{"spaces"}},
		{"blank licence", "{purl: pkg:npm/lib@1.0.0}", "    licence: \" \"\n", decision.WaiverSubject{}, []string{"licence is blank"}},
		{"unknown selector", "{vendor_name: Kaspersky}", "", decision.WaiverSubject{}, []string{"vendor_name"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ws, err := policy.ParseWaivers([]byte(waiverFile(tc.subject, tc.extra)), "waivers.yaml")
			if tc.wantErr != nil {
				if err == nil {
					t.Fatalf("accepted %+v", ws)
				}
				msg := err.Error()
				where := []string{"waivers.yaml", "waiver 1 (W-1)"}
				if tc.name == "unknown selector" {
					where = []string{"waivers.yaml", "line 4"} // the YAML decoder's message
				}
				for _, want := range append(where, tc.wantErr...) {
					if !strings.Contains(msg, want) {
						t.Errorf("error %q lacks %q", msg, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ws[0].Subject != tc.want {
				t.Errorf("subject %+v, want %+v", ws[0].Subject, tc.want)
			}
		})
	}
}

// The waiver data handed to the policies carries every selector and the
// licence.
func TestWaiverData(t *testing.T) {
	ws, err := policy.ParseWaivers([]byte(waiverFile("{ref: r, purl: pkg:npm/a@1, hash: \"sha256:"+sha256Hex+"\", name: a}", "    licence: L-1\n")), "w.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := policy.WaiverData(ws)[0]
	subj := d["subject"].(map[string]any)
	if subj["ref"] != "r" || subj["purl"] != "pkg:npm/a@1" || subj["hash"] != "sha256:"+sha256Hex || subj["name"] != "a" || d["licence"] != "L-1" {
		t.Errorf("waiver data %v", d)
	}
}

func TestHashSelector(t *testing.T) {
	for alg, want := range map[string]string{
		"SHA-256": "sha256", "SHA256": "sha256", "sha256": "sha256", "SHA-512": "sha512", "SHA3-256": "sha3-256",
		"sha3_384": "sha3-384", "BLAKE2b-256": "blake2b-256", "blake2b512": "blake2b-512", "BLAKE3": "blake3", "MD5": "md5",
	} {
		if got := decision.HashAlgorithm(alg); got != want {
			t.Errorf("HashAlgorithm(%q) = %q, want %q", alg, got, want)
		}
	}
}
