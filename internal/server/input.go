package server

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// httpError is a request that cannot be served, with its status and its
// one-line reason.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// acceptedTypes are the media types an input may be sent as: what SBOMs
// and procurement files are written in. The format itself is detected by
// content, as on the command line.
var acceptedTypes = map[string]bool{
	"application/json": true, "application/xml": true, "text/xml": true, "text/csv": true,
	"text/tab-separated-values": true, "text/plain": true, "text/spdx": true, "application/yaml": true,
	"application/x-yaml": true, "text/yaml": true, "text/x-yaml": true, "application/octet-stream": true,
	"application/rdf+xml": true,
}

// acceptedType reports whether mt (a parsed media type) may carry an
// input: one of acceptedTypes, or a +json or +xml type
// (application/vnd.cyclonedx+json, application/spdx+json).
func acceptedType(mt string) bool {
	return acceptedTypes[mt] || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "+xml")
}

const typesHint = "send an SBOM or a procurement file as JSON, XML, CSV, YAML or SPDX tag-value (or application/octet-stream)"

// requestInput is an input read from a request.
type requestInput struct {
	data  []byte
	name  string
	ctype string
	// keep puts the checked input into the inventory.
	keep bool
}

// readInput reads the input of POST /v1/checks: the raw body with its
// content type, or the multipart/form-data field "input". It answers 413
// for a body over max, 415 for a media type no SBOM or procurement file
// is written in, and 400 for the rest.
func readInput(w http.ResponseWriter, r *http.Request, max int64, name string) (requestInput, *httpError) {
	ct := r.Header.Get("Content-Type")
	mt := "application/octet-stream"
	var params map[string]string
	if ct != "" {
		var err error
		if mt, params, err = mime.ParseMediaType(ct); err != nil {
			return requestInput{}, badRequest("content type %q does not parse: %v", ct, err)
		}
	}
	body := http.MaxBytesReader(w, r.Body, max)
	if mt == "multipart/form-data" {
		return readMultipart(body, params["boundary"], max, name)
	}
	if !acceptedType(mt) {
		return requestInput{}, &httpError{status: http.StatusUnsupportedMediaType, msg: fmt.Sprintf("content type %s: %s", mt, typesHint)}
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return requestInput{}, bodyError(err, max)
	}
	if len(data) == 0 {
		return requestInput{}, badRequest("empty body: %s", typesHint)
	}
	return requestInput{data: data, name: name, ctype: mt}, nil
}

// bodyError is the answer to a body that could not be read.
func bodyError(err error, max int64) *httpError {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &httpError{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("request body over the limit of %d bytes (serve.max-request-size)", max)}
	}
	return badRequest("read body: %v", err)
}

// readMultipart reads the one part named "input" of a form; any other
// field is an error, so that a misnamed field is not silently dropped.
func readMultipart(body io.Reader, boundary string, max int64, name string) (requestInput, *httpError) {
	if boundary == "" {
		return requestInput{}, badRequest("multipart/form-data without a boundary")
	}
	mr := multipart.NewReader(body, boundary)
	var (
		in    requestInput
		found bool
	)
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if he := bodyError(err, max); he.status == http.StatusRequestEntityTooLarge {
				return requestInput{}, he
			}
			return requestInput{}, badRequest("read multipart body: %v", err)
		}
		field := p.FormName()
		if field != "input" {
			return requestInput{}, badRequest("multipart field %q: the only field is \"input\" (the SBOM or procurement file)", field)
		}
		if found {
			return requestInput{}, badRequest("multipart field \"input\" given twice: send one file per check")
		}
		found = true
		mt := "application/octet-stream"
		if ct := p.Header.Get("Content-Type"); ct != "" {
			if mt, _, err = mime.ParseMediaType(ct); err != nil {
				return requestInput{}, badRequest("content type %q of field input does not parse: %v", ct, err)
			}
		}
		if !acceptedType(mt) {
			return requestInput{}, &httpError{status: http.StatusUnsupportedMediaType, msg: fmt.Sprintf("field input has content type %s: %s", mt, typesHint)}
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return requestInput{}, bodyError(err, max)
		}
		in = requestInput{data: data, name: name, ctype: mt}
		if fn := p.FileName(); fn != "" && name == defaultInputName {
			in.name = cleanName(fn)
		}
	}
	if !found {
		return requestInput{}, badRequest("multipart body has no field \"input\"")
	}
	if len(in.data) == 0 {
		return requestInput{}, badRequest("field input is empty: %s", typesHint)
	}
	return in, nil
}

// defaultInputName names an input that came without a name.
const defaultInputName = "request"

// cleanName makes a client's file name safe to show: its last path
// element, printable, at most 200 bytes.
func cleanName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "")
	}
	if strings.TrimSpace(s) == "" {
		return defaultInputName
	}
	return s
}
