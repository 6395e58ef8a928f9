package decision

// Waiver is one entry of a waiver file: a finding a person accepted, until
// a date.
type Waiver struct {
	// ID names the waiver in reports.
	ID string `yaml:"id" json:"id"`
	// Rule is the rule ID the waiver covers.
	Rule string `yaml:"rule" json:"rule"`
	// Subject selects the findings: every selector given must match.
	Subject WaiverSubject `yaml:"subject" json:"subject"`
	// Reason, ApprovedBy and Ticket record why and who.
	Reason     string `yaml:"reason" json:"reason"`
	ApprovedBy string `yaml:"approved_by" json:"approved_by"`
	Ticket     string `yaml:"ticket" json:"ticket,omitempty"`
	// Expires is the last day the waiver applies (YYYY-MM-DD).
	Expires string `yaml:"expires" json:"expires"`
}

// WaiverSubject selects the findings a waiver covers.
type WaiverSubject struct {
	// Ref is the subject's ref (bom-ref, SPDXID), exactly.
	Ref string `yaml:"ref" json:"ref,omitempty"`
	// Name is the subject's name, exactly.
	Name string `yaml:"name" json:"name,omitempty"`
	// PURL is a prefix of the subject's ref ("pkg:maven/com.kaspersky/").
	PURL string `yaml:"purl" json:"purl,omitempty"`
}
