package store

// The periodic work of notifications: closing-soon reminders, immediate
// e-mails and the daily digest. Each is safe to run in several server
// copies at once and after a restart: a reminder is created once per
// proposal (reminded_at, and the unique key of notifications); an e-mail row
// is claimed with FOR UPDATE SKIP LOCKED on PostgreSQL (SQLite has a single
// writer) and marked sent in the transaction that claimed it.

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"sinergi"
	"sinergi/notify"
)

// ClosingSoonWindow is how long before closing the reminder is created.
const ClosingSoonWindow = 24 * time.Hour

// maxEmailTries is how often a temporary failure is retried.
const maxEmailTries = 8

// skipLocked claims rows no other copy holds (PostgreSQL).
func (db *DB) skipLocked() string {
	if db.Dialect == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// backoff is the wait after the n-th failure: 1, 2, 4 … minutes, at most 6 hours.
func backoff(n int) time.Duration {
	d := time.Minute << min(n, 9)
	return min(d, 6*time.Hour)
}

// RemindClosingSoon creates the closing-soon notifications of open
// proposals closing within ClosingSoonWindow, for the accounts of deciding
// members that have neither taken a position nor cast a ballot, once per
// proposal. It returns how many proposals it reminded about.
func (db *DB) RemindClosingSoon(ctx context.Context) (int, error) {
	now := db.now()
	rows, err := db.SQL.QueryContext(ctx, `SELECT id FROM forum_proposals WHERE status = 'open' AND reminded_at IS NULL AND closes_at > $1 AND closes_at <= $2 ORDER BY id`,
		now, now.Add(ClosingSoonWindow))
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	ctx = sinergi.WithActor(ctx, sinergi.SystemActor)
	n := 0
	for _, id := range ids {
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, `UPDATE forum_proposals SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND status = 'open'`, now, id)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k == 0 {
				return nil
			}
			p, err := db.getProposal(ctx, tx, id, false)
			if err != nil {
				return err
			}
			deciding, err := db.memberOrgs(ctx, tx, p.ForumID, sinergi.MemberDeciding)
			if err != nil {
				return err
			}
			var silent []int64
			for _, o := range deciding {
				var spoke bool
				if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM proposal_positions WHERE proposal_id = $1 AND organization_id = $2)
					OR EXISTS (SELECT 1 FROM proposal_ballots WHERE proposal_id = $1 AND organization_id = $2)`, id, o).Scan(&spoke); err != nil {
					return err
				}
				if !spoke {
					silent = append(silent, o)
				}
			}
			rs, err := db.recipients(ctx, tx, silent)
			if err != nil {
				return err
			}
			n++
			closes := p.ClosesAt.In(sinergi.Zone("WITA"))
			return db.enqueue(ctx, tx, proposalSubject(id), rs, func(r notify.Recipient) notify.Notification {
				return notify.ClosingSoon(r.UserID, p.ForumName, p.Title, proposalLink(id), closes, now)
			})
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// recipient loads one account as a mail recipient (no address when the
// account is inactive).
func (db *DB) recipient(ctx context.Context, q querier, userID int64) (notify.Recipient, error) {
	r := notify.Recipient{UserID: userID}
	var active bool
	err := q.QueryRowContext(ctx, `SELECT name, email, active FROM users WHERE id = $1`, userID).Scan(&r.Name, &r.Email, &active)
	if err != nil {
		return r, err
	}
	if !active {
		r.Email = ""
	}
	prefs, err := db.prefsOf(ctx, q, []int64{userID})
	r.Prefs = prefs[userID]
	return r, err
}

// mailFailed records a failed delivery of rows: retried later after a
// temporary failure, given up after a permanent one or too many tries.
func (db *DB) mailFailed(ctx context.Context, tx *sql.Tx, ids []int64, tries int, err error, now time.Time) error {
	state, next := "", now.Add(backoff(tries))
	if notify.Permanent(err) || tries+1 >= maxEmailTries {
		state = "failed"
	}
	msg := clip(err.Error(), 500)
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE notifications SET email_tries = email_tries + 1, email_error = $1, email_next_at = $2,
			email_state = CASE WHEN $3 = '' THEN email_state ELSE $3 END WHERE id = $4`, msg, next, state, id); err != nil {
			return err
		}
	}
	return nil
}

