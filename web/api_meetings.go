package web

import (
	"net/http"
	"strconv"

	"sinergi"
	"sinergi/store"
)

func (s *Server) apiMeetings(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ms, err := s.DB.Meetings(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sinergi.List[sinergi.Meeting]{Items: ms, Total: len(ms), Limit: len(ms)})
	return nil
}

func (s *Server) writeMeeting(w http.ResponseWriter, r *http.Request, id int64, st int) error {
	m, err := s.DB.Meeting(r.Context(), id)
	if err != nil {
		return err
	}
	if st == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/meetings/"+strconv.FormatInt(id, 10))
	}
	w.Header().Set("ETag", etag(m.Version))
	writeJSON(w, st, m.Meeting)
	return nil
}

func (s *Server) apiCreateMeeting(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.MeetingInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	m, err := s.DB.CreateMeeting(r.Context(), id, in)
	if err != nil {
		return err
	}
	return s.writeMeeting(w, r, m.ID, http.StatusCreated)
}

func (s *Server) apiMeeting(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.writeMeeting(w, r, id, http.StatusOK)
}

func (s *Server) apiUpdateMeeting(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.Meeting,
		func(c *store.MeetingView) (sinergi.MeetingInput, int64) {
			return sinergi.MeetingInput{StartsAt: c.StartsAt, TimeZone: c.TimeZone, Mode: c.Mode, Place: c.Place, Agenda: c.Agenda, Minutes: c.Minutes, MinutesPublic: c.MinutesPublic}, c.Version
		},
		s.DB.UpdateMeeting,
		func(m *sinergi.Meeting) error { return s.writeMeeting(w, r, m.ID, http.StatusOK) })
}

func (s *Server) apiDeleteMeeting(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.DeleteMeeting(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiSetAttendance(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.AttendanceInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if _, err := s.DB.SetAttendance(r.Context(), id, in); err != nil {
		return err
	}
	return s.writeMeeting(w, r, id, http.StatusOK)
}

func (s *Server) apiCreateActionItem(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.ActionItemInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.CreateActionItem(r.Context(), id, in)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(a.Version))
	writeJSON(w, http.StatusCreated, a)
	return nil
}

func (s *Server) apiUpdateActionItem(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.ActionItem,
		func(c *sinergi.ActionItem) (sinergi.ActionItemInput, int64) {
			return sinergi.ActionItemInput{Title: c.Title, OwnerOrgID: c.OwnerOrgID, OwnerPersonID: c.OwnerPersonID, Due: c.Due, Status: c.Status, DoneOn: c.DoneOn}, c.Version
		},
		s.DB.UpdateActionItem,
		func(a *sinergi.ActionItem) error { writeVersioned(w, http.StatusOK, a, a.Version); return nil })
}
