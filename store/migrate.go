package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migrations are append-only numbered SQL files, one folder per dialect
// (0001_init.sql, 0002_….sql). A small runner is enough: each file runs in
// its own transaction together with the row that records it.
//
//go:embed migrations
var migrations embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", string(db.Dialect))
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		b, err := fs.ReadFile(migrations, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: n, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// applied returns the versions recorded in schema_migrations.
func applied(ctx context.Context, q querier) (map[int]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

// SchemaVersion returns the number of known migrations applied ("current")
// and the number this binary knows ("latest"); they are equal when the
// schema is up to date. Migrations are tracked one by one, so a module's
// migration numbered below one already applied still runs.
func (db *DB) SchemaVersion(ctx context.Context) (current, latest int, err error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, 0, err
	}
	latest = len(ms)
	var exists bool
	switch db.Dialect {
	case SQLite:
		err = db.SQL.QueryRowContext(ctx, `SELECT count(*) > 0 FROM sqlite_master WHERE type='table' AND name='schema_migrations'`).Scan(&exists)
	default:
		err = db.SQL.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists)
	}
	if err != nil || !exists {
		return 0, latest, err
	}
	done, err := applied(ctx, db.SQL)
	if err != nil {
		return 0, latest, err
	}
	for _, m := range ms {
		if done[m.version] {
			current++
		}
	}
	if len(done) > current { // versions this binary does not know
		current = latest + len(done) - current
	}
	return current, latest, err
}

// CheckSchema returns an error when the schema is older or newer than this
// binary expects.
func (db *DB) CheckSchema(ctx context.Context) error {
	cur, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	switch {
	case cur < latest:
		return fmt.Errorf("database schema lacks %d of this binary's %d migrations: run `sinergi migrate` (or start serve without --no-migrate)", latest-cur, latest)
	case cur > latest:
		return fmt.Errorf("database schema has %d migrations this binary does not know: upgrade sinergi", cur-latest)
	}
	return nil
}

// goSteps are migrations' steps in Go, run in the migration's transaction
// after its SQL: rewriting stored data in a form SQL cannot compute.
var goSteps = map[int]func(ctx context.Context, db *DB, tx *sql.Tx) error{
	13: refreshAllAgreementSearch, // the folded search text (0013_agreement_search)
}

// Migrate applies every migration newer than the database's schema and
// returns how many ran. On PostgreSQL an advisory lock keeps several server
// copies from migrating at once.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, err
	}
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if db.Dialect == Postgres {
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(727001)`); err != nil {
			return 0, err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(727001)`)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	done, err := applied(ctx, conn)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return n, err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return n, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if step := goSteps[m.version]; step != nil {
			if err := step(ctx, db, tx); err != nil {
				tx.Rollback()
				return n, fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, m.version, m.name, db.now()); err != nil {
			tx.Rollback()
			return n, err
		}
		if err := tx.Commit(); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
