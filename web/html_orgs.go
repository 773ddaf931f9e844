package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
)

func (s *Server) organizationsPage(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		f = sinergi.OrganizationFilter{}
	}
	l, err := s.DB.Organizations(r.Context(), f)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "organizations", page{Title: pick(r, "Instansi", "Organisations"), Data: map[string]any{
		"Filter": f, "List": l, "Sectors": sinergi.Sectors, "Pager": newPager(r, l.Offset, l.Limit, l.Total)}})
	return nil
}

// optID parses an optional id field of a form.
func optID(form url.Values, name string, v *sinergi.Validation) *int64 {
	s := strings.TrimSpace(form.Get(name))
	if s == "" {
		return nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		v.Add(name, "Harus berupa nomor ID", "Must be an id number")
		return nil
	}
	return &id
}

// parseForm reads a posted form of modest size.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		return sinergi.Errorf(sinergi.CodeInvalid, "Formulir tidak dapat dibaca", "The form cannot be read")
	}
	return nil
}

// postedTo is the start of a form posted to a record's page: a signed-in
// user, the record's id from the path, and the form read.
func postedTo(w http.ResponseWriter, r *http.Request) (int64, error) {
	if _, err := requireUser(r); err != nil {
		return 0, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return 0, err
	}
	return id, parseForm(w, r)
}

func formVersion(form url.Values) int64 {
	v, _ := strconv.ParseInt(form.Get("version"), 10, 64)
	return v
}

func orgForm(org *sinergi.Organization) url.Values {
	f := url.Values{"name": {org.Name}, "acronym": {org.Acronym}, "sector": {string(org.Sector)}, "region_code": {org.RegionCode},
		"version": {strconv.FormatInt(org.Version, 10)}}
	if org.ParentID != nil {
		f.Set("parent_id", strconv.FormatInt(*org.ParentID, 10))
	}
	return f
}

func (s *Server) organizationFormPage(w http.ResponseWriter, r *http.Request, st int, title, cancel string, form url.Values, errs []sinergi.FieldError) {
	s.render(w, r, st, "organization_form", page{Title: title, Form: form, Errors: errs,
		Data: map[string]any{"Sectors": sinergi.Sectors, "Cancel": cancel}})
}

func (s *Server) organizationNew(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if !sinergi.CanCreateOrganization(sinergi.ActorFrom(r.Context())) {
		return sinergi.Forbidden()
	}
	s.organizationFormPage(w, r, http.StatusOK, pick(r, "Tambah instansi", "Add organisation"), "/organizations", url.Values{}, nil)
	return nil
}

func orgInput(form url.Values, v *sinergi.Validation) sinergi.OrganizationInput {
	return sinergi.OrganizationInput{Name: form.Get("name"), Acronym: form.Get("acronym"), Sector: sinergi.Sector(form.Get("sector")),
		RegionCode: form.Get("region_code"), ParentID: optID(form, "parent_id", v)}
}

func (s *Server) organizationCreate(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var v sinergi.Validation
	in := orgInput(r.PostForm, &v)
	err := v.Err()
	var o *sinergi.Organization
	if err == nil {
		o, err = s.DB.CreateOrganization(r.Context(), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		s.organizationFormPage(w, r, http.StatusBadRequest, pick(r, "Tambah instansi", "Add organisation"), "/organizations", r.PostForm, errs)
		return nil
	}
	flash(w, pick(r, "Instansi tersimpan.", "Organisation saved."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) organizationPage(w http.ResponseWriter, r *http.Request) error {
	s.orgPage(w, r, http.StatusOK, nil, nil)
	return nil
}

// orgPage renders an organisation with its units; form and errs belong to
// the "add a unit" form when it came back with problems.
func (s *Server) orgPage(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) {
	if err := s.orgPageErr(w, r, st, form, errs); err != nil {
		s.htmlError(w, r, err)
	}
}

func (s *Server) orgPageErr(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.DB.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	units, err := s.DB.Units(r.Context(), id)
	if err != nil {
		return err
	}
	children, err := s.DB.Organizations(r.Context(), sinergi.OrganizationFilter{ParentID: id, Limit: 200})
	if err != nil {
		return err
	}
	var parent *sinergi.Organization
	if o.ParentID != nil {
		parent, _ = s.DB.Organization(r.Context(), *o.ParentID)
	}
	s.render(w, r, st, "organization", page{Title: o.Name, Form: form, Errors: errs, Data: map[string]any{
		"Org": o, "Units": units, "Children": children, "Parent": parent, "UnitKinds": unitKindLabels(), "UnitKindList": sinergi.UnitKinds,
		"CanManage": sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), id) && currentUser(r) != nil,
		"Findings":  s.orgFindings(r, id), "Trends": s.trendsFor(r, id, zeroTime, zeroTime)}})
	return nil
}

func unitKindLabels() map[sinergi.UnitKind]sinergi.Text {
	m := map[sinergi.UnitKind]sinergi.Text{}
	for _, k := range sinergi.UnitKinds {
		m[k.Code] = k.Label
	}
	return m
}

func (s *Server) organizationEdit(w http.ResponseWriter, r *http.Request) error {
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
	if !sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), id) {
		return sinergi.Forbidden()
	}
	s.organizationFormPage(w, r, http.StatusOK, pick(r, "Ubah instansi", "Edit organisation"), "/organizations/"+strconv.FormatInt(id, 10), orgForm(o), nil)
	return nil
}

