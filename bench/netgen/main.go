// Command netgen writes synthetic collaboration networks with planted silos
// for bench/network.sh, and times the network package's measures phase by
// phase.
//
//	go run ./bench/netgen --n 10000 --records recs.csv --now 2026-11-30 > net.csv   # generate
//	go run ./bench/netgen --time-records recs.csv --now 2026-11-30 --samples 500    # records → network → measures, timed
//	go run ./bench/netgen --time net.csv --samples 500                              # an edge list → measures, timed
//
// The network: n organisations split into silos of 20–200 members. Each
// organisation ties to about 5 others of its own silo; 3 % of ties cross to a
// random organisation elsewhere; 1 % of the organisations are brokers with 20
// extra ties across silos; 1 % sit in detached pairs and triads (extra
// components). Ties are distinct undirected pairs (no self-loops). The
// activity records (--count, default 10 n: 1 million at 100k) put one record
// on every tie and the rest on ties drawn at random; each record has one of
// the 7 activity types (the 4 give/receive types directed, either way
// round) and a date drawn uniformly from the two years before --now.
// --records FILE writes them as "from,to,date,kind,directed"; standard output
// gets the weighted edge list "source,target,weight" that network.FromLinks
// makes of them (count and recency, 0.5^(age/365) per record) — the graph
// Sinergi analyses from the records, for the peers to read. Names are
// "o<number>" over a shuffled numbering, rows are shuffled. Deterministic for
// a --seed and --now.
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
	count := flag.Int("count", 0, "activity records (default 10 × n)")
	recFile := flag.String("records", "", "also write the activity records to this file")
	nowFlag := flag.String("now", "2026-11-30", "the date records are dated back from and weighted at (YYYY-MM-DD)")
	timeFile := flag.String("time", "", "time the measures on this edge list instead of generating")
	timeRecords := flag.String("time-records", "", "time records → weighted network → measures on this records file")
	samples := flag.Int("samples", 500, "with --time/--time-records: source nodes for sampled betweenness")
	flag.Parse()
	now, err := time.Parse(time.DateOnly, *nowFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "netgen: --now must be YYYY-MM-DD")
		os.Exit(2)
	}
	if *timeFile != "" || *timeRecords != "" {
		if err := timePhases(*timeFile, *timeRecords, now, *samples, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "netgen:", err)
			os.Exit(1)
		}
		return
	}
	if *n < 50 || *n > 10_000_000 {
		fmt.Fprintln(os.Stderr, "netgen: --n must be 50..10000000")
		os.Exit(2)
	}
	if *count == 0 {
		*count = 10 * *n
	}
	if err := write(*n, *count, *seed, now, *recFile); err != nil {
		fmt.Fprintln(os.Stderr, "netgen:", err)
		os.Exit(1)
	}
}

// write generates the records, saves them to recFile (if any) and writes
// their weighted edge list on standard output.
func write(n, count int, seed uint64, now time.Time, recFile string) error {
	links := records(ties(n, seed), n, count, seed, now)
	if recFile != "" {
		f, err := os.Create(recFile)
		if err != nil {
			return err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		fmt.Fprintln(w, "from,to,date,kind,directed")
		buf := make([]byte, 0, 64)
		for _, l := range links {
			buf = append(buf[:0], l.From...)
			buf = append(buf, ',')
			buf = append(buf, l.To...)
			buf = append(buf, ',')
			buf = l.At.AppendFormat(buf, time.DateOnly)
			buf = append(buf, ',')
			buf = append(buf, l.Kind...)
			if l.Directed {
				buf = append(buf, ",1\n"...)
			} else {
				buf = append(buf, ",0\n"...)
			}
			w.Write(buf)
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	g, _, err := network.FromLinks(nil, links, nil, now)
	if err != nil {
		return err
	}
	var edges []network.Edge
	for i := 0; i < g.Nodes(); i++ {
		g.Neighbors(i, func(j int, wt float64) {
			if j > i {
				edges = append(edges, network.Edge{Source: g.Name(i), Target: g.Name(j), Weight: wt})
			}
		})
	}
	rng := rand.New(rand.NewPCG(seed, 0xed9e))
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	fmt.Fprintln(w, "source,target,weight")
	buf := make([]byte, 0, 64)
	for _, e := range edges {
		buf = append(buf[:0], e.Source...)
		buf = append(buf, ',')
		buf = append(buf, e.Target...)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, e.Weight, 'g', -1, 64)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	return w.Flush()
}

type pair struct{ a, b int32 }

// ties draws the distinct undirected ties of the planted-silo network.
func ties(n int, seed uint64) []pair {
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
	return edges
}

// activityKinds are the 7 activity types; the give/receive ones directed.
var activityKinds = []struct {
	kind     string
	directed bool
}{{"informal_cooperation", false}, {"mutual_aid_agreement", false}, {"training", true}, {"joint_planning", false},
	{"equipment", true}, {"technical_assistance", true}, {"grant_management", true}}

// records puts count activity records on the ties: one on each, the rest on
// ties drawn at random; dated uniformly over the two years before now;
// names over a shuffled numbering, records shuffled.
func records(edges []pair, n, count int, seed uint64, now time.Time) []network.Link {
	rng := rand.New(rand.NewPCG(seed, 0x7ec))
	name := make([]string, n)
	for i, v := range rng.Perm(n) {
		name[i] = "o" + strconv.Itoa(v)
	}
	count = max(count, len(edges))
	out := make([]network.Link, count)
	for r := range out {
		e := edges[r%len(edges)]
		if r >= len(edges) {
			e = edges[rng.IntN(len(edges))]
		}
		k := activityKinds[rng.IntN(len(activityKinds))]
		a, b := name[e.a], name[e.b]
		if rng.IntN(2) == 0 {
			a, b = b, a
		}
		out[r] = network.Link{From: a, To: b, Directed: k.directed, Kind: k.kind, At: now.AddDate(0, 0, -rng.IntN(730))}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// timePhases times each measure separately, on an edge list (edgeFile) or
// on records (recFile: read, then weighted by count and recency at now as
// network.FromLinks does for the stored network).
func timePhases(edgeFile, recFile string, now time.Time, samples int, seed uint64) error {
	t0 := time.Now()
	out := map[string]any{"tool": "sinergi", "gomaxprocs": runtime.GOMAXPROCS(0)}
	var g *network.Graph
	var err error
	if recFile != "" {
		f, err := os.Open(recFile)
		if err != nil {
			return err
		}
		links, err := network.ReadLinks(bufio.NewReaderSize(f, 1<<20))
		f.Close()
		if err != nil {
			return err
		}
		out["records"], out["read_s"] = len(links), time.Since(t0).Seconds()
		t := time.Now()
		g, _, err = network.FromLinks(nil, links, nil, now)
		if err != nil {
			return err
		}
		out["aggregate_s"] = time.Since(t).Seconds()
	} else if g, err = readEdges(edgeFile); err != nil {
		return err
	}
	out["nodes"], out["edges"], out["total_weight"] = g.Nodes(), g.Edges(), g.TotalWeight()
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

// readEdges loads a "source,target[,weight]" edge list.
func readEdges(file string) (*network.Graph, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
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
			return nil, err
		}
		if first && rec[0] == "source" {
			continue
		}
		wt := 1.0
		if len(rec) > 2 {
			if wt, err = strconv.ParseFloat(rec[2], 64); err != nil {
				return nil, err
			}
		}
		edges = append(edges, network.Edge{Source: rec[0], Target: rec[1], Weight: wt})
	}
	return network.Build(nil, edges)
}
