package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/report"
)

// TestReportAgreements: the kerja sama registry feeds the report of the
// demo province — the Nota Kesepakatan it is a party to and the KSDD of
// Maros, Pangkep and Barru it knows as a witness — and the "module not
// connected" sentence for agreements is gone.
func TestReportAgreements(t *testing.T) {
	db, org := demoOrg(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	to := time.Now().UTC()
	d, err := report.Load(ctx, db, org, to.AddDate(-1, 0, 0), to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !d.AgreementsLoaded || len(d.Agreements) < 2 {
		t.Fatalf("agreements: loaded %v, %d", d.AgreementsLoaded, len(d.Agreements))
	}
	kinds := map[sinergi.AgreementKind]string{}
	for _, a := range d.Agreements {
		kinds[a.Kind] = a.Role
	}
	if kinds[sinergi.KindNotaKesepakatan] != sinergi.PartyRoleParty || kinds[sinergi.KindKSDD] != sinergi.PartyRoleWitness {
		t.Errorf("roles per kind: %v", kinds)
	}
	r := report.Build(d)
	h := r.HTML()
	flat := strings.Join(strings.Fields(h), " ")
	for _, s := range []string{
		"Nota Kesepakatan Sinergi Pembangunan dan Pengoperasian Jalur Kereta Api Makassar–Parepare",
		"Kesepakatan Bersama Pembangunan dan Pemeliharaan Jalan Akses Stasiun Kereta Api Maros, Pangkep dan Barru",
		"Kerja sama daerah dengan daerah lain (KSDD)",
		"penyesuaian RTRW untuk koridor jalan akses Garongkong", // Barru's overdue obligation, a signal in Part 3
		"Daftar perjanjian kerja sama",
		"agreement_obligations",
	} {
		if !strings.Contains(flat, s) {
			t.Errorf("report lacks %q", s)
		}
	}
	for _, s := range []string{"Belum ada data perjanjian kerja sama dalam laporan ini", "modul registrasi kerja sama daerah belum terhubung"} {
		if strings.Contains(flat, s) {
			t.Errorf("report still says %q", s)
		}
	}
	var summary strings.Builder
	for _, b := range r.Summary {
		summary.WriteString(b.Text + " ")
	}
	if !strings.Contains(summary.String(), "Registri kerja sama mencatat satu perjanjian") {
		t.Errorf("summary lacks the agreement count: %s", summary.String())
	}
	t.Logf("words %d (prose %d)", r.WordCount(), r.ProseWords())
}

// TestReportAgreementsRegistered: a module that registers an "agreements"
// source replaces the registry reading.
func TestReportAgreementsRegistered(t *testing.T) {
	db, org := demoOrg(t)
	report.RegisterSource("agreements", func(context.Context, sinergi.Organization, time.Time, time.Time) (report.Extra, error) {
		return report.Extra{Available: true, Lines: []string{"Perjanjian dari modul lain."}}, nil
	})
	defer report.UnregisterSourceForTest("agreements")
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	to := time.Now().UTC()
	d, err := report.Load(ctx, db, org, to.AddDate(-1, 0, 0), to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.AgreementsLoaded || len(d.Agreements) != 0 {
		t.Errorf("registry read although a source is registered")
	}
	if h := report.Build(d).HTML(); !strings.Contains(h, "Perjanjian dari modul lain.") {
		t.Errorf("registered source not shown")
	}
}
