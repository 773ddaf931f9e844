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

// NetworkUnit is a unit as a node of the unit-level network.
type NetworkUnit struct {
	ID, OrgID int64
	Name      string
}

// NetworkData is the stored collaboration network (issue 6): recorded
// activities, signed agreements, shared forum membership and Bantuan
// Kedinasan requests. Link ends are two different organisations (ids as
// decimal strings, [NodeID]); FromUnit/ToUnit carry the unit ([UnitNodeID])
// where an activity or an agreement party records one. Inside holds the
// activities between two units of one organisation, which only the unit
// level counts.
type NetworkData struct {
	Orgs   []NetworkOrg
	Units  []NetworkUnit
	Links  []network.Link
	Inside []network.Link
}

// NodeID is the node name of an organisation.
func NodeID(id int64) string { return strconv.FormatInt(id, 10) }

// UnitNodeID is the node name of a unit ("u" and its id).
func UnitNodeID(id int64) string { return "u" + strconv.FormatInt(id, 10) }

func unitNode(id sql.NullInt64) string {
	if !id.Valid {
		return ""
	}
	return UnitNodeID(id.Int64)
}

// Network reads the links dated in [since, until] (zero: open).
//   - activities: one link each, directed (giver → receiver) for give/receive
//     types, with the from/to units where recorded;
//   - agreements signed (active or terminated; not drafts or those still in
//     process): a link between every two parties, dated on the start date,
//     with the parties' units where recorded;
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
	rows, err = db.SQL.QueryContext(ctx, `SELECT id, organization_id, name FROM units ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var u NetworkUnit
		if err := rows.Scan(&u.ID, &u.OrgID, &u.Name); err != nil {
			rows.Close()
			return nil, err
		}
		out.Units = append(out.Units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	addUnits := func(from, to int64, fromUnit, toUnit string, directed bool, at time.Time, kind string) {
		if !in(at) {
			return
		}
		l := network.Link{From: NodeID(from), To: NodeID(to), FromUnit: fromUnit, ToUnit: toUnit, Directed: directed, At: at.UTC(), Kind: kind}
		switch {
		case from != to:
			out.Links = append(out.Links, l)
		case fromUnit != "" && toUnit != "" && fromUnit != toUnit:
			out.Inside = append(out.Inside, l)
		}
	}
	add := func(from, to int64, directed bool, at time.Time, kind string) {
		addUnits(from, to, "", "", directed, at, kind)
	}
	// activities
	rows, err = db.SQL.QueryContext(ctx, `SELECT type, from_org_id, to_org_id, from_unit_id, to_unit_id, date FROM activities ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var typ, date string
		var from, to int64
		var fu, tu sql.NullInt64
		if err := rows.Scan(&typ, &from, &to, &fu, &tu, &date); err != nil {
			rows.Close()
			return nil, err
		}
		at, err := time.Parse(time.DateOnly, date)
		if err != nil {
			continue
		}
		info, _ := sinergi.LookupActivityType(sinergi.ActivityType(typ))
		addUnits(from, to, unitNode(fu), unitNode(tu), info.Directed, at, typ)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// signed agreements: every two parties
	rows, err = db.SQL.QueryContext(ctx, `SELECT ag.start_date, p.organization_id, p.unit_id, q.organization_id, q.unit_id
		FROM agreements ag JOIN agreement_parties p ON p.agreement_id = ag.id
		JOIN agreement_parties q ON q.agreement_id = ag.id AND p.position < q.position
		WHERE ag.status IN ('active', 'terminated') ORDER BY ag.id, p.position, q.position`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var date string
		var p, q int64
		var pu, qu sql.NullInt64
		if err := rows.Scan(&date, &p, &pu, &q, &qu); err != nil {
			rows.Close()
			return nil, err
		}
		if at, err := time.Parse(time.DateOnly, date); err == nil {
			addUnits(p, q, unitNode(pu), unitNode(qu), false, at, "agreement")
		}
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

// OrgNetwork is the analysed network at one level with labels and findings.
type OrgNetwork struct {
	network.Result
	Level    network.Level     `json:"level"`
	Labels   map[string]string `json:"labels"`            // node → name (unit: "unit — organisation")
	Sectors  map[string]string `json:"sectors"`           // node → sector code (a unit: its organisation's)
	Parents  map[string]string `json:"parents,omitempty"` // unit level: node → its organisation's node
	Findings []network.Finding `json:"findings"`
	Since    string            `json:"since,omitempty"`
	Until    string            `json:"until,omitempty"`
	Links    map[string]int    `json:"links"` // links read per kind
	Orgs     []NetworkOrg      `json:"-"`
	Graph    *network.Graph    `json:"-"`
}

// Href is the page of a node: its organisation's page (units too); "" for
// a sector.
func (n *OrgNetwork) Href(node string) string {
	if p, ok := n.Parents[node]; ok {
		node = p
	}
	if n.Level == network.LevelSector {
		return ""
	}
	return "/organizations/" + node
}

// AnalyzeNetwork analyses the organisation-level network
// ([DB.AnalyzeNetworkAt] at [network.LevelOrganization]).
func (db *DB) AnalyzeNetwork(ctx context.Context, since, until time.Time, o network.Options) (*OrgNetwork, error) {
	return db.AnalyzeNetworkAt(ctx, since, until, network.LevelOrganization, o)
}

// AnalyzeNetworkAt reads the stored network and runs every measure at a
// level (issue 6 item 2), with the formal structure of domain.md §7 for the
// E-I index and the formal modularity:
//   - unit: nodes are units, and organisations for links that name no unit;
//     a node's group is its organisation (E-I internal = ties to units of the
//     same organisation);
//   - organization: nodes are organisations, grouped by sector (internal =
//     ties to organisations of the same sector);
//   - sector: nodes are sectors, the organisations merged; a sector's E-I
//     (ei_nodes) counts the organisation-level ties it has inside (between
//     two of its organisations) and outside, as ei_groups at organisation
//     level does.
//
// Ties are weighted by count and recency: each link counts 0.5^(age in
// days / 365) at now (the end of the window when it is in the past), so a
// link of today counts 1 and one a year old 0.5 ([network.RecencyWeight]).
func (db *DB) AnalyzeNetworkAt(ctx context.Context, since, until time.Time, level network.Level, o network.Options) (*OrgNetwork, error) {
	data, err := db.Network(ctx, since, until)
	if err != nil {
		return nil, err
	}
	now := db.now()
	if !until.IsZero() && until.Before(now) {
		now = until
	}
	res := &OrgNetwork{Level: level, Labels: map[string]string{}, Sectors: map[string]string{}, Links: map[string]int{}, Orgs: data.Orgs}
	orgSector := make(map[string]string, len(data.Orgs))
	var orgNodes []string
	for _, org := range data.Orgs {
		n := NodeID(org.ID)
		orgNodes = append(orgNodes, n)
		orgSector[n] = string(org.Sector)
	}
	for _, l := range data.Links {
		res.Links[l.Kind]++
	}
	if level == network.LevelUnit {
		for _, l := range data.Inside {
			res.Links[l.Kind]++
		}
	}
	var nodes []string
	var links []network.Link
	groups := map[string]string{}
	orgLinks := data.Links
	orgName := map[string]string{}
	for _, org := range data.Orgs {
		orgName[NodeID(org.ID)] = org.Name
	}
	switch level {
	case network.LevelUnit:
		res.Parents = map[string]string{}
		hasUnits := map[string]bool{}
		for _, u := range data.Units {
			n, org := UnitNodeID(u.ID), NodeID(u.OrgID)
			nodes = append(nodes, n)
			hasUnits[org] = true
			res.Labels[n] = u.Name + " — " + orgName[org]
			res.Sectors[n], groups[n], res.Parents[n] = orgSector[org], org, org
		}
		for _, n := range orgNodes {
			if !hasUnits[n] {
				nodes = append(nodes, n) // an organisation without units is its own node
			}
			res.Labels[n], res.Sectors[n], groups[n] = orgName[n], orgSector[n], n
		}
		links = network.UnitLinks(append(data.Links[:len(data.Links):len(data.Links)], data.Inside...))
	case network.LevelSector:
		for _, info := range sinergi.Sectors {
			c := string(info.Code)
			for _, s := range orgSector {
				if s == c {
					nodes = append(nodes, c)
					res.Labels[c], res.Sectors[c] = "Sektor "+info.Label.ID, c
					break
				}
			}
		}
		links = network.Coarsen(orgLinks, orgSector)
		groups = nil
	default:
		level, res.Level = network.LevelOrganization, network.LevelOrganization
		nodes, links, groups = orgNodes, orgLinks, orgSector
		for _, n := range orgNodes {
			res.Labels[n], res.Sectors[n] = orgName[n], orgSector[n]
		}
	}
	g, opts, err := network.FromLinks(nodes, links, groups, now)
	if err != nil {
		return nil, err
	}
	opts.Seed, opts.Trials, opts.Betweenness = o.Seed, o.Trials, o.Betweenness
	res.Result = network.Analyze(g, opts)
	res.Graph = g
	if level == network.LevelSector {
		og, _, err := network.FromLinks(orgNodes, orgLinks, nil, now)
		if err != nil {
			return nil, err
		}
		per, whole := og.EIGroups(orgSector)
		res.EINodes, res.EINetwork = per, &whole
	}
	groupName := func(s string) string {
		if name, ok := orgName[s]; ok && level == network.LevelUnit {
			return name
		}
		if info, ok := sinergi.LookupSector(sinergi.Sector(s)); ok {
			return "Sektor " + info.Label.ID
		}
		return s
	}
	res.Findings = network.Findings(res.Result, func(n string) string { return res.Labels[n] }, groupName, groups, now)
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
