package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/store"
	"sinergi/survey"
)

// JSON API of assessments (issue 8): survey campaigns, Ratner's assessment
// and the obstacle register.

func (s *Server) apiSurveyInstruments(w http.ResponseWriter, r *http.Request) error {
	type inst struct {
		survey.Instrument
		Scale survey.Scale `json:"scale"`
	}
	out := []inst{}
	for _, in := range survey.Instruments() {
		out = append(out, inst{in, in.Scale})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(out)})
	return nil
}

func (s *Server) apiSurveys(w http.ResponseWriter, r *http.Request) error {
	var v sinergi.Validation
	q := r.URL.Query()
	f := store.CampaignFilter{Instrument: q.Get("instrument"), Status: sinergi.CampaignStatus(q.Get("status"))}
	if _, ok := survey.Lookup(f.Instrument); f.Instrument != "" && !ok {
		v.Add("instrument", "Instrumen tidak dikenal", "Unknown instrument")
	}
	if _, ok := sinergi.CampaignStatusLabel[f.Status]; f.Status != "" && !ok {
		v.Add("status", "Status harus scheduled, open atau closed", "Status must be scheduled, open or closed")
	}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	l, err := s.DB.Campaigns(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiCreateSurvey(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.CampaignInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.CreateCampaign(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/surveys/"+strconv.FormatInt(c.ID, 10))
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func (s *Server) apiSurvey(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.Campaign)
}

func (s *Server) apiSurveyResults(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.Results)
}

func (s *Server) apiSurveyRespond(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.ResponseInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.DB.Respond(r.Context(), id, in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiSurveyLinks(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.LinkInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	l, err := s.DB.IssueLinks(r.Context(), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, l)
	return nil
}

// --- Ratner ---

func (s *Server) apiAssessments(w http.ResponseWriter, r *http.Request) error {
	var v sinergi.Validation
	f := store.AssessmentFilter{ForumID: queryID(r, "forum_id", &v), OrgID: queryID(r, "organization_id", &v)}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	l, err := s.DB.Assessments(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiCreateAssessment(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.AssessmentInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	x, err := s.DB.CreateAssessment(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/assessments/"+strconv.FormatInt(x.ID, 10))
	writeJSON(w, http.StatusCreated, x)
	return nil
}

func (s *Server) apiAssessment(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.Assessment)
}

// assessmentPart decodes a stage entry, adds it and answers with the whole
// assessment.
func assessmentPart[T any](s *Server, w http.ResponseWriter, r *http.Request, add func(context.Context, int64, T) (int64, error)) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in T
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if _, err := add(r.Context(), id, in); err != nil {
		return err
	}
	x, err := s.DB.Assessment(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, x)
	return nil
}

func (s *Server) apiAddIssue(w http.ResponseWriter, r *http.Request) error {
	return assessmentPart(s, w, r, s.DB.AddIssue)
}

func (s *Server) apiAddPlanAction(w http.ResponseWriter, r *http.Request) error {
	return assessmentPart(s, w, r, s.DB.AddPlanAction)
}

func (s *Server) apiAddStrategy(w http.ResponseWriter, r *http.Request) error {
	return assessmentPart(s, w, r, s.DB.AddStrategy)
}

// --- obstacles ---

func (s *Server) apiObstacles(w http.ResponseWriter, r *http.Request) error {
	var v sinergi.Validation
	q := r.URL.Query()
	f := store.ObstacleFilter{Status: q.Get("status"), Category: q.Get("category"), OrgID: queryID(r, "organization_id", &v)}
	if _, ok := sinergi.ObstacleStatus[f.Status]; f.Status != "" && !ok {
		v.Add("status", "Status harus open, mitigating atau resolved", "Status must be open, mitigating or resolved")
	}
	if _, ok := sinergi.ObstacleCategoryLabel(sinergi.ObstacleCategory(f.Category)); f.Category != "" && !ok {
		v.Add("category", "Kategori tidak dikenal", "Unknown category")
	}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	l, err := s.DB.Obstacles(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiCreateObstacle(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.ObstacleInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	b, err := s.DB.CreateObstacle(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/obstacles/"+strconv.FormatInt(b.ID, 10))
	w.Header().Set("ETag", etag(b.Version))
	writeJSON(w, http.StatusCreated, b)
	return nil
}

func (s *Server) apiUpdateObstacle(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.Obstacle,
		func(c *sinergi.Obstacle) (sinergi.ObstacleInput, int64) {
			return sinergi.ObstacleInput{Category: c.Category, Description: c.Description, AffectsKind: c.AffectsKind, AffectsID: c.AffectsID,
				AffectsLabel: c.AffectsLabel, Severity: c.Severity, Mitigation: c.Mitigation, Owner: c.Owner, Status: c.Status}, c.Version
		},
		s.DB.UpdateObstacle,
		func(b *sinergi.Obstacle) error { writeVersioned(w, http.StatusOK, b, b.Version); return nil })
}

func (s *Server) apiObstacleProposals(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.DB.ObstacleProposals(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": ps, "total": len(ps)})
	return nil
}

type proposalDecision struct {
	Key        string `json:"key"`
	Mitigation string `json:"mitigation"`
	Owner      string `json:"owner"`
}

func (in *proposalDecision) check() error {
	in.Key = strings.TrimSpace(in.Key)
	if in.Key == "" || len(in.Key) > 200 {
		var v sinergi.Validation
		v.Add("key", "Sebutkan kunci usulan", "Give the proposal's key")
		return v.Err()
	}
	return nil
}

func (s *Server) apiAcceptProposal(w http.ResponseWriter, r *http.Request) error {
	var in proposalDecision
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	b, err := s.DB.AcceptProposal(r.Context(), in.Key, in.Mitigation, in.Owner)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/obstacles/"+strconv.FormatInt(b.ID, 10))
	w.Header().Set("ETag", etag(b.Version))
	writeJSON(w, http.StatusCreated, b)
	return nil
}

func (s *Server) apiDismissProposal(w http.ResponseWriter, r *http.Request) error {
	var in proposalDecision
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	if err := s.DB.DismissProposal(r.Context(), in.Key); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
