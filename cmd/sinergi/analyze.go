package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sinergi/network"
	"sinergi/store"
)

// cmdAnalyze runs the network measures (issue 6) on a plain edge list or on
// the network stored in the database.
func cmdAnalyze(e *env, args []string) error {
	fs, dsn := flags(e, "analyze")
	edges := fs.String("edges", "", `edge list CSV "source,target[,weight]" (header optional, # comments); "-" reads standard input`)
	links := fs.String("links", "", `link records CSV "from,to,date[,kind[,directed]]" (one line per activity; "-" reads standard input): weighted by count and recency at --now, as the stored network is`)
	now := fs.String("now", "", "with --links: the date the recency weights and dormant ties count from (YYYY-MM-DD; default today)")
	level := fs.String("level", "organization", "stored network: unit, organization or sector")
	groups := fs.String("groups", "", `optional CSV "node,group" (formal structure) for E-I and formal modularity`)
	asJSON := fs.Bool("json", false, "print JSON")
	seed := fs.Uint64("seed", 1, "seed for Louvain and sampled betweenness")
	trials := fs.Int("trials", 1, "Louvain runs with seeds seed, seed+1, …; the best modularity is kept")
	maxExact := fs.Int("max-exact", 5000, "exact betweenness up to this many nodes, sampled above")
	samples := fs.Int("samples", 500, "source nodes for sampled betweenness")
	since := fs.String("since", "", "stored network: only links dated on or after YYYY-MM-DD")
	until := fs.String("until", "", "stored network: only links dated on or before YYYY-MM-DD")
	trends := fs.Bool("trends", false, "stored network per quarter (--since/--until pick the quarters, default the last eight; analyze_trends.go)")
	org := fs.Int64("org", 0, "with --trends: one organisation's id (default: the whole network)")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *trends {
		return analyzeTrends(e, *dsn, *org, *since, *until, *asJSON)
	}
	if *trials < 1 || *trials > 100 || *maxExact < 1 || *samples < 1 {
		return usageError{"--trials 1..100, --max-exact ≥ 1, --samples ≥ 1"}
	}
	lvl, err := network.ParseLevel(*level)
	if err != nil {
		return usageError{"--level harus unit, organization atau sector / must be unit, organization or sector"}
	}
	if *edges != "" && *links != "" {
		return usageError{"--edges atau --links, bukan keduanya / --edges or --links, not both"}
	}
	opts := network.Options{Seed: *seed, Trials: *trials,
		Betweenness: network.BetweennessOptions{MaxExact: *maxExact, Samples: *samples, Seed: *seed}}
	var res network.Result
	if *edges != "" || *links != "" {
		if *groups != "" {
			if opts.Groups, err = readGroupFile(*groups); err != nil {
				return err
			}
		}
		var g *network.Graph
		if *edges != "" {
			list, err := readEdgeFile(e, *edges)
			if err != nil {
				return err
			}
			if g, err = network.Build(nil, list); err != nil {
				return err
			}
		} else if g, err = linksGraph(e, *links, *now, &opts); err != nil {
			return err
		}
		res = network.Analyze(g, opts)
	} else {
		stored, err := analyzeStored(e, *dsn, *since, *until, lvl, opts)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(stored)
		}
		fmt.Fprintf(e.stdout, "tingkat / level: %s\n", stored.Level)
		if err := printAnalysis(e.stdout, stored.Result, stored.Labels); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "\ntemuan / findings:")
		for _, f := range stored.Findings {
			fmt.Fprintln(e.stdout, "  -", f.ID)
		}
		return nil
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return printAnalysis(e.stdout, res, nil)
}

func openInput(e *env, name string) (io.Reader, func(), error) {
	if name == "-" {
		return e.stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("tidak dapat membuka / cannot open %s: %w", name, errors.Unwrap(err))
	}
	return f, func() { f.Close() }, nil
}

var headerNames = map[string]bool{"source": true, "target": true, "from": true, "to": true, "src": true, "dst": true,
	"node1": true, "node2": true, "u": true, "v": true, "weight": true, "w": true, "node": true, "group": true}

func isHeader(rec []string) bool {
	for _, f := range rec {
		if !headerNames[strings.ToLower(strings.TrimSpace(f))] {
			return false
		}
	}
	return true
}

// readEdgeFile reads "source,target[,weight]" rows; the weight defaults to 1.
func readEdgeFile(e *env, name string) ([]network.Edge, error) {
	r, done, err := openInput(e, name)
	if err != nil {
		return nil, err
	}
	defer done()
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	var out []network.Edge
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: CSV tidak valid / malformed CSV: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if first && isHeader(rec) {
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < 2 || len(rec) > 3 {
			return nil, fmt.Errorf("%s baris/line %d: harus source,target[,weight] / want source,target[,weight], got %d fields", name, line, len(rec))
		}
		ed := network.Edge{Source: strings.TrimSpace(rec[0]), Target: strings.TrimSpace(rec[1]), Weight: 1}
		if ed.Source == "" || ed.Target == "" {
			return nil, fmt.Errorf("%s baris/line %d: nama simpul kosong / empty node name", name, line)
		}
		if len(rec) == 3 && strings.TrimSpace(rec[2]) != "" {
			w, err := strconv.ParseFloat(strings.TrimSpace(rec[2]), 64)
			if err != nil || math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
				return nil, fmt.Errorf("%s baris/line %d: bobot harus angka > 0 / weight must be a number > 0: %q", name, line, rec[2])
			}
			ed.Weight = w
		}
		out = append(out, ed)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: tidak ada sisi / no edges", name)
	}
	return out, nil
}

