package store

// Notifications (issue 3, item 11; issue 4, item 4): stored per recipient,
// once per (subject, kind, recipient) so that nothing is created twice after
// a restart; shown in-app unless the recipient chose none; e-mailed at once
// or in the daily digest by the jobs of notification_jobs.go.

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"sinergi"
	"sinergi/notify"
)

// emailSwitch remembers, per open database, whether this process sends
// e-mail. Without a mailer nothing is queued for e-mail, so nothing waits
// forever.
var emailSwitch sync.Map // *DB → bool

// SetEmail turns queueing of e-mail on (a mailer is configured) or off.
func (db *DB) SetEmail(on bool) { emailSwitch.Store(db, on) }

// EmailEnabled reports whether notifications are queued for e-mail.
func (db *DB) EmailEnabled() bool {
	on, _ := emailSwitch.Load(db)
	b, _ := on.(bool)
	return b
}

// Notification is a stored notification as its recipient sees it.
type Notification struct {
	notify.Notification
	ReadAt *time.Time `json:"read_at"`
}

// NotificationList is a page of the caller's notifications with the number
// still unread.
type NotificationList struct {
	sinergi.List[Notification]
	Unread int `json:"unread"`
}

// NotificationFilter selects the caller's notifications.
type NotificationFilter struct {
	Unread bool
	Offset int
	Limit  int
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// recipients returns the active accounts of organisations with their
// preferences.
func (db *DB) recipients(ctx context.Context, q querier, orgIDs []int64) ([]notify.Recipient, error) {
	if len(orgIDs) == 0 {
		return nil, nil
	}
	in, args := inIDs(orgIDs)
	var w where
	w.add("organization_id IN "+in, args...)
	rows, err := q.QueryContext(ctx, `SELECT id, name, email FROM users`+w.String()+` AND active ORDER BY id`, w.args...)
	if err != nil {
		return nil, err
	}
	var out []notify.Recipient
	for rows.Next() {
		var r notify.Recipient
		if err := rows.Scan(&r.UserID, &r.Name, &r.Email); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids := make([]int64, len(out))
	for i, r := range out {
		ids[i] = r.UserID
	}
	prefs, err := db.prefsOf(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Prefs = prefs[out[i].UserID]
	}
	return out, nil
}

// prefsOf loads the preferences of users.
func (db *DB) prefsOf(ctx context.Context, q querier, userIDs []int64) (map[int64]notify.Preferences, error) {
	out := map[int64]notify.Preferences{}
	if len(userIDs) == 0 {
		return out, nil
	}
	in, args := inIDs(userIDs)
	var w where
	w.add("user_id IN "+in, args...)
	rows, err := q.QueryContext(ctx, `SELECT user_id, kind, channel, frequency FROM notification_preferences`+w.String(), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		var k, ch, f string
		if err := rows.Scan(&u, &k, &ch, &f); err != nil {
			return nil, err
		}
		p := out[u]
		if p.InApp == nil {
			p.InApp, p.Email = map[notify.Kind]notify.Frequency{}, map[notify.Kind]notify.Frequency{}
		}
		if notify.Channel(ch) == notify.Email {
			p.Email[notify.Kind(k)] = notify.Frequency(f)
		} else {
			p.InApp[notify.Kind(k)] = notify.Frequency(f)
		}
		out[u] = p
	}
	return out, rows.Err()
}

// enqueue stores one notification per recipient about subject (e.g.
// "proposal:12"), once: a second call for the same subject, kind and
// recipient changes nothing.
func (db *DB) enqueue(ctx context.Context, tx *sql.Tx, subject string, rs []notify.Recipient, build func(r notify.Recipient) notify.Notification) error {
	email := db.EmailEnabled()
	for _, r := range rs {
		n := build(r)
		n.Title.ID, n.Title.EN = clip(n.Title.ID, notify.MaxTitleLen), clip(n.Title.EN, notify.MaxTitleLen)
		if n.Validate() != nil {
			continue
		}
		inApp := notify.ShowInApp(r.Prefs, n)
		state := "off"
		if email && r.Email != "" {
			switch r.Prefs.Get(notify.Email, n.Kind) {
			case notify.Immediate:
				state = "immediate"
			case notify.Daily:
				state = "daily"
			}
		}
		if !inApp && state == "off" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO notifications (recipient_id, kind, subject, title_id, title_en, body_id, body_en, link, in_app, created_at, email_state, email_next_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10) ON CONFLICT (subject, kind, recipient_id) DO NOTHING`,
			r.UserID, string(n.Kind), subject, n.Title.ID, n.Title.EN, n.Body.ID, n.Body.EN, n.Link, inApp, n.CreatedAt, state); err != nil {
			return err
		}
	}
	return nil
}

// memberOrgs lists the organisations of a forum with one of the roles (all
// members when none is given).
func (db *DB) memberOrgs(ctx context.Context, q querier, forumID int64, roles ...sinergi.MemberRole) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT organization_id, role FROM forum_members WHERE forum_id = $1 ORDER BY organization_id`, forumID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var o int64
		var r sinergi.MemberRole
		if err := rows.Scan(&o, &r); err != nil {
			return nil, err
		}
		ok := len(roles) == 0
		for _, want := range roles {
			ok = ok || r == want
		}
		if ok {
			out = append(out, o)
		}
	}
	return out, rows.Err()
}

func proposalSubject(id int64) string { return "proposal:" + strconv.FormatInt(id, 10) }
func proposalLink(id int64) string    { return "/proposals/" + strconv.FormatInt(id, 10) }

// notifyNewProposal tells the accounts of the deciding members of the forum.
func (db *DB) notifyNewProposal(ctx context.Context, tx *sql.Tx, p *sinergi.Proposal) error {
	orgs, err := db.memberOrgs(ctx, tx, p.ForumID, sinergi.MemberDeciding)
	if err != nil {
		return err
	}
	rs, err := db.recipients(ctx, tx, orgs)
	if err != nil {
		return err
	}
	now, closes := db.now(), p.ClosesAt.In(sinergi.Zone("WITA"))
	return db.enqueue(ctx, tx, proposalSubject(p.ID), rs, func(r notify.Recipient) notify.Notification {
		return notify.NewProposal(r.UserID, p.ForumName, p.Title, proposalLink(p.ID), closes, now)
	})
}

// notifyOutcome tells the accounts of every member organisation of the
// forum how a proposal ended.
func (db *DB) notifyOutcome(ctx context.Context, tx *sql.Tx, p *sinergi.Proposal) error {
	orgs, err := db.memberOrgs(ctx, tx, p.ForumID)
	if err != nil {
		return err
	}
	rs, err := db.recipients(ctx, tx, orgs)
	if err != nil {
		return err
	}
	now := db.now()
	return db.enqueue(ctx, tx, proposalSubject(p.ID), rs, func(r notify.Recipient) notify.Notification {
		return notify.Outcome(r.UserID, p.ForumName, p.Title, proposalLink(p.ID), sinergi.T(p.Outcome, p.Outcome), now)
	})
}

// notifyEscalation tells the accounts of the provider's superior
// organisation and of the provider that a Bantuan Kedinasan request is
// overdue (issue 4, item 4). It runs in the transaction that escalates the
// request, which happens once; the unique key keeps it once regardless.
func (db *DB) notifyEscalation(ctx context.Context, tx *sql.Tx, r *sinergi.AssistanceRequest, prov *sinergi.Organization) error {
	orgs := []int64{prov.ID}
	if prov.ParentID != nil && *prov.ParentID != prov.ID {
		orgs = append(orgs, *prov.ParentID)
	}
	rs, err := db.recipients(ctx, tx, orgs)
	if err != nil {
		return err
	}
	now, id := db.now(), strconv.FormatInt(r.ID, 10)
	subject := r.Subject
	title := sinergi.T("Permohonan Bantuan Kedinasan lewat batas waktu: "+subject, "Official assistance request overdue: "+subject)
	body := sinergi.T("Permohonan dari "+r.RequesterOrgName+" kepada "+prov.Name+" belum dijawab sampai batas waktu "+r.DueDate+" dan dieskalasi kepada atasan instansi pemberi bantuan.",
		"The request from "+r.RequesterOrgName+" to "+prov.Name+" was not answered by its deadline "+r.DueDate+" and has been escalated to the provider's superior organisation.")
	return db.enqueue(ctx, tx, "assistance:"+id+":escalated", rs, func(rc notify.Recipient) notify.Notification {
		return notify.Generic(rc.UserID, title, body, "/assistance/"+id, now)
	})
}

const notificationCols = `id, recipient_id, kind, title_id, title_en, body_id, body_en, link, created_at, read_at`

func scanNotification(row interface{ Scan(...any) error }) (Notification, error) {
	var n Notification
	err := row.Scan(&n.ID, &n.RecipientID, &n.Kind, &n.Title.ID, &n.Title.EN, &n.Body.ID, &n.Body.EN, &n.Link, &n.CreatedAt, &n.ReadAt)
	n.CreatedAt = n.CreatedAt.UTC()
	if n.ReadAt != nil {
		t := n.ReadAt.UTC()
		n.ReadAt = &t
	}
	return n, err
}

func meOnly(ctx context.Context) (*sinergi.Actor, error) {
	a := sinergi.ActorFrom(ctx)
	if a == nil || a.UserID == 0 {
		return nil, sinergi.Unauthorized()
	}
	return a, nil
}

// Notifications lists the caller's in-app notifications, newest first.
func (db *DB) Notifications(ctx context.Context, f NotificationFilter) (NotificationList, error) {
	out := NotificationList{List: sinergi.List[Notification]{Items: []Notification{}}}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	a, err := meOnly(ctx)
	if err != nil {
		return out, err
	}
	var w where
	w.add("recipient_id = ?", a.UserID)
	w.add("in_app")
	if f.Unread {
		w.add("read_at IS NULL")
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM notifications`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	if out.Unread, err = db.UnreadNotifications(ctx); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+notificationCols+` FROM notifications`+w.String()+` ORDER BY id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		n, err := scanNotification(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, n)
	}
	return out, rows.Err()
}

// UnreadNotifications counts the caller's unread in-app notifications (0
// for the public).
func (db *DB) UnreadNotifications(ctx context.Context) (int, error) {
	a := sinergi.ActorFrom(ctx)
	if a == nil || a.UserID == 0 {
		return 0, nil
	}
	var n int
	err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM notifications WHERE recipient_id = $1 AND in_app AND read_at IS NULL`, a.UserID).Scan(&n)
	return n, err
}

// MarkNotificationRead marks one of the caller's notifications read (again
// is harmless) and returns it.
func (db *DB) MarkNotificationRead(ctx context.Context, id int64) (*Notification, error) {
	a, err := meOnly(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := db.SQL.ExecContext(ctx, `UPDATE notifications SET read_at = $1 WHERE id = $2 AND recipient_id = $3 AND read_at IS NULL`, db.now(), id, a.UserID); err != nil {
		return nil, err
	}
	n, err := scanNotification(db.SQL.QueryRowContext(ctx, `SELECT `+notificationCols+` FROM notifications WHERE id = $1 AND recipient_id = $2 AND in_app`, id, a.UserID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Pemberitahuan", "Notification")
	}
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// MarkAllNotificationsRead marks every unread notification of the caller
// read and returns how many were.
func (db *DB) MarkAllNotificationsRead(ctx context.Context) (int, error) {
	a, err := meOnly(ctx)
	if err != nil {
		return 0, err
	}
	res, err := db.SQL.ExecContext(ctx, `UPDATE notifications SET read_at = $1 WHERE recipient_id = $2 AND read_at IS NULL`, db.now(), a.UserID)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// fullPrefs lists every kind on both channels, defaults filled in.
func fullPrefs(p notify.Preferences) notify.Preferences {
	out := notify.Preferences{InApp: map[notify.Kind]notify.Frequency{}, Email: map[notify.Kind]notify.Frequency{}}
	for _, k := range notify.Kinds() {
		out.InApp[k], out.Email[k] = p.Get(notify.InApp, k), p.Get(notify.Email, k)
	}
	return out
}

// NotificationPreferences returns the caller's preferences, every kind on
// both channels.
func (db *DB) NotificationPreferences(ctx context.Context) (notify.Preferences, error) {
	a, err := meOnly(ctx)
	if err != nil {
		return notify.Preferences{}, err
	}
	m, err := db.prefsOf(ctx, db.SQL, []int64{a.UserID})
	if err != nil {
		return notify.Preferences{}, err
	}
	return fullPrefs(m[a.UserID]), nil
}

// SetNotificationPreferences changes the caller's preferences for the kinds
// and channels given (in-app: immediate or none; e-mail: immediate, daily or
// none) and returns them all.
func (db *DB) SetNotificationPreferences(ctx context.Context, p notify.Preferences) (notify.Preferences, error) {
	a, err := meOnly(ctx)
	if err != nil {
		return notify.Preferences{}, err
	}
	if err := p.Validate(); err != nil {
		return notify.Preferences{}, err
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		for ch, m := range map[notify.Channel]map[notify.Kind]notify.Frequency{notify.InApp: p.InApp, notify.Email: p.Email} {
			for k, f := range m {
				if _, err := tx.ExecContext(ctx, `INSERT INTO notification_preferences (user_id, kind, channel, frequency) VALUES ($1, $2, $3, $4)
					ON CONFLICT (user_id, kind, channel) DO UPDATE SET frequency = excluded.frequency`, a.UserID, string(k), string(ch), string(f)); err != nil {
					return err
				}
			}
		}
		return db.appendAudit(ctx, tx, "update", "notification_preferences", a.UserID, nil, p)
	})
	if err != nil {
		return notify.Preferences{}, err
	}
	return db.NotificationPreferences(ctx)
}
