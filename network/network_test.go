package network

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"
)

func mustBuild(t *testing.T, nodes []string, edges ...Edge) *Graph {
	t.Helper()
	g, err := Build(nodes, edges)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestBuildAndBasicMeasures(t *testing.T) {
	tests := []struct {
		name                  string
		nodes                 []string
		edges                 []Edge
		n, e, comps, isolated int
		density               float64
		loops                 int
	}{
		{"empty", nil, nil, 0, 0, 0, 0, 0, 0},
		{"one isolated", []string{"a"}, nil, 1, 0, 1, 1, 0, 0},
		{"pair", nil, []Edge{{"a", "b", 1}}, 2, 1, 1, 0, 1, 0},
		{"parallel edges merge", nil, []Edge{{"a", "b", 1}, {"b", "a", 2}}, 2, 1, 1, 0, 1, 0},
		{"self-loop dropped", nil, []Edge{{"a", "a", 1}, {"a", "b", 1}}, 2, 1, 1, 0, 1, 1},
		{"two components and an isolate", []string{"z"}, []Edge{{"a", "b", 1}, {"b", "c", 1}, {"d", "e", 1}}, 6, 3, 3, 1, 3.0 / 15, 0},
		{"triangle", nil, []Edge{{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1}}, 3, 3, 1, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustBuild(t, tt.nodes, tt.edges...)
			if g.Nodes() != tt.n || g.Edges() != tt.e || len(g.Components()) != tt.comps || len(g.Isolated()) != tt.isolated ||
				math.Abs(g.Density()-tt.density) > 1e-15 || g.SelfLoops != tt.loops {
				t.Errorf("n %d e %d comps %d isolated %d density %v loops %d", g.Nodes(), g.Edges(), len(g.Components()), len(g.Isolated()), g.Density(), g.SelfLoops)
			}
		})
	}
	if g := mustBuild(t, nil, Edge{"a", "b", 1}, Edge{"b", "a", 2}); g.TotalWeight() != 3 {
		t.Errorf("merged weight %v, want 3", g.TotalWeight())
	}
	for _, w := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, err := Build(nil, []Edge{{"a", "b", w}}); !errors.Is(err, ErrWeight) {
			t.Errorf("weight %v: err %v, want ErrWeight", w, err)
		}
	}
}

// two triangles joined by one bridge c–d.
func barbell(t *testing.T) *Graph {
	return mustBuild(t, nil, Edge{"a", "b", 1}, Edge{"b", "c", 1}, Edge{"a", "c", 1},
		Edge{"d", "e", 1}, Edge{"e", "f", 1}, Edge{"d", "f", 1}, Edge{"c", "d", 1})
}

func TestModularityAndLouvain(t *testing.T) {
	g := barbell(t)
	// networkx: modularity(barbell, [{a,b,c},{d,e,f}]) = 5/14
	if q := g.Modularity([]int{0, 0, 0, 1, 1, 1}); math.Abs(q-5.0/14) > 1e-12 {
		t.Errorf("Q = %v, want 5/14", q)
	}
	if q := g.Modularity([]int{0, 0, 0, 0, 0, 0}); math.Abs(q) > 1e-12 {
		t.Errorf("one community Q = %v, want 0", q)
	}
	part, q := g.Louvain(1, 1)
	if part[0] != part[1] || part[1] != part[2] || part[3] != part[4] || part[4] != part[5] || part[0] == part[3] || math.Abs(q-5.0/14) > 1e-12 {
		t.Errorf("Louvain %v Q %v, want the two triangles", part, q)
	}
	if part, q := mustBuild(t, []string{"x"}).Louvain(1, 3); len(part) != 1 || q != 0 {
		t.Errorf("no ties: %v %v", part, q)
	}
}

func TestBetweennessSmall(t *testing.T) {
	g := barbell(t)
	bc := g.Betweenness(BetweennessOptions{})
	// networkx betweenness_centrality(barbell): c and d 0.6, the others 0.
	want := []float64{0, 0, 0.6, 0.6, 0, 0}
	for i, w := range want {
		if math.Abs(bc.Values[i]-w) > 1e-12 {
			t.Errorf("%s: %v, want %v", g.Name(i), bc.Values[i], w)
		}
	}
	if bc := mustBuild(t, nil, Edge{"a", "b", 1}).Betweenness(BetweennessOptions{}); bc.Values[0] != 0 {
		t.Errorf("n = 2: %v", bc.Values)
	}
}

