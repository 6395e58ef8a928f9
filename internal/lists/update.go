package lists

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// UpdateSource says where to download one list: the publisher's base
// URL and the official name of each file, so that a mirror serving the
// same names under another base (Rebase) needs nothing else.
type UpdateSource struct {
	// Meta is the list's provenance (ID, Kind, Title, SourceURL). When
	// the format carries no date (the legacy CSV, the CSL), the server's
	// Last-Modified time is recorded as the publication date, and Note
	// says so; a server that sends none makes the update fail: the
	// download time is never taken for a publication date.
	Meta provenance.List
	// Format is the files' format.
	Format Format
	// Files holds the official file name of each file by role
	// ("SDN.CSV", "consolidated.xml").
	Files map[string]string
	// URLs holds the download address of each file by role.
	URLs map[string]string
	// Mirror is the base URL the source was rebased on (Rebase); "" for
	// the publisher's own addresses.
	Mirror string
}

// Rebase returns the source with every file fetched from base by its
// official name (base + "/" + name): a mirror or an air-gapped proxy that
// serves the official names. A file without an official name keeps its
// address. Meta.SourceURL becomes the address the file it named is now
// fetched from, so the provenance names the source actually used.
func (s UpdateSource) Rebase(base string) UpdateSource {
	base = strings.TrimRight(base, "/") + "/"
	urls := make(map[string]string, len(s.URLs))
	for role, u := range s.URLs {
		nu := u
		if name, ok := s.Files[role]; ok && name != "" {
			nu = base + url.PathEscape(name)
		}
		if u == s.Meta.SourceURL {
			s.Meta.SourceURL = nu
		}
		urls[role] = nu
	}
	s.URLs = urls
	s.Mirror = strings.TrimSuffix(base, "/")
	return s
}

// RebaseAll is Rebase over every source.
func RebaseAll(sources []UpdateSource, base string) []UpdateSource {
	out := make([]UpdateSource, len(sources))
	for i, s := range sources {
		out[i] = s.Rebase(base)
	}
	return out
}

// Official download addresses.
const (
	// ofacExports is the OFAC Sanctions List Service.
	ofacExports = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
	// CSLSourceURL is trade.gov's Consolidated Screening List, JSON.
	CSLSourceURL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"
	// CSLFileName is its official file name.
	CSLFileName = "consolidated.json"
)

// officialSource builds an UpdateSource from a base URL and the official
// file names by role.
func officialSource(meta provenance.List, format Format, base string, files map[string]string) UpdateSource {
	urls := make(map[string]string, len(files))
	for role, name := range files {
		urls[role] = base + name
	}
	return UpdateSource{Meta: meta, Format: format, Files: files, URLs: urls}
}

