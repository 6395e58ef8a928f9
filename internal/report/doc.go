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
// What each format decides:
//
//   - text: per input a header, the findings grouped per subject (each
//     with severity, rule, title, message, field pointer, attribution
//     evidence, list entry, authority and waiver), a summary with counts
//     and coverage; then the lists used. Control and bidirectional
//     characters from the input are shown escaped, never sent to the
//     terminal. Colours only with TextOptions.Color.
//   - json: the whole run under "schema": "bangate.decision/v1"; inputs
//     last; each violation on one line.
//   - sarif: one run; one rule per policy rule, with the legal citation and
//     the official URL as help; one result per violation, review
//     ("warning"), waived finding (with an external suppression) and
//     warning ("note"); inputs that could not be checked as error
//     notifications of an unsuccessful invocation. Capped at GitHub's
//     limits (25,000 results, 255-character identifiers; 4 KiB messages by
//     choice), with what was cut counted in run.properties.truncation.
//   - junit: one testsuite per input; a "policy" testcase with the input's
//     verdict and one testcase per component or vendor with findings;
//     reviews are failures of type "review" (they block with exit code 3),
//     waived findings are skips, warnings go to system-out.
//   - markdown: outcome line, a table per input, violation and review
//     tables with links to the official texts, and <details> for warnings,
//     waivers and list provenance.
//   - html: one page with inline CSS, no script and a Content-Security-Policy
//     that forbids every network request.
package report
