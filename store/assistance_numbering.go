package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"sinergi"
	"sinergi/assist"
)

var (
	_ sinergi.AssistanceNumberingService = (*DB)(nil)
	_ sinergi.AssistanceStatsService     = (*DB)(nil)
)

// numbering returns an organisation's numbering: its own row, or the
// default from its acronym (set false).
func (db *DB) numbering(ctx context.Context, q querier, org *sinergi.Organization) (n assist.Numbering, version int64, updated *time.Time, set bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT pattern, agency_code, unit_code, archive_code, version, updated_at FROM assistance_numbering WHERE organization_id = $1`, org.ID).
		Scan(&n.Pattern, &n.AgencyCode, &n.UnitCode, &n.ArchiveCode, &version, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return assist.DefaultNumbering(org.Acronym, org.ID), 0, nil, false, nil
	}
	return n, version, utcp(updated), err == nil, err
}

// nextSerial gives organisation orgID the next serial of year inside tx.
// The upsert locks the counter row until tx ends: two letters at once get
// consecutive serials, and a rolled-back letter gives its serial back, so
// serials have neither duplicates nor gaps.
func (db *DB) nextSerial(ctx context.Context, tx *sql.Tx, orgID int64, year int) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `INSERT INTO assistance_number_serials (organization_id, year, last_serial) VALUES ($1, $2, 1)
		ON CONFLICT (organization_id, year) DO UPDATE SET last_serial = assistance_number_serials.last_serial + 1 RETURNING last_serial`, orgID, year).Scan(&n)
	return n, err
}

// letterNumber numbers a letter of organisation orgID (security class c,
// dated at) by its numbering pattern, taking the next serial of the year.
func (db *DB) letterNumber(ctx context.Context, tx *sql.Tx, orgID int64, c sinergi.Classification, at time.Time) (string, error) {
	org, err := db.getOrg(ctx, tx, orgID, false)
	if err != nil {
		return "", err
	}
	n, _, _, _, err := db.numbering(ctx, tx, org)
	if err != nil {
		return "", err
	}
	serial, err := db.nextSerial(ctx, tx, orgID, at.In(assist.Wita).Year())
	if err != nil {
		return "", err
	}
	return n.Format(c, serial, at), nil
}

func (db *DB) numberingView(ctx context.Context, q querier, org *sinergi.Organization) (*sinergi.AssistanceNumbering, error) {
	n, version, updated, set, err := db.numbering(ctx, q, org)
	if err != nil {
		return nil, err
	}
	now := db.now()
	var last int64
	err = q.QueryRowContext(ctx, `SELECT last_serial FROM assistance_number_serials WHERE organization_id = $1 AND year = $2`, org.ID, now.In(assist.Wita).Year()).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return &sinergi.AssistanceNumbering{OrganizationID: org.ID, Pattern: n.Pattern, AgencyCode: n.AgencyCode, UnitCode: n.UnitCode,
		ArchiveCode: n.ArchiveCode, Default: !set, Example: n.Format(sinergi.Biasa, last+1, now), NextSerial: last + 1, Version: version, UpdatedAt: updated}, nil
}

// AssistanceNumbering returns an organisation's numbering of letters to any
// logged-in user (numbers are printed on every letter).
func (db *DB) AssistanceNumbering(ctx context.Context, orgID int64) (*sinergi.AssistanceNumbering, error) {
	if !sinergi.ActorFrom(ctx).Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	org, err := db.getOrg(ctx, db.SQL, orgID, false)
	if err != nil {
		return nil, err
	}
	return db.numberingView(ctx, db.SQL, org)
}

// SetAssistanceNumbering sets the pattern and codes of an organisation's
// letters: its admins and system admins. version is the numbering's version
// the client saw (0 = not given; -1 = "none set yet", as a numbering never
// set has version 0).
// Serials go on: a new pattern does not restart the year's count.
func (db *DB) SetAssistanceNumbering(ctx context.Context, orgID, version int64, in sinergi.AssistanceNumberingInput) (*sinergi.AssistanceNumbering, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	n := assist.Numbering(in)
	n.Normalize()
	var out *sinergi.AssistanceNumbering
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		org, err := db.getOrg(ctx, tx, orgID, false)
		if err != nil {
			return err
		}
		if !sinergi.CanManageOrganization(a, orgID) {
			return sinergi.Forbidden()
		}
		if err := n.Validate(); err != nil {
			return err
		}
		var before *sinergi.AssistanceNumbering
		if before, err = db.numberingView(ctx, tx, org); err != nil {
			return err
		}
		if version != 0 && max(version, 0) != before.Version {
			return sinergi.Stale()
		}
		now := db.now()
		var res sql.Result
		if before.Default {
			res, err = tx.ExecContext(ctx, `INSERT INTO assistance_numbering (organization_id, pattern, agency_code, unit_code, archive_code, version, updated_at)
				VALUES ($1, $2, $3, $4, $5, 1, $6) ON CONFLICT (organization_id) DO NOTHING`, orgID, n.Pattern, n.AgencyCode, n.UnitCode, n.ArchiveCode, now)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE assistance_numbering SET pattern = $1, agency_code = $2, unit_code = $3, archive_code = $4,
				version = version + 1, updated_at = $5 WHERE organization_id = $6 AND version = $7`, n.Pattern, n.AgencyCode, n.UnitCode, n.ArchiveCode, now, orgID, before.Version)
		}
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k != 1 { // someone else set it at the same moment
			return sinergi.Stale()
		}
		if out, err = db.numberingView(ctx, tx, org); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, "update", "assistance_numbering", orgID, before, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
