package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"time"

	"sinergi"
	"sinergi/corridor"
	"sinergi/region"
	"sinergi/store"
)

// corridorForum is the demo forum the corridor programme links to.
const corridorForum = "Forum Koridor Kereta Api Makassar–Parepare"

// corridorAgreements are the demo kerja sama (demo/agreements.go) the
// corridor links to: the KSDD among Maros, Pangkep and Barru on the station
// access roads, and the Nota Kesepakatan ("sinergi") with Kementerian
// Perhubungan.
var corridorAgreements = []struct {
	kind  sinergi.AgreementKind
	title string
}{
	{sinergi.KindKSDD, "Kesepakatan Bersama Pembangunan dan Pemeliharaan Jalan Akses Stasiun Kereta Api Maros, Pangkep dan Barru"},
	{sinergi.KindNotaKesepakatan, "Nota Kesepakatan Sinergi Pembangunan dan Pengoperasian Jalur Kereta Api Makassar–Parepare"},
}

// corridorStations are the stations of domain.md §8, in order along the
// line from Makassar; district codes are chosen from the station names and
// are illustrative. About ten UMKM kiosks each at Mandai, Maros and
// Rammang-Rammang, where the station shops start.
var corridorStations = []sinergi.CorridorStationInput{
	{Name: "Tallo", RegionCode: "73.71.07", Status: sinergi.CorridorStationPlanned},
	{Name: "Parangloe", RegionCode: "73.71.14", Status: sinergi.CorridorStationPlanned},
	{Name: "Mandai", RegionCode: "73.09.01", Status: sinergi.CorridorStationOperating, Kiosks: 10},
	{Name: "Maros", RegionCode: "73.09.14", Status: sinergi.CorridorStationOperating, Kiosks: 10},
	{Name: "Rammang-Rammang", RegionCode: "73.09.05", Status: sinergi.CorridorStationOperating, Kiosks: 10},
	{Name: "Pangkajene", RegionCode: "73.10.04", Status: sinergi.CorridorStationOperating},
	{Name: "Mangilu", RegionCode: "73.10.06", Status: sinergi.CorridorStationOperating},
	{Name: "Labakkang", RegionCode: "73.10.07", Status: sinergi.CorridorStationOperating},
	{Name: "Ma'rang", RegionCode: "73.10.08", Status: sinergi.CorridorStationOperating},
	{Name: "Mandalle", RegionCode: "73.10.11", Status: sinergi.CorridorStationOperating},
	{Name: "Tanete Rilau", RegionCode: "73.11.02", Status: sinergi.CorridorStationOperating},
	{Name: "Barru", RegionCode: "73.11.03", Status: sinergi.CorridorStationOperating},
	{Name: "Garongkong", RegionCode: "73.11.03", Status: sinergi.CorridorStationOperating},
	{Name: "Takkalasi", RegionCode: "73.11.07", Status: sinergi.CorridorStationPlanned},
	{Name: "Mangkoso", RegionCode: "73.11.04", Status: sinergi.CorridorStationPlanned},
	{Name: "Palanro", RegionCode: "73.11.05", Status: sinergi.CorridorStationPlanned},
	{Name: "Lumpue", RegionCode: "73.72.04", Status: sinergi.CorridorStationPlanned},
	{Name: "Soreang", RegionCode: "73.72.03", Status: sinergi.CorridorStationPlanned},
}

// DemoCorridorSeed is the demo draw's secret seed (published after the draw,
// as every seed is): SHA-256 of a fixed phrase, so the demo is repeatable.
func DemoCorridorSeed() string {
	h := sha256.Sum256([]byte("sinergi demo: undian kios stasiun Makassar–Parepare"))
	return hex.EncodeToString(h[:])
}

// loadCorridors loads the Makassar–Parepare corridor programme after the
// forums (it links to the corridor forum when that exists): plans of the
// five regions, 300 UMKM applicants, a completed draw and one decided appeal.
func loadCorridors(ctx context.Context, db *store.DB) error {
	if err := loadCorridor(ctx, db); err != nil {
		return fmt.Errorf("demo: corridor: %w", err)
	}
	return nil
}

