package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/sheet"
)

// activityFilter reads the list filters of GET /api/v1/activities.
func activityFilter(r *http.Request) (sinergi.ActivityFilter, error) {
	q := r.URL.Query()
	f := sinergi.ActivityFilter{Type: sinergi.ActivityType(strings.TrimSpace(q.Get("type"))), From: q.Get("from"), To: q.Get("to")}
	var v sinergi.Validation
	for _, name := range []string{"org_id", "organization_id"} {
		if id := queryID(r, name, &v); id != 0 {
			f.OrgID = id
		}
	}
	if f.Type != "" {
		if _, ok := sinergi.LookupActivityType(f.Type); !ok {
			v.Add("type", "Jenis kegiatan tidak dikenal", "Unknown activity type")
		}
	}
	for name, s := range map[string]string{"from": f.From, "to": f.To} {
		if s != "" {
			if _, err := time.Parse(time.DateOnly, s); err != nil {
				v.Add(name, name+" harus berformat YYYY-MM-DD", name+" must be YYYY-MM-DD")
			}
		}
	}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return f, err
	}
	return f, v.Err()
}

func (s *Server) apiActivities(w http.ResponseWriter, r *http.Request) error {
	f, err := activityFilter(r)
	if err != nil {
		return err
	}
	l, err := s.DB.Activities(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiCreateActivity(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.ActivityInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CreateActivity(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/activities/"+strconv.FormatInt(a.ID, 10))
	w.Header().Set("ETag", etag(a.Version))
	writeJSON(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.DB.Activity(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(a.Version))
	writeJSON(w, http.StatusOK, a)
	return nil
}

// networkQuery reads the window since/until (YYYY-MM-DD) and the level
// (unit, organization, sector; default organization) of the network
// analysis.
func networkQuery(r *http.Request) (time.Time, time.Time, network.Level, error) {
	var since, until time.Time
	var v sinergi.Validation
	level, err := network.ParseLevel(r.URL.Query().Get("level"))
	if err != nil {
		v.Add("level", "level harus unit, organization atau sector", "level must be unit, organization or sector")
	}
	if s := r.URL.Query().Get("since"); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			v.Add("since", "since harus berformat YYYY-MM-DD", "since must be YYYY-MM-DD")
		}
		since = t
	}
	if s := r.URL.Query().Get("until"); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			v.Add("until", "until harus berformat YYYY-MM-DD", "until must be YYYY-MM-DD")
		} else {
			until = t.Add(24*time.Hour - time.Microsecond)
		}
	}
	return since, until, level, v.Err()
}

// apiNetwork is the network analysis at one level (issue 6).
func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) error {
	since, until, level, err := networkQuery(r)
	if err != nil {
		return err
	}
	res, err := s.networkAnalysis(r.Context(), since, until, level)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// activityImporter is the bulk import of the activity log (issue 6):
// GET /api/v1/activities/template.xlsx, POST /api/v1/activities/import and
// the page /activities/import.
func (s *Server) activityImporter() *importer {
	return &importer{layout: sheet.Activities, run: s.DB.ImportActivitiesFile, view: importView{
		Path: "/activities/import", Template: "/api/v1/activities/template.xlsx",
		Heading: sinergi.T("Impor kegiatan kolaborasi dari Excel atau CSV", "Import collaboration activities from Excel or CSV"),
		Title:   sinergi.T("Impor kegiatan", "Import activities"),
		Back:    sinergi.T("Analitik jejaring", "Network analytics"), BackHref: "/analytics",
		Noun:   sinergi.T("kegiatan", "activity"),
		Result: sinergi.T("Lihat analitik jejaring", "See the network analytics"), ResultHref: "/analytics"}}
}
