// Command netgen writes synthetic collaboration networks with planted silos
// for bench/network.sh, and times the network package's measures phase by
// phase on an edge list.
//
//	go run ./bench/netgen --n 10000 > net-10k.csv      # generate
//	go run ./bench/netgen --time net-10k.csv --samples 500   # time phases, JSON on stdout
//
// The network: n organisations split into silos of 20–200 members. Each
// organisation ties to about 5 others of its own silo; 3 % of ties cross to a
// random organisation elsewhere; 1 % of the organisations are brokers with 20
// extra ties across silos; 1 % sit in detached pairs and triads (extra
// components). Ties are distinct undirected pairs (no duplicates, no
// self-loops, so every tool reads the same graph); the weight is the number of
// activity records on the tie, 1 + a geometric count with mean 1, so the total
// weight is about 10 n (1 million records at 100k). Names are "o<number>"
// over a shuffled numbering, rows are shuffled. Deterministic for a --seed.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"time"

	"sinergi/network"
)

func main() {
	n := flag.Int("n", 1000, "number of organisations (nodes)")
	seed := flag.Uint64("seed", 1, "seed")
	timeFile := flag.String("time", "", "time the measures on this edge list instead of generating")
	samples := flag.Int("samples", 500, "with --time: source nodes for sampled betweenness")
	flag.Parse()
	if *timeFile != "" {
		if err := timePhases(*timeFile, *samples, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "netgen:", err)
			os.Exit(1)
		}
		return
	}
	if *n < 50 || *n > 10_000_000 {
		fmt.Fprintln(os.Stderr, "netgen: --n must be 50..10000000")
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	generate(w, *n, *seed)
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "netgen:", err)
		os.Exit(1)
	}
}

type pair struct{ a, b int32 }

func generate(w io.Writer, n int, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x9e7))
	detached := n / 100
	core := n - detached
	// silos over the core nodes
	silo := make([]int, core)
	var starts []int
	for i := 0; i < core; {
		size := 20 + rng.IntN(181)
		starts = append(starts, i)
		for j := i; j < min(core, i+size); j++ {
			silo[j] = len(starts) - 1
		}
		i += size
	}
	starts = append(starts, core)
	seen := make(map[pair]bool, 6*n)
	var edges []pair
	add := func(a, b int) {
		if a == b {
			return
		}
		if a > b {
			a, b = b, a
		}
		p := pair{int32(a), int32(b)}
		if !seen[p] {
			seen[p] = true
			edges = append(edges, p)
		}
	}
	for i := 0; i < core; i++ {
		s := silo[i]
		lo, hi := starts[s], starts[s+1]
		for k := 0; k < 5; k++ {
			if rng.Float64() < 0.03 {
				add(i, rng.IntN(core))
			} else {
				add(i, lo+rng.IntN(hi-lo))
			}
		}
	}
	for b := 0; b < core/100; b++ {
		i := rng.IntN(core)
		for k := 0; k < 20; k++ {
			add(i, rng.IntN(core))
		}
	}
	for i := core; i < n; {
		size := 2 + rng.IntN(2)
		if i+size > n {
			size = n - i
		}
		for j := i + 1; j < i+size; j++ {
			add(j-1, j)
		}
		if size == 1 && i > core { // a lone leftover joins the previous group
			add(i-1, i)
		}
		i += size
	}
	name := rng.Perm(n)
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	fmt.Fprintln(w, "source,target,weight")
	buf := make([]byte, 0, 64)
	for _, e := range edges {
		weight := 1
		for rng.Float64() < 0.5 && weight < 50 {
			weight++
		}
		buf = buf[:0]
		buf = append(buf, 'o')
		buf = strconv.AppendInt(buf, int64(name[e.a]), 10)
		buf = append(buf, ",o"...)
		buf = strconv.AppendInt(buf, int64(name[e.b]), 10)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(weight), 10)
		buf = append(buf, '\n')
		w.Write(buf)
	}
}

// timePhases loads an edge list and times each measure separately.
func timePhases(file string, samples int, seed uint64) error {
	t0 := time.Now()
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	cr.ReuseRecord = true
	var edges []network.Edge
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if first && rec[0] == "source" {
			continue
		}
		wt := 1.0
		if len(rec) > 2 {
			if wt, err = strconv.ParseFloat(rec[2], 64); err != nil {
				return err
			}
		}
		edges = append(edges, network.Edge{Source: rec[0], Target: rec[1], Weight: wt})
	}
	g, err := network.Build(nil, edges)
	if err != nil {
		return err
	}
	out := map[string]any{"tool": "sinergi", "gomaxprocs": runtime.GOMAXPROCS(0), "nodes": g.Nodes(), "edges": g.Edges()}
	out["load_s"] = time.Since(t0).Seconds()
	t := time.Now()
	comps := g.Components()
	out["components_s"], out["components"] = time.Since(t).Seconds(), len(comps)
	t = time.Now()
	part, q := g.Louvain(seed, 1)
	out["louvain_s"], out["modularity"] = time.Since(t).Seconds(), q
	k := 0
	for _, c := range part {
		k = max(k, c+1)
	}
	out["communities"] = k
	t = time.Now()
	bc := g.Betweenness(network.BetweennessOptions{MaxExact: 1, Samples: samples, Seed: seed})
	out["betweenness_s"], out["betweenness_method"], out["betweenness_samples"] = time.Since(t).Seconds(), bc.Method, bc.Samples
	return json.NewEncoder(os.Stdout).Encode(out)
}
