// Command seed fills the organizations table of a migrated Sinergi database
// with N synthetic organisations, for the benchmarks in bench/ (see
// docs/benchmarks.md).
//
//	/tmp/sinergi migrate --db sqlite:/tmp/bench.db
//	go run ./bench/seed --db sqlite:/tmp/bench.db --n 100000
//
// The schema must already exist: seed does not migrate (run `sinergi migrate
// --db DSN` first, as bench/api.sh and bench/startup.sh do).
//
// Rows are written directly with SQL, in one transaction of batched
// multi-row INSERTs. This is a benchmark fixture only: it bypasses the store
// services on purpose, so NO audit_log entries are written for the seeded
// rows and `sinergi audit verify` knows nothing about them. Never run it
// against a database that matters; it refuses a non-empty organizations
// table unless --force is given.
//
// The data is deterministic for a given --seed: names such as "Dinas
// Perhubungan Kabupaten Maros 12345", sectors spread over all 14 codes
// (weighted, private companies being the most common), and region codes
// that satisfy the sector rules of sinergi.OrganizationInput.Validate:
// provincial_government → "73", regency_government → "73.09",
// city_government → "73.71", foreign_* → "", every other sector one of
// "73.09", "73.71" or "76". Timestamps are UTC with microsecond precision.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
	"unicode"

	"sinergi"
	"sinergi/bench/internal/benchdb"
)

// cols are the columns seed writes; id is assigned by the database and
// parent_id stays NULL.
const cols = 7 // name, acronym, sector, region_code, version, created_at, updated_at

func main() {
	dsn := flag.String("db", "", "database: sqlite:PATH or postgres://…")
	n := flag.Int("n", 100000, "number of organisations to insert")
	batch := flag.Int("batch", 500, "rows per INSERT statement")
	seed := flag.Uint64("seed", 1, "random seed (the data is deterministic per seed)")
	force := flag.Bool("force", false, "insert even if the organizations table is not empty")
	flag.Parse()
	if err := run(*dsn, *n, *batch, *seed, *force); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

func run(dsn string, n, batch int, seed uint64, force bool) error {
	if n < 0 || n > 10_000_000 {
		return fmt.Errorf("--n must be between 0 and 10000000")
	}
	if batch < 1 || batch*cols > 30000 { // below SQLite's and PostgreSQL's parameter limits
		return fmt.Errorf("--batch must be between 1 and %d", 30000/cols)
	}
	db, driver, err := benchdb.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()

	var existing int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM organizations`).Scan(&existing); err != nil {
		return fmt.Errorf("organizations table not readable (run `sinergi migrate --db DSN` first): %w", err)
	}
	if existing > 0 && !force {
		return fmt.Errorf("organizations already holds %d rows; use a fresh database or --force", existing)
	}

	start := time.Now()
	rng := rand.New(rand.NewPCG(seed, 0x5115e76))
	now := time.Now().UTC().Truncate(time.Microsecond)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // no-op after Commit

	columns := []string{"name", "acronym", "sector", "region_code", "version", "created_at", "updated_at"}
	rows := make([][]any, 0, batch)
	for i := range n {
		o := makeOrg(rng, existing+int64(i)+1, now)
		rows = append(rows, []any{o.name, o.acronym, string(o.sector), o.region, o.version, o.created, o.updated})
		if len(rows) == batch {
			if err := benchdb.Insert(ctx, tx, "organizations", columns, rows, batch); err != nil {
				return err
			}
			rows = rows[:0]
		}
	}
	if err := benchdb.Insert(ctx, tx, "organizations", columns, rows, batch); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	inserted := time.Since(start)
	// PostgreSQL: VACUUM (ANALYZE) — fresh statistics so the planner sees
	// the rows, and a set visibility map so that count(*) can use an
	// index-only scan — the state autovacuum would reach a minute or so
	// later anyway; doing it here keeps it from happening in the middle of a
	// measurement. SQLite: no ANALYZE on purpose — the server never runs it,
	// so the plans match a database that grew through the API.
	if driver == "pgx" {
		if _, err := db.ExecContext(ctx, `VACUUM (ANALYZE) organizations`); err != nil {
			return fmt.Errorf("vacuum analyze: %w", err)
		}
	}
	var total int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM organizations`).Scan(&total); err != nil {
		return err
	}
	fmt.Printf("seeded %d organisations (%d in table) in %s (insert %s) on %s\n",
		n, total, time.Since(start).Round(time.Millisecond), inserted.Round(time.Millisecond), driver)
	return nil
}

type org struct {
	name, acronym    string
	sector           sinergi.Sector
	region           string
	version          int64
	created, updated time.Time
}

