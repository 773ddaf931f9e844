package store

import (
	"context"
	"strconv"

	"sinergi"
)

// Counts are the registry's figures for the dashboard.
type Counts struct {
	Organizations, PublicOrganizations, NonStateOrganizations int
	Units, People, Users                                      int
}

// Counts counts the registry, or one organisation's part of it (orgID > 0).
func (db *DB) Counts(ctx context.Context, orgID int64) (Counts, error) {
	var c Counts
	public := []any{}
	ph := ""
	for _, s := range sinergi.Sectors {
		if s.Public {
			public = append(public, string(s.Code))
			if ph != "" {
				ph += ","
			}
			ph += "$" + strconv.Itoa(len(public))
		}
	}
	if orgID == 0 {
		err := db.SQL.QueryRowContext(ctx, `SELECT count(*), COALESCE(SUM(CASE WHEN sector IN (`+ph+`) THEN 1 ELSE 0 END), 0) FROM organizations`, public...).
			Scan(&c.Organizations, &c.PublicOrganizations)
		if err != nil {
			return c, err
		}
		c.NonStateOrganizations = c.Organizations - c.PublicOrganizations
	}
	for _, q := range []struct {
		table string
		dst   *int
	}{{"units", &c.Units}, {"people", &c.People}, {"users", &c.Users}} {
		s, args := `SELECT count(*) FROM `+q.table, []any{}
		if orgID > 0 {
			s += ` WHERE organization_id = $1`
			args = append(args, orgID)
		}
		if err := db.SQL.QueryRowContext(ctx, s, args...).Scan(q.dst); err != nil {
			return c, err
		}
	}
	return c, nil
}
