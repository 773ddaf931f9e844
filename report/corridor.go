package report

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sinergi"
	"sinergi/pdf"
	"sinergi/rupiah"
	"sinergi/store"
)

// Part 4 from the corridor programmes (issue 9): the collaboration plan of
// the organisation's region in each programme it takes part in.

const corridorSource = "program koridor: corridors, corridor_organizations, corridor_plans, corridor_plan_steps, corridor_vendor_zones (store.Corridor)"

// CorridorPlan is a region's plan in a corridor programme the organisation
// takes part in.
type CorridorPlan struct {
	sinergi.CorridorPlan
	CorridorID int64
	Corridor   string
	OwnerBody  string
	Role       string // the organisation's role in the programme
	Stations   []sinergi.CorridorStation
}

// regionGovernment: the organisation governs a region (province, regency
// or city).
func regionGovernment(o sinergi.Organization) bool {
	switch o.Sector {
	case sinergi.SectorProvincialGovernment, sinergi.SectorRegencyGovernment, sinergi.SectorCityGovernment:
		return o.RegionCode != ""
	}
	return false
}

// coversPlan: the plan is of the organisation's region — its regency or
// city, or for a province every regency and city in it.
func coversPlan(o sinergi.Organization, planRegion string) bool {
	if o.Sector == sinergi.SectorProvincialGovernment {
		return planRegion == o.RegionCode || strings.HasPrefix(planRegion, o.RegionCode+".")
	}
	return planRegion == o.RegionCode || planRegion == sinergi.RegencyOf(o.RegionCode)
}

