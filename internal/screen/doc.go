// Package screen matches party names and identifiers against the loaded
// reference lists: it normalises names (case, diacritics, scripts, legal
// forms, word order), indexes every list once, scores candidates, and
// returns explained matches.
package screen