func TestEI(t *testing.T) {
	g := barbell(t)
	groups := map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y", "f": "Y"}
	per, whole := g.EIGroups(groups)
	// each group: 3 internal ties, 1 external → (1−3)/4 = −0.5
	for _, k := range []string{"X", "Y"} {
		if e := per[k]; e.External != 1 || e.Internal != 3 || *e.Index != -0.5 {
			t.Errorf("%s: %+v", k, e)
		}
	}
	if whole.External != 1 || whole.Internal != 6 || math.Abs(*whole.Index-(-5.0/7)) > 1e-12 {
		t.Errorf("whole %+v", whole)
	}
	nodes := g.EINodes(groups)
	if i, _ := g.Index("c"); *nodes[i].Index != (1.0-2)/3 {
		t.Errorf("c: %+v", nodes[i])
	}
	if i, _ := g.Index("a"); *nodes[i].Index != -1 {
		t.Errorf("a (pure silo): %+v", nodes[i])
	}
	// a group without ties has no index
	g2 := mustBuild(t, []string{"lonely"}, Edge{"a", "b", 1})
	if per, _ := g2.EIGroups(map[string]string{"lonely": "L", "a": "X", "b": "Y"}); per["L"].Index != nil || *per["X"].Index != 1 {
		t.Errorf("%+v", per)
	}
}

func TestReciprocity(t *testing.T) {
	tests := []struct {
		arcs    []Arc
		arcsN   int
		overall float64
	}{
		{nil, 0, 0},
		{[]Arc{{"a", "b"}}, 1, 0},
		{[]Arc{{"a", "b"}, {"b", "a"}}, 2, 1},
		{[]Arc{{"a", "b"}, {"b", "a"}, {"a", "c"}, {"a", "b"}, {"c", "c"}}, 3, 2.0 / 3},
	}
	for i, tt := range tests {
		r := Reciprocate(tt.arcs)
		if r.Arcs != tt.arcsN || math.Abs(r.Overall-tt.overall) > 1e-12 {
			t.Errorf("%d: %+v", i, r)
		}
	}
	r := Reciprocate([]Arc{{"a", "b"}, {"b", "a"}, {"a", "c"}})
	if r.PerNode["a"] != 2.0/3 || r.PerNode["c"] != 0 || r.PerNode["b"] != 1 {
		t.Errorf("per node %v", r.PerNode)
	}
}

func TestTiesAndDormant(t *testing.T) {
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	ev := []Event{
		{"b", "a", now.AddDate(0, -2, 0)},
		{"a", "b", now.AddDate(0, -14, 0)},
		{"a", "c", now.AddDate(0, -12, -1)}, // just over 12 months
		{"a", "d", now.AddDate(0, -12, 0)},  // exactly 12 months: not yet dormant
		{"a", "a", now},
	}
	ties := Ties(ev, now)
	if len(ties) != 3 || ties[0].A != "a" || ties[0].B != "b" || ties[0].Count != 2 || !ties[0].Last.Equal(now.AddDate(0, -2, 0)) {
		t.Fatalf("ties %+v", ties)
	}
	d := Dormant(ties, now)
	if len(d) != 1 || d[0].B != "c" {
		t.Errorf("dormant %+v, want a–c only", d)
	}
	if w := RecencyWeight(now.AddDate(-1, 0, 0), now); math.Abs(w-0.5) > 0.01 {
		t.Errorf("a year-old activity weighs %v, want about 0.5", w)
	}
	if RecencyWeight(now.AddDate(0, 0, 1), now) != 1 {
		t.Error("future activity should weigh 1")
	}
}

func TestAnalyzeAndWoG(t *testing.T) {
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	g := mustBuild(t, []string{"iso"}, Edge{"a", "b", 1}, Edge{"b", "c", 1}, Edge{"a", "c", 1},
		Edge{"d", "e", 1}, Edge{"e", "f", 1}, Edge{"d", "f", 1}, Edge{"c", "d", 1})
	groups := map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y", "f": "Y", "iso": "Y"}
	r := Analyze(g, Options{Groups: groups, Now: now,
		Arcs: []Arc{{"c", "d"}, {"d", "c"}, {"a", "b"}},
		Ties: []Tie{{A: "a", B: "b", Last: now.AddDate(-2, 0, 0)}, {A: "c", B: "d", Last: now}}})
	if r.Nodes != 7 || r.Edges != 7 || r.Components != 2 || len(r.Isolated) != 1 || r.CommunityCount != 3 ||
		r.BetweennessMethod != Exact || len(r.Dormant) != 1 || r.Reciprocity.Overall != 2.0/3 || r.FormalModularity == nil {
		t.Fatalf("%+v", r)
	}
	if r.Brokers[0].Node != "c" && r.Brokers[0].Node != "d" {
		t.Errorf("top broker %v", r.Brokers[0])
	}
	if r.WoG["iso"] != 0 {
		t.Errorf("isolated WoG %v", r.WoG["iso"])
	}
	// c: EI −1/3 → X 1/3; degree 3/3; betweenness max; ties: a–b not c's, c–d active → A 1; reciprocity 1
	wantC := 100 * (0.30*(1.0/3) + 0.20*1 + 0.15*1 + 0.20*1 + 0.15*1)
	if math.Abs(r.WoG["c"]-wantC) > 1e-9 {
		t.Errorf("WoG c = %v, want %v", r.WoG["c"], wantC)
	}
	// a: EI −1 → 0; degree 2/3; betweenness 0; its only dated tie dormant → 0; reciprocity 0
	wantA := 100 * (0.20 * 2.0 / 3)
	if math.Abs(r.WoG["a"]-wantA) > 1e-9 {
		t.Errorf("WoG a = %v, want %v", r.WoG["a"], wantA)
	}
	if r.WoG["c"] <= r.WoG["a"] {
		t.Error("the broker should score above the silo")
	}
}

