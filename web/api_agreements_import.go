package web

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"time"

	"sinergi"
	"sinergi/sheet"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// sheetErr turns a file that cannot be read into a 400 naming the file.
func sheetErr(err error) error {
	var se *sheet.Error
	if errors.As(err, &se) {
		return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T(se.ID, se.EN), Fields: []sinergi.FieldError{{Field: "file", Msg: sinergi.T(se.ID, se.EN)}}}
	}
	return err
}

// importRule: the agreement import takes xlsx or CSV up to sheet.MaxUpload.
var importRule = uploadRule{Max: sheet.MaxUpload, Kinds: []sinergi.FileKind{kindXLSX, kindCSV}, Fields: []string{"mode"}}

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
	up, err := readUpload(w, r, importRule)
	if err != nil {
		return nil, err
	}
	if qm == "" {
		qm = up.Fields["mode"]
	}
	mode, err := importMode(qm)
	if err != nil {
		return nil, err
	}
	rows, format, err := sheet.Read(up.Data)
	if err != nil {
		return nil, sheetErr(err)
	}
	rep, err := s.DB.ImportAgreements(r.Context(), rows, mode)
	if err != nil {
		return nil, err
	}
	rep.Format = format
	return rep, nil
}

func (s *Server) apiImportAgreements(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.importAgreements(w, r)
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
