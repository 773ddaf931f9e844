package store

import (
	"context"
	"database/sql"
	"errors"

	"sinergi"
)

var _ sinergi.UnitService = (*DB)(nil)

const unitCols = `id, organization_id, parent_id, name, kind, version, created_at`

func scanUnit(row interface{ Scan(...any) error }) (*sinergi.Unit, error) {
	var u sinergi.Unit
	err := row.Scan(&u.ID, &u.OrganizationID, &u.ParentID, &u.Name, &u.Kind, &u.Version, &u.CreatedAt)
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, err
}

func (db *DB) getUnit(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Unit, error) {
	s := `SELECT ` + unitCols + ` FROM units WHERE id = $1`
	if lock {
		s += db.forUpdate()
	}
	u, err := scanUnit(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Unit kerja", "Unit")
	}
	if err != nil {
		return nil, err
	}
	return u, nil
}

// Units returns the unit tree of an organisation, depth-first. Public.
func (db *DB) Units(ctx context.Context, orgID int64) ([]sinergi.Unit, error) {
	if _, err := db.Organization(ctx, orgID); err != nil {
		return nil, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+unitCols+` FROM units WHERE organization_id = $1 ORDER BY name, id`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var us []sinergi.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		us = append(us, *u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return sinergi.SortTree(us), nil
}

// Unit returns one unit.
func (db *DB) Unit(ctx context.Context, id int64) (*sinergi.Unit, error) {
	return db.getUnit(ctx, db.SQL, id, false)
}

// checkUnitParent: the parent must be a unit of the same organisation, and
// not the unit itself or one below it.
func (db *DB) checkUnitParent(ctx context.Context, q querier, orgID, id int64, parent *int64) error {
	if parent == nil {
		return nil
	}
	bad := func(idm, en string) error {
		var v sinergi.Validation
		v.Add("parent_id", idm, en)
		return v.Err()
	}
	seen := map[int64]bool{}
	for p := *parent; p != 0; {
		if p == id || seen[p] {
			return bad("Unit induk tidak boleh unit itu sendiri atau bawahannya", "The parent cannot be the unit itself or one below it")
		}
		seen[p] = true
		var org int64
		var next sql.NullInt64
		err := q.QueryRowContext(ctx, `SELECT organization_id, parent_id FROM units WHERE id = $1`, p).Scan(&org, &next)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && org != orgID) {
			return bad("Unit induk tidak ditemukan di instansi ini", "Parent unit not found in this organisation")
		}
		if err != nil {
			return err
		}
		p = next.Int64
	}
	return nil
}

// CreateUnit adds a unit to an organisation.
func (db *DB) CreateUnit(ctx context.Context, orgID int64, in sinergi.UnitInput) (*sinergi.Unit, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var u *sinergi.Unit
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := db.getOrg(ctx, tx, orgID, false); err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, orgID) {
			return sinergi.Forbidden()
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := db.checkUnitParent(ctx, tx, orgID, 0, in.ParentID); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO units (organization_id, parent_id, name, kind, version, created_at) VALUES ($1, $2, $3, $4, 1, $5) RETURNING id`,
			orgID, nullID(in.ParentID), in.Name, string(in.Kind), db.now()).Scan(&id); err != nil {
			return err
		}
		var err error
		if u, err = db.getUnit(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "unit", id, nil, u)
	})
	return u, err
}

// UpdateUnit changes a unit; version 0 skips the check.
func (db *DB) UpdateUnit(ctx context.Context, id, version int64, in sinergi.UnitInput) (*sinergi.Unit, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var u *sinergi.Unit
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getUnit(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, before.OrganizationID) {
			return sinergi.Forbidden()
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := db.checkUnitParent(ctx, tx, before.OrganizationID, id, in.ParentID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE units SET parent_id = $1, name = $2, kind = $3, version = version + 1 WHERE id = $4`,
			nullID(in.ParentID), in.Name, string(in.Kind), id); err != nil {
			return err
		}
		if in.Name != before.Name {
			if err := db.refreshAgreementSearchOf(ctx, tx, "unit_id", id); err != nil {
				return err
			}
		}
		if u, err = db.getUnit(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "unit", id, before, u)
	})
	return u, err
}

// DeleteUnit removes a unit that has no sub-units; its people keep their
// organisation and lose the unit.
func (db *DB) DeleteUnit(ctx context.Context, id int64) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getUnit(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, before.OrganizationID) {
			return sinergi.Forbidden()
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM units WHERE parent_id = $1`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return sinergi.Errorf(sinergi.CodeConflict, "Unit ini masih memiliki %d sub-unit; hapus atau pindahkan dahulu", "This unit still has %d sub-units; delete or move them first", n)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE people SET unit_id = NULL, version = version + 1 WHERE unit_id = $1`, id); err != nil {
			return err
		}
		named, err := agreementIDsOf(ctx, tx, "unit_id", id) // their search text names the unit
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM units WHERE id = $1`, id); err != nil {
			return err
		}
		if err := db.refreshAgreementSearch(ctx, tx, named); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "delete", "unit", id, before, nil)
	})
}
