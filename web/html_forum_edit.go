package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/store"
)

// Editing a forum, changing and removing members, removing representatives.

// Day writes a "YYYY-MM-DD" date as "18 November 2026"; anything else is
// shown as it is.
func (forumLabels) Day(lang, s string) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return FormatDate(t, lang)
}

// OrgsPresent counts the organisations on an attendance list (a list may
// name several people of one organisation).
func (forumLabels) OrgsPresent(as []sinergi.Attendee) int {
	seen := map[int64]bool{}
	for _, a := range as {
		seen[a.OrganizationID] = true
	}
	return len(seen)
}

// forumInput reads the fields of the forum form.
func forumInput(form url.Values, v *sinergi.Validation) sinergi.ForumInput {
	org, _ := strconv.ParseInt(form.Get("initiator_org_id"), 10, 64)
	return sinergi.ForumInput{Name: form.Get("name"), InitiatorOrgID: org, Focus: sinergi.ForumFocus(form.Get("focus")), Visibility: sinergi.Visibility(form.Get("visibility")),
		ProblemStatement: form.Get("problem_statement"), Mission: form.Get("mission"), SharedValues: form.Get("shared_values"), Scope: form.Get("scope"),
		LegalBasis: parseLegalBasis(form.Get("legal_basis"), v),
		Profile: sinergi.ForumProfile{Asymmetries: form.Get("asymmetries"), Incentives: form.Get("incentives"), Prehistory: form.Get("prehistory"), InitialTrust: form.Get("initial_trust"),
			Inclusiveness: form.Get("inclusiveness"), Exclusiveness: form.Get("exclusiveness"), GroundRules: form.Get("ground_rules"), Transparency: form.Get("transparency")}}
}

// forumValues is a forum as the values of the forum form.
func forumValues(f *sinergi.Forum) url.Values {
	lines := make([]string, 0, len(f.LegalBasis))
	for _, l := range f.LegalBasis {
		year := ""
		if l.Year > 0 {
			year = strconv.Itoa(l.Year)
		}
		lines = append(lines, l.Type+" | "+l.Number+" | "+year+" | "+l.Article)
	}
	p := f.Profile
	return url.Values{"name": {f.Name}, "initiator_org_id": {strconv.FormatInt(f.InitiatorOrgID, 10)}, "focus": {string(f.Focus)}, "visibility": {string(f.Visibility)},
		"problem_statement": {f.ProblemStatement}, "mission": {f.Mission}, "shared_values": {f.SharedValues}, "scope": {f.Scope}, "legal_basis": {strings.Join(lines, "\n")},
		"asymmetries": {p.Asymmetries}, "incentives": {p.Incentives}, "prehistory": {p.Prehistory}, "initial_trust": {p.InitialTrust},
		"inclusiveness": {p.Inclusiveness}, "exclusiveness": {p.Exclusiveness}, "ground_rules": {p.GroundRules}, "transparency": {p.Transparency},
		"version": {strconv.FormatInt(f.Version, 10)}}
}

