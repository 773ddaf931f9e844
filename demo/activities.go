package demo

import (
	"context"
	"fmt"
	"time"

	"sinergi"
	"sinergi/store"
)

// demoActivity is one collaboration activity, dated months (and days) before
// the load.
type demoActivity struct {
	months, days int
	typ          sinergi.ActivityType
	from, to     string // slugs; from gives for directed types
	desc         string
	value        int64
}

// activities is a year of collaboration among the demo organisations (plus
// older records), shaped to show:
//   - a silo: UGM works only with another public university (UNSULBAR) in the
//     last 12 months;
//   - brokers: UNSULBAR links the universities to the corridor's
//     governments through Pemprov Sulsel, which facilitates the corridor;
//   - dormant ties: UNSULBAR with KAI and with Pemkot Makassar, last active
//     more than 12 months ago;
//   - give/receive pairs, some reciprocated (Sulsel ↔ Maros, Sulsel ↔ UNSULBAR).
var activities = []demoActivity{
	{11, 3, sinergi.ActTraining, "ugm", "unsulbar", "Pelatihan metodologi penelitian peternakan untuk dosen Program Studi Peternakan", 45_000_000},
	{9, 12, sinergi.ActTechnicalAssistance, "ugm", "unsulbar", "Pendampingan akreditasi laboratorium nutrisi ternak", 0},
	{7, 5, sinergi.ActJointPlanning, "unsulbar", "ugm", "Penyusunan rencana riset bersama sapi potong Sulawesi Barat", 0},
	{4, 20, sinergi.ActInformalCooperation, "ugm", "unsulbar", "Pertukaran data penelitian dan kuliah tamu", 0},
	{2, 2, sinergi.ActTraining, "ugm", "unsulbar", "Pelatihan analisis data genomik ternak", 30_000_000},
	{10, 8, sinergi.ActTechnicalAssistance, "unsulbar", "sulsel", "Kajian dampak sosial-ekonomi jalur kereta api bagi warga sekitar stasiun", 120_000_000},
	{8, 1, sinergi.ActGrantManagement, "sulsel", "unsulbar", "Pengelolaan hibah penelitian daerah untuk LPPM UNSULBAR", 250_000_000},
	{5, 14, sinergi.ActJointPlanning, "sulsel", "unsulbar", "Perencanaan bersama program KKN tematik di desa sekitar stasiun", 0},
	{1, 10, sinergi.ActTechnicalAssistance, "unsulbar", "sulsel", "Survei kepuasan pengguna kereta api Makassar–Parepare", 80_000_000},
	{11, 20, sinergi.ActTraining, "sulsel", "maros", "Pelatihan perencanaan angkutan lanjutan (feeder) dari stasiun", 25_000_000},
	{9, 2, sinergi.ActTechnicalAssistance, "maros", "sulsel", "Data lahan dan tata ruang sekitar Stasiun Maros", 0},
	{6, 9, sinergi.ActMutualAidAgreement, "sulsel", "pangkep", "Kesepakatan saling bantu petugas dan kendaraan saat angkutan Lebaran", 0},
	{3, 15, sinergi.ActJointPlanning, "barru", "parepare", "Rencana bersama angkutan lanjutan Barru–Parepare", 0},
	{8, 22, sinergi.ActEquipment, "kemenhub", "maros", "Penyediaan rambu dan alat keselamatan perlintasan sebidang", 310_000_000},
	{5, 3, sinergi.ActTraining, "kai", "komunitas-maros", "Pelatihan relawan keselamatan perlintasan", 0},
	{2, 25, sinergi.ActInformalCooperation, "umkm-maros", "komunitas-maros", "Bazar UMKM di Stasiun Maros", 0},
	{6, 28, sinergi.ActEquipment, "sci", "makassar", "Penyediaan bus pengumpan uji coba", 150_000_000},
	{1, 3, sinergi.ActInformalCooperation, "cri", "parepare", "Koordinasi jadwal uji coba kereta di Parepare", 0},
	{15, 4, sinergi.ActTechnicalAssistance, "unsulbar", "kai", "Kajian kepadatan penumpang (kegiatan lama, tidak berlanjut)", 60_000_000},
	{19, 11, sinergi.ActEquipment, "makassar", "unsulbar", "Pinjaman alat survei lalu lintas (kegiatan lama)", 0},
}

