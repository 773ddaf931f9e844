// Package store implements the domain services over database/sql, on SQLite
// (modernc.org/sqlite, pure Go) and PostgreSQL (pgx). The same SQL text runs
// on both; where the engines differ, DB.Dialect says which one is open.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Dialect names the database engine.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database with the services that use it.
type DB struct {
	SQL     *sql.DB
	Dialect Dialect
	Target  string // the DSN without password, for messages
	Now     func() time.Time
}

// ParseDSN splits "sqlite:PATH", "postgres://…" (or a bare file path) into
// the dialect and the driver's data source name.
func ParseDSN(dsn string) (Dialect, string, error) {
	dsn = strings.TrimSpace(dsn)
	switch {
	case dsn == "":
		return "", "", errors.New("empty database address; use sqlite:PATH or postgres://…")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return "", "", fmt.Errorf("invalid PostgreSQL URL: %w", err)
		}
		return Postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		dsn = strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
	case strings.Contains(dsn, "://"):
		return "", "", fmt.Errorf("unsupported database %q; use sqlite:PATH or postgres://…", redact(dsn))
	}
	if dsn == "" {
		return "", "", errors.New("sqlite: needs a file path, e.g. sqlite:sinergi.db")
	}
	return SQLite, dsn, nil
}

// Open connects to the database named by dsn. It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	dialect, source, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{Dialect: dialect, Target: redact(dsn), Now: time.Now}
	switch dialect {
	case SQLite:
		if dir := filepath.Dir(source); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, err
			}
		}
		// WAL for concurrent readers; FULL sync so that nothing acknowledged
		// is lost; immediate transactions so that writers queue on the busy
		// timeout instead of failing on a lock upgrade.
		q := "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(15000)" +
			"&_pragma=synchronous(FULL)&_time_format=sqlite&_txlock=immediate"
		db.SQL, err = sql.Open("sqlite", "file:"+source+q)
		if err != nil {
			return nil, err
		}
		db.SQL.SetMaxOpenConns(8)
		db.SQL.SetMaxIdleConns(8)
		db.SQL.SetConnMaxIdleTime(0)
	case Postgres:
		db.SQL, err = sql.Open("pgx", source)
		if err != nil {
			return nil, err
		}
		db.SQL.SetMaxOpenConns(20)
		db.SQL.SetMaxIdleConns(20)
		db.SQL.SetConnMaxIdleTime(5 * time.Minute)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.SQL.PingContext(pctx); err != nil {
		db.SQL.Close()
		return nil, fmt.Errorf("cannot reach database %s: %w", db.Target, err)
	}
	return db, nil
}

// Close closes the connection pool.
func (db *DB) Close() error { return db.SQL.Close() }

// now returns the current time in UTC, at the microsecond precision both
// engines keep.
func (db *DB) now() time.Time { return db.Now().UTC().Truncate(time.Microsecond) }

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
