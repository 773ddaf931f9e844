package network

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Edge is an undirected tie with a positive weight.
type Edge struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Weight float64 `json:"weight"`
}

// Graph is an undirected weighted graph in compressed adjacency form. Nodes
// are numbered 0..n−1 in order of first appearance.
type Graph struct {
	names []string
	index map[string]int
	// adjacency of node i: nbr[off[i]:off[i+1]] with weights w[...], sorted
	// by neighbour; no self-loops, each tie appears in both directions.
	off       []int
	nbr       []int32
	w         []float64
	edges     int     // distinct undirected ties
	total     float64 // sum of tie weights (m)
	SelfLoops int     // self-loops dropped by Build
}

// ErrWeight reports an edge whose weight is not a finite positive number.
var ErrWeight = errors.New("network: weight must be a finite number > 0")

// Build makes a graph from edges. nodes lists extra nodes that may have no
// ties (isolated units); they come first, in the given order.
func Build(nodes []string, edges []Edge) (*Graph, error) {
	g := &Graph{index: map[string]int{}}
	id := func(s string) int {
		if i, ok := g.index[s]; ok {
			return i
		}
		g.index[s] = len(g.names)
		g.names = append(g.names, s)
		return len(g.names) - 1
	}
	for _, s := range nodes {
		id(s)
	}
	type pair struct{ a, b int32 }
	merged := make(map[pair]float64, len(edges))
	var order []pair
	for i, e := range edges {
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight <= 0 {
			return nil, fmt.Errorf("%w (edge %d: %s–%s weight %v)", ErrWeight, i+1, e.Source, e.Target, e.Weight)
		}
		a, b := id(e.Source), id(e.Target)
		if a == b {
			g.SelfLoops++
			continue
		}
		if a > b {
			a, b = b, a
		}
		p := pair{int32(a), int32(b)}
		if _, ok := merged[p]; !ok {
			order = append(order, p)
		}
		merged[p] += e.Weight
	}
	n := len(g.names)
	deg := make([]int, n+1)
	for _, p := range order {
		deg[p.a]++
		deg[p.b]++
	}
	g.off = make([]int, n+1)
	for i := 0; i < n; i++ {
		g.off[i+1] = g.off[i] + deg[i]
	}
	g.nbr = make([]int32, g.off[n])
	g.w = make([]float64, g.off[n])
	fill := append([]int(nil), g.off[:n]...)
	for _, p := range order {
		wt := merged[p]
		g.nbr[fill[p.a]], g.w[fill[p.a]] = p.b, wt
		fill[p.a]++
		g.nbr[fill[p.b]], g.w[fill[p.b]] = p.a, wt
		fill[p.b]++
		g.total += wt
	}
	g.edges = len(order)
	for i := 0; i < n; i++ {
		sort.Sort(adjSorter{g.nbr[g.off[i]:g.off[i+1]], g.w[g.off[i]:g.off[i+1]]})
	}
	return g, nil
}

type adjSorter struct {
	n []int32
	w []float64
}

func (s adjSorter) Len() int           { return len(s.n) }
func (s adjSorter) Less(i, j int) bool { return s.n[i] < s.n[j] }
func (s adjSorter) Swap(i, j int) {
	s.n[i], s.n[j] = s.n[j], s.n[i]
	s.w[i], s.w[j] = s.w[j], s.w[i]
}

// Nodes is the number of nodes.
func (g *Graph) Nodes() int { return len(g.names) }

// Edges is the number of distinct undirected ties.
func (g *Graph) Edges() int { return g.edges }

// TotalWeight is the sum of the tie weights.
func (g *Graph) TotalWeight() float64 { return g.total }

// Name returns node i's name.
func (g *Graph) Name(i int) string { return g.names[i] }

// Names returns the node names in node order (do not modify).
func (g *Graph) Names() []string { return g.names }

// Index returns the number of the named node.
func (g *Graph) Index(name string) (int, bool) {
	i, ok := g.index[name]
	return i, ok
}

// Degree is the number of distinct partners of node i.
func (g *Graph) Degree(i int) int { return g.off[i+1] - g.off[i] }

// Strength is the total tie weight of node i.
func (g *Graph) Strength(i int) float64 {
	var s float64
	for _, w := range g.w[g.off[i]:g.off[i+1]] {
		s += w
	}
	return s
}

// Neighbors calls fn for each partner of node i with the tie's weight.
func (g *Graph) Neighbors(i int, fn func(j int, w float64)) {
	for k := g.off[i]; k < g.off[i+1]; k++ {
		fn(int(g.nbr[k]), g.w[k])
	}
}

// Density is 2E/(n(n−1)); 0 for fewer than two nodes.
func (g *Graph) Density() float64 {
	n := float64(len(g.names))
	if n < 2 {
		return 0
	}
	return 2 * float64(g.edges) / (n * (n - 1))
}

// Components returns the connected components as node numbers, largest
// first (ties: the one holding the lowest node number first), each sorted.
func (g *Graph) Components() [][]int {
	n := len(g.names)
	seen := make([]bool, n)
	var out [][]int
	queue := make([]int32, 0, n)
	for s := 0; s < n; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
				if !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		c := make([]int, len(queue))
		for i, v := range queue {
			c[i] = int(v)
		}
		sort.Ints(c)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// Isolated returns the nodes without any tie, in node order.
func (g *Graph) Isolated() []int {
	var out []int
	for i := range g.names {
		if g.Degree(i) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// Modularity is the weighted modularity (resolution 1) of the partition
// part (node → community number ≥ 0). 0 for a graph without ties.
func (g *Graph) Modularity(part []int) float64 {
	if g.total == 0 {
		return 0
	}
	maxc := 0
	for _, c := range part {
		maxc = max(maxc, c)
	}
	in := make([]float64, maxc+1)
	tot := make([]float64, maxc+1)
	for i := range g.names {
		ci := part[i]
		for k := g.off[i]; k < g.off[i+1]; k++ {
			tot[ci] += g.w[k]
			if part[g.nbr[k]] == ci {
				in[ci] += g.w[k]
			}
		}
	}
	m2 := 2 * g.total
	var q float64
	for c := range in {
		q += in[c]/m2 - (tot[c]/m2)*(tot[c]/m2)
	}
	return q
}

// Partition turns node → group labels into community numbers (in order of
// first appearance); nodes without a label get a community of their own.
func (g *Graph) Partition(group map[string]string) []int {
	part := make([]int, len(g.names))
	num := map[string]int{}
	next := 0
	for i, name := range g.names {
		lbl, ok := group[name]
		if !ok || lbl == "" {
			part[i] = next
			next++
			continue
		}
		c, seen := num[lbl]
		if !seen {
			c = next
			num[lbl] = c
			next++
		}
		part[i] = c
	}
	return part
}
