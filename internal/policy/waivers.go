package policy

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"gopkg.in/yaml.v3"

	"github.com/bangate/bangate/internal/strictkeys"
)

type waiverFile struct {
	Waivers []decision.Waiver `yaml:"waivers"`
}

// LoadWaivers reads and validates a waiver file. An empty path means no
// waivers. Every problem names the file and the waiver.
func LoadWaivers(path string) ([]decision.Waiver, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read waivers %s: %w", path, err)
	}
	return ParseWaivers(data, path)
}

// ParseWaivers parses a waiver file's bytes; name is used in messages.
func ParseWaivers(data []byte, name string) ([]decision.Waiver, error) {
	// A key given twice, or twice up to case (rule and RULE, ref and ſef),
	// is refused before decoding, naming the key and the line, in YAML and
	// in JSON alike; syntax errors are the decoder's to report.
	var ke *strictkeys.KeyError
	if err := strictkeys.CheckYAML(data); errors.As(err, &ke) {
		return nil, fmt.Errorf("parse waivers %s: %w", name, err)
	}
	var f waiverFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse waivers %s: %w", name, oneLine(err))
	}
	if f.Waivers == nil {
		return nil, fmt.Errorf("parse waivers %s: no top-level key waivers", name)
	}
	seen := map[string]bool{}
	for i, w := range f.Waivers {
		at := fmt.Sprintf("parse waivers %s: waiver %d", name, i+1)
		if w.ID != "" {
			at += " (" + w.ID + ")"
		}
		switch {
		case w.ID == "":
			return nil, errors.New(at + ": no id")
		case seen[w.ID]:
			return nil, errors.New(at + ": id given twice")
		case w.Rule == "":
			return nil, errors.New(at + ": no rule")
		case strings.TrimSpace(w.Reason) == "":
			return nil, errors.New(at + ": no reason")
		case strings.TrimSpace(w.ApprovedBy) == "":
			return nil, errors.New(at + ": no approved_by")
		}
		if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
			return nil, fmt.Errorf("%s: bad expires %q: want YYYY-MM-DD", at, w.Expires)
		}
		if w.Licence != "" && strings.TrimSpace(w.Licence) == "" {
			return nil, errors.New(at + ": licence is blank")
		}
		subj, err := checkSubject(w.Subject)
		if err != nil {
			return nil, fmt.Errorf("%s: subject: %w", at, err)
		}
		f.Waivers[i].Subject = subj
		seen[w.ID] = true
	}
	return f.Waivers, nil
}

// WaiverData turns waivers into the data document at data.bangate.waivers.
func WaiverData(ws []decision.Waiver) []map[string]any {
	out := make([]map[string]any, len(ws))
	for i, w := range ws {
		subj := map[string]any{}
		if w.Subject.Ref != "" {
			subj["ref"] = w.Subject.Ref
		}
		if w.Subject.Name != "" {
			subj["name"] = w.Subject.Name
		}
		if w.Subject.PURL != "" {
			subj["purl"] = w.Subject.PURL
		}
		if w.Subject.Hash != "" {
			subj["hash"] = w.Subject.Hash
		}
		if w.Subject.Vendor != "" {
			subj["vendor"] = w.Subject.Vendor
		}
		out[i] = map[string]any{"id": w.ID, "rule": w.Rule, "subject": subj, "reason": w.Reason,
			"approved_by": w.ApprovedBy, "ticket": w.Ticket, "expires": w.Expires}
		if w.Licence != "" {
			out[i]["licence"] = w.Licence
		}
	}
	return out
}
