package web

import (
	"bytes"
	"net/http"
	"time"

	"sinergi"
	"sinergi/sheet"
)

// agreementImporter is the bulk import of the kerja sama registry (issue 5):
// GET /api/v1/agreements/template.xlsx, POST /api/v1/agreements/import and
// the page /agreements/import.
func (s *Server) agreementImporter() *importer {
	return &importer{layout: sheet.Agreements, run: s.DB.ImportAgreementsFile, view: importView{
		Path: "/agreements/import", Template: "/api/v1/agreements/template.xlsx",
		Heading: sinergi.T("Impor kerja sama dari Excel atau CSV", "Import agreements from Excel or CSV"),
		Title:   sinergi.T("Impor kerja sama", "Import agreements"),
		Back:    sinergi.T("Kerja sama", "Agreements"), BackHref: "/agreements",
		Noun:   sinergi.T("kerja sama", "agreement"),
		Result: sinergi.T("Lihat kerja sama draf", "See the draft agreements"), ResultHref: "/agreements?status=draft"}}
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
			err = sheet.WriteXLSX(&buf, "Kerja sama", sheet.Agreements.ExportHeader(), rows)
		} else {
			err = sheet.WriteCSV(&buf, sheet.Agreements.ExportHeader(), rows)
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
