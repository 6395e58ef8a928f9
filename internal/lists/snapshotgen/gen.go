package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// Paths below the -out directory.
const (
	// snapshotDir holds one directory of files per list, the manifest and
	// SOURCES.md.
	snapshotDir = "snapshot"
	// manifestName is the generator's records as JSON, read by its next run.
	manifestName = "manifest.json"
	// goFileName is the generated Go file the loader reads.
	goFileName = "snapshot_gen.go"
	// sourcesName is the document whose file table the generator writes.
	sourcesName = "SOURCES.md"
)

// run is the generator: see the package comment and usage.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer, now func() time.Time) error {
	o, err := parseOptions(args, getenv, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(o.out, snapshotDir)); err != nil {
		return fmt.Errorf("-out %s: %w (run from the module root, or name the directory of package lists)", o.out, err)
	}
	old, err := readManifest(filepath.Join(o.out, snapshotDir, manifestName))
	if err != nil {
		return err
	}

	tmp, err := os.MkdirTemp("", "snapshotgen-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(tmp) }()
	store, err := lists.OpenStore(tmp, now)
	if err != nil {
		return err
	}
	sources := make(map[string]lists.UpdateSource, len(o.ids))
	var order []lists.UpdateSource
	for _, src := range lists.DefaultUpdateSources() {
		if slices.Contains(o.ids, src.Meta.ID) {
			sources[src.Meta.ID] = src
			order = append(order, src)
		}
	}

	// The snapshot being replaced is the store's current one, so that the
	// store's guards compare against it; for a list the manifest does not
	// record, the store compares with the snapshot compiled into this
	// binary (lists.EmbeddedInfo).
	for _, id := range o.ids {
		if r, ok := old[id]; ok {
			if err := seed(store, filepath.Join(o.out, snapshotDir, id), r); err != nil {
				return err
			}
		}
	}

	if o.dir != "" {
		for _, src := range order {
			spec, err := dirSpec(o, src)
			if err != nil {
				return err
			}
			if _, err := store.Import(spec); err != nil {
				return err
			}
		}
	} else {
		if o.baseURL != "" {
			order = lists.RebaseAll(order, o.baseURL)
		}
		dctx, cancel := context.WithTimeout(ctx, o.timeout)
		defer cancel()
		client := &http.Client{Timeout: o.timeout}
		_, err := store.Update(dctx, client, order, lists.UpdateOptions{
			AllowShrink:         o.allowShrink,
			StopWhenUnreachable: true,
			Start: func(src lists.UpdateSource) {
				fmt.Fprintf(stdout, "downloading %s from %s\n", src.Meta.ID, hostOf(src.Meta.SourceURL))
			},
		})
		if err != nil {
			return err
		}
	}

	records := make(map[string]lists.SnapshotRecord, len(old)+len(o.ids))
	for id, r := range old {
		records[id] = r
	}
	files := make(map[string][]lists.StoredFile, len(o.ids))
	for _, id := range o.ids {
		r, fs, err := record(store, sources[id], o.note)
		if err != nil {
			return err
		}
		records[id], files[id] = r, fs
	}

	// Nothing is written before every list has passed.
	for _, id := range o.ids {
		if err := writeFiles(filepath.Join(o.out, snapshotDir, id), records[id], files[id]); err != nil {
			return err
		}
		if err := verify(filepath.Join(o.out, snapshotDir, id), records[id]); err != nil {
			return err
		}
	}
	var all []lists.SnapshotRecord
	for _, id := range lists.SnapshotIDs() {
		if r, ok := records[id]; ok {
			all = append(all, r)
		}
	}
	if err := writeManifest(filepath.Join(o.out, snapshotDir, manifestName), all); err != nil {
		return err
	}
	src, err := renderGo(all)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(filepath.Join(o.out, goFileName), 0o644, src); err != nil {
		return err
	}
	if err := writeSources(filepath.Join(o.out, snapshotDir, sourcesName), all, o.ids); err != nil {
		return err
	}
	for _, id := range o.ids {
		r := records[id]
		fmt.Fprintf(stdout, "%s: %d entries, published %s, retrieved %s, sha256 %s\n", id, r.Entries,
			r.Published.Format(time.RFC3339), r.Retrieved.Format(time.RFC3339), r.SHA256)
	}
	return nil
}

// hostOf returns the scheme and host of an address.
func hostOf(address string) string {
	if i := strings.Index(address, "://"); i >= 0 {
		if j := strings.IndexByte(address[i+3:], '/'); j >= 0 {
			return address[:i+3+j]
		}
	}
	return address
}

// readManifest reads the records of the previous run, by list ID; none
// when the file does not exist (the first run, or a hand-assembled
// snapshot).
func readManifest(path string) (map[string]lists.SnapshotRecord, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]lists.SnapshotRecord{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	var rs []lists.SnapshotRecord
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	out := make(map[string]lists.SnapshotRecord, len(rs))
	for _, r := range rs {
		if !slices.Contains(lists.SnapshotIDs(), r.ID) {
			return nil, fmt.Errorf("parse %s: %q is not an embedded list", path, r.ID)
		}
		out[r.ID] = r
	}
	return out, nil
}

// writeManifest writes the records as JSON.
func writeManifest(path string, rs []lists.SnapshotRecord) error {
	b, err := json.MarshalIndent(rs, "", "  ")
	if err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return atomicfile.WriteBytes(path, 0o644, append(b, '\n'))
}

// recordFiles returns the files of r in dir as an import spec's files.
func recordFiles(dir string, r lists.SnapshotRecord) map[string]lists.Source {
	files := make(map[string]lists.Source, len(r.Files))
	for _, f := range r.Files {
		files[f.Role] = lists.FileSource(filepath.Join(dir, f.Name))
	}
	return files
}