// plantedGraph is a deterministic planted-partition graph: groups of size
// 10–40, each node with 4 ties inside its group and, with probability
// pOut, one more to anywhere; it returns the graph and the planted groups.
func plantedGraph(t *testing.T, n int, pOut float64, seed uint64) (*Graph, []int) {
	rng := rand.New(rand.NewPCG(seed, 7))
	group := make([]int, n)
	var starts []int
	for i := 0; i < n; {
		size := 10 + rng.IntN(31)
		starts = append(starts, i)
		for j := i; j < min(n, i+size); j++ {
			group[j] = len(starts) - 1
		}
		i += size
	}
	starts = append(starts, n)
	var edges []Edge
	name := func(i int) string { return "n" + strconv.Itoa(i) }
	for i := 0; i < n; i++ {
		lo, hi := starts[group[i]], starts[group[i]+1]
		for k := 0; k < 4; k++ {
			edges = append(edges, Edge{name(i), name(lo + rng.IntN(hi-lo)), 1 + float64(rng.IntN(3))})
		}
		if rng.Float64() < pOut {
			edges = append(edges, Edge{name(i), name(rng.IntN(n)), 1})
		}
	}
	nodes := make([]string, n)
	for i := range nodes {
		nodes[i] = name(i)
	}
	return mustBuild(t, nodes, edges...), group
}

// plainLouvain is Blondel et al.'s Louvain without the refinement: local
// moves and aggregation until nothing moves.
func plainLouvain(g *Graph, seed uint64) []int {
	lv := level{off: g.off, nbr: g.nbr, w: g.w, loop: make([]float64, g.Nodes())}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	member := make([]int, g.Nodes())
	for i := range member {
		member[i] = i
	}
	for {
		comm, moved := localMoves(lv, nil, rng)
		if !moved {
			return member
		}
		k := renumber(comm)
		for i := range member {
			member[i] = comm[member[i]]
		}
		lv = aggregate(lv, comm, k)
	}
}

// On planted partitions Louvain must come within 0.001 of the planted
// modularity (a heuristic, it may miss the last 1e-5), and the refinement
// must never end below plain Louvain with the same seed.
func TestLouvainReachesPlantedModularity(t *testing.T) {
	for _, tt := range []struct {
		n    int
		pOut float64
	}{{300, 0.1}, {2000, 0.3}, {2000, 0.6}, {5000, 1}} {
		g, planted := plantedGraph(t, tt.n, tt.pOut, uint64(tt.n))
		want := g.Modularity(planted)
		for seed := uint64(1); seed <= 3; seed++ {
			part, q := g.Louvain(seed, 1)
			if math.Abs(q-g.Modularity(part)) > 1e-12 {
				t.Fatalf("n %d: reported Q %v, partition's Q %v", tt.n, q, g.Modularity(part))
			}
			plain := g.Modularity(plainLouvain(g, seed))
			if q < want-0.001 || q < plain-1e-12 {
				t.Errorf("n %d pOut %v seed %d: Q %v, planted %v, plain Louvain %v", tt.n, tt.pOut, seed, q, want, plain)
			}
			t.Logf("n %d pOut %v seed %d: Q %.5f, planted %.5f, plain Louvain %.5f", tt.n, tt.pOut, seed, q, want, plain)
		}
	}
}

// localMoves from a given partition keeps a partition that no single move
// improves, and moves a misplaced node back.
func TestLocalMovesFromPartition(t *testing.T) {
	g := barbell(t)
	lv := level{off: g.off, nbr: g.nbr, w: g.w, loop: make([]float64, g.Nodes())}
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		init  []int
		moved bool
		want  []int
	}{
		{[]int{0, 0, 0, 3, 3, 3}, false, []int{0, 0, 0, 3, 3, 3}},
		{[]int{0, 0, 3, 3, 3, 3}, true, []int{0, 0, 0, 3, 3, 3}}, // c belongs with a and b
	}
	for _, tt := range tests {
		got, moved := localMoves(lv, tt.init, rng)
		if moved != tt.moved || !slices.Equal(got, tt.want) {
			t.Errorf("from %v: %v moved %v, want %v moved %v", tt.init, got, moved, tt.want, tt.moved)
		}
	}
}