// unitActivity is an activity between units (issue 6, the unit level): the
// programme of Peternakan works with UGM's faculty, while Pendidikan Dokter
// has recorded collaboration only inside its own university — the unit-level
// silo the analytics page shows at level=unit.
type unitActivity struct {
	demoActivity
	fromUnit, toUnit string
}

var unitActivities = []unitActivity{
	{demoActivity{10, 1, sinergi.ActTraining, "ugm", "unsulbar", "Magang mahasiswa Peternakan di laboratorium Fakultas Peternakan UGM", 0},
		"Fakultas Peternakan", "Program Studi Peternakan"},
	{demoActivity{3, 7, sinergi.ActJointPlanning, "unsulbar", "ugm", "Penyusunan kurikulum bersama mata kuliah pemuliaan ternak", 0},
		"Program Studi Peternakan", "Fakultas Peternakan"},
	{demoActivity{8, 9, sinergi.ActTraining, "unsulbar", "unsulbar", "Pelatihan keterampilan klinis dasar oleh dosen Fakultas Kedokteran", 0},
		"Fakultas Kedokteran", "Program Studi Pendidikan Dokter"},
	{demoActivity{2, 16, sinergi.ActEquipment, "unsulbar", "unsulbar", "Peminjaman manekin simulasi dari Fakultas Kedokteran", 0},
		"Fakultas Kedokteran", "Program Studi Pendidikan Dokter"},
}

// unitID finds a unit of an organisation by its name.
func unitID(ctx context.Context, db *store.DB, orgID int64, name string) (int64, error) {
	us, err := db.Units(ctx, orgID)
	if err != nil {
		return 0, err
	}
	for _, u := range us {
		if u.Name == name {
			return u.ID, nil
		}
	}
	return 0, fmt.Errorf("demo: no unit %q", name)
}

// orgIDs maps the demo organisations' slugs to their ids.
func orgIDs(ctx context.Context, db *store.DB) (map[string]int64, error) {
	ids := map[string]int64{}
	for _, o := range orgs {
		l, err := db.Organizations(ctx, sinergi.OrganizationFilter{Q: o.Name, Limit: 5})
		if err != nil {
			return nil, err
		}
		for _, x := range l.Items {
			if x.Name == o.Name {
				ids[o.Slug] = x.ID
			}
		}
	}
	return ids, nil
}

// loadActivities records the demo's collaboration activities.
func loadActivities(ctx context.Context, db *store.DB) error {
	ids, err := orgIDs(ctx, db)
	if err != nil {
		return err
	}
	now := db.Now().UTC()
	record := func(a demoActivity, fromUnit, toUnit string) error {
		from, okf := ids[a.from]
		to, okt := ids[a.to]
		if !okf || !okt {
			return fmt.Errorf("demo: activity %q: unknown organisation", a.desc)
		}
		in := sinergi.ActivityInput{Type: a.typ, FromOrgID: from, ToOrgID: to, Description: a.desc,
			Date: now.AddDate(0, -a.months, -a.days).Format(time.DateOnly), Evidence: "Berita acara / laporan kegiatan"}
		if a.value > 0 {
			v := a.value
			in.ValueRupiah = &v
		}
		if fromUnit != "" {
			fu, err := unitID(ctx, db, from, fromUnit)
			if err != nil {
				return err
			}
			tu, err := unitID(ctx, db, to, toUnit)
			if err != nil {
				return err
			}
			in.FromUnitID, in.ToUnitID = &fu, &tu
		}
		if _, err := db.CreateActivity(ctx, in); err != nil {
			return fmt.Errorf("demo: activity %q: %w", a.desc, err)
		}
		return nil
	}
	for _, a := range activities {
		if err := record(a, "", ""); err != nil {
			return err
		}
	}
	for _, a := range unitActivities {
		if err := record(a.demoActivity, a.fromUnit, a.toUnit); err != nil {
			return err
		}
	}
	return nil
}
