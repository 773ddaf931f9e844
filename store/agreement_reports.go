package store

// Implementation reports of kerja sama agreements (issue 5, item 6): a
// report per period with its narrative and outcome, evidence files kept in
// the database (content-sniffed, at most sinergi.MaxEvidenceSize) and the
// activities of the parties it covers; and the reporting interval of each
// agreement, from which the next report's due date follows.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"sinergi"
	"sinergi/kerjasama"
)

// reportingInterval is the agreement's reporting interval in months.
func reportingInterval(ctx context.Context, q querier, id int64) (int, error) {
	n := kerjasama.DefaultReportMonths
	err := q.QueryRowContext(ctx, `SELECT interval_months FROM agreement_reporting WHERE agreement_id = $1`, id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return n, err
}

// fillReporting works out the reporting state of an agreement whose shown
// status is set.
func (db *DB) fillReporting(ctx context.Context, q querier, a *sinergi.Agreement, today time.Time) error {
	months, err := reportingInterval(ctx, q, a.ID)
	if err != nil {
		return err
	}
	r := sinergi.Reporting{IntervalMonths: months}
	if err := q.QueryRowContext(ctx, `SELECT count(*), COALESCE(max(report_date), '') FROM agreement_reports WHERE agreement_id = $1`, a.ID).
		Scan(&r.Reports, &r.LastReportDate); err != nil {
		return err
	}
	setReporting(a, r, today)
	return nil
}

// setReporting sets the reporting state of an agreement whose shown status
// is set from its interval and reports (r), working out the next due date.
func setReporting(a *sinergi.Agreement, r sinergi.Reporting, today time.Time) {
	if kerjasama.InForce(a.Status) {
		r.NextDue = kerjasama.ReportDue(a.StartDate, r.LastReportDate, r.IntervalMonths)
		r.Overdue = kerjasama.ReportOverdue(a.Status, r.NextDue, today)
	}
	a.Reporting = &r
}

// lockFollowUp reads an agreement for a follow-up write: the actor must be
// an organisation admin of a party or a system admin (and the version must
// match when given).
func (db *DB) lockFollowUp(ctx context.Context, tx *sql.Tx, id, version int64) (*sinergi.Agreement, error) {
	ag, err := db.lockAgreement(ctx, tx, id, 0)
	if err != nil {
		return nil, err
	}
	if !sinergi.CanFollowUpAgreement(sinergi.ActorFrom(ctx), ag.PartyIDs()) {
		return nil, sinergi.Forbidden()
	}
	return ag, checkVersion(ag.Version, version)
}

const reportCols = `id, agreement_id, period_start, period_end, report_date, narrative, outcome, author_id, author_name, version, created_at, updated_at`

func scanReport(row interface{ Scan(...any) error }) (*sinergi.AgreementReport, error) {
	var r sinergi.AgreementReport
	if err := row.Scan(&r.ID, &r.AgreementID, &r.PeriodStart, &r.PeriodEnd, &r.ReportDate, &r.Narrative, &r.Outcome, &r.AuthorID, &r.AuthorName,
		&r.Version, &r.CreatedAt, &r.UpdatedAt); err != nil {
		return nil, err
	}
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return &r, nil
}

// fillReport loads a report's file list and activities.
func fillReport(ctx context.Context, q querier, r *sinergi.AgreementReport) error {
	rows, err := q.QueryContext(ctx, `SELECT id, name, content_type, size, sha256, uploaded_by, created_at FROM agreement_report_files WHERE report_id = $1 ORDER BY id`, r.ID)
	if err != nil {
		return err
	}
	r.Files = []sinergi.ReportFile{}
	for rows.Next() {
		var f sinergi.ReportFile
		if err := rows.Scan(&f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.UploadedBy, &f.CreatedAt); err != nil {
			rows.Close()
			return err
		}
		f.CreatedAt = f.CreatedAt.UTC()
		r.Files = append(r.Files, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT a.id, a.type, a.date, a.description, a.from_org_id, a.to_org_id
		FROM agreement_report_activities l JOIN activities a ON a.id = l.activity_id WHERE l.report_id = $1 ORDER BY a.date, a.id`, r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	r.Activities = []sinergi.ReportActivity{}
	for rows.Next() {
		var a sinergi.ReportActivity
		if err := rows.Scan(&a.ID, &a.Type, &a.Date, &a.Description, &a.FromOrgID, &a.ToOrgID); err != nil {
			return err
		}
		r.Activities = append(r.Activities, a)
	}
	return rows.Err()
}

func (db *DB) getReport(ctx context.Context, q querier, agreementID, id int64, lock bool) (*sinergi.AgreementReport, error) {
	s := `SELECT ` + reportCols + ` FROM agreement_reports WHERE id = $1 AND agreement_id = $2`
	if lock {
		s += db.forUpdate()
	}
	r, err := scanReport(q.QueryRowContext(ctx, s, id, agreementID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Laporan pelaksanaan", "Implementation report")
	}
	if err != nil {
		return nil, err
	}
	return r, fillReport(ctx, q, r)
}

// AgreementReports lists an agreement's implementation reports, newest
// period first. Readers of the registry read them.
func (db *DB) AgreementReports(ctx context.Context, agreementID int64, offset, limit int) (sinergi.List[sinergi.AgreementReport], error) {
	out := sinergi.List[sinergi.AgreementReport]{Items: []sinergi.AgreementReport{}}
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return out, sinergi.Unauthorized()
	}
	if _, err := db.getAgreement(ctx, db.SQL, agreementID, false); err != nil {
		return out, err
	}
	out.Offset, out.Limit = sinergi.ClampPage(offset, limit)
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM agreement_reports WHERE agreement_id = $1`, agreementID).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+reportCols+` FROM agreement_reports WHERE agreement_id = $1 ORDER BY period_end DESC, id DESC`+
		limitClause(0, out.Offset, out.Limit), agreementID)
	if err != nil {
		return out, err
	}
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			rows.Close()
			return out, err
		}
		out.Items = append(out.Items, *r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	for i := range out.Items {
		if err := fillReport(ctx, db.SQL, &out.Items[i]); err != nil {
			return out, err
		}
	}
	return out, nil
}

// AgreementReport returns one report of an agreement.
func (db *DB) AgreementReport(ctx context.Context, agreementID, id int64) (*sinergi.AgreementReport, error) {
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	return db.getReport(ctx, db.SQL, agreementID, id, false)
}

// checkReportActivities: each linked activity exists and is between
// parties of the agreement (or was recorded under it).
func (db *DB) checkReportActivities(ctx context.Context, tx *sql.Tx, ag *sinergi.Agreement, ids []int64) error {
	party := map[int64]bool{}
	for _, id := range ag.PartyIDs() {
		party[id] = true
	}
	for _, id := range ids {
		act, err := db.getActivity(ctx, tx, id)
		if sinergi.ErrorCode(err) == sinergi.CodeNotFound {
			return fieldErr("activity_ids", "Kegiatan tidak ditemukan: "+strconv.FormatInt(id, 10), "Activity not found: "+strconv.FormatInt(id, 10))
		}
		if err != nil {
			return err
		}
		under := act.AgreementID != nil && *act.AgreementID == ag.ID
		if !under && (!party[act.FromOrgID] || !party[act.ToOrgID]) {
			return fieldErr("activity_ids", "Kegiatan "+strconv.FormatInt(id, 10)+" bukan kegiatan antara para pihak kerja sama ini",
				"Activity "+strconv.FormatInt(id, 10)+" is not between the parties of this agreement")
		}
	}
	return nil
}

func (db *DB) linkReportActivities(ctx context.Context, tx *sql.Tx, reportID int64, ids []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM agreement_report_activities WHERE report_id = $1`, reportID); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_report_activities (report_id, activity_id) VALUES ($1, $2)`, reportID, id); err != nil {
			return err
		}
	}
	return nil
}