func loadCorridor(ctx context.Context, db *store.DB) error {
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
	as := sinergi.WithActor(ctx, &sinergi.Actor{System: true, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}, OrgID: ids["kemenhub"],
		Email: "admin.kemenhub@sinergi.test", Name: "Admin BPKA Sulawesi Selatan"})
	in := sinergi.CorridorInput{
		Name: "Koridor Kereta Api Makassar–Parepare", Infrastructure: sinergi.CorridorInfraRailway, OwnerOrgID: ids["kemenhub"],
		OwnerBody: "Direktorat Jenderal Perkeretaapian (DJKA) melalui Balai Pengelola Kereta Api (BPKA) Sulawesi Selatan",
		Description: "Bagian pertama jalur kereta api Trans-Sulawesi melintasi Kota Makassar, Kabupaten Maros, Pangkajene dan Kepulauan, Barru dan Kota Parepare. " +
			"Daerah-daerah bersepakat: mempekerjakan tenaga kerja lokal, membiarkan pedagang berjualan di sekitar stasiun tanpa retribusi yang berat, dan memberikan kios stasiun lebih dahulu kepada UMKM lokal dan waralaba lokal. " +
			"Prasarana dan stasiun dikerjakan melalui KPBU dengan PT Celebes Railway Indonesia; kereta dioperasikan PT KAI bersama PT Sulsel Citra Indonesia.",
		Regions:       []string{"73.71", "73.09", "73.10", "73.11", "73.72"},
		FranchiseRule: corridor.FranchiseWith,
		Stations:      corridorStations,
	}
	for _, o := range []struct {
		slug, role string
		manager    bool
	}{{"sulsel", "Fasilitator (provinsi)", true}, {"maros", "Daerah", true}, {"pangkep", "Daerah", true}, {"barru", "Daerah", true},
		{"parepare", "Daerah", true}, {"makassar", "Daerah", true}, {"cri", "Badan usaha KPBU prasarana", false}, {"kai", "Operator sarana", false},
		{"sci", "Operator sarana (BUMD)", false}, {"umkm-maros", "Asosiasi UMKM", false}, {"komunitas-maros", "Komunitas warga", false}} {
		if ids[o.slug] != 0 {
			in.Organizations = append(in.Organizations, sinergi.CorridorOrgInput{OrganizationID: ids[o.slug], Role: o.role, Manager: o.manager})
		}
	}
	fid, err := db.CorridorForumByName(ctx, corridorForum)
	if err != nil {
		return err
	}
	if fid != 0 {
		in.ForumID = &fid
	}
	c, err := db.CreateCorridor(as, in)
	if err != nil {
		return err
	}
	for _, ag := range corridorAgreements {
		aid, err := db.CorridorAgreementByTitle(ctx, ag.kind, ag.title)
		if err != nil {
			return err
		}
		if aid == 0 {
			return fmt.Errorf("agreement %q not found", ag.title)
		}
		if _, err := db.LinkCorridorAgreement(as, c.ID, sinergi.CorridorAgreementInput{AgreementID: aid}); err != nil {
			return fmt.Errorf("link agreement %q: %w", ag.title, err)
		}
	}
	st := map[string]int64{}
	for _, s := range c.Stations {
		st[s.Name] = s.ID
	}
	for _, p := range corridorPlans(st) {
		if _, err := db.SaveCorridorPlan(as, c.ID, p); err != nil {
			return fmt.Errorf("plan %s: %w", p.RegionCode, err)
		}
	}
	apps := corridorApplicants(st)
	for _, a := range apps {
		if _, err := db.CreateCorridorApplication(as, c.ID, a); err != nil {
			return fmt.Errorf("application %s: %w", a.BusinessName, err)
		}
	}
	seed := DemoCorridorSeed()
	b, _ := hex.DecodeString(seed)
	if _, err := db.CommitCorridorDraw(as, c.ID, sinergi.CorridorCommitInput{Commitment: corridor.Commit(b), ApplicationsCloseAt: db.Now().Add(time.Hour)}); err != nil {
		return err
	}
	if _, err := db.CloseCorridorApplications(as, c.ID); err != nil {
		return err
	}
	d, err := db.RunCorridorDraw(as, c.ID, sinergi.CorridorDrawInput{Seed: seed})
	if err != nil {
		return err
	}
	rec, err := db.CorridorDrawRecord(ctx, c.ID, d.ID)
	if err != nil {
		return err
	}
	// the appeal: the first applicant from outside the corridor left waiting
	var appellant int64
	for _, w := range rec.Result.Waiting {
		if w.Tier == 3 {
			appellant = w.ApplicationID
			break
		}
	}
	if appellant == 0 && len(rec.Result.Waiting) > 0 {
		appellant = rec.Result.Waiting[0].ApplicationID
	}
	if appellant == 0 {
		return nil
	}
	ap, err := db.CreateCorridorAppeal(as, c.ID, sinergi.CorridorAppealInput{ApplicationID: appellant,
		Grounds: "Pemohon menyatakan telah pindah ke Kabupaten Maros dan meminta domisilinya dihitung sebagai domisili kabupaten stasiun."})
	if err != nil {
		return err
	}
	_, err = db.DecideCorridorAppeal(as, c.ID, ap.ID, sinergi.CorridorAppealDecisionInput{Outcome: sinergi.CorridorAppealRejected,
		Decision: "Domisili dinilai menurut data NIB pada saat pendaftaran ditutup; perpindahan setelahnya tidak mengubah urutan prioritas. Pemohon tetap dalam daftar tunggu."})
	return err
}

