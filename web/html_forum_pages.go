package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"sinergi"
	"sinergi/store"
)

// The charter form, representatives, meetings and proposals pages.

func (s *Server) charterFormPage(w http.ResponseWriter, r *http.Request, st int, id int64, form url.Values, errs []sinergi.FieldError) error {
	v, err := s.DB.Forum(r.Context(), id)
	if err != nil {
		return err
	}
	if !v.CanManage {
		return sinergi.Forbidden()
	}
	if form == nil {
		c := sinergi.DefaultCharter()
		version := int64(0)
		if v.Charter != nil {
			c, version = v.Charter.Input(), v.Charter.Version
		}
		form = url.Values{"rules": {c.Rules}, "decision_rule": {string(c.DecisionRule)}, "fallback": {string(c.Fallback)},
			"fallback_after_rounds": {strconv.Itoa(c.FallbackAfterRounds)}, "majority_percent": {strconv.Itoa(c.MajorityPercent)},
			"referral_authority": {c.ReferralAuthority}, "quorum": {strconv.Itoa(c.Quorum)}, "vote_unit": {string(c.VoteUnit)},
			"disagree_tolerance": {strconv.Itoa(c.DisagreeTolerance)}, "version": {strconv.FormatInt(version, 10)}}
	}
	s.render(w, r, st, "forum_charter", page{Title: pick(r, "Piagam forum", "Forum charter"), Form: form, Errors: errs, Data: map[string]any{"L": forumLabels{}, "F": v}})
	return nil
}

func (s *Server) charterEdit(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.charterFormPage(w, r, http.StatusOK, id, nil, nil)
}

func (s *Server) charterSave(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	in := sinergi.CharterInput{Rules: f.Get("rules"), DecisionRule: sinergi.DecisionRule(f.Get("decision_rule")), Fallback: sinergi.Fallback(f.Get("fallback")),
		FallbackAfterRounds: formInt(f, "fallback_after_rounds"), MajorityPercent: formInt(f, "majority_percent"), ReferralAuthority: f.Get("referral_authority"),
		Quorum: formInt(f, "quorum"), VoteUnit: sinergi.VoteUnit(f.Get("vote_unit")), DisagreeTolerance: formInt(f, "disagree_tolerance")}
	if _, err := s.DB.SetCharter(r.Context(), id, formVersion(f), in); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.charterFormPage(w, r, http.StatusBadRequest, id, f, errs)
	}
	flash(w, pick(r, "Piagam tersimpan.", "Charter saved."))
	http.Redirect(w, r, "/forums/"+strconv.FormatInt(id, 10)+"#charter", http.StatusSeeOther)
	return nil
}

func (s *Server) repFormPage(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
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
	v, err := s.DB.Forum(r.Context(), id)
	if err != nil {
		return err
	}
	var member *sinergi.ForumMember
	for i := range v.Members {
		if v.Members[i].OrganizationID == org {
			member = &v.Members[i]
		}
	}
	if member == nil {
		return sinergi.NotFound("Anggota forum", "Forum member")
	}
	people, err := s.DB.People(r.Context(), org, "", 0, 200)
	if err != nil {
		return err
	}
	s.render(w, r, st, "forum_rep", page{Title: pick(r, "Perwakilan ", "Representatives of ") + member.OrgName, Form: form, Errors: errs,
		Data: map[string]any{"L": forumLabels{}, "F": v, "M": member, "People": people.Items}})
	return nil
}

func (s *Server) repForm(w http.ResponseWriter, r *http.Request) error {
	return s.repFormPage(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) repAdd(w http.ResponseWriter, r *http.Request) error {
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
	if _, err := s.DB.AddRepresentative(r.Context(), id, org, sinergi.RepresentativeInput{PersonID: formID(f, "person_id"), Acting: sinergi.Acting(f.Get("acting")), ActingFor: f.Get("acting_for")}); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.repFormPage(w, r, http.StatusBadRequest, f, errs)
	}
	flash(w, pick(r, "Perwakilan ditambahkan.", "Representative added."))
	http.Redirect(w, r, "/forums/"+strconv.FormatInt(id, 10)+"#members", http.StatusSeeOther)
	return nil
}

// meetingPageData is what meeting.html and meeting_print.html show.
type meetingPageData struct {
	forumLabels
	M        *store.MeetingView
	Attended map[int64]bool // organisations present
	Present  map[int64]bool // people present
	Open     string
}

