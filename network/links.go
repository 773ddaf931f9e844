package network

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Link is one recorded interaction between two nodes: an activity, a shared
// forum, an assistance request. Directed links go from giver to receiver.
type Link struct {
	From, To string
	// FromUnit, ToUnit name the units at the two ends where recorded
	// (activities, agreement parties); "" otherwise. See [UnitLinks].
	FromUnit, ToUnit string
	Directed         bool
	At               time.Time
	Kind             string // activity type, "forum", "assistance", …
}

// FromLinks builds the graph of the links, weighted by count and recency,
// and the options that carry the formal groups, the give/receive arcs and
// the dated ties. nodes lists every node (also those without links).
func FromLinks(nodes []string, links []Link, groups map[string]string, now time.Time) (*Graph, Options, error) {
	events := make([]Event, 0, len(links))
	var arcs []Arc
	for _, l := range links {
		events = append(events, Event{A: l.From, B: l.To, At: l.At})
		if l.Directed && l.From != l.To {
			arcs = append(arcs, Arc{From: l.From, To: l.To})
		}
	}
	ties := Ties(events, now)
	g, err := Build(nodes, TieEdges(ties))
	if err != nil {
		return nil, Options{}, err
	}
	return g, Options{Groups: groups, Arcs: arcs, Ties: ties, Now: now}, nil
}

// Finding is one observation in plain language.
type Finding struct {
	Kind string `json:"kind"` // isolated, silo_group, silo_node, broker, dormant, fragmented, structure
	Node string `json:"node,omitempty"`
	ID   string `json:"id"` // Indonesian
	EN   string `json:"en"`
}

// num writes x with a decimal comma (Indonesian) or point.
func num(x float64, comma bool) string {
	s := fmt.Sprintf("%.2f", x)
	if comma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Findings turns a result into plain findings. label names a node, group
// names a group label; months is the window the data covers (for wording).
func Findings(r Result, label func(node string) string, group func(g string) string, groups map[string]string, now time.Time) []Finding {
	var out []Finding
	if r.Components > 1 {
		out = append(out, Finding{Kind: "fragmented",
			ID: fmt.Sprintf("Jaringan kolaborasi terpecah menjadi %d bagian yang tidak saling terhubung; bagian terbesar berisi %d dari %d instansi.", r.Components, r.ComponentSizes[0], r.Nodes),
			EN: fmt.Sprintf("The collaboration network falls apart into %d unconnected parts; the largest holds %d of %d organisations.", r.Components, r.ComponentSizes[0], r.Nodes)})
	}
	iso := append([]string(nil), r.Isolated...)
	sort.Slice(iso, func(i, j int) bool { return label(iso[i]) < label(iso[j]) })
	for _, n := range iso {
		out = append(out, Finding{Kind: "isolated", Node: n,
			ID: fmt.Sprintf("%s belum mencatat kolaborasi apa pun dengan instansi lain.", label(n)),
			EN: fmt.Sprintf("%s has recorded no collaboration with any other organisation.", label(n))})
	}
	gk := make([]string, 0, len(r.EIGroups))
	for k := range r.EIGroups {
		gk = append(gk, k)
	}
	sort.Strings(gk)
	for _, k := range gk {
		e := r.EIGroups[k]
		if e.Index != nil && *e.Index <= -0.5 && e.Internal > 0 {
			out = append(out, Finding{Kind: "silo_group",
				ID: fmt.Sprintf("%s cenderung bekerja dalam silo: %d dari %d ikatannya berada di dalam kelompok sendiri (indeks E-I %s).", group(k), e.Internal, e.Internal+e.External, num(*e.Index, true)),
				EN: fmt.Sprintf("%s tends to work in a silo: %d of its %d ties stay inside the group (E-I index %s).", group(k), e.Internal, e.Internal+e.External, num(*e.Index, false))})
		}
	}
	// nodes whose recent ties all stay inside their own group
	if groups != nil {
		recent := map[string]map[string]bool{} // node → partners active in the last 12 months
		dormant := map[[2]string]bool{}
		for _, t := range r.Dormant {
			dormant[[2]string{t.A, t.B}] = true
		}
		for _, t := range r.ties {
			if dormant[[2]string{t.A, t.B}] {
				continue
			}
			for _, p := range [][2]string{{t.A, t.B}, {t.B, t.A}} {
				if recent[p[0]] == nil {
					recent[p[0]] = map[string]bool{}
				}
				recent[p[0]][p[1]] = true
			}
		}
		names := make([]string, 0, len(recent))
		for n := range recent {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return label(names[i]) < label(names[j]) })
		for _, n := range names {
			g, ok := groups[n]
			if !ok || g == "" {
				continue
			}
			outside := false
			for p := range recent[n] {
				if groups[p] != g {
					outside = true
					break
				}
			}
			if !outside {
				out = append(out, Finding{Kind: "silo_node", Node: n,
					ID: fmt.Sprintf("%s tidak mencatat kolaborasi di luar %s dalam 12 bulan terakhir.", label(n), group(g)),
					EN: fmt.Sprintf("%s has recorded no collaboration outside %s in the last 12 months.", label(n), group(g))})
			}
		}
	}
	for i, b := range r.Brokers {
		if i == 3 || b.Value < 0.1 {
			break
		}
		out = append(out, Finding{Kind: "broker", Node: b.Node,
			ID: fmt.Sprintf("%s adalah penghubung (broker): %s%% jalur terpendek antarinstansi melewatinya; tanpa %s sebagian instansi kehilangan jalur kerja sama.", label(b.Node), num(100*b.Value, true), label(b.Node)),
			EN: fmt.Sprintf("%s is a broker: %s%% of shortest paths between organisations pass through it; without it some organisations lose their route to collaborate.", label(b.Node), num(100*b.Value, false))})
	}
	for i, t := range r.Dormant {
		if i == 10 {
			out = append(out, Finding{Kind: "dormant",
				ID: fmt.Sprintf("… dan %d ikatan tidur lainnya.", len(r.Dormant)-10), EN: fmt.Sprintf("… and %d more dormant ties.", len(r.Dormant)-10)})
			break
		}
		out = append(out, Finding{Kind: "dormant",
			ID: fmt.Sprintf("Ikatan %s – %s tidur: kegiatan terakhir %s, lebih dari 12 bulan lalu.", label(t.A), label(t.B), t.Last.Format("02-01-2006")),
			EN: fmt.Sprintf("The tie %s – %s is dormant: last activity %s, more than 12 months ago.", label(t.A), label(t.B), t.Last.Format("2006-01-02"))})
	}
	if r.FormalModularity != nil && r.Edges > 0 {
		f := *r.FormalModularity
		if f >= 0.3 {
			out = append(out, Finding{Kind: "structure",
				ID: fmt.Sprintf("Kolaborasi mengikuti batas struktur formal (modularitas per kelompok %s, komunitas Louvain %s): kerja lintas kelompok masih jarang.", num(f, true), num(r.Modularity, true)),
				EN: fmt.Sprintf("Collaboration follows the formal boundaries (modularity by group %s, Louvain communities %s): cross-group work is still rare.", num(f, false), num(r.Modularity, false))})
		} else {
			out = append(out, Finding{Kind: "structure",
				ID: fmt.Sprintf("Kolaborasi melintasi batas struktur formal (modularitas per kelompok %s, komunitas Louvain %s).", num(f, true), num(r.Modularity, true)),
				EN: fmt.Sprintf("Collaboration crosses the formal boundaries (modularity by group %s, Louvain communities %s).", num(f, false), num(r.Modularity, false))})
		}
	}
	return out
}
