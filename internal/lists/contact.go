package lists

import (
	"strings"

	"github.com/bangate/bangate/internal/textnorm"
)

// contacts gathers the e-mail and web addresses of an entry: every
// address gives its domain (Entry.Domains) and is kept whole (Entry.Emails,
// Entry.Websites), so that screening can match a shared provider's
// addresses exactly and an entry's own domain as a domain.
type contacts struct {
	domains, emails, websites []string
}

// website records a web address ("www.example.com", "http://x.org/a").
func (c *contacts) website(raw string) {
	host, path, err := textnorm.WebAddress(raw)
	if err != nil {
		return
	}
	c.domains = appendUnique(c.domains, host)
	c.websites = appendUnique(c.websites, host+path)
}

// email records an e-mail address; a value without a local part gives its
// domain only.
func (c *contacts) email(raw string) {
	if addr, err := textnorm.Email(raw); err == nil {
		c.emails = appendUnique(c.emails, addr)
		c.domains = appendUnique(c.domains, addr[strings.LastIndexByte(addr, '@')+1:])
		return
	}
	if at := strings.LastIndexByte(raw, '@'); at >= 0 {
		if d, err := textnorm.Domain(raw[at+1:]); err == nil {
			c.domains = appendUnique(c.domains, d)
		}
	}
}

// apply merges the addresses into e.
func (c *contacts) apply(e *Entry) {
	for _, d := range c.domains {
		e.Domains = appendUnique(e.Domains, d)
	}
	for _, m := range c.emails {
		e.Emails = appendUnique(e.Emails, m)
	}
	for _, w := range c.websites {
		e.Websites = appendUnique(e.Websites, w)
	}
}
