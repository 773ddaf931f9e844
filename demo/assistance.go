package demo

import (
	"context"
	"fmt"

	"sinergi"
	"sinergi/store"
)

// loadAssistance adds Bantuan Kedinasan requests among the demo
// organisations, in several states: one awaiting an answer, one under way
// with a cost sharing from APBD lines, an accepted emergency, a refused
// one with its written reasons, a completed one, a cancelled one and a draft.
func loadAssistance(ctx context.Context, db *store.DB) error {
	ids := map[string]int64{}
	for _, o := range orgs {
		l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Q: o.Name, Limit: 5})
		if err != nil {
			return err
		}
		for _, x := range l.Items {
			if x.Name == o.Name {
				ids[o.Slug] = x.ID
			}
		}
	}
	// each step acts as a named official of its organisation
	as := func(slug string) context.Context {
		return sinergi.WithActor(ctx, &sinergi.Actor{System: true, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}, OrgID: ids[slug],
			Email: "admin." + slug + "@sinergi.test", Name: people[slug][0].Name + suffix})
	}
	// Maros numbers its letters by its own pattern (tata naskah dinas); the others use the default
	if _, err := db.SetAssistanceNumbering(as("maros"), ids["maros"], 0, sinergi.AssistanceNumberingInput{
		Pattern: "{security}-{serial:3}/{agency}/{unit}/{archive}/{month_roman}/{year}", AgencyCode: "MRS", UnitCode: "BAPPELITBANGDA", ArchiveCode: "PR.01"}); err != nil {
		return fmt.Errorf("demo: numbering: %w", err)
	}
	type step func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error)
	req := func(from, to string, in sinergi.AssistanceInput, steps ...step) error {
		in.RequesterOrgID, in.ProviderOrgID = ids[from], ids[to]
		r, err := db.CreateAssistanceRequest(as(from), in)
		if err != nil {
			return fmt.Errorf("demo: request %q: %w", in.Subject, err)
		}
		for _, s := range steps {
			if r, err = s(r); err != nil {
				return fmt.Errorf("demo: request %q: %w", in.Subject, err)
			}
		}
		return nil
	}
	submit := func(slug string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.SubmitAssistanceRequest(as(slug), r.ID, 0, sinergi.StepInput{})
		}
	}
	accept := func(slug, note string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.AcceptAssistanceRequest(as(slug), r.ID, 0, sinergi.StepInput{Note: note})
		}
	}
	start := func(slug string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.StartAssistanceRequest(as(slug), r.ID, 0, sinergi.StepInput{})
		}
	}
	complete := func(slug, note string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.CompleteAssistanceRequest(as(slug), r.ID, 0, sinergi.StepInput{Note: note})
		}
	}
	shares := func(slug string, ss ...sinergi.CostShare) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.SetCostSharing(as(slug), r.ID, 0, sinergi.CostSharingInput{Shares: ss})
		}
	}
	confirm := func(slug string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.ConfirmCostSharing(as(slug), r.ID, 0, ids[slug])
		}
	}
	refuse := func(slug, ground, reason string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.RefuseAssistanceRequest(as(slug), r.ID, 0, sinergi.RefusalInput{Ground: ground, Reason: reason})
		}
	}
	cancel := func(slug, note string) step {
		return func(r *sinergi.AssistanceRequest) (*sinergi.AssistanceRequest, error) {
			return db.CancelAssistanceRequest(as(slug), r.ID, 0, sinergi.StepInput{Note: note})
		}
	}
	g := func(letter, why string) sinergi.Grounds { return sinergi.Grounds{{Letter: letter, Explanation: why}} }

	for _, err := range []error{
		req("maros", "kemenhub", sinergi.AssistanceInput{Subject: "Data bidang tanah Stasiun Maros dan Stasiun Rammang-Rammang",
			Description: "Peta bidang, status hak dan batas tanah milik negara di sekitar stasiun untuk penataan ruang usaha UMKM.",
			Grounds:     g("d", "Data bidang tanah stasiun dikelola DJKA/BPKA Sulawesi Selatan"), NeededBy: "2026-12-15",
			Documents: []sinergi.RequestedDocument{{Title: "Peta bidang tanah Stasiun Maros", Classification: sinergi.Biasa},
				{Title: "Data kepemilikan dan sewa ruang stasiun", Classification: sinergi.Terbatas}},
			Attachments: []sinergi.Attachment{{Title: "Surat Bupati Maros tentang penataan UMKM stasiun", Reference: "500/112/Ekon/XI/2026"}}},
			submit("maros")),
		req("parepare", "sulsel", sinergi.AssistanceInput{Subject: "Tenaga rekayasa lalu lintas untuk rencana Stasiun Lumpue",
			Description: "Dua tenaga ahli rekayasa lalu lintas selama tiga minggu untuk kajian akses jalan menuju rencana Stasiun Lumpue.",
			Grounds:     g("b", "Dinas Perhubungan Kota Parepare belum memiliki tenaga ahli rekayasa lalu lintas"), CostEstimate: 150_000_000,
			Activity: "Kajian akses Stasiun Lumpue 2026"},
			submit("parepare"),
			shares("parepare", sinergi.CostShare{OrganizationID: ids["parepare"], Amount: 90_000_000, FundingSource: "APBD", BudgetLine: "2.15.02.1.01.0003"},
				sinergi.CostShare{OrganizationID: ids["sulsel"], Amount: 60_000_000, FundingSource: "APBD", BudgetLine: "2.15.01.2.02.0011"}),
			accept("sulsel", "Bidang Perkeretaapian menugaskan dua tenaga ahli"), confirm("parepare"), confirm("sulsel"), start("sulsel")),
		req("barru", "sulsel", sinergi.AssistanceInput{Subject: "Alat berat untuk banjir di jalur kereta Tanete Rilau",
			Description: "Dua ekskavator dan truk untuk membersihkan material banjir yang menutup jalur kereta dan jalan akses stasiun.",
			Grounds:     g("e", "Alat berat tidak tersedia di Kabupaten Barru"), Emergency: true,
			EmergencyJustification: "Banjir menutup jalur kereta Makassar–Parepare di Tanete Rilau sejak dini hari; layanan kereta terhenti."},
			submit("barru"), accept("sulsel", "Alat berat diberangkatkan dari Makassar")),
		req("makassar", "pangkep", sinergi.AssistanceInput{Subject: "Juru ukur untuk pengukuran lahan rencana Stasiun Tallo",
			Description: "Dua juru ukur selama satu bulan untuk pengukuran lahan rencana Stasiun Tallo.",
			Grounds:     g("b", "Juru ukur Pemkot Makassar sedang bertugas di proyek lain")},
			submit("makassar"), refuse("pangkep", "a", "Seluruh juru ukur Pemkab Pangkep ditugaskan pada pengukuran trase dan stasiun di wilayah Pangkep sampai akhir tahun anggaran; penugasan ke luar daerah akan menghambat pekerjaan tersebut.")),
		req("sulsel", "unsulbar", sinergi.AssistanceInput{Subject: "Kajian dampak sosial ekonomi stasiun bagi UMKM",
			Description: "Pendampingan tim peneliti untuk kajian dampak sosial ekonomi stasiun terhadap UMKM di Maros dan Pangkep.",
			Grounds:     g("c", "Pemprov belum memiliki metode kajian dampak yang teruji")},
			submit("sulsel"), accept("unsulbar", ""), start("unsulbar"), complete("sulsel", "Laporan kajian telah diterima")),
		req("pangkep", "ugm", sinergi.AssistanceInput{Subject: "Penyuluh peternakan untuk kawasan sekitar Stasiun Labakkang",
			Description: "Dua penyuluh peternakan selama dua minggu untuk pelatihan peternak di sekitar Stasiun Labakkang.",
			Grounds:     g("c", "Dinas Pertanian Pangkep belum memiliki penyuluh peternakan sapi potong")},
			submit("pangkep"), cancel("pangkep", "Penyuluh sudah disediakan oleh Pemprov Sulawesi Selatan melalui program lain")),
		req("barru", "kemenhub", sinergi.AssistanceInput{Subject: "Data penumpang harian Stasiun Garongkong",
			Description: "Rekap jumlah penumpang harian untuk perencanaan angkutan pengumpan.", Grounds: g("d", "")}),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}