// SendImmediate sends the e-mails queued for immediate delivery whose time
// has come, each in its own transaction that claims the row, sends it and
// marks it sent; temporary failures are retried with backoff. It returns
// how many e-mails were sent.
func (db *DB) SendImmediate(ctx context.Context, m notify.Mailer, site notify.Site) (int, error) {
	sent := 0
	for range 1000 {
		done := false
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			now := db.now()
			var tries int
			var n Notification
			row := tx.QueryRowContext(ctx, `SELECT `+notificationCols+`, email_tries FROM notifications
				WHERE email_state = 'immediate' AND email_next_at <= $1 ORDER BY id LIMIT 1`+db.skipLocked(), now)
			err := row.Scan(&n.ID, &n.RecipientID, &n.Kind, &n.Title.ID, &n.Title.EN, &n.Body.ID, &n.Body.EN, &n.Link, &n.CreatedAt, &n.ReadAt, &tries)
			if errors.Is(err, sql.ErrNoRows) {
				done = true
				return nil
			}
			if err != nil {
				return err
			}
			r, err := db.recipient(ctx, tx, n.RecipientID)
			if err != nil {
				return err
			}
			msg, ok := notify.ImmediateEmail(site, r, n.Notification)
			if !ok { // preference changed, or no address: not to be sent
				_, err := tx.ExecContext(ctx, `UPDATE notifications SET email_state = 'skipped' WHERE id = $1`, n.ID)
				return err
			}
			if err := m.Send(ctx, msg); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return db.mailFailed(ctx, tx, []int64{n.ID}, tries, err, now)
			}
			sent++
			_, err = tx.ExecContext(ctx, `UPDATE notifications SET email_state = 'sent', emailed_at = $1, email_error = '' WHERE id = $2`, now, n.ID)
			return err
		})
		if err != nil {
			return sent, err
		}
		if done {
			break
		}
	}
	return sent, nil
}

// SendDigests sends the daily digest to each recipient with pending daily
// notifications — found by a query grouped by recipient, never by walking
// the users — built by notify.BuildDigests, and marks what each covered.
// It returns how many digests were sent.
func (db *DB) SendDigests(ctx context.Context, m notify.Mailer, site notify.Site) (int, error) {
	return db.sendDigests(ctx, m, site, false)
}

// RetryDigests sends again the digests whose delivery failed temporarily
// once their backoff has passed (with whatever else is pending for their
// recipients by then).
func (db *DB) RetryDigests(ctx context.Context, m notify.Mailer, site notify.Site) (int, error) {
	return db.sendDigests(ctx, m, site, true)
}

func (db *DB) sendDigests(ctx context.Context, m notify.Mailer, site notify.Site, retry bool) (int, error) {
	sent, after := 0, int64(0)
	var w where
	w.add("email_state = 'daily'")
	w.add("recipient_id > ?", int64(0))
	if retry {
		w.add("email_tries > 0 AND email_next_at <= ?", db.now())
	}
	for {
		w.args[0] = after
		rows, err := db.SQL.QueryContext(ctx, `SELECT recipient_id FROM notifications`+w.String()+`
			GROUP BY recipient_id ORDER BY recipient_id LIMIT 100`, w.args...)
		if err != nil {
			return sent, err
		}
		var users []int64
		for rows.Next() {
			var u int64
			if err := rows.Scan(&u); err != nil {
				rows.Close()
				return sent, err
			}
			users = append(users, u)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return sent, err
		}
		if len(users) == 0 {
			return sent, nil
		}
		for _, u := range users {
			after = u
			err := db.inTx(ctx, func(tx *sql.Tx) error {
				now := db.now()
				rows, err := tx.QueryContext(ctx, `SELECT `+notificationCols+`, email_tries FROM notifications
					WHERE recipient_id = $1 AND email_state = 'daily' ORDER BY id`+db.skipLocked(), u)
				if err != nil {
					return err
				}
				var items []notify.Notification
				tries := 0
				for rows.Next() {
					var n Notification
					var t int
					if err := rows.Scan(&n.ID, &n.RecipientID, &n.Kind, &n.Title.ID, &n.Title.EN, &n.Body.ID, &n.Body.EN, &n.Link, &n.CreatedAt, &n.ReadAt, &t); err != nil {
						rows.Close()
						return err
					}
					items, tries = append(items, n.Notification), max(tries, t)
				}
				rows.Close()
				if err := rows.Err(); err != nil || len(items) == 0 {
					return err
				}
				r, err := db.recipient(ctx, tx, u)
				if err != nil {
					return err
				}
				digests, skipped := notify.BuildDigests(site, []notify.Pending{{Recipient: r, Items: items}}, now.In(sinergi.Zone("WITA")))
				for _, id := range skipped {
					if _, err := tx.ExecContext(ctx, `UPDATE notifications SET email_state = 'skipped' WHERE id = $1`, id); err != nil {
						return err
					}
				}
				for _, d := range digests {
					if err := m.Send(ctx, d.Message); err != nil {
						if ctx.Err() != nil {
							return ctx.Err()
						}
						return db.mailFailed(ctx, tx, d.IDs, tries, err, now)
					}
					sent++
					for _, id := range d.IDs {
						if _, err := tx.ExecContext(ctx, `UPDATE notifications SET email_state = 'sent', emailed_at = $1, email_error = '' WHERE id = $2`, now, id); err != nil {
							return err
						}
					}
				}
				return nil
			})
			if err != nil {
				return sent, err
			}
		}
	}
}

// ClaimDailyRun reports whether this copy is the one to run job name on day
// (YYYY-MM-DD): the first to ask on a day gets true, every later ask false.
func (db *DB) ClaimDailyRun(ctx context.Context, name, day string) (bool, error) {
	res, err := db.SQL.ExecContext(ctx, `INSERT INTO job_runs (name, last_day) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE job_runs.last_day < excluded.last_day`, name, day)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
