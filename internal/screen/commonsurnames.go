package screen

import _ "embed" // the table of common surnames

// commonSurnamesText is the 1,000 most frequent surnames of the 2010 US
// census (the Census Bureau's "Frequently Occurring Surnames from the 2010
// Census", ranks 1 to 1,000: SMITH to ARCHER, 41% of the people it
// counted), lowercase, sorted bytewise, each on a line of its own;
// SOURCES.md says where the copy comes from. Such a surname is the name
// of many people, and of the companies named after them: it does not
// identify a listed person with a later given name alone ("John Taylor"
// is not TAYLOR, Mark John), nor a company by its own word ("Wagner
// Services"). Rarity in the lists cannot tell: TAYLOR is in a few listed
// names, as EKLUND is.
//
//go:embed data/census-2010-surnames-top1000.txt
var commonSurnamesText string

// isCommonSurname reports whether w, a word as the index holds it
// (lowercase), is one of commonSurnamesText.
func isCommonSurname[T string | []byte](w T) bool { return sortedLinesHold(commonSurnamesText, w) }
