package web

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"sinergi"
)

// Uploads (issue 10, item 7): every file upload goes through readUpload,
// which limits its size and checks its type by content (never by the file
// name or the declared Content-Type alone).

// uploadKind is a file type recognised by its content.
type uploadKind string

const (
	kindXLSX uploadKind = "xlsx" // a zip archive holding xl/workbook.xml
	kindCSV  uploadKind = "csv"  // UTF-8 text without NUL bytes
	kindPDF  uploadKind = "pdf"  // starts with %PDF-
)

var kindNames = map[uploadKind]string{kindXLSX: "xlsx", kindCSV: "CSV", kindPDF: "PDF"}

// uploadRule says what an endpoint accepts: at most Max bytes of one of Kinds,
// in the multipart part File (other small parts named in Fields are kept)
// or as the raw body.
type uploadRule struct {
	Max    int64
	Kinds  []uploadKind
	File   string   // multipart part name; "file" when empty
	Fields []string // other parts to keep (at most 1 KiB each)
}

// upload is a file that passed its rule.
type upload struct {
	Data   []byte
	Kind   uploadKind
	Fields map[string]string
}

// tooLargeError is an upload over its rule's Max (413).
type tooLargeError struct{ max int64 }

func (e *tooLargeError) Error() string { return fmt.Sprintf("upload over %d bytes", e.max) }

// Msg is the message for the user.
func (e *tooLargeError) Msg() sinergi.Text {
	size := fmt.Sprintf("%d KiB", e.max>>10)
	if e.max >= 1<<20 {
		size = fmt.Sprintf("%d MiB", e.max>>20)
	}
	return sinergi.T("Berkas terlalu besar (paling besar "+size+")", "The file is too large (at most "+size+")")
}

// sniffUpload tells the kind of b from its content; "" when none fits.
func sniffUpload(b []byte) uploadKind {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return kindPDF
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return ""
		}
		for _, f := range zr.File {
			if f.Name == "xl/workbook.xml" {
				return kindXLSX
			}
		}
		return ""
	}
	text := bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(text) > 0 && utf8.Valid(text) && bytes.IndexByte(text, 0) < 0 {
		return kindCSV
	}
	return ""
}

func fileError(id, en string) error {
	return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T(id, en), Fields: []sinergi.FieldError{{Field: "file", Msg: sinergi.T(id, en)}}}
}

// readUpload reads the upload of r under rule: a *tooLargeError over
// rule.Max, a 400 with the field "file" when the file is missing, empty or
// of a kind the rule does not accept.
func readUpload(w http.ResponseWriter, r *http.Request, rule uploadRule) (*upload, error) {
	if rule.File == "" {
		rule.File = "file"
	}
	tooLarge := &tooLargeError{rule.Max}
	r.Body = http.MaxBytesReader(w, r.Body, rule.Max+64<<10) // room for the form around the file
	readLimited := func(rd io.Reader) ([]byte, error) {
		b, err := io.ReadAll(io.LimitReader(rd, rule.Max+1))
		var mb *http.MaxBytesError
		if errors.As(err, &mb) || int64(len(b)) > rule.Max {
			return nil, tooLarge
		}
		if err != nil {
			return nil, fileError("Berkas tidak dapat dibaca", "The file cannot be read")
		}
		return b, nil
	}
	up := &upload{Fields: map[string]string{}}
	found := false
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		b, err := readLimited(r.Body)
		if err != nil {
			return nil, err
		}
		up.Data, found = b, true
	} else {
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, fileError("Formulir unggahan tidak dapat dibaca", "The upload form cannot be read")
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				return nil, tooLarge
			}
			if err != nil {
				return nil, fileError("Formulir unggahan tidak dapat dibaca", "The upload form cannot be read")
			}
			name := p.FormName()
			switch {
			case name == rule.File && !found:
				if up.Data, err = readLimited(p); err != nil {
					return nil, err
				}
				found = true
			case slices.Contains(rule.Fields, name):
				b, _ := io.ReadAll(io.LimitReader(p, 1<<10))
				up.Fields[name] = strings.TrimSpace(string(b))
			}
			p.Close()
		}
	}
	if !found {
		return nil, fileError("Pilih berkas untuk diunggah", "Choose a file to upload")
	}
	if len(up.Data) == 0 {
		return nil, fileError("Berkas kosong", "The file is empty")
	}
	up.Kind = sniffUpload(up.Data)
	if !slices.Contains(rule.Kinds, up.Kind) {
		var want []string
		for _, k := range rule.Kinds {
			want = append(want, kindNames[k])
		}
		return nil, fileError("Jenis berkas tidak diterima: isinya harus "+strings.Join(want, " atau "),
			"File type not accepted: its content must be "+strings.Join(want, " or "))
	}
	return up, nil
}

// writeTooLarge answers an oversized upload with 413 problem+json.
func (s *Server) writeTooLarge(w http.ResponseWriter, r *http.Request, e *tooLargeError) {
	msg := e.Msg().In(apiLang(r))
	writeJSONStatus(w, "application/problem+json", http.StatusRequestEntityTooLarge, Problem{Type: "about:blank",
		Title: http.StatusText(http.StatusRequestEntityTooLarge), Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Detail: msg, RequestID: requestID(r), Errors: []ProblemField{{Field: "file", Message: msg}}})
}
