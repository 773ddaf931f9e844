package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"sinergi"
	"sinergi/trends"
)

// MaxTrendQuarters bounds the quarters of one trends request (20 years).
const MaxTrendQuarters = 80

// Trends is the collaboration per calendar quarter of one organisation, or
// of the whole network when OrgID is 0 (see package trends for the measures).
type Trends struct {
	OrgID    int64            `json:"org_id,omitempty"`
	OrgName  string           `json:"org_name,omitempty"`
	From     string           `json:"from"` // first day of the first quarter
	To       string           `json:"to"`   // last day of the last quarter
	Quarters []trends.Quarter `json:"quarters"`
}

// ActivityTrends counts the stored network (activities, forum joins,
// assistance requests, as Network reads them) per quarter, from the quarter
// holding from to the one holding to. Zero to is today; zero from is eight
// quarters up to to.
func (db *DB) ActivityTrends(ctx context.Context, orgID int64, from, to time.Time) (*Trends, error) {
	if !sinergi.CanViewActivities(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	if to.IsZero() {
		to = db.now()
	}
	if from.IsZero() {
		from = trends.Start(to).AddDate(0, -21, 0)
	}
	var v sinergi.Validation
	qs := trends.Quarters(from, to)
	switch {
	case from.After(to):
		v.Add("from", "from harus sebelum to", "from must be before to")
	case len(qs) > MaxTrendQuarters:
		v.Add("from", "Paling banyak 80 triwulan (20 tahun)", "At most 80 quarters (20 years)")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	out := &Trends{OrgID: orgID, From: qs[0].Format(time.DateOnly), To: trends.Start(to).AddDate(0, 3, -1).Format(time.DateOnly)}
	focus := ""
	if orgID != 0 {
		err := db.SQL.QueryRowContext(ctx, `SELECT name FROM organizations WHERE id = $1`, orgID).Scan(&out.OrgName)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, sinergi.NotFound("Instansi", "Organisation")
		}
		if err != nil {
			return nil, err
		}
		focus = NodeID(orgID)
	}
	data, err := db.Network(ctx, qs[0], trends.Start(to).AddDate(0, 3, 0).Add(-time.Microsecond))
	if err != nil {
		return nil, err
	}
	sectors := make(map[string]string, len(data.Orgs))
	for _, o := range data.Orgs {
		sectors[NodeID(o.ID)] = string(o.Sector)
	}
	types := make([]string, len(sinergi.ActivityTypes))
	for i, t := range sinergi.ActivityTypes {
		types[i] = string(t.Code)
	}
	out.Quarters = trends.Compute(sectors, data.Links, types, from, to, focus)
	return out, nil
}
