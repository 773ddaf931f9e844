package report

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"sinergi/pdf"
)

// PDFOptions are the settings of the PDF beyond the report's content.
type PDFOptions struct {
	FontDir string // Arial TTF files to embed instead of Liberation Sans
}

// PDF lays the report out through the document engine: A4, the body font
// 12 pt with 1.5 line spacing, numbered headings, contents, tables and
// vector charts. It returns the number of pages.
func (r *Report) PDF(w io.Writer, o PDFOptions) (int, error) {
	opts := pdf.Options{Title: r.Title + " — " + r.OrgName, Author: "Sinergi", Subject: "Laporan kolaborasi instansi " + r.OrgName + ", " + date(r.From) + " – " + date(r.To),
		Lang: "id", FontDir: o.FontDir, Keywords: []string{"tata kelola kolaboratif", "Whole of Government", "Bantuan Kedinasan"}}
	if r.Secret {
		opts.Classification = pdf.Rahasia
	}
	d, err := pdf.New(opts)
	if err != nil {
		return 0, err
	}
	d.Title(r.Title)
	d.KeyValues(r.Meta...)
	d.Title("Ringkasan")
	for _, b := range r.Summary {
		d.Paragraph(b.Text)
	}
	d.PageBreak()
	d.Contents()
	d.PageBreak()
	for _, b := range r.Blocks {
		switch b.Kind {
		case KHeading:
			if b.Level == 1 && b.Number != "1" {
				d.PageBreak()
			}
			d.Heading(b.Level, b.Text)
		case KPara:
			d.Paragraph(b.Text)
		case KBullets:
			d.Bullets(b.Items...)
		case KTable:
			d.Table(b.Table)
		case KBar:
			d.BarChart(b.Chart)
		case KNetwork:
			d.Network(b.Net)
		}
	}
	if err := d.Write(w); err != nil {
		return 0, err
	}
	return d.Pages(), nil
}

// HTML writes the same content as an HTML fragment (no <html> or <body>):
// headings with the same numbers, paragraphs, lists, tables with their
// sources, and the charts as inline SVG drawn from the same data.
func (r *Report) HTML() string {
	var b strings.Builder
	e := html.EscapeString
	b.WriteString(`<article class="report" lang="id">`)
	if r.Secret {
		b.WriteString(`<p class="report-secret"><strong>RAHASIA</strong></p>`)
	}
	b.WriteString(`<h1>` + e(r.Title) + `</h1><dl class="summary">`)
	for _, kv := range r.Meta {
		b.WriteString(`<div><dt>` + e(kv.Key) + `</dt><dd>` + e(kv.Value) + `</dd></div>`)
	}
	b.WriteString(`</dl><section class="report-summary"><h2>Ringkasan</h2>`)
	for _, x := range r.Summary {
		b.WriteString(`<p>` + e(x.Text) + `</p>`)
	}
	b.WriteString(`</section><nav class="report-toc"><h2>Daftar Isi</h2><ul>`)
	for _, x := range r.Blocks {
		if x.Kind == KHeading && x.Level <= 2 {
			b.WriteString(fmt.Sprintf(`<li class="depth-%d"><a href="#s%s">%s %s</a></li>`, x.Level-1, x.Number, x.Number, e(x.Text)))
		}
	}
	b.WriteString(`</ul></nav>`)
	tab, fig := 0, 0
	for _, x := range r.Blocks {
		switch x.Kind {
		case KHeading:
			lv := x.Level + 1
			b.WriteString(fmt.Sprintf(`<h%d id="s%s">%s %s</h%d>`, lv, x.Number, x.Number, e(x.Text), lv))
		case KPara:
			b.WriteString(`<p>` + e(x.Text) + `</p>`)
		case KBullets:
			b.WriteString(`<ul>`)
			for _, it := range x.Items {
				b.WriteString(`<li>` + e(it) + `</li>`)
			}
			b.WriteString(`</ul>`)
		case KTable:
			tab++
			t := x.Table
			b.WriteString(`<div class="table-wrap"><table><caption>` + e(fmt.Sprintf("Tabel %d. %s", tab, t.Caption)) + `</caption><thead><tr>`)
			for _, c := range t.Columns {
				b.WriteString(`<th scope="col">` + e(c.Title) + `</th>`)
			}
			b.WriteString(`</tr></thead><tbody>`)
			for _, row := range t.Rows {
				b.WriteString(`<tr>`)
				for i, c := range row {
					cls := ""
					if i < len(t.Columns) && t.Columns[i].Align == "R" {
						cls = ` class="num"`
					}
					b.WriteString(`<td` + cls + `>` + e(c) + `</td>`)
				}
				b.WriteString(`</tr>`)
			}
			b.WriteString(`</tbody></table></div><p class="source">Sumber: ` + e(t.Source) + `</p>`)
		case KBar:
			fig++
			b.WriteString(`<figure>` + barSVG(x.Chart) + `<figcaption>` + e(fmt.Sprintf("Gambar %d. %s", fig, x.Chart.Caption)) + `</figcaption><p class="source">Sumber: ` + e(x.Chart.Source) + `</p></figure>`)
		case KNetwork:
			fig++
			b.WriteString(`<figure>` + netSVG(x.Net) + `<figcaption>` + e(fmt.Sprintf("Gambar %d. %s", fig, x.Net.Caption)) + `</figcaption><p class="source">Sumber: ` + e(x.Net.Source) + `</p></figure>`)
		}
	}
	b.WriteString(fmt.Sprintf(`<p class="muted">Jumlah kata: %s.</p></article>`, num(r.WordCount())))
	return b.String()
}

