package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/report"
)

// TestReportCorridor: Part 4 of Maros's report carries its plan in the
// Makassar–Parepare programme — the steps, the local workforce share
// against the target, the vendor tariff above the cap — and the province,
// the programme's facilitator, sees the plans of its regencies; the
// "module not connected" sentence is gone. A university has no regional
// plan.
func TestReportCorridor(t *testing.T) {
	db, prov := demoOrg(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	maros := orgID(t, db, "Pemerintah Kabupaten Maros")
	to := time.Now().UTC()
	load := func(org int64) *report.Data {
		d, err := report.Load(ctx, db, org, to.AddDate(-1, 0, 0), to, nil)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := load(maros)
	if len(d.Corridors) != 1 || d.Corridors[0].RegionCode != "73.09" {
		t.Fatalf("Maros plans: %+v", d.Corridors)
	}
	r := report.Build(d)
	h := flatHTML(r)
	for _, s := range []string{
		"Koridor Kereta Api Makassar–Parepare",
		"Pendataan dan pelatihan calon pekerja konstruksi dan stasiun dari desa sekitar",
		"Trayek angkutan pengumpan Bandara–Stasiun Mandai",
		"281 dari 420 pekerja berasal dari daerah sendiri (66,9%), memenuhi target 60%",
		"Kawasan wisata Rammang-Rammang: Rp75.000 per bulan, melampaui batas Rp50.000",
		"corridor_plan_steps",
	} {
		if !strings.Contains(h, s) {
			t.Errorf("Maros report lacks %q", s)
		}
	}
	for _, s := range []string{"modul program koridor belum terhubung", "setelah modul koridor terhubung"} {
		if strings.Contains(h, s) {
			t.Errorf("Maros report still says %q", s)
		}
	}
	t.Logf("Maros: words %d", r.WordCount())

	p := load(prov)
	if len(p.Corridors) != 5 {
		t.Errorf("province plans: %d, want the five regencies and cities", len(p.Corridors))
	}
	if h := flatHTML(report.Build(p)); !strings.Contains(h, "Pasar sore di sekitar Stasiun Pangkajene") || strings.Contains(h, "modul program koridor belum terhubung") {
		t.Errorf("province report lacks the Pangkep plan or still says the module is not connected")
	}

	u := load(orgID(t, db, "Universitas Sulawesi Barat"))
	if len(u.Corridors) != 0 {
		t.Errorf("university plans: %+v", u.Corridors)
	}
	if h := flatHTML(report.Build(u)); !strings.Contains(h, "bukan pemerintah daerah") {
		t.Errorf("university report does not say Part 4 does not apply")
	}
}
