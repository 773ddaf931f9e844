package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Backup and restore of a SQLite database. PostgreSQL is backed up with its
// own tools (pg_dump / pg_restore, see docs/operations.md); these functions
// refuse it.

// ErrBackupPostgres is returned for a PostgreSQL database: use pg_dump.
var ErrBackupPostgres = errors.New("PostgreSQL dicadangkan dengan pg_dump dan dipulihkan dengan pg_restore / " +
	"back up PostgreSQL with pg_dump and restore it with pg_restore: " +
	"pg_dump -Fc -f sinergi.dump 'postgres://…/sinergi'; pg_restore --no-owner -d 'postgres://…/sinergi_baru' sinergi.dump; " +
	"then `sinergi migrate` and `sinergi audit verify` (docs/operations.md)")

// Backup writes a consistent copy of the open SQLite database to path while
// other connections keep reading and writing. It uses VACUUM INTO, which
// reads one snapshot of the database in a single read transaction, so the
// copy holds every transaction committed before it started and none after.
// The copy is written to a temporary file beside path, synced, and renamed,
// so path never holds a half-written backup. path must not exist unless
// overwrite is set.
func (db *DB) Backup(ctx context.Context, path string, overwrite bool) error {
	if db.Dialect != SQLite {
		return ErrBackupPostgres
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if st, err := os.Stat(abs); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s adalah folder / is a directory", path)
		}
		if !overwrite {
			return fmt.Errorf("%s sudah ada / already exists (pakai / use --force untuk menimpa / to overwrite)", path)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName) // gone after the rename; cleans up on failure
	// VACUUM INTO needs an absent or empty target; the temp file is empty.
	if _, err := db.SQL.ExecContext(ctx, `VACUUM INTO `+sqliteString(tmpName)); err != nil {
		return fmt.Errorf("VACUUM INTO: %w", err)
	}
	if err := syncFile(tmpName); err != nil {
		return err
	}
	if _, err := CheckBackup(ctx, tmpName); err != nil {
		return fmt.Errorf("salinan tidak lolos pemeriksaan / the copy failed its check: %w", err)
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return err
	}
	return syncDir(filepath.Dir(abs))
}

// BackupInfo describes a checked backup file.
type BackupInfo struct {
	Migrations int   // migrations recorded in the file
	Tables     int   // tables in the file
	Audit      int64 // last audit entry id
}

// CheckBackup checks that path is a SQLite database made by Sinergi: the
// file header, an integrity check, a schema_migrations table, and only
// migrations this binary knows (same number and file name). It opens the file
// read-only.
func CheckBackup(ctx context.Context, path string) (*BackupInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, []byte("SQLite format 3\x00")) {
		return nil, fmt.Errorf("%s bukan basis data SQLite / is not a SQLite database", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	src, err := sql.Open("sqlite", "file:"+abs+"?mode=ro&_pragma=query_only(1)&_time_format=sqlite")
	if err != nil {
		return nil, err
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	var ok string
	if err := src.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&ok); err != nil {
		return nil, fmt.Errorf("%s tidak terbaca / cannot be read: %w", path, err)
	}
	if ok != "ok" {
		return nil, fmt.Errorf("%s rusak / is damaged: %s", path, ok)
	}
	info := &BackupInfo{}
	if err := src.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table'`).Scan(&info.Tables); err != nil {
		return nil, err
	}
	var has int
	if err := src.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'`).Scan(&has); err != nil {
		return nil, err
	}
	if has == 0 {
		return nil, fmt.Errorf("%s bukan basis data Sinergi (tidak ada schema_migrations) / is not a Sinergi database (no schema_migrations)", path)
	}
	known, err := (&DB{Dialect: SQLite}).migrations()
	if err != nil {
		return nil, err
	}
	names := map[int]string{}
	for _, m := range known {
		names[m.version] = m.name
	}
	rows, err := src.QueryContext(ctx, `SELECT version, name FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var unknown []string
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			return nil, err
		}
		info.Migrations++
		if names[v] != name {
			unknown = append(unknown, fmt.Sprintf("%d %s", v, name))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("%s memuat migrasi yang tidak dikenal program ini / holds migrations this binary does not know (upgrade sinergi): %s",
			path, strings.Join(unknown, ", "))
	}
	var n int
	if err := src.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='audit_head'`).Scan(&n); err == nil && n == 1 {
		src.QueryRowContext(ctx, `SELECT last_id FROM audit_head WHERE id = 1`).Scan(&info.Audit)
	}
	return info, nil
}

// Restore copies the backup file src into the SQLite database named by dsn.
// The target must be absent, an empty file, or a SQLite database without
// tables, unless force is set (then it and its -wal/-shm files are replaced;
// no server may be using it). The backup is checked first (CheckBackup); the
// copy goes through a synced temporary file and a rename. Restore does not
// migrate: the caller opens the result and migrates it.
func Restore(ctx context.Context, src, dsn string, force bool) (*BackupInfo, error) {
	dialect, target, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if dialect != SQLite {
		return nil, ErrBackupPostgres
	}
	info, err := CheckBackup(ctx, src)
	if err != nil {
		return nil, err
	}
	target, err = filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	if sa, err := filepath.Abs(src); err == nil && sa == target {
		return nil, errors.New("berkas cadangan dan basis data tujuan sama / the backup and the target are the same file")
	}
	if !force {
		if err := targetEmpty(ctx, target); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, err
	}
	in, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".restore-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	// Stale WAL or shared-memory files of the old database would be applied
	// to the restored one: remove them before the rename.
	for _, s := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(target + s); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return nil, err
	}
	return info, syncDir(filepath.Dir(target))
}

// targetEmpty returns nil when path is absent, an empty file, or a SQLite
// database without tables.
func targetEmpty(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%s adalah folder / is a directory", path)
	}
	if st.Size() == 0 {
		return nil
	}
	refuse := fmt.Errorf("basis data tujuan %s tidak kosong / the target database is not empty (pakai / use --force untuk menimpanya / to replace it; hentikan server dulu / stop the server first)", path)
	d, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return refuse
	}
	defer d.Close()
	var n int
	if err := d.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil || n > 0 {
		return refuse
	}
	return nil
}

// Tables lists the database's tables (SQLite: from sqlite_master; PostgreSQL:
// the current schema), sorted, without SQLite's internal ones.
func (db *DB) Tables(ctx context.Context) ([]string, error) {
	q := `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`
	if db.Dialect == Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := db.SQL.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out, rows.Err()
}

func sqliteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not supported everywhere; best effort
	return nil
}
