package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/pdf"
	"sinergi/region"
	"sinergi/rupiah"
)

// corridorPlanPDF is the corridor plan document (issue 9 item 4): the
// collaboration steps of each region, the workforce figures and the kiosk
// allocation — the data-backed answer to the seed's railway question. It is
// public like the programme page; it names businesses, never their owners.
func (s *Server) corridorPlanPDF(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.DB.Corridor(r.Context(), id)
	if err != nil {
		return err
	}
	draws, err := s.DB.CorridorDraws(r.Context(), id)
	if err != nil {
		return err
	}
	appeals, err := s.DB.CorridorAppeals(r.Context(), id)
	if err != nil {
		return err
	}
	lg := lang(r)
	w8 := docWords(lg)
	d, err := pdf.New(pdf.Options{Lang: lg, Title: w8.t("Rencana Kolaborasi Koridor", "Corridor Collaboration Plan") + " — " + c.Name,
		Author: c.OwnerBody, Subject: w8.t("Rencana kolaborasi daerah sepanjang koridor", "Collaboration plan of the regions along the corridor"), Created: c.UpdatedAt})
	if err != nil {
		return err
	}
	regionName := func(code string) string {
		if rg, ok := region.Lookup(code); ok {
			return rg.Name
		}
		return code
	}
	var regions string
	for i, code := range c.Regions {
		if i > 0 {
			regions += "; "
		}
		regions += regionName(code)
	}
	operating := 0
	stationName := map[int64]string{}
	for _, st := range c.Stations {
		stationName[st.ID] = st.Name
		if st.Status == sinergi.CorridorStationOperating {
			operating++
		}
	}
	d.Title(w8.t("RENCANA KOLABORASI KORIDOR", "CORRIDOR COLLABORATION PLAN") + "\n" + c.Name)
	d.KeyValues(
		pdf.KV{Key: w8.t("Infrastruktur", "Infrastructure"), Value: sinergi.CorridorInfrastructureLabel[c.Infrastructure].In(lg)},
		pdf.KV{Key: w8.t("Pemilik", "Owner"), Value: c.OwnerOrgName + orText(corridorPrefixed(" — ", c.OwnerBody), "")},
		pdf.KV{Key: w8.t("Daerah", "Regions"), Value: regions},
		pdf.KV{Key: w8.t("Stasiun", "Stations"), Value: fmt.Sprintf("%d %s, %d %s", operating, w8.t("beroperasi", "operating"), len(c.Stations)-operating, w8.t("direncanakan", "planned"))},
		pdf.KV{Key: w8.t("Permohonan UMKM", "UMKM applications"), Value: strconv.Itoa(c.Applications)},
	)
	if c.Description != "" {
		d.Paragraph(c.Description)
	}
	d.Paragraph(w8.t("Pemanfaatan area stasiun (barang milik negara) diurus melalui pengelola BMN (KPKNL), bukan kerja sama daerah; kerja sama antardaerah adalah kerja sama daerah dengan daerah lain (KSDD); kerja sama daerah dengan DJKA adalah \"sinergi\" (PP 28/2018 Pasal 46).",
		"Use of station areas (state property) goes through the BMN manager (KPKNL), not regional cooperation; region-to-region parts are regional cooperation (KSDD); region-to-DJKA parts are \"sinergi\" (PP 28/2018 Pasal 46)."))

	d.Heading(1, w8.t("Stasiun", "Stations"))
	st := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Stasiun", "Station"), Width: 3}, {Title: w8.t("Kabupaten/kota", "Regency/city"), Width: 4},
		{Title: w8.t("Status", "Status"), Width: 2}, {Title: w8.t("Kios UMKM", "UMKM kiosks"), Width: 1.5, Align: "R"}}}
	for i, x := range c.Stations {
		st.Rows = append(st.Rows, []string{strconv.Itoa(i + 1), x.Name, regionName(x.RegencyCode), sinergi.CorridorStationStatusLabel[x.Status].In(lg), strconv.Itoa(x.Kiosks)})
	}
	d.Table(st)

	d.Heading(1, w8.t("Tenaga kerja lokal", "Local workforce"))
	wf := pdf.Table{Columns: []pdf.Column{{Title: w8.t("Daerah", "Region"), Width: 4}, {Title: w8.t("Target lokal", "Local target"), Width: 2, Align: "R"},
		{Title: w8.t("Tenaga kerja", "Workers"), Width: 2, Align: "R"}, {Title: w8.t("Lokal", "Local"), Width: 2, Align: "R"}, {Title: w8.t("Porsi lokal", "Local share"), Width: 2, Align: "R"}}}
	for _, p := range c.Plans {
		share := "—"
		if p.HiredTotal > 0 {
			share = strconv.FormatFloat(p.LocalShare, 'f', 1, 64) + "%"
			if lg != "en" {
				share = strings.Replace(share, ".", ",", 1)
			}
			if p.LocalShare < float64(p.HiringTarget) {
				share += " " + w8.t("(di bawah target)", "(below target)")
			}
		}
		wf.Rows = append(wf.Rows, []string{p.RegionName, strconv.Itoa(p.HiringTarget) + "%", formatInt(int64(p.HiredTotal)), formatInt(int64(p.HiredLocal)), share})
	}
	if len(wf.Rows) == 0 {
		d.Paragraph(w8.t("Belum ada rencana daerah.", "No regional plans yet."))
	} else {
		d.Table(wf)
	}

	d.Heading(1, w8.t("Langkah kolaborasi per daerah", "Collaboration steps of each region"))
	for _, p := range c.Plans {
		d.Heading(2, p.RegionName)
		if p.Note != "" {
			d.Paragraph(p.Note)
		}
		if len(p.Steps) > 0 {
			t := pdf.Table{Columns: []pdf.Column{{Title: w8.t("Langkah", "Step"), Width: 4}, {Title: w8.t("Kategori", "Category"), Width: 2.5},
				{Title: w8.t("Penanggung jawab", "Owner"), Width: 3}, {Title: w8.t("Jadwal", "Dates"), Width: 3}, {Title: w8.t("Status", "Status"), Width: 2.3}}}
			for _, x := range p.Steps {
				t.Rows = append(t.Rows, []string{x.Title, sinergi.CorridorPlanCategoryLabel[x.Category].In(lg), x.Owner,
					dayOf(x.StartDate, lg) + " – " + dayOf(x.DueDate, lg), sinergi.CorridorStepStatusLabel[x.Status].In(lg)})
			}
			d.Table(t)
		}
		if len(p.Zones) > 0 {
			t := pdf.Table{Caption: w8.t("Zona pedagang dan retribusi per bulan; batas tarif ", "Vendor zones and monthly retribution; tariff cap ") + rupiah.Format(p.TariffCap),
				Columns: []pdf.Column{{Title: w8.t("Zona", "Zone"), Width: 4}, {Title: w8.t("Stasiun", "Station"), Width: 3.3}, {Title: w8.t("Tarif", "Tariff"), Width: 2.2, Align: "R"}, {Title: w8.t("Catatan", "Note"), Width: 2.5}}}
			for _, z := range p.Zones {
				note := ""
				if z.OverCap {
					note = w8.t("Melebihi batas", "Above the cap")
				}
				name := "—"
				if z.StationID != nil {
					name = stationName[*z.StationID]
				}
				t.Rows = append(t.Rows, []string{z.Name, name, rupiah.Format(z.Tariff), note})
			}
			d.Table(t)
		}
	}

	d.Heading(1, w8.t("Alokasi kios stasiun untuk UMKM", "Station kiosks for UMKM"))
	d.Paragraph(w8.t("Aturan prioritas: domisili di kabupaten/kota stasiun lebih dahulu, lalu di daerah koridor, lalu lainnya; usaha mikro sebelum kecil sebelum menengah; waralaba lokal menurut aturan program (",
		"Priority rules: domicile in the station's regency first, then in the corridor's regions, then others; micro before small before medium; local franchises as the programme's rule says (") +
		string(c.FranchiseRule) + w8.t("); satu kios per usaha. Urutan yang setara ditentukan undian terverifikasi: komitmen SHA-256 atas benih rahasia dipublikasikan sebelum pendaftaran ditutup, benih dibuka saat undian, dan siapa pun dapat menjalankan ulang alokasi dengan `sinergi corridor verify-draw`.",
		"); one kiosk per business. Ties are broken by a verifiable draw: a SHA-256 commitment to a secret seed is published before applications close, the seed is revealed at the draw, and anyone can re-run the allocation with `sinergi corridor verify-draw`."))
	for _, dr := range draws.Items {
		if dr.Status != "drawn" {
			d.KeyValues(pdf.KV{Key: w8.t("Komitmen", "Commitment"), Value: dr.Commitment}, pdf.KV{Key: w8.t("Undian", "Draw"), Value: w8.t("belum dilaksanakan", "not held yet")})
			continue
		}
		rec, err := s.DB.CorridorDrawRecord(r.Context(), id, dr.ID)
		if err != nil {
			return err
		}
		biz, err := s.DB.CorridorBusinesses(r.Context(), id)
		if err != nil {
			return err
		}
		d.KeyValues(pdf.KV{Key: w8.t("Komitmen", "Commitment"), Value: rec.Commitment}, pdf.KV{Key: w8.t("Benih", "Seed"), Value: rec.RevealedSeed},
			pdf.KV{Key: w8.t("Hasil", "Result"), Value: fmt.Sprintf("%d %s, %d %s", len(rec.Result.Assignments), w8.t("kios dialokasikan", "kiosks allocated"), len(rec.Result.Waiting), w8.t("tempat dalam daftar tunggu", "waiting-list places"))})
		t := pdf.Table{Columns: []pdf.Column{{Title: w8.t("Stasiun", "Station"), Width: 3.4}, {Title: w8.t("Kios", "Kiosk"), Width: 1, Align: "R"}, {Title: w8.t("Usaha", "Business"), Width: 4},
			{Title: w8.t("Domisili", "Domicile"), Width: 3}, {Title: w8.t("Skala", "Size"), Width: 2}, {Title: w8.t("Prioritas", "Tier"), Width: 1.8, Align: "R"}}}
		for _, a := range rec.Result.Assignments {
			b := biz[a.ApplicationID]
			t.Rows = append(t.Rows, []string{stationName[a.StationID], strconv.Itoa(a.Kiosk), b.BusinessName, b.DomicileName, sinergi.CorridorSizeLabel[b.Size].In(lg), strconv.Itoa(a.Tier)})
		}
		d.Table(t)
	}
	if len(draws.Items) == 0 {
		d.Paragraph(w8.t("Komitmen undian belum dipublikasikan.", "No draw commitment published yet."))
	}
	if len(appeals.Items) > 0 {
		d.Heading(1, w8.t("Keberatan", "Appeals"))
		t := pdf.Table{Columns: []pdf.Column{{Title: w8.t("Usaha", "Business"), Width: 3}, {Title: w8.t("Alasan", "Grounds"), Width: 5}, {Title: w8.t("Hasil", "Outcome"), Width: 5}}}
		for _, a := range appeals.Items {
			t.Rows = append(t.Rows, []string{a.BusinessName, a.Grounds, sinergi.CorridorAppealOutcomeLabel[a.Outcome].In(lg) + orText(corridorPrefixed(": ", a.Decision), "")})
		}
		d.Table(t)
	}
	return sendPDF(w, d, fmt.Sprintf("%s-%d", w8.t("rencana-koridor", "corridor-plan"), c.ID))
}

func corridorPrefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
