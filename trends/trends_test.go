package trends

import (
	"math"
	"testing"
	"time"

	"sinergi/network"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestQuarters(t *testing.T) {
	for _, tt := range []struct {
		from, to string
		want     []string
	}{
		{"2026-01-01", "2026-12-31", []string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"}},
		{"2025-12-31", "2026-01-01", []string{"2025-Q4", "2026-Q1"}},
		{"2026-05-20", "2026-06-30", []string{"2026-Q2"}},
		{"2026-07-01", "2026-06-30", nil},
	} {
		var got []string
		for _, q := range Quarters(day(tt.from), day(tt.to)) {
			got = append(got, Label(q))
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s..%s: %v, want %v", tt.from, tt.to, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s..%s: %v, want %v", tt.from, tt.to, got, tt.want)
			}
		}
	}
}

func TestCompute(t *testing.T) {
	// A and B are regencies, U a university, C a company, X of unknown sector
	sectors := map[string]string{"A": "regency", "B": "regency", "U": "university", "C": "company"}
	link := func(from, to, kind, date string) network.Link {
		return network.Link{From: from, To: to, Kind: kind, At: day(date), Directed: kind == "training"}
	}
	links := []network.Link{
		// 2026-Q1: A–B twice (inside a sector), U→A training (across)
		link("A", "B", "joint_planning", "2026-01-05"),
		link("B", "A", "informal_cooperation", "2026-03-31"),
		link("U", "A", "training", "2026-02-10"),
		// 2026-Q2: nothing
		// 2026-Q3: A–C forum (across), A–X (unknown sector), self-link dropped
		link("A", "C", "forum", "2026-07-01"),
		link("A", "X", "training", "2026-09-30"),
		link("A", "A", "training", "2026-08-01"),
		// outside the range
		link("A", "U", "training", "2025-12-31"),
		link("A", "U", "training", "2026-10-01"),
	}
	types := []string{"informal_cooperation", "joint_planning", "training"}
	f := func(x float64) *float64 { return &x }
	for _, tt := range []struct {
		name  string
		focus string
		want  []Quarter
	}{
		{"whole network", "", []Quarter{
			{Quarter: "2026-Q1", Activities: 3, Links: 3, Partners: 3, Ties: 2, CrossSector: 1, CrossSectorShare: f(0.5), EI: f(0),
				ByType: map[string]int{"informal_cooperation": 1, "joint_planning": 1, "training": 1}},
			{Quarter: "2026-Q2", ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 0}},
			{Quarter: "2026-Q3", Activities: 1, Links: 2, Partners: 3, Ties: 2, CrossSector: 1, CrossSectorShare: f(1), EI: f(1),
				ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 1}},
		}},
		{"organisation U", "U", []Quarter{
			{Quarter: "2026-Q1", Activities: 1, Links: 1, Partners: 1, Ties: 1, CrossSector: 1, CrossSectorShare: f(1), EI: f(1),
				ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 1}},
			{Quarter: "2026-Q2", ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 0}},
			{Quarter: "2026-Q3", ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 0}},
		}},
		{"organisation B", "B", []Quarter{
			{Quarter: "2026-Q1", Activities: 2, Links: 2, Partners: 1, Ties: 1, CrossSector: 0, CrossSectorShare: f(0), EI: f(-1),
				ByType: map[string]int{"informal_cooperation": 1, "joint_planning": 1, "training": 0}},
			{Quarter: "2026-Q2", ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 0}},
			{Quarter: "2026-Q3", ByType: map[string]int{"informal_cooperation": 0, "joint_planning": 0, "training": 0}},
		}},
	} {
		got := Compute(sectors, links, types, day("2026-01-01"), day("2026-09-30"), tt.focus)
		if len(got) != len(tt.want) {
			t.Fatalf("%s: %d quarters", tt.name, len(got))
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Quarter != w.Quarter || g.Activities != w.Activities || g.Links != w.Links || g.Partners != w.Partners || g.Ties != w.Ties ||
				g.CrossSector != w.CrossSector || !samePtr(g.CrossSectorShare, w.CrossSectorShare) || !samePtr(g.EI, w.EI) {
				t.Errorf("%s %s: got %+v (share %v, E-I %v)", tt.name, w.Quarter, g, val(g.CrossSectorShare), val(g.EI))
			}
			for k, n := range w.ByType {
				if g.ByType[k] != n {
					t.Errorf("%s %s: %s = %d, want %d", tt.name, w.Quarter, k, g.ByType[k], n)
				}
			}
			if len(g.ByType) != len(types) {
				t.Errorf("%s %s: by_type %v", tt.name, w.Quarter, g.ByType)
			}
		}
	}
	q := Compute(sectors, links, types, day("2026-01-01"), day("2026-03-31"), "")[0]
	if q.Start != "2026-01-01" || q.End != "2026-03-31" {
		t.Errorf("bounds %s..%s", q.Start, q.End)
	}
	// the E-I index is network's: with every sector known it is 2·share − 1
	if *q.EI != 2**q.CrossSectorShare-1 {
		t.Errorf("E-I %v, share %v", *q.EI, *q.CrossSectorShare)
	}
}

func samePtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-12
}

func val(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
