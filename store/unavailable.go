package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Unavailable reports whether err means that the database cannot be
// reached right now: a connection refused or not yet accepted (PostgreSQL
// shutting down or starting up, SQLSTATE class 57P), a connection cut by
// the server (57P01) or a connection exception (class 08). The web layer
// answers those 503 with Retry-After instead of an internal error: the
// request may be repeated once /readyz says 200 again.
func Unavailable(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08"))
}
