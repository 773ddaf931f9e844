package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/store"
)

// forumPageData is what forum.html shows.
type forumPageData struct {
	forumLabels
	decideLabels
	F         *store.ForumView
	Meetings  []sinergi.Meeting
	Proposals sinergi.List[sinergi.Proposal]
	Orgs      []sinergi.Organization // for "add a member"
	Pager     pager
	Open      string // the form to open (after errors)
	Now       time.Time
}

func (s *Server) forumsPage(w http.ResponseWriter, r *http.Request) error {
	f, err := forumFilter(r)
	if err != nil {
		f = sinergi.ForumFilter{}
	}
	f.Limit = 50
	l, err := s.DB.Forums(r.Context(), f)
	if err != nil {
		return err
	}
	public := false
	if u := currentUser(r); u != nil {
		if o, err := s.DB.Organization(r.Context(), u.OrganizationID); err == nil {
			public = o.Public
		}
	}
	s.render(w, r, http.StatusOK, "forums", page{Title: pick(r, "Forum kolaborasi", "Collaboration forums"), Data: map[string]any{
		"L": forumLabels{}, "Filter": f, "List": l, "Pager": newPager(r, l.Offset, l.Limit, l.Total), "MeetsAll": f.MeetsAll != nil && *f.MeetsAll,
		"CanCreate": sinergi.CanCreateForum(sinergi.ActorFrom(r.Context()), public) && currentUser(r) != nil}})
	return nil
}

func (s *Server) forumFormPage(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	orgs, err := s.DB.Organizations(r.Context(), sinergi.OrganizationFilter{Public: new(true), Limit: 200})
	if err != nil {
		return err
	}
	s.render(w, r, st, "forum_form", page{Title: pick(r, "Buat forum", "Create a forum"), Form: form, Errors: errs,
		Data: map[string]any{"L": forumLabels{}, "Orgs": orgs.Items, "Admin": sinergi.ActorFrom(r.Context()).IsAdmin()}})
	return nil
}

func (s *Server) forumNew(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	return s.forumFormPage(w, r, http.StatusOK, url.Values{"initiator_org_id": {strconv.FormatInt(u.OrganizationID, 10)}, "visibility": {"public"}}, nil)
}

// parseLegalBasis reads lines "Perpres | 109 | 2020 | Lampiran".
func parseLegalBasis(s string, v *sinergi.Validation) []sinergi.LegalBasis {
	out := []sinergi.LegalBasis{}
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		p := strings.Split(line, "|")
		for len(p) < 4 {
			p = append(p, "")
		}
		l := sinergi.LegalBasis{Type: strings.TrimSpace(p[0]), Number: strings.TrimSpace(p[1]), Article: strings.TrimSpace(p[3])}
		if y := strings.TrimSpace(p[2]); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil {
				v.Add("legal_basis", "Tahun dasar hukum harus angka", "The year of a legal basis must be a number")
			}
			l.Year = n
		}
		out = append(out, l)
	}
	return out
}

func (s *Server) forumCreate(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := r.PostForm
	var v sinergi.Validation
	in := forumInput(form, &v)
	err := v.Err()
	var f *sinergi.Forum
	if err == nil {
		f, err = s.DB.CreateForum(r.Context(), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.forumFormPage(w, r, http.StatusBadRequest, form, errs)
	}
	flash(w, pick(r, "Forum dibuat. Lengkapi piagam dan anggotanya.", "Forum created. Complete its charter and members."))
	http.Redirect(w, r, "/forums/"+strconv.FormatInt(f.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) forumPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.forumPageWith(w, r, http.StatusOK, id, nil, nil, "")
}

// forumPageWith renders the forum page; form, errs and open belong to one
// of its forms that came back with problems.
func (s *Server) forumPageWith(w http.ResponseWriter, r *http.Request, st int, id int64, form url.Values, errs []sinergi.FieldError, open string) error {
	ctx := r.Context()
	v, err := s.DB.Forum(ctx, id)
	if err != nil {
		return err
	}
	d := &forumPageData{F: v, Open: open, Now: time.Now()}
	if d.Meetings, err = s.DB.Meetings(ctx, id); err != nil {
		return err
	}
	offset, _ := queryInt(r, "offset")
	if d.Proposals, err = s.DB.Proposals(ctx, sinergi.ProposalFilter{ForumID: id, Offset: offset, Limit: 20}); err != nil {
		return err
	}
	d.Pager = newPager(r, d.Proposals.Offset, d.Proposals.Limit, d.Proposals.Total)
	if v.CanManage {
		l, err := s.DB.Organizations(ctx, sinergi.OrganizationFilter{Limit: 200})
		if err != nil {
			return err
		}
		d.Orgs = l.Items
	}
	s.render(w, r, st, "forum", page{Title: v.Name, Form: form, Errors: errs, Data: d})
	return nil
}

// forumForm handles a form posted on the forum page: it parses the form,
// runs do, and either redirects to the forum (with a flash) or shows the
// page again with the problems.
func (s *Server) forumForm(w http.ResponseWriter, r *http.Request, open, anchor, done string, do func(id int64, form url.Values) (string, error)) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	next, err := do(id, r.PostForm)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.forumPageWith(w, r, http.StatusBadRequest, id, r.PostForm, errs, open)
	}
	if next == "" {
		next = "/forums/" + strconv.FormatInt(id, 10) + anchor
	}
	flash(w, done)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func formInt(form url.Values, name string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(form.Get(name)))
	return n
}

