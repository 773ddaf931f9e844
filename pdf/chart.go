package pdf

import (
	"math"
	"strconv"
	"strings"
)

// Series is one named row of values of a chart.
type Series struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// Chart is the data of a bar or line chart: one value per label and series,
// the same struct the web views draw from.
type Chart struct {
	Caption string   `json:"caption,omitempty"` // "Gambar 2. Caption"
	Labels  []string `json:"labels"`            // categories along the x axis
	Series  []Series `json:"series"`
	Unit    string   `json:"unit,omitempty"`   // written above the y axis
	Source  string   `json:"source,omitempty"` // "Sumber: …"
	Height  float64  `json:"-"`                // plot height in mm; 0: 70
}

// Node is a vertex of a network snapshot at a given position (any scale:
// the drawing is fitted to the page).
type Node struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Group int     `json:"group,omitempty"` // colour (e.g. a community or a sector)
	Size  float64 `json:"size,omitempty"`  // relative size; 0: 1
}

// Edge joins two nodes; its line width follows Weight.
type Edge struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Weight float64 `json:"weight,omitempty"`
}

// Network is a snapshot of a collaboration network.
type Network struct {
	Caption string  `json:"caption,omitempty"`
	Nodes   []Node  `json:"nodes"`
	Edges   []Edge  `json:"edges"`
	Source  string  `json:"source,omitempty"`
	Height  float64 `json:"-"` // mm; 0: 90
}

// palette holds the colours of series and groups.
var palette = [][3]int{{31, 95, 160}, {214, 110, 30}, {46, 140, 70}, {170, 40, 50}, {120, 80, 160}, {110, 110, 110}, {20, 150, 160}, {190, 150, 20}}

func (r *renderer) color(i int, fill bool) {
	c := palette[((i%len(palette))+len(palette))%len(palette)]
	if fill {
		r.f.SetFillColor(c[0], c[1], c[2])
	} else {
		r.f.SetDrawColor(c[0], c[1], c[2])
	}
}

// BarChart adds a grouped bar chart drawn as vectors.
func (d *Document) BarChart(c Chart) { d.chart(c, true) }

// LineChart adds a line chart drawn as vectors.
func (d *Document) LineChart(c Chart) { d.chart(c, false) }

func (d *Document) chart(c Chart, bars bool) {
	d.fig++
	n := d.fig
	d.blocks = append(d.blocks, func(r *renderer) { r.chart(n, c, bars) })
}

// niceScale returns axis bounds and a step of 1, 2 or 5 × 10^k.
func niceScale(lo, hi float64) (float64, float64, float64) {
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * p
	for _, m := range []float64{1, 2, 5} {
		if raw <= m*p {
			step = m * p
			break
		}
	}
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

func (r *renderer) chart(n int, c Chart, bars bool) {
	ph := c.Height
	if ph <= 0 {
		ph = 70
	}
	fs := r.d.o.FontSize - 3
	small := r.lineOf(fs)
	legend := 0.0
	if len(c.Series) > 1 {
		legend = small + 2
	}
	r.need(r.lineOf(r.d.o.FontSize-1)*2 + legend + ph + 2*small + 8)
	if c.Caption != "" {
		r.caption(r.d.word("Gambar", "Figure"), n, c.Caption)
	}
	lo, hi := 0.0, 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	lo, hi, step := niceScale(lo, hi)
	r.font("", fs)
	axisW := 0.0
	for v := lo; v <= hi+step/2; v += step {
		axisW = max(axisW, r.f.GetStringWidth(fmtNum(v)))
	}
	unit := 0.0
	if c.Unit != "" {
		unit = small + 1
	}
	y := r.f.GetY()
	top := y + legend + unit + small/2
	x0, x1 := r.left+axisW+2, r.left+r.width
	y0, y1 := top+ph, top // y0 is the axis at lo
	yOf := func(v float64) float64 { return y0 - (v-lo)/(hi-lo)*(y0-y1) }
	// legend
	if legend > 0 {
		lx := x0
		for i, s := range c.Series {
			r.color(i, true)
			r.f.Rect(lx, y+0.8, 3, 3, "F")
			r.f.SetXY(lx+4, y)
			r.cell(r.f.GetStringWidth(s.Name)+2, small, s.Name, 0, "L")
			lx += r.f.GetStringWidth(s.Name) + 10
		}
	}
	if c.Unit != "" {
		r.f.SetXY(r.left, y+legend)
		r.cell(r.width, small, c.Unit, 0, "L")
	}
	// grid and y labels
	r.f.SetLineWidth(0.15)
	for v := lo; v <= hi+step/2; v += step {
		y := yOf(v)
		r.f.SetDrawColor(210, 210, 210)
		r.f.Line(x0, y, x1, y)
		r.f.SetXY(r.left, y-small/2)
		r.cell(axisW, small, fmtNum(v), 0, "R")
	}
	r.f.SetDrawColor(60, 60, 60)
	r.f.SetLineWidth(0.3)
	r.f.Line(x0, yOf(math.Max(lo, 0)), x1, yOf(math.Max(lo, 0)))
	r.f.Line(x0, y0, x0, y1)
	k := max(len(c.Labels), 1)
	for _, s := range c.Series {
		k = max(k, len(s.Values))
	}
	gw := (x1 - x0) / float64(k)
	ns := max(len(c.Series), 1)
	for si, s := range c.Series {
		var px, py float64
		for i, v := range s.Values {
			if bars {
				bw := gw * 0.8 / float64(ns)
				bx := x0 + float64(i)*gw + gw*0.1 + float64(si)*bw
				ya, yb := yOf(math.Max(lo, 0)), yOf(v)
				r.color(si, true)
				r.f.Rect(bx, math.Min(ya, yb), bw, math.Abs(ya-yb), "F")
				continue
			}
			cx, cy := x0+(float64(i)+0.5)*gw, yOf(v)
			r.color(si, false)
			r.color(si, true)
			r.f.SetLineWidth(0.5)
			if i > 0 {
				r.f.Line(px, py, cx, cy)
			}
			r.f.Circle(cx, cy, 0.8, "F")
			px, py = cx, cy
		}
	}
	// x labels, shortened to fit their slot
	r.f.SetTextColor(0, 0, 0)
	r.font("", fs)
	for i, l := range c.Labels {
		for r.f.GetStringWidth(l) > gw-1 && len([]rune(l)) > 2 {
			rs := []rune(strings.TrimSuffix(l, "…"))
			l = string(rs[:len(rs)-1]) + "…"
		}
		r.f.SetXY(x0+float64(i)*gw, y0+1)
		r.cell(gw, small, l, 0, "C")
	}
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.2)
	r.f.SetXY(r.left, y0+small+2)
	if c.Source != "" {
		r.source(c.Source)
	}
	r.gap(paraAfter)
}