// DefaultUpdateSources returns the official sources of every list bangate
// can update:
//   - ofac-sdn, ofac-cons: the OFAC SDN and consolidated non-SDN legacy CSV
//     sets from the Sanctions List Service (which answers with a redirect
//     to a signed address; the client follows it);
//   - trade-csl: trade.gov's Consolidated Screening List (JSON), whose rows
//     keep their source list as a program "source:<code>";
//   - un-sc: the UN Security Council Consolidated List (XML);
//   - eu-fsf: the EU Financial Sanctions Files consolidated list (XML 1.1);
//   - uk-fcdo: the FCDO's UK Sanctions List (XML), the single UK list
//     since 2026-01-28. OFSI's Consolidated List (uk-ofsi, LoadOFSICSV) is
//     no longer published and is imported only.
//
// Every source names its files by their official names, so Rebase can
// point it at a mirror.
func DefaultUpdateSources() []UpdateSource {
	sanctions := func(id, title, sourceURL string) provenance.List {
		return provenance.List{ID: id, Kind: provenance.KindSanctions, Title: title, SourceURL: sourceURL}
	}
	return []UpdateSource{
		officialSource(sanctions("ofac-sdn", "OFAC Specially Designated Nationals and Blocked Persons List (SDN)", ofacExports+"SDN.CSV"),
			FormatOFACLegacy, ofacExports, map[string]string{RolePrimary: "SDN.CSV", RoleAlt: "ALT.CSV",
				RoleAdd: "ADD.CSV", RoleComments: "SDN_COMMENTS.CSV"}),
		officialSource(sanctions("ofac-cons", "OFAC Consolidated Sanctions List (non-SDN)", ofacExports+"CONS_PRIM.CSV"),
			FormatOFACLegacy, ofacExports, map[string]string{RolePrimary: "CONS_PRIM.CSV", RoleAlt: "CONS_ALT.CSV",
				RoleAdd: "CONS_ADD.CSV", RoleComments: "CONS_COMMENTS.CSV"}),
		{
			Meta:   sanctions("trade-csl", "trade.gov Consolidated Screening List (Commerce, State and Treasury export screening lists)", CSLSourceURL),
			Format: FormatCSLJSON, Files: map[string]string{RoleFile: CSLFileName}, URLs: map[string]string{RoleFile: CSLSourceURL},
		},
		{
			Meta:   sanctions("un-sc", "UN Security Council Consolidated List", UNSourceURL),
			Format: FormatUNXML, Files: map[string]string{RoleFile: UNFileName}, URLs: map[string]string{RoleFile: UNSourceURL},
		},
		{
			Meta:   sanctions("eu-fsf", "EU consolidated list of persons, groups and entities subject to EU financial sanctions (FSF)", EUSourceURL),
			Format: FormatEUXML, Files: map[string]string{RoleFile: EUFileName}, URLs: map[string]string{RoleFile: EUSourceURL},
		},
		{
			Meta:   sanctions("uk-fcdo", "UK Sanctions List (FCDO)", FCDOSourceURL),
			Format: FormatFCDOXML, Files: map[string]string{RoleFile: FCDOFileName}, URLs: map[string]string{RoleFile: FCDOSourceURL},
		},
	}
}

// UpdateOptions tune Update.
type UpdateOptions struct {
	// Due, when set, is asked under the store's lock, for each source,
	// with the provenance of the list's current snapshot in the store
	// (nil when the store holds none); a source it declines is not
	// downloaded. Asked under the lock, it lets a process that waited for
	// another's update skip what that one has just stored.
	Due func(src UpdateSource, stored *provenance.List) bool
	// StopWhenUnreachable ends the update at the first source whose
	// server cannot be reached (no network, no answer in time): a refresh
	// before a check then gives up at once instead of waiting on every
	// source. The sources not tried are named in the error.
	StopWhenUnreachable bool
	// Start, when set, is called before a source is downloaded.
	Start func(src UpdateSource)
	// AllowShrink accepts lists that lost more than MaxShrink of their
	// entries (ImportSpec.AllowShrink).
	AllowShrink bool
}

// ErrUnreachable is wrapped by the error of a download whose server could
// not be reached or did not answer in time (as opposed to one that
// answered with an error status or a bad file).
var ErrUnreachable = errors.New("source unreachable")

// ErrNoDate is wrapped by the error refusing a list whose files carry no
// publication date and whose server sent no Last-Modified time.
var ErrNoDate = errors.New("no publication date")

// Update downloads every source with client (ctx bounds the whole update,
// waiting for the store's lock included), checks and stores it as Import
// does, and also refuses a list published before the snapshot it would
// replace (ErrOlder). It holds the store's lock throughout, so that
// concurrent processes update one at a time. A source that fails to
// download or to load leaves its current snapshot in place; the others
// are still updated (see UpdateOptions.StopWhenUnreachable). It returns
// the lists it stored and the joined errors of the rest.
func (s *Store) Update(ctx context.Context, client *http.Client, sources []UpdateSource, opts UpdateOptions) ([]*List, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, fmt.Errorf("update: %w", err)
	}
	defer unlock()
	var (
		out  []*List
		errs []error
	)
	for i, src := range sources {
		if opts.Due != nil {
			var stored *provenance.List
			if p, err := s.Provenance(src.Meta.ID); err == nil {
				stored = &p
			}
			if !opts.Due(src, stored) {
				continue
			}
		}
		if opts.Start != nil {
			opts.Start(src)
		}
		l, err := s.updateOne(ctx, client, src, opts.AllowShrink)
		if err != nil {
			errs = append(errs, fmt.Errorf("update %s: %w", src.Meta.ID, err))
			if opts.StopWhenUnreachable && errors.Is(err, ErrUnreachable) {
				var rest []string
				for _, r := range sources[i+1:] {
					rest = append(rest, r.Meta.ID)
				}
				if len(rest) > 0 {
					errs = append(errs, fmt.Errorf("not tried: %s", strings.Join(rest, ", ")))
				}
				break
			}
			continue
		}
		out = append(out, l)
	}
	return out, errors.Join(errs...)
}

