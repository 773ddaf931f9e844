package web

import (
	"net/http"
	"strconv"
	"time"

	"sinergi"
	"sinergi/store"
)

// trendsView is the quarterly table and chart (issue 6 item 5), with its
// texts already in the page's language: the "trends" partial renders it
// on /analytics and on the organisation page.
type trendsView struct {
	Heading, Note string
	Head          []string
	Rows          [][]string
	Chart         *lineChart
	JSON          string // the same figures from the API
}

// trendRowsView turns trends into the table and the chart.
func trendRowsView(t *store.Trends, lg string) *trendsView {
	tr := func(id, en string) string { return sinergi.T(id, en).In(lg) }
	v := &trendsView{Heading: tr("Tren per triwulan", "Trends per quarter"),
		Note: tr("Catatan per triwulan: kegiatan menurut jenis, instansi mitra yang berbeda, bagian ikatan lintas sektor dan indeks E-I (−1 semua ikatan di dalam sektor, +1 semua lintas sektor).",
			"Records per quarter: activities by type, distinct partner organisations, the share of ties across sectors and the E-I index (−1 all ties inside a sector, +1 all across)."),
		Head: []string{tr("Triwulan", "Quarter"), tr("Kegiatan", "Activities")}}
	for _, info := range sinergi.ActivityTypes {
		v.Head = append(v.Head, info.Label.In(lg))
	}
	partners := tr("Instansi aktif", "Active organisations")
	if t.OrgID != 0 {
		partners = tr("Instansi mitra", "Partner organisations")
	}
	v.Head = append(v.Head, partners, tr("Ikatan lintas sektor", "Ties across sectors"), "E-I")
	xs := make([]string, len(t.Quarters))
	acts, parts, share := make([]*float64, len(xs)), make([]*float64, len(xs)), make([]*float64, len(xs))
	opt := func(p *float64, digits int) string {
		if p == nil {
			return "—"
		}
		return dec(*p, digits, lg)
	}
	for i, q := range t.Quarters {
		xs[i] = q.Quarter
		row := []string{q.Quarter, strconv.Itoa(q.Activities)}
		for _, info := range sinergi.ActivityTypes {
			row = append(row, strconv.Itoa(q.ByType[string(info.Code)]))
		}
		cross := "—"
		if q.CrossSectorShare != nil {
			cross = dec(100**q.CrossSectorShare, 0, lg) + "% (" + strconv.Itoa(q.CrossSector) + "/" + strconv.Itoa(q.Ties) + ")"
		}
		v.Rows = append(v.Rows, append(row, strconv.Itoa(q.Partners), cross, opt(q.EI, 2)))
		a, p := float64(q.Activities), float64(q.Partners)
		acts[i], parts[i], share[i] = &a, &p, q.CrossSectorShare
	}
	count := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	v.Chart = drawLines(xs, []chartValues{
		{Name: tr("Kegiatan", "Activities"), Values: acts, Format: count},
		{Name: partners, Values: parts, Format: count},
		{Name: tr("Lintas sektor (%, sumbu kanan)", "Across sectors (%, right axis)"), Values: share, Share: true, Format: func(x float64) string { return dec(100*x, 0, lg) + "%" }},
	})
	v.Chart.Title = v.Heading
	v.Chart.Summary = tr("Garis: jumlah kegiatan dan instansi per triwulan; garis putus-putus: bagian ikatan lintas sektor. Angka tepatnya ada di tabel.",
		"Lines: activities and organisations per quarter; dashed: the share of ties across sectors. The exact figures are in the table.")
	v.JSON = "/api/v1/analytics/trends"
	if t.OrgID != 0 {
		v.JSON += "?org_id=" + strconv.FormatInt(t.OrgID, 10)
	}
	return v
}

// trendsFor is the trends view of one organisation (0: the whole network)
// over the quarters of [from, to] (zero: the last eight quarters), for
// signed-in users; nil otherwise or when it cannot be computed (the page
// must not fail because of it).
func (s *Server) trendsFor(r *http.Request, orgID int64, from, to time.Time) *trendsView {
	if currentUser(r) == nil {
		return nil
	}
	t, err := s.activityTrends(r.Context(), orgID, from, to)
	if err != nil {
		return nil
	}
	return trendRowsView(t, lang(r))
}
