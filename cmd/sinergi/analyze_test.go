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
