package server

import (
	"archive/tar"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/bangate/bangate/internal/store"
)

// exportName is the name of the JSON Lines file in an export archive; its
// manifest is exportName + ".manifest.json", as `bangate log export`
// names them, so that `bangate log verify --input bangate-log.jsonl`
// checks the unpacked archive.
const exportName = "bangate-log.jsonl"

// handleExport answers GET /v1/log/export?since=&until=: the log's
// entries in the range, as `bangate log export` writes them, in a tar
// archive of two files: the entries as JSON Lines and their sealed
// manifest (signed when the server has an evidence key). A log that does
// not verify is not exported: 409 with the first broken record.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if he := strictQuery(q, []string{"since", "until"}); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	var rg store.ExportRange
	var he *httpError
	if rg.Since, rg.Until, he = s.timeRange(q); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	tmp, err := os.CreateTemp("", "bangate-export-*.jsonl")
	if err != nil {
		s.log.Error("export: temporary file", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the export cannot be written; try again")
		return
	}
	defer func() {
		tmp.Close()
		if err := os.Remove(tmp.Name()); err != nil {
			s.log.Warn("export: remove the temporary file", "file", tmp.Name(), "err", err)
		}
	}()
	m, err := s.opts.Log.Export(r.Context(), tmp, rg)
	if be, ok := errorsAs[*store.BrokenError](err); ok {
		s.fail(w, r, http.StatusConflict, "the decision log does not verify, nothing exported: "+be.Error())
		return
	}
	if err != nil {
		s.log.Error("export the log", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	var signer store.Signer
	if s.opts.Signer != nil {
		signer = s.opts.Signer
	}
	sealed, err := store.SealManifest(r.Context(), m, signer)
	if err != nil {
		s.log.Error("seal the export's manifest", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the export's manifest cannot be sealed; try again")
		return
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.log.Error("export: rewind", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the export cannot be read back; try again")
		return
	}
	w.Header().Set("Content-Type", "application/x-tar")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="bangate-log-%d-%d.tar"`, m.FirstSeq, m.LastSeq))
	if err := writeExport(w, tmp, size, sealed, m.ExportedAt); err != nil {
		// The status is sent: the client sees a truncated archive.
		s.log.Error("send the export", "err", err)
	}
}

// writeExport writes the tar archive of an export: size bytes of lines,
// then the sealed manifest.
func writeExport(w io.Writer, lines io.Reader, size int64, manifest []byte, at time.Time) error {
	tw := tar.NewWriter(w)
	if err := tw.WriteHeader(&tar.Header{Name: exportName, Mode: 0o644, Size: size, ModTime: at, Typeflag: tar.TypeReg}); err != nil {
		return err
	}
	n, err := io.Copy(tw, lines)
	if err != nil {
		return err
	}
	if n != size {
		return fmt.Errorf("export: read %d of its %d bytes", n, size)
	}
	if err := tw.WriteHeader(&tar.Header{Name: exportName + ".manifest.json", Mode: 0o644, Size: int64(len(manifest)), ModTime: at, Typeflag: tar.TypeReg}); err != nil {
		return err
	}
	if _, err := tw.Write(manifest); err != nil {
		return err
	}
	return tw.Close()
}
