package network

import (
	"math"
	"sort"
	"time"
)

// EI is Krackhardt's E-I index of a group or a node, as domain.md §7
// defines it: (external − internal ties) / (all ties), −1 a pure silo, +1
// fully outward; ties are counted, not weighed. What "internal" means follows
// from the formal groups the caller passes: at unit level a unit's group is
// its organisation (internal = ties to units of the same organisation), at
// organisation level an organisation's group is its sector (internal = ties
// to organisations of the same sector), and a sector's own E-I is its group
// E-I at organisation level (internal = ties between two of its
// organisations). Index is nil without ties.
type EI struct {
	External int      `json:"external"`
	Internal int      `json:"internal"`
	Index    *float64 `json:"index"` // nil when there are no ties
}

func eiOf(ext, in int) EI {
	e := EI{External: ext, Internal: in}
	if ext+in > 0 {
		v := float64(ext-in) / float64(ext+in)
		e.Index = &v
	}
	return e
}

// EIGroups computes the E-I index per group (node name → group label; nodes
// without a label are left out) over tie counts, and the whole network's.
func (g *Graph) EIGroups(group map[string]string) (map[string]EI, EI) {
	ext, in := map[string]int{}, map[string]int{}
	var te, ti int
	for i, name := range g.names {
		gi, ok := group[name]
		if !ok || gi == "" {
			continue
		}
		ext[gi] += 0
		for _, j := range g.nbr[g.off[i]:g.off[i+1]] {
			gj, ok := group[g.names[j]]
			if !ok || gj == "" {
				continue
			}
			if gi == gj {
				in[gi]++ // counted from both ends: halved below
				if i < int(j) {
					ti++
				}
			} else {
				ext[gi]++
				if i < int(j) {
					te++
				}
			}
		}
	}
	out := make(map[string]EI, len(ext))
	for k := range ext {
		out[k] = eiOf(ext[k], in[k]/2)
	}
	return out, eiOf(te, ti)
}

// EINodes computes each labelled node's E-I index over its own ties.
func (g *Graph) EINodes(group map[string]string) []EI {
	out := make([]EI, len(g.names))
	for i, name := range g.names {
		gi, ok := group[name]
		if !ok || gi == "" {
			continue
		}
		var e, in int
		for _, j := range g.nbr[g.off[i]:g.off[i+1]] {
			gj, ok := group[g.names[j]]
			if !ok || gj == "" {
				continue
			}
			if gi == gj {
				in++
			} else {
				e++
			}
		}
		out[i] = eiOf(e, in)
	}
	return out
}

// Arc is a directed give/receive pair: From gave, To received.
type Arc struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Reciprocity is the share of reciprocated arcs.
type Reciprocity struct {
	Arcs         int                `json:"arcs"`         // distinct arcs, self-arcs left out
	Reciprocated int                `json:"reciprocated"` // arcs whose reverse exists
	Overall      float64            `json:"overall"`      // Reciprocated / Arcs (0 without arcs)
	PerNode      map[string]float64 `json:"per_node"`     // over the arcs each node takes part in
}

// Reciprocate measures reciprocity of directed give/receive pairs.
func Reciprocate(arcs []Arc) Reciprocity {
	set := map[Arc]bool{}
	var list []Arc
	for _, a := range arcs {
		if a.From == a.To || set[a] {
			continue
		}
		set[a] = true
		list = append(list, a)
	}
	r := Reciprocity{Arcs: len(list), PerNode: map[string]float64{}}
	tot, rec := map[string]int{}, map[string]int{}
	for _, a := range list {
		tot[a.From]++
		tot[a.To]++
		if set[Arc{a.To, a.From}] {
			r.Reciprocated++
			rec[a.From]++
			rec[a.To]++
		}
	}
	if r.Arcs > 0 {
		r.Overall = float64(r.Reciprocated) / float64(r.Arcs)
	}
	for k, t := range tot {
		r.PerNode[k] = float64(rec[k]) / float64(t)
	}
	return r
}

// Event is one dated activity between two nodes (direction ignored here).
type Event struct {
	A, B string
	At   time.Time
}

// Tie aggregates the events between two nodes (A < B).
type Tie struct {
	A      string    `json:"a"`
	B      string    `json:"b"`
	Count  int       `json:"count"`
	Weight float64   `json:"weight"` // sum of recency weights
	First  time.Time `json:"first"`
	Last   time.Time `json:"last"`
}

// DormantAfter is how long a tie may go without activity.
const DormantMonths = 12

// RecencyWeight is 0.5^(age in days/365); events in the future count 1.
func RecencyWeight(at, now time.Time) float64 {
	age := now.Sub(at).Hours() / 24
	if age <= 0 {
		return 1
	}
	return math.Pow(0.5, age/365)
}

// Ties aggregates events into ties weighted by count and recency, sorted by
// (A, B). Self-ties are left out.
func Ties(events []Event, now time.Time) []Tie {
	idx := map[[2]string]int{}
	var out []Tie
	for _, e := range events {
		a, b := e.A, e.B
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		k := [2]string{a, b}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Tie{A: a, B: b, First: e.At, Last: e.At})
		}
		t := &out[i]
		t.Count++
		t.Weight += RecencyWeight(e.At, now)
		if e.At.Before(t.First) {
			t.First = e.At
		}
		if e.At.After(t.Last) {
			t.Last = e.At
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

// IsDormant reports whether a tie last active at last is dormant at now.
func IsDormant(last, now time.Time) bool {
	return last.Before(now.AddDate(0, -DormantMonths, 0))
}

// Dormant returns the ties with no activity in the last 12 months, oldest
// first.
func Dormant(ties []Tie, now time.Time) []Tie {
	var out []Tie
	for _, t := range ties {
		if IsDormant(t.Last, now) {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Last.Before(out[j].Last) })
	return out
}

// TieEdges turns ties into graph edges weighted by recency (ties whose weight
// underflows count a minimal 1e-9 so that old ties still connect).
func TieEdges(ties []Tie) []Edge {
	out := make([]Edge, len(ties))
	for i, t := range ties {
		out[i] = Edge{Source: t.A, Target: t.B, Weight: max(t.Weight, 1e-9)}
	}
	return out
}