// corridorPlans are the five regions' plans in the seed's categories.
func corridorPlans(st map[string]int64) []sinergi.CorridorPlanInput {
	id := func(name string) *int64 { v := st[name]; return &v }
	step := func(cat sinergi.CorridorPlanCategory, title, owner, start, due string, status sinergi.CorridorStepStatus) sinergi.CorridorPlanStep {
		return sinergi.CorridorPlanStep{Category: cat, Title: title, Owner: owner, StartDate: start, DueDate: due, Status: status}
	}
	return []sinergi.CorridorPlanInput{
		{RegionCode: "73.09", TariffCap: 50000, HiringTarget: 60, HiredTotal: 420, HiredLocal: 281,
			Note: "Kios stasiun dimulai di Mandai, Maros dan Rammang-Rammang.",
			Steps: []sinergi.CorridorPlanStep{
				step(sinergi.CorridorCatLocalWorkforce, "Pendataan dan pelatihan calon pekerja konstruksi dan stasiun dari desa sekitar", "Dinas Tenaga Kerja Kabupaten Maros", "2026-01-05", "2026-06-30", sinergi.CorridorStepDone),
				step(sinergi.CorridorCatTradingStations, "Penataan zona pedagang kaki lima di depan Stasiun Maros dan Mandai", "Dinas Perdagangan Kabupaten Maros", "2026-03-01", "2026-09-30", sinergi.CorridorStepInProgress),
				step(sinergi.CorridorCatStationShops, "Undian kios stasiun untuk UMKM lokal (Mandai, Maros, Rammang-Rammang)", "Dinas Koperasi dan UKM Kabupaten Maros bersama BPKA Sulsel", "2026-09-01", "2026-11-30", sinergi.CorridorStepDone),
				step(sinergi.CorridorCatAccessRoads, "Jalan akses dan trotoar Stasiun Rammang-Rammang", "Dinas PUPR Kabupaten Maros", "2026-04-01", "2027-03-31", sinergi.CorridorStepInProgress),
				step(sinergi.CorridorCatFeederTransport, "Trayek angkutan pengumpan Bandara–Stasiun Mandai", "Dinas Perhubungan Kabupaten Maros", "2026-07-01", "2027-06-30", sinergi.CorridorStepPlanned),
			},
			Zones: []sinergi.CorridorZoneInput{{Name: "Pelataran timur Stasiun Mandai", StationID: id("Mandai"), Tariff: 30000},
				{Name: "Jalan masuk Stasiun Maros", StationID: id("Maros"), Tariff: 45000},
				{Name: "Kawasan wisata Rammang-Rammang", StationID: id("Rammang-Rammang"), Tariff: 75000}}},
		{RegionCode: "73.10", TariffCap: 40000, HiringTarget: 50, HiredTotal: 380, HiredLocal: 171,
			Steps: []sinergi.CorridorPlanStep{
				step(sinergi.CorridorCatLocalWorkforce, "Kuota pekerja lokal dalam kontrak perawatan jalur", "Dinas Tenaga Kerja Kabupaten Pangkep", "2026-02-01", "2026-12-31", sinergi.CorridorStepInProgress),
				step(sinergi.CorridorCatTradingStations, "Pasar sore di sekitar Stasiun Pangkajene", "Dinas Perdagangan Kabupaten Pangkep", "2026-05-01", "2026-10-31", sinergi.CorridorStepDelayed),
				step(sinergi.CorridorCatFeederTransport, "Angkutan pengumpan Labakkang–Ma'rang–Mandalle", "Dinas Perhubungan Kabupaten Pangkep", "2026-08-01", "2027-07-31", sinergi.CorridorStepPlanned),
			},
			Zones: []sinergi.CorridorZoneInput{{Name: "Halaman Stasiun Pangkajene", StationID: id("Pangkajene"), Tariff: 25000}, {Name: "Depan Stasiun Labakkang", StationID: id("Labakkang"), Tariff: 20000}}},
		{RegionCode: "73.11", TariffCap: 40000, HiringTarget: 50, HiredTotal: 350, HiredLocal: 196,
			Steps: []sinergi.CorridorPlanStep{
				step(sinergi.CorridorCatLocalWorkforce, "Pekerja lokal untuk pembangunan Stasiun Takkalasi, Mangkoso dan Palanro", "Dinas Tenaga Kerja Kabupaten Barru", "2026-06-01", "2027-12-31", sinergi.CorridorStepPlanned),
				step(sinergi.CorridorCatAccessRoads, "Jalan penghubung Pelabuhan Garongkong–Stasiun Garongkong", "Dinas PUPR Kabupaten Barru", "2026-03-01", "2027-02-28", sinergi.CorridorStepInProgress),
			},
			Zones: []sinergi.CorridorZoneInput{{Name: "Depan Stasiun Barru", StationID: id("Barru"), Tariff: 45000}}},
		{RegionCode: "73.72", TariffCap: 50000, HiringTarget: 50,
			Steps: []sinergi.CorridorPlanStep{
				step(sinergi.CorridorCatLocalWorkforce, "Rencana perekrutan pekerja lokal untuk Stasiun Lumpue dan Soreang", "Dinas Tenaga Kerja Kota Parepare", "2027-01-01", "2028-12-31", sinergi.CorridorStepPlanned),
				step(sinergi.CorridorCatFeederTransport, "Integrasi angkutan kota dengan Pelabuhan Nusantara Parepare", "Dinas Perhubungan Kota Parepare", "2027-01-01", "2028-12-31", sinergi.CorridorStepPlanned),
			}},
		{RegionCode: "73.71", TariffCap: 60000, HiringTarget: 40,
			Steps: []sinergi.CorridorPlanStep{
				step(sinergi.CorridorCatStationShops, "Rencana kios UMKM di Stasiun Tallo dan Parangloe", "Dinas Koperasi dan UKM Kota Makassar", "2027-01-01", "2028-06-30", sinergi.CorridorStepPlanned),
				step(sinergi.CorridorCatFeederTransport, "Angkutan pengumpan Pelabuhan Makassar New Port–Stasiun Tallo", "Dinas Perhubungan Kota Makassar", "2027-01-01", "2028-12-31", sinergi.CorridorStepPlanned),
			}},
	}
}

