package network

import (
	"math/rand/v2"
	"runtime"
	"sync"
)

// Betweenness methods.
const (
	Exact   = "exact"
	Sampled = "sampled"
)

// BetweennessOptions chooses between exact and sampled betweenness.
type BetweennessOptions struct {
	MaxExact int    // exact up to this many nodes (0: 5000)
	Samples  int    // source nodes when sampling (0: 500)
	Seed     uint64 // for the choice of sources
}

// BetweennessResult is betweenness per node, normalised as networkx.
type BetweennessResult struct {
	Values  []float64 // by node number
	Method  string    // Exact or Sampled
	Samples int       // source nodes used (n when exact)
}

// Betweenness computes normalised betweenness centrality (see the package
// documentation for the normalisation and the sampling rule).
func (g *Graph) Betweenness(o BetweennessOptions) BetweennessResult {
	n := len(g.names)
	if o.MaxExact <= 0 {
		o.MaxExact = 5000
	}
	if o.Samples <= 0 {
		o.Samples = 500
	}
	res := BetweennessResult{Values: make([]float64, n), Method: Exact, Samples: n}
	sources := make([]int, n)
	for i := range sources {
		sources[i] = i
	}
	if n > o.MaxExact && o.Samples < n {
		res.Method, res.Samples = Sampled, o.Samples
		perm := rand.New(rand.NewPCG(o.Seed, 0xbe7)).Perm(n)
		sources = perm[:o.Samples]
	}
	raw := g.brandes(sources)
	if n <= 2 {
		return res
	}
	if res.Method == Exact {
		s := 1 / (float64(n-1) * float64(n-2))
		for i, v := range raw {
			res.Values[i] = v * s
		}
		return res
	}
	k := float64(len(sources))
	isSource := make([]bool, n)
	for _, s := range sources {
		isSource[s] = true
	}
	for i, v := range raw {
		if isSource[i] {
			if k > 1 {
				res.Values[i] = v / ((k - 1) * float64(n-2))
			}
		} else {
			res.Values[i] = v / (k * float64(n-2))
		}
	}
	return res
}

// brandes sums the unnormalised dependencies over the given sources
// (ordered pairs, unweighted shortest paths). The sources are split into a
// fixed number of chunks summed in order, so the result does not depend on
// the number of CPUs.
func (g *Graph) brandes(sources []int) []float64 {
	n := len(g.names)
	const chunks = 32
	parts := make([][]float64, chunks)
	var wg sync.WaitGroup
	work := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), chunks)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := newBrandesState(n)
			for c := range work {
				acc := make([]float64, n)
				for idx := c; idx < len(sources); idx += chunks {
					st.single(g, sources[idx], acc)
				}
				parts[c] = acc
			}
		}()
	}
	for c := 0; c < chunks && c < max(len(sources), 1); c++ {
		work <- c
	}
	close(work)
	wg.Wait()
	out := make([]float64, n)
	for _, p := range parts {
		for i, v := range p {
			out[i] += v
		}
	}
	return out
}

type brandesState struct {
	dist  []int32
	sigma []float64
	delta []float64
	stack []int32
}

func newBrandesState(n int) *brandesState {
	st := &brandesState{dist: make([]int32, n), sigma: make([]float64, n), delta: make([]float64, n), stack: make([]int32, 0, n)}
	for i := range st.dist {
		st.dist[i] = -1
	}
	return st
}

func (st *brandesState) single(g *Graph, s int, acc []float64) {
	st.stack = st.stack[:0]
	st.dist[s], st.sigma[s] = 0, 1
	st.stack = append(st.stack, int32(s))
	for h := 0; h < len(st.stack); h++ { // BFS; the queue doubles as the stack
		v := st.stack[h]
		dv := st.dist[v]
		for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
			if st.dist[u] < 0 {
				st.dist[u] = dv + 1
				st.stack = append(st.stack, u)
			}
			if st.dist[u] == dv+1 {
				st.sigma[u] += st.sigma[v]
			}
		}
	}
	for h := len(st.stack) - 1; h >= 0; h-- {
		w := st.stack[h]
		dw := st.dist[w]
		for _, v := range g.nbr[g.off[w]:g.off[w+1]] {
			if st.dist[v] == dw-1 {
				st.delta[v] += st.sigma[v] / st.sigma[w] * (1 + st.delta[w])
			}
		}
		if int(w) != s {
			acc[w] += st.delta[w]
		}
	}
	for _, v := range st.stack {
		st.dist[v], st.sigma[v], st.delta[v] = -1, 0, 0
	}
}
