// Package monitor re-screens checked subjects when a list changes: it
// works out what changed between two list snapshots (Changes), which
// subjects those changes can affect (Screener: the subject's screened
// names against only the added, changed and removed entries), re-runs
// those subjects on the new session (Rescreen), and makes an Alert for
// each whose outcome changed. The server (its inventory in the decision
// log's database) and the monitor command (an inventory directory and a
// state file) share it.
package monitor
