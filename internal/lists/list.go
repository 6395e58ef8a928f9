package lists

import "github.com/bangate/bangate/internal/provenance"

// List is one loaded reference list.
type List struct {
	Provenance provenance.List
	Entries    []Entry
}

// Entry is one listed party, the same shape for every list format.
type Entry struct {
	// ID is the entry's identifier in its list (OFAC ent_num, CSL _id,
	// the ban list's own key such as "kaspersky-lab").
	ID string `json:"id"`
	// List is the Provenance.ID of the list holding the entry.
	List string `json:"list"`
	// Name is the primary name as the list writes it.
	Name string `json:"name"`
	// Type is "individual", "entity", "vessel" or "aircraft".
	Type string `json:"type"`
	// Aliases are the other names: a.k.a., f.k.a., n.k.a., weak aliases,
	// former names, subsidiaries and affiliates listed by name.
	Aliases []Alias `json:"aliases,omitempty"`
	// Brands are distinctive words that, as whole words in an
	// organisation's name, tie it to this entry ("huawei", "kaspersky").
	Brands []string `json:"brands,omitempty"`
	// Programs are the sanctions program tags ("RUSSIA-EO14024").
	Programs []string `json:"programs,omitempty"`
	// Domains are web and e-mail domains of the entry (lower case, no
	// scheme, no "www.").
	Domains []string `json:"domains,omitempty"`
	// Emails are the entry's e-mail addresses as textnorm.Email writes
	// them: on a shared mail provider (gmail.com) only the exact address
	// identifies the entry, not its domain.
	Emails []string `json:"emails,omitempty"`
	// Websites are the entry's web addresses as host and path
	// ("sites.google.com/view/secondeye", textnorm.WebAddress): on a
	// shared host only the same host and path prefix identify the entry.
	Websites []string `json:"websites,omitempty"`
	// PurlNamespaces are package namespaces published by the entry, as
	// "ecosystem:namespace" ("maven:com.kaspersky", "npm:@kaspersky",
	// "golang:github.com/kasperskylab"), matched as a prefix on
	// namespace boundaries.
	PurlNamespaces []string `json:"purl_namespaces,omitempty"`
	// CPEVendors are NVD CPE vendor strings ("kaspersky", "kaspersky_lab").
	CPEVendors []string `json:"cpe_vendors,omitempty"`
	// IDs are identifiers from the remarks (tax ID, registration number,
	// passport, USCC, ...).
	IDs []Identifier `json:"ids,omitempty"`
	// Nationality, DOB and similar remark facts, verbatim.
	Nationalities []string `json:"nationalities,omitempty"`
	DatesOfBirth  []string `json:"dates_of_birth,omitempty"`
	// Addresses are the entry's addresses, one line each, the list's parts
	// joined with ", " in the list's order, the country last.
	Addresses []string `json:"addresses,omitempty"`
	// LinkedTo names the entries this one is linked to (remarks "Linked To:").
	LinkedTo []string `json:"linked_to,omitempty"`
	// Remarks is the full remarks text, verbatim.
	Remarks string `json:"remarks,omitempty"`
}

// Alias is one other name of an entry.
type Alias struct {
	Name string `json:"name"`
	// Type is "aka", "fka", "nka", "weak", "subsidiary", "affiliate",
	// "brand", "former", "variation" (a spelling variation of the primary
	// name) or "original-script" (AliasOriginalScript).
	Type string `json:"type"`
	// Lang is the language or script of the name where the list states it
	// (EU nameLanguage "FR", UK "Russian"); empty otherwise.
	Lang string `json:"lang,omitempty"`
}

// Alias types the official lists of the UN, EU and UK add to OFAC's.
const (
	// AliasOriginalScript marks a name written in its original,
	// non-Latin script (UN NAME_ORIGINAL_SCRIPT, UK Name Non-Latin
	// Script). It is kept as written; the matcher transliterates it.
	AliasOriginalScript = "original-script"
	// AliasVariation marks a spelling variation of the primary name (UK
	// "Primary name variation").
	AliasVariation = "variation"
)

// Identifier is one registration or document number of an entry.
type Identifier struct {
	Type    string `json:"type"`
	Number  string `json:"number"`
	Country string `json:"country,omitempty"`
}