func (s *Server) organizationSave(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	var v sinergi.Validation
	in := orgInput(r.PostForm, &v)
	err = v.Err()
	if err == nil {
		_, err = s.DB.UpdateOrganization(r.Context(), id, formVersion(r.PostForm), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		s.organizationFormPage(w, r, http.StatusBadRequest, pick(r, "Ubah instansi", "Edit organisation"), "/organizations/"+strconv.FormatInt(id, 10), r.PostForm, errs)
		return nil
	}
	flash(w, pick(r, "Perubahan tersimpan.", "Changes saved."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

func unitInput(form url.Values, v *sinergi.Validation) sinergi.UnitInput {
	return sinergi.UnitInput{Name: form.Get("name"), Kind: sinergi.UnitKind(form.Get("kind")), ParentID: optID(form, "parent_id", v)}
}

func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	var v sinergi.Validation
	in := unitInput(r.PostForm, &v)
	err = v.Err()
	if err == nil {
		_, err = s.DB.CreateUnit(r.Context(), id, in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		s.orgPage(w, r, http.StatusBadRequest, r.PostForm, errs)
		return nil
	}
	flash(w, pick(r, "Unit kerja ditambahkan.", "Unit added."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(id, 10)+"#units", http.StatusSeeOther)
	return nil
}

func (s *Server) unitFormPage(w http.ResponseWriter, r *http.Request, st int, u *sinergi.Unit, form url.Values, errs []sinergi.FieldError) error {
	o, err := s.DB.Organization(r.Context(), u.OrganizationID)
	if err != nil {
		return err
	}
	units, err := s.DB.Units(r.Context(), u.OrganizationID)
	if err != nil {
		return err
	}
	others := units[:0:0]
	for _, x := range units {
		if x.ID != u.ID {
			others = append(others, x)
		}
	}
	s.render(w, r, st, "unit_form", page{Title: pick(r, "Ubah unit kerja", "Edit unit"), Form: form, Errors: errs,
		Data: map[string]any{"Org": o, "Units": others, "UnitKindList": sinergi.UnitKinds}})
	return nil
}

func (s *Server) loadUnitForManage(r *http.Request) (*sinergi.Unit, error) {
	if _, err := requireUser(r); err != nil {
		return nil, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	u, err := s.DB.Unit(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !sinergi.CanManageOrganization(sinergi.ActorFrom(r.Context()), u.OrganizationID) {
		return nil, sinergi.Forbidden()
	}
	return u, nil
}

func (s *Server) unitEdit(w http.ResponseWriter, r *http.Request) error {
	u, err := s.loadUnitForManage(r)
	if err != nil {
		return err
	}
	form := url.Values{"name": {u.Name}, "kind": {string(u.Kind)}, "version": {strconv.FormatInt(u.Version, 10)}}
	if u.ParentID != nil {
		form.Set("parent_id", strconv.FormatInt(*u.ParentID, 10))
	}
	return s.unitFormPage(w, r, http.StatusOK, u, form, nil)
}

func (s *Server) unitSave(w http.ResponseWriter, r *http.Request) error {
	u, err := s.loadUnitForManage(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var v sinergi.Validation
	in := unitInput(r.PostForm, &v)
	err = v.Err()
	if err == nil {
		_, err = s.DB.UpdateUnit(r.Context(), u.ID, formVersion(r.PostForm), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.unitFormPage(w, r, http.StatusBadRequest, u, r.PostForm, errs)
	}
	flash(w, pick(r, "Unit kerja tersimpan.", "Unit saved."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(u.OrganizationID, 10)+"#units", http.StatusSeeOther)
	return nil
}

func (s *Server) unitDeleteConfirm(w http.ResponseWriter, r *http.Request) error {
	u, err := s.loadUnitForManage(r)
	if err != nil {
		return err
	}
	back := "/organizations/" + strconv.FormatInt(u.OrganizationID, 10) + "#units"
	s.render(w, r, http.StatusOK, "confirm_delete", page{Title: pick(r, "Hapus unit kerja?", "Delete unit?"), Data: map[string]any{
		"What":        pick(r, "Unit kerja “"+u.Name+"” akan dihapus.", "The unit “"+u.Name+"” will be deleted."),
		"Consequence": pick(r, "Orang di unit ini tetap terdaftar di instansi, tanpa unit. Unit yang masih memiliki sub-unit tidak dapat dihapus. Penghapusan tercatat di jejak audit.", "People in this unit stay in the organisation, without a unit. A unit with sub-units cannot be deleted. The deletion is recorded in the audit log."),
		"Action":      "/units/" + strconv.FormatInt(u.ID, 10) + "/delete", "Cancel": back}})
	return nil
}

func (s *Server) unitDelete(w http.ResponseWriter, r *http.Request) error {
	u, err := s.loadUnitForManage(r)
	if err != nil {
		return err
	}
	if err := s.DB.DeleteUnit(r.Context(), u.ID); err != nil {
		if sinergi.ErrorCode(err) == sinergi.CodeConflict {
			flash(w, err.(*sinergi.Error).Msg.In(lang(r)))
			http.Redirect(w, r, "/organizations/"+strconv.FormatInt(u.OrganizationID, 10)+"#units", http.StatusSeeOther)
			return nil
		}
		return err
	}
	flash(w, pick(r, "Unit kerja “"+u.Name+"” dihapus.", "Unit “"+u.Name+"” deleted."))
	http.Redirect(w, r, "/organizations/"+strconv.FormatInt(u.OrganizationID, 10)+"#units", http.StatusSeeOther)
	return nil
}