var svgColors = []string{"#1f5fa0", "#d66e1e", "#2e8c46", "#aa2832", "#7850a0", "#6e6e6e", "#1496a0", "#be9614"}

func barSVG(c pdf.Chart) string {
	const w, h, left, bottom = 640.0, 260.0, 40.0, 60.0
	mx := 1.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			mx = math.Max(mx, v)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" style="max-width:100%%;height:auto">`, w, h, html.EscapeString(c.Caption))
	fmt.Fprintf(&b, `<line x1="%.0f" y1="10" x2="%.0f" y2="%.0f" stroke="#888"/><line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#888"/>`, left, left, h-bottom, left, h-bottom, w-10, h-bottom)
	fmt.Fprintf(&b, `<text x="4" y="14" font-size="11">%s</text><text x="4" y="%.0f" font-size="11">0</text><text x="4" y="24" font-size="11">%s</text>`, html.EscapeString(c.Unit), h-bottom, num(int(mx)))
	n := max(len(c.Labels), 1)
	gw := (w - left - 20) / float64(n)
	bw := gw * 0.8 / float64(max(len(c.Series), 1))
	for i, l := range c.Labels {
		x0 := left + 10 + float64(i)*gw
		for j, s := range c.Series {
			if i >= len(s.Values) {
				continue
			}
			bh := (h - bottom - 20) * s.Values[i] / mx
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %s</title></rect>`, x0+float64(j)*bw, h-bottom-bh, bw-2, bh, svgColors[j%len(svgColors)], html.EscapeString(s.Name), num(int(s.Values[i])))
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="10" text-anchor="middle">%s</text>`, x0+gw*0.4, h-bottom+14, html.EscapeString(l))
	}
	for j, s := range c.Series {
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="10" height="10" fill="%s"/><text x="%.0f" y="%.0f" font-size="11">%s</text>`, left+float64(j)*120, h-22, svgColors[j%len(svgColors)], left+float64(j)*120+14, h-13, html.EscapeString(s.Name))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func netSVG(g pdf.Network) string {
	const w, h, pad = 640.0, 420.0, 60.0
	pos := map[string][2]float64{}
	for _, n := range g.Nodes {
		pos[n.ID] = [2]float64{w/2 + n.X*(w/2-pad-60), h/2 + n.Y*(h/2-pad)}
	}
	mw := 1e-9
	for _, e := range g.Edges {
		mw = math.Max(mw, e.Weight)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" style="max-width:100%%;height:auto">`, w, h, html.EscapeString(g.Caption))
	for _, e := range g.Edges {
		a, c := pos[e.From], pos[e.To]
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999" stroke-width="%.2f"/>`, a[0], a[1], c[0], c[1], 0.6+2.4*e.Weight/mw)
	}
	for _, n := range g.Nodes {
		p := pos[n.ID]
		size := n.Size
		if size <= 0 {
			size = 1
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"><title>%s</title></circle>`, p[0], p[1], 6*size, svgColors[((n.Group%len(svgColors))+len(svgColors))%len(svgColors)], html.EscapeString(n.Label))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="11">%s</text>`, p[0]+8*size, p[1]+4, html.EscapeString(n.Label))
	}
	b.WriteString(`</svg>`)
	return b.String()
}
