package check

// ScreenLine is how a screened name is written as JSON: a line of
// `bangate screen --format json` and a result of the server's screen
// endpoint, the same shape in both.
type ScreenLine struct {
	Query   string            `json:"query"`
	Outcome string            `json:"outcome"`
	Matches []ScreenLineMatch `json:"matches"`
}

// ScreenLineMatch is one match of a ScreenLine.
type ScreenLineMatch struct {
	List        string   `json:"list"`
	EntryID     string   `json:"entry_id"`
	EntryName   string   `json:"entry_name"`
	MatchedName string   `json:"matched_name"`
	MatchedOn   string   `json:"matched_on"`
	Score       float64  `json:"score"`
	Method      string   `json:"method"`
	Programs    []string `json:"programs"`
	Explain     string   `json:"explain,omitempty"`
}

// Line is the result as written in JSON, with empty arrays rather than
// nulls.
func (r NameResult) Line() ScreenLine {
	l := ScreenLine{Query: r.Query, Outcome: r.Outcome, Matches: []ScreenLineMatch{}}
	for _, m := range r.Matches {
		progs := m.Programs
		if progs == nil {
			progs = []string{}
		}
		l.Matches = append(l.Matches, ScreenLineMatch{List: m.List, EntryID: m.EntryID, EntryName: m.EntryName, MatchedName: m.MatchedName,
			MatchedOn: m.MatchedOn, Score: m.Score, Method: m.Method, Programs: progs, Explain: m.Explain})
	}
	return l
}
