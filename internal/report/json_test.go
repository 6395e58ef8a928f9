package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/report"
)

func TestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			out := render(t, report.FormatJSON, fx.run)
			if !bytes.HasPrefix(out, []byte("{\n  \"schema\": \"bangate.decision/v1\",\n")) {
				t.Fatalf("output does not start with the schema key:\n%.80s", out)
			}
			var doc struct {
				Schema string `json:"schema"`
				decision.Run
			}
			dec := json.NewDecoder(bytes.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("decode: %v", err)
			}
			// What went in comes back, with nil result lists as empty ones.
			want := fx.run
			if want.Sources.Config == nil {
				want.Sources.Config = []decision.ConfigFile{}
			}
			if want.Sources.Policies == nil {
				want.Sources.Policies = []provenance.File{}
			}
			for i := range want.Inputs {
				r := &want.Inputs[i].Result
				for _, l := range []*[]decision.Violation{&r.Violations, &r.Reviews, &r.Warnings, &r.Waived} {
					if *l == nil {
						*l = []decision.Violation{}
					}
				}
			}
			if diff := cmp.Diff(*want, doc.Run); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONShape(t *testing.T) {
	t.Parallel()
	run := passRun()
	run.Lists[0], run.Lists[2] = run.Lists[2], run.Lists[0]
	out := string(render(t, report.FormatJSON, run))
	for _, want := range []string{`"violations": []`, `"reviews": []`, `"warnings": []`, `"waived": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if i, j := strings.Index(out, `"id": "kaspersky"`), strings.Index(out, `"id": "section-889"`); i < 0 || j < i {
		t.Error("lists are not sorted by id")
	}
	if strings.Contains(out, `\u003c`) {
		t.Error("HTML-escaped output")
	}
}

func TestJSONUnencodableMatch(t *testing.T) {
	t.Parallel()
	run := failRun()
	run.Inputs[0].Result.Violations[0].Match["score"] = func() {}
	r, _ := report.New(report.FormatJSON)
	if err := r.Render(&bytes.Buffer{}, run); err == nil {
		t.Fatal("rendered a match that JSON cannot hold")
	}
}
