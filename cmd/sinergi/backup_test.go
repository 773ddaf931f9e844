package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

// These tests always use SQLite files: backup and restore are SQLite
// features; PostgreSQL is backed up with pg_dump (docs/operations.md).

// TestBackupRestoreRoundTrip loads the demo data, backs it up, restores it
// into a new path, compares every table row by row and verifies the audit
// log of the restored copy.
func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := "sqlite:" + filepath.Join(dir, "src.db")
	if code, _, errs := run(t, "", "demo", "--db", src); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	file := filepath.Join(dir, "cadangan.db")
	code, out, errs := run(t, "", "backup", "--db", src, file)
	if code != 0 || !strings.Contains(out, "backup written") {
		t.Fatalf("backup: %d %q %s", code, out, errs)
	}
	// A second backup to the same file is refused without --force.
	if code, _, errs := run(t, "", "backup", "--db", src, file); code == 0 || !strings.Contains(errs, "already exists") {
		t.Fatalf("backup over an existing file: %d %s; want refusal", code, errs)
	}
	if code, _, errs := run(t, "", "backup", "--db", src, "--force", file); code != 0 {
		t.Fatalf("backup --force: %d %s", code, errs)
	}
	dst := "sqlite:" + filepath.Join(dir, "pulih", "dst.db")
	code, out, errs = run(t, "", "restore", "--db", dst, file)
	if code != 0 || !strings.Contains(out, "audit log intact") {
		t.Fatalf("restore: %d %q %s", code, out, errs)
	}
	compareDatabases(t, src, dst)
	if code, out, _ := run(t, "", "audit", "verify", "--db", dst); code != 0 || !strings.Contains(out, "utuh") {
		t.Fatalf("audit verify after restore: %d %s", code, out)
	}
	if code, out, _ := run(t, "", "migrate", "--status", "--db", dst); code != 0 {
		t.Fatalf("migrate --status after restore: %d %s", code, out)
	}

	// The restored database is not empty: a second restore is refused, and
	// --force replaces it.
	if code, _, errs := run(t, "", "restore", "--db", dst, file); code == 0 || !strings.Contains(errs, "not empty") {
		t.Fatalf("restore over a database: %d %s; want refusal", code, errs)
	}
	if code, _, errs := run(t, "", "restore", "--db", dst, "--force", file); code != 0 {
		t.Fatalf("restore --force: %d %s", code, errs)
	}
	compareDatabases(t, src, dst)

	// An empty file is an empty target.
	empty := filepath.Join(dir, "kosong.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "restore", "--db", "sqlite:"+empty, file); code != 0 {
		t.Fatalf("restore into an empty file: %d %s", code, errs)
	}
	compareDatabases(t, src, "sqlite:"+empty)
}

func TestRestoreRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	notSQLite := filepath.Join(dir, "teks.db")
	os.WriteFile(notSQLite, []byte("bukan basis data, hanya teks yang cukup panjang"), 0o644)

	other := filepath.Join(dir, "lain.db")
	d, err := sql.Open("sqlite", "file:"+other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(`CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT)`); err != nil {
		t.Fatal(err)
	}
	d.Close()

	// A Sinergi database from a newer binary: one migration this one lacks.
	newer := filepath.Join(dir, "baru.db")
	db, err := store.Open(ctx, "sqlite:"+newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', CURRENT_TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for _, c := range []struct{ file, want string }{
		{notSQLite, "not a SQLite database"},
		{other, "not a Sinergi database"},
		{newer, "9999_future.sql"},
		{filepath.Join(dir, "tidak-ada.db"), "no such file"},
	} {
		target := filepath.Join(dir, "target-"+filepath.Base(c.file))
		code, _, errs := run(t, "", "restore", "--db", "sqlite:"+target, c.file)
		if code == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("restore %s: %d %q; want refusal mentioning %q", filepath.Base(c.file), code, errs, c.want)
		}
		if _, err := os.Stat(target); err == nil {
			t.Errorf("restore %s left a target file behind", filepath.Base(c.file))
		}
	}
	// Backing up a database that does not exist creates nothing.
	missing := filepath.Join(dir, "hilang.db")
	if code, _, _ := run(t, "", "backup", "--db", "sqlite:"+missing, filepath.Join(dir, "x.db")); code == 0 {
		t.Error("backup of a missing database succeeded")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("backup created the missing database")
	}
}

func TestBackupRefusesPostgres(t *testing.T) {
	for _, args := range [][]string{
		{"backup", "--db", "postgres://sinergi@127.0.0.1:1/sinergi", filepath.Join(t.TempDir(), "x")},
		{"restore", "--db", "postgres://sinergi@127.0.0.1:1/sinergi", filepath.Join(t.TempDir(), "x")},
	} {
		code, _, errs := run(t, "", args...)
		if code == 0 || !strings.Contains(errs, "pg_dump") || !strings.Contains(errs, "docs/operations.md") {
			t.Errorf("%s on PostgreSQL: %d %q; want refusal naming pg_dump and docs/operations.md", args[0], code, errs)
		}
	}
	if os.Getenv("SINERGI_TEST_POSTGRES") != "" { // also with a reachable server
		dsn := storetest.DSN(t)
		code, _, errs := run(t, "", "backup", "--db", dsn, filepath.Join(t.TempDir(), "x"))
		if code == 0 || !strings.Contains(errs, "pg_dump") {
			t.Errorf("backup on PostgreSQL: %d %q", code, errs)
		}
	}
}