var (
	umkmKinds    = []struct{ prefix, category string }{{"Warung", "kuliner"}, {"Dapur", "kuliner"}, {"Kopi", "minuman"}, {"Toko", "kelontong"}, {"Kerajinan", "kerajinan"}, {"Kue", "kuliner"}, {"Oleh-oleh", "oleh-oleh"}, {"Tenun", "kerajinan"}, {"Jasa Cetak", "jasa"}, {"Sambal", "kuliner"}}
	umkmWords    = []string{"Bunda", "Karst", "Cahaya", "Sipakatau", "Berkah", "Mandiri", "Sejahtera", "Harapan", "Lestari", "Tupabbiring", "Salewangang", "Mattiro", "Siri", "Rezki", "Pakalu"}
	umkmFirst    = []string{"Andi", "Muhammad", "Nurhayati", "Hasnah", "Syamsuddin", "Rahmawati", "Ahmad", "Sitti", "Baharuddin", "Haerani", "Irwan", "Jumriah", "Kamaruddin", "Marwah", "Nasrullah", "Rosmini", "Suardi", "Wahyuni", "Yusuf", "Zainab"}
	umkmLast     = []string{"Daeng Ngalle", "Daeng Tutu", "Rahman", "Hasan", "Latif", "Baso", "Sennang", "Ismail", "Patta", "Sudirman", "Tahir", "Mappiare"}
	umkmDistrict = []struct {
		code   string
		weight int
	}{{"73.09.01", 14}, {"73.09.14", 14}, {"73.09.05", 12}, {"73.09.12", 8}, {"73.09.08", 6}, {"73.09.03", 6}, // Maros
		{"73.10.04", 6}, {"73.10.06", 4}, {"73.11.03", 3}, {"73.71.11", 7}, {"73.71.14", 5}, {"73.72.03", 2}, // corridor
		{"73.06.01", 5}, {"73.08.01", 4}, {"73.14.01", 4}} // Gowa, Bone, Sidenreng Rappang: outside
)

