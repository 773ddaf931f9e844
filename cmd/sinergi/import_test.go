package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

func TestImportAgreements(t *testing.T) {
	dsn := storetest.DSN(t)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	for _, n := range []string{"Pemerintah Kabupaten Maros", "Pemerintah Kabupaten Barru"} {
		if _, err := db.CreateOrganization(sys, sinergi.OrganizationInput{Name: n, Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"}); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(t.TempDir(), "ks.csv")
	csv := "Jenis (kind),Judul (title),Para pihak (parties),Tanggal mulai (start_date),Tanggal berakhir (end_date)\n" +
		"KSDD,Jalan akses stasiun,\"Pemerintah Kabupaten Maros; Pemerintah Kabupaten Barru\",2026-01-01,2027-01-01\n" +
		"KSDD,Jalan lingkar,Pemerintah Kabupaten Maros,2026-01-01,2027-01-01\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "import", "agreements", file, "--db", dsn)
	if code != 1 || !strings.Contains(out, "2 rows, 1 valid, 0 imported, 1 problems") || !strings.Contains(out, "baris/row 3") {
		t.Errorf("all or nothing: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = run(t, "", "import", "agreements", file, "--mode", "valid", "--db", dsn)
	if code != 0 || !strings.Contains(out, "2 rows, 1 valid, 1 imported, 1 problems") {
		t.Errorf("valid rows: %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, "", "import", "agreements", file, "--mode", "some", "--db", dsn); code != 2 {
		t.Errorf("bad mode: %d %s", code, errs)
	}
	acts := filepath.Join(t.TempDir(), "kegiatan.csv")
	if err := os.WriteFile(acts, []byte("type,from_org,to_org,date,description\n"+
		"giving_training,Pemerintah Kabupaten Maros,pemerintah kabupaten barru,31/03/2026,Pelatihan perencanaan\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "", "import", "activities", acts, "--db", dsn); code != 0 || !strings.Contains(out, "1 rows, 1 valid, 1 imported, 0 problems") {
		t.Errorf("activities: %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, "", "import", "forums", acts, "--db", dsn); code != 2 {
		t.Errorf("unknown kind: %d %s", code, errs)
	}
	if n, err := db.VerifyAudit(context.Background()); err != nil || n != 4 {
		t.Errorf("audit: %d entries, %v", n, err)
	}
}
