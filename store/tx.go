package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"sinergi"
)

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a transaction, committing when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return dbErr(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return dbErr(err)
	}
	return dbErr(tx.Commit())
}

// UserError returns the domain error for a driver error that bad input can
// cause (duplicate, missing reference, a character the database refuses),
// or nil for anything else. The web layer uses it as a last net for reads,
// which do not pass through dbErr.
func UserError(err error) *sinergi.Error {
	var e *sinergi.Error
	if errors.As(dbErr(err), &e) {
		return e
	}
	return nil
}

// dbErr turns driver errors that users can cause into domain errors.
func dbErr(err error) error {
	if err == nil {
		return nil
	}
	var de *sinergi.Error
	if errors.As(err, &de) {
		return err
	}
	var pg *pgconn.PgError
	msg := err.Error()
	switch {
	case errors.As(err, &pg) && pg.Code == "23505", strings.Contains(msg, "UNIQUE constraint failed"):
		return &sinergi.Error{Code: sinergi.CodeConflict, Err: err,
			Msg: sinergi.T("Data yang sama sudah ada", "A record with the same value already exists")}
	case errors.As(err, &pg) && (pg.Code == "22021" || pg.Code == "22P05"):
		// PostgreSQL cannot store NUL (and some other bytes) in text
		return &sinergi.Error{Code: sinergi.CodeInvalid, Err: err,
			Msg: sinergi.T("Teks berisi karakter yang tidak diizinkan (misalnya NUL)", "The text contains a character that is not allowed (such as NUL)")}
	case errors.As(err, &pg) && pg.Code == "23503", strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return &sinergi.Error{Code: sinergi.CodeConflict, Err: err,
			Msg: sinergi.T("Data masih dipakai atau merujuk ke data yang tidak ada", "The record is still in use or refers to a missing record")}
	}
	return err
}

// nullID maps 0/nil to SQL NULL.
func nullID(p *int64) any {
	if p == nil || *p == 0 {
		return nil
	}
	return *p
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// forUpdate locks the selected rows on PostgreSQL; SQLite's immediate
// transactions already hold the write lock.
func (db *DB) forUpdate() string {
	if db.Dialect == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// checkVersion compares the stored version with the one the client saw
// (0: the client did not say).
func checkVersion(stored, want int64) error {
	if want != 0 && stored != want {
		return sinergi.Stale()
	}
	return nil
}