// CreateAgreementReport records an implementation report of an agreement
// that has come into force.
func (db *DB) CreateAgreementReport(ctx context.Context, agreementID int64, in sinergi.ReportInput) (*sinergi.AgreementReport, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *sinergi.AgreementReport
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockFollowUp(ctx, tx, agreementID, 0)
		if err != nil {
			return err
		}
		if ag.Status == sinergi.AgreementDraft || ag.Status == sinergi.AgreementInProcess {
			return sinergi.Errorf(sinergi.CodeConflict, "Laporan pelaksanaan dicatat sesudah kerja sama berlaku", "Implementation reports are recorded once the agreement is in force")
		}
		if in.PeriodStart < ag.StartDate {
			return fieldErr("period_start", "Periode laporan tidak boleh mulai sebelum kerja sama ("+ag.StartDate+")", "The period must not start before the agreement ("+ag.StartDate+")")
		}
		if err := db.checkReportActivities(ctx, tx, ag, in.ActivityIDs); err != nil {
			return err
		}
		a, now := sinergi.ActorFrom(ctx), db.now()
		var author *int64
		if a.UserID != 0 {
			author = &a.UserID
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO agreement_reports (agreement_id, period_start, period_end, report_date, narrative, outcome, author_id, author_name, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING id`,
			agreementID, in.PeriodStart, in.PeriodEnd, in.ReportDate, in.Narrative, in.Outcome, nullID(author), a.Label(), now).Scan(&id); err != nil {
			return err
		}
		if err := db.linkReportActivities(ctx, tx, id, in.ActivityIDs); err != nil {
			return err
		}
		if out, err = db.getReport(ctx, tx, agreementID, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "agreement_report", id, nil, out)
	})
	return out, err
}

// UpdateAgreementReport rewrites a report's period, text and activities
// (version: the report's version the client saw, 0 when not given).
func (db *DB) UpdateAgreementReport(ctx context.Context, agreementID, id, version int64, in sinergi.ReportInput) (*sinergi.AgreementReport, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *sinergi.AgreementReport
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockFollowUp(ctx, tx, agreementID, 0)
		if err != nil {
			return err
		}
		before, err := db.getReport(ctx, tx, agreementID, id, true)
		if err != nil {
			return err
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		if in.PeriodStart < ag.StartDate {
			return fieldErr("period_start", "Periode laporan tidak boleh mulai sebelum kerja sama ("+ag.StartDate+")", "The period must not start before the agreement ("+ag.StartDate+")")
		}
		if err := db.checkReportActivities(ctx, tx, ag, in.ActivityIDs); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreement_reports SET period_start = $1, period_end = $2, report_date = $3, narrative = $4, outcome = $5,
			version = version + 1, updated_at = $6 WHERE id = $7`, in.PeriodStart, in.PeriodEnd, in.ReportDate, in.Narrative, in.Outcome, db.now(), id); err != nil {
			return err
		}
		if err := db.linkReportActivities(ctx, tx, id, in.ActivityIDs); err != nil {
			return err
		}
		if out, err = db.getReport(ctx, tx, agreementID, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "agreement_report", id, before, out)
	})
	return out, err
}

