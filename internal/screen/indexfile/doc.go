// Package indexfile stores a screening index (screen.Index) in a file and
// reads it back, so that a process can start screening without parsing
// the list files and indexing them again: a cache, not an interchange
// format. Append and Marshal write an index; Read reads one.
//
// Layout: a header of 40 bytes (magic, the format version, the
// layout signature of the program that wrote it, where the entries
// section starts, and the CRC-32C of the tables and of the entries), the
// tables section, then the entries section.
//
// The tables section holds the options, each list's provenance and where
// its entries are, and the index's tables (screen.Tables). The big tables
// (names, words, weights, postings, look-up tables, deletion tables,
// identifier tables, entry offsets) are stored as the program holds them
// in memory, 8-byte aligned, and Read uses them in place; counts and
// lengths are unsigned varints. The layout signature covers the machine's
// byte order and the layout of the stored structs (screen.TablesLayout):
// a file written under another layout is refused, not misread.
//
// The entries section holds the entries of every list, one after the
// other. Ban lists, which are small, are read whole; the entries of
// sanctions lists stay where they are and are read one at a time when a
// query needs one, so that some 40,000 entries cost no memory until then.
// A failure to read one fails the query that asked, and only that query.
//
// Read takes the tables section into memory and reads the entries through
// an io.ReaderAt; everything after the header check works on those bytes
// and that reader, so that a mapped file can stand for both.
package indexfile
