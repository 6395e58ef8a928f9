package sbom

import (
	"bytes"
	"runtime"
	"sync"
)

// keysAheadFrom is the size from which the key check of a text that looks
// like CycloneDX JSON runs beside the pre-scan (keysAhead) rather than
// after it: both read the whole text, on one core each.
const keysAheadFrom = 4 << 20

// keysAheadPeek is how much of the text's start is looked at for
// "bomFormat" before the key check is started ahead.
const keysAheadPeek = 64 << 10

// keysAhead is the key check of a CycloneDX JSON text (checkKeys with
// cdxKnownNames) run while the pre-scan reads the same text, for a text
// that looks like one: checkKeys takes its result when the pre-scan finds
// the text is one, and checks again otherwise.
type keysAhead struct {
	body   []byte
	wg     sync.WaitGroup
	err    error
	unread []unreadField
	ok     bool // the check ran to its end (no panic)
}

// startKeysAhead starts the key check of data ahead of the pre-scan when
// data is large, its first character opens an object, its start names
// "bomFormat" and there is a core to spare; nil otherwise.
func startKeysAhead(data []byte) *keysAhead {
	body := bytes.TrimPrefix(data, utf8BOM)
	if len(body) < keysAheadFrom || runtime.GOMAXPROCS(0) < 2 || firstNonSpace(body) != '{' ||
		!bytes.Contains(body[:keysAheadPeek], []byte(`"bomFormat"`)) {
		return nil
	}
	k := &keysAhead{body: body}
	k.wg.Go(func() {
		// A panic here could not be recovered by the decoder: the check
		// then runs again after the pre-scan, where it can.
		defer func() {
			if recover() != nil {
				k.ok = false
			}
		}()
		k.unread, k.err = checkJSONKeys(body, cdxKnownNames)
		k.ok = true
	})
	return k
}

// wait waits for the check to end; nil waits for nothing. The text must
// not be let go before.
func (k *keysAhead) wait() {
	if k != nil {
		k.wg.Wait()
	}
}

// stands waits for the check and reports whether it stands for the check
// of s: it ran to its end, and the pre-scan found s to be the same text,
// CycloneDX JSON, valid and in no wrapper.
func (k *keysAhead) stands(s *sniffed, sniffErr error) bool {
	if k == nil {
		return false
	}
	k.wg.Wait()
	same := len(s.body) == len(k.body) && (len(s.body) == 0 || &s.body[0] == &k.body[0])
	return k.ok && same && s.wrap == nil && s.format == FormatCycloneDXJSON && sniffErr == nil
}
