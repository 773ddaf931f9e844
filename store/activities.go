package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sinergi"
)

var _ sinergi.ActivityService = (*DB)(nil)

const activityCols = `a.id, a.type, a.from_org_id, fo.name, a.from_unit_id, a.to_org_id, tor.name, a.to_unit_id, a.date, a.description, a.evidence,
	a.value_rupiah, a.agreement_id, a.forum_id, a.assistance_request_id, a.version, a.created_at, a.updated_at`

const activityFrom = ` FROM activities a JOIN organizations fo ON fo.id = a.from_org_id JOIN organizations tor ON tor.id = a.to_org_id`

func scanActivity(row interface{ Scan(...any) error }) (*sinergi.Activity, error) {
	var a sinergi.Activity
	var fu, tu, val, agr, forum, req sql.NullInt64
	if err := row.Scan(&a.ID, &a.Type, &a.FromOrgID, &a.FromOrgName, &fu, &a.ToOrgID, &a.ToOrgName, &tu, &a.Date, &a.Description, &a.Evidence,
		&val, &agr, &forum, &req, &a.Version, &a.CreatedAt, &a.UpdatedAt); err != nil {
		return nil, err
	}
	a.FromUnitID, a.ToUnitID, a.ValueRupiah = actPtr(fu), actPtr(tu), actPtr(val)
	a.AgreementID, a.ForumID, a.AssistanceRequestID = actPtr(agr), actPtr(forum), actPtr(req)
	if info, ok := sinergi.LookupActivityType(a.Type); ok {
		a.Directed = info.Directed
	}
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return &a, nil
}

func actPtr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	v := n.Int64
	return &v
}

