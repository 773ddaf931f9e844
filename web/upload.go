package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"sinergi"
)

// Uploads (issue 10, item 7): every file upload goes through readUpload,
// which limits its size and checks its type by content (never by the file
// name or the declared Content-Type alone).

// Kinds an upload rule may accept (sinergi.SniffFile tells them apart).
const (
	kindXLSX = sinergi.FileXLSX
	kindCSV  = sinergi.FileText // the importers read UTF-8 text as CSV
	kindPDF  = sinergi.FilePDF
)

var kindNames = map[sinergi.FileKind]string{kindXLSX: "xlsx", kindCSV: "CSV", kindPDF: "PDF", sinergi.FilePNG: "PNG", sinergi.FileJPEG: "JPEG", sinergi.FileDOCX: "docx"}

// uploadRule says what an endpoint accepts: at most Max bytes of one of Kinds,
// in the multipart part File (other small parts named in Fields are kept)
// or as the raw body.
type uploadRule struct {
	Max    int64
	Kinds  []sinergi.FileKind
	File   string   // multipart part name; "file" when empty
	Fields []string // other parts to keep (at most 1 KiB each)
}

// upload is a file that passed its rule.
type upload struct {
	Data   []byte
	Kind   sinergi.FileKind
	Name   string // the file name the client gave (?name= for a raw body)
	Fields map[string]string
}

func fileError(id, en string) error {
	return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T(id, en), Fields: []sinergi.FieldError{{Field: "file", Msg: sinergi.T(id, en)}}}
}

// readUpload reads the upload of r under rule: a sinergi.CodeTooLarge error (413)
// over rule.Max, a 400 with the field "file" when the file is missing, empty or
// of a kind the rule does not accept.
func readUpload(w http.ResponseWriter, r *http.Request, rule uploadRule) (*upload, error) {
	if rule.File == "" {
		rule.File = "file"
	}
	tooLarge := sinergi.FileTooLarge(rule.Max)
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
		up.Data, up.Name, found = b, r.URL.Query().Get("name"), true
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
				up.Name = p.FileName()
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
	up.Kind = sinergi.SniffFile(up.Data)
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
