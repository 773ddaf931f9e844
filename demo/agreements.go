package demo

import (
	"context"
	"fmt"
	"time"

	"sinergi"
	"sinergi/iku"
	"sinergi/store"
)

// loadAgreements adds the kerja sama registry of the demo: Unsulbar's
// student exchange with UGM's Fakultas Peternakan (MoU → MoA → IA), the
// Unsulbar–Unismuh benchmark partnership for the new medical programme
// (MoU → MoA → IA; the IAs typed for the university view), a
// wajib KSDD among Maros, Pangkep and Barru on station access roads (DPRD
// approved, PKS being drafted), a Nota Kesepakatan between the regions and
// Kementerian Perhubungan (DJKA), a KSDPK with PT Celebes Railway Indonesia
// and a terminated KSDD. Dates follow today, so some are always expiring.
func loadAgreements(ctx context.Context, db *store.DB) error {
	ids := map[string]int64{}
	units := map[string]int64{}
	for _, o := range orgs {
		l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Q: o.Name, Limit: 5})
		if err != nil {
			return err
		}
		for _, x := range l.Items {
			if x.Name != o.Name {
				continue
			}
			ids[o.Slug] = x.ID
			us, err := db.Units(ctx, x.ID)
			if err != nil {
				return err
			}
			for _, u := range us {
				units[o.Slug+"/"+u.Name] = u.ID
			}
		}
	}
	as := func(slug string) context.Context {
		name := "Admin " + slug
		if ps := people[slug]; len(ps) > 0 {
			name = ps[0].Name + suffix
		}
		return sinergi.WithActor(ctx, &sinergi.Actor{System: true, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}, OrgID: ids[slug],
			Email: "admin." + slug + "@sinergi.test", Name: name})
	}
	now := db.Now().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	day := func(years, months, days int) string { return today.AddDate(years, months, days).Format(time.DateOnly) }
	unit := func(key string) *int64 {
		if id, ok := units[key]; ok {
			return &id
		}
		return nil
	}
	party := func(slug, role, unitName string) sinergi.PartyInput {
		p := sinergi.PartyInput{OrganizationID: ids[slug], Role: role}
		if unitName != "" {
			p.UnitID = unit(slug + "/" + unitName)
		}
		return p
	}
	// mk creates an agreement as slug and records stages, each a week after
	// the one before, from the date given.
	mk := func(slug string, in sinergi.AgreementInput, from string, stages ...string) (*sinergi.Agreement, error) {
		a, err := db.CreateAgreement(as(slug), in)
		if err != nil {
			return nil, fmt.Errorf("demo: agreement %q: %w", in.Title, err)
		}
		d, _ := sinergi.ParseDate(from)
		for i, code := range stages {
			on := d.AddDate(0, 0, 7*i)
			if on.After(today) {
				on = today
			}
			if a, err = db.CompleteAgreementStage(as(slug), a.ID, a.Version, code, sinergi.StageInput{Date: on.Format(time.DateOnly),
				DocumentRef: fmt.Sprintf("%s/%03d/%d", code, 10+i, on.Year())}); err != nil {
				return nil, fmt.Errorf("demo: agreement %q, stage %s: %w", in.Title, code, err)
			}
		}
		return a, nil
	}
	univ := []string{"persiapan", "penyusunan", "penandatanganan", "pelaksanaan"}

	// Unsulbar–UGM: MoU (institutions) → MoA (faculties) → IA (study programme), the IA expiring
	mou, err := mk("unsulbar", sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "MoU Universitas Sulawesi Barat – Universitas Gadjah Mada tentang Kerja Sama Pendidikan, Penelitian dan Pengabdian kepada Masyarakat",
		Parties: []sinergi.PartyInput{party("unsulbar", "lead", ""), party("ugm", "party", "")}, StartDate: day(-2, 0, 0), EndDate: day(3, 0, -1),
		Urusan: []string{"pendidikan"}, Scope: "Tridharma perguruan tinggi: pendidikan, penelitian, pengabdian kepada masyarakat", FundingSources: []string{"BLU", "APBN"}},
		day(-2, -2, 0), univ...)
	if err != nil {
		return err
	}
	moa, err := mk("unsulbar", sinergi.AgreementInput{Kind: sinergi.KindMoA, Title: "MoA Fakultas Peternakan dan Perikanan Unsulbar – Fakultas Peternakan UGM",
		Parties: []sinergi.PartyInput{party("unsulbar", "lead", "Fakultas Peternakan dan Perikanan"), party("ugm", "party", "Fakultas Peternakan")}, ParentID: &mou.ID,
		StartDate: day(-1, -6, 0), EndDate: day(2, 0, 0), Urusan: []string{"pendidikan", "pertanian"}, Scope: "Pertukaran mahasiswa dan dosen, penelitian bersama bidang peternakan"},
		day(-1, -7, 0), univ...)
	if err != nil {
		return err
	}
	iaUGM, err := mk("unsulbar", sinergi.AgreementInput{Kind: sinergi.KindIA, Title: "IA Pertukaran Mahasiswa Program Studi Peternakan Unsulbar – Fakultas Peternakan UGM",
		Parties: []sinergi.PartyInput{party("unsulbar", "lead", "Program Studi Peternakan"), party("ugm", "party", "Fakultas Peternakan")}, ParentID: &moa.ID,
		StartDate: day(-1, 0, 0), EndDate: day(0, 0, 60), Urusan: []string{"pendidikan"}, Scope: "Pertukaran 10 mahasiswa per semester dengan alih kredit (MBKM)",
		Value: 150_000_000, FundingSources: []string{"BLU"},
		Obligations: []sinergi.ObligationInput{{OrganizationID: ids["unsulbar"], Description: "Laporan kegiatan pertukaran semester ganjil", DueDate: day(0, 0, 30)}}},
		day(-1, -1, 0), univ...)
	if err != nil {
		return err
	}
	if _, err := db.SetAgreementActivityTypes(as("unsulbar"), iaUGM.ID, iaUGM.Version, []iku.Activity{"student_exchange", "credit_transfer"}); err != nil {
		return err
	}

	// Unsulbar–Unismuh: benchmarking for the new medical programme, expiring
	mouUnismuh, err := mk("unsulbar", sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "MoU Unsulbar – Universitas Muhammadiyah Makassar tentang Pendampingan dan Benchmarking Pembukaan Program Studi Pendidikan Dokter",
		Parties:   []sinergi.PartyInput{party("unsulbar", "lead", "Fakultas Kedokteran"), party("unismuh", "party", "Fakultas Kedokteran dan Ilmu Kesehatan")},
		StartDate: day(-1, -10, 0), EndDate: day(0, 0, 75), Urusan: []string{"pendidikan", "kesehatan"},
		Scope: "Benchmarking kurikulum, rumah sakit pendidikan dan penjaminan mutu untuk pembukaan Program Studi Pendidikan Dokter"},
		day(-1, -11, 0), univ...)
	if err != nil {
		return err
	}
	moaUnismuh, err := mk("unsulbar", sinergi.AgreementInput{Kind: sinergi.KindMoA, Title: "MoA Fakultas Kedokteran Unsulbar – Fakultas Kedokteran dan Ilmu Kesehatan Unismuh",
		Parties: []sinergi.PartyInput{party("unsulbar", "lead", "Fakultas Kedokteran"), party("unismuh", "party", "Fakultas Kedokteran dan Ilmu Kesehatan")}, ParentID: &mouUnismuh.ID,
		StartDate: day(-1, -9, 0), EndDate: day(0, 0, 75), Urusan: []string{"pendidikan", "kesehatan"}, Scope: "Pendampingan penyusunan kurikulum dan kunjungan ke rumah sakit pendidikan"},
		day(-1, -10, 0), univ...)
	if err != nil {
		return err
	}
	iaUnismuh, err := mk("unsulbar", sinergi.AgreementInput{Kind: sinergi.KindIA, Title: "IA Benchmarking Kurikulum Program Studi Pendidikan Dokter Unsulbar – FKIK Unismuh",
		Parties: []sinergi.PartyInput{party("unsulbar", "lead", "Program Studi Pendidikan Dokter"), party("unismuh", "party", "Fakultas Kedokteran dan Ilmu Kesehatan")}, ParentID: &moaUnismuh.ID,
		StartDate: day(-1, -8, 0), EndDate: day(0, 0, 75), Urusan: []string{"pendidikan", "kesehatan"}, Scope: "Studi banding kurikulum, skills lab dan rumah sakit pendidikan"},
		day(-1, -9, 0), univ...)
	if err != nil {
		return err
	}
	if _, err := db.SetAgreementActivityTypes(as("unsulbar"), iaUnismuh.ID, iaUnismuh.Version, []iku.Activity{"benchmarking", "curriculum_development"}); err != nil {
		return err
	}

	// KSDD wajib: Maros, Pangkep and Barru on the station access roads; DPRD approved, PKS being drafted
	if _, err := mk("maros", sinergi.AgreementInput{Kind: sinergi.KindKSDD, KSDDCategory: sinergi.KSDDWajib, Bordering: true,
		Title:     "Kesepakatan Bersama Pembangunan dan Pemeliharaan Jalan Akses Stasiun Kereta Api Maros, Pangkep dan Barru",
		Parties:   []sinergi.PartyInput{party("maros", "lead", ""), party("pangkep", "party", ""), party("barru", "party", ""), party("sulsel", "witness", "")},
		StartDate: day(0, -3, 0), EndDate: day(4, 6, 0), BurdensPublic: true, FundedInCurrentBudget: false,
		Urusan: []string{"pupr", "perhubungan"}, Scope: "Jalan akses dan angkutan pengumpan ke Stasiun Maros, Mandai, Ma'rang dan Garongkong",
		Value: 24_000_000_000, FundingSources: []string{"APBD"},
		Obligations: []sinergi.ObligationInput{
			{OrganizationID: ids["maros"], Description: "Pembebasan lahan jalan akses Stasiun Maros", DueDate: day(0, 4, 0)},
			{OrganizationID: ids["pangkep"], Description: "Detail engineering design jalan akses Stasiun Ma'rang", DueDate: day(0, 2, 0)},
			{OrganizationID: ids["barru"], Description: "Penyesuaian RTRW untuk koridor jalan akses Garongkong", DueDate: day(0, 0, -10)}}},
		day(0, -5, 0), "persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "persetujuan_dprd"); err != nil {
		return err
	}

	// Nota Kesepakatan (sinergi): the regions and Kementerian Perhubungan (DJKA)
	if _, err := mk("kemenhub", sinergi.AgreementInput{Kind: sinergi.KindNotaKesepakatan,
		Title: "Nota Kesepakatan Sinergi Pembangunan dan Pengoperasian Jalur Kereta Api Makassar–Parepare",
		Parties: []sinergi.PartyInput{party("kemenhub", "lead", "Direktorat Jenderal Perkeretaapian (DJKA)"), party("sulsel", "party", ""),
			party("maros", "party", ""), party("pangkep", "party", ""), party("barru", "party", "")},
		StartDate: day(-1, 0, 0), EndDate: day(3, 0, 0), Urusan: []string{"perhubungan", "pertanahan", "pupr"},
		Scope: "Rencana aksi: pengadaan tanah, integrasi angkutan pengumpan, keselamatan perlintasan sebidang", FundingSources: []string{"APBN", "APBD"}},
		day(-1, -2, 0), univ...); err != nil {
		return err
	}

	// KSDPK with PT Celebes Railway Indonesia: feasibility study, KB, PKS signed by power of attorney
	if _, err := mk("maros", sinergi.AgreementInput{Kind: sinergi.KindKSDPK,
		Title: "Perjanjian Kerja Sama Pengembangan Kawasan Berorientasi Transit Stasiun Maros dengan PT Celebes Railway Indonesia",
		Parties: []sinergi.PartyInput{{OrganizationID: ids["maros"], Role: "lead", Signatories: []sinergi.Signatory{
			{Name: "Bupati Maros", Position: "Bupati Maros", Authority: sinergi.AuthorityHeadOfRegion, Document: sinergi.DocKB},
			{Name: "Sekretaris Daerah Kabupaten Maros", Position: "Sekretaris Daerah", Authority: sinergi.AuthorityPowerOfAttorney, Document: sinergi.DocPKS}}},
			{OrganizationID: ids["cri"], Role: "party", Signatories: []sinergi.Signatory{{Name: "Direktur Utama", Position: "Direktur Utama PT CRI", Authority: sinergi.AuthorityHeadOfInstitution, Document: sinergi.DocPKS}}}},
		StartDate: day(-1, -3, 0), EndDate: day(3, 0, 0), FundedInCurrentBudget: true, Urusan: []string{"perhubungan", "penanaman_modal"},
		Scope: "Penataan kawasan stasiun, parkir dan ruang usaha UMKM", Value: 8_750_000_000, FundingSources: []string{"partner", "APBD"},
		Obligations: []sinergi.ObligationInput{
			{OrganizationID: ids["cri"], Description: "Membangun area parkir dan halte pengumpan", DueDate: day(0, -1, 0)},
			{OrganizationID: ids["maros"], Description: "Menyediakan akses jalan dan perizinan", DueDate: day(0, 3, 0)}}},
		day(-1, -6, 0), "persiapan", "penawaran", "studi_kelayakan", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks", "pelaksanaan"); err != nil {
		return err
	}

	// A terminated KSDD: the feeder bus plan overtaken by the DJKA timetable
	old, err := mk("maros", sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: "Kerja Sama Angkutan Pemadu Moda Bandara Sultan Hasanuddin – Stasiun Mandai",
		Parties: []sinergi.PartyInput{party("maros", "lead", ""), party("makassar", "party", "")}, StartDate: day(-2, 0, 0), EndDate: day(1, 0, 0),
		FundedInCurrentBudget: true, Urusan: []string{"perhubungan"}, Scope: "Bus pemadu moda bandara–stasiun"},
		day(-2, -2, 0), "persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks")
	if err != nil {
		return err
	}
	if _, err := db.TerminateAgreement(as("maros"), old.ID, old.Version, sinergi.TerminationInput{Reason: "policy_change", Date: day(0, -2, 0),
		Note: "Layanan diambil alih angkutan pengumpan DJKA; kedua pihak mencatat pengakhiran dalam berita acara", DocumentRef: "BA/07/PHB/" + day(0, -2, 0)[:4]}); err != nil {
		return fmt.Errorf("demo: terminate %q: %w", old.Title, err)
	}
	return nil
}