// linksGraph reads link records and builds the network from them as the
// stored network is built (network.FromLinks: count and recency weights,
// give/receive arcs, dated ties), filling o's arcs, ties and now.
func linksGraph(e *env, name, now string, o *network.Options) (*network.Graph, error) {
	at := time.Now().UTC()
	if now != "" {
		var err error
		if at, err = time.Parse(time.DateOnly, now); err != nil {
			return nil, usageError{"--now harus YYYY-MM-DD / must be YYYY-MM-DD"}
		}
	}
	r, done, err := openInput(e, name)
	if err != nil {
		return nil, err
	}
	defer done()
	list, err := network.ReadLinks(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("%s: tidak ada catatan / no records", name)
	}
	g, lo, err := network.FromLinks(nil, list, o.Groups, at)
	if err != nil {
		return nil, err
	}
	o.Arcs, o.Ties, o.Now = lo.Arcs, lo.Ties, lo.Now
	return g, nil
}

// readGroupFile reads "node,group" rows.
func readGroupFile(name string) (map[string]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("tidak dapat membuka / cannot open %s: %w", name, errors.Unwrap(err))
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	out := map[string]string{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: CSV tidak valid / malformed CSV: %w", name, err)
		}
		if first && isHeader(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != 2 || strings.TrimSpace(rec[0]) == "" {
			return nil, fmt.Errorf("%s baris/line %d: harus node,group / want node,group", name, line)
		}
		out[strings.TrimSpace(rec[0])] = strings.TrimSpace(rec[1])
	}
}

func printAnalysis(w io.Writer, r network.Result, label map[string]string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "simpul / nodes\t%d\n", r.Nodes)
	fmt.Fprintf(tw, "sisi / edges\t%d\n", r.Edges)
	fmt.Fprintf(tw, "kepadatan / density\t%.4f\n", r.Density)
	fmt.Fprintf(tw, "komponen / components\t%d %v\n", r.Components, r.ComponentSizes)
	fmt.Fprintf(tw, "terisolasi / isolated\t%d\n", len(r.Isolated))
	fmt.Fprintf(tw, "komunitas / communities\t%d (modularity %.4f, %s)\n", r.CommunityCount, r.Modularity, r.CommunityMethod)
	if r.FormalModularity != nil {
		fmt.Fprintf(tw, "modularitas struktur formal / formal modularity\t%.4f\n", *r.FormalModularity)
	}
	fmt.Fprintf(tw, "betweenness\t%s (%d sources)\n", r.BetweennessMethod, r.BetweennessSamples)
	for i, b := range r.Brokers {
		if i == 5 {
			break
		}
		name := b.Node
		if l, ok := label[b.Node]; ok {
			name = l + " (" + b.Node + ")"
		}
		fmt.Fprintf(tw, "  broker\t%s %.4f\n", name, b.Value)
	}
	if r.EINetwork != nil && r.EINetwork.Index != nil {
		fmt.Fprintf(tw, "indeks E-I / E-I index\t%.3f\n", *r.EINetwork.Index)
		keys := make([]string, 0, len(r.EIGroups))
		for k := range r.EIGroups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if v := r.EIGroups[k]; v.Index != nil {
				fmt.Fprintf(tw, "  E-I %s\t%.3f (external %d, internal %d)\n", k, *v.Index, v.External, v.Internal)
			}
		}
	}
	if r.Reciprocity != nil {
		fmt.Fprintf(tw, "resiprositas / reciprocity\t%.3f (%d/%d)\n", r.Reciprocity.Overall, r.Reciprocity.Reciprocated, r.Reciprocity.Arcs)
	}
	if r.Dormant != nil {
		fmt.Fprintf(tw, "ikatan tidur / dormant ties\t%d\n", len(r.Dormant))
	}
	return tw.Flush()
}

// analyzeStored analyses the organisation network stored in the database.
func analyzeStored(e *env, dsn, since, until string, level network.Level, o network.Options) (*store.OrgNetwork, error) {
	var from, to time.Time
	var err error
	if since != "" {
		if from, err = time.Parse(time.DateOnly, since); err != nil {
			return nil, usageError{"--since harus YYYY-MM-DD / must be YYYY-MM-DD"}
		}
	}
	if until != "" {
		if to, err = time.Parse(time.DateOnly, until); err != nil {
			return nil, usageError{"--until harus YYYY-MM-DD / must be YYYY-MM-DD"}
		}
		to = to.Add(24*time.Hour - time.Microsecond)
	}
	db, err := openDB(e, dsn, true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.AnalyzeNetworkAt(system(e), from, to, level, o)
}
