// Package screen matches party names and identifiers against the loaded
// reference lists: it normalises names (case, diacritics, scripts, legal
// forms, word order), indexes every list once, scores candidates, and
// returns explained matches. An index gives its tables (Index.Tables) and
// is made again from them (FromTables) with its entries read on demand from
// an EntrySource; package indexfile stores them in a file, which is how a
// check avoids indexing the same lists on every run.
package screen
