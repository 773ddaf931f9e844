package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/kerjasama"
)

// The follow-up pages of an agreement (issue 5, items 2 and 6): its
// implementation reports with evidence and activities, the reporting
// interval, obligations done and undone, and a party's role and
// signatories.

// canFollowUp reports whether the user may write the agreement's follow-up.
func canFollowUp(r *http.Request, a *sinergi.Agreement) bool {
	return sinergi.CanFollowUpAgreement(sinergi.ActorFrom(r.Context()), a.PartyIDs())
}

func agreementPath(id int64) string { return "/agreements/" + strconv.FormatInt(id, 10) }

// partyActivities are the activities between the agreement's parties (or
// recorded under it) that a report may link.
func (s *Server) partyActivities(r *http.Request, a *sinergi.Agreement) ([]sinergi.Activity, error) {
	party := map[int64]bool{}
	for _, id := range a.PartyIDs() {
		party[id] = true
	}
	seen := map[int64]bool{}
	var out []sinergi.Activity
	for _, org := range a.PartyIDs() {
		l, err := s.DB.Activities(r.Context(), sinergi.ActivityFilter{OrgID: org, From: a.StartDate, Limit: 100})
		if err != nil {
			return nil, err
		}
		for _, x := range l.Items {
			under := x.AgreementID != nil && *x.AgreementID == a.ID
			if !seen[x.ID] && (under || party[x.FromOrgID] && party[x.ToOrgID]) {
				seen[x.ID] = true
				out = append(out, x)
			}
		}
	}
	return out, nil
}

func (s *Server) agreementReportsPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderReports(w, r, http.StatusOK, nil, nil)
}

// renderReports shows the reports page with the form's messages.
func (s *Server) renderReports(w http.ResponseWriter, r *http.Request, st int, errs []sinergi.FieldError, form url.Values) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.DB.Agreement(r.Context(), id)
	if err != nil {
		return err
	}
	l, err := s.DB.AgreementReports(r.Context(), id, 0, 100)
	if err != nil {
		return err
	}
	can := canFollowUp(r, a)
	var acts []sinergi.Activity
	if can {
		if acts, err = s.partyActivities(r, a); err != nil {
			return err
		}
	}
	if form == nil {
		form = url.Values{"interval_months": {strconv.Itoa(a.Reporting.IntervalMonths)}}
	}
	picked := map[string]bool{}
	for _, v := range form["activity_ids"] {
		picked[v] = true
	}
	s.render(w, r, st, "agreement_reports", page{Title: pick(r, "Laporan pelaksanaan: ", "Implementation reports: ") + a.Title, Errors: errs, Form: form,
		Data: map[string]any{"A": ksView(r, a), "Reports": l.Items, "Total": l.Total, "Can": can, "InForce": kerjasama.InForce(a.Status) || a.Status == sinergi.AgreementExpired || a.Status == sinergi.AgreementTerminated,
			"Activities": acts, "Picked": picked, "Version": a.Version, "MaxMiB": sinergi.MaxEvidenceSize >> 20}})
	return nil
}

// readFormWithFile parses a multipart form of at most one evidence file and
// returns the file's name and content (nil when none was chosen).
func readFormWithFile(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, sinergi.MaxEvidenceSize+256<<10)
	if err := r.ParseMultipartForm(sinergi.MaxEvidenceSize + 256<<10); err != nil {
		var tooB *http.MaxBytesError
		if errors.As(err, &tooB) {
			return "", nil, sinergi.EvidenceTooLarge()
		}
		if err := parseForm(w, r); err != nil {
			return "", nil, err
		}
		return "", nil, nil
	}
	fs := r.MultipartForm.File["file"]
	if len(fs) == 0 || fs[0].Size == 0 && fs[0].Filename == "" {
		return "", nil, nil
	}
	f, err := fs[0].Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, sinergi.MaxEvidenceSize+1))
	if err != nil {
		return "", nil, err
	}
	return fs[0].Filename, data, sinergi.CheckEvidence(data)
}

