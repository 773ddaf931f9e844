package pdf

import "strconv"

// Column is a column of a Table.
type Column struct {
	Title string  `json:"title"`
	Width float64 `json:"width,omitempty"` // share of the table width (any unit; 0: 1)
	Align string  `json:"align,omitempty"` // "L" (default), "R" or "C"
}

// Table is a table whose header row is repeated on every page it spans.
type Table struct {
	Caption string     `json:"caption,omitempty"` // written as "Tabel 3. Caption"
	Columns []Column   `json:"columns"`
	Rows    [][]string `json:"rows"`
	Source  string     `json:"source,omitempty"` // written under it as "Sumber: …"
}

// tablePad is the padding inside a cell, in mm.
const tablePad = 1.2

// Table adds a table. Text wraps within its cell; a row never splits
// between pages (a row taller than a page runs past its end).
func (d *Document) Table(t Table) {
	if len(t.Columns) == 0 {
		return
	}
	d.tab++
	n := d.tab
	d.blocks = append(d.blocks, func(r *renderer) { r.table(n, t) })
}

func (r *renderer) table(n int, t Table) {
	size := r.d.o.FontSize - 1
	lh := r.lineOf(size) * 1.15
	total := 0.0
	for _, c := range t.Columns {
		total += colWeight(c)
	}
	ws := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		ws[i] = r.width * colWeight(c) / total
	}
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Title
	}
	r.font("B", size)
	headLines, headH := r.rowLines(head, ws, lh)
	if t.Caption != "" {
		r.need(lh*2 + headH + lh + 2*tablePad)
		r.caption(r.d.word("Tabel", "Table"), n, t.Caption)
	}
	r.f.SetDrawColor(90, 90, 90)
	r.f.SetLineWidth(0.2)
	r.need(headH + lh + 2*tablePad)
	r.row(headLines, t.Columns, ws, lh, headH, true)
	r.font("", size)
	for _, row := range t.Rows {
		lines, h := r.rowLines(row, ws, lh)
		if r.f.GetY()+h > r.bottom() {
			r.f.AddPage()
			r.font("B", size)
			r.row(headLines, t.Columns, ws, lh, headH, true)
			r.font("", size)
		}
		r.row(lines, t.Columns, ws, lh, h, false)
	}
	if t.Source != "" {
		r.source(t.Source)
	}
	r.gap(paraAfter)
}

func colWeight(c Column) float64 {
	if c.Width <= 0 {
		return 1
	}
	return c.Width
}

// rowLines wraps the cells of a row in the current font and returns the
// lines of each cell and the height of the row.
func (r *renderer) rowLines(cells []string, ws []float64, lh float64) ([][]string, float64) {
	n := 1
	lines := make([][]string, len(ws))
	for i, w := range ws {
		if i < len(cells) {
			lines[i] = r.f.SplitText(cells[i], w-2*tablePad)
			n = max(n, len(lines[i]))
		}
	}
	return lines, float64(n)*lh + 2*tablePad
}

// row draws one row of height h at the current position.
func (r *renderer) row(cells [][]string, cols []Column, ws []float64, lh, h float64, header bool) {
	x, y := r.left, r.f.GetY()
	r.f.SetAutoPageBreak(false, 0)
	defer r.f.SetAutoPageBreak(true, r.d.o.Margins.Bottom)
	for i, w := range ws {
		style := "D"
		if header {
			r.f.SetFillColor(225, 230, 238)
			style = "FD"
		}
		r.f.Rect(x, y, w, h, style)
		align := cols[i].Align
		if header || align == "" {
			align = "L"
		}
		for j, ln := range cells[i] {
			r.f.SetXY(x+tablePad, y+tablePad+float64(j)*lh)
			r.cell(w-2*tablePad, lh, ln, 0, align)
		}
		x += w
	}
	r.f.SetXY(r.left, y+h)
}

// caption writes "Tabel 3. Text" (or "Gambar 3. Text") in bold.
func (r *renderer) caption(word string, n int, text string) {
	r.font("B", r.d.o.FontSize-1)
	r.f.SetX(r.left)
	r.multiCell(r.width, r.lineOf(r.d.o.FontSize-1)*1.3, word+" "+strconv.Itoa(n)+". "+text, "L")
	r.f.Ln(1)
}

// source writes "Sumber: …" under a table or figure.
func (r *renderer) source(text string) {
	r.font("I", r.d.o.FontSize-2)
	r.f.Ln(1)
	r.f.SetX(r.left)
	r.multiCell(r.width, r.lineOf(r.d.o.FontSize-2)*1.2, r.d.word("Sumber: ", "Source: ")+text, "L")
}