// meta returns the provenance r states.
func meta(r lists.SnapshotRecord) provenance.List {
	return provenance.List{ID: r.ID, Kind: provenance.KindSanctions, Title: r.Title, SourceURL: r.SourceURL,
		Published: r.Published, Retrieved: r.Retrieved, Note: r.Note}
}

// seed imports the current snapshot of a list (its files in dir, recorded
// as r) into the store, and checks it loads as recorded.
func seed(store *lists.Store, dir string, r lists.SnapshotRecord) error {
	l, err := store.Import(lists.ImportSpec{Meta: meta(r), Format: lists.FormatOFACLegacy, Files: recordFiles(dir, r), AllowShrink: true})
	if err != nil {
		return fmt.Errorf("the current snapshot: %w", err)
	}
	if l.Provenance.SHA256 != r.SHA256 || l.Provenance.Entries != r.Entries {
		return fmt.Errorf("the current snapshot of %s in %s loads to %d entries, sha256 %s; %s records %d, %s",
			r.ID, dir, l.Provenance.Entries, l.Provenance.SHA256, manifestName, r.Entries, r.SHA256)
	}
	return nil
}

// dirSpec is the import of src's files from o.dir, found by their
// official names in any letter case. The primary and alt files are
// required, as the loader requires them.
func dirSpec(o options, src lists.UpdateSource) (lists.ImportSpec, error) {
	ents, err := os.ReadDir(o.dir)
	if err != nil {
		return lists.ImportSpec{}, fmt.Errorf("-dir: %w", err)
	}
	spec := lists.ImportSpec{Meta: src.Meta, Format: src.Format, Files: map[string]lists.Source{}, AllowShrink: o.allowShrink}
	var found []string
	for role, name := range src.Files {
		for _, e := range ents {
			if e.Type().IsRegular() && strings.EqualFold(e.Name(), name) {
				spec.Files[role] = lists.FileSource(filepath.Join(o.dir, e.Name()))
				found = append(found, name)
			}
		}
	}
	for _, role := range []string{lists.RolePrimary, lists.RoleAlt} {
		if _, ok := spec.Files[role]; !ok {
			return lists.ImportSpec{}, fmt.Errorf("%s: no %s in %s", src.Meta.ID, src.Files[role], o.dir)
		}
	}
	slices.Sort(found)
	spec.Meta.Published = o.published
	spec.Meta.Retrieved = o.retrieved
	spec.Meta.Note = fmt.Sprintf("the official %s read from a directory; the files carry no publication date: "+
		"it is the date given to the release's snapshot generator (-published)", strings.Join(found, ", "))
	return spec, nil
}

// record builds the record of the list the store now holds for src, and
// returns its files with the names they get in the snapshot.
func record(store *lists.Store, src lists.UpdateSource, note string) (lists.SnapshotRecord, []lists.StoredFile, error) {
	id := src.Meta.ID
	p, err := store.Provenance(id)
	if err != nil {
		return lists.SnapshotRecord{}, nil, err
	}
	format, files, err := store.Files(id)
	if err != nil {
		return lists.SnapshotRecord{}, nil, err
	}
	if format != lists.FormatOFACLegacy {
		return lists.SnapshotRecord{}, nil, fmt.Errorf("%s: stored as %s, not %s", id, format, lists.FormatOFACLegacy)
	}
	notes := []string{"embedded snapshot, written by the release's snapshot generator", p.Note}
	if note != "" {
		notes = append(notes, note)
	}
	r := lists.SnapshotRecord{ID: id, Title: p.Title, SourceURL: p.SourceURL, Published: p.Published.UTC(),
		Retrieved: p.Retrieved.UTC().Truncate(time.Second), Note: strings.Join(notes, "; "), Entries: p.Entries, SHA256: p.SHA256}
	for i, f := range files {
		name := strings.ToLower(src.Files[f.Role])
		if name == "" {
			return lists.SnapshotRecord{}, nil, fmt.Errorf("%s: file role %q has no official name", id, f.Role)
		}
		files[i].Name = name
		r.Files = append(r.Files, lists.SnapshotFile{Role: f.Role, Name: name, Size: len(f.Data), SHA256: f.SHA256})
	}
	return r, files, nil
}

// writeFiles writes a list's files into dir and removes every other list
// file there (the files of a former snapshot, say the hand-assembled
// one).
func writeFiles(dir string, r lists.SnapshotRecord, files []lists.StoredFile) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, f := range files {
		if err := atomicfile.WriteBytes(filepath.Join(dir, f.Name), 0o644, f.Data); err != nil {
			return fmt.Errorf("write %s: %w", r.ID, err)
		}
		keep[f.Name] = true
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasSuffix(strings.ToLower(e.Name()), ".csv") && !keep[e.Name()] {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// verify loads the files written into dir with the project's loader, as
// the embedded snapshot will, and checks they give the record's entries
// and digest.
func verify(dir string, r lists.SnapshotRecord) error {
	files := recordFiles(dir, r)
	l, err := lists.LoadOFACLegacy(lists.OFACFiles{Primary: files[lists.RolePrimary], Alt: files[lists.RoleAlt],
		Add: files[lists.RoleAdd], Comments: files[lists.RoleComments]}, meta(r))
	if err != nil {
		return fmt.Errorf("verify the written %s: %w", r.ID, err)
	}
	if l.Provenance.SHA256 != r.SHA256 || l.Provenance.Entries != r.Entries {
		return fmt.Errorf("verify the written %s: %d entries, sha256 %s; want %d, %s", r.ID,
			l.Provenance.Entries, l.Provenance.SHA256, r.Entries, r.SHA256)
	}
	return nil
}
