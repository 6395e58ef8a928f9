package sbom

import (
	"strconv"
	"strings"
)

// locator builds pointers into the original file: RFC 6901 JSON pointers
// for JSON and YAML, XPath-like locators for XML.
type locator struct {
	xml bool
}

// field returns the pointer to member name of the object at p. In XML the
// member is a child element of the same name.
func (l locator) field(p, name string) string {
	if l.xml {
		return p + "/" + name
	}
	return p + "/" + escapeToken(name)
}

// elem returns the pointer to element i (0-based) of the array held in
// member list of the object at p. In XML the list is a wrapper element
// whose children are named item, and indexes are 1-based
// ("/components/component[4]").
func (l locator) elem(p, list, item string, i int) string {
	if l.xml {
		return p + "/" + list + "/" + item + "[" + strconv.Itoa(i+1) + "]"
	}
	return p + "/" + escapeToken(list) + "/" + strconv.Itoa(i)
}

// repeated returns the pointer to occurrence i (0-based) of a member that
// XML repeats without a wrapper element (supplier url, contact) and JSON
// holds in an array.
func (l locator) repeated(p, name string, i int) string {
	if l.xml {
		return p + "/" + name + "[" + strconv.Itoa(i+1) + "]"
	}
	return p + "/" + escapeToken(name) + "/" + strconv.Itoa(i)
}

// escapeToken escapes one RFC 6901 reference token ("~" → "~0", "/" → "~1").
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// field2 returns the pointer to member b of member a of the object at p
// in one allocation ("/components/3/supplier/name").
func (l locator) field2(p, a, b string) string {
	return p + "/" + a + "/" + b
}

// elemField returns the pointer to member name of element i of list, in
// one allocation ("/components/3/externalReferences/0/url").
func (l locator) elemField(p, list, item string, i int, name string) string {
	var buf [20]byte
	if l.xml {
		return p + "/" + list + "/" + item + "[" + string(strconv.AppendInt(buf[:0], int64(i+1), 10)) + "]/" + name
	}
	return p + "/" + list + "/" + string(strconv.AppendInt(buf[:0], int64(i), 10)) + "/" + name
}
