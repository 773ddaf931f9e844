package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"sinergi"
	"sinergi/sheet"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// errUploadTooLarge marks an upload over sheet.MaxUpload (413).
var errUploadTooLarge = errors.New("upload too large")

// sheetErr turns a file that cannot be read into a 400 naming the file.
func sheetErr(err error) error {
	var se *sheet.Error
	if errors.As(err, &se) {
		return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T(se.ID, se.EN), Fields: []sinergi.FieldError{{Field: "file", Msg: sinergi.T(se.ID, se.EN)}}}
	}
	return err
}

// readUpload reads the import file: the "file" part of a multipart form
// (with an optional "mode" part) or the raw body. Nothing over
// sheet.MaxUpload is read.
func readUpload(w http.ResponseWriter, r *http.Request) (data []byte, mode string, err error) {
	r.Body = http.MaxBytesReader(w, r.Body, sheet.MaxUpload+64<<10)
	limited := func(rd io.Reader) ([]byte, error) {
		b, err := io.ReadAll(io.LimitReader(rd, sheet.MaxUpload+1))
		var tooB *http.MaxBytesError
		if errors.As(err, &tooB) || int64(len(b)) > sheet.MaxUpload {
			return nil, errUploadTooLarge
		}
		if err != nil {
			return nil, sinergi.Errorf(sinergi.CodeInvalid, "Berkas tidak dapat dibaca", "The file cannot be read")
		}
		return b, nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if data, err = limited(r.Body); err != nil {
			return nil, "", err
		}
		if mt == xlsxType && !sheet.IsXLSX(data) {
			return nil, "", sheetErr(&sheet.Error{ID: "Berkas bukan xlsx yang sah", EN: "The file is not a valid xlsx file"})
		}
		return data, "", nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", sinergi.Errorf(sinergi.CodeInvalid, "Formulir unggahan tidak dapat dibaca", "The upload form cannot be read")
	}
	found := false
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		var tooB *http.MaxBytesError
		if errors.As(err, &tooB) {
			return nil, "", errUploadTooLarge
		}
		if err != nil {
			return nil, "", sinergi.Errorf(sinergi.CodeInvalid, "Formulir unggahan tidak dapat dibaca", "The upload form cannot be read")
		}
		switch p.FormName() {
		case "file":
			if data, err = limited(p); err != nil {
				return nil, "", err
			}
			found = true
		case "mode":
			b, _ := io.ReadAll(io.LimitReader(p, 64))
			mode = strings.TrimSpace(string(b))
		}
		p.Close()
	}
	if !found {
		return nil, "", &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T("Pilih berkas untuk diimpor", "Choose a file to import"),
			Fields: []sinergi.FieldError{{Field: "file", Msg: sinergi.T("Pilih berkas untuk diimpor", "Choose a file to import")}}}
	}
	return data, mode, nil
}

// importMode checks the import mode (default all_or_nothing).
func importMode(s string) (sheet.Mode, error) {
	switch m := sheet.Mode(strings.TrimSpace(s)); m {
	case "":
		return sheet.AllOrNothing, nil
	case sheet.AllOrNothing, sheet.ValidOnly:
		return m, nil
	}
	return "", &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T("Mode impor harus all_or_nothing atau valid_only", "mode must be all_or_nothing or valid_only"),
		Fields: []sinergi.FieldError{{Field: "mode", Msg: sinergi.T("Mode impor harus all_or_nothing atau valid_only", "mode must be all_or_nothing or valid_only")}}}
}

// importAgreements reads the upload and imports it; the mode of the query
// wins over the form's.
func (s *Server) importAgreements(w http.ResponseWriter, r *http.Request) (*sheet.Report, error) {
	if !sinergi.ActorFrom(r.Context()).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	qm := r.URL.Query().Get("mode")
	if _, err := importMode(qm); err != nil {
		return nil, err
	}
	data, fm, err := readUpload(w, r)
	if err != nil {
		return nil, err
	}
	if qm == "" {
		qm = fm
	}
	mode, err := importMode(qm)
	if err != nil {
		return nil, err
	}
	rep, err := s.DB.ImportAgreementsFile(r.Context(), data, mode)
	if err != nil {
		return nil, sheetErr(err)
	}
	return rep, nil
}

// writeTooLarge answers an oversized upload with 413.
func (s *Server) writeTooLarge(w http.ResponseWriter, r *http.Request) {
	e := sheet.TooLarge()
	msg := e.ID
	if apiLang(r) == "en" {
		msg = e.EN
	}
	writeJSONStatus(w, "application/problem+json", http.StatusRequestEntityTooLarge, Problem{Type: "about:blank",
		Title: http.StatusText(http.StatusRequestEntityTooLarge), Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Detail: msg, RequestID: requestID(r), Errors: []ProblemField{{Field: "file", Message: msg}}})
}

func (s *Server) apiImportAgreements(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.importAgreements(w, r)
	if errors.Is(err, errUploadTooLarge) {
		s.writeTooLarge(w, r)
		return nil
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

func (s *Server) apiAgreementTemplate(w http.ResponseWriter, r *http.Request) error {
	if !sinergi.ActorFrom(r.Context()).Authenticated() {
		return sinergi.Unauthorized()
	}
	b, err := sheet.Template()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="templat-impor-kerja-sama.xlsx"`)
	w.WriteHeader(http.StatusOK)
	w.Write(b)
	return nil
}

func (s *Server) apiExportAgreements(format string) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := agreementFilter(r)
		if err != nil {
			return err
		}
		rows, err := s.DB.ExportAgreements(r.Context(), f)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		ct := "text/csv; charset=utf-8"
		if format == "xlsx" {
			ct = xlsxType
			err = sheet.WriteXLSX(&buf, "Kerja sama", sheet.ExportHeader(), rows)
		} else {
			err = sheet.WriteCSV(&buf, sheet.ExportHeader(), rows)
		}
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="kerja-sama-`+time.Now().Format("20060102")+`.`+format+`"`)
		w.WriteHeader(http.StatusOK)
		w.Write(buf.Bytes())
		return nil
	}
}