// Network adds a network snapshot: nodes at their positions, labelled,
// coloured by group, with edges as wide as their weight.
func (d *Document) Network(g Network) {
	d.fig++
	n := d.fig
	d.blocks = append(d.blocks, func(r *renderer) { r.network(n, g) })
}

func (r *renderer) network(n int, g Network) {
	ph := g.Height
	if ph <= 0 {
		ph = 90
	}
	r.need(r.lineOf(r.d.o.FontSize-1)*2 + ph + 8)
	if g.Caption != "" {
		r.caption(r.d.word("Gambar", "Figure"), n, g.Caption)
	}
	top := r.f.GetY()
	r.f.SetDrawColor(200, 200, 200)
	r.f.SetLineWidth(0.2)
	r.f.Rect(r.left, top, r.width, ph, "D")
	if len(g.Nodes) == 0 {
		r.f.SetXY(r.left, top+ph+2)
		r.gap(paraAfter)
		return
	}
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, v := range g.Nodes {
		minX, maxX, minY, maxY = min(minX, v.X), max(maxX, v.X), min(minY, v.Y), max(maxY, v.Y)
	}
	pad := 10.0
	bw, bh := r.width-2*pad-25, ph-2*pad // room on the right for labels
	sx, sy := bw/math.Max(maxX-minX, 1e-9), bh/math.Max(maxY-minY, 1e-9)
	s := math.Min(sx, sy)
	ox := r.left + pad + (bw-(maxX-minX)*s)/2
	oy := top + pad + (bh-(maxY-minY)*s)/2
	pos := map[string][2]float64{}
	for _, v := range g.Nodes {
		pos[v.ID] = [2]float64{ox + (v.X-minX)*s, oy + (v.Y-minY)*s}
	}
	maxW := 0.0
	for _, e := range g.Edges {
		maxW = max(maxW, e.Weight)
	}
	r.f.SetDrawColor(150, 150, 150)
	for _, e := range g.Edges {
		a, ok1 := pos[e.From]
		b, ok2 := pos[e.To]
		if !ok1 || !ok2 {
			continue
		}
		w := 0.3
		if maxW > 0 {
			w = 0.2 + 1.3*e.Weight/maxW
		}
		r.f.SetLineWidth(w)
		r.f.Line(a[0], a[1], b[0], b[1])
	}
	r.f.SetLineWidth(0.2)
	r.f.SetDrawColor(255, 255, 255)
	fs := r.d.o.FontSize - 4
	r.font("", fs)
	for _, v := range g.Nodes {
		p := pos[v.ID]
		rad := 1.8
		if v.Size > 0 {
			rad = 1.2 + 1.2*math.Sqrt(v.Size)
		}
		r.color(v.Group, true)
		r.f.Circle(p[0], p[1], rad, "FD")
		r.f.SetXY(p[0]+rad+0.8, p[1]-r.lineOf(fs)/2)
		r.cell(r.f.GetStringWidth(v.Label)+1, r.lineOf(fs), v.Label, 0, "L")
	}
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetXY(r.left, top+ph+1)
	if g.Source != "" {
		r.source(g.Source)
	}
	r.gap(paraAfter)
}
