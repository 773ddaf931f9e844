package main

import (
	"errors"
	"fmt"
	"os"

	"sinergi/store"
)

// cmdBackup writes a consistent copy of a SQLite database while the server
// may be running. PostgreSQL is refused with the pg_dump recipe.
func cmdBackup(e *env, args []string) error {
	fs, dsn := flags(e, "backup")
	force := fs.Bool("force", false, "overwrite FILE when it exists")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "pemakaian / usage: sinergi backup [--db sqlite:PATH] [--force] FILE")
		fs.PrintDefaults()
	}
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"pakai / use: sinergi backup FILE"}
	}
	dialect, path, err := store.ParseDSN(*dsn)
	if err != nil {
		return err
	}
	if dialect != store.SQLite {
		return store.ErrBackupPostgres
	}
	if _, err := os.Stat(path); err != nil { // do not create an empty database
		return fmt.Errorf("basis data / database %s: %w", path, err)
	}
	db, err := openRaw(e, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(e.ctx, fs.Arg(0), *force); err != nil {
		return err
	}
	info, err := store.CheckBackup(e.ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "cadangan ditulis / backup written: %s (%d tabel / tables, %d migrasi / migrations, audit #%d)\n",
		fs.Arg(0), info.Tables, info.Migrations, info.Audit)
	return nil
}

// cmdRestore puts a backup in place of an absent or empty SQLite database (or
// any, with --force), migrates it and verifies its audit log.
func cmdRestore(e *env, args []string) error {
	fs, dsn := flags(e, "restore")
	force := fs.Bool("force", false, "replace a database that is not empty (stop the server first)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "pemakaian / usage: sinergi restore [--db sqlite:PATH] [--force] FILE")
		fs.PrintDefaults()
	}
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"pakai / use: sinergi restore FILE"}
	}
	info, err := store.Restore(e.ctx, fs.Arg(0), *dsn, *force)
	if err != nil {
		return err
	}
	db, err := openDB(e, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.VerifyAudit(e.ctx)
	if err != nil {
		return errors.Join(errors.New("dipulihkan, tetapi jejak audit tidak utuh / restored, but the audit log is broken"), err)
	}
	cur, _, _ := db.SchemaVersion(e.ctx)
	fmt.Fprintf(e.stdout, "dipulihkan / restored: %s → %s (%d migrasi dalam cadangan / migrations in the backup, skema / schema %d; jejak audit utuh / audit log intact: %d entri / entries)\n",
		fs.Arg(0), db.Target, info.Migrations, cur, n)
	return nil
}
