package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sinergi/store/storetest"
)

func TestAnalyzeEdges(t *testing.T) {
	code, out, errs := run(t, "", "analyze", "--edges", "../../network/testdata/karate.csv", "--json")
	if code != 0 {
		t.Fatalf("analyze: %d %s", code, errs)
	}
	var r struct {
		Nodes              int                `json:"nodes"`
		Edges              int                `json:"edges"`
		Components         int                `json:"components"`
		Modularity         float64            `json:"modularity"`
		Communities        map[string]int     `json:"communities"`
		Betweenness        map[string]float64 `json:"betweenness"`
		BetweennessMethod  string             `json:"betweenness_method"`
		Density            float64            `json:"density"`
		Isolated           []string           `json:"isolated"`
		BetweennessSamples int                `json:"betweenness_samples"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// networkx 3.6.1 (network/testdata/karate_reference.out)
	if r.Nodes != 34 || r.Edges != 78 || r.Components != 1 || r.Modularity < 0.41 || r.Modularity > 0.45 || len(r.Communities) != 34 ||
		math.Abs(r.Betweenness["0"]-0.43763528138528146) > 1e-12 || math.Abs(r.Betweenness["33"]-0.30407497594997596) > 1e-12 ||
		r.BetweennessMethod != "exact" || r.BetweennessSamples != 34 || r.Isolated == nil || math.Abs(r.Density-0.13903743315508021) > 1e-15 {
		t.Errorf("karate: %+v", r)
	}
	// sampled, from standard input, without header, with weights
	code, out, errs = run(t, "a,b,2\nb,c\nc,d,0.5\nd,e\n", "analyze", "--edges", "-", "--json", "--max-exact", "2", "--samples", "3")
	if code != 0 || !strings.Contains(out, `"betweenness_method": "sampled"`) || !strings.Contains(out, `"betweenness_samples": 3`) {
		t.Fatalf("stdin sampled: %d %s %s", code, out, errs)
	}
	// text output
	if code, out, _ := run(t, "source,target\nx,y\n", "analyze", "--edges", "-"); code != 0 || !strings.Contains(out, "components") {
		t.Errorf("text: %d %s", code, out)
	}
}

func TestAnalyzeGroups(t *testing.T) {
	dir := t.TempDir()
	groups := filepath.Join(dir, "g.csv")
	os.WriteFile(groups, []byte("node,group\na,X\nb,X\nc,Y\n"), 0o644)
	code, out, errs := run(t, "a,b\nb,c\n", "analyze", "--edges", "-", "--groups", groups, "--json")
	if code != 0 || !strings.Contains(out, `"ei_groups"`) || !strings.Contains(out, `"formal_modularity"`) {
		t.Fatalf("%d %s %s", code, out, errs)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	cases := map[string][]string{
		"missing file":  {"--edges", filepath.Join(dir, "nope.csv")},
		"empty":         {"--edges", write("empty.csv", "")},
		"header only":   {"--edges", write("header.csv", "source,target,weight\n")},
		"one field":     {"--edges", write("one.csv", "a,b\nc\n")},
		"four fields":   {"--edges", write("four.csv", "a,b,1,2\n")},
		"bad weight":    {"--edges", write("w.csv", "a,b,heavy\n")},
		"zero weight":   {"--edges", write("z.csv", "a,b,0\n")},
		"negative":      {"--edges", write("n.csv", "a,b,-1\n")},
		"NaN":           {"--edges", write("nan.csv", "a,b,NaN\n")},
		"empty node":    {"--edges", write("e.csv", "a,\n")},
		"bad quotes":    {"--edges", write("q.csv", "\"a,b\n")},
		"bad trials":    {"--edges", write("ok.csv", "a,b\n"), "--trials", "0"},
		"stray":         {"--edges", write("ok2.csv", "a,b\n"), "extra"},
		"bad since":     {"--since", "yesterday", "--db", "sqlite:" + filepath.Join(dir, "x.db")},
		"bad group csv": {"--edges", write("ok3.csv", "a,b\n"), "--groups", write("g.csv", "a,b,c\n")},
	}
	for name, args := range cases {
		code, _, errs := run(t, "", append([]string{"analyze"}, args...)...)
		if code == 0 || errs == "" {
			t.Errorf("%s: exit %d, stderr %q; want failure with a message", name, code, errs)
		}
	}
	_, _, errs := run(t, "", "analyze", "--edges", write("line.csv", "a,b\nb,c,-2\n"))
	if !strings.Contains(errs, "line 2") {
		t.Errorf("error should name the line: %q", errs)
	}
}

func TestAnalyzeStored(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errs := run(t, "", "demo", "--db", dsn); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := run(t, "", "analyze", "--json", "--db", dsn)
	if code != 0 {
		t.Fatalf("analyze --db: %d %s", code, errs)
	}
	var r struct {
		Nodes       int                `json:"nodes"`
		Edges       int                `json:"edges"`
		Components  int                `json:"components"`
		Communities map[string]int     `json:"communities"`
		Betweenness map[string]float64 `json:"betweenness"`
		Labels      map[string]string  `json:"labels"`
		Findings    []struct {
			Kind string `json:"kind"`
			ID   string `json:"id"`
		} `json:"findings"`
		Links map[string]int `json:"links"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Nodes == 0 || r.Edges == 0 || len(r.Communities) != r.Nodes || len(r.Betweenness) != r.Nodes || len(r.Labels) != r.Nodes || len(r.Findings) == 0 {
		t.Errorf("stored: %+v", r)
	}
	if code, out, _ := run(t, "", "analyze", "--db", dsn, "--since", "2020-01-01", "--until", "2100-01-01"); code != 0 || !strings.Contains(out, "temuan") {
		t.Errorf("text: %d %s", code, out)
	}
}

// The stored network at each level (issue 6 item 2) carries its level and
// the E-I per node (item 3).
func TestAnalyzeStoredLevels(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errs := run(t, "", "demo", "--db", dsn); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	nodes := map[string]int{}
	for _, level := range []string{"unit", "organization", "sector"} {
		code, out, errs := run(t, "", "analyze", "--json", "--db", dsn, "--level", level)
		if code != 0 {
			t.Fatalf("--level %s: %d %s", level, code, errs)
		}
		var r struct {
			Level   string                     `json:"level"`
			Nodes   int                        `json:"nodes"`
			EINodes map[string]json.RawMessage `json:"ei_nodes"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Level != level || r.Nodes == 0 || len(r.EINodes) == 0 {
			t.Errorf("--level %s: level %q, %d nodes, ei_nodes %d", level, r.Level, r.Nodes, len(r.EINodes))
		}
		nodes[level] = r.Nodes
	}
	if nodes["sector"] >= nodes["organization"] || nodes["unit"] < nodes["organization"] {
		t.Errorf("nodes per level %v: want sector < organization ≤ unit", nodes)
	}
	if code, out, _ := run(t, "", "analyze", "--db", dsn, "--level", "unit"); code != 0 || !strings.Contains(out, "level: unit") {
		t.Errorf("text at unit level: %d %s", code, out)
	}
	if code, _, errs := run(t, "", "analyze", "--db", dsn, "--level", "province"); code != 2 || !strings.Contains(errs, "level") {
		t.Errorf("bad level: %d %s", code, errs)
	}
}

// --links reads activity records and weights them by count and recency as
// the stored network does: two records a year apart on a–b weigh 1 + 0.5.
func TestAnalyzeLinks(t *testing.T) {
	recs := "from,to,date,kind,directed\na,b,2026-01-01,training,1\nb,a,2025-01-01,training,1\nb,c,2024-01-01,forum,0\n"
	code, out, errs := run(t, recs, "analyze", "--links", "-", "--now", "2026-01-01", "--json")
	if code != 0 {
		t.Fatalf("--links: %d %s", code, errs)
	}
	var r struct {
		Nodes       int     `json:"nodes"`
		Edges       int     `json:"edges"`
		TotalWeight float64 `json:"total_weight"`
		Reciprocity struct {
			Overall float64 `json:"overall"`
		} `json:"reciprocity"`
		Dormant []struct {
			A, B string
		} `json:"dormant"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// a–b: 1 + 0.5^(365/365); b–c: 0.5^(731/365)
	want := 1 + 0.5 + math.Pow(0.5, 731.0/365)
	if r.Nodes != 3 || r.Edges != 2 || math.Abs(r.TotalWeight-want) > 1e-9 || r.Reciprocity.Overall != 1 || len(r.Dormant) != 1 || r.Dormant[0].A != "b" {
		t.Errorf("--links: %+v (want weight %v)", r, want)
	}
	for _, args := range [][]string{
		{"--links", "-", "--now", "gestern"},
		{"--links", "-", "--edges", "x.csv"},
	} {
		if code, _, _ := run(t, recs, append([]string{"analyze"}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := run(t, "a,b,2026-02-30\n", "analyze", "--links", "-"); code == 0 || !strings.Contains(errs, "line 1") {
		t.Errorf("bad date: %d %s", code, errs)
	}
}
