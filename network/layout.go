package network

import (
	"math"
	"sort"
)

// Point is a position in the unit square.
type Point struct{ X, Y float64 }

// CircleLayout places n nodes for drawing, grouped by community: every
// community gets an arc of a large circle proportional to its size, and its
// members sit on a small circle around the middle of that arc, in node
// order. Pure and deterministic; all points lie in [0.05, 0.95]². community
// holds a community number per node (as from Louvain); a nil or short slice
// puts the missing nodes each in its own group.
func CircleLayout(n int, community []int) []Point {
	pts := make([]Point, n)
	if n == 0 {
		return pts
	}
	comm := func(i int) int {
		if i < len(community) && community[i] >= 0 {
			return community[i]
		}
		return -1 - i // its own group
	}
	members := map[int][]int{}
	var keys []int
	for i := 0; i < n; i++ {
		c := comm(i)
		if _, ok := members[c]; !ok {
			keys = append(keys, c)
		}
		members[c] = append(members[c], i)
	}
	// largest groups first, then by first member
	sort.SliceStable(keys, func(a, b int) bool { return len(members[keys[a]]) > len(members[keys[b]]) })
	if len(keys) == 1 {
		ring(pts, members[keys[0]], 0.5, 0.5, 0.45, 0)
		return pts
	}
	const big = 0.32 // radius of the circle of community centres
	var total float64
	for _, c := range keys {
		total += float64(len(members[c])) + 1
	}
	start := -math.Pi / 2
	for _, c := range keys {
		m := members[c]
		arc := 2 * math.Pi * (float64(len(m)) + 1) / total
		mid := start + arc/2
		start += arc
		cx, cy := 0.5+big*math.Cos(mid), 0.5+big*math.Sin(mid)
		r := 0.0
		if len(m) > 1 {
			r = min(0.13, 0.9*big*math.Sin(min(arc/2, math.Pi/2)))
		}
		ring(pts, m, cx, cy, r, mid)
	}
	return pts
}

// ring puts nodes evenly on a circle of radius r around (cx, cy), starting
// at angle a0.
func ring(pts []Point, nodes []int, cx, cy, r, a0 float64) {
	for k, i := range nodes {
		a := a0 + 2*math.Pi*float64(k)/float64(len(nodes))
		pts[i] = Point{clamp(cx + r*math.Cos(a)), clamp(cy + r*math.Sin(a))}
	}
}

func clamp(x float64) float64 { return max(0.05, min(0.95, x)) }
