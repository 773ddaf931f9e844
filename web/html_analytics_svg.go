package web

import (
	"fmt"
	"math"

	"sinergi/network"
	"sinergi/store"
)

// maxDrawn is the largest network drawn on /analytics; above it the page
// keeps only the tables.
const maxDrawn = 400

// netDrawing is the server-side SVG of the organisation network: no script,
// no style attributes (CSP), colours and sizes as presentation attributes.
type netDrawing struct {
	Size        int
	Nodes       []drawnNode
	Edges       []drawnEdge
	Communities int
	Labels      bool
	TooLarge    int // nodes, when not drawn
}

type drawnNode struct {
	X, Y, R, LX, LY string
	Fill, Label     string
	Title, Href     string
}

type drawnEdge struct{ X1, Y1, X2, Y2, Width string }

// palette: colour-blind-safe (Okabe–Ito) plus greys for small groups.
var palette = []string{"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"}

func f1(x float64) string { return fmt.Sprintf("%.1f", x) }

// drawNetwork lays out the analysed network: nodes coloured by Louvain
// community (grey for singletons), radius by betweenness, labelled when
// small enough. Nil when there is nothing to draw.
func drawNetwork(res *store.OrgNetwork) *netDrawing {
	g := res.Graph
	if g == nil || g.Nodes() == 0 {
		return nil
	}
	n := g.Nodes()
	if n > maxDrawn {
		return &netDrawing{TooLarge: n}
	}
	const size, pad = 720, 0.0
	part := make([]int, n)
	sizes := map[int]int{}
	for i := 0; i < n; i++ {
		c, ok := res.Communities[g.Name(i)]
		if !ok {
			c = -1
		}
		part[i] = c
		sizes[c]++
	}
	pts := network.CircleLayout(n, part)
	maxB := 0.0
	for i := 0; i < n; i++ {
		maxB = max(maxB, res.Betweenness[g.Name(i)])
	}
	d := &netDrawing{Size: size, Communities: res.CommunityCount, Labels: n <= 80}
	px := func(v float64) float64 { return pad + v*size }
	for i := 0; i < n; i++ {
		g.Neighbors(i, func(j int, w float64) {
			if j <= i {
				return
			}
			d.Edges = append(d.Edges, drawnEdge{f1(px(pts[i].X)), f1(px(pts[i].Y)), f1(px(pts[j].X)), f1(px(pts[j].Y)),
				f1(min(6, 0.6+math.Log1p(w)))})
		})
	}
	for i := 0; i < n; i++ {
		name := g.Name(i)
		b := res.Betweenness[name]
		r := 4.0
		if maxB > 0 {
			r += 12 * math.Sqrt(b/maxB)
		}
		fill := "#9e9e9e"
		if c := part[i]; c >= 0 && sizes[c] > 1 {
			fill = palette[c%len(palette)]
		}
		label := res.Labels[name]
		if label == "" {
			label = name
		}
		short := []rune(label)
		if len(short) > 28 {
			short = append(short[:27], '…')
		}
		x, y := px(pts[i].X), px(pts[i].Y)
		d.Nodes = append(d.Nodes, drawnNode{X: f1(x), Y: f1(y), R: f1(r), LX: f1(x + r + 2), LY: f1(y + 4), Fill: fill,
			Label: string(short), Title: fmt.Sprintf("%s — betweenness %.3f, community %d", label, b, part[i]+1), Href: res.Href(name)})
	}
	return d
}