// manageableForum loads the forum of the path for someone who may manage it.
func (s *Server) manageableForum(r *http.Request) (*store.ForumView, error) {
	if _, err := requireUser(r); err != nil {
		return nil, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	v, err := s.DB.Forum(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !v.CanManage {
		return nil, sinergi.Forbidden()
	}
	return v, nil
}

func (s *Server) forumEditPage(w http.ResponseWriter, r *http.Request, st int, v *store.ForumView, form url.Values, errs []sinergi.FieldError) error {
	orgs, err := s.DB.Organizations(r.Context(), sinergi.OrganizationFilter{Public: new(true), Limit: 200})
	if err != nil {
		return err
	}
	back := "/forums/" + strconv.FormatInt(v.ID, 10)
	s.render(w, r, st, "forum_form", page{Title: pick(r, "Ubah forum", "Edit forum"), Form: form, Errors: errs,
		Data: map[string]any{"L": forumLabels{}, "Orgs": orgs.Items, "Admin": sinergi.ActorFrom(r.Context()).IsAdmin(), "F": v,
			"Action": back + "/edit", "Cancel": back, "Submit": pick(r, "Simpan perubahan", "Save changes"), "InitiatorName": v.InitiatorName}})
	return nil
}

func (s *Server) forumEdit(w http.ResponseWriter, r *http.Request) error {
	v, err := s.manageableForum(r)
	if err != nil {
		return err
	}
	return s.forumEditPage(w, r, http.StatusOK, v, forumValues(&v.Forum), nil)
}

func (s *Server) forumSave(w http.ResponseWriter, r *http.Request) error {
	v, err := s.manageableForum(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := r.PostForm
	var val sinergi.Validation
	in := forumInput(form, &val)
	if len(val.Fields) > 0 { // show the other problems too
		check := in
		var e *sinergi.Error
		if errors.As(check.Validate(), &e) {
			val.Fields = append(val.Fields, e.Fields...)
		}
	}
	err = val.Err()
	if err == nil {
		_, err = s.DB.UpdateForum(r.Context(), v.ID, formVersion(form), in)
	}
	if err != nil {
		st := http.StatusBadRequest
		if c, ok := status[sinergi.ErrorCode(err)]; ok && c != http.StatusInternalServerError {
			st = c
		}
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.forumEditPage(w, r, st, v, form, errs)
	}
	flash(w, pick(r, "Forum tersimpan.", "Forum saved."))
	http.Redirect(w, r, "/forums/"+strconv.FormatInt(v.ID, 10), http.StatusSeeOther)
	return nil
}

// memberOf finds a member of a forum.
func memberOf(v *store.ForumView, org int64) (*sinergi.ForumMember, error) {
	for i := range v.Members {
		if v.Members[i].OrganizationID == org {
			return &v.Members[i], nil
		}
	}
	return nil, sinergi.NotFound("Anggota forum", "Forum member")
}

func (s *Server) memberRoleSet(w http.ResponseWriter, r *http.Request) error {
	return s.forumForm(w, r, "", "#members", pick(r, "Peran anggota diubah.", "Member's role changed."), func(id int64, f url.Values) (string, error) {
		org, err := pathID(r, "org")
		if err != nil {
			return "", err
		}
		_, err = s.DB.SetMemberRole(r.Context(), id, org, sinergi.MemberRole(f.Get("role")))
		return "", err
	})
}

func (s *Server) memberRemoveConfirm(w http.ResponseWriter, r *http.Request) error {
	v, err := s.manageableForum(r)
	if err != nil {
		return err
	}
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	m, err := memberOf(v, org)
	if err != nil {
		return err
	}
	back := "/forums/" + strconv.FormatInt(v.ID, 10)
	reps := strconv.Itoa(len(m.Representatives))
	s.render(w, r, http.StatusOK, "confirm_delete", page{Title: pick(r, "Keluarkan anggota?", "Remove member?"), Data: map[string]any{
		"What": pick(r, "“"+m.OrgName+"” akan dikeluarkan dari forum “"+v.Name+"”.", "“"+m.OrgName+"” will be removed from the forum “"+v.Name+"”."),
		"Consequence": pick(r, "Instansi ini kehilangan perannya ("+sinergi.MemberRoleLabel[m.Role].In("id")+") dan tidak lagi dapat menyatakan posisi atas usulan; "+reps+" perwakilannya dan pernyataan pemahaman bersamanya dihapus. Posisi, kehadiran dan komentar sebelumnya tetap tercatat. Tindakan ini tercatat di jejak audit.",
			"The organisation loses its role ("+sinergi.MemberRoleLabel[m.Role].In("en")+") and can no longer take positions on proposals; its "+reps+" representative(s) and its acknowledgement of the shared understanding are deleted. Its past positions, attendance and comments stay on record. This is recorded in the audit log."),
		"Action": back + "/members/" + strconv.FormatInt(org, 10) + "/remove", "Cancel": back + "#members"}})
	return nil
}

func (s *Server) memberRemove(w http.ResponseWriter, r *http.Request) error {
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
	back := "/forums/" + strconv.FormatInt(id, 10) + "#members"
	if err := s.DB.RemoveMember(r.Context(), id, org); err != nil {
		if sinergi.ErrorCode(err) == sinergi.CodeConflict {
			flash(w, err.(*sinergi.Error).Msg.In(lang(r)))
			http.Redirect(w, r, back, http.StatusSeeOther)
			return nil
		}
		return err
	}
	flash(w, pick(r, "Anggota dikeluarkan dari forum.", "Member removed from the forum."))
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// representativeOf finds a representative of a forum by id.
func representativeOf(v *store.ForumView, id int64) (*sinergi.ForumMember, *sinergi.Representative, error) {
	for i := range v.Members {
		for j := range v.Members[i].Representatives {
			if v.Members[i].Representatives[j].ID == id {
				return &v.Members[i], &v.Members[i].Representatives[j], nil
			}
		}
	}
	return nil, nil, sinergi.NotFound("Perwakilan", "Representative")
}

func (s *Server) repRemoveConfirm(w http.ResponseWriter, r *http.Request) error {
	v, err := s.manageableForum(r)
	if err != nil {
		return err
	}
	rid, err := pathID(r, "rep")
	if err != nil {
		return err
	}
	m, rep, err := representativeOf(v, rid)
	if err != nil {
		return err
	}
	back := "/forums/" + strconv.FormatInt(v.ID, 10)
	s.render(w, r, http.StatusOK, "confirm_delete", page{Title: pick(r, "Hapus perwakilan?", "Remove representative?"), Data: map[string]any{
		"What": pick(r, rep.PersonName+" tidak lagi mewakili “"+m.OrgName+"” di forum “"+v.Name+"”.", rep.PersonName+" will no longer represent “"+m.OrgName+"” in the forum “"+v.Name+"”."),
		"Consequence": pick(r, "Instansinya tetap anggota forum. Orang ini tetap terdaftar di instansinya; kehadiran dan tindak lanjut sebelumnya tetap tercatat. Tindakan ini tercatat di jejak audit.",
			"The organisation stays a member of the forum. The person stays registered with the organisation; past attendance and action items stay on record. This is recorded in the audit log."),
		"Action": back + "/representatives/" + strconv.FormatInt(rid, 10) + "/remove", "Cancel": back + "#members"}})
	return nil
}

func (s *Server) repRemove(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rid, err := pathID(r, "rep")
	if err != nil {
		return err
	}
	v, err := s.DB.Forum(r.Context(), id)
	if err != nil {
		return err
	}
	if _, _, err := representativeOf(v, rid); err != nil {
		return err
	}
	if err := s.DB.RemoveRepresentative(r.Context(), rid); err != nil {
		return err
	}
	flash(w, pick(r, "Perwakilan dihapus.", "Representative removed."))
	http.Redirect(w, r, "/forums/"+strconv.FormatInt(id, 10)+"#members", http.StatusSeeOther)
	return nil
}

// attendanceInput reads the attendance form: "org" names organisations
// present, "person" (organisation:person) people present; a person present
// brings their organisation.
func attendanceInput(f url.Values) (sinergi.AttendanceInput, error) {
	var in sinergi.AttendanceInput
	withPerson := map[int64]bool{}
	for _, p := range f["person"] {
		o, pid, ok := strings.Cut(p, ":")
		org, err1 := strconv.ParseInt(o, 10, 64)
		person, err2 := strconv.ParseInt(pid, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			var v sinergi.Validation
			v.Add("attendees", "Daftar hadir tidak terbaca", "The attendance list cannot be read")
			return in, v.Err()
		}
		withPerson[org] = true
		in.Attendees = append(in.Attendees, sinergi.AttendeeInput{OrganizationID: org, PersonID: &person})
	}
	for _, o := range f["org"] {
		n, _ := strconv.ParseInt(o, 10, 64)
		if !withPerson[n] {
			withPerson[n] = true
			in.Attendees = append(in.Attendees, sinergi.AttendeeInput{OrganizationID: n})
		}
	}
	return in, nil
}
