package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

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
	return s.renderCorridor(w, r, http.StatusOK, id, nil, nil)
}

// renderCorridor renders the programme page; a form that failed comes back
// with its errors and input.
func (s *Server) renderCorridor(w http.ResponseWriter, r *http.Request, status int, id int64, errs []sinergi.FieldError, form url.Values) error {
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
	type corrAgreement struct {
		sinergi.CorridorAgreement
		KindText string
	}
	var ags []corrAgreement
	for _, a := range c.Agreements {
		ags = append(ags, corrAgreement{CorridorAgreement: a, KindText: sinergi.AgreementKindLabel[a.Kind].In(l)})
	}
	data["Agreements"] = ags
	if data["Manager"] == true {
		cands, err := s.DB.CorridorAgreementCandidates(r.Context(), 200)
		if err != nil {
			return err
		}
		var opts []corrAgreement
		for _, a := range cands {
			if !slices.ContainsFunc(c.Agreements, func(x sinergi.CorridorAgreement) bool { return x.AgreementID == a.AgreementID }) {
				opts = append(opts, corrAgreement{CorridorAgreement: a, KindText: sinergi.AgreementKindLabel[a.Kind].In(l)})
			}
		}
		data["Candidates"] = opts
		var pending *sinergi.CorridorDraw
		for i := range draws.Items {
			if draws.Items[i].Status == "committed" {
				pending = &draws.Items[i]
			}
		}
		data["Pending"], data["CanCommit"] = pending, len(draws.Items) == 0 && c.ApplicationsOpen
		data["Zone"] = "WITA"
	}
	corridorFormData(r, c, data)
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
	s.render(w, r, status, "corridor", page{Title: c.Name, Data: data, Errors: errs, Form: form})
	return nil
}

// corridorAction runs a manager's form on the programme page: on success a
// flash and back to the page; on a domain error the page again with the
// errors and the input kept.
func (s *Server) corridorAction(w http.ResponseWriter, r *http.Request, ok, anchor string, do func(id int64, f url.Values) error) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	if err := do(id, r.PostForm); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.renderCorridor(w, r, http.StatusBadRequest, id, errs, r.PostForm)
	}
	flash(w, ok)
	http.Redirect(w, r, "/corridors/"+strconv.FormatInt(id, 10)+anchor, http.StatusSeeOther)
	return nil
}

func corridorFormID(f url.Values, field string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(f.Get(field)), 10, 64)
	return n
}

func (s *Server) corridorLinkAgreement(w http.ResponseWriter, r *http.Request) error {
	return s.corridorAction(w, r, pick(r, "Kerja sama ditautkan ke program.", "Agreement linked to the programme."), "#agreements", func(id int64, f url.Values) error {
		_, err := s.DB.LinkCorridorAgreement(r.Context(), id, sinergi.CorridorAgreementInput{AgreementID: corridorFormID(f, "agreement_id")})
		return err
	})
}

func (s *Server) corridorUnlinkAgreement(w http.ResponseWriter, r *http.Request) error {
	aid, err := pathID(r, "agreement_id")
	if err != nil {
		return err
	}
	return s.corridorAction(w, r, pick(r, "Tautan kerja sama dilepas; kerja samanya tetap tercatat.", "Agreement unlinked; the agreement itself stays on record."), "#agreements", func(id int64, f url.Values) error {
		_, err := s.DB.UnlinkCorridorAgreement(r.Context(), id, aid)
		return err
	})
}

// corridorCommit publishes the commitment; the closing time is entered in
// WITA (the corridor's zone).
func (s *Server) corridorCommit(w http.ResponseWriter, r *http.Request) error {
	return s.corridorAction(w, r, pick(r, "Komitmen undian dipublikasikan.", "Draw commitment published."), "#draws", func(id int64, f url.Values) error {
		in := sinergi.CorridorCommitInput{Commitment: strings.ToLower(strings.TrimSpace(f.Get("commitment")))}
		if v := strings.TrimSpace(f.Get("applications_close_at")); v != "" {
			t, err := time.ParseInLocation("2006-01-02T15:04", v, sinergi.Zone("WITA"))
			if err != nil {
				var vd sinergi.Validation
				vd.Add("applications_close_at", "Waktu penutupan harus tanggal dan jam", "The closing time must be a date and time")
				return vd.Err()
			}
			in.ApplicationsCloseAt = t
		}
		if f.Get("confirm") != "yes" {
			var vd sinergi.Validation
			vd.Add("confirm", "Centang konfirmasi: komitmen tidak dapat diubah setelah dipublikasikan", "Tick the confirmation: the commitment cannot be changed once published")
			return vd.Err()
		}
		_, err := s.DB.CommitCorridorDraw(r.Context(), id, in)
		return err
	})
}

func (s *Server) corridorClose(w http.ResponseWriter, r *http.Request) error {
	return s.corridorAction(w, r, pick(r, "Pendaftaran ditutup.", "Applications closed."), "#draws", func(id int64, f url.Values) error {
		_, err := s.DB.CloseCorridorApplications(r.Context(), id)
		return err
	})
}

func (s *Server) corridorRunDraw(w http.ResponseWriter, r *http.Request) error {
	return s.corridorAction(w, r, pick(r, "Undian dilaksanakan; hasilnya dipublikasikan.", "Draw held; the result is published."), "#draws", func(id int64, f url.Values) error {
		if f.Get("confirm") != "yes" {
			var vd sinergi.Validation
			vd.Add("confirm", "Centang konfirmasi: hasil undian final dan dipublikasikan", "Tick the confirmation: the draw result is final and published")
			return vd.Err()
		}
		_, err := s.DB.RunCorridorDraw(r.Context(), id, sinergi.CorridorDrawInput{Seed: strings.ToLower(strings.TrimSpace(f.Get("seed")))})
		return err
	})
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
