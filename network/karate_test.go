package network

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	gnet "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// karate reads testdata/karate.csv (Zachary 1977, as networkx 3.6.1 ships it;
// written by testdata/karate_reference.py).
func karate(t *testing.T) ([]Edge, *Graph) {
	t.Helper()
	f, err := os.Open("testdata/karate.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var edges []Edge
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "source") {
			continue
		}
		a, b, _ := strings.Cut(line, ",")
		edges = append(edges, Edge{a, b, 1})
	}
	// node order 0..33 so that node numbers equal the names
	names := make([]string, 34)
	for i := range names {
		names[i] = itoa(i)
	}
	g, err := Build(names, edges)
	if err != nil {
		t.Fatal(err)
	}
	return edges, g
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Values printed by testdata/karate_reference.py with Debian python3-networkx
// 3.6.1 (testdata/karate_reference.out).
var karateBetweenness = map[int]float64{
	0: 0.43763528138528146, 1: 0.053936688311688304, 2: 0.14365680615680618, 5: 0.02998737373737374,
	8: 0.05592682780182781, 31: 0.13827561327561325, 32: 0.145247113997114, 33: 0.30407497594997596,
	7: 0, 19: 0.03247504810004811,
}

const (
	karateDensity        = 0.13903743315508021
	karateClubModularity = 0.3582347140039448 // networkx modularity of the "club" attribute split
)

// the two factions after the split (networkx's "club" attribute: Mr. Hi).
var mrHi = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21}

func TestKarateAgainstNetworkx(t *testing.T) {
	edges, g := karate(t)
	if len(edges) != 78 || g.Nodes() != 34 || g.Edges() != 78 {
		t.Fatalf("karate: %d edges read, graph %d nodes %d edges", len(edges), g.Nodes(), g.Edges())
	}
	if c := g.Components(); len(c) != 1 || len(c[0]) != 34 {
		t.Errorf("components = %d, want 1", len(c))
	}
	if iso := g.Isolated(); len(iso) != 0 {
		t.Errorf("isolated = %v", iso)
	}
	if d := g.Density(); math.Abs(d-karateDensity) > 1e-15 {
		t.Errorf("density = %v, want %v", d, karateDensity)
	}
	bc := g.Betweenness(BetweennessOptions{})
	if bc.Method != Exact || bc.Samples != 34 {
		t.Errorf("method %s/%d, want exact/34", bc.Method, bc.Samples)
	}
	for n, want := range karateBetweenness {
		if math.Abs(bc.Values[n]-want) > 1e-12 {
			t.Errorf("betweenness[%d] = %v, want networkx %v", n, bc.Values[n], want)
		}
	}
	club := make(map[string]string)
	for i := 0; i < 34; i++ {
		club[itoa(i)] = "Officer"
	}
	for _, i := range mrHi {
		club[itoa(i)] = "Mr. Hi"
	}
	if q := g.Modularity(g.Partition(club)); math.Abs(q-karateClubModularity) > 1e-12 {
		t.Errorf("club modularity = %v, want networkx %v", q, karateClubModularity)
	}
	for seed := uint64(1); seed <= 10; seed++ {
		part, q := g.Louvain(seed, 1)
		if q < 0.41 || q > 0.45 {
			t.Errorf("seed %d: Louvain modularity %v outside 0.41–0.45 (networkx 0.415–0.420)", seed, q)
		}
		if q2 := gonumQ(g, part); math.Abs(q-q2) > 1e-12 {
			t.Errorf("seed %d: our Q %v, gonum community.Q %v", seed, q, q2)
		}
		again, _ := g.Louvain(seed, 1)
		for i := range part {
			if part[i] != again[i] {
				t.Fatalf("seed %d: Louvain not deterministic", seed)
			}
		}
	}
}

// TestBetweennessAgainstGonum checks on karate that gonum's undirected
// betweenness is twice the unnormalised value (domain.md §7).
func TestBetweennessAgainstGonum(t *testing.T) {
	_, g := karate(t)
	ug := simple.NewUndirectedGraph()
	for i := 0; i < g.Nodes(); i++ {
		ug.AddNode(simple.Node(i))
	}
	for i := 0; i < g.Nodes(); i++ {
		g.Neighbors(i, func(j int, _ float64) {
			if i < j {
				ug.SetEdge(simple.Edge{F: simple.Node(i), T: simple.Node(j)})
			}
		})
	}
	gb := gnet.Betweenness(ug)
	ours := g.Betweenness(BetweennessOptions{})
	n := float64(g.Nodes())
	for i := 0; i < g.Nodes(); i++ {
		want := gb[int64(i)] / 2 / ((n - 1) * (n - 2) / 2)
		if math.Abs(ours.Values[i]-want) > 1e-12 {
			t.Errorf("node %d: ours %v, gonum/2 normalised %v", i, ours.Values[i], want)
		}
	}
}

func gonumQ(g *Graph, part []int) float64 {
	wg := simple.NewWeightedUndirectedGraph(0, 0)
	for i := 0; i < g.Nodes(); i++ {
		wg.AddNode(simple.Node(i))
	}
	for i := 0; i < g.Nodes(); i++ {
		g.Neighbors(i, func(j int, w float64) {
			if i < j {
				wg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(i), T: simple.Node(j), W: w})
			}
		})
	}
	var comms [][]graph.Node
	for i, c := range part {
		for len(comms) <= c {
			comms = append(comms, nil)
		}
		comms[c] = append(comms[c], simple.Node(i))
	}
	return community.Q(wg, comms, 1)
}

func TestSampledBetweenness(t *testing.T) {
	_, g := karate(t)
	full := g.Betweenness(BetweennessOptions{})
	all := g.Betweenness(BetweennessOptions{MaxExact: 10, Samples: 34})
	if all.Method != Exact {
		t.Errorf("k = n should stay exact, got %s", all.Method)
	}
	s := g.Betweenness(BetweennessOptions{MaxExact: 10, Samples: 20, Seed: 3})
	if s.Method != Sampled || s.Samples != 20 {
		t.Fatalf("method %s/%d, want sampled/20", s.Method, s.Samples)
	}
	// the top broker stays node 0 and estimates are in the right range
	top := 0
	for i, v := range s.Values {
		if v > s.Values[top] {
			top = i
		}
	}
	if top != 0 || math.Abs(s.Values[0]-full.Values[0]) > 0.25 {
		t.Errorf("sampled: top %d, node 0 %v vs exact %v", top, s.Values[0], full.Values[0])
	}
	s2 := g.Betweenness(BetweennessOptions{MaxExact: 10, Samples: 20, Seed: 3})
	for i := range s.Values {
		if s.Values[i] != s2.Values[i] {
			t.Fatal("sampled betweenness not deterministic for a seed")
		}
	}
}
