package web

import (
	"net/http"
	"strconv"

	"sinergi"
)

func corridorLocation(id int64) string { return "/api/v1/corridors/" + strconv.FormatInt(id, 10) }

func (s *Server) apiCorridors(w http.ResponseWriter, r *http.Request) error {
	off, lim, err := queryPage(r)
	if err != nil {
		return err
	}
	l, err := s.DB.Corridors(r.Context(), off, lim)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiCreateCorridor(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.CorridorInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.CreateCorridor(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", corridorLocation(c.ID))
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func (s *Server) apiCorridor(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.Corridor)
}

func (s *Server) apiCorridorPlan(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorPlanInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.SaveCorridorPlan(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiCorridorApplications(w http.ResponseWriter, r *http.Request) error {
	return listUnder(w, r, s.DB.CorridorApplications)
}

func (s *Server) apiCreateCorridorApplication(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorApplicationInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CreateCorridorApplication(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiCorridorCommit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorCommitInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	d, err := s.DB.CommitCorridorDraw(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, d)
	return nil
}

func (s *Server) apiCorridorClose(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.CloseCorridorApplications)
}

func (s *Server) apiCorridorDraw(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorDrawInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	d, err := s.DB.RunCorridorDraw(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (s *Server) apiCorridorDraws(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.CorridorDraws)
}

// apiCorridorDrawRecord returns the published draw record: exactly the JSON
// `sinergi corridor verify-draw FILE` accepts.
func (s *Server) apiCorridorDrawRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	did, err := pathID(r, "draw_id")
	if err != nil {
		return err
	}
	rec, err := s.DB.CorridorDrawRecord(r.Context(), id, did)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec)
	return nil
}

func (s *Server) apiCorridorAppeals(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.CorridorAppeals)
}

func (s *Server) apiCreateCorridorAppeal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorAppealInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CreateCorridorAppeal(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiDecideCorridorAppeal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	aid, err := pathID(r, "appeal_id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorAppealDecisionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.DecideCorridorAppeal(r.Context(), id, aid, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

func (s *Server) apiLinkCorridorAgreement(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.CorridorAgreementInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.LinkCorridorAgreement(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func (s *Server) apiUnlinkCorridorAgreement(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	aid, err := pathID(r, "agreement_id")
	if err != nil {
		return err
	}
	c, err := s.DB.UnlinkCorridorAgreement(r.Context(), id, aid)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}
