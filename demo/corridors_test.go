package demo_test

import (
	"testing"

	"sinergi"
	"sinergi/corridor"
	"sinergi/demo"
	"sinergi/region"
	"sinergi/store/storetest"
)

// The demo corridor: the real stations, 300 applicants with valid domicile
// codes, about ten kiosks at each of Mandai, Maros and Rammang-Rammang, a
// completed draw that verifies, one decided appeal and the forum link.
func TestDemoCorridor(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(sys, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Corridors(sys, 0, 10)
	if err != nil || l.Total != 1 {
		t.Fatalf("corridors: %v %+v", err, l)
	}
	c, err := db.Corridor(sys, l.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	operating, planned := 0, 0
	kiosks := map[string]int{}
	for _, s := range c.Stations {
		if s.Status == sinergi.CorridorStationOperating {
			operating++
		} else {
			planned++
		}
		kiosks[s.Name] = s.Kiosks
	}
	if operating != 11 || planned != 7 || kiosks["Mandai"] != 10 || kiosks["Maros"] != 10 || kiosks["Rammang-Rammang"] != 10 {
		t.Errorf("stations: %d operating, %d planned, kiosks %v", operating, planned, kiosks)
	}
	if c.ForumID == nil || c.Applications != 300 || len(c.Plans) != 5 {
		t.Errorf("forum %v, %d applications, %d plans", c.ForumID, c.Applications, len(c.Plans))
	}
	kinds := map[sinergi.AgreementKind]int{}
	for _, a := range c.Agreements {
		kinds[a.Kind]++
		if a.Title == "" {
			t.Errorf("linked agreement %d without a title for a logged-in reader", a.AgreementID)
		}
	}
	if len(c.Agreements) != 2 || kinds[sinergi.KindKSDD] != 1 || kinds[sinergi.KindNotaKesepakatan] != 1 {
		t.Errorf("linked agreements: %+v", c.Agreements)
	}
	flagged := 0
	for _, p := range c.Plans {
		flagged += p.FlaggedZones
	}
	if flagged == 0 {
		t.Error("no flagged tariff in the demo plans")
	}
	apps, err := db.CorridorApplications(sys, c.ID, 0, 200)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apps.Items {
		if r, ok := region.Lookup(a.DomicileCode); !ok || (r.Level != region.Village && r.Level != region.District) {
			t.Errorf("application %d: domicile %q", a.ID, a.DomicileCode)
		}
	}
	draws, err := db.CorridorDraws(sys, c.ID)
	if err != nil || draws.Total != 1 || draws.Items[0].Status != "drawn" || draws.Items[0].Assigned != 30 {
		t.Fatalf("draws: %v %+v", err, draws)
	}
	rec, err := db.CorridorDrawRecord(sys, c.ID, draws.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := corridor.Verify(*rec); err != nil {
		t.Errorf("demo draw does not verify: %v", err)
	}
	if rec.RevealedSeed != demo.DemoCorridorSeed() {
		t.Error("revealed seed differs")
	}
	ap, err := db.CorridorAppeals(sys, c.ID)
	if err != nil || ap.Total != 1 || ap.Items[0].Outcome == sinergi.CorridorAppealPending {
		t.Errorf("appeals: %v %+v", err, ap)
	}
}
