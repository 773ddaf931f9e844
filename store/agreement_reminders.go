package store

// Kerja sama reminders (issue 5, item 7): the organisation admins of an
// agreement's parties are reminded, in-app and by e-mail as they chose
// (kind generic), before the agreement ends (at each threshold of
// AgreementReminderDays), when an obligation is overdue and when an
// implementation report is overdue. Each reminder has its own subject —
// agreement:ID:expiry:DAYS, agreement:ID:obligation:OID:DUE,
// agreement:ID:report:DUE — and the notifications' unique key (subject,
// kind, recipient) makes it once per account, across restarts and with
// several server copies on one database.

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/notify"
)

// AgreementReminderDays are the days before an agreement's end at which its
// parties are reminded, largest first; read once from the environment:
//
//	SINERGI_KS_REMIND_DAYS   comma-separated days (default 90,30,7)
var AgreementReminderDays = reminderDaysFromEnv(os.Getenv)

func reminderDaysFromEnv(getenv func(string) string) []int {
	var days []int
	for _, f := range strings.Split(getenv("SINERGI_KS_REMIND_DAYS"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			days = nil
			break
		}
		days = append(days, n)
	}
	if d, ok := kerjasama.ParseThresholds(days); ok {
		return d
	}
	return slices.Clone(kerjasama.DefaultExpiryReminders)
}

// ksReminder is one reminder about one agreement.
type ksReminder struct {
	agreementID int64
	subject     string
	title, body sinergi.Text
}

// RemindAgreements sends the reminders that are due today and not sent yet,
// and returns how many it sent (reminders, not notifications).
func (db *DB) RemindAgreements(ctx context.Context) (int, error) {
	today := db.ksToday()
	d := today.Format(time.DateOnly)
	var todo []ksReminder
	for _, find := range []func(context.Context, time.Time) ([]ksReminder, error){db.expiryReminders, db.obligationReminders, db.reportReminders} {
		rs, err := find(ctx, today)
		if err != nil {
			return 0, err
		}
		todo = append(todo, rs...)
	}
	sent, err := db.sentSubjects(ctx, todo)
	if err != nil {
		return 0, err
	}
	ctx = sinergi.WithActor(ctx, sinergi.SystemActor)
	now, n := db.now(), 0
	for _, rm := range todo {
		if sent[rm.subject] {
			continue
		}
		n++
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			rs, err := db.partyAdmins(ctx, tx, rm.agreementID)
			if err != nil {
				return err
			}
			link := "/agreements/" + strconv.FormatInt(rm.agreementID, 10)
			return db.enqueue(ctx, tx, rm.subject, rs, func(r notify.Recipient) notify.Notification {
				return notify.Generic(r.UserID, rm.title, rm.body, link, now)
			})
		})
		if err != nil {
			return n - 1, fmt.Errorf("reminder %s on %s: %w", rm.subject, d, err)
		}
	}
	return n, nil
}