// TestBackupOnline backs up while writers commit organisations: the copy is
// one snapshot, so its audit chain verifies, every organisation in it has its
// audit entry, and it holds at least what was committed before it started.
func TestBackupOnline(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	src := "sqlite:" + filepath.Join(dir, "src.db")
	if code, _, errs := run(t, "", "demo", "--db", src); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	db, err := store.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sys := sinergi.WithActor(ctx, sinergi.SystemActor)
	var committed atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var werr atomic.Value
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				_, err := db.CreateOrganization(sys, sinergi.OrganizationInput{
					Name: fmt.Sprintf("Komunitas Cadangan %d-%d", w, i), Sector: sinergi.SectorCommunity, RegionCode: "73.71"})
				if err != nil {
					werr.Store(err)
					return
				}
				committed.Add(1)
			}
		}()
	}
	for i := 0; i < 20000 && committed.Load() < 20 && werr.Load() == nil; i++ {
		time.Sleep(time.Millisecond)
	}
	var before int
	db.SQL.QueryRow(`SELECT count(*) FROM organizations`).Scan(&before)
	files := []string{}
	for i := range 3 {
		f := filepath.Join(dir, fmt.Sprintf("online-%d.db", i))
		if code, _, errs := run(t, "", "backup", "--db", src, f); code != 0 {
			close(stop)
			wg.Wait()
			t.Fatalf("backup %d during writes: %d %s", i, code, errs)
		}
		files = append(files, f)
	}
	close(stop)
	wg.Wait()
	if err := werr.Load(); err != nil {
		t.Fatalf("writer: %v", err)
	}
	prev := before
	for i, f := range files {
		dst := "sqlite:" + filepath.Join(dir, fmt.Sprintf("restored-%d.db", i))
		if code, out, errs := run(t, "", "restore", "--db", dst, f); code != 0 {
			t.Fatalf("restore %d: %d %s %s", i, code, out, errs)
		}
		r, err := store.Open(ctx, dst)
		if err != nil {
			t.Fatal(err)
		}
		var orgs, missing int
		r.SQL.QueryRow(`SELECT count(*) FROM organizations`).Scan(&orgs)
		r.SQL.QueryRow(`SELECT count(*) FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'organization' AND a.entity_id = o.id)`).Scan(&missing)
		if n, err := r.VerifyAudit(ctx); err != nil {
			t.Errorf("backup %d: audit verify after %d entries: %v", i, n, err)
		}
		r.Close()
		if orgs < prev {
			t.Errorf("backup %d holds %d organisations; %d were committed before it started", i, orgs, prev)
		}
		if missing != 0 {
			t.Errorf("backup %d: %d organisations without their audit entry (not one snapshot)", i, missing)
		}
		t.Logf("backup %d: %d organisations (≥ %d)", i, orgs, prev)
		prev = orgs
	}
	t.Logf("%d organisations committed by the writers during the backups", committed.Load())
}

// compareDatabases compares every table of two SQLite databases row by row,
// listing the tables from sqlite_master.
func compareDatabases(t *testing.T, a, b string) {
	t.Helper()
	ctx := context.Background()
	da, err := store.Open(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer da.Close()
	dbb, err := store.Open(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer dbb.Close()
	ta, err := da.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := dbb.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ta, tb) {
		t.Fatalf("tables differ:\n%v\n%v", ta, tb)
	}
	if len(ta) < 10 {
		t.Fatalf("only %d tables: %v", len(ta), ta)
	}
	rowsTotal := 0
	for _, table := range ta {
		ra, rb := dumpTable(t, da.SQL, table), dumpTable(t, dbb.SQL, table)
		if len(ra) != len(rb) {
			t.Errorf("table %s: %d rows vs %d", table, len(ra), len(rb))
			continue
		}
		for i := range ra {
			if ra[i] != rb[i] {
				t.Errorf("table %s row %d differs:\n%s\n%s", table, i, ra[i], rb[i])
				break
			}
		}
		rowsTotal += len(ra)
	}
	if rowsTotal < 100 {
		t.Fatalf("only %d rows compared; the demo data is missing", rowsTotal)
	}
	t.Logf("%d tables, %d rows identical", len(ta), rowsTotal)
}

// dumpTable returns every row of a table as text, ordered by all columns.
func dumpTable(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	q := `"` + strings.ReplaceAll(table, `"`, `""`) + `"`
	var ncol int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_table_info(?)`, table).Scan(&ncol); err != nil {
		t.Fatal(err)
	}
	order := make([]string, ncol)
	for i := range order {
		order[i] = fmt.Sprint(i + 1)
	}
	rows, err := db.Query(`SELECT * FROM ` + q + ` ORDER BY ` + strings.Join(order, ", "))
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]any, ncol)
		ptrs := make([]any, ncol)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%#v", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
