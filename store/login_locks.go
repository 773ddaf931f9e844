package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"sinergi"
)

// Login lockout (issue 10, item 7). Failed logins are counted per account
// e-mail and per client address within LockWindow; at the limit, logging in
// with that e-mail (or from that address) is refused for LockFor, whatever
// the password. Unknown e-mails are counted and locked like known ones, so
// the answers do not tell whether an account exists. A successful login
// clears its account's count; a system admin can lift a lock
// (UnlockLogin, `sinergi user unlock`). Locks and unlocks go to the audit
// log (entity "login_lock").
const (
	LockWindow       = 15 * time.Minute
	LockFor          = 15 * time.Minute
	AccountFailures  = 10 // per account e-mail
	AddressFailures  = 50 // per client address (offices share one behind NAT)
	lockAccountPrefx = "account:"
	lockAddressPrefx = "address:"
)

// ErrLoginLocked is the answer while a lock holds.
var ErrLoginLocked = sinergi.Errorf(sinergi.CodeTooManyRequests,
	"Terlalu banyak percobaan masuk yang gagal. Untuk sementara masuk dikunci selama 15 menit; coba lagi nanti atau hubungi admin sistem.",
	"Too many failed login attempts. Logging in is locked for 15 minutes; try again later or ask a system administrator.")

// LoginLock is one lock key's state, as recorded in the audit log.
type LoginLock struct {
	Key         string     `json:"key"`
	Failures    int        `json:"failures"`
	LockedUntil *time.Time `json:"locked_until,omitempty"`
}

type lockKey struct {
	key   string
	limit int
}

func lockKeys(email, addr string) []lockKey {
	keys := []lockKey{{lockAccountPrefx + normEmail(email), AccountFailures}}
	if addr != "" {
		keys = append(keys, lockKey{lockAddressPrefx + addr, AddressFailures})
	}
	return keys
}

func normEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// Login authenticates an e-mail and password from a client address under
// the lockout: ErrLoginLocked while the account or the address is locked,
// the wrong-login error (counted) on a failure.
func (db *DB) Login(ctx context.Context, email, password, addr string) (*sinergi.User, error) {
	keys := lockKeys(email, addr)
	now := db.now()
	for _, k := range keys {
		var until sql.NullTime
		err := db.SQL.QueryRowContext(ctx, `SELECT locked_until FROM login_locks WHERE lock_key = $1`, k.key).Scan(&until)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		if until.Valid && until.Time.After(now) {
			return nil, ErrLoginLocked
		}
	}
	u, err := db.Authenticate(ctx, email, password)
	if errors.Is(err, errLogin) {
		locked, ferr := db.loginFailed(ctx, keys)
		if ferr != nil {
			return nil, ferr
		}
		if locked {
			return nil, ErrLoginLocked
		}
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if _, err := db.SQL.ExecContext(ctx, `DELETE FROM login_locks WHERE lock_key = $1`, keys[0].key); err != nil {
		return nil, err
	}
	return u, nil
}

// loginFailed counts a failure on every key and locks those at their
// limit; it reports whether a lock now holds.
func (db *DB) loginFailed(ctx context.Context, keys []lockKey) (bool, error) {
	locked := false
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		now := db.now()
		for _, k := range keys {
			var id int64
			var n int
			err := tx.QueryRowContext(ctx, `INSERT INTO login_locks (lock_key, failures, window_start) VALUES ($1, 1, $2)
				ON CONFLICT (lock_key) DO UPDATE SET
					failures = CASE WHEN login_locks.window_start < $3 THEN 1 ELSE login_locks.failures + 1 END,
					window_start = CASE WHEN login_locks.window_start < $3 THEN $2 ELSE login_locks.window_start END
				RETURNING id, failures`, k.key, now, now.Add(-LockWindow)).Scan(&id, &n)
			if err != nil {
				return err
			}
			if n < k.limit {
				continue
			}
			until := now.Add(LockFor)
			res, err := tx.ExecContext(ctx, `UPDATE login_locks SET locked_until = $1, failures = 0, window_start = $2
				WHERE id = $3 AND (locked_until IS NULL OR locked_until <= $2)`, until, now, id)
			if err != nil {
				return err
			}
			if c, _ := res.RowsAffected(); c == 0 {
				continue // locked by a concurrent attempt
			}
			locked = true
			if err := db.appendAudit(ctx, tx, "lock", "login_lock", id, nil, LoginLock{Key: k.key, Failures: n, LockedUntil: &until}); err != nil {
				return err
			}
		}
		return nil
	})
	return locked, err
}

// UnlockLogin lifts the lock (and clears the failure count) of an account
// e-mail, or of a client address when address is true. System admins only.
// It reports whether a lock was in force.
func (db *DB) UnlockLogin(ctx context.Context, who string, address bool) (bool, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.IsAdmin() {
		return false, sinergi.Forbidden()
	}
	key := lockAccountPrefx + normEmail(who)
	if address {
		key = lockAddressPrefx + strings.TrimSpace(who)
	}
	was := false
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		var n int
		var until sql.NullTime
		err := tx.QueryRowContext(ctx, `SELECT id, failures, locked_until FROM login_locks WHERE lock_key = $1`, key).Scan(&id, &n, &until)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_locks WHERE id = $1`, id); err != nil {
			return err
		}
		before := LoginLock{Key: key, Failures: n}
		if until.Valid && until.Time.After(db.now()) {
			was = true
			before.LockedUntil = &until.Time
		}
		return db.appendAudit(ctx, tx, "unlock", "login_lock", id, before, LoginLock{Key: key})
	})
	return was, err
}
