package screen

// Query is one named party to screen.
type Query struct {
	// Name is the party's name as the input writes it.
	Name string
	// Kind is "organization", "person" or "" when unknown; person names
	// are matched with person rules and never against brand words.
	Kind string
	// Emails and URLs of the party; their domains are matched exactly.
	Emails []string
	URLs   []string
}

// Match is one explained hit of a query or identifier against a list entry.
// Field names follow the input document contract in the design.
type Match struct {
	// List is the list's provenance ID.
	List string `json:"list"`
	// EntryID is the entry's ID in that list.
	EntryID string `json:"entry_id"`
	// EntryName is the entry's primary name.
	EntryName string `json:"entry_name"`
	// MatchedName is the name, alias, domain, namespace or CPE vendor of
	// the entry that matched.
	MatchedName string `json:"matched_name"`
	// MatchedOn says what matched: "name", "alias", "brand", "domain",
	// "email_domain", "purl_namespace", "cpe_vendor", "id".
	MatchedOn string `json:"matched_on"`
	// Score is in [0,1]; exact identifier matches score 1.
	Score float64 `json:"score"`
	// Method names the comparison: "exact", "normalized", "token-set",
	// "fuzzy", "brand-token", "domain", "namespace-prefix", "cpe-vendor";
	// "phonetic (<script>)" (a name written in kana, Hangul, an abjad,
	// Thai or Greek, a foreign name in Han or Myanmar syllables or in
	// Cyrillic, or a Korean name in another romanisation, whose every
	// word agrees by the script's phonetic key), "two-edit
	// surname", "two-edit given name" and "two-edit name" (one word two
	// letters from the list's spelling, the rest as listed); these are possible matches
	// at most, but a phonetic one whose every word is spelt alike.
	Method string `json:"method"`
	// Programs are the entry's sanctions programs, if any.
	Programs []string `json:"programs,omitempty"`
	// Explain says in words which tokens and normalisations made the match.
	Explain string `json:"explain,omitempty"`
	// EntryType is the entry's type ("individual", "entity", "vessel",
	// "aircraft"), as the list gives it.
	EntryType string `json:"entry_type,omitempty"`
	// LinkedTo names whom the entry's remarks link it to, if anyone.
	LinkedTo []string `json:"linked_to,omitempty"`
	// Reading is the query's words as the matcher read them, for a name
	// it matched by its words (scoring, phonetic keys, two edits): the
	// words its pairs are of, which a name read otherwise than written
	// (split, joined, transliterated, as it shows) does not write so.
	// Not in the JSON: the explanation says how the query was read.
	Reading string `json:"-"`
	// Spelt is set when two words of the query or more paired with words
	// of a name that is no weak alias, each by its spelling as the list
	// writes it ("Oleg" and "Deripaska" for DERIPASKA, Oleg Vladimirovich),
	// any other word as the initial of a person's given name or patronymic
	// ("Oleg V. Deripaska"), no word by a likeness (a typo, a phonetic
	// key), and every word of the name that paired with nothing is
	// optional (a patronymic, the article, a linking word): what kept the
	// score below the match threshold is then a word the query has more
	// ("Oleg Deripaska, PhD"), not a doubt about the words or a name of
	// the list's left out ("Saddam Hussein Al-Tikriti" is not AL-TIKRITI,
	// Qusay Saddam Hussein). Not in the JSON.
	Spelt bool `json:"-"`
}
