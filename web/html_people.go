package web

import (
	"net/http"
	"net/url"
	"strconv"

	"sinergi"
)

func (s *Server) peoplePage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.DB.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	offset, _ := queryInt(r, "offset")
	q := r.URL.Query().Get("q")
	l, err := s.DB.People(r.Context(), id, q, offset, 50)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "people", page{Title: pick(r, "Orang", "People") + " — " + o.Name, Data: map[string]any{
		"Org": o, "List": l, "Q": q, "Pager": newPager(r, l.Offset, l.Limit, l.Total),
		"CanManage": sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), id)}})
	return nil
}

func (s *Server) personFormPage(w http.ResponseWriter, r *http.Request, st int, orgID int64, title string, form url.Values, errs []sinergi.FieldError) error {
	o, err := s.DB.Organization(r.Context(), orgID)
	if err != nil {
		return err
	}
	units, err := s.DB.Units(r.Context(), orgID)
	if err != nil {
		return err
	}
	s.render(w, r, st, "person_form", page{Title: title, Form: form, Errors: errs, Data: map[string]any{"Org": o, "Units": units}})
	return nil
}

func personInput(form url.Values, v *sinergi.Validation) sinergi.PersonInput {
	return sinergi.PersonInput{Name: form.Get("name"), NIP: form.Get("nip"), Position: form.Get("position"), Email: form.Get("email"), UnitID: optID(form, "unit_id", v)}
}

func (s *Server) personNew(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if !sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), id) {
		return sinergi.Forbidden()
	}
	return s.personFormPage(w, r, http.StatusOK, id, pick(r, "Tambah orang", "Add a person"), url.Values{}, nil)
}

func (s *Server) personCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	var v sinergi.Validation
	in := personInput(r.PostForm, &v)
	err = v.Err()
	if err == nil {
		_, err = s.DB.CreatePerson(r.Context(), id, in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.personFormPage(w, r, http.StatusBadRequest, id, pick(r, "Tambah orang", "Add a person"), r.PostForm, errs)
	}
	flash(w, pick(r, "Data orang tersimpan.", "Person saved."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(id, 10)+"/people", http.StatusSeeOther)
	return nil
}

func (s *Server) loadPersonForManage(r *http.Request) (*sinergi.Person, error) {
	if _, err := requireUser(r); err != nil {
		return nil, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	p, err := s.DB.Person(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), p.OrganizationID) {
		return nil, sinergi.Forbidden()
	}
	return p, nil
}

func (s *Server) personEdit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadPersonForManage(r)
	if err != nil {
		return err
	}
	form := url.Values{"name": {p.Name}, "nip": {p.NIP}, "position": {p.Position}, "email": {p.Email}, "version": {strconv.FormatInt(p.Version, 10)}}
	if p.UnitID != nil {
		form.Set("unit_id", strconv.FormatInt(*p.UnitID, 10))
	}
	return s.personFormPage(w, r, http.StatusOK, p.OrganizationID, pick(r, "Ubah data orang", "Edit person"), form, nil)
}

func (s *Server) personSave(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadPersonForManage(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var v sinergi.Validation
	in := personInput(r.PostForm, &v)
	err = v.Err()
	if err == nil {
		_, err = s.DB.UpdatePerson(r.Context(), p.ID, formVersion(r.PostForm), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.personFormPage(w, r, http.StatusBadRequest, p.OrganizationID, pick(r, "Ubah data orang", "Edit person"), r.PostForm, errs)
	}
	flash(w, pick(r, "Perubahan tersimpan.", "Changes saved."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(p.OrganizationID, 10)+"/people", http.StatusSeeOther)
	return nil
}

func (s *Server) personDeleteConfirm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadPersonForManage(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "confirm_delete", page{Title: pick(r, "Hapus data orang?", "Delete person?"), Data: map[string]any{
		"What":        pick(r, p.Name+" akan dihapus dari daftar orang instansi ini.", p.Name+" will be removed from this organisation's people."),
		"Consequence": pick(r, "Akun yang terhubung tetap ada tetapi tidak lagi terhubung ke data orang ini. Data lama tetap tersimpan di jejak audit.", "A linked account stays but is no longer linked to this person. The old record stays in the audit log."),
		"Action":      "/people/" + strconv.FormatInt(p.ID, 10) + "/delete", "Cancel": "/organizations/" + strconv.FormatInt(p.OrganizationID, 10) + "/people"}})
	return nil
}

func (s *Server) personDelete(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadPersonForManage(r)
	if err != nil {
		return err
	}
	if err := s.DB.DeletePerson(r.Context(), p.ID); err != nil {
		return err
	}
	flash(w, pick(r, p.Name+" dihapus.", p.Name+" deleted."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(p.OrganizationID, 10)+"/people", http.StatusSeeOther)
	return nil
}
