// Package server is `bangate serve`: the HTTP API over the check pipeline
// (internal/check), with every decision appended to the tamper-evident
// decision log (internal/store) before it is answered.
//
// A Server keeps one check.Session per plan (the default plan, and one
// per profile, as-of date and fail-on level a request asks for), all
// sharing one check.Cache, so the policies are compiled and the lists
// indexed once per generation of the lists. A background refresh looks at
// the list store and swaps in a new generation atomically when a snapshot
// changed.
//
// The work that outlives a request runs as river jobs in the decision
// log's database (riversqlite on SQLite, riverpgxv5 on PostgreSQL; river's
// tables are migrated with the log's): async checks (202 and a job URL
// that reads the job's state), the re-screen of the inventory on a change
// of the lists (one unique job per change, so that replicas sharing a
// PostgreSQL database re-screen once), and the webhook post of each alert
// (retried by river with exponential backoff). Requests carry an API token (Authorization: Bearer) whose role
// decides what they may do; bodies are bounded, rates limited per token,
// checks bounded in number. Every request is logged as one slog line and
// counted in Prometheus metrics; the API is described by the OpenAPI 3.1
// document served at /openapi.json.
package server
