// Package report renders a decision run for people and machines: plain
// text for a terminal, JSON, SARIF 2.1.0 for code scanning, JUnit XML for CI
// test views, Markdown for job summaries and merge-request notes, and a
// self-contained HTML page for auditors.
//
// Every renderer reads a *decision.Run and nothing else, never changes it,
// writes the same bytes for the same run (times come only from Run.AsOf),
// and is safe for concurrent use. New picks a renderer by format name
// (package atomicfile writes a report file all or nothing).
//
// Every format names, near its top, each configuration file read and each
// user policy file loaded with its sha256 (Run.Sources; for a bangate.yaml
// found in the working directory, the settings it was not allowed to make),
// and lists first the findings waived under a sanctions licence
// (Run.Licensed): text "config:", "user policy:" and "licensed:" lines
// after the outcome; JSON "sources" and "licensed"; SARIF invocation
// properties, with a warning notification per licensed waiver and a note
// per found config file with settings not applied; JUnit suite properties
// "config", "user_policy" and "licensed", and a "waived-under-licence"
// skip; Markdown and HTML a banner and a list of the files.
//
// What each format decides:
//
//   - text, full (New("text")): per input a header, the findings grouped
//     per subject (each with severity, rule, title, message, field pointer
//     and its path:line:column, attribution evidence, list entry,
//     authority and waiver), a summary with counts and coverage; then the
//     lists used. The audit form: nothing is left out.
//   - text, compact (TextOptions.Compact): what fits on a screen. A header
//     (outcome, profile, as-of, the run's errors, each list with its
//     age), per input one line (format, coverage, counts) and a table of
//     its findings, one row each (severity, or the kind of a finding that
//     is not a violation: review, warning, waived; rule; subject; list
//     entry with score; line; field pointer); then once per rule its
//     title, authority and the explanation its findings share, wrapped to
//     TextOptions.Width. In both forms control and bidirectional
//     characters from the input are shown escaped, never sent to the
//     terminal, and the run's errors follow the outcome. Colours only with
//     TextOptions.Color.
//   - json: the whole run under "schema": "bangate.decision/v1"; inputs
//     last; each violation on one line.
//   - sarif: one run; one rule per policy rule, with the legal citation and
//     the official URL as help; one result per violation, review
//     ("warning"), waived finding (with an external suppression) and
//     warning ("note"), each at the line and column of its field
//     (region.startLine/startColumn, columnKind unicodeCodePoints; line 1
//     when the check could not place it); inputs that could not be
//     checked and the run's own errors as error notifications, the
//     invocation unsuccessful when the outcome is "error". Capped at GitHub's
//     limits (25,000 results, 255-character identifiers; 4 KiB messages by
//     choice), with what was cut counted in run.properties.truncation.
//   - junit: one testsuite per input; a "policy" testcase with the input's
//     verdict and one testcase per component or vendor with findings;
//     reviews are failures of type "review" (they block with exit code 3),
//     waived findings are skips, warnings go to system-out; the run's own
//     errors are a first testsuite "bangate run" whose testcase is an
//     error.
//   - markdown: a banner quoting the run's own errors, outcome line, a
//     table per input, violation and review tables (the field with its
//     line) with links to the official texts, and <details> for warnings,
//     waivers and list provenance.
//   - html: one page with inline CSS, no script and a Content-Security-Policy
//     that forbids every network request; the run's own errors in a banner
//     (#run-errors) under the outcome.
package report
