package web

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"sinergi/report"
)

// reportRoutes: the agency collaboration report (issue 7 items 3–4) as PDF
// and as an HTML view of the same content, for logged-in accounts. The
// report is loaded as the reader may see the data: rahasia records only for
// entitled accounts (the store's rules and sinergi.CanRead).
func (s *Server) reportRoutes(g router) {
	g.html("GET /organizations/{id}/report", s.reportView)
	g.html("GET /organizations/{id}/report.pdf", s.reportPDF)
}

// reportPeriod reads ?from=&to= (YYYY-MM-DD); the default is the twelve
// months up to today.
func reportPeriod(r *http.Request) (time.Time, time.Time, error) {
	q := r.URL.Query()
	to := time.Now().UTC()
	if v := strings.TrimSpace(q.Get("to")); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return time.Time{}, time.Time{}, invalidField("to", "Tanggal akhir harus berformat YYYY-MM-DD", "The end date must be YYYY-MM-DD")
		}
		to = t
	}
	from := to.AddDate(-1, 0, 1)
	if v := strings.TrimSpace(q.Get("from")); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return time.Time{}, time.Time{}, invalidField("from", "Tanggal awal harus berformat YYYY-MM-DD", "The start date must be YYYY-MM-DD")
		}
		from = t
	}
	if to.Before(from) {
		return time.Time{}, time.Time{}, invalidField("to", "Tanggal akhir sebelum tanggal awal", "The end date is before the start date")
	}
	if to.Sub(from) > 20*366*24*time.Hour {
		return time.Time{}, time.Time{}, invalidField("from", "Periode paling lama 20 tahun", "The period may span at most 20 years")
	}
	return from, to, nil
}

func (s *Server) buildReport(r *http.Request) (*report.Report, error) {
	if _, err := requireUser(r); err != nil {
		return nil, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	from, to, err := reportPeriod(r)
	if err != nil {
		return nil, err
	}
	d, err := report.Load(r.Context(), s.DB, id, from, to, nil)
	if err != nil {
		return nil, err
	}
	return report.Build(d), nil
}

type reportPage struct {
	OrgID    int64
	Body     template.HTML
	From, To string
	PDF      string
	Words    int
}

func (s *Server) reportView(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.buildReport(r)
	if err != nil {
		return err
	}
	id, _ := pathID(r, "id")
	from, to := rep.From.Format(time.DateOnly), rep.To.Format(time.DateOnly)
	v := reportPage{OrgID: id, Body: template.HTML(rep.HTML()), From: from, To: to, Words: rep.WordCount(),
		PDF: "/organizations/" + r.PathValue("id") + "/report.pdf?" + url.Values{"from": {from}, "to": {to}}.Encode()}
	s.render(w, r, http.StatusOK, "report", page{Title: rep.Title + " — " + rep.OrgName, Data: v})
	return nil
}

func (s *Server) reportPDF(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.buildReport(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := rep.PDF(&buf, report.PDFOptions{}); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", "attachment; filename=\""+safeFileName("laporan-kolaborasi-"+rep.OrgName+"-"+rep.From.Format(time.DateOnly)+"-"+rep.To.Format(time.DateOnly))+".pdf\"")
	w.Write(buf.Bytes())
	return nil
}
