package web

import (
	"net/http"

	"sinergi"
	"sinergi/iku"
)

// semesterParam reads ?semester=YYYY-1|YYYY-2; without it, today's semester.
func (s *Server) semesterParam(r *http.Request) (iku.Semester, error) {
	q := r.URL.Query().Get("semester")
	if q == "" {
		return iku.SemesterOf(s.DB.Now()), nil
	}
	sem, ok := iku.ParseSemester(q)
	if !ok {
		return sem, invalidField("semester", "Semester harus berbentuk TTTT-1 (ganjil, Agustus–Januari) atau TTTT-2 (genap, Februari–Juli), misalnya 2026-1",
			"semester must be YYYY-1 (odd, August–January) or YYYY-2 (even, February–July), e.g. 2026-1")
	}
	return sem, nil
}

func (s *Server) apiUniversity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sem, err := s.semesterParam(r)
	if err != nil {
		return err
	}
	v, err := s.DB.UniversityView(r.Context(), id, sem)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

func (s *Server) apiPartnerCategory(w http.ResponseWriter, r *http.Request) error {
	return byID(w, r, s.DB.OrganizationPartnerCategory)
}

func (s *Server) apiSetPartnerCategory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Category iku.Category `json:"category"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.DB.SetPartnerCategory(r.Context(), id, in.Category)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiActivityTypes(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.DB.AgreementActivityTypes(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(t.Version))
	writeJSON(w, http.StatusOK, t)
	return nil
}

func (s *Server) apiSetActivityTypes(w http.ResponseWriter, r *http.Request) error {
	id, version, err := recordTarget(r)
	if err != nil {
		return err
	}
	var in struct {
		Types []iku.Activity `json:"types"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	t, err := s.DB.SetAgreementActivityTypes(r.Context(), id, version, in.Types)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(t.Version))
	writeJSON(w, http.StatusOK, t)
	return nil
}

// apiIKU6 lists the partner categories with their weights, the activity
// types and the sector defaults: the reference tables of the view. Public.
func (s *Server) apiIKU6(w http.ResponseWriter, r *http.Request) error {
	type cat struct {
		Code       iku.Category `json:"code"`
		Label      sinergi.Text `json:"label"`
		Weight     float64      `json:"weight"`
		WorldClass bool         `json:"world_class"`
	}
	type act struct {
		Code  iku.Activity `json:"code"`
		Label sinergi.Text `json:"label"`
	}
	out := struct {
		Citation   string                          `json:"citation"`
		WeightNote string                          `json:"weight_note"`
		Rule       sinergi.Text                    `json:"rule"`
		Categories []cat                           `json:"categories"`
		Activities []act                           `json:"activities"`
		Sectors    map[sinergi.Sector]iku.Category `json:"sector_defaults"`
	}{Citation: iku.Citation, WeightNote: iku.WeightNote, Rule: iku.Rule, Sectors: map[sinergi.Sector]iku.Category{}}
	for _, c := range iku.Categories {
		out.Categories = append(out.Categories, cat{c.Code, c.Label, c.Weight, c.WorldClass})
	}
	for _, a := range iku.Activities {
		out.Activities = append(out.Activities, act{a.Code, a.Label})
	}
	for _, x := range sinergi.Sectors {
		out.Sectors[x.Code] = iku.FromSector(x.Code)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
