package store

import (
	"context"
	"database/sql"
	"errors"

	"sinergi"
)

// forumMembers lists a forum's members with their representatives (names
// only when people may be shown) in two queries.
func (db *DB) forumMembers(ctx context.Context, forumID int64, withPeople bool) ([]sinergi.ForumMember, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT m.id, m.forum_id, m.organization_id, o.name, o.sector, m.role, m.joined_at, a.organization_id IS NOT NULL
		FROM forum_members m JOIN organizations o ON o.id = m.organization_id
		LEFT JOIN forum_acknowledgements a ON a.forum_id = m.forum_id AND a.organization_id = m.organization_id
		WHERE m.forum_id = $1`, forumID)
	if err != nil {
		return nil, err
	}
	ms := []sinergi.ForumMember{}
	byID := map[int64]int{}
	for rows.Next() {
		var m sinergi.ForumMember
		if err := rows.Scan(&m.ID, &m.ForumID, &m.OrganizationID, &m.OrgName, &m.Sector, &m.Role, &m.JoinedAt, &m.Acknowledged); err != nil {
			rows.Close()
			return nil, err
		}
		m.Public, m.JoinedAt, m.Representatives = m.Sector.IsPublic(), m.JoinedAt.UTC(), []sinergi.Representative{}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortMembers(ms)
	for i, m := range ms {
		byID[m.ID] = i
	}
	if !withPeople {
		return ms, nil
	}
	rows, err = db.SQL.QueryContext(ctx, `SELECT r.id, r.member_id, r.person_id, p.name, p.position, r.acting, r.acting_for, r.created_at
		FROM forum_representatives r JOIN forum_members m ON m.id = r.member_id JOIN people p ON p.id = r.person_id
		WHERE m.forum_id = $1 ORDER BY p.name, r.id`, forumID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r sinergi.Representative
		if err := rows.Scan(&r.ID, &r.MemberID, &r.PersonID, &r.PersonName, &r.Position, &r.Acting, &r.ActingFor, &r.CreatedAt); err != nil {
			return nil, err
		}
		r.CreatedAt = r.CreatedAt.UTC()
		if i, ok := byID[r.MemberID]; ok {
			ms[i].Representatives = append(ms[i].Representatives, r)
		}
	}
	return ms, rows.Err()
}

func (db *DB) getMember(ctx context.Context, q querier, forumID, orgID int64) (*sinergi.ForumMember, error) {
	var m sinergi.ForumMember
	err := q.QueryRowContext(ctx, `SELECT m.id, m.forum_id, m.organization_id, o.name, o.sector, m.role, m.joined_at
		FROM forum_members m JOIN organizations o ON o.id = m.organization_id WHERE m.forum_id = $1 AND m.organization_id = $2`, forumID, orgID).
		Scan(&m.ID, &m.ForumID, &m.OrganizationID, &m.OrgName, &m.Sector, &m.Role, &m.JoinedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Anggota forum", "Forum member")
	}
	m.Public, m.JoinedAt, m.Representatives = m.Sector.IsPublic(), m.JoinedAt.UTC(), []sinergi.Representative{}
	return &m, err
}

// AddMember adds an organisation to a forum.
func (db *DB) AddMember(ctx context.Context, forumID int64, in sinergi.MemberInput) (*sinergi.ForumMember, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var m *sinergi.ForumMember
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, acc, err := db.manageable(ctx, tx, forumID)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if _, err := db.getOrg(ctx, tx, in.OrganizationID, false); err != nil {
			var v sinergi.Validation
			v.Add("organization_id", "Instansi tidak ditemukan", "Organisation not found")
			return v.Err()
		}
		if _, ok := acc.RoleOf(in.OrganizationID); ok {
			return sinergi.Errorf(sinergi.CodeConflict, "Instansi ini sudah menjadi anggota forum", "This organisation is already a member of the forum")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO forum_members (forum_id, organization_id, role, joined_at) VALUES ($1, $2, $3, $4)`,
			forumID, in.OrganizationID, string(in.Role), db.now()); err != nil {
			return err
		}
		if m, err = db.getMember(ctx, tx, forumID, in.OrganizationID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "forum_member", m.ID, nil, m)
	})
	return m, err
}

// SetMemberRole changes a member's role.
func (db *DB) SetMemberRole(ctx context.Context, forumID, orgID int64, role sinergi.MemberRole) (*sinergi.ForumMember, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var m *sinergi.ForumMember
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, err := db.manageable(ctx, tx, forumID); err != nil {
			return err
		}
		before, err := db.getMember(ctx, tx, forumID, orgID)
		if err != nil {
			return err
		}
		in := sinergi.MemberInput{OrganizationID: orgID, Role: role}
		if err := in.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE forum_members SET role = $1 WHERE id = $2`, string(role), before.ID); err != nil {
			return err
		}
		if m, err = db.getMember(ctx, tx, forumID, orgID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "forum_member", m.ID, before, m)
	})
	return m, err
}

// RemoveMember takes an organisation out of a forum with its
// representatives; its past positions, attendance and comments stay on record.
func (db *DB) RemoveMember(ctx context.Context, forumID, orgID int64) error {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		f, _, err := db.manageable(ctx, tx, forumID)
		if err != nil {
			return err
		}
		before, err := db.getMember(ctx, tx, forumID, orgID)
		if err != nil {
			return err
		}
		if orgID == f.InitiatorOrgID {
			return sinergi.Errorf(sinergi.CodeConflict, "Pemrakarsa forum tidak dapat dikeluarkan", "The forum's initiator cannot be removed")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM forum_representatives WHERE member_id = $1`, before.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM forum_acknowledgements WHERE forum_id = $1 AND organization_id = $2`, forumID, orgID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM forum_members WHERE id = $1`, before.ID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "delete", "forum_member", before.ID, before, nil)
	})
}