func (s *Server) meetingPageWith(w http.ResponseWriter, r *http.Request, st int, name string, form url.Values, errs []sinergi.FieldError, open string) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.DB.Meeting(r.Context(), id)
	if err != nil {
		return err
	}
	d := &meetingPageData{M: m, Attended: map[int64]bool{}, Present: map[int64]bool{}, Open: open}
	for _, a := range m.Attendance {
		d.Attended[a.OrganizationID] = true
		if a.PersonID != nil {
			d.Present[*a.PersonID] = true
		}
	}
	if form == nil {
		form = url.Values{"minutes": {m.Minutes}, "version": {strconv.FormatInt(m.Version, 10)}}
		if m.MinutesPublic {
			form.Set("minutes_public", "1")
		}
	}
	s.render(w, r, st, name, page{Title: pick(r, "Rapat ", "Meeting of ") + m.Forum.Name, Form: form, Errors: errs, Data: d})
	return nil
}

func (s *Server) meetingPage(w http.ResponseWriter, r *http.Request) error {
	return s.meetingPageWith(w, r, http.StatusOK, "meeting", nil, nil, "")
}

func (s *Server) meetingPrint(w http.ResponseWriter, r *http.Request) error {
	return s.meetingPageWith(w, r, http.StatusOK, "meeting_print", nil, nil, "")
}

// meetingForm handles a form posted on the meeting page.
func (s *Server) meetingForm(w http.ResponseWriter, r *http.Request, open, anchor, done string, do func(id int64, f url.Values) error) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	if err := do(id, r.PostForm); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.meetingPageWith(w, r, http.StatusBadRequest, "meeting", r.PostForm, errs, open)
	}
	flash(w, done)
	http.Redirect(w, r, "/meetings/"+strconv.FormatInt(id, 10)+anchor, http.StatusSeeOther)
	return nil
}

func (s *Server) attendanceSave(w http.ResponseWriter, r *http.Request) error {
	return s.meetingForm(w, r, "", "#attendance", pick(r, "Daftar hadir tersimpan.", "Attendance saved."), func(id int64, f url.Values) error {
		in, err := attendanceInput(f)
		if err != nil {
			return err
		}
		_, err = s.DB.SetAttendance(r.Context(), id, in)
		return err
	})
}

func (s *Server) minutesSave(w http.ResponseWriter, r *http.Request) error {
	return s.meetingForm(w, r, "minutes", "#minutes", pick(r, "Notulen tersimpan.", "Minutes saved."), func(id int64, f url.Values) error {
		m, err := s.DB.Meeting(r.Context(), id)
		if err != nil {
			return err
		}
		in := sinergi.MeetingInput{StartsAt: m.StartsAt, TimeZone: m.TimeZone, Mode: m.Mode, Place: m.Place, Agenda: m.Agenda, Minutes: f.Get("minutes"), MinutesPublic: f.Get("minutes_public") != ""}
		_, err = s.DB.UpdateMeeting(r.Context(), id, formVersion(f), in)
		return err
	})
}

func (s *Server) actionAdd(w http.ResponseWriter, r *http.Request) error {
	return s.meetingForm(w, r, "action", "#actions", pick(r, "Tindak lanjut dicatat.", "Action item recorded."), func(id int64, f url.Values) error {
		in := sinergi.ActionItemInput{Title: f.Get("title"), OwnerOrgID: formID(f, "owner_org_id"), Due: f.Get("due")}
		if p := formID(f, "owner_person_id"); p != 0 {
			in.OwnerPersonID = &p
		}
		_, err := s.DB.CreateActionItem(r.Context(), id, in)
		return err
	})
}

func (s *Server) actionDone(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.DB.ActionItem(r.Context(), id)
	if err != nil {
		return err
	}
	in := sinergi.ActionItemInput{Title: a.Title, OwnerOrgID: a.OwnerOrgID, OwnerPersonID: a.OwnerPersonID, Due: a.Due, Status: sinergi.ActionDone,
		DoneOn: time.Now().In(sinergi.Zone("WITA")).Format("2006-01-02")}
	if _, err := s.DB.UpdateActionItem(r.Context(), id, 0, in); err != nil {
		return err
	}
	flash(w, pick(r, "Tindak lanjut ditandai selesai.", "Action item marked done."))
	http.Redirect(w, r, "/meetings/"+strconv.FormatInt(a.MeetingID, 10)+"#actions", http.StatusSeeOther)
	return nil
}
