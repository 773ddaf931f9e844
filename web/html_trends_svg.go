package web

import (
	"math"
	"strconv"
	"strings"
)

// lineChart is a server-side SVG line chart (no script, no style
// attributes): quarters along x, counts on the left axis and, for series
// marked Share, 0–100 % on the right axis.
type lineChart struct {
	W, H           int
	Left, Right    float64 // x of the plot's edges
	Top, Bottom    float64 // y of the plot's edges
	XLabels        []chartLabel
	YLabels        []chartLabel // left axis, with grid lines
	Y2Labels       []chartLabel // right axis (shares)
	Series         []chartSeries
	Title, Summary string
}

type chartLabel struct {
	X, Y string
	Text string
}

type chartSeries struct {
	Name, Color, Dash string
	Segments          []string // polyline points; a gap where a value is missing
	Dots              []chartDot
	LegendX, LegendY  string
	LegendEnd         string // x where the legend's line sample ends
}

type chartDot struct{ X, Y, Title string }

// chartValues is one series before drawing: nil values are gaps.
type chartValues struct {
	Name   string
	Values []*float64
	Share  bool // 0..1, drawn on the right axis as %
	Format func(float64) string
}

// niceMax rounds a count up to 1, 2 or 5 × a power of ten (at least 4).
func niceMax(v float64) float64 {
	if v < 4 {
		return 4
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// drawLines lays out series over the x labels. Nil when there is nothing.
func drawLines(xs []string, series []chartValues) *lineChart {
	if len(xs) == 0 || len(series) == 0 {
		return nil
	}
	c := &lineChart{W: 720, H: 260, Left: 48, Right: 672, Top: 12, Bottom: 200}
	maxV := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if v != nil && !s.Share {
				maxV = max(maxV, *v)
			}
		}
	}
	top := niceMax(maxV)
	step := (c.Right - c.Left) / float64(max(1, len(xs)-1))
	x := func(i int) float64 {
		if len(xs) == 1 {
			return (c.Left + c.Right) / 2
		}
		return c.Left + float64(i)*step
	}
	y := func(v, top float64) float64 { return c.Bottom - v/top*(c.Bottom-c.Top) }
	every := max(1, int(math.Ceil(float64(len(xs))/12)))
	for i, l := range xs {
		if i%every == 0 || i == len(xs)-1 {
			c.XLabels = append(c.XLabels, chartLabel{f1(x(i)), f1(c.Bottom + 16), l})
		}
	}
	for k := 0; k <= 4; k++ {
		v := top * float64(k) / 4
		c.YLabels = append(c.YLabels, chartLabel{f1(c.Left - 6), f1(y(v, top)), strconv.FormatFloat(v, 'f', -1, 64)})
		c.Y2Labels = append(c.Y2Labels, chartLabel{f1(c.Right + 6), f1(y(v, top)), strconv.Itoa(25*k) + "%"})
	}
	for si, s := range series {
		d := chartSeries{Name: s.Name, Color: palette[si%len(palette)], LegendX: f1(c.Left + float64(si)*200), LegendEnd: f1(c.Left + float64(si)*200 + 20), LegendY: f1(c.Bottom + 44)}
		if s.Share {
			d.Dash = "6 4"
		}
		var seg []string
		flush := func() {
			if len(seg) > 0 {
				d.Segments = append(d.Segments, strings.Join(seg, " "))
			}
			seg = nil
		}
		for i, v := range s.Values {
			if v == nil {
				flush()
				continue
			}
			t := top
			if s.Share {
				t = 1
			}
			px, py := f1(x(i)), f1(y(*v, t))
			seg = append(seg, px+","+py)
			d.Dots = append(d.Dots, chartDot{px, py, xs[i] + ": " + s.Format(*v)})
		}
		flush()
		c.Series = append(c.Series, d)
	}
	return c
}
