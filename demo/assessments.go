package demo

import (
	"context"
	"fmt"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/survey"
)

// loadAssessments adds the assessments of the demo (issue 8): a finished
// collaborative-culture survey at Unsulbar answered through one-time links
// (two faculties with enough responses to show, the LPPM with too few, so
// hidden), a Ratner assessment of the railway corridor forum, and Unsulbar's
// register of challenges and obstacles from the seed. Illustrative only.
func loadAssessments(ctx context.Context, db *store.DB) error {
	orgs, err := db.Organizations(ctx, sinergi.OrganizationFilter{Limit: 200})
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, o := range orgs.Items {
		byName[o.Name] = o.ID
	}
	unsulbar := byName["Universitas Sulawesi Barat"]
	if unsulbar == 0 {
		return fmt.Errorf("demo: assessments: Unsulbar missing")
	}
	if err := demoCultureSurvey(ctx, db, unsulbar); err != nil {
		return fmt.Errorf("demo: culture survey: %w", err)
	}
	if err := demoRatner(ctx, db); err != nil {
		return fmt.Errorf("demo: Ratner assessment: %w", err)
	}
	if err := demoRegister(ctx, db, unsulbar); err != nil {
		return fmt.Errorf("demo: obstacle register: %w", err)
	}
	return nil
}

func demoCultureSurvey(ctx context.Context, db *store.DB, org int64) error {
	units, err := db.Units(ctx, org)
	if err != nil {
		return err
	}
	ids := map[string]int64{}
	for _, u := range units {
		ids[u.Name] = u.ID
	}
	groups := []struct {
		unit string
		n    int
		base int
	}{
		{"Fakultas Peternakan dan Perikanan", 8, 4},
		{"Fakultas Kedokteran", 6, 3},
		{"Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM)", 2, 3}, // below the threshold: hidden
	}
	var unitIDs []int64
	for _, g := range groups {
		if ids[g.unit] == 0 {
			return fmt.Errorf("unit %q missing", g.unit)
		}
		unitIDs = append(unitIDs, ids[g.unit])
	}
	now := db.Now
	today := now().UTC()
	opens, closes := today.AddDate(0, 0, -45), today.AddDate(0, 0, -15)
	c, err := db.CreateCampaign(ctx, sinergi.CampaignInput{Title: "Survei Budaya Kolaboratif Unsulbar 2026", Instrument: "culture", Scope: sinergi.ScopeUnits,
		UnitIDs: unitIDs, OpensOn: opens.Format(time.DateOnly), ClosesOn: closes.Format(time.DateOnly), Threshold: survey.DefaultThreshold})
	if err != nil {
		return err
	}
	// answer while the campaign was open, then return to today
	db.Now = func() time.Time { return today.AddDate(0, 0, -30) }
	defer func() { db.Now = now }()
	inst, _ := survey.Lookup("culture")
	public := context.Background()
	seq := 0
	for gi, g := range groups {
		links, err := db.IssueLinks(ctx, c.ID, sinergi.LinkInput{Group: fmt.Sprintf("unit:%d", unitIDs[gi]), Count: g.n})
		if err != nil {
			return err
		}
		for _, tok := range links.Tokens {
			ans := map[string]int{}
			for i, it := range inst.Items {
				seq++
				v := g.base + (seq*7+i*3)%3 - 1 // base-1 … base+1
				ans[it.ID] = min(max(v, 1), 5)
			}
			if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: tok, Answers: ans}); err != nil {
				return err
			}
		}
	}
	return nil
}

