// Package benchdb is what the fixture writers of bench/ (seed, forumseed)
// share: opening a Sinergi DSN with database/sql, and multi-row INSERTs.
// Fixtures write with SQL directly, bypassing the store on purpose (no
// audit-log entries); see docs/benchmarks.md.
package benchdb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// DriverFor maps a Sinergi DSN (sqlite:PATH or postgres://…) to a
// database/sql driver name and data source.
func DriverFor(dsn string) (driver, source string, err error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return "pgx", dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
		if path == "" || strings.Contains(path, "?") {
			return "", "", fmt.Errorf("sqlite: needs a plain file path, e.g. sqlite:/tmp/bench.db")
		}
		return "sqlite", "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(15000)&_time_format=sqlite", nil
	default:
		return "", "", fmt.Errorf("--db must be sqlite:PATH or postgres://… (got %q)", dsn)
	}
}

// Open opens a Sinergi DSN with one connection (fixtures write in one
// transaction) and returns the driver name too.
func Open(dsn string) (*sql.DB, string, error) {
	driver, source, err := DriverFor(dsn)
	if err != nil {
		return nil, "", err
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, "", err
	}
	db.SetMaxOpenConns(1)
	return db, driver, nil
}

// Insert writes rows (each len(cols) values) into table, batch rows per
// INSERT statement, with $N placeholders (both drivers take them).
func Insert(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any, batch int) error {
	batch = max(batch, 1)
	var sb strings.Builder
	args := make([]any, 0, min(batch, len(rows))*len(cols))
	for len(rows) > 0 {
		chunk := rows[:min(batch, len(rows))]
		rows = rows[len(chunk):]
		sb.Reset()
		args = args[:0]
		fmt.Fprintf(&sb, "INSERT INTO %s (%s) VALUES ", table, strings.Join(cols, ", "))
		for r, row := range chunk {
			if r > 0 {
				sb.WriteByte(',')
			}
			sb.WriteByte('(')
			for c := range cols {
				if c > 0 {
					sb.WriteByte(',')
				}
				fmt.Fprintf(&sb, "$%d", r*len(cols)+c+1)
			}
			sb.WriteByte(')')
			args = append(args, row...)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}
