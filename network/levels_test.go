package network

import (
	"math"
	"testing"
	"time"
)

func TestParseLevel(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Level
		ok   bool
	}{{"", LevelOrganization, true}, {"unit", LevelUnit, true}, {"organization", LevelOrganization, true},
		{"sector", LevelSector, true}, {"organisation", "", false}, {"Unit", "", false}} {
		got, err := ParseLevel(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseLevel(%q) = %q, %v", tt.in, got, err)
		}
	}
}

// A small government: organisations A and B in sector gov, C in sector uni.
// Units: A has a1, a2; B has b1; C has c1. Links (units where recorded):
//
//	a1–a2  (inside A)        a1–b1  (A–B, both gov)
//	a2–C   (C without unit)  b1–c1  (B–C)
//	A–B    (forum, org-level) a1–a2 again (same tie, second record)
var levelLinks = []Link{
	{From: "A", To: "A", FromUnit: "a1", ToUnit: "a2", At: levelNow},
	{From: "A", To: "B", FromUnit: "a1", ToUnit: "b1", At: levelNow},
	{From: "A", To: "C", FromUnit: "a2", At: levelNow},
	{From: "B", To: "C", FromUnit: "b1", ToUnit: "c1", At: levelNow},
	{From: "A", To: "B", Kind: "forum", At: levelNow},
	{From: "A", To: "A", FromUnit: "a2", ToUnit: "a1", At: levelNow},
}

var levelNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func ei(e, i int) EI { return eiOf(e, i) }

// TestEIAtLevels checks Krackhardt's E-I (domain.md §7) at the three levels
// against values computed by hand.
func TestEIAtLevels(t *testing.T) {
	unitOrg := map[string]string{"a1": "A", "a2": "A", "b1": "B", "c1": "C"}
	orgSector := map[string]string{"A": "gov", "B": "gov", "C": "uni"}
	now := levelNow
	// unit level: nodes a1 a2 b1 c1 C A B; a unit's group is its
	// organisation, an organisation node is in its own group.
	// ties: a1–a2 (I for A), a1–b1 (E), a2–C (E), b1–c1 (E), A–B (E).
	unitGroup := map[string]string{"a1": "A", "a2": "A", "b1": "B", "c1": "C", "A": "A", "B": "B", "C": "C"}
	// organisation level: ties A–B (gov–gov: I), A–C (E), B–C (E); a1–a2 is a self-tie.
	// sector level (from the organisation ties grouped by sector):
	// gov: I = A–B, E = A–C, B–C → (2−1)/3; uni: E = 2 → +1.
	tests := []struct {
		name   string
		links  []Link
		groups map[string]string
		nodes  map[string]EI
		group  map[string]EI
		whole  EI
	}{
		{"unit", UnitLinks(levelLinks), unitGroup,
			map[string]EI{"a1": ei(1, 1), "a2": ei(1, 1), "b1": ei(2, 0), "c1": ei(1, 0), "C": ei(1, 0), "A": ei(1, 0), "B": ei(1, 0)},
			map[string]EI{"A": ei(3, 1), "B": ei(3, 0), "C": ei(2, 0)}, ei(4, 1)},
		{"organization", Coarsen(UnitLinks(levelLinks), unitOrg), orgSector,
			map[string]EI{"A": ei(1, 1), "B": ei(1, 1), "C": ei(2, 0)},
			map[string]EI{"gov": ei(2, 1), "uni": ei(2, 0)}, ei(2, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := FromLinks(nil, tt.links, tt.groups, now)
			if err != nil {
				t.Fatal(err)
			}
			r := Analyze(g, Options{Groups: tt.groups})
			same := func(what string, got, want EI) {
				if got.External != want.External || got.Internal != want.Internal || (got.Index == nil) != (want.Index == nil) ||
					(got.Index != nil && math.Abs(*got.Index-*want.Index) > 1e-12) {
					t.Errorf("%s: got E %d I %d, want E %d I %d", what, got.External, got.Internal, want.External, want.Internal)
				}
			}
			if len(r.EINodes) != len(tt.nodes) {
				t.Errorf("ei_nodes %v, want %d nodes", r.EINodes, len(tt.nodes))
			}
			for k, want := range tt.nodes {
				same("node "+k, r.EINodes[k], want)
			}
			for k, want := range tt.group {
				same("group "+k, r.EIGroups[k], want)
			}
			same("whole", *r.EINetwork, tt.whole)
		})
	}
	// hand values of the indexes themselves
	if v := *ei(2, 1).Index; math.Abs(v-1.0/3) > 1e-15 {
		t.Errorf("gov E-I %v, want 1/3", v)
	}
	if v := *ei(3, 1).Index; v != 0.5 {
		t.Errorf("A's unit E-I %v, want 0.5", v)
	}
	// sector level: the sectors' graph has the one tie gov–uni (weight 2
	// records: A–C, B–C); A–B and a1–a2 fall inside gov.
	sect := Coarsen(Coarsen(UnitLinks(levelLinks), unitOrg), orgSector)
	g, _, err := FromLinks([]string{"gov", "uni"}, sect, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if g.Nodes() != 2 || g.Edges() != 1 || g.TotalWeight() != 2 {
		t.Errorf("sector graph: %d nodes %d edges weight %v, want 2 1 2", g.Nodes(), g.Edges(), g.TotalWeight())
	}
}

func TestCoarsenKeepsLinkFields(t *testing.T) {
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	in := []Link{{From: "A", To: "B", FromUnit: "a1", Directed: true, At: at, Kind: "training"}}
	u := UnitLinks(in)
	if u[0].From != "a1" || u[0].To != "B" || !u[0].Directed || !u[0].At.Equal(at) || u[0].Kind != "training" {
		t.Errorf("UnitLinks: %+v", u[0])
	}
	c := Coarsen(u, map[string]string{"a1": "A", "A": "gov", "B": "gov"})
	if c[0].From != "A" || c[0].To != "gov" || c[0].FromUnit != "" {
		t.Errorf("Coarsen applies one step only: %+v", c[0])
	}
	if in[0].From != "A" {
		t.Error("UnitLinks changed its input")
	}
}
