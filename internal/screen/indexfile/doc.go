// Package indexfile stores a screening index (screen.Index) in a file and
// reads it back, so that a process can start screening without parsing
// the list files and indexing them again: a cache, not an interchange
// format. Append and Marshal write an index; Read reads one.
//
// Layout: a header of 40 bytes (magic, the format version, the layout
// signature of the program that wrote it, where the entries section
// starts, and the CRC-32C of the tables section), the tables section,
// then the entries section.
//
// The tables section holds the options, each list's provenance, where its
// entries are and how many aliases each has, the index's tables
// (screen.Tables), and the SHA-256 of each 16 KiB block of the entries
// section. The big tables (names, words, weights, postings, look-up
// tables, deletion tables, identifier tables, entry offsets) are stored
// as the program holds them in memory, 8-byte aligned, and Read uses them
// in place; counts and lengths are unsigned varints. The layout signature
// covers the machine's byte order and the layout of the stored structs
// (screen.TablesLayout): a file written under another layout is refused,
// not misread.
//
// The entries section holds the entries of every list, one after the
// other. Ban lists, which are small, are read whole when the file is
// opened; the entries of sanctions lists stay where they are and are read
// one at a time when a query needs one, so that some 40,000 entries cost
// no memory and no time until then. Each block of entries is checked
// against its digest the first time an entry in it is read. A failure
// to read an entry, or a block that does not match its digest, fails
// the query that asked, and only that query.
//
// ReadSHA256 reads a file whose digest was recorded when it was written:
// the SHA-256 of the header and tables section (TablesSHA256), which
// holds the digest of every block of entries, so that it covers the
// whole file while only the tables are read and hashed when it is opened.
//
// Read takes the header and tables section into memory and reads the
// entries through an io.ReaderAt, copying each entry it reads, so that
// nothing the index hands out keeps the reader's memory.
package indexfile
