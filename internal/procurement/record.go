package procurement

// Vendor is one vendor record: a CSV row, an element of a JSON or YAML
// vendor array, or one supplier or tenderer party of one OCDS release.
// Field names in JSON follow the design's input document (snake_case).
type Vendor struct {
	// Record is the 1-based index of the record in its file: the data row
	// of a CSV file (header excluded), the array element of a JSON or YAML
	// file, the vendor's position in an OCDS file's output.
	Record int `json:"record"`
	// Pointer locates the record in its file: an RFC 6901 JSON pointer for
	// JSON, YAML and OCDS ("/3", "/vendors/3",
	// "/releases/0/parties/2"), "row N" for CSV, N being the line of the
	// file where the row starts (the header is line 1).
	Pointer string `json:"pointer"`
	// Source is the file name the record was read from, as the caller
	// named it.
	Source string `json:"source"`
	// Document is the 1-based index of the JSON value the record came
	// from when an OCDS file holds several concatenated JSON values; 0
	// when the file holds one.
	Document int `json:"document,omitempty"`
	// Name is the vendor's legal name: recipient_name (USAspending),
	// vendorname (legacy USAspending/FPDS), legalBusinessName (SAM.gov),
	// vendor or name (simple sheets), parties[].name (OCDS; the
	// identifier's legalName when name is empty). It is empty only for
	// an OCDS party that names neither.
	Name string `json:"name"`
	// Aliases are other names of the vendor: recipient_doing_business_as_name,
	// vendordoingasbusinessname, vendoralternatename, dbaName, former names,
	// an OCDS identifier's legalName when it differs from the name.
	Aliases []string `json:"aliases,omitempty"`
	// Country is the vendor's country as an ISO 3166-1 alpha-2 code,
	// converted from alpha-3 where the source gives that
	// (recipient_country_code "USA" → "US"); empty when the source gives
	// no recognisable code.
	Country string `json:"country,omitempty"`
	// CountryName is the country as the source wrote it when that was
	// not a bare code (OCDS address.countryName, "USA: UNITED STATES OF
	// AMERICA"), so that nothing the source said is lost.
	CountryName string `json:"country_name,omitempty"`
	// Identifiers are the vendor's registration numbers.
	Identifiers Identifiers `json:"identifiers"`
	// Domains are internet domains of the vendor, from a website or
	// e-mail column, or an OCDS contactPoint's url and email.
	Domains []string `json:"domains,omitempty"`
	// Links are the e-mail and web addresses the Domains came from, as
	// written: on a shared provider (gmail.com) only the whole address can
	// identify a party, not its domain.
	Links []string `json:"links,omitempty"`
	// Contacts are names of people the source gives for the vendor (OCDS
	// contactPoint.name, a contact or point-of-contact column or key).
	// They are persons, to be screened as such: a blocked person acting
	// for a vendor matters even when the vendor is not blocked (OFAC FAQ
	// 398).
	Contacts []string `json:"contacts,omitempty"`
	// Parties are the other parties the record names besides the
	// vendor, its parent and its products' manufacturers: a supplier
	// (beside a vendor name), reseller, distributor, OEM, ultimate parent,
	// subcontractor, payee, beneficial owner (a person) or shareholder
	// whose stake is not given.
	Parties []Party `json:"parties,omitempty"`
	// Products are what was bought from the vendor.
	Products []Product `json:"products,omitempty"`
	// Owners are the vendor's direct owners with their stakes.
	Owners []Owner `json:"owners,omitempty"`
	// Parent is the vendor's parent company: recipient_parent_name
	// (USAspending), mod_parent (legacy USAspending/FPDS), parent.
	Parent string `json:"parent,omitempty"`
	// ParentIdentifiers are the parent's registration numbers:
	// recipient_parent_uei, recipient_parent_duns, parentdunsnumber.
	ParentIdentifiers Identifiers `json:"parent_identifiers,omitzero"`
	// Contracts are the contracts or awards the record is about: one for
	// a CSV row; every contract (or award without a contract) the
	// supplier got in an OCDS release.
	Contracts []Contract `json:"contracts,omitempty"`
	// Fields maps each field that was read to where it came from, so a
	// violation can name the field: the column name for CSV, the JSON
	// pointer for JSON, YAML and OCDS. Keys are field paths such as
	// "name", "aliases.0", "identifiers.uei", "owners.1"; a key names a
	// whole list element ("products.0", "contracts.0": JSON, YAML, OCDS)
	// or a part of one ("products.0.category", "contracts.0.amount": CSV,
	// where the parts come from different columns). Records of one CSV file that
	// have the same fields from the same columns share one map: treat it
	// as read-only.
	Fields map[string]string `json:"fields,omitempty"`
}

// Party is another party a record names, with its role.
type Party struct {
	// Role is one of the Role constants.
	Role string `json:"role"`
	// Name is the party's name as written.
	Name string `json:"name"`
}

// Roles of Party.
const (
	RoleSupplier       = "supplier"
	RoleReseller       = "reseller"
	RoleDistributor    = "distributor"
	RoleOEM            = "oem"
	RoleUltimateParent = "ultimate_parent"
	// RoleSubcontractor is a subcontractor or subawardee of the record's
	// vendor, and RolePayee a party paid under the record's contract.
	RoleSubcontractor = "subcontractor"
	RolePayee         = "payee"
	// RoleBeneficialOwner is a beneficial owner of the vendor whose stake
	// the source does not give (OCDS parties[].beneficialOwners): screened
	// as an owner.
	RoleBeneficialOwner = "beneficial_owner"
	// RoleShareholder is an owner of the vendor, person or organisation,
	// named without a stake (a shareholder or UBO column): screened as an
	// owner.
	RoleShareholder = "shareholder"
)