// reportFailed shows the reports page again with the messages of err (413
// for a file over the limit).
func (s *Server) reportFailed(w http.ResponseWriter, r *http.Request, err error) error {
	st := http.StatusBadRequest
	var e *sinergi.Error
	if errors.As(err, &e) && e.Code == sinergi.CodeTooLarge {
		st, err = http.StatusRequestEntityTooLarge, &sinergi.Error{Code: sinergi.CodeInvalid, Msg: e.Msg, Fields: e.Fields}
	}
	errs, _, err := formErrors(err)
	if err != nil {
		return err
	}
	form := r.PostForm
	if form == nil {
		form = url.Values{}
	}
	return s.renderReports(w, r, st, errs, form)
}

func (s *Server) agreementReportCreate(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	name, data, err := readFormWithFile(w, r)
	if err != nil {
		return s.reportFailed(w, r, err)
	}
	f := r.PostForm
	in := sinergi.ReportInput{PeriodStart: f.Get("period_start"), PeriodEnd: f.Get("period_end"), ReportDate: f.Get("report_date"),
		Narrative: f.Get("narrative"), Outcome: f.Get("outcome")}
	for _, v := range f["activity_ids"] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return s.reportFailed(w, r, invalidField("activity_ids", "Pilihan kegiatan tidak valid", "Invalid activity"))
		}
		in.ActivityIDs = append(in.ActivityIDs, n)
	}
	rep, err := s.DB.CreateAgreementReport(r.Context(), id, in)
	if err != nil {
		return s.reportFailed(w, r, err)
	}
	msg := pick(r, "Laporan pelaksanaan dicatat.", "Implementation report recorded.")
	if data != nil {
		if _, err := s.DB.AddReportEvidence(r.Context(), id, rep.ID, name, data); err != nil {
			return err
		}
		msg = pick(r, "Laporan pelaksanaan dan berkas buktinya dicatat.", "Implementation report and its evidence recorded.")
	}
	flash(w, msg)
	http.Redirect(w, r, agreementPath(id)+"/reports#report-"+strconv.FormatInt(rep.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) agreementReportUpload(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, rid, err := reportTarget(r)
	if err != nil {
		return err
	}
	name, data, err := readFormWithFile(w, r)
	if err == nil && data == nil {
		err = invalidField("file", "Pilih berkas bukti untuk diunggah", "Choose an evidence file to upload")
	}
	if err == nil {
		_, err = s.DB.AddReportEvidence(r.Context(), id, rid, name, data)
	}
	if err != nil {
		return s.reportFailed(w, r, err)
	}
	flash(w, pick(r, "Berkas bukti diunggah.", "Evidence uploaded."))
	http.Redirect(w, r, agreementPath(id)+"/reports#report-"+strconv.FormatInt(rid, 10), http.StatusSeeOther)
	return nil
}

// agreementEvidenceDeleteConfirm asks before an evidence file is removed.
func (s *Server) agreementEvidenceDeleteConfirm(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, rid, fid, err := evidenceTarget(r)
	if err != nil {
		return err
	}
	a, err := s.DB.Agreement(r.Context(), id)
	if err != nil {
		return err
	}
	if !canFollowUp(r, a) {
		return sinergi.Forbidden()
	}
	f, _, err := s.DB.ReportEvidence(r.Context(), id, rid, fid)
	if err != nil {
		return err
	}
	back := agreementPath(id) + "/reports#report-" + strconv.FormatInt(rid, 10)
	s.render(w, r, http.StatusOK, "confirm_delete", page{Title: pick(r, "Hapus berkas bukti?", "Delete the evidence file?"), Data: map[string]any{
		"What": pick(r, "Berkas bukti “"+f.Name+"” akan dihapus dari laporan.", "The evidence file “"+f.Name+"” will be removed from the report."),
		"Consequence": pick(r, "Isinya tidak dapat dipulihkan dari Sinergi; nama, jenis, ukuran dan sidik SHA-256-nya tetap tercatat di jejak audit.",
			"Its content cannot be recovered from Sinergi; its name, type, size and SHA-256 stay in the audit log."),
		"Action": agreementPath(id) + "/reports/" + strconv.FormatInt(rid, 10) + "/files/" + strconv.FormatInt(fid, 10) + "/delete", "Cancel": back}})
	return nil
}

func (s *Server) agreementEvidenceDelete(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, rid, fid, err := evidenceTarget(r)
	if err != nil {
		return err
	}
	if err := s.DB.RemoveReportEvidence(r.Context(), id, rid, fid); err != nil {
		return err
	}
	flash(w, pick(r, "Berkas bukti dihapus.", "Evidence file deleted."))
	http.Redirect(w, r, agreementPath(id)+"/reports#report-"+strconv.FormatInt(rid, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) agreementReportingSave(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("interval_months")))
	if err != nil {
		n = 0 // refused by the store's check with the field named
	}
	if _, err := s.DB.SetReportingInterval(r.Context(), id, formVersion(r.PostForm), sinergi.ReportingInput{IntervalMonths: n}); err != nil {
		return s.reportFailed(w, r, err)
	}
	flash(w, pick(r, "Interval pelaporan disimpan.", "Reporting interval saved."))
	http.Redirect(w, r, agreementPath(id)+"/reports", http.StatusSeeOther)
	return nil
}

func (s *Server) agreementObligationDone(w http.ResponseWriter, r *http.Request) error {
	return s.agreementAction(w, r, pick(r, "Kewajiban dicatat terlaksana.", "Obligation marked done."), func(id, version int64, f url.Values) (*sinergi.Agreement, error) {
		oid, err := pathID(r, "oid")
		if err != nil {
			return nil, err
		}
		return s.DB.MarkObligationDone(r.Context(), id, version, oid, sinergi.ObligationDoneInput{Date: f.Get("done_date"), Note: f.Get("done_note")})
	})
}

func (s *Server) agreementObligationUndo(w http.ResponseWriter, r *http.Request) error {
	return s.agreementAction(w, r, pick(r, "Catatan terlaksana dibatalkan.", "Done mark taken back."), func(id, version int64, f url.Values) (*sinergi.Agreement, error) {
		oid, err := pathID(r, "oid")
		if err != nil {
			return nil, err
		}
		return s.DB.UndoObligation(r.Context(), id, version, oid)
	})
}

// partySlots is how many signatory rows the party form offers.
const partySlots = 3

func (s *Server) agreementPartyPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderParty(w, r, http.StatusOK, nil, nil)
}