// AddReportEvidence stores an evidence file of a report. Its type is read
// from its content (sinergi.SniffEvidence), never from its name; too large
// or unknown files are refused and nothing is stored.
func (db *DB) AddReportEvidence(ctx context.Context, agreementID, reportID int64, name string, data []byte) (*sinergi.ReportFile, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := sinergi.CheckEvidence(data); err != nil {
		return nil, err
	}
	ct, _ := sinergi.SniffEvidence(data)
	sum := sha256.Sum256(data)
	f := sinergi.ReportFile{Name: sinergi.EvidenceName(name, ct), ContentType: ct, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]),
		UploadedBy: sinergi.ActorFrom(ctx).Label(), CreatedAt: db.now()}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.lockFollowUp(ctx, tx, agreementID, 0); err != nil {
			return err
		}
		if _, err := db.getReport(ctx, tx, agreementID, reportID, true); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agreement_report_files WHERE report_id = $1`, reportID).Scan(&n); err != nil {
			return err
		}
		if n >= 50 {
			return fieldErr("file", "Paling banyak 50 berkas bukti per laporan", "At most 50 evidence files per report")
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO agreement_report_files (report_id, name, content_type, size, sha256, data, uploaded_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, reportID, f.Name, f.ContentType, f.Size, f.SHA256, data, f.UploadedBy, f.CreatedAt).Scan(&f.ID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "upload", "agreement_report", reportID, nil, f)
	})
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// ReportEvidence returns an evidence file with its content, for readers of
// the registry.
func (db *DB) ReportEvidence(ctx context.Context, agreementID, reportID, fileID int64) (*sinergi.ReportFile, []byte, error) {
	if !sinergi.CanReadAgreements(sinergi.ActorFrom(ctx)) {
		return nil, nil, sinergi.Unauthorized()
	}
	var f sinergi.ReportFile
	var data []byte
	err := db.SQL.QueryRowContext(ctx, `SELECT f.id, f.name, f.content_type, f.size, f.sha256, f.uploaded_by, f.created_at, f.data
		FROM agreement_report_files f JOIN agreement_reports r ON r.id = f.report_id WHERE f.id = $1 AND f.report_id = $2 AND r.agreement_id = $3`,
		fileID, reportID, agreementID).Scan(&f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.UploadedBy, &f.CreatedAt, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, sinergi.NotFound("Berkas bukti", "Evidence file")
	}
	if err != nil {
		return nil, nil, err
	}
	f.CreatedAt = f.CreatedAt.UTC()
	return &f, data, nil
}

// RemoveReportEvidence deletes an evidence file uploaded by mistake, for
// those who may follow the agreement up. The audit entry keeps what the
// file was (name, type, size, SHA-256), so its removal stays traceable.
func (db *DB) RemoveReportEvidence(ctx context.Context, agreementID, reportID, fileID int64) error {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.lockFollowUp(ctx, tx, agreementID, 0); err != nil {
			return err
		}
		if _, err := db.getReport(ctx, tx, agreementID, reportID, true); err != nil {
			return err
		}
		var f sinergi.ReportFile
		err := tx.QueryRowContext(ctx, `SELECT id, name, content_type, size, sha256, uploaded_by, created_at FROM agreement_report_files WHERE id = $1 AND report_id = $2`,
			fileID, reportID).Scan(&f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.UploadedBy, &f.CreatedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return sinergi.NotFound("Berkas bukti", "Evidence file")
		}
		if err != nil {
			return err
		}
		f.CreatedAt = f.CreatedAt.UTC()
		if _, err := tx.ExecContext(ctx, `DELETE FROM agreement_report_files WHERE id = $1`, fileID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "remove_file", "agreement_report", reportID, f, nil)
	})
}

// SetReportingInterval sets how many months may pass between an
// agreement's implementation reports.
func (db *DB) SetReportingInterval(ctx context.Context, id, version int64, in sinergi.ReportingInput) (*sinergi.Agreement, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *sinergi.Agreement
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ag, err := db.lockFollowUp(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if err := db.fillReporting(ctx, tx, ag, db.ksToday()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_reporting (agreement_id, interval_months) VALUES ($1, $2)
			ON CONFLICT (agreement_id) DO UPDATE SET interval_months = excluded.interval_months`, id, in.IntervalMonths); err != nil {
			return err
		}
		if err := bumpAgreement(ctx, tx, id, db.now()); err != nil {
			return err
		}
		out, err = db.finishChange(ctx, tx, "reporting_interval", ag)
		return err
	})
	return out, err
}

func bumpAgreement(ctx context.Context, tx *sql.Tx, id int64, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE agreements SET version = version + 1, updated_at = $1 WHERE id = $2`, now, id)
	return err
}
