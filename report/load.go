package report

import (
	"context"
	"math"
	"sort"
	"strings"
	"time"

	"sinergi"
	"sinergi/assist"
	"sinergi/network"
	"sinergi/store"
)

// Progress receives a line for each long step (nil: silent).
type Progress func(step string)

// Load gathers the data of the report on organisation orgID for the days
// from..to (both included) as the actor in ctx may see them: the store's
// service methods apply the access rules (rahasia Bantuan Kedinasan
// requests only for entitled accounts, forums the actor may read, …), and
// every record is checked again with sinergi.CanRead where it carries a
// classification.
func Load(ctx context.Context, db *store.DB, orgID int64, from, to time.Time, progress Progress) (*Data, error) {
	say := func(s string) {
		if progress != nil {
			progress(s)
		}
	}
	a := sinergi.ActorFrom(ctx)
	if !a.Authenticated() {
		return nil, sinergi.Unauthorized()
	}
	from, to = dayStart(from), dayStart(to)
	if to.Before(from) {
		return nil, sinergi.Errorf(sinergi.CodeInvalid, "Tanggal akhir periode sebelum tanggal awal", "The period ends before it starts")
	}
	end := to.AddDate(0, 0, 1).Add(-time.Nanosecond) // the last instant of the last day
	org, err := db.Organization(ctx, orgID)
	if err != nil {
		return nil, err
	}
	now := db.Now().UTC()
	d := &Data{Org: *org, From: from, To: to, GeneratedAt: now}
	asOf := now
	if end.Before(asOf) {
		asOf = end
	}

	say("instansi dan unit kerja")
	if d.Units, err = db.Units(ctx, orgID); err != nil {
		return nil, err
	}

	say("forum dan enam kriteria")
	if err := loadForums(ctx, db, d); err != nil {
		return nil, err
	}

	say("kegiatan kolaborasi")
	for off := 0; ; {
		l, err := db.Activities(ctx, sinergi.ActivityFilter{OrgID: orgID, From: from.Format(time.DateOnly), To: to.Format(time.DateOnly), Offset: off, Limit: 200})
		if err != nil {
			return nil, err
		}
		d.Activities = append(d.Activities, l.Items...)
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	sort.SliceStable(d.Activities, func(i, j int) bool { return d.Activities[i].Date < d.Activities[j].Date })

	say("Bantuan Kedinasan")
	if err := loadAssistance(ctx, db, d, end, asOf); err != nil {
		return nil, err
	}
	if d.Overdue, err = db.OverdueActions(ctx, orgID); err != nil {
		return nil, err
	}

	say("analisis jejaring")
	if err := loadNetwork(ctx, db, d, end); err != nil {
		return nil, err
	}

	builtin := map[string]Source{}
	if !registered("agreements") {
		say("perjanjian kerja sama")
		if err := loadAgreements(ctx, db, d, end); err != nil {
			return nil, err
		}
		builtin["agreements"] = func(context.Context, sinergi.Organization, time.Time, time.Time) (Extra, error) {
			return Extra{Available: true, Note: "Sumber: " + agreementsSource}, nil
		}
	}
	if !registered("register") {
		say("register hambatan dan survei")
		if err := loadRegister(ctx, db, d); err != nil {
			return nil, err
		}
		builtin["register"] = func(context.Context, sinergi.Organization, time.Time, time.Time) (Extra, error) {
			return Extra{Available: true, Note: "Sumber: " + registerSource + "; " + surveySource}, nil
		}
	}
	if !registered("corridor") {
		say("program koridor")
		if err := loadCorridors(ctx, db, d); err != nil {
			return nil, err
		}
		builtin["corridor"] = func(context.Context, sinergi.Organization, time.Time, time.Time) (Extra, error) {
			return Extra{Available: true, Note: "Sumber: " + corridorSource}, nil
		}
	}
	if d.Extras, err = loadExtras(ctx, *org, from, to, builtin); err != nil {
		return nil, err
	}
	return d, nil
}

func dayStart(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

func loadForums(ctx context.Context, db *store.DB, d *Data) error {
	var ids []int64
	for off := 0; ; {
		l, err := db.Forums(ctx, sinergi.ForumFilter{OrgID: d.Org.ID, Offset: off, Limit: 200})
		if err != nil {
			return err
		}
		for _, f := range l.Items {
			ids = append(ids, f.ID)
		}
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	for _, id := range ids {
		v, err := db.Forum(ctx, id)
		if err != nil {
			if c := sinergi.ErrorCode(err); c == sinergi.CodeNotFound || c == sinergi.CodeForbidden {
				d.Withheld++
				continue
			}
			return err
		}
		f := Forum{ID: v.ID, Name: v.Name, Members: len(v.Members), Criteria: v.Criteria, Cycle: v.Cycle}
		if info, ok := sinergi.LookupFocus(v.Focus); ok {
			f.Focus = strings.ToLower(info.Label.ID)
		}
		if v.InitiatorOrgID == d.Org.ID {
			f.Role = "pemrakarsa"
		}
		for _, m := range v.Members {
			if m.OrganizationID == d.Org.ID {
				role := strings.ToLower(sinergi.MemberRoleLabel[m.Role].ID)
				if f.Role != "" {
					f.Role += " dan " + role
				} else {
					f.Role = role
				}
			}
		}
		for _, w := range v.SmallWins {
			f.SmallWins = append(f.SmallWins, w.Title)
		}
		d.Forums = append(d.Forums, f)
	}
	return nil
}

func loadAssistance(ctx context.Context, db *store.DB, d *Data, end, asOf time.Time) error {
	a := sinergi.ActorFrom(ctx)
	var reqs []assist.StatsRequest
	for off := 0; ; {
		l, err := db.AssistanceRequests(ctx, sinergi.AssistanceFilter{Offset: off, Limit: 200})
		if err != nil {
			return err
		}
		for _, r := range l.Items {
			if r.RequesterOrgID != d.Org.ID && r.ProviderOrgID != d.Org.ID {
				continue
			}
			at := r.CreatedAt
			if r.SubmittedAt != nil {
				at = *r.SubmittedAt
			}
			if at.Before(d.From) || at.After(end) || r.Status == sinergi.AssistDraft {
				continue
			}
			if !sinergi.CanReadAssistance(a, &r) {
				d.Withheld++
				continue
			}
			full, err := db.AssistanceRequest(ctx, r.ID)
			if err != nil {
				return err
			}
			if full.Classification == sinergi.Rahasia {
				d.Secret = true
			}
			sr := assist.StatsRequest{AssistanceRequest: full}
			for _, h := range full.History {
				sr.Events = append(sr.Events, assist.Event{Action: h.Action, At: h.At})
			}
			reqs = append(reqs, sr)
			d.Requests = append(d.Requests, *full)
		}
		off += len(l.Items)
		if len(l.Items) == 0 || off >= l.Total {
			break
		}
	}
	sort.SliceStable(d.Requests, func(i, j int) bool { return submitted(d.Requests[i]).Before(submitted(d.Requests[j])) })
	d.Assistance = assist.ComputeStats(d.Org.ID, reqs, store.AssistanceConfig.Calendar(), asOf)
	d.Assistance.OrganizationName = d.Org.Name
	return nil
}

func submitted(r sinergi.AssistanceRequest) time.Time {
	if r.SubmittedAt != nil {
		return *r.SubmittedAt
	}
	return r.CreatedAt
}

// loadNetwork runs the measures of /analytics over the period
// (/analytics?since=FROM&until=TO) and reads the whole history up to the
// end of the period for the last activity and dormancy of each tie.
func loadNetwork(ctx context.Context, db *store.DB, d *Data, end time.Time) error {
	res, err := db.AnalyzeNetwork(ctx, d.From, end, network.Options{})
	if err != nil {
		return err
	}
	me := store.NodeID(d.Org.ID)
	n := &d.Net
	n.Nodes, n.Edges, n.Density = res.Nodes, res.Edges, res.Density
	for _, c := range res.Links {
		n.Links += c
	}
	if res.EINetwork != nil {
		n.EINetwork = res.EINetwork.Index
	}
	if w, ok := res.WoG[me]; ok && res.Graph != nil {
		if i, ok := res.Graph.Index(me); ok && res.Graph.Degree(i) > 0 {
			n.WoG = &w
			n.WoGRank = 1
			for node, x := range res.WoG {
				if node != me && x > w {
					n.WoGRank++
				}
			}
		}
	}
	n.Betweenness = res.Betweenness[me]
	for _, b := range res.Brokers {
		n.Brokers = append(n.Brokers, res.Labels[b.Node])
	}
	myName := res.Labels[me]
	for _, f := range res.Findings {
		if f.Node == me || strings.Contains(f.ID, myName) {
			n.Findings = append(n.Findings, f.ID)
		}
	}
	sectorOf := map[string]sinergi.Sector{}
	for _, o := range res.Orgs {
		sectorOf[store.NodeID(o.ID)] = o.Sector
	}
	label := func(s sinergi.Sector) string {
		if i, ok := sinergi.LookupSector(s); ok {
			return i.Label.ID
		}
		return string(s)
	}
	// ties of the organisation: the period, and the whole history to the end
	all, err := db.Network(ctx, time.Time{}, end)
	if err != nil {
		return err
	}
	ties := map[string]*Tie{}
	tie := func(p string) *Tie {
		t, ok := ties[p]
		if !ok {
			id := int64(0)
			for _, o := range res.Orgs {
				if store.NodeID(o.ID) == p {
					id = o.ID
				}
			}
			t = &Tie{PartnerID: id, Partner: res.Labels[p], Sector: label(sectorOf[p]), CrossSector: sectorOf[p] != d.Org.Sector, Kinds: map[string]int{}}
			ties[p] = t
		}
		return t
	}
	for _, l := range all.Links {
		p := ""
		switch me {
		case l.From:
			p = l.To
		case l.To:
			p = l.From
		default:
			continue
		}
		t := tie(p)
		if l.At.After(t.Last) {
			t.Last = l.At
		}
		if !l.At.Before(d.From) {
			t.Links++
			t.Kinds[l.Kind]++
		}
	}
	for _, t := range ties {
		t.Dormant = network.IsDormant(t.Last, end)
		if t.Links > 0 {
			n.Ties = append(n.Ties, *t)
		}
		if t.Dormant {
			n.Dormant = append(n.Dormant, *t)
		}
	}
	sortTies(n.Ties)
	sort.SliceStable(n.Dormant, func(i, j int) bool { return n.Dormant[i].Last.Before(n.Dormant[j].Last) })
	// E-I of the organisation over sectors, from its partners in the period
	for _, t := range n.Ties {
		if t.CrossSector {
			n.OrgExternal++
		} else {
			n.OrgInternal++
		}
	}
	if n.OrgExternal+n.OrgInternal > 0 {
		v := float64(n.OrgExternal-n.OrgInternal) / float64(n.OrgExternal+n.OrgInternal)
		n.EIOrg = &v
	}
	n.Units = unitTies(d)
	n.Snapshot = snapshot(res, me, d)
	return nil
}

// unitTies counts the records of the period that name one of the
// organisation's units.
func unitTies(d *Data) UnitTies {
	u := UnitTies{Total: len(d.Units), Involved: map[string]int{}}
	names := map[int64]string{}
	for _, x := range d.Units {
		names[x.ID] = x.Name
	}
	mark := func(ids ...*int64) {
		u.Records++
		seen := false
		for _, id := range ids {
			if id != nil {
				if n, ok := names[*id]; ok {
					u.Involved[n]++
					seen = true
				}
			}
		}
		if seen {
			u.Named++
		}
	}
	for _, a := range d.Activities {
		mark(a.FromUnitID, a.ToUnitID)
	}
	for _, r := range d.Requests {
		mark(r.RequesterUnitID, r.ProviderUnitID)
	}
	return u
}

// snapshot lays the period's network out on a circle ordered by Louvain
// community, the organisation in the middle, as /analytics groups it.
// Large networks keep the organisation's neighbourhood (up to 40 nodes).
func snapshot(res *store.OrgNetwork, me string, d *Data) pdfNetwork {
	g := res.Graph
	net := pdfNetwork{Caption: "Jejaring kolaborasi antarinstansi, " + date(d.From) + " – " + date(d.To),
		Source: "store.AnalyzeNetwork (kegiatan, kerja sama, keanggotaan forum, Bantuan Kedinasan), periode " + d.From.Format(time.DateOnly) + " s.d. " + d.To.Format(time.DateOnly) + "; sama dengan /analytics?since=" + d.From.Format(time.DateOnly) + "&until=" + d.To.Format(time.DateOnly) + "; warna = komunitas Louvain"}
	if g == nil {
		return net
	}
	keep := map[string]bool{}
	for i := 0; i < g.Nodes(); i++ {
		if g.Degree(i) > 0 {
			keep[g.Name(i)] = true
		}
	}
	if len(keep) > 40 {
		keep = map[string]bool{me: true}
		if i, ok := g.Index(me); ok {
			g.Neighbors(i, func(j int, w float64) {
				if len(keep) < 40 {
					keep[g.Name(j)] = true
				}
			})
		}
	}
	keep[me] = true
	var ring []string
	for n := range keep {
		if n != me {
			ring = append(ring, n)
		}
	}
	sort.Slice(ring, func(i, j int) bool {
		ci, cj := res.Communities[ring[i]], res.Communities[ring[j]]
		if ci != cj {
			return ci < cj
		}
		return res.Labels[ring[i]] < res.Labels[ring[j]]
	})
	short := func(n string) string {
		for _, o := range res.Orgs {
			if store.NodeID(o.ID) == n && o.Acronym != "" {
				return o.Acronym
			}
		}
		return res.Labels[n]
	}
	net.Nodes = append(net.Nodes, pdfNode{ID: me, Label: short(me), X: 0, Y: 0, Group: res.Communities[me], Size: 1.8})
	for k, n := range ring {
		a := 2*math.Pi*float64(k)/float64(len(ring)) - math.Pi/2
		net.Nodes = append(net.Nodes, pdfNode{ID: n, Label: short(n), X: math.Cos(a), Y: math.Sin(a), Group: res.Communities[n], Size: 1})
	}
	for i := 0; i < g.Nodes(); i++ {
		a := g.Name(i)
		if !keep[a] {
			continue
		}
		g.Neighbors(i, func(j int, w float64) {
			b := g.Name(j)
			if keep[b] && a < b {
				net.Edges = append(net.Edges, pdfEdge{From: a, To: b, Weight: w})
			}
		})
	}
	return net
}
