// Package trends counts the collaboration network per calendar quarter
// (issue 6, item 5): activities by type, distinct partner organisations,
// the share of ties that cross sector lines and Krackhardt's E-I index
// (computed by sinergi/network), for the whole network or one
// organisation. It is pure: the caller reads the dated links.
//
// Per quarter, over the links dated in it (activities, forum joins,
// assistance requests — what the network is built from):
//   - activities: the activity records by type (forum and assistance links
//     are counted in links, not by type);
//   - partners: for one organisation, the distinct organisations it has a
//     link with; for the whole network, the organisations with any link;
//   - ties: distinct pairs of organisations with a link; cross_sector: those
//     whose two ends are in different sectors; the share is
//     cross_sector / ties over the pairs whose sectors are both known (nil
//     without ties);
//   - ei_index: E-I over the sectors (network.Graph.EIGroups for the whole
//     network, network.Graph.EINodes for one organisation), −1 all ties
//     inside a sector, +1 all across; nil without ties. With every sector
//     known it equals 2·share − 1.
package trends

import (
	"fmt"
	"time"

	"sinergi/network"
)

// Quarter is the collaboration of one calendar quarter.
type Quarter struct {
	Quarter          string         `json:"quarter"` // "2026-Q1"
	Start            string         `json:"start"`   // first day, YYYY-MM-DD
	End              string         `json:"end"`     // last day
	Activities       int            `json:"activities"`
	ByType           map[string]int `json:"by_type"` // activity type → records (every type, 0 included)
	Links            int            `json:"links"`   // all records: activities, forum joins, assistance requests
	Partners         int            `json:"partners"`
	Ties             int            `json:"ties"`
	CrossSector      int            `json:"cross_sector_ties"`
	CrossSectorShare *float64       `json:"cross_sector_share"`
	EI               *float64       `json:"ei_index"`
}

// Start returns the first instant of the quarter holding t (UTC).
func Start(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
}

// Label names the quarter starting at s: "2026-Q1".
func Label(s time.Time) string { return fmt.Sprintf("%d-Q%d", s.Year(), (int(s.Month())-1)/3+1) }

// Quarters returns the start of every quarter from the one holding from to
// the one holding to (none when to is before from).
func Quarters(from, to time.Time) []time.Time {
	var out []time.Time
	for q := Start(from); !q.After(to.UTC()); q = q.AddDate(0, 3, 0) {
		out = append(out, q)
	}
	return out
}

// Compute counts links per quarter from the quarter holding from to the one
// holding to. sectors maps node → sector ("" or missing: unknown); types
// lists the activity types to count (each appears in ByType); focus, when
// not "", keeps the links of that node only and measures it.
func Compute(sectors map[string]string, links []network.Link, types []string, from, to time.Time, focus string) []Quarter {
	qs := Quarters(from, to)
	out := make([]Quarter, len(qs))
	buckets := make([][]network.Link, len(qs))
	index := make(map[time.Time]int, len(qs))
	for i, s := range qs {
		index[s] = i
	}
	for _, l := range links {
		if l.From == l.To || (focus != "" && l.From != focus && l.To != focus) {
			continue
		}
		if i, ok := index[Start(l.At)]; ok {
			buckets[i] = append(buckets[i], l)
		}
	}
	isType := map[string]bool{}
	for _, t := range types {
		isType[t] = true
	}
	for i, s := range qs {
		q := Quarter{Quarter: Label(s), Start: s.Format(time.DateOnly), End: s.AddDate(0, 3, -1).Format(time.DateOnly), ByType: map[string]int{}}
		for _, t := range types {
			q.ByType[t] = 0
		}
		measure(&q, buckets[i], sectors, isType, focus)
		out[i] = q
	}
	return out
}

// measure fills the counts of one quarter from its links.
func measure(q *Quarter, links []network.Link, sectors map[string]string, isType map[string]bool, focus string) {
	type pair struct{ a, b string }
	pairs := map[pair]bool{}
	var edges []network.Edge
	orgs := map[string]bool{}
	for _, l := range links {
		q.Links++
		if isType[l.Kind] {
			q.Activities++
			q.ByType[l.Kind]++
		}
		a, b := l.From, l.To
		if a > b {
			a, b = b, a
		}
		if pairs[pair{a, b}] {
			continue
		}
		pairs[pair{a, b}] = true
		edges = append(edges, network.Edge{Source: a, Target: b, Weight: 1})
		for _, n := range []string{a, b} {
			if n != focus {
				orgs[n] = true
			}
		}
		q.Ties++
		sa, sb := sectors[a], sectors[b]
		if sa != "" && sb != "" && sa != sb {
			q.CrossSector++
		}
	}
	q.Partners = len(orgs)
	known := 0
	for p := range pairs {
		if sectors[p.a] != "" && sectors[p.b] != "" {
			known++
		}
	}
	if known > 0 {
		v := float64(q.CrossSector) / float64(known)
		q.CrossSectorShare = &v
	}
	if len(edges) == 0 {
		return
	}
	g, err := network.Build(nil, edges)
	if err != nil {
		return // weights are 1: cannot happen
	}
	if focus == "" {
		_, whole := g.EIGroups(sectors)
		q.EI = whole.Index
		return
	}
	if i, ok := g.Index(focus); ok {
		q.EI = g.EINodes(sectors)[i].Index
	}
}
