package store

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"sinergi"
	"sinergi/network"
)

// NetworkOrg is an organisation as a node of the collaboration network.
type NetworkOrg struct {
	ID      int64
	Name    string
	Acronym string
	Sector  sinergi.Sector
}

// NetworkData is the stored collaboration network at organisation level
// (issue 6): recorded activities, shared forum membership and Bantuan
// Kedinasan requests. Nodes are organisation ids as decimal strings.
type NetworkData struct {
	Orgs  []NetworkOrg
	Links []network.Link
}

// NodeID is the node name of an organisation.
func NodeID(id int64) string { return strconv.FormatInt(id, 10) }

// Network reads the links dated in [since, until] (zero: open).
//   - activities: one link each, directed (giver → receiver) for give/receive types;
//   - forums: a link between every two member organisations, dated when the
//     later of the two joined;
//   - assistance requests (except drafts and cancelled ones): provider →
//     requester, dated when submitted.
func (db *DB) Network(ctx context.Context, since, until time.Time) (*NetworkData, error) {
	if !sinergi.CanViewActivities(sinergi.ActorFrom(ctx)) {
		return nil, sinergi.Unauthorized()
	}
	out := &NetworkData{}
	rows, err := db.SQL.QueryContext(ctx, `SELECT id, name, acronym, sector FROM organizations ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var o NetworkOrg
		if err := rows.Scan(&o.ID, &o.Name, &o.Acronym, &o.Sector); err != nil {
			rows.Close()
			return nil, err
		}
		out.Orgs = append(out.Orgs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	in := func(t time.Time) bool {
		return (since.IsZero() || !t.Before(since)) && (until.IsZero() || !t.After(until))
	}
	add := func(from, to int64, directed bool, at time.Time, kind string) {
		if from != to && in(at) {
			out.Links = append(out.Links, network.Link{From: NodeID(from), To: NodeID(to), Directed: directed, At: at.UTC(), Kind: kind})
		}
	}
	// activities
	rows, err = db.SQL.QueryContext(ctx, `SELECT type, from_org_id, to_org_id, date FROM activities ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var typ, date string
		var from, to int64
		if err := rows.Scan(&typ, &from, &to, &date); err != nil {
			rows.Close()
			return nil, err
		}
		at, err := time.Parse(time.DateOnly, date)
		if err != nil {
			continue
		}
		info, _ := sinergi.LookupActivityType(sinergi.ActivityType(typ))
		add(from, to, info.Directed, at, typ)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// forum co-membership
	rows, err = db.SQL.QueryContext(ctx, `SELECT a.organization_id, b.organization_id, a.joined_at, b.joined_at
		FROM forum_members a JOIN forum_members b ON a.forum_id = b.forum_id AND a.organization_id < b.organization_id ORDER BY a.id, b.id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var a, b int64
		var ta, tb time.Time
		if err := rows.Scan(&a, &b, &ta, &tb); err != nil {
			rows.Close()
			return nil, err
		}
		if tb.After(ta) {
			ta = tb
		}
		add(a, b, false, ta, "forum")
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Bantuan Kedinasan: the provider gives, the requester receives. Only
	// requests classified biasa count: the network is shown to every
	// logged-in account, and even the existence of a restricted or secret
	// request between two organisations is not theirs to learn.
	rows, err = db.SQL.QueryContext(ctx, `SELECT provider_org_id, requester_org_id, submitted_at, created_at FROM assistance_requests
		WHERE status NOT IN ('draft', 'cancelled') AND classification = 'biasa' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p, r int64
		var sub sql.NullTime
		var created time.Time
		if err := rows.Scan(&p, &r, &sub, &created); err != nil {
			return nil, err
		}
		at := created
		if sub.Valid {
			at = sub.Time
		}
		add(p, r, true, at, "assistance")
	}
	return out, rows.Err()
}

// OrgNetwork is the analysed organisation network with labels and findings.
type OrgNetwork struct {
	network.Result
	Labels   map[string]string `json:"labels"`  // node → organisation name
	Sectors  map[string]string `json:"sectors"` // node → sector code
	Findings []network.Finding `json:"findings"`
	Since    string            `json:"since,omitempty"`
	Until    string            `json:"until,omitempty"`
	Links    map[string]int    `json:"links"` // links read per kind
	Orgs     []NetworkOrg      `json:"-"`
	Graph    *network.Graph    `json:"-"`
}

// AnalyzeNetwork reads the stored network and runs every measure, with the
// sectors as the formal structure (E-I per sector, formal modularity).
func (db *DB) AnalyzeNetwork(ctx context.Context, since, until time.Time, o network.Options) (*OrgNetwork, error) {
	data, err := db.Network(ctx, since, until)
	if err != nil {
		return nil, err
	}
	now := db.now()
	if !until.IsZero() && until.Before(now) {
		now = until
	}
	res := &OrgNetwork{Labels: map[string]string{}, Sectors: map[string]string{}, Links: map[string]int{}, Orgs: data.Orgs}
	nodes := make([]string, len(data.Orgs))
	for i, org := range data.Orgs {
		n := NodeID(org.ID)
		nodes[i] = n
		res.Labels[n] = org.Name
		res.Sectors[n] = string(org.Sector)
	}
	for _, l := range data.Links {
		res.Links[l.Kind]++
	}
	g, opts, err := network.FromLinks(nodes, data.Links, res.Sectors, now)
	if err != nil {
		return nil, err
	}
	opts.Seed, opts.Trials, opts.Betweenness = o.Seed, o.Trials, o.Betweenness
	res.Result = network.Analyze(g, opts)
	res.Graph = g
	sectorName := func(s string) string {
		for _, info := range sinergi.Sectors {
			if string(info.Code) == s {
				return "Sektor " + info.Label.ID
			}
		}
		return s
	}
	res.Findings = network.Findings(res.Result, func(n string) string { return res.Labels[n] }, sectorName, res.Sectors, now)
	if res.Findings == nil {
		res.Findings = []network.Finding{}
	}
	if !since.IsZero() {
		res.Since = since.Format(time.DateOnly)
	}
	if !until.IsZero() {
		res.Until = until.Format(time.DateOnly)
	}
	return res, nil
}
