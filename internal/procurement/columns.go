package procurement

import "strings"

// field identifies one vendor field a CSV column can feed.
type field int

const (
	fName field = iota
	fAliases
	fCountry
	fCountryName
	fUEI
	fCAGE
	fDUNS
	fLEI
	fTaxID
	fDomains
	fProduct
	fCategory
	fProductCode
	fManufacturer
	fOrigin
	fOwners
	fParent
	fParentUEI
	fParentDUNS
	fContractID
	fAmount
	fCurrency
	fDate
	numFields
)

// columnSpec says which field a set of column names feeds. Columns are
// compared after normalisation (lower case, letters and digits only), so
// "recipient_uei", "Recipient UEI" and "recipientUei" are one column.
// For a single-valued field the first name present in the header wins;
// a multi-valued field (aliases, domains) takes every column present.
type columnSpec struct {
	name  string // the key in Options.Columns
	path  string // the key in Vendor.Fields (".i" is appended for lists)
	multi bool
	cols  []string
}

// columnTable is the built-in column names: USAspending contract downloads
// (current and pre-2017 layouts; FPDS names), SAM.gov entity extracts and
// simple sheets. It is never modified.
var columnTable = [numFields]columnSpec{
	fName: {"name", "name", false, []string{
		"recipient_name", "vendorname", "legalbusinessname", "legal_business_name",
		"vendor", "vendor_name", "supplier", "supplier_name", "company", "company_name",
		"entity_name", "name",
		// Other words sheets name the vendor by: contract and award
		// registers, tenders, and the same in Spanish, French, German,
		// Chinese and Russian ("razón social" is the registered name).
		"contractor", "contractor_name", "awardee", "awardee_name", "seller", "seller_name",
		"bidder", "bidder_name", "tenderer", "tenderer_name", "provider", "provider_name",
		"firm", "firm_name", "business_name", "legal_name", "counterparty", "counterparty_name",
		"proveedor", "razón_social", "fournisseur", "raison_sociale", "lieferant", "供应商", "поставщик"}},
	fAliases: {"aliases", "aliases", true, []string{
		"recipient_doing_business_as_name", "vendordoingasbusinessname", "vendoralternatename",
		"vendorlegalorganizationname", "dbaname", "dba_name", "dba", "doing_business_as",
		"aka", "alias", "aliases", "former_name", "former_names", "also_known_as", "trade_name",
		"trading_name"}},
	fCountry: {"country", "country", false, []string{
		"recipient_country_code", "vendorcountrycode", "physical_address_country_code",
		"physicaladdresscountrycode", "physicaladdress.countrycode", "country_code", "country",
		"vendor_country"}},
	fCountryName: {"country_name", "country_name", false, []string{
		"recipient_country_name", "country_name"}},
	fUEI: {"uei", "identifiers.uei", false, []string{
		"recipient_uei", "ueisam", "uei", "unique_entity_id"}},
	fCAGE: {"cage", "identifiers.cage", false, []string{"cage_code", "cage"}},
	fDUNS: {"duns", "identifiers.duns", false, []string{"recipient_duns", "dunsnumber", "duns"}},
	fLEI:  {"lei", "identifiers.lei", false, []string{"lei"}},
	fTaxID: {"tax_id", "identifiers.tax_id", false, []string{
		"tax_id", "tin", "ein", "vat", "vat_number"}},
	fDomains: {"domains", "domains", true, []string{
		"domain", "website", "web_site", "url", "email", "email_address", "entity_url",
		"contact_email", "poc_email", "point_of_contact_email", "contact_url"}},
	fProduct: {"product", "products.0.name", false, []string{
		"product", "product_name", "item", "transaction_description",
		"prime_award_base_transaction_description", "award_description",
		"descriptionofcontractrequirement"}},
	fCategory: {"category", "products.0.category", false, []string{
		"product_or_service_code_description", "category", "product_category"}},
	fProductCode: {"product_code", "products.0.code", false, []string{
		"product_or_service_code", "productorservicecode", "psc", "product_code"}},
	fManufacturer: {"manufacturer", "products.0.manufacturer", false, []string{
		"manufacturer", "manufacturer_name", "make", "maker", "brand", "brand_name", "producer"}},
	fOrigin: {"country_of_origin", "products.0.country_of_origin", false, []string{
		"country_of_product_or_service_origin_code", "countryoforigin", "country_of_origin",
		"origin", "country_of_product_or_service_origin"}},
	fOwners: {"owners", "owners", false, []string{"owners", "ownership", "beneficial_owners", "beneficial_owner"}},
	fParent: {"parent", "parent", false, []string{
		"recipient_parent_name", "mod_parent", "parent", "parent_company", "parent_name",
		"parent_company_name", "holding_company"}},
	fParentUEI: {"parent_uei", "parent_identifiers.uei", false, []string{
		"recipient_parent_uei", "parent_uei"}},
	fParentDUNS: {"parent_duns", "parent_identifiers.duns", false, []string{
		"recipient_parent_duns", "parentdunsnumber", "parent_duns"}},
	fContractID: {"contract_id", "contracts.0.id", false, []string{
		"award_id_piid", "contract_award_unique_key", "piid", "contract_id", "contract",
		"contract_number", "po_number", "award_id"}},
	fAmount: {"amount", "contracts.0.amount", false, []string{
		"federal_action_obligation", "total_dollars_obligated", "dollarsobligated", "amount",
		"value", "contract_value", "total"}},
	fCurrency: {"currency", "contracts.0.currency", false, []string{"currency", "currency_code"}},
	fDate: {"date", "contracts.0.date", false, []string{
		"action_date", "signeddate", "date_signed", "date", "contract_date", "award_date"}},
}

