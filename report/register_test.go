package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/report"
	"sinergi/store"
)

// orgID finds a demo organisation by its exact name.
func orgID(t *testing.T, db *store.DB, name string) int64 {
	t.Helper()
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Q: name, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range l.Items {
		if o.Name == name {
			return o.ID
		}
	}
	t.Fatalf("demo organisation %q missing", name)
	return 0
}

func flatHTML(r *report.Report) string { return strings.Join(strings.Fields(r.HTML()), " ") }

// TestReportRegister: the register feeds Part 3. An entry Maros records on
// the railway corridor forum shows in Maros's report and in the report of
// the province (a member of that forum), with its source line; a resolved
// entry does not; the "module not connected" sentence is gone.
func TestReportRegister(t *testing.T) {
	db, prov := demoOrg(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	maros := orgID(t, db, "Pemerintah Kabupaten Maros")
	fid, err := db.CorridorForumByName(ctx, "Forum Koridor Kereta Api Makassar–Parepare")
	if err != nil || fid == 0 {
		t.Fatalf("railway forum: %d %v", fid, err)
	}
	open, err := db.CreateObstacle(ctx, sinergi.ObstacleInput{OrganizationID: maros, Category: "legal_basis",
		Description: "Dasar hukum pembagian biaya jalan akses Stasiun Rammang-Rammang belum jelas.", AffectsKind: "forum", AffectsID: fid,
		AffectsLabel: "Forum Koridor Kereta Api Makassar–Parepare", Severity: "high", Mitigation: "Menyusun KSDD pembiayaan jalan akses.", Owner: "Bagian Kerja Sama Setda Maros"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateObstacle(ctx, sinergi.ObstacleInput{OrganizationID: maros, Category: "communication",
		Description: "Hambatan lama yang sudah selesai ditangani.", AffectsKind: "forum", AffectsID: fid, Status: "resolved"}); err != nil {
		t.Fatal(err)
	}
	to := time.Now().UTC()
	for _, org := range []int64{prov, maros} {
		d, err := report.Load(ctx, db, org, to.AddDate(-1, 0, 0), to, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !d.RegisterLoaded {
			t.Fatalf("org %d: register not loaded", org)
		}
		found := false
		for _, o := range d.Register {
			if o.ID == open.ID {
				found = true
			}
			if o.Status == "resolved" {
				t.Errorf("org %d: resolved entry #%d in the report", org, o.ID)
			}
		}
		if !found {
			t.Errorf("org %d: entry #%d missing from %d entries", org, open.ID, len(d.Register))
		}
		h := flatHTML(report.Build(d))
		for _, s := range []string{"Dasar hukum pembagian biaya jalan akses Stasiun Rammang-Rammang belum jelas",
			"Sumber: register hambatan, entri #", "Menyusun KSDD pembiayaan jalan akses", "hambatan yang dicatat di register"} {
			if !strings.Contains(h, s) {
				t.Errorf("org %d: report lacks %q", org, s)
			}
		}
		if strings.Contains(h, "Hambatan lama yang sudah selesai ditangani") {
			t.Errorf("org %d: report shows a resolved entry", org)
		}
		if strings.Contains(h, "modul asesmen belum terhubung") {
			t.Errorf("org %d: report still says the assessments module is not connected", org)
		}
	}
}

// TestReportSurveyScores: the demo culture survey at Unsulbar feeds Part 3
// with the two faculties shown and the LPPM, below the threshold, never
// named — only counted as hidden.
func TestReportSurveyScores(t *testing.T) {
	db, _ := demoOrg(t)
	ctx := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	org := orgID(t, db, "Universitas Sulawesi Barat")
	to := time.Now().UTC()
	d, err := report.Load(ctx, db, org, to.AddDate(-1, 0, 0), to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Surveys) != 1 {
		t.Fatalf("surveys: %+v", d.Surveys)
	}
	s := d.Surveys[0]
	if s.Instrument != "culture" || s.Hidden != 1 || len(s.Groups) != 2 {
		t.Fatalf("culture survey: %+v", s)
	}
	for _, g := range s.Groups {
		if strings.Contains(g.Label, "LPPM") {
			t.Errorf("a hidden group reached the report: %+v", g)
		}
		if g.Responses < s.Threshold {
			t.Errorf("group %q below the threshold: %d", g.Label, g.Responses)
		}
	}
	if len(d.Register) < 4 { // the demo register: five open or mitigating entries, one resolved
		t.Errorf("Unsulbar register: %d entries", len(d.Register))
	}
	var part []string
	in := false
	for _, b := range report.Build(d).Blocks {
		if b.Kind == report.KHeading {
			in = b.Text == "Skor budaya kolaboratif dan kepercayaan dari survei"
			continue
		}
		if in {
			part = append(part, b.Text+" "+strings.Join(b.Items, " "))
		}
	}
	txt := strings.Join(part, " ")
	for _, s := range []string{"Survei Budaya Kolaboratif Unsulbar 2026", "Fakultas Peternakan dan Perikanan: rata-rata", "Fakultas Kedokteran: rata-rata", "Satu kelompok di bawah ambang tidak ditampilkan", "survey_responses"} {
		if !strings.Contains(txt, s) {
			t.Errorf("survey section lacks %q:\n%s", s, txt)
		}
	}
	if strings.Contains(txt, "LPPM") || strings.Contains(txt, "Lembaga Penelitian") {
		t.Errorf("survey section names the hidden group:\n%s", txt)
	}
}