// updateOne downloads and imports one source, under the store's lock.
func (s *Store) updateOne(ctx context.Context, client *http.Client, src UpdateSource, allowShrink bool) (*List, error) {
	spec := ImportSpec{Meta: src.Meta, Format: src.Format, Files: make(map[string]Source, len(src.URLs)), AllowShrink: allowShrink}
	spec.Meta.Retrieved = s.now().UTC()
	var (
		modified time.Time // the latest Last-Modified of the files
		notes    []string
	)
	if src.Mirror != "" {
		notes = append(notes, "fetched from the mirror "+src.Mirror)
	}
	for _, role := range roleOrder {
		u, ok := src.URLs[role]
		if !ok {
			continue
		}
		d, err := download(ctx, client, u)
		if err != nil {
			return nil, err
		}
		if d.modified.After(modified) {
			modified = d.modified
		}
		if d.final != "" {
			notes = append(notes, fmt.Sprintf("%s was served by %s after a redirect", path.Base(u), d.final))
		}
		name := src.Files[role]
		if name == "" {
			name = path.Base(u)
		}
		spec.Files[role] = Source{Name: name, R: bytes.NewReader(d.body)}
	}
	if !datedFormats[src.Format] {
		if modified.IsZero() {
			return nil, fmt.Errorf("%w: the files carry none and %s sent no Last-Modified time, so the list's age "+
				"cannot be known (serve the files with their times, or import them with data import --published)", ErrNoDate, hostOf(src.Meta.SourceURL))
		}
		spec.Meta.Published = modified.UTC()
		date := "the files carry no publication date: it is the Last-Modified time sent by " + hostOf(src.Meta.SourceURL)
		if src.Mirror != "" {
			date += ", the publisher's date only if the mirror keeps the files' times"
		}
		notes = append(notes, date)
	}
	if len(notes) > 0 {
		if spec.Meta.Note != "" {
			notes = append([]string{spec.Meta.Note}, notes...)
		}
		spec.Meta.Note = strings.Join(notes, "; ")
	}
	return s.importLocked(spec, true)
}

// hostOf returns the scheme and host of an address, or the address when
// it does not parse.
func hostOf(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.Host == "" {
		return address
	}
	return u.Scheme + "://" + u.Host
}

// downloaded is one downloaded file.
type downloaded struct {
	body []byte
	// modified is the Last-Modified time; zero when absent or malformed.
	modified time.Time
	// final is the address that served the file, without its query,
	// when a redirect led to another host; "" otherwise.
	final string
}

// download GETs address, refusing a status other than 200, a body larger
// than MaxFileSize and a body shorter than announced. An error before an
// answer (no route, refused, timed out) wraps ErrUnreachable.
func download(ctx context.Context, client *http.Client, address string) (downloaded, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, address, nil)
	if err != nil {
		return downloaded{}, fmt.Errorf("download %s: %w", address, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return downloaded{}, fmt.Errorf("download %s: %w: %w", address, ErrUnreachable, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return downloaded{}, fmt.Errorf("download %s: HTTP status %d", address, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxFileSize+1))
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w: %w", ErrUnreachable, err)
		}
		return downloaded{}, fmt.Errorf("download %s: %w", address, err)
	}
	if len(b) > MaxFileSize {
		return downloaded{}, fmt.Errorf("download %s: larger than %d bytes", address, MaxFileSize)
	}
	if resp.ContentLength >= 0 && int64(len(b)) != resp.ContentLength {
		return downloaded{}, fmt.Errorf("download %s: got %d of %d bytes", address, len(b), resp.ContentLength)
	}
	d := downloaded{body: b}
	if lm, err := http.ParseTime(resp.Header.Get("Last-Modified")); err == nil {
		d.modified = lm
	}
	if resp.Request != nil && resp.Request.URL != nil {
		final := *resp.Request.URL
		if orig, err := url.Parse(address); err == nil && final.Host != orig.Host {
			final.RawQuery, final.Fragment, final.User = "", "", nil
			d.final = final.String()
		}
	}
	return d, nil
}
