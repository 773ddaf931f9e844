package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"sinergi"
	"sinergi/auth"
)

// SessionTTL is how long a login lasts.
const SessionTTL = 12 * time.Hour

// Session is a logged-in browser.
type Session struct {
	Actor *sinergi.Actor
	User  *sinergi.User
	CSRF  string
}

// CreateSession starts a session for a user and returns its secret (the
// cookie value); only its hash is stored.
func (db *DB) CreateSession(ctx context.Context, userID int64) (string, error) {
	secret, hash := auth.NewSecret("")
	now := db.now()
	_, err := db.SQL.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		hash, userID, now, now.Add(SessionTTL))
	if err != nil {
		return "", err
	}
	// expired sessions are swept now and then, here rather than in a job
	db.SQL.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, now)
	return secret, nil
}

// SessionUser returns the active user of a session secret.
func (db *DB) SessionUser(ctx context.Context, secret string) (*sinergi.User, error) {
	var id int64
	err := db.SQL.QueryRowContext(ctx, `SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`, auth.HashSecret(secret), db.now()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.Unauthorized()
	}
	if err != nil {
		return nil, err
	}
	return db.getUser(ctx, db.SQL, `u.id = $1`, id)
}

// DeleteSession ends a session (logout).
func (db *DB) DeleteSession(ctx context.Context, secret string) error {
	_, err := db.SQL.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, auth.HashSecret(secret))
	return err
}
