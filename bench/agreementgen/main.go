// Command agreementgen writes an import file of N agreements (the kerja sama
// import template's columns, sheet.Agreements.Columns) for bench/agreements.sh, with
// parties drawn from the organisations of a seeded database (bench/seed):
//
//	sinergi migrate --db sqlite:/tmp/ks.db
//	go run ./bench/seed --db sqlite:/tmp/ks.db --n 20000
//	go run ./bench/agreementgen --db sqlite:/tmp/ks.db --n 100000 --out /tmp/ks.xlsx
//
// Each row is a valid agreement of a kind whose parties fit the law
// (KSDD between regional governments, KSDPK with a company, cooperative or
// civil-society group, Nota Kesepakatan with a ministry, MoU with a
// university, inter-agency among public bodies), parties written by exact
// name (every fourth party by id), a term of one to five years, a title and
// scope from Indonesian programme phrases. Every --bad'th row has one
// problem (an unknown organisation, an end before the start, or an unknown
// kind) so that the import's row-by-row report has something to say. The
// word "galangan" is in about one title in 2,000 (the benchmark's rare word).
// The data is deterministic per --seed. Output: xlsx (excelize's stream
// writer, shared strings) or CSV when --out ends in .csv.
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"sinergi"
	"sinergi/bench/internal/benchdb"
	"sinergi/sheet"
)

func main() {
	dsn := flag.String("db", "", "database with the organisations: sqlite:PATH or postgres://…")
	n := flag.Int("n", 100000, "rows")
	out := flag.String("out", "", "file to write (.xlsx or .csv)")
	bad := flag.Int("bad", 100, "every bad'th row has a problem (0: none)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*dsn, *n, *out, *bad, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "agreementgen:", err)
		os.Exit(1)
	}
}

type org struct {
	id   int64
	name string
}

var (
	programmes = []string{"Peningkatan jalan akses stasiun", "Pengelolaan sampah regional", "Pertukaran mahasiswa Fakultas Peternakan",
		"Penelitian bersama budidaya rumput laut", "Pengembangan wisata bahari", "Penyediaan air minum lintas wilayah",
		"Pelatihan aparatur sipil negara", "Pengembangan kawasan transit", "Pemanfaatan aset daerah", "Pengembangan sistem informasi angkutan",
		"Pembinaan usaha mikro, kecil dan menengah", "Penanggulangan bencana terpadu", "Pelayanan kesehatan rujukan",
		"Pengembangan kurikulum vokasi", "Pengelolaan terminal penumpang", "Revitalisasi pasar tradisional", "Penyuluhan pertanian terpadu",
		"Pengembangan pelabuhan perikanan", "Magang mahasiswa dan lulusan", "Pengabdian kepada masyarakat", "Pembangunan jaringan irigasi",
		"Peningkatan kapasitas guru", "Konservasi daerah aliran sungai", "Penyediaan angkutan sekolah", "Digitalisasi layanan perizinan"}
	places = []string{"Maros", "Pangkep", "Barru", "Makassar", "Gowa", "Takalar", "Parepare", "Mamuju", "Majene", "Polewali Mandar",
		"Bone", "Soppeng", "Wajo", "Sidrap", "Pinrang", "Enrekang", "Luwu", "Toraja", "Bulukumba", "Selayar"}
	scopes = []string{"Perencanaan, pembangunan dan pemeliharaan bersama", "Penyediaan tenaga ahli dan pendampingan teknis",
		"Pertukaran data dan informasi", "Pembiayaan bersama dari APBD masing-masing pihak", "Pemanfaatan sarana dan prasarana",
		"Pendidikan, pelatihan dan penelitian", "Pengembangan sumber daya manusia", "Promosi dan pemasaran bersama"}
)