func demoRatner(ctx context.Context, db *store.DB) error {
	l, err := db.Forums(ctx, sinergi.ForumFilter{Q: "Forum Koridor Kereta Api Makassar", Limit: 5})
	if err != nil {
		return err
	}
	var forumID int64
	for _, f := range l.Items {
		if f.Name == "Forum Koridor Kereta Api Makassar–Parepare" {
			forumID = f.ID
		}
	}
	if forumID == 0 {
		return fmt.Errorf("railway forum missing")
	}
	x, err := db.CreateAssessment(ctx, sinergi.AssessmentInput{Title: "Asesmen Tata Kelola Kolaborasi Koridor Kereta Api Makassar–Parepare", ForumID: forumID,
		Summary: "Asesmen tiga tahap Ratner (2012) atas forum koridor: permasalahan dan peluang, rencana aksi (tindak lanjut rapat forum), dan strategi untuk mempengaruhi."})
	if err != nil {
		return err
	}
	for _, in := range []sinergi.IssueInput{
		{Kind: sinergi.IssueProblem, Description: "Lokasi stasiun di Maros dan Barru belum disepakati; pembebasan lahan tertunda.", Stakeholders: "Pemerintah Kabupaten Maros, Pemerintah Kabupaten Barru, warga pemilik lahan, BPN"},
		{Kind: sinergi.IssueProblem, Description: "Perbedaan pemahaman batas kewenangan antara provinsi dan kabupaten atas akses jalan ke stasiun.", Stakeholders: "Pemerintah Provinsi Sulawesi Selatan, pemerintah kabupaten/kota di koridor"},
		{Kind: sinergi.IssueOpportunity, Description: "Kawasan sekitar stasiun untuk UMKM dan pedagang lokal dengan retribusi ringan.", Stakeholders: "UMKM, pedagang kaki lima, dinas koperasi kabupaten/kota"},
		{Kind: sinergi.IssueOpportunity, Description: "Penyerapan tenaga kerja lokal dalam pembangunan rel dan stasiun.", Stakeholders: "Dinas tenaga kerja, kontraktor, warga sekitar jalur"},
	} {
		if _, err := db.AddIssue(ctx, x.ID, in); err != nil {
			return err
		}
	}
	for _, in := range []sinergi.StrategyInput{
		{Target: "DPRD Provinsi Sulawesi Selatan", Channel: "Rapat dengar pendapat", Message: "Dukungan anggaran bersama untuk akses jalan ke stasiun", Owner: "Bappelitbangda Provinsi"},
		{Target: "Warga pemilik lahan", Channel: "Sosialisasi di kecamatan", Message: "Kejelasan ganti rugi dan jadwal pembebasan lahan", Owner: "Pemerintah Kabupaten Maros"},
		{Target: "Kementerian Perhubungan (DJKA)", Channel: "Surat resmi forum", Message: "Percepatan penetapan lokasi stasiun antara", Owner: "Fasilitator forum"},
	} {
		if _, err := db.AddStrategy(ctx, x.ID, in); err != nil {
			return err
		}
	}
	return nil
}

func demoRegister(ctx context.Context, db *store.DB, org int64) error {
	for _, in := range []sinergi.ObstacleInput{
		{Category: "funding", Description: "Dana dari kampus yang semakin terbatas atau berubah-ubah.", AffectsKind: "organization", AffectsLabel: "Universitas Sulawesi Barat", Severity: "high", Mitigation: "Mencari hibah bersama mitra dan skema pendanaan PKS.", Owner: "Wakil Rektor Bidang Perencanaan dan Kerja Sama", Status: "mitigating"},
		{Category: "approach_time", Description: "Pendekatan dengan mitra kolaborasi yang membutuhkan waktu lama.", AffectsKind: "agreement", AffectsLabel: "MoU Unsulbar – Unismuh (benchmark Pendidikan Dokter)", Severity: "medium", Mitigation: "Menyusun daftar kontak dan jadwal kunjungan mitra.", Owner: "Kantor Urusan Kerja Sama"},
		{Category: "communication", Description: "Minimnya komunikasi sehingga mengurangi produktivitas.", AffectsKind: "forum", AffectsLabel: "Forum Kerja Sama Peternakan Unsulbar–UGM", Severity: "medium", Mitigation: "Rapat daring bulanan dan notulen bersama.", Owner: "Dekan Fakultas Peternakan dan Perikanan"},
		{Category: "trust", Description: "Kurangnya rasa saling percaya dengan mitra kolaborasi.", AffectsKind: "organization", AffectsLabel: "Universitas Sulawesi Barat", Severity: "medium", Mitigation: "Kesepakatan tertulis pembagian peran dan capaian antara yang dipantau bersama.", Owner: "LPPM"},
		{Category: "mindset", Description: "Perbedaan pola pikir dan gaya bekerja dengan mitra kolaborasi.", AffectsKind: "organization", AffectsLabel: "Universitas Sulawesi Barat", Severity: "low", Mitigation: "Lokakarya bersama tentang aturan dasar kerja sama.", Owner: "Biro Umum", Status: "resolved"},
		{Category: "problem_boundary", Description: "Batasan masalah tidak jelas karena perbedaan pemahaman dalam kesepakatan kolaborasi (Astari dkk., 2019).", AffectsKind: "agreement", AffectsLabel: "IA Pertukaran Mahasiswa Peternakan Unsulbar – UGM", Severity: "medium", Mitigation: "Lampiran ruang lingkup dan definisi bersama dalam IA.", Owner: "Kantor Urusan Kerja Sama"},
	} {
		in.OrganizationID = org
		if _, err := db.CreateObstacle(ctx, in); err != nil {
			return err
		}
	}
	return nil
}
