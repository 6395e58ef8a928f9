// Package screen matches party names and identifiers against the loaded
// reference lists: it normalises names (case, diacritics, scripts, legal
// forms, word order), indexes every list once, scores candidates, and
// returns explained matches. An index can be written in a binary form and
// read back (ReadIndex) in a fraction of the time it takes to build, which
// is how a check avoids indexing the same lists on every run.
package screen
