package store

import (
	"context"
	"database/sql"
	"errors"

	"sinergi"
)

const actionCols = `ai.id, ai.meeting_id, ai.forum_id, ai.title, ai.owner_org_id, o.name, ai.owner_person_id, COALESCE(p.name, ''), ai.due, ai.status, ai.done_on, ai.version, ai.created_at`
const actionFrom = ` FROM forum_action_items ai JOIN organizations o ON o.id = ai.owner_org_id LEFT JOIN people p ON p.id = ai.owner_person_id`

func scanAction(row interface{ Scan(...any) error }) (*sinergi.ActionItem, error) {
	var a sinergi.ActionItem
	err := row.Scan(&a.ID, &a.MeetingID, &a.ForumID, &a.Title, &a.OwnerOrgID, &a.OwnerOrgName, &a.OwnerPersonID, &a.OwnerPersonName, &a.Due, &a.Status, &a.DoneOn, &a.Version, &a.CreatedAt)
	a.CreatedAt = a.CreatedAt.UTC()
	return &a, err
}

// actionItems lists action items matching cond (over ai), by due date.
func (db *DB) actionItems(ctx context.Context, q querier, cond string, args ...any) ([]sinergi.ActionItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+actionCols+actionFrom+` WHERE `+cond+` ORDER BY ai.due, ai.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sinergi.ActionItem{}
	for rows.Next() {
		a, err := scanAction(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}

func (db *DB) getAction(ctx context.Context, q querier, id int64, lock bool) (*sinergi.ActionItem, error) {
	s := `SELECT ` + actionCols + actionFrom + ` WHERE ai.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF ai"
	}
	a, err := scanAction(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Tindak lanjut", "Action item")
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

// checkOwner: the owner organisation is a member (or the initiator) and the
// owner person works for it.
func (db *DB) checkOwner(ctx context.Context, q querier, acc *sinergi.ForumAccess, in sinergi.ActionItemInput) error {
	var v sinergi.Validation
	if _, ok := acc.RoleOf(in.OwnerOrgID); !ok && in.OwnerOrgID != acc.InitiatorOrgID {
		v.Add("owner_org_id", "Penanggung jawab harus instansi anggota forum", "The owner must be a member organisation of the forum")
		return v.Err()
	}
	if in.OwnerPersonID != nil {
		p, err := db.getPerson(ctx, q, *in.OwnerPersonID, false)
		if err != nil || p.OrganizationID != in.OwnerOrgID {
			v.Add("owner_person_id", "Penanggung jawab harus orang dari instansi penanggung jawab", "The owner must be a person of the owning organisation")
			return v.Err()
		}
	}
	return nil
}

// CreateActionItem adds an action item to a meeting.
func (db *DB) CreateActionItem(ctx context.Context, meetingID int64, in sinergi.ActionItemInput) (*sinergi.ActionItem, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var a *sinergi.ActionItem
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		m, acc, err := db.manageMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := db.checkOwner(ctx, tx, acc, in); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO forum_action_items (meeting_id, forum_id, title, owner_org_id, owner_person_id, due, status, done_on, version, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9) RETURNING id`,
			m.ID, m.ForumID, in.Title, in.OwnerOrgID, nullID(in.OwnerPersonID), in.Due, string(in.Status), in.DoneOn, db.now()).Scan(&id); err != nil {
			return err
		}
		if a, err = db.getAction(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "forum_action_item", id, nil, a)
	})
	return a, err
}

// ActionItem returns one action item (forum insiders only).
func (db *DB) ActionItem(ctx context.Context, id int64) (*sinergi.ActionItem, error) {
	a := sinergi.ActorFrom(ctx)
	it, err := db.getAction(ctx, db.SQL, id, false)
	if err != nil {
		return nil, err
	}
	_, acc, err := db.forumAccess(ctx, db.SQL, it.ForumID, false)
	if err != nil {
		return nil, err
	}
	if !sinergi.IsForumInsider(a, acc) {
		if !a.Authenticated() {
			return nil, sinergi.Unauthorized()
		}
		return nil, sinergi.Forbidden()
	}
	return it, nil
}

// UpdateActionItem changes an action item (its status, mostly). The
// forum's managers and the owning organisation's accounts may do it.
func (db *DB) UpdateActionItem(ctx context.Context, id, version int64, in sinergi.ActionItemInput) (*sinergi.ActionItem, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var it *sinergi.ActionItem
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getAction(ctx, tx, id, true)
		if err != nil {
			return err
		}
		_, acc, err := db.forumAccess(ctx, tx, before.ForumID, true)
		if err != nil {
			return err
		}
		owner := a.OrgID == before.OwnerOrgID && (a.Has(sinergi.RoleOrgAdmin) || a.Has(sinergi.RoleMember) || a.Has(sinergi.RolePartner))
		if !sinergi.CanManageForum(a, acc) && !owner {
			if !sinergi.IsForumInsider(a, acc) {
				return sinergi.Forbidden()
			}
			return sinergi.Errorf(sinergi.CodeForbidden, "Hanya pengelola forum dan instansi penanggung jawab yang dapat mengubah tindak lanjut ini",
				"Only the forum's managers and the owning organisation change this action item")
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := db.checkOwner(ctx, tx, acc, in); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE forum_action_items SET title = $1, owner_org_id = $2, owner_person_id = $3, due = $4, status = $5, done_on = $6,
			version = version + 1 WHERE id = $7`, in.Title, in.OwnerOrgID, nullID(in.OwnerPersonID), in.Due, string(in.Status), in.DoneOn, id); err != nil {
			return err
		}
		if it, err = db.getAction(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "forum_action_item", id, before, it)
	})
	return it, err
}

// OverdueActions lists the open action items of an organisation past their
// due date (dashboard).
func (db *DB) OverdueActions(ctx context.Context, orgID int64) ([]sinergi.ActionItem, error) {
	items, err := db.actionItems(ctx, db.SQL, `ai.owner_org_id = $1 AND ai.status = 'open' AND ai.due < $2`, orgID, db.today())
	return items[:min(len(items), 20)], err
}