// Sector weights (sum 100): many companies, cooperatives and civil-society
// groups, few ministries and foreign bodies.
var sectorWeights = []struct {
	s sinergi.Sector
	w int
}{
	{sinergi.SectorMinistry, 3},
	{sinergi.SectorProvincialGovernment, 3},
	{sinergi.SectorRegencyGovernment, 10},
	{sinergi.SectorCityGovernment, 7},
	{sinergi.SectorPublicUniversity, 3},
	{sinergi.SectorPrivateUniversity, 5},
	{sinergi.SectorBUMN, 3},
	{sinergi.SectorBUMD, 4},
	{sinergi.SectorPrivateCompany, 22},
	{sinergi.SectorCooperative, 14},
	{sinergi.SectorCivilSociety, 12},
	{sinergi.SectorCommunity, 8},
	{sinergi.SectorForeignInstitution, 3},
	{sinergi.SectorForeignLocalGovernment, 3},
}

func init() {
	sum := 0
	seen := map[sinergi.Sector]bool{}
	for _, sw := range sectorWeights {
		sum += sw.w
		seen[sw.s] = true
	}
	if sum != 100 || len(seen) != len(sinergi.Sectors) {
		panic("seed: sector weights must cover every sector and sum to 100")
	}
}

func pickSector(rng *rand.Rand) sinergi.Sector {
	x := rng.IntN(100)
	for _, sw := range sectorWeights {
		if x < sw.w {
			return sw.s
		}
		x -= sw.w
	}
	return sinergi.SectorPrivateCompany
}

// place is a region code with the ways names refer to it.
type place struct {
	code  string
	local string // as in "Dinas Perhubungan Kabupaten Maros"
	short string // as in "PT Sinar Maros"
}

var (
	sulsel = place{"73", "Provinsi Sulawesi Selatan", "Sulsel"}
	maros  = place{"73.09", "Kabupaten Maros", "Maros"}
	mks    = place{"73.71", "Kota Makassar", "Makassar"}
	sulbar = place{"76", "Provinsi Sulawesi Barat", "Mamuju"}
	// others is where every non-government, non-foreign sector may sit.
	others = []place{maros, mks, sulbar}
)

var (
	dinas = []string{"Perhubungan", "Pendidikan dan Kebudayaan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang",
		"Pertanian", "Kelautan dan Perikanan", "Pariwisata", "Sosial", "Lingkungan Hidup", "Komunikasi dan Informatika",
		"Koperasi dan UKM", "Perindustrian dan Perdagangan", "Ketahanan Pangan", "Kependudukan dan Pencatatan Sipil"}
	badan = []string{"Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah",
		"Badan Kepegawaian dan Pengembangan SDM", "Badan Penanggulangan Bencana Daerah", "Inspektorat", "Sekretariat Daerah",
		"Rumah Sakit Umum Daerah", "Satuan Polisi Pamong Praja"}
	kementerian = []string{"Perhubungan", "Pendidikan Tinggi, Sains, dan Teknologi", "Dalam Negeri", "Pekerjaan Umum",
		"Kesehatan", "Keuangan", "Pertanian", "Kelautan dan Perikanan", "Perencanaan Pembangunan Nasional", "Agama"}
	balai = []string{"Balai Pengelola Transportasi Darat", "Balai Besar Pelaksanaan Jalan Nasional", "Balai Wilayah Sungai",
		"Balai Teknik Perkeretaapian", "Kantor Wilayah Kementerian Agama", "Balai Besar Karantina Pertanian",
		"Kantor Pelayanan Perbendaharaan Negara"}
	ptn = []string{"Universitas Hasanuddin", "Universitas Negeri Makassar", "Politeknik Negeri Ujung Pandang",
		"Universitas Islam Negeri Alauddin", "Universitas Sulawesi Barat", "Politeknik Pertanian Negeri Pangkep"}
	pts = []string{"Universitas Muslim Indonesia", "Universitas Bosowa", "Universitas Muhammadiyah", "Universitas Fajar",
		"Sekolah Tinggi Ilmu Ekonomi", "Institut Teknologi dan Bisnis Kalla", "Universitas Pejuang Republik Indonesia"}
	bumn = []string{"PT Kereta Api Indonesia (Persero)", "PT Pelabuhan Indonesia (Persero)", "PT PLN (Persero) UID Sulselrabar",
		"PT Telkom Indonesia (Persero) Tbk", "PT Semen Tonasa", "PT Angkasa Pura Indonesia", "Perum Bulog Kanwil",
		"PT Bank Rakyat Indonesia (Persero) Tbk Cabang"}
	bumd   = []string{"Perumda Air Minum", "PT Bank Sulselbar", "Perusahaan Daerah Pasar", "Perumda Parkir", "PT Sulsel Citra Indonesia"}
	ptName = []string{"Maju Bersama", "Sinar Timur", "Karya Utama", "Bumi Lestari", "Mitra Sejahtera", "Cahaya Abadi",
		"Tunas Harapan", "Sentosa Jaya", "Borneo Logistik", "Rel Nusantara", "Anging Mammiri", "Lontara Digital",
		"Pinisi Konstruksi", "Celebes Agro", "Toraja Kopi"}
	koperasi = []string{"Koperasi Tani Sejahtera", "Koperasi Nelayan Bahari", "Koperasi Serba Usaha", "KUD Mekar",
		"Koperasi Simpan Pinjam Amanah", "UMKM Kuliner", "Koperasi Produsen Rumput Laut", "Koperasi Wanita Tani"}
	cso = []string{"Yayasan Peduli Anak", "Lembaga Bantuan Hukum", "Perkumpulan Pemantau Anggaran", "Yayasan Konservasi Laut",
		"Forum Pemerhati Transportasi", "Lembaga Kajian Kebijakan Publik", "Wahana Lingkungan Hidup", "Yayasan Pendidikan Rakyat"}
	komunitas = []string{"Komunitas Pecinta Kereta Api", "Komunitas Literasi", "Komunitas Sepeda", "Karang Taruna",
		"Komunitas Peduli Sungai", "Komunitas Startup", "Kelompok Sadar Wisata", "Komunitas Relawan Bencana"}
	foreign = []string{"Japan International Cooperation Agency", "Australian Department of Foreign Affairs and Trade",
		"Korea International Cooperation Agency", "Deutsche Gesellschaft für Internationale Zusammenarbeit",
		"United Nations Development Programme", "The Asia Foundation", "Delft University of Technology",
		"National University of Singapore"}
	foreignGov = []string{"City of Yokohama", "Provincial Government of Gyeonggi", "City of Rotterdam",
		"Northern Territory Government", "Kota Kinabalu City Hall", "Municipality of Cebu", "City of Brisbane"}
)