// Identifiers are an organisation's registration numbers.
type Identifiers struct {
	// UEI is the SAM.gov Unique Entity ID: recipient_uei, ueiSAM, uei.
	UEI string `json:"uei,omitempty"`
	// CAGE is the Commercial and Government Entity code: cage_code, cageCode.
	CAGE string `json:"cage,omitempty"`
	// DUNS is the Dun & Bradstreet number: recipient_duns, dunsnumber.
	DUNS string `json:"duns,omitempty"`
	// LEI is the ISO 17442 Legal Entity Identifier: lei, OCDS scheme XI-LEI.
	LEI string `json:"lei,omitempty"`
	// TaxID is a tax registration number: tax_id, tin, ein, vat.
	TaxID string `json:"tax_id,omitempty"`
	// Other holds identifiers of any other scheme, scheme → value (OCDS
	// identifier.scheme and additionalIdentifiers, e.g. "GB-COH").
	Other map[string]string `json:"other,omitempty"`
}

// IsZero reports whether no identifier is set.
func (id Identifiers) IsZero() bool {
	return id.UEI == "" && id.CAGE == "" && id.DUNS == "" && id.LEI == "" &&
		id.TaxID == "" && len(id.Other) == 0
}

// Product is one thing bought from a vendor.
type Product struct {
	// Name is the item as described: product, transaction_description,
	// OCDS items[].description.
	Name string `json:"name,omitempty"`
	// Category is the classification's description:
	// product_or_service_code_description, category, OCDS
	// items[].classification.description.
	Category string `json:"category,omitempty"`
	// Code is the classification code: product_or_service_code (PSC),
	// OCDS items[].classification.id.
	Code string `json:"code,omitempty"`
	// Scheme is the classification scheme of Code: "PSC" for USAspending
	// and FPDS, OCDS items[].classification.scheme (CPV, UNSPSC, …).
	Scheme string `json:"scheme,omitempty"`
	// Manufacturer is the product's maker when the source names it.
	Manufacturer string `json:"manufacturer,omitempty"`
	// CountryOfOrigin is the ISO 3166-1 alpha-2 code of the country of
	// origin: country_of_product_or_service_origin_code, countryoforigin.
	CountryOfOrigin string `json:"country_of_origin,omitempty"`
}

// Owner is one direct owner of a vendor.
type Owner struct {
	// Name is the owner's name.
	Name string `json:"name"`
	// Percent is the owner's stake, from 0 to 100.
	Percent float64 `json:"percent"`
	// Country is the owner's country (ISO 3166-1 alpha-2) when given.
	Country string `json:"country,omitempty"`
}

// Contract is one contract, or one award without a contract, with a vendor.
type Contract struct {
	// ID is the contract's identifier: award_id_piid,
	// contract_award_unique_key, piid, OCDS contracts[].id. Empty for an
	// OCDS award that has no contract yet.
	ID string `json:"id,omitempty"`
	// AwardID is the OCDS award the contract belongs to (awardID).
	AwardID string `json:"award_id,omitempty"`
	// Amount is the value as a decimal string, exactly as precise as the
	// source: federal_action_obligation, total_dollars_obligated,
	// dollarsobligated, amount, OCDS value.amount. It may be negative
	// (a de-obligation).
	Amount string `json:"amount,omitempty"`
	// Currency is the ISO 4217 code: currency, OCDS value.currency; "USD"
	// for USAspending and FPDS amounts, which are in dollars by definition.
	Currency string `json:"currency,omitempty"`
	// Date is the signing or action date as YYYY-MM-DD: action_date,
	// signeddate, OCDS dateSigned (or the award's date), taken in the
	// source's own time zone.
	Date string `json:"date,omitempty"`
}

// Format is a vendor file format that Detect recognises.
type Format string

// Formats recognised by Detect.
const (
	// FormatCSV is comma-, tab- or semicolon-separated values with a header row.
	FormatCSV Format = "csv"
	// FormatJSON is a JSON array of vendor objects, or {"vendors": [...]}.
	FormatJSON Format = "json"
	// FormatYAML is a YAML sequence of vendor mappings, or a mapping with
	// the key vendors.
	FormatYAML Format = "yaml"
	// FormatOCDS is Open Contracting Data Standard JSON: release packages,
	// record packages, bare releases or records, or several of them
	// concatenated.
	FormatOCDS Format = "ocds"
	// FormatOwnership is an ownership CSV (owner,owned,percent[,source]),
	// read by ReadOwnership rather than Read.
	FormatOwnership Format = "ownership-csv"
)

// Options tune the readers. The zero value reads UTF-8 with the built-in
// column names.
type Options struct {
	// Columns maps a field to the CSV column that holds it, overriding the
	// built-in column names for that field (the lead fills it from
	// bangate.yaml). Keys are the names in Fields; a key that is not a
	// field, or a column that is not in the header, is an error.
	Columns map[string]string
	// Encoding is the CSV file's character encoding: "" or "utf-8" (the
	// default; invalid UTF-8 is then an error), "latin1" (ISO 8859-1) or
	// "windows-1252". A UTF-16 file is recognised by its byte order mark
	// whatever this says.
	Encoding string
	// Delimiter is the CSV field separator; 0 sniffs it from the header
	// line (comma, tab or semicolon, whichever occurs most outside quotes).
	Delimiter rune
}
