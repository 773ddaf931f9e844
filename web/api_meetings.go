package web

import (
	"net/http"
	"strconv"

	"sinergi"
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
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	version, err := ifMatch(r)
	if err != nil {
		return err
	}
	cur, err := s.DB.Meeting(r.Context(), id)
	if err != nil {
		return err
	}
	if version == 0 {
		version = cur.Version
	}
	in := sinergi.MeetingInput{StartsAt: cur.StartsAt, TimeZone: cur.TimeZone, Mode: cur.Mode, Place: cur.Place, Agenda: cur.Agenda, Minutes: cur.Minutes, MinutesPublic: cur.MinutesPublic}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if _, err := s.DB.UpdateMeeting(r.Context(), id, version, in); err != nil {
		return err
	}
	return s.writeMeeting(w, r, id, http.StatusOK)
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
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	version, err := ifMatch(r)
	if err != nil {
		return err
	}
	cur, err := s.DB.ActionItem(r.Context(), id)
	if err != nil {
		return err
	}
	if version == 0 {
		version = cur.Version
	}
	in := sinergi.ActionItemInput{Title: cur.Title, OwnerOrgID: cur.OwnerOrgID, OwnerPersonID: cur.OwnerPersonID, Due: cur.Due, Status: cur.Status, DoneOn: cur.DoneOn}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.DB.UpdateActionItem(r.Context(), id, version, in)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(a.Version))
	writeJSON(w, http.StatusOK, a)
	return nil
}
