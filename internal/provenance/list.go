package provenance

import "time"

// Kind says what a list is for, which decides what a match against it means.
type Kind string

// List kinds.
const (
	// KindBan is a curated vendor ban list (Kaspersky, FCC Covered List,
	// NDAA section 889) kept as policy data under policies/bangate/lists.
	KindBan Kind = "ban"
	// KindSanctions is an official sanctions or screening list (OFAC SDN,
	// OFAC non-SDN, the trade.gov Consolidated Screening List).
	KindSanctions Kind = "sanctions"
	// KindLinked is a curated list of entities linked to designated persons.
	KindLinked Kind = "linked"
)

// List says where a loaded list came from. It appears in input.lists, in
// every report and in the evidence record.
type List struct {
	// ID names the list ("ofac-sdn", "ofac-cons", "trade-csl", "kaspersky").
	ID string `json:"id"`
	// Kind is what the list is for.
	Kind Kind `json:"kind"`
	// Title is a human name for the list.
	Title string `json:"title,omitempty"`
	// SourceURL is where the official file is published.
	SourceURL string `json:"source_url"`
	// Published is when the publisher issued this version of the list.
	Published time.Time `json:"published"`
	// Retrieved is when this copy was fetched or imported.
	Retrieved time.Time `json:"retrieved"`
	// SHA256 is the hex digest over the loaded files, in a fixed order.
	SHA256 string `json:"sha256"`
	// Entries is the number of entries loaded.
	Entries int `json:"entries"`
	// Derived is set when the file is a third party's re-formatting of the
	// official export rather than the official file itself.
	Derived bool `json:"derived,omitempty"`
	// Note says anything else a reader of the provenance must know.
	Note string `json:"note,omitempty"`
}
