package network

import (
	"math"
	"reflect"
	"testing"
)

func TestLayoutCircle(t *testing.T) {
	if got := CircleLayout(0, nil); len(got) != 0 {
		t.Fatalf("empty: %v", got)
	}
	one := CircleLayout(1, []int{0})
	if one[0].X < 0.05 || one[0].X > 0.95 {
		t.Fatalf("single node out of bounds: %v", one)
	}
	comm := []int{0, 0, 0, 0, 1, 1, 1, 2, 2, 3}
	a, b := CircleLayout(len(comm), comm), CircleLayout(len(comm), comm)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("layout is not deterministic")
	}
	for i, p := range a {
		if p.X < 0.05 || p.X > 0.95 || p.Y < 0.05 || p.Y > 0.95 {
			t.Fatalf("node %d out of bounds: %v", i, p)
		}
		for j := 0; j < i; j++ {
			if math.Hypot(p.X-a[j].X, p.Y-a[j].Y) < 1e-6 {
				t.Fatalf("nodes %d and %d overlap", i, j)
			}
		}
	}
	// members of a community are closer to each other than to other communities
	d := func(i, j int) float64 { return math.Hypot(a[i].X-a[j].X, a[i].Y-a[j].Y) }
	if !(d(0, 2) < d(0, 4) && d(4, 5) < d(4, 7) && d(7, 8) < d(7, 0)) {
		t.Fatalf("communities are not grouped: %v", a)
	}
	// nodes without a community number get their own group
	if short := CircleLayout(3, []int{0}); len(short) != 3 || short[1] == short[2] {
		t.Fatalf("short community slice: %v", short)
	}
	// on a karate-sized graph the Louvain partition lays out without panics
	g := barbell(t)
	part, _ := g.Louvain(1, 1)
	if pts := CircleLayout(g.Nodes(), part); len(pts) != g.Nodes() {
		t.Fatalf("len %d", len(pts))
	}
}
