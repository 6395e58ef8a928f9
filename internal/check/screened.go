package check

// ScreenedParty is one distinct party name a check screened by name, with
// the roles it appeared in ("supplier", "author", "vendor", "owner",
// "copyright", ...). Component names, screened only for ban-list brands,
// are not parties.
type ScreenedParty struct {
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}
