package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"sinergi"
	"sinergi/assist"
)

// orgParam reads ?org=ID, defaulting to the user's organisation; a bad value
// is a 404 like any unknown record.
func orgParam(r *http.Request, u *sinergi.User) (int64, error) {
	s := r.URL.Query().Get("org")
	if s == "" {
		if u.OrganizationID == 0 {
			return 0, sinergi.NotFound("Instansi", "Organisation")
		}
		return u.OrganizationID, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, sinergi.NotFound("Instansi", "Organisation")
	}
	return id, nil
}

func daysText(r *http.Request, p *int) string {
	if p == nil {
		return "—"
	}
	return pick(r, strconv.Itoa(*p)+" hari kerja", strconv.Itoa(*p)+" working days")
}

func rateText(p *float64) string {
	if p == nil {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", *p*100)
}

// assistanceStatsPage is the dashboard of an organisation (/assistance/stats?org=ID).
func (s *Server) assistanceStatsPage(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, err := orgParam(r, u)
	if err != nil {
		return err
	}
	st, err := s.DB.AssistanceStats(r.Context(), id)
	if err != nil {
		return err
	}
	type dir struct {
		Title, Rate, Median, P90, Max     string
		Total, Answered, Blocked, Overdue int
		Statuses                          []struct {
			Label string
			Count int
		}
		Grounds []sinergi.GroundCount
		Role    string
	}
	mk := func(title, role string, d sinergi.AssistanceDirection) dir {
		out := dir{Title: title, Role: role, Rate: rateText(d.AcceptanceRate), Median: daysText(r, d.ResponseDays.Median), P90: daysText(r, d.ResponseDays.P90),
			Max: daysText(r, d.ResponseDays.Max), Total: d.Total, Answered: d.Answered, Blocked: d.BlockedRefusals, Overdue: d.Overdue}
		for _, s := range sinergi.AssistanceStatuses {
			out.Statuses = append(out.Statuses, struct {
				Label string
				Count int
			}{sinergi.AssistanceStatusLabel[s].In(lang(r)), d.ByStatus[s]})
		}
		for _, g := range d.RefusalGrounds {
			g.Label = assist.LetterText(assist.RefusalGrounds, g.Ground).In(lang(r))
			out.Grounds = append(out.Grounds, g)
		}
		return out
	}
	type late struct {
		sinergi.OverdueRequest
		Dir, Due string
	}
	var overdue []late
	for _, o := range st.Overdue {
		l := late{OverdueRequest: o, Dir: pick(r, "Masuk", "Incoming")}
		if o.Direction == "outgoing" {
			l.Dir = pick(r, "Keluar", "Outgoing")
		}
		if d, ok := sinergi.ParseDate(o.DueDate); ok {
			l.Due = FormatDate(d, lang(r))
		}
		overdue = append(overdue, l)
	}
	s.render(w, r, http.StatusOK, "assistance_stats", page{Title: pick(r, "Dasbor Bantuan Kedinasan", "Official assistance dashboard") + " — " + st.OrganizationName, Data: map[string]any{
		"S": st, "Dirs": []dir{mk(pick(r, "Permohonan masuk (kami dimintai bantuan)", "Incoming requests (we are asked)"), "provider", st.Incoming),
			mk(pick(r, "Permohonan keluar (kami meminta bantuan)", "Outgoing requests (we ask)"), "requester", st.Outgoing)},
		"Overdue": overdue, "Days": s.responseDays(), "Mine": id == u.OrganizationID,
		"CanNumber": sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), id)}})
	return nil
}

// assistanceNumberingPage shows, and to the organisation's admins lets set,
// the numbering pattern of its letters (/assistance/numbering?org=ID).
func (s *Server) assistanceNumberingPage(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, err := orgParam(r, u)
	if err != nil {
		return err
	}
	n, err := s.DB.AssistanceNumbering(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderNumbering(w, r, http.StatusOK, n, nil, nil)
}

func numberingForm(n *sinergi.AssistanceNumbering) url.Values {
	return url.Values{"pattern": {n.Pattern}, "agency_code": {n.AgencyCode}, "unit_code": {n.UnitCode}, "archive_code": {n.ArchiveCode},
		"version": {strconv.FormatInt(n.Version, 10)}}
}

func (s *Server) renderNumbering(w http.ResponseWriter, r *http.Request, st int, n *sinergi.AssistanceNumbering, form url.Values, errs []sinergi.FieldError) error {
	if form == nil {
		form = numberingForm(n)
	}
	org, err := s.DB.Organization(r.Context(), n.OrganizationID)
	if err != nil {
		return err
	}
	s.render(w, r, st, "assistance_numbering", page{Title: pick(r, "Penomoran surat Bantuan Kedinasan", "Numbering of official assistance letters"), Form: form, Errors: errs, Data: map[string]any{
		"N": n, "Org": org, "Default": assist.DefaultPattern, "CanManage": sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), n.OrganizationID)}})
	return nil
}

func (s *Server) assistanceNumberingSave(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, err := orgParam(r, u)
	if err != nil {
		return err
	}
	f := r.PostForm
	version := formVersion(f)
	if f.Get("version") == "0" {
		version = -1 // none set when the form was opened
	}
	_, err = s.DB.SetAssistanceNumbering(r.Context(), id, version, sinergi.AssistanceNumberingInput{Pattern: f.Get("pattern"),
		AgencyCode: f.Get("agency_code"), UnitCode: f.Get("unit_code"), ArchiveCode: f.Get("archive_code")})
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		n, err := s.DB.AssistanceNumbering(r.Context(), id)
		if err != nil {
			return err
		}
		return s.renderNumbering(w, r, http.StatusUnprocessableEntity, n, f, errs)
	}
	flash(w, pick(r, "Pola penomoran tersimpan. Surat berikutnya memakai pola ini.", "Numbering pattern saved. The next letters use it."))
	http.Redirect(w, r, "/assistance/numbering?org="+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
