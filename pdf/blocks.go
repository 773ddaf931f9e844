package pdf

import (
	"strconv"
	"strings"
)

// paraAfter is the space after a paragraph or list, in mm (6 pt).
const paraAfter = 6 * ptMM

// Title adds the document title: bold, centred, larger, not numbered.
func (d *Document) Title(text string) {
	d.blocks = append(d.blocks, func(r *renderer) {
		r.font("B", r.d.o.FontSize+4)
		r.f.SetX(r.left)
		r.multiCell(r.width, r.lineOf(r.d.o.FontSize+4)*1.2, text, "C")
		r.gap(r.lh)
	})
}

// Heading adds a numbered heading: level 1 → "1", 2 → "1.1", 3 → "1.1.1"
// (deeper levels count as 3). It appears in the table of contents.
func (d *Document) Heading(level int, text string) {
	level = min(max(level, 1), 3)
	d.num[level-1]++
	for i := level; i < 3; i++ {
		d.num[i] = 0
	}
	parts := make([]string, level)
	for i := range level {
		parts[i] = strconv.Itoa(d.num[i])
	}
	h := heading{level: level, num: strings.Join(parts, "."), text: text}
	i := len(d.heads)
	d.heads = append(d.heads, h)
	d.blocks = append(d.blocks, func(r *renderer) { r.heading(i, h) })
}

func (r *renderer) heading(i int, h heading) {
	size, style := r.d.o.FontSize, "B"
	switch h.level {
	case 1:
		size += 2
	case 3:
		style = "BI"
	}
	lh := r.lineOf(size) * r.d.o.LineSpacing
	if r.f.GetY() > r.d.o.Margins.Top+0.01 {
		r.gap(lh * 0.5)
	}
	r.need(lh + 3*r.lh) // keep the heading with the first lines under it
	r.pages = append(r.pages, r.f.PageNo())
	r.f.SetLink(r.links[i], r.f.GetY(), r.f.PageNo())
	r.font(style, size)
	r.f.Bookmark(h.num+" "+h.text, h.level-1, -1)
	numW := r.f.GetStringWidth(h.num) + size*ptMM
	r.f.SetX(r.left)
	r.cell(numW, lh, h.num, 0, "L")
	r.multiCell(r.width-numW, lh, h.text, "L")
	r.gap(lh * 0.25)
}

// Paragraph adds a justified paragraph of body text. "\n" breaks a line.
func (d *Document) Paragraph(text string) {
	d.blocks = append(d.blocks, func(r *renderer) {
		r.body()
		r.f.SetX(r.left)
		r.multiCell(r.width, r.lh, text, "J")
		r.gap(paraAfter)
	})
}

// Bullets adds a bulleted list.
func (d *Document) Bullets(items ...string) { d.list(false, items) }

// Numbered adds a numbered list (1., 2., …).
func (d *Document) Numbered(items ...string) { d.list(true, items) }

func (d *Document) list(numbered bool, items []string) {
	d.blocks = append(d.blocks, func(r *renderer) {
		r.body()
		r.items(r.left, r.width, numbered, items)
		r.gap(paraAfter)
	})
}

// items writes a list whose markers start at x, within width w.
func (r *renderer) items(x, w float64, numbered bool, items []string) {
	ind := r.f.GetStringWidth("00.") + 2.5
	for i, it := range items {
		m := "•"
		if numbered {
			m = strconv.Itoa(i+1) + "."
		}
		r.need(r.lh)
		r.f.SetX(x)
		r.cell(ind, r.lh, m, 0, "L")
		r.multiCell(w-ind, r.lh, it, "J")
	}
}

// PageBreak starts a new page.
func (d *Document) PageBreak() {
	d.blocks = append(d.blocks, func(r *renderer) { r.f.AddPage() })
}

// Space adds vertical space of mm millimetres.
func (d *Document) Space(mm float64) {
	d.blocks = append(d.blocks, func(r *renderer) { r.gap(mm) })
}

// KV is one line of a key–value block.
type KV struct{ Key, Value string }

// KeyValues adds lines of "key : value" with the colons aligned.
func (d *Document) KeyValues(kv ...KV) {
	d.blocks = append(d.blocks, func(r *renderer) {
		r.body()
		kw := 0.0
		for _, p := range kv {
			kw = max(kw, r.f.GetStringWidth(p.Key))
		}
		kw = min(kw+2, r.width*0.4)
		for _, p := range kv {
			r.need(r.lh)
			r.kvLine(r.left, kw, r.width, p.Key, p.Value)
		}
		r.gap(paraAfter)
	})
}

// kvLine writes "key : value" at x: key in kw mm, colon, value wrapped
// within the rest of w. It returns the width of the key and colon columns.
func (r *renderer) kvLine(x, kw, w float64, key, value string) float64 {
	cw := r.f.GetStringWidth(":") + 2
	r.f.SetX(x)
	r.cell(kw, r.lh, key, 0, "L")
	r.cell(cw, r.lh, ":", 0, "L")
	r.multiCell(w-kw-cw, r.lh, value, "L")
	return kw + cw
}

// Contents adds the table of contents here: every heading with the page it
// is on, dotted leaders and links. The entries' page numbers are written
// when the layout is done.
func (d *Document) Contents() {
	d.blocks = append(d.blocks, func(r *renderer) {
		r.font("B", r.d.o.FontSize+2)
		r.f.SetX(r.left)
		r.cell(r.width, r.lineOf(r.d.o.FontSize+2)*r.d.o.LineSpacing, r.d.word("Daftar Isi", "Contents"), 1, "C")
		r.gap(r.lh * 0.5)
		numW := 12.0 // the page number column
		for i, h := range r.d.heads {
			style := ""
			if h.level == 1 {
				style = "B"
			}
			r.font(style, r.d.o.FontSize)
			ind := float64(h.level-1) * 8
			label := h.num + "  " + h.text
			tw := r.width - ind - numW - 2
			lines := r.f.SplitText(label, tw)
			r.need(float64(len(lines)) * r.lh)
			for j, ln := range lines {
				r.f.SetX(r.left + ind)
				if j < len(lines)-1 {
					r.f.CellFormat(tw, r.lh, ln, "", 1, "L", false, r.links[i], "")
					continue
				}
				lw := r.f.GetStringWidth(ln)
				r.f.CellFormat(lw, r.lh, ln, "", 0, "L", false, r.links[i], "")
				dots := r.width - ind - lw - numW - 2
				if dw := r.f.GetStringWidth(" ."); dots > dw {
					r.f.SetX(r.left + ind + lw + 1)
					r.cell(dots, r.lh, strings.Repeat(" .", int(dots/dw)), 0, "R")
				}
				r.toc = append(r.toc, tocRef{head: i, page: r.f.PageNo(), x: r.left + r.width - numW, y: r.f.GetY(), w: numW, style: style})
				r.f.Ln(r.lh)
			}
		}
		r.gap(paraAfter)
	})
}
