package report

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// This file reads the match and waiver objects, which arrive as maps
// shaped by the policy contract, into text.

// matchView is the match object of a violation with every field as text.
type matchView struct {
	List, EntryID, EntryName, MatchedName, MatchedOn  string
	Score, Method, Signal, Value, Pointer, Confidence string
	Programs                                          []string
}

// viewMatch reads the match object the policy contract defines. Missing
// keys are empty; values of unexpected types are rendered, never dropped.
func viewMatch(m map[string]any) matchView {
	if len(m) == 0 {
		return matchView{}
	}
	return matchView{
		List:        str(m["list"]),
		EntryID:     str(m["entry_id"]),
		EntryName:   str(m["entry_name"]),
		MatchedName: str(m["matched_name"]),
		MatchedOn:   str(m["matched_on"]),
		Score:       score(m["score"]),
		Method:      str(m["method"]),
		Signal:      str(m["signal"]),
		Value:       str(m["value"]),
		Pointer:     str(m["pointer"]),
		Confidence:  str(m["confidence"]),
		Programs:    strList(m["programs"]),
	}
}

// entry names the list entry: "list/entry_id".
func (m matchView) entry() string {
	switch {
	case m.List != "" && m.EntryID != "":
		return m.List + "/" + m.EntryID
	case m.List != "":
		return m.List
	default:
		return m.EntryID
	}
}

// evidence says in one line what was matched against what.
func (m matchView) evidence() string {
	var b strings.Builder
	b.Grow(len(m.Value) + len(m.MatchedName) + 96)
	if m.Signal != "" {
		b.WriteString(m.Signal)
		b.WriteByte(' ')
	}
	if m.Value != "" {
		b.WriteString(strconv.Quote(m.Value))
		b.WriteByte(' ')
	}
	b.WriteString("matched")
	if m.MatchedOn != "" {
		b.WriteByte(' ')
		b.WriteString(m.MatchedOn)
	}
	if m.MatchedName != "" {
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(m.MatchedName))
	}
	var details []string
	if m.Score != "" {
		details = append(details, "score "+m.Score)
	}
	if m.Confidence != "" {
		details = append(details, "confidence "+m.Confidence)
	}
	if m.Method != "" {
		details = append(details, "method "+m.Method)
	}
	if len(details) > 0 {
		b.WriteString(" (")
		b.WriteString(strings.Join(details, ", "))
		b.WriteByte(')')
	}
	return b.String()
}

// entryLine describes the list entry: id, name and programs.
func (m matchView) entryLine() string {
	s := m.entry()
	if m.EntryName != "" {
		s += " " + strconv.Quote(m.EntryName)
	}
	if len(m.Programs) > 0 {
		s += " programs " + strings.Join(m.Programs, ", ")
	}
	return strings.TrimSpace(s)
}

// str renders a JSON-like value as text.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case []any, []string:
		return strings.Join(strList(x), ", ")
	case fmt.Stringer:
		return x.String()
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	}
}

// strList renders a list value; a scalar becomes a list of one.
func strList(v any) []string {
	switch x := v.(type) {
	case nil:
		return nil
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, str(e))
		}
		return out
	default:
		return []string{str(x)}
	}
}

// score renders a match score with two decimals.
func score(v any) string {
	var f float64
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int:
		f = float64(x)
	case json.Number:
		p, err := x.Float64()
		if err != nil {
			return x.String()
		}
		f = p
	default:
		return str(v)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// waiverView is a waiver object with its fields as text.
type waiverView struct {
	Rule, Reason, ApprovedBy, Ticket, Expires string
	// Licence is the sanctions licence the waiver names, if any.
	Licence string
	// Selector is every other key, as "key=value", sorted.
	Selector []string
}

// viewWaiver reads a waiver object (rule, subject selector, reason,
// approved_by, ticket, expires).
func viewWaiver(m map[string]any) waiverView {
	if len(m) == 0 {
		return waiverView{}
	}
	w := waiverView{
		Rule:       str(m["rule"]),
		Reason:     str(m["reason"]),
		ApprovedBy: str(m["approved_by"]),
		Ticket:     str(m["ticket"]),
		Expires:    str(m["expires"]),
		Licence:    str(m["licence"]),
	}
	for k, v := range m {
		switch k {
		case "rule", "reason", "approved_by", "ticket", "expires", "licence":
		default:
			w.Selector = append(w.Selector, k+"="+str(v))
		}
	}
	slices.Sort(w.Selector)
	return w
}

// line says the waiver in one line.
func (w waiverView) line() string {
	var parts []string
	if w.Licence != "" {
		parts = append(parts, "under licence "+strconv.Quote(w.Licence))
	}
	if w.Reason != "" {
		parts = append(parts, strconv.Quote(w.Reason))
	}
	if w.ApprovedBy != "" {
		parts = append(parts, "approved by "+w.ApprovedBy)
	}
	if w.Ticket != "" {
		parts = append(parts, "ticket "+w.Ticket)
	}
	if w.Expires != "" {
		parts = append(parts, "expires "+w.Expires)
	}
	if len(w.Selector) > 0 {
		parts = append(parts, "for "+strings.Join(w.Selector, " "))
	}
	return strings.Join(parts, "; ")
}