// corridorApplicants generates 300 UMKM applications with valid village
// codes (and some district codes) from the region data; deterministic.
func corridorApplicants(st map[string]int64) []sinergi.CorridorApplicationInput {
	rng := rand.New(rand.NewPCG(73, 9))
	total := 0
	for _, d := range umkmDistrict {
		total += d.weight
	}
	three := []int64{st["Mandai"], st["Maros"], st["Rammang-Rammang"]}
	out := make([]sinergi.CorridorApplicationInput, 0, 300)
	for i := range 300 {
		n := rng.IntN(total)
		district := umkmDistrict[0].code
		for _, d := range umkmDistrict {
			if n < d.weight {
				district = d.code
				break
			}
			n -= d.weight
		}
		dom := district
		if vs := region.Children(district); len(vs) > 0 && rng.IntN(10) > 0 {
			dom = vs[rng.IntN(len(vs))].Code
		}
		k := umkmKinds[rng.IntN(len(umkmKinds))]
		size := corridor.Micro
		if x := rng.IntN(10); x >= 9 {
			size = corridor.Medium
		} else if x >= 6 {
			size = corridor.Small
		}
		prefs := rng.Perm(3)[:1+rng.IntN(3)]
		var stations []int64
		for _, p := range prefs {
			stations = append(stations, three[p])
		}
		out = append(out, sinergi.CorridorApplicationInput{
			BusinessName:    fmt.Sprintf("%s %s %s", k.prefix, umkmWords[rng.IntN(len(umkmWords))], umkmWords[rng.IntN(len(umkmWords))]),
			OwnerName:       umkmFirst[rng.IntN(len(umkmFirst))] + " " + umkmLast[rng.IntN(len(umkmLast))],
			DomicileCode:    dom,
			Size:            size,
			LocalFranchise:  rng.IntN(12) == 0,
			NIB:             fmt.Sprintf("91203%08d", 1000+i*37),
			ProductCategory: k.category,
			Stations:        stations,
		})
	}
	return out
}
