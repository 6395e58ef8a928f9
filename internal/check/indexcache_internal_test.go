package check

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/policies"
)

// flakyReader serves an index until told to fail.
type flakyReader struct {
	data []byte
	fail bool
}

func (r *flakyReader) ReadAt(p []byte, off int64) (int, error) {
	if r.fail {
		return 0, errors.New("device gone")
	}
	return bytes.NewReader(r.data).ReadAt(p, off)
}

// TestIndexReadErrorFailsCheck: when an entry of a cached index cannot be
// read during a check, the input cannot be checked (exit 2), whatever the
// policies would have made of the incomplete match.
func TestIndexReadErrorFailsCheck(t *testing.T) {
	ls, err := LoadLists(policies.FS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	built, err := screen.NewIndex(ls, screen.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	data, err := built.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	r := &flakyReader{data: data}
	ix, err := screen.ReadIndex(r, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	s, err := newScreening(ix)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS})
	if err != nil {
		t.Fatal(err)
	}
	c := &Session{engine: engine, screening: s, plan: Plan{Profile: "all", AsOf: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		FailOn: "low", PolicyInput: PolicyInputDiet, Lists: ListPlan{Stale: StaleError}}}
	check := func(in Input) decision.Input { return c.Run(context.Background(), []Input{in}).Decision.Inputs[0] }
	in := Input{Path: "app.cdx.json", Data: []byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
"components":[{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Positive Technologies"}}]}`)}
	if out := check(in); out.Error != "" || out.Outcome != "fail" {
		t.Fatalf("before the failure: outcome %s, error %q", out.Outcome, out.Error)
	}
	r.fail = true
	out := check(in)
	if !strings.Contains(out.Error, "device gone") {
		t.Fatalf("after the failure: outcome %s, error %q; want an error naming the read", out.Outcome, out.Error)
	}
}