func actNull(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func (db *DB) getActivity(ctx context.Context, q querier, id int64) (*sinergi.Activity, error) {
	a, err := scanActivity(q.QueryRowContext(ctx, `SELECT `+activityCols+activityFrom+` WHERE a.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Kegiatan", "Activity")
	}
	return a, err
}

// Activity returns one activity.
func (db *DB) Activity(ctx context.Context, id int64) (*sinergi.Activity, error) {
	if !sinergi.CanViewActivities(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	return db.getActivity(ctx, db.SQL, id)
}

// checkActivityRefs turns missing organisations, units, forums and requests
// into field errors (instead of foreign-key failures).
func (db *DB) checkActivityRefs(ctx context.Context, q querier, in sinergi.ActivityInput) error {
	var v sinergi.Validation
	exists := func(query string, args ...any) (bool, error) {
		var n int
		err := q.QueryRowContext(ctx, query, args...).Scan(&n)
		return n > 0, err
	}
	checks := []struct {
		field, query, id, en string
		args                 []any
		skip                 bool
	}{
		{"from_org_id", `SELECT count(*) FROM organizations WHERE id = $1`, "Instansi tidak ditemukan", "Organisation not found", []any{in.FromOrgID}, false},
		{"to_org_id", `SELECT count(*) FROM organizations WHERE id = $1`, "Instansi tidak ditemukan", "Organisation not found", []any{in.ToOrgID}, false},
		{"from_unit_id", `SELECT count(*) FROM units WHERE id = $1 AND organization_id = $2`, "Unit tidak ditemukan pada instansi pemberi", "Unit not found in the giving organisation", []any{actNull(in.FromUnitID), in.FromOrgID}, in.FromUnitID == nil},
		{"to_unit_id", `SELECT count(*) FROM units WHERE id = $1 AND organization_id = $2`, "Unit tidak ditemukan pada instansi penerima", "Unit not found in the receiving organisation", []any{actNull(in.ToUnitID), in.ToOrgID}, in.ToUnitID == nil},
		{"agreement_id", `SELECT count(*) FROM agreements WHERE id = $1`, "Kerja sama tidak ditemukan", "Agreement not found", []any{actNull(in.AgreementID)}, in.AgreementID == nil},
	}
	for _, c := range checks {
		if c.skip {
			continue
		}
		ok, err := exists(c.query, c.args...)
		if err != nil {
			return err
		}
		if !ok {
			v.Add(c.field, c.id, c.en)
		}
	}
	// A forum or request the recorder may not read is "not found" as well,
	// so the link does not tell whether a members-only forum or a rahasia
	// request with that id exists.
	a := sinergi.ActorFrom(ctx)
	if in.ForumID != nil {
		_, fa, err := db.forumAccess(ctx, q, *in.ForumID, false)
		var se *sinergi.Error
		switch {
		case errors.As(err, &se) && se.Code == sinergi.CodeNotFound, err == nil && !sinergi.CanReadForum(a, fa):
			v.Add("forum_id", "Forum tidak ditemukan", "Forum not found")
		case err != nil:
			return err
		}
	}
	if in.AssistanceRequestID != nil {
		var class string
		var requester, provider int64
		err := q.QueryRowContext(ctx, `SELECT classification, requester_org_id, provider_org_id FROM assistance_requests WHERE id = $1`, *in.AssistanceRequestID).Scan(&class, &requester, &provider)
		switch {
		case errors.Is(err, sql.ErrNoRows), err == nil && !sinergi.CanRead(a, sinergi.Classification(class), []int64{requester, provider}):
			v.Add("assistance_request_id", "Permohonan bantuan tidak ditemukan", "Assistance request not found")
		case err != nil:
			return err
		}
	}
	return v.Err()
}

// checkActivityInput is the check of a new activity before the database:
// a login, well-formed input and the right to record it. The API and the
// import both pass through it.
func checkActivityInput(ctx context.Context, in *sinergi.ActivityInput) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return err
	}
	if !sinergi.CanRecordActivity(a, in.FromOrgID, in.ToOrgID) {
		return sinergi.Forbidden()
	}
	return nil
}

// CreateActivity records an activity.
func (db *DB) CreateActivity(ctx context.Context, in sinergi.ActivityInput) (*sinergi.Activity, error) {
	if err := checkActivityInput(ctx, &in); err != nil {
		return nil, err
	}
	var out *sinergi.Activity
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		chain := db.auditChain(tx)
		var err error
		if out, err = db.insertActivity(ctx, tx, chain, in); err != nil {
			return err
		}
		return chain.flush(ctx)
	})
	return out, err
}

// insertActivity stores a checked input, after checking what it refers to,
// with its audit entry on chain (the caller flushes it).
func (db *DB) insertActivity(ctx context.Context, tx *sql.Tx, chain *auditChain, in sinergi.ActivityInput) (*sinergi.Activity, error) {
	if err := db.checkActivityRefs(ctx, tx, in); err != nil {
		return nil, err
	}
	out, err := db.writeActivities(ctx, tx, chain, []sinergi.ActivityInput{in})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

var activityInsertCols = []string{"type", "from_org_id", "from_unit_id", "to_org_id", "to_unit_id", "date", "description", "evidence",
	"value_rupiah", "agreement_id", "forum_id", "assistance_request_id", "created_by", "version", "created_at", "updated_at"}

// writeActivities stores checked inputs whose references were checked — one
// multi-row INSERT for the lot, read back in one query — with an audit
// entry each on chain (the caller flushes it).
func (db *DB) writeActivities(ctx context.Context, tx *sql.Tx, chain *auditChain, ins []sinergi.ActivityInput) ([]*sinergi.Activity, error) {
	now := db.now()
	var createdBy any
	if a := sinergi.ActorFrom(ctx); a != nil && a.UserID != 0 {
		createdBy = a.UserID
	}
	rows := make([][]any, len(ins))
	for i, in := range ins {
		rows[i] = []any{string(in.Type), in.FromOrgID, actNull(in.FromUnitID), in.ToOrgID, actNull(in.ToUnitID), in.Date, in.Description, in.Evidence,
			actNull(in.ValueRupiah), actNull(in.AgreementID), actNull(in.ForumID), actNull(in.AssistanceRequestID), createdBy, 1, now, now}
	}
	ids, err := db.insertRows(ctx, tx, "activities", activityInsertCols, rows, "id")
	if err != nil {
		return nil, err
	}
	var args []any
	res, err := tx.QueryContext(ctx, `SELECT `+activityCols+activityFrom+` WHERE a.id IN (`+inList(&args, ids)+`) ORDER BY a.id`, args...)
	if err != nil {
		return nil, err
	}
	out := make([]*sinergi.Activity, 0, len(ids))
	for res.Next() {
		a, err := scanActivity(res)
		if err != nil {
			res.Close()
			return nil, err
		}
		out = append(out, a)
	}
	res.Close()
	if err := res.Err(); err != nil {
		return nil, err
	}
	if len(out) != len(ids) {
		return nil, fmt.Errorf("activities: %d read back of %d written", len(out), len(ids))
	}
	for _, a := range out {
		if err := chain.append(ctx, "create", "activity", a.ID, nil, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Activities lists activities matching f, newest first.
func (db *DB) Activities(ctx context.Context, f sinergi.ActivityFilter) (sinergi.List[sinergi.Activity], error) {
	out := sinergi.List[sinergi.Activity]{Items: []sinergi.Activity{}}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	if !sinergi.CanViewActivities(sinergi.ActorFrom(ctx)) {
		return out, sinergi.Unauthorized()
	}
	var w where
	if f.OrgID != 0 {
		w.add(`(a.from_org_id = ? OR a.to_org_id = ?)`, f.OrgID, f.OrgID)
	}
	if f.Type != "" {
		w.add(`a.type = ?`, string(f.Type))
	}
	if f.From != "" {
		w.add(`a.date >= ?`, f.From)
	}
	if f.To != "" {
		w.add(`a.date <= ?`, f.To)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM activities a`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	if out.Total <= out.Offset {
		return out, nil
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+activityCols+activityFrom+w.String()+` ORDER BY a.date DESC, a.id DESC`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *a)
	}
	return out, rows.Err()
}