// AddRepresentative names a person of a member organisation as its
// representative, possibly as acting official (Plh/Plt). The forum's
// managers and the member organisation's own admins may do it.
func (db *DB) AddRepresentative(ctx context.Context, forumID, orgID int64, in sinergi.RepresentativeInput) (*sinergi.Representative, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var r *sinergi.Representative
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, acc, err := db.forumAccess(ctx, tx, forumID, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageForum(a, acc) && !sinergi.CanManageOrganization(a, orgID) {
			if err := readable(a, acc); err != nil {
				return err
			}
			return sinergi.Forbidden()
		}
		m, err := db.getMember(ctx, tx, forumID, orgID)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		p, err := db.getPerson(ctx, tx, in.PersonID, false)
		if err != nil || p.OrganizationID != orgID {
			var v sinergi.Validation
			v.Add("person_id", "Orang ini tidak terdaftar di instansi anggota", "This person is not registered with the member organisation")
			return v.Err()
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO forum_representatives (member_id, person_id, acting, acting_for, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			m.ID, p.ID, string(in.Acting), in.ActingFor, db.now()).Scan(&id); err != nil {
			return err
		}
		r = &sinergi.Representative{ID: id, MemberID: m.ID, PersonID: p.ID, PersonName: p.Name, Position: p.Position, Acting: in.Acting, ActingFor: in.ActingFor, CreatedAt: db.now()}
		return db.appendAudit(ctx, tx, "create", "forum_representative", id, nil, r)
	})
	return r, err
}

// RemoveRepresentative ends a representation.
func (db *DB) RemoveRepresentative(ctx context.Context, id int64) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		var forumID, orgID, personID int64
		err := tx.QueryRowContext(ctx, `SELECT m.forum_id, m.organization_id, r.person_id FROM forum_representatives r JOIN forum_members m ON m.id = r.member_id WHERE r.id = $1`, id).
			Scan(&forumID, &orgID, &personID)
		if errors.Is(err, sql.ErrNoRows) {
			return sinergi.NotFound("Perwakilan", "Representative")
		}
		if err != nil {
			return err
		}
		_, acc, err := db.forumAccess(ctx, tx, forumID, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageForum(a, acc) && !sinergi.CanManageOrganization(a, orgID) {
			return sinergi.Forbidden()
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM forum_representatives WHERE id = $1`, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "delete", "forum_representative", id, map[string]int64{"forum_id": forumID, "organization_id": orgID, "person_id": personID}, nil)
	})
}

// Acknowledge records that the actor's organisation acknowledges the
// forum's shared understanding (mission, problem statement, values). It
// returns false when it had already done so.
func (db *DB) Acknowledge(ctx context.Context, forumID int64) (bool, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return false, sinergi.Unauthorized()
	}
	created := false
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, acc, err := db.forumAccess(ctx, tx, forumID, true)
		if err != nil {
			return err
		}
		if err := readable(a, acc); err != nil {
			return err
		}
		if !sinergi.CanAcknowledge(a, acc) {
			return sinergi.Errorf(sinergi.CodeForbidden, "Hanya instansi anggota forum yang menyatakan pemahaman bersama", "Only member organisations acknowledge the shared understanding")
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM forum_acknowledgements WHERE forum_id = $1 AND organization_id = $2`, forumID, a.OrgID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		created = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO forum_acknowledgements (forum_id, organization_id, user_id, acknowledged_at) VALUES ($1, $2, $3, $4)`,
			forumID, a.OrgID, a.UserID, db.now()); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "forum_acknowledgement", forumID, nil, map[string]int64{"forum_id": forumID, "organization_id": a.OrgID})
	})
	return created, err
}

func (db *DB) smallWins(ctx context.Context, forumID int64) ([]sinergi.SmallWin, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, forum_id, title, description, achieved_on, created_at FROM forum_small_wins WHERE forum_id = $1 ORDER BY achieved_on DESC, id DESC`, forumID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sinergi.SmallWin{}
	for rows.Next() {
		var w sinergi.SmallWin
		if err := rows.Scan(&w.ID, &w.ForumID, &w.Title, &w.Description, &w.AchievedOn, &w.CreatedAt); err != nil {
			return nil, err
		}
		w.CreatedAt = w.CreatedAt.UTC()
		out = append(out, w)
	}
	return out, rows.Err()
}

// AddSmallWin records an intermediate outcome.
func (db *DB) AddSmallWin(ctx context.Context, forumID int64, in sinergi.SmallWinInput) (*sinergi.SmallWin, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var w *sinergi.SmallWin
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, err := db.manageable(ctx, tx, forumID); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO forum_small_wins (forum_id, title, description, achieved_on, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			forumID, in.Title, in.Description, in.AchievedOn, now).Scan(&id); err != nil {
			return err
		}
		w = &sinergi.SmallWin{ID: id, ForumID: forumID, Title: in.Title, Description: in.Description, AchievedOn: in.AchievedOn, CreatedAt: now}
		return db.appendAudit(ctx, tx, "create", "forum_small_win", id, nil, w)
	})
	return w, err
}
