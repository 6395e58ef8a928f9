package lists

import (
	"sort"
	"strings"
)

// Remarks holds the facts parsed from an OFAC remarks field: the
// ";"-separated "label value" clauses of SDN_Name's Remarks column (after
// joining the SDN_COMMENTS.CSV continuation).
type Remarks struct {
	// Aliases from "a.k.a. 'X'" (Type "weak": OFAC keeps its low-quality
	// aliases only here), "f.k.a. 'X'" ("fka") and "n.k.a. 'X'" ("nka").
	Aliases []Alias
	// Domains from "Website ..." and "Email Address ..." clauses: lower
	// case, without scheme, path, port or a leading "www.".
	Domains []string
	// Emails are the addresses of "Email Address ..." clauses and
	// Websites the host and path of "Website ..." clauses (see
	// Entry.Emails and Entry.Websites).
	Emails, Websites []string
	// IDs from identifier clauses ("Passport 530193947 (Russia)").
	IDs []Identifier
	// Nationalities from "nationality X" and "alt. nationality X".
	Nationalities []string
	// DatesOfBirth from "DOB X" and "alt. DOB X", verbatim.
	DatesOfBirth []string
	// LinkedTo from "Linked To: X".
	LinkedTo []string
}

// idLabels are the identifier labels recognised at the start of a remarks
// clause, as OFAC spells them. The value after the label is the number,
// then an optional "(Country)", then optional "issued …"/"expires …".
// Sorted longest first at init time by idLabelOrder.
var idLabels = []string{
	"Passport", "Diplomatic Passport", "National ID No.", "Tax ID No.",
	"Registration Number", "Registration ID", "Business Registration Number", "Unified Social Credit Code (USCC)",
	"Legal Entity Number", "SWIFT/BIC", "Identification Number", "Cedula No.",
	"C.U.R.P.", "R.F.C.", "RFC", "Government Gazette Number",
	"Business Registration Document #", "Vessel Registration Identification",
	"MMSI", "Company Number", "UK Company Number", "Commercial Registry Number",
	"V.A.T. Number", "Trade License No.", "C.R. No.", "Economic Register Number (CBLS)",
	"Folio Mercantil No.", "Matricula Mercantil No", "D.N.I.", "Chamber of Commerce Number",
	"D-U-N-S Number", "Central Registration System Number", "Birth Certificate Number",
	"Driver's License No.", "Electoral Registry No.", "BIK (RU)", "Enterprise Number",
	"Personal ID Card", "Italian Fiscal Code", "US FEIN", "SSN", "Residency Number",
	"Certificate of Incorporation Number", "Branch Unit Number", "I.F.E.",
	"Credencial electoral", "Istanbul Chamber of Comm. No.", "Registered Charity No.",
	"Dubai Chamber of Commerce Membership No.", "Equity Ticker", "ISIN", "Public Registration Number",
	"Stateless Person ID Card", "Refugee ID Card", "NIT #", "Pasaporte", "Cedula Electoral",
	"Aircraft Construction Number (also called L/N or S/N or F/N)", "Aircraft Manufacturer's Serial Number (MSN)",
	"Aircraft Tail Number", "Digital Currency Address - ",
}

// idLabelsByByte holds idLabels by their first byte, each group sorted
// longest first so the most specific label wins ("UK Company Number"
// before "Company Number"). Built once; never modified.
var idLabelsByByte = func() [256][]string {
	var t [256][]string
	for _, l := range idLabels {
		t[l[0]] = append(t[l[0]], l)
	}
	for i := range t {
		sort.SliceStable(t[i], func(a, b int) bool { return len(t[i][a]) > len(t[i][b]) })
	}
	return t
}()

// ParseRemarks splits an OFAC remarks text into its clauses and returns the
// facts it recognises. Unrecognised clauses are ignored; the caller keeps
// the verbatim text in Entry.Remarks. It never fails: remarks are free text
// and may be cut short at 1000 characters.
func ParseRemarks(s string) Remarks {
	var r Remarks
	s = trimFinalPeriod(strings.TrimSpace(s))
	for len(s) > 0 {
		var clause string
		if i := strings.Index(s, "; "); i >= 0 {
			clause, s = s[:i], s[i+2:]
		} else {
			clause, s = s, ""
		}
		r.clause(strings.TrimSpace(clause))
	}
	return r
}

// abbreviations end with a period that belongs to the word, so the one
// period closing the remarks text is not doubled after them.
var abbreviations = map[string]bool{
	"LTD": true, "INC": true, "CO": true, "CORP": true, "JR": true, "SR": true,
	"BHD": true, "LDA": true, "BROS": true, "DR": true, "NO": true, "ST": true,
}