// partyColumns are the columns that name another party of a record, by
// role (Vendor.Parties, Vendor.Contacts). A column that is the record's
// name column is the vendor, not another party: "supplier" beside
// "vendor_name" is a supplier, alone it is the vendor's name.
var partyColumns = []struct {
	role string
	cols []string
}{
	// The other words for the vendor, beside the column read as its name,
	// name a party that supplies it.
	{RoleSupplier, []string{"supplier", "supplier_name", "contractor", "contractor_name", "awardee", "awardee_name",
		"seller", "seller_name", "bidder", "bidder_name", "tenderer", "tenderer_name", "provider", "provider_name",
		"firm", "firm_name", "business_name", "legal_name", "counterparty", "counterparty_name",
		"proveedor", "razón_social", "fournisseur", "raison_sociale", "lieferant", "供应商", "поставщик"}},
	{RoleReseller, []string{"reseller", "reseller_name", "var", "value_added_reseller"}},
	{RoleDistributor, []string{"distributor", "distributor_name"}},
	{RoleOEM, []string{"oem", "oem_name", "original_equipment_manufacturer"}},
	{RoleUltimateParent, []string{"ultimate_parent", "ultimate_parent_name", "ultimate_parent_legal_entity_name",
		"recipient_ultimate_parent_name"}},
	{RoleSubcontractor, []string{"subcontractor", "subcontractor_name", "subawardee", "subawardee_name",
		"sub_awardee_name", "subawardee_parent_name"}},
	{RolePayee, []string{"payee", "payee_name"}},
	// an owner named without a stake (the owners column takes
	// name:percent pairs)
	{RoleShareholder, []string{"shareholder", "shareholders", "shareholder_name", "majority_shareholder",
		"controlling_shareholder", "majority_owner", "ubo", "ubo_name", "ultimate_beneficial_owner",
		"ultimate_beneficial_owner_name", "beneficial_owner_name"}},
	{roleContact, []string{"contact", "contact_name", "poc", "poc_name", "point_of_contact", "point_of_contact_name"}},
}

// roleContact marks the contact columns, whose names go to Vendor.Contacts.
const roleContact = "contact"

// usdColumns are amount columns whose values are US dollars by definition.
var usdColumns = map[string]bool{
	"federalactionobligation": true, "totaldollarsobligated": true, "dollarsobligated": true,
}

// pscColumns are product code columns that hold Product and Service Codes.
var pscColumns = map[string]bool{
	"productorservicecode": true, "psc": true,
}

// ColumnFields returns the field names Options.Columns accepts, in a fixed
// order.
func ColumnFields() []string {
	out := make([]string, 0, numFields)
	for _, s := range columnTable {
		out = append(out, s.name)
	}
	return out
}

func fieldByName(name string) (field, bool) {
	for f, s := range columnTable {
		if s.name == name {
			return field(f), true
		}
	}
	return 0, false
}

// normColumn lower-cases a header and keeps only letters and digits.
func normColumn(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f {
			b.WriteRune(r)
		}
	}
	return b.String()
}
