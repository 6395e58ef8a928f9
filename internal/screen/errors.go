package screen

import "errors"

// Errors of index building; each is wrapped with the list and entry.
var (
	errNilList    = errors.New("list is nil")
	errNoListID   = errors.New("list has no provenance id")
	errDupList    = errors.New("list given twice")
	errNoEntryID  = errors.New("entry has no id")
	errNoName     = errors.New("name has no letters or digits")
	errEntryType  = errors.New("unknown entry type")
	errListKind   = errors.New("unknown list kind")
	errNamespace  = errors.New(`purl namespace is not "ecosystem:namespace"`)
	errEmptyIdent = errors.New("identifier is empty")
)