// trimFinalPeriod removes the period that closes every OFAC remarks text,
// unless it ends an abbreviation ("... LTD.", "... S.A."): OFAC writes one
// period, not two, after those.
func trimFinalPeriod(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	body := s[:len(s)-1]
	word := body[strings.LastIndexAny(body, " ,;'")+1:]
	if strings.Contains(word, ".") || abbreviations[strings.ToUpper(word)] {
		return s
	}
	return body
}

// clause parses one remarks clause into r.
func (r *Remarks) clause(c string) {
	if c == "" {
		return
	}
	switch {
	case strings.HasPrefix(c, "a.k.a. "):
		r.alias(c[len("a.k.a. "):], "weak")
		return
	case strings.HasPrefix(c, "f.k.a. "):
		r.alias(c[len("f.k.a. "):], "fka")
		return
	case strings.HasPrefix(c, "n.k.a. "):
		r.alias(c[len("n.k.a. "):], "nka")
		return
	case strings.HasPrefix(c, "Linked To:"):
		if v := strings.TrimSpace(c[len("Linked To:"):]); v != "" {
			r.LinkedTo = appendUnique(r.LinkedTo, v)
		}
		return
	}
	c = strings.TrimPrefix(c, "alt. ")
	switch {
	case strings.HasPrefix(c, "DOB "):
		r.DatesOfBirth = appendUnique(r.DatesOfBirth, strings.TrimSpace(c[len("DOB "):]))
	case strings.HasPrefix(c, "nationality "):
		r.Nationalities = appendUnique(r.Nationalities, strings.TrimSpace(c[len("nationality "):]))
	case strings.HasPrefix(c, "Website "):
		ct := contacts{domains: r.Domains, websites: r.Websites}
		ct.website(c[len("Website "):])
		r.Domains, r.Websites = ct.domains, ct.websites
	case strings.HasPrefix(c, "Email Address "), strings.HasPrefix(c, "Email:"), strings.HasPrefix(c, "Email "):
		v := c[strings.IndexAny(c, " :")+1:]
		v = strings.TrimPrefix(strings.TrimSpace(v), "Address ")
		ct := contacts{domains: r.Domains, emails: r.Emails}
		ct.email(v)
		r.Domains, r.Emails = ct.domains, ct.emails
	default:
		r.identifier(c)
	}
}

// alias records a quoted alias.
func (r *Remarks) alias(v, typ string) {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		v = v[1 : len(v)-1]
	} else {
		v = strings.Trim(v, "'")
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	for _, a := range r.Aliases {
		if a.Name == v {
			return
		}
	}
	r.Aliases = append(r.Aliases, Alias{Name: v, Type: typ})
}

// identifier parses an identifier clause, if c starts with a known label.
func (r *Remarks) identifier(c string) {
	if c == "" {
		return
	}
	for _, label := range idLabelsByByte[c[0]] {
		if !strings.HasPrefix(c, label) {
			continue
		}
		rest := c[len(label):]
		typ := label
		if strings.HasSuffix(label, " - ") {
			// "Digital Currency Address - XBT <address>": the ticker is
			// part of the type.
			sp := strings.IndexByte(rest, ' ')
			if sp <= 0 {
				return
			}
			typ, rest = label+rest[:sp], rest[sp:]
		} else if rest != "" && rest[0] != ' ' {
			continue // "Passports ..." is not "Passport"
		}
		rest = strings.TrimSpace(rest)
		id := Identifier{Type: typ}
		if i := strings.Index(rest, " ("); i >= 0 {
			if j := strings.IndexByte(rest[i:], ')'); j > 0 {
				id.Country = strings.TrimSpace(rest[i+2 : i+j])
			}
			rest = rest[:i]
		}
		for _, cut := range []string{" issued ", " expires "} {
			if i := strings.Index(rest, cut); i >= 0 {
				rest = rest[:i]
			}
		}
		id.Number = strings.TrimSpace(rest)
		if id.Number == "" {
			return
		}
		for _, x := range r.IDs {
			if x == id {
				return
			}
		}
		r.IDs = append(r.IDs, id)
		return
	}
}

// apply merges r into e.
func (r Remarks) apply(e *Entry) {
	for _, a := range r.Aliases {
		e.Aliases = addAlias(*e, a)
	}
	(&contacts{domains: r.Domains, emails: r.Emails, websites: r.Websites}).apply(e)
	for _, id := range r.IDs {
		dup := false
		for _, x := range e.IDs {
			if x == id {
				dup = true
				break
			}
		}
		if !dup {
			e.IDs = append(e.IDs, id)
		}
	}
	for _, n := range r.Nationalities {
		e.Nationalities = appendUnique(e.Nationalities, n)
	}
	for _, d := range r.DatesOfBirth {
		e.DatesOfBirth = appendUnique(e.DatesOfBirth, d)
	}
	for _, l := range r.LinkedTo {
		e.LinkedTo = appendUnique(e.LinkedTo, l)
	}
}