// loadCorridors reads the programmes the organisation takes part in and the
// plans of its region. Programmes are public records.
func loadCorridors(ctx context.Context, db *store.DB, d *Data) error {
	d.CorridorLoaded = true
	if !regionGovernment(d.Org) {
		return nil
	}
	for off := 0; ; {
		l, err := db.Corridors(ctx, off, 100)
		if err != nil {
			return err
		}
		for _, s := range l.Items {
			c, err := db.Corridor(ctx, s.ID)
			if err != nil {
				return err
			}
			role := ""
			for _, o := range c.Organizations {
				if o.OrganizationID == d.Org.ID {
					role = o.Role
				}
			}
			if role == "" {
				continue
			}
			for _, p := range c.Plans {
				if !coversPlan(d.Org, p.RegionCode) {
					continue
				}
				x := CorridorPlan{CorridorPlan: p, CorridorID: c.ID, Corridor: c.Name, OwnerBody: c.OwnerBody, Role: role}
				for _, st := range c.Stations {
					if st.RegencyCode == p.RegionCode || strings.HasPrefix(st.RegionCode, p.RegionCode+".") {
						x.Stations = append(x.Stations, st)
					}
				}
				d.Corridors = append(d.Corridors, x)
			}
		}
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	return nil
}

// ---------------------------------------------------------------- build

func stepStatus(s sinergi.CorridorStepStatus) string {
	if l, ok := sinergi.CorridorStepStatusLabel[s]; ok {
		return strings.ToLower(l.ID)
	}
	return string(s)
}

func planCategory(c sinergi.CorridorPlanCategory) string {
	if l, ok := sinergi.CorridorPlanCategoryLabel[c]; ok {
		return l.ID
	}
	return string(c)
}

func (b *builder) corridorSrc(id int64) string {
	return fmt.Sprintf("%s; program #%d; keadaan per %s", corridorSource, id, b.d.GeneratedAt.Format(time.DateOnly))
}

// corridorPart4 writes Part 4 from the corridor programmes.
func (b *builder) corridorPart4() {
	d, r := b.d, b.r
	if len(d.Corridors) == 0 {
		switch {
		case !regionGovernment(d.Org):
			r.para(fmt.Sprintf("Bagian ini berlaku bagi pemerintah daerah yang ikut serta dalam program koridor. %s bukan pemerintah daerah, sehingga tidak ada rencana kolaborasi koridor per daerah yang dilaporkan; keterlibatannya dalam forum dan kegiatan koridor, bila ada, sudah tercakup di bagian sebelumnya.", d.Org.Name))
		default:
			r.para(fmt.Sprintf("Belum ada data: %s (%s) tidak tercatat sebagai peserta program koridor yang memuat rencana kolaborasi untuk wilayahnya.", d.Org.Name, or(d.Org.RegionName, d.Org.RegionCode)))
		}
		r.para("Sumber: " + corridorSource + ".")
		return
	}
	seen := map[int64]bool{}
	for _, p := range d.Corridors {
		if !seen[p.CorridorID] {
			seen[p.CorridorID] = true
			r.para(fmt.Sprintf("%s ikut serta dalam %s sebagai %s. Program ini dikelola %s; daerah-daerah di sepanjang jalur menyusun rencana kolaborasi masing-masing dengan kategori langkah yang sama, target pekerja lokal dan batas retribusi pedagang di sekitar stasiun, sehingga kemajuannya dapat dibandingkan.", d.Org.Name, p.Corridor, strings.ToLower(p.Role), or(p.OwnerBody, "pemilik program")))
		}
		r.heading(2, "Rencana "+or(p.RegionName, p.RegionCode))
		var lead []string
		if len(p.Stations) > 0 {
			var names []string
			kiosks := 0
			for _, s := range p.Stations {
				names = append(names, s.Name)
				kiosks += s.Kiosks
			}
			st := fmt.Sprintf("Wilayah ini dilalui %s: %s", count(len(p.Stations), "stasiun"), list(names))
			if kiosks > 0 {
				st += fmt.Sprintf(", dengan %s kios untuk UMKM", num(kiosks))
			}
			lead = append(lead, st+".")
		}
		if p.Note != "" {
			lead = append(lead, strings.TrimSuffix(p.Note, ".")+".")
		}
		done, delayed := 0, 0
		for _, s := range p.Steps {
			switch s.Status {
			case sinergi.CorridorStepDone:
				done++
			case sinergi.CorridorStepDelayed:
				delayed++
			}
		}
		lead = append(lead, fmt.Sprintf("Rencananya memuat %s, %s di antaranya selesai%s.", count(len(p.Steps), "langkah"), num(done), map[bool]string{true: fmt.Sprintf(" dan %s terlambat", num(delayed)), false: ""}[delayed > 0]))
		r.para(lead...)
		if len(p.Steps) > 0 {
			t := pdf.Table{Caption: "Langkah kolaborasi koridor " + or(p.RegionName, p.RegionCode),
				Columns: []pdf.Column{{Title: "Kategori", Width: 2.6}, {Title: "Langkah", Width: 4.4}, {Title: "Penanggung jawab", Width: 3.2}, {Title: "Jadwal", Width: 2.6}, {Title: "Status", Width: 1.8}},
				Source:  b.corridorSrc(p.CorridorID)}
			for _, s := range p.Steps {
				t.Rows = append(t.Rows, []string{planCategory(s.Category), s.Title, s.Owner, day(s.StartDate) + " – " + day(s.DueDate), stepStatus(s.Status)})
			}
			r.table(t)
		}
		// workforce
		switch {
		case p.HiredTotal == 0:
			r.para(fmt.Sprintf("Tenaga kerja lokal: targetnya %d%% pekerja dari daerah sendiri, tetapi belum ada data jumlah pekerja, sehingga pencapaiannya belum dapat diukur.", p.HiringTarget))
		case p.LocalShare >= float64(p.HiringTarget):
			r.para(fmt.Sprintf("Tenaga kerja lokal: %s dari %s pekerja berasal dari daerah sendiri (%s), memenuhi target %d%%.", num(p.HiredLocal), num(p.HiredTotal), pct(p.LocalShare/100), p.HiringTarget))
		default:
			r.para(fmt.Sprintf("Tenaga kerja lokal: %s dari %s pekerja berasal dari daerah sendiri (%s), di bawah target %d%%; selisih ini adalah hambatan yang perlu ditindaklanjuti bersama dinas tenaga kerja dan kontraktor.", num(p.HiredLocal), num(p.HiredTotal), pct(p.LocalShare/100), p.HiringTarget))
		}
		// tariffs
		if len(p.Zones) == 0 {
			r.para(fmt.Sprintf("Retribusi pedagang: batasnya %s per bulan; belum ada zona pedagang yang dicatat.", rupiah.Format(p.TariffCap)))
		} else {
			var flagged []string
			for _, z := range p.Zones {
				if z.OverCap {
					flagged = append(flagged, fmt.Sprintf("%s: %s per bulan, melampaui batas %s.", z.Name, rupiah.Format(z.Tariff), rupiah.Format(p.TariffCap)))
				}
			}
			if len(flagged) == 0 {
				r.para(fmt.Sprintf("Retribusi pedagang: %s tercatat dan semuanya tidak melampaui batas %s per bulan yang disepakati, sesuai janji agar pedagang dapat berjualan tanpa retribusi yang berat.", count(len(p.Zones), "zona pedagang"), rupiah.Format(p.TariffCap)))
			} else {
				r.para(fmt.Sprintf("Retribusi pedagang: dari %s, %s ditandai karena tarifnya melampaui batas %s per bulan yang disepakati. Tarif seperti ini bertentangan dengan janji bersama agar pedagang dapat berjualan di sekitar stasiun tanpa retribusi yang berat:", count(len(p.Zones), "zona pedagang"), count(len(flagged), "zona"), rupiah.Format(p.TariffCap)))
				r.bullets(flagged...)
			}
		}
		r.para("Sumber: " + b.corridorSrc(p.CorridorID) + ".")
	}
}

// corridorFixes are the improvement steps the corridor plans point to.
func (b *builder) corridorFixes() []string {
	var out []string
	for _, p := range b.d.Corridors {
		name := or(p.RegionName, p.RegionCode)
		if p.FlaggedZones > 0 {
			out = append(out, fmt.Sprintf("Turunkan retribusi %s zona pedagang di %s sampai batas %s per bulan yang disepakati dalam program koridor.", num(p.FlaggedZones), name, rupiah.Format(p.TariffCap)))
		}
		if p.HiredTotal > 0 && p.LocalShare < float64(p.HiringTarget) {
			out = append(out, fmt.Sprintf("Naikkan porsi pekerja lokal di %s dari %s menuju target %d%%.", name, pct(p.LocalShare/100), p.HiringTarget))
		}
		for _, s := range p.Steps {
			if s.Status == sinergi.CorridorStepDelayed {
				out = append(out, fmt.Sprintf("Percepat langkah koridor yang terlambat di %s: %s.", name, lowerFirst(strings.TrimSuffix(s.Title, "."))))
			}
		}
	}
	return out
}