func formID(form url.Values, name string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(form.Get(name)), 10, 64)
	return n
}

func (s *Server) memberAdd(w http.ResponseWriter, r *http.Request) error {
	return s.forumForm(w, r, "member", "#members", pick(r, "Anggota ditambahkan.", "Member added."), func(id int64, f url.Values) (string, error) {
		_, err := s.DB.AddMember(r.Context(), id, sinergi.MemberInput{OrganizationID: formID(f, "organization_id"), Role: sinergi.MemberRole(f.Get("role"))})
		return "", err
	})
}

func (s *Server) acknowledge(w http.ResponseWriter, r *http.Request) error {
	return s.forumForm(w, r, "", "#cycle", pick(r, "Pemahaman bersama dinyatakan untuk instansi Anda.", "Shared understanding acknowledged for your organisation."), func(id int64, f url.Values) (string, error) {
		_, err := s.DB.Acknowledge(r.Context(), id)
		return "", err
	})
}

func (s *Server) smallWinAdd(w http.ResponseWriter, r *http.Request) error {
	return s.forumForm(w, r, "win", "#cycle", pick(r, "Capaian kecil dicatat.", "Small win recorded."), func(id int64, f url.Values) (string, error) {
		_, err := s.DB.AddSmallWin(r.Context(), id, sinergi.SmallWinInput{Title: f.Get("title"), Description: f.Get("description"), AchievedOn: f.Get("achieved_on")})
		return "", err
	})
}

// localTime reads a date and a time (and a zone) of a form as one instant.
func localTime(f url.Values, date, clock, zone string, v *sinergi.Validation, field string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(f.Get(date))+" "+strings.TrimSpace(f.Get(clock)), sinergi.Zone(f.Get(zone)))
	if err != nil {
		v.Add(field, "Isi tanggal (TTTT-BB-HH) dan jam (JJ:MM)", "Give a date (YYYY-MM-DD) and a time (HH:MM)")
	}
	return t
}

func (s *Server) meetingCreate(w http.ResponseWriter, r *http.Request) error {
	return s.forumForm(w, r, "meeting", "#meetings", pick(r, "Rapat dicatat. Isi daftar hadir dan notulennya.", "Meeting recorded. Fill in its attendance and minutes."), func(id int64, f url.Values) (string, error) {
		var v sinergi.Validation
		at := localTime(f, "date", "time", "time_zone", &v, "starts_at")
		if err := v.Err(); err != nil {
			return "", err
		}
		m, err := s.DB.CreateMeeting(r.Context(), id, sinergi.MeetingInput{StartsAt: at, TimeZone: f.Get("time_zone"), Mode: sinergi.MeetingMode(f.Get("mode")), Place: f.Get("place"), Agenda: f.Get("agenda")})
		if err != nil {
			return "", err
		}
		return "/meetings/" + strconv.FormatInt(m.ID, 10), nil
	})
}

func (s *Server) proposalCreate(w http.ResponseWriter, r *http.Request) error {
	return s.forumForm(w, r, "proposal", "#proposals", pick(r, "Usulan diajukan.", "Proposal tabled."), func(id int64, f url.Values) (string, error) {
		var v sinergi.Validation
		at := localTime(f, "close_date", "close_time", "time_zone", &v, "closes_at")
		method, settings := settingsFromForm(f, &v)
		if err := v.Err(); err != nil {
			return "", err
		}
		p, err := s.DB.CreateProposal(r.Context(), id, sinergi.ProposalInput{Title: f.Get("title"), Body: f.Get("body"), ClosesAt: at, Method: method, Settings: settings})
		if err != nil {
			return "", err
		}
		return "/proposals/" + strconv.FormatInt(p.ID, 10), nil
	})
}
