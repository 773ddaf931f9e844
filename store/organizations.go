package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"sinergi"
	"sinergi/region"
)

var _ sinergi.OrganizationService = (*DB)(nil)

const orgCols = `id, name, acronym, sector, region_code, parent_id, version, created_at, updated_at`

func scanOrg(row interface{ Scan(...any) error }) (*sinergi.Organization, error) {
	var o sinergi.Organization
	if err := row.Scan(&o.ID, &o.Name, &o.Acronym, &o.Sector, &o.RegionCode, &o.ParentID, &o.Version, &o.CreatedAt, &o.UpdatedAt); err != nil {
		return nil, err
	}
	o.Public = o.Sector.IsPublic()
	if r, ok := region.Lookup(o.RegionCode); ok {
		o.RegionName = r.Name
	}
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return &o, nil
}

func (db *DB) getOrg(ctx context.Context, q querier, id int64, lock bool) (*sinergi.Organization, error) {
	s := `SELECT ` + orgCols + ` FROM organizations WHERE id = $1`
	if lock {
		s += db.forUpdate()
	}
	o, err := scanOrg(q.QueryRowContext(ctx, s, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sinergi.NotFound("Instansi", "Organisation")
	}
	return o, err
}

// Organization returns one organisation. The registry is public.
func (db *DB) Organization(ctx context.Context, id int64) (*sinergi.Organization, error) {
	return db.getOrg(ctx, db.SQL, id, false)
}

// Organizations lists organisations matching f, by name.
func (db *DB) Organizations(ctx context.Context, f sinergi.OrganizationFilter) (sinergi.List[sinergi.Organization], error) {
	out := sinergi.List[sinergi.Organization]{Items: []sinergi.Organization{}}
	out.Offset, out.Limit = sinergi.ClampPage(f.Offset, f.Limit)
	var w where
	if f.Q != "" {
		p := likePattern(f.Q)
		w.add(`(lower(name) LIKE ? ESCAPE '\' OR lower(acronym) LIKE ? ESCAPE '\')`, p, p)
	}
	if f.Sector != "" {
		w.add(`sector = ?`, string(f.Sector))
	}
	if f.RegionCode != "" {
		// codes are digits and dots (checked by the caller); escape anyway
		w.add(`(region_code = ? OR region_code LIKE ? ESCAPE '\')`, f.RegionCode, strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.RegionCode)+".%")
	}
	if f.ParentID != 0 {
		w.add(`parent_id = ?`, f.ParentID)
	}
	if f.Public != nil {
		var public []any
		for _, s := range sinergi.Sectors {
			if s.Public == *f.Public {
				public = append(public, string(s.Code))
			}
		}
		cond := "sector IN (?" + repeat(",?", len(public)-1) + ")"
		w.add(cond, public...)
	}
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM organizations`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	if out.Total <= out.Offset {
		return out, nil
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+orgCols+` FROM organizations`+w.String()+` ORDER BY name, id`+limitClause(0, out.Offset, out.Limit), w.args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *o)
	}
	return out, rows.Err()
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

// checkParent verifies that parent exists and that making it the parent of
// id (0 for a new organisation) does not create a cycle.
func (db *DB) checkParent(ctx context.Context, q querier, id int64, parent *int64) error {
	if parent == nil {
		return nil
	}
	seen := map[int64]bool{}
	for p := *parent; p != 0; {
		if p == id || seen[p] {
			var v sinergi.Validation
			v.Add("parent_id", "Instansi induk tidak boleh instansi itu sendiri atau bawahannya", "The parent cannot be the organisation itself or one below it")
			return v.Err()
		}
		seen[p] = true
		var next sql.NullInt64
		err := q.QueryRowContext(ctx, `SELECT parent_id FROM organizations WHERE id = $1`, p).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			var v sinergi.Validation
			v.Add("parent_id", "Instansi induk tidak ditemukan", "Parent organisation not found")
			return v.Err()
		}
		if err != nil {
			return err
		}
		p = next.Int64
	}
	return nil
}

// CreateOrganization registers an organisation.
func (db *DB) CreateOrganization(ctx context.Context, in sinergi.OrganizationInput) (*sinergi.Organization, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	if !sinergi.CanCreateOrganization(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Forbidden()
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var o *sinergi.Organization
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := db.checkParent(ctx, tx, 0, in.ParentID); err != nil {
			return err
		}
		now := db.now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO organizations (name, acronym, sector, region_code, parent_id, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id`,
			in.Name, in.Acronym, string(in.Sector), in.RegionCode, nullID(in.ParentID), now).Scan(&id); err != nil {
			return err
		}
		var err error
		if o, err = db.getOrg(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "create", "organization", id, nil, o)
	})
	return o, err
}

// UpdateOrganization changes an organisation; version 0 skips the check.
func (db *DB) UpdateOrganization(ctx context.Context, id, version int64, in sinergi.OrganizationInput) (*sinergi.Organization, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	in.Normalize()
	var o *sinergi.Organization
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := db.getOrg(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, id) {
			return sinergi.Forbidden()
		}
		if err := checkVersion(before.Version, version); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := db.checkParent(ctx, tx, id, in.ParentID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE organizations SET name = $1, acronym = $2, sector = $3, region_code = $4, parent_id = $5,
			version = version + 1, updated_at = $6 WHERE id = $7`,
			in.Name, in.Acronym, string(in.Sector), in.RegionCode, nullID(in.ParentID), db.now(), id); err != nil {
			return err
		}
		if in.Name != before.Name || in.Acronym != before.Acronym {
			if err := db.refreshAgreementSearchOf(ctx, tx, "organization_id", id); err != nil {
				return err
			}
		}
		if o, err = db.getOrg(ctx, tx, id, false); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "organization", id, before, o)
	})
	return o, err
}
