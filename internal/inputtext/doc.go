// Package inputtext reads the text of an input file that is not UTF-8 as
// every mainstream reader reads it: UTF-16 with a byte order mark, and XML
// in the encoding its declaration names. Lines stay as they were, so that
// a place found in the text is the file's; what cannot be read is an error
// at its byte, never a character replaced unseen.
package inputtext

// Read returns data as UTF-8 text and names the encoding it was read
// from: UTF-16 with a byte order mark (UTF16), XML whose declaration names
// another encoding (DeclaredXML); data itself, and "", when it is neither.
func Read(data []byte) (text []byte, encoding string, err error) {
	text, encoding, err = UTF16(data)
	if err == nil && encoding == "" {
		text, encoding, err = DeclaredXML(data)
	}
	return text, encoding, err
}
