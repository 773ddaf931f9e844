package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"sinergi"
	"sinergi/sheet"
)

// The bulk imports (agreements, activities) share the upload, its limits,
// the mode and the answers; each module names its importer (layout, store
// call, page texts) and registers apiImport, apiTemplate and the page.

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// sheetErr turns a file that cannot be read into a 400 naming the file.
func sheetErr(err error) error {
	var se *sheet.Error
	if errors.As(err, &se) {
		return &sinergi.Error{Code: sinergi.CodeInvalid, Msg: sinergi.T(se.ID, se.EN), Fields: []sinergi.FieldError{{Field: "file", Msg: sinergi.T(se.ID, se.EN)}}}
	}
	return err
}

// importRule: the imports take xlsx or CSV up to sheet.MaxUpload, with an
// optional "mode" part.
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

// importer is one kind of bulk import: its file layout, the store call that
// imports the rows and the texts of its page.
type importer struct {
	layout *sheet.Layout
	run    func(ctx context.Context, file []byte, mode sheet.Mode) (*sheet.Report, error) // reads the file as a stream (sheet.Layout.Scan)
	view   importView
}

// importFile reads the upload and imports it; the mode of the query wins
// over the form's.
func (s *Server) importFile(w http.ResponseWriter, r *http.Request, im *importer) (*sheet.Report, error) {
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
	rep, err := im.run(r.Context(), up.Data, mode)
	if err != nil {
		return nil, sheetErr(err)
	}
	return rep, nil
}

// apiImport answers POST …/import with the row report.
func (s *Server) apiImport(im *importer) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		rep, err := s.importFile(w, r, im)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, rep)
		return nil
	}
}

// apiTemplate answers GET …/template.xlsx with the import template.
func apiTemplate(l *sheet.Layout) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !sinergi.ActorFrom(r.Context()).Authenticated() {
			return sinergi.Unauthorized()
		}
		b, err := l.Template()
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", xlsxType)
		w.Header().Set("Content-Disposition", `attachment; filename="`+l.File+`.xlsx"`)
		w.WriteHeader(http.StatusOK)
		w.Write(b)
		return nil
	}
}
