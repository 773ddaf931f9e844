package web

import (
	"errors"
	"net/http"
	"net/url"

	"sinergi"
	"sinergi/sheet"
)

// agreementImportPage shows the import form: the template link, the file
// input and the choice of mode.
func (s *Server) agreementImportPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "agreements_import", page{Title: pick(r, "Impor kerja sama", "Import agreements"),
		Form: url.Values{"mode": {string(sheet.AllOrNothing)}}, Data: map[string]any{"MaxMiB": sheet.MaxUpload >> 20}})
	return nil
}

// agreementImport imports the uploaded file and shows the row report; a
// file that cannot be read is shown as the form's error.
func (s *Server) agreementImport(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	rep, err := s.importAgreements(w, r)
	st := http.StatusOK
	form := url.Values{"mode": {r.URL.Query().Get("mode")}}
	if rep != nil {
		form.Set("mode", string(rep.Mode))
	}
	var errs []sinergi.FieldError
	switch e := (*sinergi.Error)(nil); {
	case errors.As(err, &e) && e.Code == sinergi.CodeTooLarge:
		st = http.StatusRequestEntityTooLarge
		errs = e.Fields
	case errors.As(err, &e) && e.Code == sinergi.CodeInvalid:
		st = http.StatusBadRequest
		errs = e.Fields
		if len(errs) == 0 {
			errs = []sinergi.FieldError{{Field: "file", Msg: e.Msg}}
		}
	case err != nil:
		return err
	}
	s.render(w, r, st, "agreements_import", page{Title: pick(r, "Impor kerja sama", "Import agreements"), Form: form, Errors: errs,
		Data: map[string]any{"MaxMiB": sheet.MaxUpload >> 20, "Report": rep}})
	return nil
}