func run(dsn string, n int, out string, bad int, seed uint64) error {
	if out == "" || n < 1 {
		return fmt.Errorf("--out FILE and --n ≥ 1 are required")
	}
	db, _, err := benchdb.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(context.Background(), `SELECT id, name, sector FROM organizations ORDER BY id`)
	if err != nil {
		return err
	}
	by := map[string][]org{}
	for rows.Next() {
		var o org
		var s string
		if err := rows.Scan(&o.id, &o.name, &s); err != nil {
			return err
		}
		switch sinergi.Sector(s) {
		case sinergi.SectorProvincialGovernment, sinergi.SectorRegencyGovernment, sinergi.SectorCityGovernment:
			s = "region"
		case sinergi.SectorPrivateCompany, sinergi.SectorCooperative, sinergi.SectorCivilSociety:
			s = "third"
		case sinergi.SectorPublicUniversity, sinergi.SectorPrivateUniversity:
			s = "university"
		}
		by[s] = append(by[s], o)
	}
	rows.Close()
	for _, k := range []string{"region", "third", "university", string(sinergi.SectorMinistry)} {
		if len(by[k]) < 2 {
			return fmt.Errorf("too few organisations of kind %s: seed more (bench/seed)", k)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0xa9ee))
	pick := func(k string) org { l := by[k]; return l[rng.IntN(len(l))] }
	ref := func(o org) string {
		if rng.IntN(4) == 0 {
			return strconv.FormatInt(o.id, 10)
		}
		return o.name
	}
	w, err := newWriter(out)
	if err != nil {
		return err
	}
	head := make([]string, len(sheet.Agreements.Columns))
	for i, c := range sheet.Agreements.Columns {
		head[i] = c.Header()
	}
	if err := w.row(head); err != nil {
		return err
	}
	for i := range n {
		kind, a, b := "", pick("region"), org{}
		switch x := rng.IntN(20); {
		case x < 6:
			kind, b = "KSDD", pick("region")
			for b.id == a.id {
				b = pick("region")
			}
		case x < 12:
			kind, b = "KSDPK", pick("third")
		case x < 14:
			kind, b = "NOTA_KESEPAKATAN", pick(string(sinergi.SectorMinistry))
		case x < 18:
			kind, a, b = "MOU", pick("university"), pick("region")
		default:
			kind, b = "INTER_AGENCY", pick(string(sinergi.SectorMinistry))
		}
		title := pickS(rng, programmes) + " " + pickS(rng, places) + " " + strconv.Itoa(2020+rng.IntN(7)) + " nomor " + strconv.Itoa(i+1)
		if rng.IntN(2000) == 0 {
			title = "Revitalisasi galangan perahu pinisi " + pickS(rng, places) + " nomor " + strconv.Itoa(i+1)
		}
		y, m := 2022+rng.IntN(5), 1+rng.IntN(12)
		start := fmt.Sprintf("%d-%02d-01", y, m)
		end := fmt.Sprintf("%d-%02d-28", y+1+rng.IntN(4), m)
		parties := ref(a) + "; " + ref(b)
		if bad > 0 && (i+1)%bad == 0 {
			switch rng.IntN(3) {
			case 0:
				parties = a.name + "; Instansi Fiktif " + strconv.Itoa(i)
			case 1:
				end = fmt.Sprintf("%d-01-01", y-1)
			default:
				kind = "KSDX"
			}
		}
		ksdd := ""
		if kind == "KSDD" {
			ksdd = "sukarela"
		}
		r := []string{kind, ksdd, title, parties, start, end, yn(rng.IntN(5) == 0), yn(rng.IntN(2) == 0), "", pickS(rng, scopes) + " bidang " + strings.ToLower(pickS(rng, programmes))}
		if err := w.row(r); err != nil {
			return err
		}
	}
	return w.close()
}

func pickS(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

func yn(b bool) string {
	if b {
		return "ya"
	}
	return "tidak"
}

// writer writes rows to an xlsx (stream writer) or a CSV file.
type writer struct {
	row   func([]string) error
	close func() error
}

func newWriter(path string) (*writer, error) {
	if strings.HasSuffix(path, ".csv") {
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		bw := bufio.NewWriter(f)
		c := csv.NewWriter(bw)
		return &writer{row: c.Write, close: func() error {
			c.Flush()
			if err := c.Error(); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			return f.Close()
		}}, nil
	}
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "Kerja sama"); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter("Kerja sama")
	if err != nil {
		return nil, err
	}
	line := 0
	return &writer{row: func(r []string) error {
		line++
		cells := make([]any, len(r))
		for i, v := range r {
			cells[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, line)
		return sw.SetRow(cell, cells)
	}, close: func() error {
		if err := sw.Flush(); err != nil {
			return err
		}
		return f.SaveAs(path)
	}}, nil
}
