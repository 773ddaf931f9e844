package web

import (
	"context"
	"mime"
	"net/http"
	"strconv"

	"sinergi"
)

// The follow-up of a kerja sama agreement in the API (issue 5, items 2 and
// 6): implementation reports with evidence files, the reporting interval,
// obligations done and undone, and party edits.

func writeReport(w http.ResponseWriter, st int, rep *sinergi.AgreementReport) {
	w.Header().Set("ETag", etag(rep.Version))
	writeJSON(w, st, rep)
}

func reportLocation(rep *sinergi.AgreementReport) string {
	return agreementLocation(rep.AgreementID) + "/reports/" + strconv.FormatInt(rep.ID, 10)
}

func (s *Server) apiAgreementReports(w http.ResponseWriter, r *http.Request) error {
	return listUnder(w, r, s.DB.AgreementReports)
}

func (s *Server) apiCreateAgreementReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.ReportInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	rep, err := s.DB.CreateAgreementReport(r.Context(), id, in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", reportLocation(rep))
	writeReport(w, http.StatusCreated, rep)
	return nil
}

// reportTarget reads the agreement and report ids from the path.
func reportTarget(r *http.Request) (int64, int64, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	rid, err := pathID(r, "rid")
	return id, rid, err
}

func (s *Server) apiAgreementReport(w http.ResponseWriter, r *http.Request) error {
	id, rid, err := reportTarget(r)
	if err != nil {
		return err
	}
	rep, err := s.DB.AgreementReport(r.Context(), id, rid)
	if err != nil {
		return err
	}
	writeReport(w, http.StatusOK, rep)
	return nil
}

func (s *Server) apiUpdateAgreementReport(w http.ResponseWriter, r *http.Request) error {
	id, rid, err := reportTarget(r)
	if err != nil {
		return err
	}
	return updateRecord(w, r, func(ctx context.Context, _, version int64, in sinergi.ReportInput) (*sinergi.AgreementReport, error) {
		return s.DB.UpdateAgreementReport(ctx, id, rid, version, in)
	}, writeReport)
}

// evidenceRule: evidence of a report is one file of at most
// sinergi.MaxEvidenceSize, of a type sinergi.SniffEvidence accepts.
var evidenceRule = uploadRule{Max: sinergi.MaxEvidenceSize, Kinds: []sinergi.FileKind{sinergi.FilePDF, sinergi.FilePNG, sinergi.FileJPEG, sinergi.FileText, sinergi.FileXLSX, sinergi.FileDOCX}}

func (s *Server) apiAddReportEvidence(w http.ResponseWriter, r *http.Request) error {
	id, rid, err := reportTarget(r)
	if err != nil {
		return err
	}
	// who may not write is told so before the upload is read
	if !sinergi.ActorFrom(r.Context()).Authenticated() {
		return sinergi.Unauthorized()
	}
	up, err := readUpload(w, r, evidenceRule)
	if err != nil {
		return err
	}
	f, err := s.DB.AddReportEvidence(r.Context(), id, rid, up.Name, up.Data)
	if err != nil {
		return err
	}
	w.Header().Set("Location", evidencePath(id, rid, f.ID))
	writeJSON(w, http.StatusCreated, f)
	return nil
}

func evidencePath(id, rid, fid int64) string {
	return agreementLocation(id) + "/reports/" + strconv.FormatInt(rid, 10) + "/files/" + strconv.FormatInt(fid, 10)
}

// serveEvidence sends an evidence file as a download that the browser
// neither sniffs nor runs.
// evidenceTarget reads the agreement, report and file ids of the path.
func evidenceTarget(r *http.Request) (id, rid, fid int64, err error) {
	if id, rid, err = reportTarget(r); err != nil {
		return
	}
	fid, err = pathID(r, "fid")
	return
}

func (s *Server) apiRemoveReportEvidence(w http.ResponseWriter, r *http.Request) error {
	id, rid, fid, err := evidenceTarget(r)
	if err != nil {
		return err
	}
	if err := s.DB.RemoveReportEvidence(r.Context(), id, rid, fid); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) serveEvidence(w http.ResponseWriter, r *http.Request) error {
	id, rid, fid, err := evidenceTarget(r)
	if err != nil {
		return err
	}
	f, data, err := s.DB.ReportEvidence(r.Context(), id, rid, fid)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
	return nil
}

func (s *Server) apiSetReporting(w http.ResponseWriter, r *http.Request) error {
	return updateRecord(w, r, s.DB.SetReportingInterval, writeAgreement)
}

func (s *Server) apiObligationDone(w http.ResponseWriter, r *http.Request) error {
	oid, err := pathID(r, "oid")
	if err != nil {
		return err
	}
	return updateRecord(w, r, func(ctx context.Context, id, version int64, in sinergi.ObligationDoneInput) (*sinergi.Agreement, error) {
		return s.DB.MarkObligationDone(ctx, id, version, oid, in)
	}, writeAgreement)
}

func (s *Server) apiObligationUndo(w http.ResponseWriter, r *http.Request) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	oid, err := pathID(r, "oid")
	if err != nil {
		return err
	}
	a, err := s.DB.UndoObligation(r.Context(), id, version, oid)
	if err != nil {
		return err
	}
	writeAgreement(w, http.StatusOK, a)
	return nil
}

func (s *Server) apiUpdateAgreementParty(w http.ResponseWriter, r *http.Request) error {
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	return updateRecord(w, r, func(ctx context.Context, id, version int64, in sinergi.PartyEditInput) (*sinergi.Agreement, error) {
		return s.DB.UpdateAgreementParty(ctx, id, version, org, in)
	}, writeAgreement)
}
