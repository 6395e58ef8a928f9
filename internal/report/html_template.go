package report

// htmlSource is the page template. It loads nothing: styles are inline,
// fonts are the reader's system fonts, and the Content-Security-Policy
// forbids every fetch. Table rows carry classes tests and auditors' tools
// can select on: violation-row, component-row, review-row, warning-row,
// waived-row, list-row, source-row; the banner is #outcome with class
// outcome-<value>, the run's own errors are in #run-errors, and the
// findings waived under a sanctions licence in #licensed.
const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bangate decision: {{.Outcome}}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0 auto; padding: 1.5rem; max-width: 80rem; color: #1b1f24; background: #fff; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
#outcome { padding: 1rem 1.25rem; border-radius: 6px; font-size: 1.4rem; font-weight: 700; margin-bottom: 1rem; border: 2px solid; }
.outcome-pass { background: #dafbe1; border-color: #1a7f37; color: #0f5323; }
.outcome-fail { background: #ffebe9; border-color: #cf222e; color: #82071e; }
.outcome-review { background: #fff8c5; border-color: #9a6700; color: #4d2d00; }
.outcome-error { background: #fbefff; border-color: #8250df; color: #512a97; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; border: 1px solid; }
.badge.outcome-pass, .badge.outcome-fail, .badge.outcome-review, .badge.outcome-error { border-width: 1px; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .8rem; }
.sev-critical { color: #82071e; } .sev-high { color: #cf222e; } .sev-medium { color: #9a6700; } .sev-low, .sev-info { color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f6f8fa; white-space: nowrap; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.error { color: #82071e; font-weight: 600; }
#run-errors { padding: .75rem 1.25rem; border-radius: 6px; margin-bottom: 1rem; border: 2px solid #8250df; background: #fbefff; color: #512a97; }
#run-errors ul { margin: .25rem 0 0; padding-left: 1.25rem; }
#licensed { padding: .75rem 1.25rem; border-radius: 6px; margin-bottom: 1rem; border: 2px solid #9a6700; background: #fff8c5; color: #4d2d00; }
#licensed ul { margin: .25rem 0 0; padding-left: 1.25rem; }
.muted { color: #57606a; }
@media print { body { max-width: none; } #outcome { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
</style>
</head>
<body>
<header>
<h1>bangate compliance decision</h1>
<div id="outcome" class="outcome outcome-{{.Outcome}}" role="status">{{if eq .Outcome "pass"}}PASS{{else if eq .Outcome "fail"}}FAIL{{else if eq .Outcome "review"}}REVIEW{{else if eq .Outcome "error"}}ERROR{{else}}{{.Outcome}}{{end}} &middot; exit {{.ExitCode}} &middot; {{.Counts}}</div>
{{if .Errors}}<div id="run-errors" class="run-errors" role="alert"><strong>The check could not be completed:</strong>
<ul>{{range .Errors}}<li>{{.}}</li>{{end}}</ul></div>
{{end}}{{if .Licensed}}<div id="licensed" class="licensed" role="alert"><strong>Waived under a sanctions licence</strong> (dealing with a blocked person or frozen assets, authorised only by the licence named):
<ul>{{range .Licensed}}<li>{{.}}</li>{{end}}</ul></div>
{{end}}<dl class="meta">
<dt>Decided as of</dt><dd>{{.AsOf}}</dd>
<dt>Profile</dt><dd>{{.Profile}}</dd>
<dt>Tool</dt><dd>{{.Tool}}</dd>
<dt>Inputs</dt><dd>{{len .Inputs}}</dd>
{{range .Sources}}<dt>{{if eq .Label "config"}}Config{{else}}User policy{{end}}</dt><dd class="source-row">{{.Name}} <span class="muted">sha256</span> <code>{{.SHA256}}</code>{{if .Note}}<br><span class="muted">{{.Note}}</span>{{end}}</dd>
{{end}}</dl>
</header>
<main>
{{range .Inputs}}
<section class="input">
<h2>{{.Path}} <span class="badge outcome-{{.Outcome}}">{{.Outcome}}</span></h2>
<dl class="meta">
<dt>Kind</dt><dd>{{.Kind}}</dd>
{{if .Format}}<dt>Format</dt><dd>{{.Format}}</dd>{{end}}
{{if .SHA256}}<dt>SHA-256</dt><dd><code>{{.SHA256}}</code></dd>{{end}}
{{if .Subject}}<dt>Subject</dt><dd>{{.Subject}}</dd>{{end}}
<dt>Findings</dt><dd>{{.Counts}}</dd>
<dt>Coverage</dt><dd>{{.Coverage.Components}} components, {{.Coverage.Attributed}} attributed, {{.Coverage.Unattributed}} unattributed, {{.Coverage.WithNamedParty}} with a named party, {{.Coverage.WithPURLNamespace}} with a purl namespace, {{.Coverage.PartiesScreened}} parties screened</dd>
</dl>
{{if .Error}}<p class="error">Could not be checked: {{.Error}}</p>{{else}}
{{if .Rules}}
<h3>Violations by rule</h3>
{{range .Rules}}
<h4><span class="sev sev-{{.Severity}}">{{.Severity}}</span> <code>{{.Rule}}</code> {{.Title}}</h4>
{{if .Authority.Citation}}<p class="muted">Authority: {{template "authority" .Authority}}</p>{{end}}
<table class="violations">
<thead><tr><th>Component / vendor</th><th>Field</th><th>Attribution evidence</th><th>List entry</th><th>Message</th></tr></thead>
<tbody>
{{range .Findings}}<tr class="violation-row"><td>{{.Subject}}</td><td><code>{{.Pointer}}</code>{{if .Place}}<br><span class="muted">{{.Place}}</span>{{end}}{{if .At}}<br><span class="muted">at <code>{{.At}}</code></span>{{end}}</td><td>{{.Evidence}}</td><td>{{.Entry}}</td><td>{{.Message}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
<h3>Violations by component</h3>
<table class="components">
<thead><tr><th>Component / vendor</th><th>Violations</th><th>Rules</th></tr></thead>
<tbody>
{{range .Components}}<tr class="component-row"><td>{{.Subject}}</td><td>{{.Violations}}</td><td>{{.Rules}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p>No violations.</p>{{end}}
{{if .Reviews.Rows}}
<h3>Reviews</h3>
<p class="muted">Possible matches a person must clear before this input can pass.</p>
{{template "findings" .Reviews}}
{{end}}
{{if .Warnings.Rows}}
<h3>Warnings</h3>
{{template "findings" .Warnings}}
{{end}}
{{if .Waived}}
<h3>Waived</h3>
<table class="waived">
<thead><tr><th>Severity</th><th>Rule</th><th>Component / vendor</th><th>Field</th><th>Attribution evidence</th><th>Authority</th><th>Reason</th><th>Approved by</th><th>Ticket</th><th>Expires</th></tr></thead>
<tbody>
{{range .Waived}}<tr class="waived-row"><td><span class="sev sev-{{.Severity}}">{{.Severity}}</span></td><td><code>{{.Rule}}</code> {{.Title}}</td><td>{{.Subject}}</td><td><code>{{.Pointer}}</code>{{if .Place}}<br><span class="muted">{{.Place}}</span>{{end}}</td><td>{{.Evidence}}</td><td>{{template "authority" .Authority}}</td><td>{{.Waiver.Reason}}</td><td>{{.Waiver.ApprovedBy}}</td><td>{{.Waiver.Ticket}}</td><td>{{.Waiver.Expires}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
{{end}}
</section>
{{end}}
<section class="lists">
<h2>Lists used</h2>
{{if .Lists}}
<table class="provenance">
<thead><tr><th>ID</th><th>Kind</th><th>Title</th><th>Published</th><th>Age</th><th>Retrieved</th><th>Entries</th><th>SHA-256</th><th>Source</th></tr></thead>
<tbody>
{{range .Lists}}<tr class="list-row"><td><code>{{.ID}}</code></td><td>{{.Kind}}</td><td>{{.Title}}</td><td>{{.Published}}</td><td>{{.Age}}</td><td>{{.Retrieved}}</td><td>{{.Entries}}</td><td><code>{{.SHA256}}</code></td><td>{{if .SourceLink}}<a href="{{.SourceLink}}" rel="noreferrer">{{.SourceLink}}</a>{{else}}{{.SourceURL}}{{end}}{{if .Derived}} (derived){{end}}{{if .Note}}<br><span class="muted">{{.Note}}</span>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p>No list was loaded.</p>{{end}}
</section>
</main>
</body>
</html>
{{define "authority"}}{{if .URL}}<a href="{{.URL}}" rel="noreferrer">{{.Citation}}</a>{{else}}{{.Citation}}{{end}}{{if .Effective}}, effective {{.Effective}}{{end}}{{if .Obligation}} (obligation <code>{{.Obligation}}</code>){{end}}{{end}}
{{define "findings"}}<table>
<thead><tr><th>Severity</th><th>Rule</th><th>Component / vendor</th><th>Field</th><th>Attribution evidence</th><th>List entry</th><th>Authority</th></tr></thead>
<tbody>
{{$class := .Class}}{{range .Rows}}<tr class="{{$class}}"><td><span class="sev sev-{{.Severity}}">{{.Severity}}</span></td><td><code>{{.Rule}}</code> {{.Title}}{{if .Message}}<br><span class="muted">{{.Message}}</span>{{end}}</td><td>{{.Subject}}</td><td><code>{{.Pointer}}</code>{{if .Place}}<br><span class="muted">{{.Place}}</span>{{end}}</td><td>{{.Evidence}}{{if .HasWaiver}}<br>expired waiver: {{.Waiver.Reason}}{{if .Waiver.Expires}} (expired {{.Waiver.Expires}}){{end}}{{end}}</td><td>{{.Entry}}</td><td>{{template "authority" .Authority}}</td></tr>
{{end}}</tbody>
</table>{{end}}`
