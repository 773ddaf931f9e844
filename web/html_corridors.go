package web

import (
	"net/http"

	"sinergi"
	"sinergi/region"
	"sinergi/rupiah"
	"sinergi/store"
)

// Corridor programme pages (issue 9). Programmes, plans, draws and appeals
// are public; the application list is for logged-in accounts.

func (s *Server) corridorsPage(w http.ResponseWriter, r *http.Request) error {
	off, _ := queryInt(r, "offset")
	l, err := s.DB.Corridors(r.Context(), off, 50)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "corridors", page{Title: pick(r, "Program koridor", "Corridor programmes"), Data: map[string]any{
		"Items": l.Items, "Total": l.Total, "Pager": newPager(r, l.Offset, l.Limit, l.Total)}})
	return nil
}

type corrStation struct {
	sinergi.CorridorStation
	RegencyName, StatusText string
	Operating               bool
}

type corrZone struct {
	sinergi.CorridorVendorZone
	Station, Tariff string
}

type corrStep struct {
	sinergi.CorridorPlanStep
	CategoryText, StatusText string
}

type corrPlan struct {
	sinergi.CorridorPlan
	Cap   string
	Steps []corrStep
	Zones []corrZone
}

func (s *Server) corridorPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.DB.Corridor(r.Context(), id)
	if err != nil {
		return err
	}
	l := lang(r)
	names := map[int64]string{}
	var stations []corrStation
	operating := 0
	for _, st := range c.Stations {
		names[st.ID] = st.Name
		cs := corrStation{CorridorStation: st, StatusText: sinergi.CorridorStationStatusLabel[st.Status].In(l), Operating: st.Status == sinergi.CorridorStationOperating}
		if rg, ok := region.Lookup(st.RegencyCode); ok {
			cs.RegencyName = rg.Name
		}
		if cs.Operating {
			operating++
		}
		stations = append(stations, cs)
	}
	var plans []corrPlan
	for _, p := range c.Plans {
		cp := corrPlan{CorridorPlan: p, Cap: rupiah.Format(p.TariffCap)}
		for _, st := range p.Steps {
			cp.Steps = append(cp.Steps, corrStep{CorridorPlanStep: st, CategoryText: sinergi.CorridorPlanCategoryLabel[st.Category].In(l), StatusText: sinergi.CorridorStepStatusLabel[st.Status].In(l)})
		}
		for _, z := range p.Zones {
			cz := corrZone{CorridorVendorZone: z, Tariff: rupiah.Format(z.Tariff)}
			if z.StationID != nil {
				cz.Station = names[*z.StationID]
			}
			cp.Zones = append(cp.Zones, cz)
		}
		plans = append(plans, cp)
	}
	var regions []string
	for _, code := range c.Regions {
		if rg, ok := region.Lookup(code); ok {
			regions = append(regions, rg.Name)
		}
	}
	draws, err := s.DB.CorridorDraws(r.Context(), id)
	if err != nil {
		return err
	}
	appeals, err := s.DB.CorridorAppeals(r.Context(), id)
	if err != nil {
		return err
	}
	data := map[string]any{"C": c, "Infra": sinergi.CorridorInfrastructureLabel[c.Infrastructure].In(l), "Stations": stations, "Operating": operating,
		"Planned": len(stations) - operating, "Plans": plans, "Regions": regions, "Draws": draws.Items, "Appeals": appeals.Items,
		"Outcome": func(o sinergi.CorridorAppealOutcome) string { return sinergi.CorridorAppealOutcomeLabel[o].In(l) },
		"Manager": store.CanManageCorridor(r.Context(), c)}
	if sinergi.ActorFrom(r.Context()).Authenticated() {
		off, _ := queryInt(r, "offset")
		apps, err := s.DB.CorridorApplications(r.Context(), id, off, 50)
		if err != nil {
			return err
		}
		type appRow struct {
			sinergi.CorridorApplication
			SizeText, StationText string
		}
		var rows []appRow
		for _, a := range apps.Items {
			row := appRow{CorridorApplication: a, SizeText: sinergi.CorridorSizeLabel[a.Size].In(l)}
			for i, sid := range a.Stations {
				if i > 0 {
					row.StationText += " › "
				}
				row.StationText += names[sid]
			}
			rows = append(rows, row)
		}
		data["Apps"], data["AppsTotal"], data["Pager"] = rows, apps.Total, newPager(r, apps.Offset, apps.Limit, apps.Total)
	}
	s.render(w, r, http.StatusOK, "corridor", page{Title: c.Name, Data: data})
	return nil
}

func (s *Server) corridorDrawPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	did, err := pathID(r, "draw_id")
	if err != nil {
		return err
	}
	c, err := s.DB.Corridor(r.Context(), id)
	if err != nil {
		return err
	}
	rec, err := s.DB.CorridorDrawRecord(r.Context(), id, did)
	if err != nil {
		return err
	}
	biz, err := s.DB.CorridorBusinesses(r.Context(), id)
	if err != nil {
		return err
	}
	l := lang(r)
	tierText := map[int]string{1: pick(r, "Domisili di kabupaten/kota stasiun", "Domicile in the station's regency"),
		2: pick(r, "Domisili di daerah koridor", "Domicile in the corridor's regions"), 3: pick(r, "Domisili lain", "Other domicile")}
	type row struct {
		N                                    int
		AppID                                int64
		Business, Domicile, Size, Tier, Frch string
	}
	type station struct {
		Name           string
		Kiosks         int
		Winners, Queue []row
		QueueMore      int
	}
	byID := map[int64]*station{}
	var list []*station
	for _, st := range rec.Inputs.Stations {
		if st.Kiosks == 0 {
			continue
		}
		x := &station{Name: st.Name, Kiosks: st.Kiosks}
		byID[st.ID] = x
		list = append(list, x)
	}
	mk := func(n int, app int64, tier int) row {
		b := biz[app]
		fr := ""
		if b.LocalFranchise {
			fr = pick(r, "Waralaba lokal", "Local franchise")
		}
		return row{N: n, AppID: app, Business: b.BusinessName, Domicile: b.DomicileName, Size: sinergi.CorridorSizeLabel[b.Size].In(l), Tier: tierText[tier], Frch: fr}
	}
	for _, a := range rec.Result.Assignments {
		if x := byID[a.StationID]; x != nil {
			x.Winners = append(x.Winners, mk(a.Kiosk, a.ApplicationID, a.Tier))
		}
	}
	for _, wt := range rec.Result.Waiting {
		if x := byID[wt.StationID]; x != nil {
			if len(x.Queue) < 20 {
				x.Queue = append(x.Queue, mk(wt.Rank, wt.ApplicationID, wt.Tier))
			} else {
				x.QueueMore++
			}
		}
	}
	s.render(w, r, http.StatusOK, "corridor_draw", page{Title: pick(r, "Hasil undian kios", "Kiosk draw result") + " — " + c.Name, Data: map[string]any{
		"C": c, "Rec": rec, "Stations": list, "Rule": string(rec.Inputs.Rules.Franchise)}})
	return nil
}
