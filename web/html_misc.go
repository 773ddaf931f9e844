package web

import (
	"net/http"

	"sinergi"
	"sinergi/region"
	"sinergi/store"
)

var levelLabels = map[region.Level]sinergi.Text{
	region.Province: sinergi.T("Provinsi", "Province"),
	region.Regency:  sinergi.T("Kabupaten/Kota", "Regency/City"),
	region.District: sinergi.T("Kecamatan", "District"),
	region.Village:  sinergi.T("Desa/Kelurahan", "Village"),
}

func (s *Server) regionsPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	level, _ := region.ParseLevel(q.Get("level"))
	parent := q.Get("parent")
	offset, _ := queryInt(r, "offset")
	query := region.Query{Q: q.Get("q"), Level: level, Parent: parent, Offset: offset, Limit: 50}
	if query.Q == "" && parent == "" && level == "" {
		query.Level = region.Province
	}
	items, total := region.Search(query)
	var path []region.Region
	if p, ok := region.Lookup(parent); ok {
		path = append(region.Ancestors(parent), p)
	}
	type lvl struct {
		Code  region.Level
		Label sinergi.Text
	}
	levels := []lvl{}
	for _, l := range []region.Level{region.Province, region.Regency, region.District, region.Village} {
		levels = append(levels, lvl{l, levelLabels[l]})
	}
	s.render(w, r, http.StatusOK, "regions", page{Title: pick(r, "Wilayah", "Regions"), Data: map[string]any{
		"Items": items, "Total": total, "Q": query.Q, "Level": level, "Levels": levels, "LevelLabels": levelLabels, "Path": path,
		"Pager": newPager(r, max(offset, 0), 50, total)}})
	return nil
}

func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	offset, _ := queryInt(r, "offset")
	l, err := s.DB.AuditEntries(r.Context(), store.AuditFilter{Offset: offset, Limit: 50, Entity: r.URL.Query().Get("entity")})
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "audit", page{Title: pick(r, "Jejak audit", "Audit log"), Data: map[string]any{"List": l, "Pager": newPager(r, l.Offset, l.Limit, l.Total)}})
	return nil
}
