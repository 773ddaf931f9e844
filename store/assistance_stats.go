package store

import (
	"context"

	"sinergi"
	"sinergi/assist"
)

// AssistanceStats is the dashboard of organisation orgID (issue 4, item 7),
// computed by assist.ComputeStats over the requests the caller may read in
// which the organisation takes part, with their history.
func (db *DB) AssistanceStats(ctx context.Context, orgID int64) (*sinergi.AssistanceStats, error) {
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	org, err := db.getOrg(ctx, db.SQL, orgID, false)
	if err != nil {
		return nil, err
	}
	if _, err := db.EscalateOverdue(ctx); err != nil {
		return nil, err
	}
	var w where
	visible(&w, a)
	w.add(`(r.requester_org_id = ? OR r.provider_org_id = ?)`, orgID, orgID)
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+assistCols+assistFrom+w.String()+` ORDER BY r.id`, w.args...)
	if err != nil {
		return nil, err
	}
	var reqs []assist.StatsRequest
	index := map[int64]int{}
	for rows.Next() {
		r, err := scanAssist(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[r.ID] = len(reqs)
		reqs = append(reqs, assist.StatsRequest{AssistanceRequest: r})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	hist, err := db.SQL.QueryContext(ctx, `SELECT h.request_id, h.action, h.at FROM assistance_history h JOIN assistance_requests r ON r.id = h.request_id
		JOIN organizations ro ON ro.id = r.requester_org_id JOIN organizations po ON po.id = r.provider_org_id`+w.String()+`
		AND h.action IN ('submit', 'accept', 'refuse', 'refuse_blocked') ORDER BY h.id`, w.args...)
	if err != nil {
		return nil, err
	}
	defer hist.Close()
	for hist.Next() {
		var id int64
		var e assist.Event
		if err := hist.Scan(&id, &e.Action, &e.At); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			reqs[i].Events = append(reqs[i].Events, e)
		}
	}
	if err := hist.Err(); err != nil {
		return nil, err
	}
	st := assist.ComputeStats(orgID, reqs, AssistanceConfig.Calendar(), db.now())
	st.OrganizationName = org.Name
	return &st, nil
}
