package web

import (
	"errors"
	"net/http"
	"net/url"

	"sinergi"
	"sinergi/sheet"
)

// importView is what the import page (templates/import.html) shows for one
// kind of import.
type importView struct {
	Path, Template string       // the page (form action) and the template download
	Title, Heading sinergi.Text // the page title and its heading
	Back           sinergi.Text // the link back, to BackHref
	BackHref       string
	Noun           sinergi.Text // one record: "kerja sama" / "agreement"
	Result         sinergi.Text // the link to the stored records, at ResultHref
	ResultHref     string
	MaxMiB         int64
	Report         *sheet.Report
}

// importPage shows the import form: the template link, the file input and
// the choice of mode.
func (s *Server) importPage(im *importer) htmlHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if _, err := requireUser(r); err != nil {
			return err
		}
		v := im.view
		v.MaxMiB = sheet.MaxUpload >> 20
		s.render(w, r, http.StatusOK, "import", page{Title: v.Title.In(lang(r)), Form: url.Values{"mode": {string(sheet.AllOrNothing)}}, Data: v})
		return nil
	}
}

// importSubmit imports the uploaded file and shows the row report; a file
// that cannot be read is shown as the form's error.
func (s *Server) importSubmit(im *importer) htmlHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if _, err := requireUser(r); err != nil {
			return err
		}
		rep, err := s.importFile(w, r, im)
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
		v := im.view
		v.MaxMiB, v.Report = sheet.MaxUpload>>20, rep
		s.render(w, r, st, "import", page{Title: v.Title.In(lang(r)), Form: form, Errors: errs, Data: v})
		return nil
	}
}