// sentSubjects returns which reminders have already gone out (to anyone),
// so that later runs skip them without a transaction each. It only saves
// work: the notifications' unique key keeps each reminder once regardless.
func (db *DB) sentSubjects(ctx context.Context, rs []ksReminder) (map[string]bool, error) {
	out := map[string]bool{}
	const batch = 500
	for i := 0; i < len(rs); i += batch {
		part := rs[i:min(i+batch, len(rs))]
		var w where
		args := make([]any, len(part))
		for j, r := range part {
			args[j] = r.subject
		}
		w.add("subject IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(part)), ", ")+")", args...)
		rows, err := db.SQL.QueryContext(ctx, `SELECT DISTINCT subject FROM notifications`+w.String(), w.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, err
			}
			out[s] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// partyAdmins are the active organisation admins of the agreement's parties
// (witnesses are not reminded).
func (db *DB) partyAdmins(ctx context.Context, q querier, agreementID int64) ([]notify.Recipient, error) {
	rows, err := q.QueryContext(ctx, `SELECT u.id, u.roles FROM agreement_parties p JOIN users u ON u.organization_id = p.organization_id
		WHERE p.agreement_id = $1 AND p.role <> $2 AND u.active`, agreementID, sinergi.PartyRoleWitness)
	if err != nil {
		return nil, err
	}
	admin := map[int64]bool{}
	for rows.Next() {
		var id int64
		var roles string
		if err := rows.Scan(&id, &roles); err != nil {
			rows.Close()
			return nil, err
		}
		admin[id] = slices.Contains(parseRoles(roles), sinergi.RoleOrgAdmin)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	orgs, err := q.QueryContext(ctx, `SELECT organization_id FROM agreement_parties WHERE agreement_id = $1 AND role <> $2`, agreementID, sinergi.PartyRoleWitness)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for orgs.Next() {
		var id int64
		if err := orgs.Scan(&id); err != nil {
			orgs.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	orgs.Close()
	if err := orgs.Err(); err != nil {
		return nil, err
	}
	all, err := db.recipients(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	var out []notify.Recipient
	for _, r := range all {
		if admin[r.UserID] {
			out = append(out, r)
		}
	}
	return out, nil
}

// expiryReminders: agreements in force that end within the largest
// threshold, each at the threshold that applies today.
func (db *DB) expiryReminders(ctx context.Context, today time.Time) ([]ksReminder, error) {
	days := AgreementReminderDays
	d := today.Format(time.DateOnly)
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, title, end_date FROM agreements WHERE status = 'active' AND end_date >= $1 AND end_date <= $2 ORDER BY id`,
		d, today.AddDate(0, 0, days[0]).Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ksReminder
	for rows.Next() {
		var id int64
		var title, end string
		if err := rows.Scan(&id, &title, &end); err != nil {
			return nil, err
		}
		left, ok := kerjasama.DaysLeft(end, today)
		if !ok {
			continue
		}
		t, ok := kerjasama.ExpiryThreshold(left, days)
		if !ok {
			continue
		}
		n := strconv.Itoa(left)
		out = append(out, ksReminder{agreementID: id, subject: "agreement:" + strconv.FormatInt(id, 10) + ":expiry:" + strconv.Itoa(t),
			title: sinergi.T("Kerja sama akan berakhir dalam "+n+" hari: "+title, "Agreement ends in "+n+" days: "+title),
			body: sinergi.T("Kerja sama ini berakhir pada "+end+". Jika para pihak hendak melanjutkannya, siapkan perpanjangan (versi baru yang terhubung dengan yang lama).",
				"This agreement ends on "+end+". If the parties want to go on, prepare a renewal (a new version linked to the old one).")})
	}
	return out, rows.Err()
}

// obligationReminders: obligations past their due date, not done, under
// agreements in process or in force.
func (db *DB) obligationReminders(ctx context.Context, today time.Time) ([]ksReminder, error) {
	d := today.Format(time.DateOnly)
	rows, err := db.SQL.QueryContext(ctx, `SELECT b.id, b.agreement_id, a.title, o.name, b.description, b.due_date
		FROM agreement_obligations b JOIN agreements a ON a.id = b.agreement_id JOIN organizations o ON o.id = b.organization_id
		WHERE b.done_on = '' AND b.due_date <> '' AND b.due_date < $1 AND a.status IN ('active', 'in_process') AND a.end_date >= $1
		ORDER BY b.agreement_id, b.id`, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ksReminder
	for rows.Next() {
		var oid, id int64
		var title, org, desc, due string
		if err := rows.Scan(&oid, &id, &title, &org, &desc, &due); err != nil {
			return nil, err
		}
		out = append(out, ksReminder{agreementID: id, subject: "agreement:" + strconv.FormatInt(id, 10) + ":obligation:" + strconv.FormatInt(oid, 10) + ":" + due,
			title: sinergi.T("Kewajiban lewat tenggat: "+title, "Obligation overdue: "+title),
			body: sinergi.T("Kewajiban "+org+" \""+clip(desc, 300)+"\" jatuh tempo pada "+due+" dan belum dicatat terlaksana.",
				"The obligation of "+org+" \""+clip(desc, 300)+"\" was due on "+due+" and is not marked done.")})
	}
	return out, rows.Err()
}

// reportReminders: agreements in force whose next implementation report is
// past due.
// OverdueReport is an agreement in force whose implementation report is
// past its due date.
type OverdueReport struct {
	AgreementID    int64
	Title          string
	Due            string
	IntervalMonths int
}

// overdueReports lists the agreements in force with a report past due on
// today, of one party organisation (0: all).
func (db *DB) overdueReports(ctx context.Context, today time.Time, orgID int64) ([]OverdueReport, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT a.id, a.title, a.start_date, COALESCE(s.interval_months, $2),
		COALESCE((SELECT max(r.report_date) FROM agreement_reports r WHERE r.agreement_id = a.id), '')
		FROM agreements a LEFT JOIN agreement_reporting s ON s.agreement_id = a.id
		WHERE a.status = 'active' AND a.end_date >= $1
		AND ($3 = 0 OR a.id IN (SELECT agreement_id FROM agreement_parties WHERE organization_id = $3)) ORDER BY a.id`,
		today.Format(time.DateOnly), kerjasama.DefaultReportMonths, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OverdueReport
	for rows.Next() {
		var o OverdueReport
		var start, last string
		if err := rows.Scan(&o.AgreementID, &o.Title, &start, &o.IntervalMonths, &last); err != nil {
			return nil, err
		}
		o.Due = kerjasama.ReportDue(start, last, o.IntervalMonths)
		if kerjasama.ReportOverdue(sinergi.AgreementActive, o.Due, today) {
			out = append(out, o)
		}
	}
	return out, rows.Err()
}

// OverdueAgreementReports lists an organisation's agreements whose
// implementation report is overdue, for those who act for it.
func (db *DB) OverdueAgreementReports(ctx context.Context, orgID int64) ([]OverdueReport, error) {
	if !sinergi.CanActForOrganization(sinergi.ActorFrom(ctx), orgID) {
		return nil, sinergi.Forbidden()
	}
	return db.overdueReports(ctx, db.ksToday(), orgID)
}

func (db *DB) reportReminders(ctx context.Context, today time.Time) ([]ksReminder, error) {
	overdue, err := db.overdueReports(ctx, today, 0)
	if err != nil {
		return nil, err
	}
	var out []ksReminder
	for _, o := range overdue {
		id, title, due, months := o.AgreementID, o.Title, o.Due, o.IntervalMonths
		out = append(out, ksReminder{agreementID: id, subject: "agreement:" + strconv.FormatInt(id, 10) + ":report:" + due,
			title: sinergi.T("Laporan pelaksanaan terlambat: "+title, "Implementation report overdue: "+title),
			body: sinergi.T("Laporan pelaksanaan kerja sama ini jatuh tempo pada "+due+" (setiap "+strconv.Itoa(months)+" bulan). Catat laporannya beserta bukti dan kegiatan yang terkait.",
				"The implementation report of this agreement was due on "+due+" (every "+strconv.Itoa(months)+" months). Record it with its evidence and the activities it covers.")})
	}
	return out, nil
}
