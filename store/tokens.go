package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"sinergi"
	"sinergi/auth"
)

// TokenPrefix starts every personal access token, so leaked ones are easy
// to spot in logs and repositories.
const TokenPrefix = "sng_"

// CreateToken makes a personal access token for a user and returns the
// secret, shown once. Users make their own; admins for accounts they manage.
func (db *DB) CreateToken(ctx context.Context, userID int64, name string, expires *time.Time) (*sinergi.Token, string, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, "", sinergi.Unauthorized()
	}
	u, err := db.getUser(ctx, db.SQL, `u.id = $1`, userID)
	if err != nil {
		return nil, "", err
	}
	if a.UserID != userID && !sinergi.CanManageOrganization(a, u.OrganizationID) {
		return nil, "", sinergi.Forbidden()
	}
	name = strings.TrimSpace(name)
	var v sinergi.Validation
	if n := utf8.RuneCountInString(name); n < 1 || n > 100 {
		v.Add("name", "Nama token wajib diisi (paling banyak 100 karakter)", "Token name is required (at most 100 characters)")
	}
	if expires != nil {
		e := expires.UTC().Truncate(time.Microsecond)
		expires = &e
	}
	if expires != nil && !expires.After(db.now()) {
		v.Add("expires_at", "Tanggal kedaluwarsa harus di masa depan", "Expiry must be in the future")
	}
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	secret, hash := auth.NewSecret(TokenPrefix)
	t := &sinergi.Token{UserID: userID, Name: name, Prefix: secret[:len(TokenPrefix)+6], CreatedAt: db.now(), ExpiresAt: expires}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO tokens (user_id, name, prefix, hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			userID, t.Name, t.Prefix, hash, t.CreatedAt, expires).Scan(&t.ID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "token", t.ID, nil, t)
	})
	if err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// Tokens lists a user's tokens (never their secrets).
func (db *DB) Tokens(ctx context.Context, userID int64) ([]sinergi.Token, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if a.UserID != userID {
		if _, err := db.User(ctx, userID); err != nil {
			return nil, err
		}
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at FROM tokens WHERE user_id = $1 ORDER BY id DESC`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ts := []sinergi.Token{}
	for rows.Next() {
		var t sinergi.Token
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.Prefix, &t.CreatedAt, &t.LastUsedAt, &t.ExpiresAt, &t.RevokedAt); err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, rows.Err()
}

// RevokeToken ends a token.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	var userID int64
	err := db.SQL.QueryRowContext(ctx, `SELECT user_id FROM tokens WHERE id = $1`, id).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return sinergi.NotFound("Token", "Token")
	}
	if err != nil {
		return err
	}
	if a.UserID != userID {
		// another account's token: for those who may not see that account
		// it does not exist
		var se *sinergi.Error
		if _, err := db.User(ctx, userID); errors.As(err, &se) && se.Code == sinergi.CodeForbidden {
			return sinergi.NotFound("Token", "Token")
		} else if err != nil {
			return err
		}
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, db.now(), id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "revoke", "token", id, nil, nil)
	})
}

// TokenUser returns the active user of a token secret.
func (db *DB) TokenUser(ctx context.Context, secret string) (*sinergi.User, error) {
	if !strings.HasPrefix(secret, TokenPrefix) || len(secret) > 200 {
		return nil, sinergi.Unauthorized()
	}
	var id, userID int64
	now := db.now()
	err := db.SQL.QueryRowContext(ctx, `SELECT t.id, t.user_id FROM tokens t JOIN users u ON u.id = t.user_id
		WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.active`,
		auth.HashSecret(secret), now).Scan(&id, &userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.Unauthorized()
	}
	if err != nil {
		return nil, err
	}
	// last use at minute precision: one write a minute at most per token
	db.SQL.ExecContext(ctx, `UPDATE tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)`, now, id, now.Add(-time.Minute))
	return db.getUser(ctx, db.SQL, `u.id = $1`, userID)
}
