package report_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/bangate/bangate/internal/report"
)

// BenchmarkRender renders a run with 10,000 violations (2,500 components,
// four rules, full match and authority on each) in every format, and in
// all formats one after the other.
func BenchmarkRender(b *testing.B) {
	run := manyViolations(10000)
	renderers := map[string]report.Renderer{}
	for _, format := range report.Formats() {
		r, err := report.New(format)
		if err != nil {
			b.Fatal(err)
		}
		renderers[format] = r
	}
	for _, format := range report.Formats() {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			r := renderers[format]
			for b.Loop() {
				if err := r.Render(io.Discard, run); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, format := range report.Formats() {
				if err := renderers[format].Render(io.Discard, run); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkRenderJSONBuffer renders a run with one violation as JSON
// into memory, as the server does for every check.
func BenchmarkRenderJSONBuffer(b *testing.B) {
	run := manyViolations(1)
	r, err := report.New(report.FormatJSON)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.Render(&buf, run); err != nil {
			b.Fatal(err)
		}
	}
}
