package web

import (
	"net/http"
	"time"

	"sinergi"
)

var zeroTime time.Time

// apiTrends is GET /api/v1/analytics/trends?org_id=&from=&to= (issue 6
// item 5): the network per quarter, for one organisation or all.
func (s *Server) apiTrends(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v sinergi.Validation
	orgID := queryID(r, "org_id", &v)
	var from, to time.Time
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}} {
		if sv := q.Get(p.name); sv != "" {
			d, err := time.Parse(time.DateOnly, sv)
			if err != nil || d.Year() < 1945 || d.Year() > 2100 {
				v.Add(p.name, p.name+" harus tanggal YYYY-MM-DD (1945–2100)", p.name+" must be a date YYYY-MM-DD (1945–2100)")
			}
			*p.dst = d
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	t, err := s.activityTrends(r.Context(), orgID, from, to)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}