func (s *Server) renderParty(w http.ResponseWriter, r *http.Request, st int, errs []sinergi.FieldError, form url.Values) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	a, err := s.DB.Agreement(r.Context(), id)
	if err != nil {
		return err
	}
	var p *sinergi.AgreementParty
	for i := range a.Parties {
		if a.Parties[i].OrganizationID == org {
			p = &a.Parties[i]
		}
	}
	if p == nil {
		return sinergi.NotFound("Pihak", "Party")
	}
	if !canFollowUp(r, a) {
		return sinergi.Forbidden()
	}
	if form == nil {
		form = url.Values{"role": {p.Role}, "version": {strconv.FormatInt(a.Version, 10)}}
		for i, sg := range p.Signatories {
			n := strconv.Itoa(i)
			form.Set("name"+n, sg.Name)
			form.Set("position"+n, sg.Position)
			form.Set("authority"+n, sg.Authority)
			form.Set("document"+n, sg.Document)
		}
	}
	slots := make([]string, max(partySlots, len(p.Signatories)))
	for i := range slots {
		slots[i] = strconv.Itoa(i)
	}
	s.render(w, r, st, "agreement_party", page{Title: pick(r, "Ubah pihak: ", "Edit party: ") + p.OrganizationName, Errors: errs, Form: form,
		Data: map[string]any{"A": ksView(r, a), "Party": p, "Slots": slots, "Regional": kerjasama.Regional(a.Kind)}})
	return nil
}

func (s *Server) agreementPartySave(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	in := sinergi.PartyEditInput{Role: f.Get("role"), Signatories: []sinergi.Signatory{}}
	for i := 0; i < 10; i++ {
		n := strconv.Itoa(i)
		sg := sinergi.Signatory{Name: f.Get("name" + n), Position: f.Get("position" + n), Authority: f.Get("authority" + n), Document: f.Get("document" + n)}
		if strings.TrimSpace(sg.Name+sg.Position) != "" {
			in.Signatories = append(in.Signatories, sg)
		}
	}
	if _, err := s.DB.UpdateAgreementParty(r.Context(), id, formVersion(f), org, in); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.renderParty(w, r, http.StatusBadRequest, errs, f)
	}
	flash(w, pick(r, "Pihak diperbarui.", "Party updated."))
	http.Redirect(w, r, agreementPath(id), http.StatusSeeOther)
	return nil
}
