package web

import (
	"net/http"
	"strconv"

	"sinergi"
	"sinergi/region"
)

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return sinergi.Errorf(sinergi.CodeNotFound, "Alamat API tidak dikenal: %s %s", "Unknown API route: %s %s", r.Method, r.URL.Path)
}

func (s *Server) apiRegions(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	offset, err := queryInt(r, "offset")
	if err != nil {
		return err
	}
	limit, err := queryInt(r, "limit")
	if err != nil {
		return err
	}
	var level region.Level
	if l := q.Get("level"); l != "" {
		var ok bool
		if level, ok = region.ParseLevel(l); !ok {
			var v sinergi.Validation
			v.Add("level", "Tingkat wilayah harus province, regency, district atau village", "Level must be province, regency, district or village")
			return v.Err()
		}
	}
	// regions page up to 500 at a time (region.Search's own cap)
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	items, total := region.Search(region.Query{Q: q.Get("q"), Level: level, Parent: q.Get("parent"), Offset: offset, Limit: limit})
	writeJSON(w, http.StatusOK, sinergi.List[region.Region]{Items: items, Total: total, Offset: offset, Limit: limit})
	return nil
}

func (s *Server) apiRegion(w http.ResponseWriter, r *http.Request) error {
	reg, ok := region.Lookup(r.PathValue("code"))
	if !ok {
		return sinergi.NotFound("Wilayah", "Region")
	}
	writeJSON(w, http.StatusOK, struct {
		region.Region
		Ancestors []region.Region `json:"ancestors"`
	}{reg, append([]region.Region{}, region.Ancestors(reg.Code)...)})
	return nil
}

func (s *Server) apiSectors(w http.ResponseWriter, r *http.Request) error {
	type sector struct {
		Code   sinergi.Sector `json:"code"`
		Label  string         `json:"label"`
		Public bool           `json:"public"`
	}
	out := []sector{}
	for _, x := range sinergi.Sectors {
		out = append(out, sector{x.Code, x.Label.In(apiLang(r)), x.Public})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// orgFilter reads the list filters shared by the API and the HTML list.
func orgFilter(r *http.Request) (sinergi.OrganizationFilter, error) {
	q := r.URL.Query()
	f := sinergi.OrganizationFilter{Q: q.Get("q"), Sector: sinergi.Sector(q.Get("sector")), RegionCode: q.Get("region")}
	if f.RegionCode == "" {
		f.RegionCode = q.Get("region_code")
	}
	var v sinergi.Validation
	if f.Sector != "" {
		if _, ok := sinergi.LookupSector(f.Sector); !ok {
			v.Add("sector", "Sektor tidak dikenal", "Unknown sector")
		}
	}
	f.Public = queryBool(r, "public", &v)
	f.ParentID = queryID(r, "parent_id", &v)
	if f.RegionCode != "" && !region.Valid(f.RegionCode) {
		v.Add("region", "Kode wilayah tidak dikenal (contoh: 73.09)", "Unknown region code (e.g. 73.09)")
	}
	if len(f.Q) > 200 {
		v.Add("q", "Kata kunci terlalu panjang", "Search text too long")
	}
	var err error
	if f.Offset, f.Limit, err = queryPage(r); err != nil {
		return f, err
	}
	return f, v.Err()
}

// apiOrganizations lists the registry. The registry is public and the same
// for every caller, so pages are cached by the table's data version.
func (s *Server) apiOrganizations(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		return err
	}
	version, err := s.DB.DataVersion(r.Context(), "organizations")
	if err != nil {
		return err
	}
	key := r.URL.RawQuery
	page, ok := s.orgPages.get(version, key)
	if !ok {
		l, err := s.DB.Organizations(r.Context(), f)
		if err != nil {
			return err
		}
		body, err := marshalJSON(l)
		if err != nil {
			return err
		}
		page = s.orgPages.put(version, key, body)
	}
	w.Header().Set("ETag", page.etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && inm == page.etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(page.body)))
	w.Write(page.body)
	return nil
}

func (s *Server) apiOrganization(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.DB.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(o.Version))
	writeJSON(w, http.StatusOK, o)
	return nil
}

func (s *Server) apiCreateOrganization(w http.ResponseWriter, r *http.Request) error {
	var in sinergi.OrganizationInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	o, err := s.DB.CreateOrganization(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/organizations/"+strconv.FormatInt(o.ID, 10))
	w.Header().Set("ETag", etag(o.Version))
	writeJSON(w, http.StatusCreated, o)
	return nil
}

// apiUpdateOrganization merges the JSON body onto the current record
// (RFC 7396 style for these flat fields) and saves it under If-Match.
func (s *Server) apiUpdateOrganization(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.Organization,
		func(c *sinergi.Organization) (sinergi.OrganizationInput, int64) {
			return sinergi.OrganizationInput{Name: c.Name, Acronym: c.Acronym, Sector: c.Sector, RegionCode: c.RegionCode, ParentID: c.ParentID}, c.Version
		},
		s.DB.UpdateOrganization,
		func(o *sinergi.Organization) error { writeVersioned(w, http.StatusOK, o, o.Version); return nil })
}

func (s *Server) apiUnits(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	us, err := s.DB.Units(r.Context(), id)
	if err != nil {
		return err
	}
	if us == nil {
		us = []sinergi.Unit{}
	}
	writeJSON(w, http.StatusOK, sinergi.List[sinergi.Unit]{Items: us, Total: len(us), Limit: len(us)})
	return nil
}

func (s *Server) apiUnit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u, err := s.DB.Unit(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(u.Version))
	writeJSON(w, http.StatusOK, u)
	return nil
}

func (s *Server) apiCreateUnit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.UnitInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	u, err := s.DB.CreateUnit(r.Context(), id, in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/units/"+strconv.FormatInt(u.ID, 10))
	w.Header().Set("ETag", etag(u.Version))
	writeJSON(w, http.StatusCreated, u)
	return nil
}

func (s *Server) apiUpdateUnit(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.Unit,
		func(c *sinergi.Unit) (sinergi.UnitInput, int64) {
			return sinergi.UnitInput{Name: c.Name, Kind: c.Kind, ParentID: c.ParentID}, c.Version
		},
		s.DB.UpdateUnit,
		func(u *sinergi.Unit) error { writeVersioned(w, http.StatusOK, u, u.Version); return nil })
}

func (s *Server) apiDeleteUnit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.DeleteUnit(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiPeople(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	offset, err := queryInt(r, "offset")
	if err != nil {
		return err
	}
	limit, err := queryInt(r, "limit")
	if err != nil {
		return err
	}
	l, err := s.DB.People(r.Context(), id, r.URL.Query().Get("q"), offset, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (s *Server) apiPerson(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Person(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *Server) apiCreatePerson(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sinergi.PersonInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.DB.CreatePerson(r.Context(), id, in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/people/"+strconv.FormatInt(p.ID, 10))
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, http.StatusCreated, p)
	return nil
}

func (s *Server) apiUpdatePerson(w http.ResponseWriter, r *http.Request) error {
	return mergeRecord(w, r, s.DB.Person,
		func(c *sinergi.Person) (sinergi.PersonInput, int64) {
			return sinergi.PersonInput{Name: c.Name, NIP: c.NIP, Position: c.Position, Email: c.Email, UnitID: c.UnitID}, c.Version
		},
		s.DB.UpdatePerson,
		func(p *sinergi.Person) error { writeVersioned(w, http.StatusOK, p, p.Version); return nil })
}

func (s *Server) apiDeletePerson(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.DeletePerson(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