func pick(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

func makeOrg(rng *rand.Rand, seq int64, now time.Time) org {
	s := pickSector(rng)
	o := org{sector: s}
	var name string
	switch s {
	case sinergi.SectorMinistry:
		p := others[rng.IntN(len(others))]
		o.region = p.code
		if rng.IntN(3) == 0 {
			name = "Kementerian " + pick(rng, kementerian) // a central body, seen from its regional office
		} else {
			name = pick(rng, balai) + " " + p.short
		}
	case sinergi.SectorProvincialGovernment:
		name = govName(rng, sulsel)
		o.region = sulsel.code
	case sinergi.SectorRegencyGovernment:
		name = govName(rng, maros)
		o.region = maros.code
	case sinergi.SectorCityGovernment:
		name = govName(rng, mks)
		o.region = mks.code
	case sinergi.SectorPublicUniversity:
		name = pick(rng, ptn)
		if rng.IntN(2) == 0 {
			name = pick(rng, []string{"Fakultas Teknik ", "Fakultas Ekonomi dan Bisnis ", "Lembaga Penelitian dan Pengabdian ", "Pusat Studi Transportasi "}) + name
		}
		o.region = others[rng.IntN(len(others))].code
	default:
		p := others[rng.IntN(len(others))]
		o.region = p.code
		switch s {
		case sinergi.SectorPrivateUniversity:
			name = pick(rng, pts) + " " + p.short
		case sinergi.SectorBUMN:
			name = pick(rng, bumn) + " " + p.short
		case sinergi.SectorBUMD:
			name = pick(rng, bumd) + " " + p.short
		case sinergi.SectorPrivateCompany:
			name = pick(rng, []string{"PT ", "CV ", "PT ", "UD "}) + pick(rng, ptName) + " " + p.short
		case sinergi.SectorCooperative:
			name = pick(rng, koperasi) + " " + p.short
		case sinergi.SectorCivilSociety:
			name = pick(rng, cso) + " " + p.short
		case sinergi.SectorCommunity:
			name = pick(rng, komunitas) + " " + p.short
		case sinergi.SectorForeignInstitution:
			name, o.region = pick(rng, foreign), ""
		case sinergi.SectorForeignLocalGovernment:
			name, o.region = pick(rng, foreignGov), ""
		}
	}
	o.name = fmt.Sprintf("%s %d", name, seq)
	o.acronym = acronym(name)
	// Created some time in the last three years; a third edited since.
	o.created = now.Add(-time.Duration(rng.Int64N(int64(3 * 365 * 24 * time.Hour)))).Truncate(time.Microsecond)
	o.updated, o.version = o.created, 1
	if rng.IntN(3) == 0 {
		o.updated = o.created.Add(time.Duration(rng.Int64N(int64(now.Sub(o.created)) + 1))).Truncate(time.Microsecond)
		o.version = 2 + rng.Int64N(4)
	}
	return o
}

func govName(rng *rand.Rand, p place) string {
	switch rng.IntN(6) {
	case 0:
		return "Pemerintah " + p.local
	case 1, 2:
		return pick(rng, badan) + " " + p.local
	default:
		return "Dinas " + pick(rng, dinas) + " " + p.local
	}
}

// acronym builds an upper-case acronym from the capitalised words of name,
// at most 12 letters, as many registries do.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			b.WriteRune(r[0])
		}
		if b.Len() >= 12 {
			break
		}
	}
	return b.String()
}
