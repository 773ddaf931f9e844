package network

import (
	"sort"
	"time"
)

// Options are the inputs of [Analyze] beyond the graph. All are optional.
type Options struct {
	Groups      map[string]string // node → formal group (sector, parent…)
	Arcs        []Arc             // directed give/receive pairs, for reciprocity
	Ties        []Tie             // dated ties, for dormant ties and the active share
	Now         time.Time         // for dormant ties
	Seed        uint64            // Louvain and sampling seed (0: 1)
	Trials      int               // Louvain seeds tried (0: 1)
	Betweenness BetweennessOptions
}

// Result is everything Analyze measures, in the JSON shape of
// `sinergi analyze --json`.
type Result struct {
	Nodes              int                `json:"nodes"`
	Edges              int                `json:"edges"`
	TotalWeight        float64            `json:"total_weight"`
	SelfLoopsDropped   int                `json:"self_loops_dropped"`
	Density            float64            `json:"density"`
	Components         int                `json:"components"`
	ComponentSizes     []int              `json:"component_sizes"`
	Isolated           []string           `json:"isolated"`
	Modularity         float64            `json:"modularity"`
	CommunityCount     int                `json:"community_count"`
	Communities        map[string]int     `json:"communities"`
	CommunityMethod    string             `json:"community_method"`
	Betweenness        map[string]float64 `json:"betweenness"`
	BetweennessMethod  string             `json:"betweenness_method"`
	BetweennessSamples int                `json:"betweenness_samples"`
	Brokers            []Ranked           `json:"brokers"`
	FormalModularity   *float64           `json:"formal_modularity,omitempty"`
	EINodes            map[string]EI      `json:"ei_nodes,omitempty"`  // per node against its own group
	EIGroups           map[string]EI      `json:"ei_groups,omitempty"` // per formal group
	EINetwork          *EI                `json:"ei_network,omitempty"`
	Reciprocity        *Reciprocity       `json:"reciprocity,omitempty"`
	Dormant            []Tie              `json:"dormant,omitempty"`
	WoG                map[string]float64 `json:"wog_index,omitempty"`

	ties []Tie // the dated ties analysed, for Findings
}

// Ranked is a node with a value.
type Ranked struct {
	Node  string  `json:"node"`
	Value float64 `json:"value"`
}

// Analyze runs every measure on g.
func Analyze(g *Graph, o Options) Result {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Betweenness.Seed == 0 {
		o.Betweenness.Seed = o.Seed
	}
	n := g.Nodes()
	r := Result{Nodes: n, Edges: g.Edges(), TotalWeight: g.TotalWeight(), SelfLoopsDropped: g.SelfLoops, Density: g.Density(),
		Isolated: []string{}, ComponentSizes: []int{}, Communities: make(map[string]int, n), Betweenness: make(map[string]float64, n),
		CommunityMethod: "louvain (sinergi/network, seeded)", Brokers: []Ranked{}}
	comps := g.Components()
	r.Components = len(comps)
	for _, c := range comps {
		r.ComponentSizes = append(r.ComponentSizes, len(c))
	}
	for _, i := range g.Isolated() {
		r.Isolated = append(r.Isolated, g.Name(i))
	}
	part, q := g.Louvain(o.Seed, o.Trials)
	r.Modularity = q
	for i, c := range part {
		r.Communities[g.Name(i)] = c
		r.CommunityCount = max(r.CommunityCount, c+1)
	}
	bc := g.Betweenness(o.Betweenness)
	r.BetweennessMethod, r.BetweennessSamples = bc.Method, bc.Samples
	for i, v := range bc.Values {
		r.Betweenness[g.Name(i)] = v
		if v > 0 {
			r.Brokers = append(r.Brokers, Ranked{g.Name(i), v})
		}
	}
	sort.SliceStable(r.Brokers, func(a, b int) bool { return r.Brokers[a].Value > r.Brokers[b].Value })
	if len(r.Brokers) > 10 {
		r.Brokers = r.Brokers[:10]
	}
	var nodeEI []EI
	if len(o.Groups) > 0 {
		fq := g.Modularity(g.Partition(o.Groups))
		r.FormalModularity = &fq
		groups, whole := g.EIGroups(o.Groups)
		r.EIGroups, r.EINetwork = groups, &whole
		nodeEI = g.EINodes(o.Groups)
		r.EINodes = make(map[string]EI, n)
		for i, e := range nodeEI {
			if lbl := o.Groups[g.Name(i)]; lbl != "" {
				r.EINodes[g.Name(i)] = e
			}
		}
	}
	var rec *Reciprocity
	if len(o.Arcs) > 0 {
		x := Reciprocate(o.Arcs)
		rec = &x
		r.Reciprocity = rec
	}
	var active map[string][2]int // node → (active ties, dated ties)
	if len(o.Ties) > 0 && !o.Now.IsZero() {
		r.Dormant, r.ties = Dormant(o.Ties, o.Now), o.Ties
		if r.Dormant == nil {
			r.Dormant = []Tie{}
		}
		active = map[string][2]int{}
		for _, t := range o.Ties {
			d := 0
			if !IsDormant(t.Last, o.Now) {
				d = 1
			}
			for _, x := range []string{t.A, t.B} {
				v := active[x]
				active[x] = [2]int{v[0] + d, v[1] + 1}
			}
		}
	}
	r.WoG = wog(g, bc.Values, nodeEI, rec, active)
	return r
}

// wog computes the WoG index of every node (formula in the package doc).
func wog(g *Graph, bc []float64, nodeEI []EI, rec *Reciprocity, active map[string][2]int) map[string]float64 {
	n := g.Nodes()
	out := make(map[string]float64, n)
	maxDeg, maxB := 0, 0.0
	for i := 0; i < n; i++ {
		maxDeg = max(maxDeg, g.Degree(i))
		maxB = max(maxB, bc[i])
	}
	for i := 0; i < n; i++ {
		name := g.Name(i)
		if g.Degree(i) == 0 {
			out[name] = 0
			continue
		}
		x := 0.5
		if nodeEI != nil && nodeEI[i].Index != nil {
			x = (*nodeEI[i].Index + 1) / 2
		}
		d := float64(g.Degree(i)) / float64(maxDeg)
		b := 0.0
		if maxB > 0 {
			b = bc[i] / maxB
		}
		a := 1.0
		if v, ok := active[name]; ok && v[1] > 0 {
			a = float64(v[0]) / float64(v[1])
		}
		rr := 0.5
		if rec != nil {
			if v, ok := rec.PerNode[name]; ok {
				rr = v
			}
		}
		out[name] = 100 * (0.30*x + 0.20*d + 0.15*b + 0.20*a + 0.15*rr)
	}
	return out
}
