package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/bangate/bangate/internal/provenance"
)

// metrics are the server's Prometheus metrics, in a registry of its own.
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	decisions *prometheus.CounterVec
	rejected  *prometheus.CounterVec
	listAge   *prometheus.GaugeVec
	inFlight  prometheus.Gauge
	logSeq    prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bangate_http_requests_total", Help: "HTTP requests answered, by route, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "bangate_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bangate_decisions_total", Help: "Decisions made and logged, by kind (check, screen) and outcome.",
		}, []string{"kind", "outcome"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bangate_inputs_rejected_total", Help: "Inputs answered 4xx without a decision, by status code.",
		}, []string{"code"}),
		listAge: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "bangate_list_age_days", Help: "Days since each list in service was published.",
		}, []string{"list", "kind"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "bangate_checks_in_flight", Help: "Checks and screenings under way.",
		}),
		logSeq: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "bangate_log_seq", Help: "Seq of the last decision this process appended to the log.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.decisions, m.rejected, m.listAge, m.inFlight, m.logSeq,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

func (m *metrics) request(route, method string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) decision(kind, outcome string, seq int64) {
	m.decisions.WithLabelValues(kind, outcome).Inc()
	m.logSeq.Set(float64(seq))
}

func (m *metrics) observeLists(ls []provenance.List, now time.Time) {
	m.listAge.Reset()
	for _, p := range ls {
		m.listAge.WithLabelValues(p.ID, string(p.Kind)).Set(float64(provenance.AgeDays(p, now)))
	}
}
