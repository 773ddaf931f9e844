package web

import (
	"net/http"
	"strconv"
	"strings"

	"sinergi"
)

// agreementFilter reads the list filters shared by the API and the HTML list.
func agreementFilter(r *http.Request) (sinergi.AgreementFilter, error) {
	q := r.URL.Query()
	f := sinergi.AgreementFilter{Status: sinergi.AgreementStatus(q.Get("status")), Kind: sinergi.AgreementKind(strings.ToUpper(q.Get("kind"))), Q: strings.TrimSpace(q.Get("q"))}
	var v sinergi.Validation
	if f.Status != "" && !sinergi.ValidAgreementStatus(f.Status) {
		v.Add("status", "Status tidak dikenal", "Unknown status")
	}
	if f.Kind != "" && !sinergi.ValidAgreementKind(f.Kind) {
		v.Add("kind", "Jenis kerja sama tidak dikenal", "Unknown kind")
	}
	if len([]rune(f.Q)) > 200 {
		v.Add("q", "Kata kunci paling banyak 200 karakter", "The search text must be at most 200 characters")
	}
	f.OrgID = queryID(r, "org_id", &v)
	f.ParentID = queryID(r, "parent_id", &v)
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return f, err
	}
	return f, v.Err()
}

func (s *Server) apiAgreements(w http.ResponseWriter, r *http.Request) error {
	f, err := agreementFilter(r)
	if err != nil {
		return err
	}
	l, err := s.DB.Agreements(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func writeAgreement(w http.ResponseWriter, st int, a *sinergi.Agreement) {
	w.Header().Set("ETag", etag(a.Version))
	writeJSON(w, st, a)
}

func agreementLocation(id int64) string { return "/api/v1/agreements/" + strconv.FormatInt(id, 10) }

func (s *Server) apiCreateAgreement(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.AgreementInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CreateAgreement(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", agreementLocation(a.ID))
	writeAgreement(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiAgreement(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.DB.Agreement(r.Context(), id)
	if err != nil {
		return err
	}
	writeAgreement(w, http.StatusOK, a)
	return nil
}

func (s *Server) apiAgreementStage(w http.ResponseWriter, r *http.Request) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	var in sinergi.StageInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CompleteAgreementStage(r.Context(), id, version, r.PathValue("code"), in)
	if err != nil {
		return err
	}
	writeAgreement(w, http.StatusOK, a)
	return nil
}

func (s *Server) apiTerminateAgreement(w http.ResponseWriter, r *http.Request) error {
	return updateRecord(w, r, s.DB.TerminateAgreement, writeAgreement)
}

func (s *Server) apiRenewAgreement(w http.ResponseWriter, r *http.Request) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	var in sinergi.RenewalInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.RenewAgreement(r.Context(), id, version, in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", agreementLocation(a.ID))
	writeAgreement(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiAgreementAffairs(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]any{"items": sinergi.UrusanList})
	return nil
}
