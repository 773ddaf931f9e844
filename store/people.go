package store

import (
	"context"
	"database/sql"
	"errors"

	"sinergi"
)

var _ sinergi.PersonService = (*DB)(nil)

const personCols = `p.id, p.organization_id, p.unit_id, COALESCE(u.name, ''), p.name, COALESCE(p.nip, ''), p.position, p.email, p.version, p.created_at`
const personFrom = ` FROM people p LEFT JOIN units u ON u.id = p.unit_id`

func scanPerson(row interface{ Scan(...any) error }) (*sinergi.Person, error) {
	var p sinergi.Person
	err := row.Scan(&p.ID, &p.OrganizationID, &p.UnitID, &p.UnitName, &p.Name, &p.NIP, &p.Position, &p.Email, &p.Version, &p.CreatedAt)
	p.CreatedAt = p.CreatedAt.UTC()
	return &p, err
}

func (db *DB) getPerson(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Person, error) {
	s := `SELECT ` + personCols + personFrom + ` WHERE p.id = $1`
	if lock && db.Dialect == Postgres {
		s += " FOR UPDATE OF p"
	}
	p, err := scanPerson(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Orang", "Person")
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// People lists the people of an organisation (logged-in accounts only).
func (db *DB) People(ctx context.Context, orgID int64, q string, offset, limit int) (sinergi.List[sinergi.Person], error) {
	out := sinergi.List[sinergi.Person]{Items: []sinergi.Person{}}
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return out, sinergi.Unauthorized()
	}
	if !sinergi.CanViewPeople(a) {
		return out, sinergi.Forbidden()
	}
	if _, err := db.Organization(ctx, orgID); err != nil {
		return out, err
	}
	out.Offset, out.Limit = sinergi.ClampPage(offset, limit)
	var w where
	w.add("p.organization_id = ?", orgID)
	if q != "" {
		pat := likePattern(q)
		w.add(`(lower(p.name) LIKE ? ESCAPE '\' OR lower(p.position) LIKE ? ESCAPE '\' OR p.nip LIKE ? ESCAPE '\')`, pat, pat, pat)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*)`+personFrom+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+personCols+personFrom+w.String()+` ORDER BY p.name, p.id`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *p)
	}
	return out, rows.Err()
}

// Person returns one person (logged-in accounts only).
func (db *DB) Person(ctx context.Context, id int64) (*sinergi.Person, error) {
	if !sinergi.CanViewPeople(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	return db.getPerson(ctx, db.SQL, id, false)
}

func (db *DB) checkPersonUnit(ctx context.Context, q querier, orgID int64, unit *int64) error {
	if unit == nil {
		return nil
	}
	var org int64
	err := q.QueryRowContext(ctx, `SELECT organization_id FROM units WHERE id = $1`, *unit).Scan(&org)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && org != orgID) {
		var v sinergi.Validation
		v.Add("unit_id", "Unit kerja tidak ditemukan di instansi ini", "Unit not found in this organisation")
		return v.Err()
	}
	return err
}

func nipConflict(err error) error {
	if sinergi.ErrorCode(err) == sinergi.CodeConflict {
		var v sinergi.Validation
		v.Add("nip", "NIP ini sudah terdaftar untuk orang lain", "This NIP is already registered to someone else")
		return v.Err()
	}
	return err
}

// CreatePerson adds a person to an organisation.
func (db *DB) CreatePerson(ctx context.Context, orgID int64, in sinergi.PersonInput) (*sinergi.Person, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var p *sinergi.Person
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
		if err := db.checkPersonUnit(ctx, tx, orgID, in.UnitID); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO people (organization_id, unit_id, name, nip, position, email, version, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id`,
			orgID, nullID(in.UnitID), in.Name, nullStr(in.NIP), in.Position, in.Email, db.now()).Scan(&id); err != nil {
			return nipConflict(dbErr(err))
		}
		var err error
		if p, err = db.getPerson(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "person", id, nil, p)
	})
	return p, err
}

// UpdatePerson changes a person; version 0 skips the check.
func (db *DB) UpdatePerson(ctx context.Context, id, version int64, in sinergi.PersonInput) (*sinergi.Person, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	var p *sinergi.Person
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getPerson(ctx, tx, id, true)
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
		if err := db.checkPersonUnit(ctx, tx, before.OrganizationID, in.UnitID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE people SET unit_id = $1, name = $2, nip = $3, position = $4, email = $5, version = version + 1 WHERE id = $6`,
			nullID(in.UnitID), in.Name, nullStr(in.NIP), in.Position, in.Email, id); err != nil {
			return nipConflict(dbErr(err))
		}
		if p, err = db.getPerson(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "person", id, before, p)
	})
	return p, err
}

// DeletePerson removes a person; an account linked to them stays, unlinked.
func (db *DB) DeletePerson(ctx context.Context, id int64) error {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return sinergi.Unauthorized()
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getPerson(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, before.OrganizationID) {
			return sinergi.Forbidden()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET person_id = NULL WHERE person_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = $1`, id); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "delete", "person", id, before, nil)
	})
}
