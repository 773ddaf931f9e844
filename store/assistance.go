package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"sinergi"
	"sinergi/assist"
)

var _ sinergi.AssistanceService = (*DB)(nil)

const assistCols = `r.id, r.number, r.response_number, r.requester_org_id, ro.name, r.requester_unit_id, r.provider_org_id, po.name, r.provider_unit_id,
	r.subject, r.description, r.grounds, r.emergency, r.emergency_justification, r.needed_by, r.cost_estimate, r.classification,
	r.activity, r.documents, r.attachments, r.responsibility, r.legal_basis, r.agreement_ref, r.agreement_requester_at,
	r.agreement_provider_at, r.status, r.submitted_at, r.due_date, r.responded_at, r.refusal_ground, r.refusal_reason,
	r.escalated_at, r.escalated_to_org_id, r.cost_requester_at, r.cost_provider_at, r.version, r.created_at, r.updated_at`

const assistFrom = ` FROM assistance_requests r JOIN organizations ro ON ro.id = r.requester_org_id JOIN organizations po ON po.id = r.provider_org_id`

func utcp(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func scanAssist(row interface{ Scan(...any) error }) (*sinergi.AssistanceRequest, error) {
	var r sinergi.AssistanceRequest
	var grounds, docs, atts string
	err := row.Scan(&r.ID, &r.Number, &r.ResponseNumber, &r.RequesterOrgID, &r.RequesterOrgName, &r.RequesterUnitID, &r.ProviderOrgID, &r.ProviderOrgName, &r.ProviderUnitID,
		&r.Subject, &r.Description, &grounds, &r.Emergency, &r.EmergencyJustification, &r.NeededBy, &r.CostEstimate, &r.Classification,
		&r.Activity, &docs, &atts, &r.Responsibility.Holder, &r.Responsibility.LegalBasis, &r.Responsibility.AgreementRef, &r.Responsibility.RequesterSignedAt,
		&r.Responsibility.ProviderSignedAt, &r.Status, &r.SubmittedAt, &r.DueDate, &r.RespondedAt, &r.RefusalGround, &r.RefusalReason,
		&r.EscalatedAt, &r.EscalatedToOrgID, &r.CostSharing.RequesterConfirmedAt, &r.CostSharing.ProviderConfirmedAt, &r.Version, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return nil, err
	}
	for _, p := range []struct {
		s string
		v any
	}{{grounds, &r.Grounds}, {docs, &r.Documents}, {atts, &r.Attachments}} {
		if err := json.Unmarshal([]byte(p.s), p.v); err != nil {
			return nil, err
		}
	}
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	r.SubmittedAt, r.RespondedAt, r.EscalatedAt = utcp(r.SubmittedAt), utcp(r.RespondedAt), utcp(r.EscalatedAt)
	r.Responsibility.RequesterSignedAt, r.Responsibility.ProviderSignedAt = utcp(r.Responsibility.RequesterSignedAt), utcp(r.Responsibility.ProviderSignedAt)
	r.CostSharing.RequesterConfirmedAt, r.CostSharing.ProviderConfirmedAt = utcp(r.CostSharing.RequesterConfirmedAt), utcp(r.CostSharing.ProviderConfirmedAt)
	if r.Documents == nil {
		r.Documents = []sinergi.RequestedDocument{}
	}
	if r.Attachments == nil {
		r.Attachments = []sinergi.Attachment{}
	}
	if r.Grounds == nil {
		r.Grounds = sinergi.Grounds{}
	}
	return &r, nil
}

// getAssist reads one request without checking access.
func (db *DB) getAssist(ctx context.Context, q querier, id int64, lock bool) (*sinergi.AssistanceRequest, error) {
	s := `SELECT ` + assistCols + assistFrom + ` WHERE r.id = $1`
	if lock && db.Dialect == Postgres {
		s += ` FOR UPDATE OF r`
	}
	r, err := scanAssist(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Permohonan Bantuan Kedinasan", "Assistance request")
	}
	return r, err
}

// fill loads the shares and the history, works out the deadline figures and
// hides documents the actor may not see.
func (db *DB) fill(ctx context.Context, q querier, r *sinergi.AssistanceRequest, history bool) error {
	shares, err := db.costShares(ctx, q, r.ID)
	if err != nil {
		return err
	}
	r.CostSharing.Shares = shares
	r.CostSharing.Agreed = costAgreed(r)
	if history {
		if r.History, err = db.assistHistory(ctx, q, r.ID); err != nil {
			return err
		}
	}
	a := sinergi.ActorFrom(ctx)
	docs := r.Documents[:0:0]
	for _, d := range r.Documents {
		if sinergi.CanRead(a, d.Classification, r.Parties()) {
			docs = append(docs, d)
		}
	}
	r.Documents = docs
	db.deadline(r)
	return nil
}

// deadline sets the working days left, overdue and the deemed-granted note.
func (db *DB) deadline(r *sinergi.AssistanceRequest) {
	due, ok := sinergi.ParseDate(r.DueDate)
	if r.Status != sinergi.AssistSubmitted || !ok {
		return
	}
	cal := AssistanceConfig.Calendar()
	left := cal.DaysLeft(db.now(), due)
	r.WorkingDaysLeft = &left
	r.Overdue = cal.Overdue(db.now(), due)
	r.DeemedGranted = r.Overdue && AssistanceConfig.DeemedGrantedNote
}

func costAgreed(r *sinergi.AssistanceRequest) bool {
	if r.CostEstimate == 0 {
		return true
	}
	return len(r.CostSharing.Shares) > 0 && r.CostSharing.RequesterConfirmedAt != nil && r.CostSharing.ProviderConfirmedAt != nil
}

func (db *DB) costShares(ctx context.Context, q querier, id int64) ([]sinergi.CostShare, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.organization_id, o.name, s.amount, s.funding_source, s.budget_line
		FROM assistance_cost_shares s JOIN organizations o ON o.id = s.organization_id WHERE s.request_id = $1 ORDER BY s.position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sinergi.CostShare{}
	for rows.Next() {
		var s sinergi.CostShare
		if err := rows.Scan(&s.OrganizationID, &s.OrganizationName, &s.Amount, &s.FundingSource, &s.BudgetLine); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (db *DB) assistHistory(ctx context.Context, q querier, id int64) ([]sinergi.HistoryEntry, error) {
	rows, err := q.QueryContext(ctx, `SELECT at, actor, COALESCE(actor_org_id, 0), action, from_status, to_status, note
		FROM assistance_history WHERE request_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sinergi.HistoryEntry{}
	for rows.Next() {
		var h sinergi.HistoryEntry
		if err := rows.Scan(&h.At, &h.Actor, &h.ActorOrgID, &h.Action, &h.FromStatus, &h.ToStatus, &h.Note); err != nil {
			return nil, err
		}
		h.At = h.At.UTC()
		out = append(out, h)
	}
	return out, rows.Err()
}

// addHistory records a step of a request: who, when, what and why.
func (db *DB) addHistory(ctx context.Context, tx *sql.Tx, id int64, action string, from, to sinergi.AssistanceStatus, note string) error {
	a := sinergi.ActorFrom(ctx)
	name, orgID, userID := "publik", int64(0), int64(0)
	if a != nil {
		name, orgID, userID = a.Name, a.OrgID, a.UserID
		if name == "" {
			name = a.Label()
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO assistance_history (request_id, at, actor_id, actor, actor_org_id, action, from_status, to_status, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, id, db.now(), nullID(&userID), name, nullID(&orgID), action, string(from), string(to), note)
	return err
}

// AssistanceRequest returns one request with its history to those who may
// read it; others are told it does not exist.
func (db *DB) AssistanceRequest(ctx context.Context, id int64) (*sinergi.AssistanceRequest, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if _, err := db.EscalateOverdue(ctx); err != nil {
		return nil, err
	}
	r, err := db.getAssist(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	if !sinergi.CanReadAssistance(a, r) {
		return nil, sinergi.NotFound("Permohonan Bantuan Kedinasan", "Assistance request")
	}
	return r, db.fill(ctx, db.SQL, r, true)
}

// visible is the SQL form of sinergi.CanReadAssistance.
func visible(w *where, a *sinergi.Actor) {
	if a.System {
		return
	}
	secret := "1=0"
	if a.Has(sinergi.RoleOrgAdmin) || a.Has(sinergi.RoleMember) {
		secret = "1=1"
	}
	restricted := "1=0"
	if a.Has(sinergi.RoleSystemAdmin) {
		restricted = "1=1"
	}
	w.add(`(((r.requester_org_id = ? OR (r.provider_org_id = ? AND r.status <> 'draft')) AND (r.classification <> 'rahasia' OR `+secret+`))
		OR (r.status <> 'draft' AND (r.classification = 'biasa' OR (r.classification = 'terbatas' AND `+restricted+`))))`, a.OrgID, a.OrgID)
}

// AssistanceRequests lists the requests the actor may see, newest first.
func (db *DB) AssistanceRequests(ctx context.Context, f sinergi.AssistanceFilter) (sinergi.List[sinergi.AssistanceRequest], error) {
	out := sinergi.List[sinergi.AssistanceRequest]{Items: []sinergi.AssistanceRequest{}}
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return out, sinergi.Unauthorized()
	}
	if _, err := db.EscalateOverdue(ctx); err != nil {
		return out, err
	}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	var w where
	visible(&w, a)
	if f.Status != "" {
		w.add(`r.status = ?`, string(f.Status))
	}
	switch f.Role {
	case "requester":
		w.add(`r.requester_org_id = ?`, a.OrgID)
	case "provider":
		w.add(`r.provider_org_id = ?`, a.OrgID)
	}
	if f.Emergency != nil {
		w.add(`r.emergency = ?`, *f.Emergency)
	}
	if f.Overdue != nil {
		today := AssistanceConfig.Calendar().Date(db.now()).Format(time.DateOnly)
		cond := `(r.status = 'submitted' AND r.due_date <> '' AND r.due_date < ?)`
		if !*f.Overdue {
			cond = `NOT ` + cond
		}
		w.add(cond, today)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*)`+assistFrom+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	if out.Total <= out.Offset {
		return out, nil
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+assistCols+assistFrom+w.String()+` ORDER BY r.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanAssist(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *r)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	rows.Close()
	for i := range out.Items {
		if err := db.fill(ctx, db.SQL, &out.Items[i], false); err != nil {
			return out, err
		}
	}
	return out, nil
}

// party loads an organisation named in a request's input; a missing one is
// a field error.
func (db *DB) party(ctx context.Context, q querier, field string, id int64) (*sinergi.Organization, error) {
	o, err := db.getOrg(ctx, q, id, false)
	if sinergi.ErrorCode(err) == sinergi.CodeNotFound {
		var v sinergi.Validation
		v.Add(field, "Instansi tidak ditemukan", "Organisation not found")
		return nil, v.Err()
	}
	return o, err
}

func (db *DB) unitOf(ctx context.Context, q querier, field string, unit *int64, orgID int64) error {
	if unit == nil {
		return nil
	}
	u, err := db.getUnit(ctx, q, *unit, false)
	if sinergi.ErrorCode(err) == sinergi.CodeNotFound || err == nil && u.OrganizationID != orgID {
		var v sinergi.Validation
		v.Add(field, "Unit kerja tidak ditemukan di instansi ini", "Unit not found in this organisation")
		return v.Err()
	}
	return err
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// CreateAssistanceRequest records a request as a draft (or, for the web
// form's last step, submits it at once), after checking the input, the
// actor's side and the law: two different public bodies (X-AGENCY), at
// least one ground (BK-GROUND), responsibility (BK-RESP).
func (db *DB) CreateAssistanceRequest(ctx context.Context, in sinergi.AssistanceInput) (*sinergi.AssistanceRequest, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !sinergi.CanActForOrganization(a, in.RequesterOrgID) {
		return nil, sinergi.Forbidden()
	}
	var r *sinergi.AssistanceRequest
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		err := db.checkAssistInput(ctx, tx, &in)
		if err != nil {
			return err
		}
		if in.Documents == nil {
			in.Documents = []sinergi.RequestedDocument{}
		}
		if in.Attachments == nil {
			in.Attachments = []sinergi.Attachment{}
		}
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO assistance_requests (requester_org_id, requester_unit_id, provider_org_id, provider_unit_id,
			subject, description, grounds, emergency, emergency_justification, needed_by, cost_estimate, classification, activity, documents,
			attachments, responsibility, legal_basis, agreement_ref, status, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'draft', 1, $19, $19) RETURNING id`,
			in.RequesterOrgID, nullID(in.RequesterUnitID), in.ProviderOrgID, nullID(in.ProviderUnitID), in.Subject, in.Description,
			jsonString(in.Grounds), in.Emergency, in.EmergencyJustification, in.NeededBy, in.CostEstimate, string(in.Classification),
			in.Activity, jsonString(in.Documents), jsonString(in.Attachments), in.Responsibility, in.LegalBasis, in.AgreementRef, now).Scan(&id); err != nil {
			return err
		}
		if err := db.addHistory(ctx, tx, id, "create", "", sinergi.AssistDraft, ""); err != nil {
			return err
		}
		if r, err = db.getAssist(ctx, tx, id, false); err != nil {
			return err
		}
		if err := db.appendAudit(ctx, tx, "create", "assistance_request", id, nil, r); err != nil {
			return err
		}
		if in.Submit {
			if r, err = db.applyStep(ctx, tx, r, assist.Submit, ""); err != nil {
				return err
			}
		}
		return db.fill(ctx, tx, r, true)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
