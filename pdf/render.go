package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// ptMM converts points to millimetres, fpdf's unit here.
const ptMM = 25.4 / 72

// renderer lays a Document out on one fpdf.Fpdf (one pass).
type renderer struct {
	d     *Document
	f     *fpdf.Fpdf
	added [4]bool
	pages []int    // page of each heading
	links []int    // link ids of the headings, for the table of contents
	toc   []tocRef // where the contents' page numbers go
	lh    float64
	w, h  float64 // page size
	face  int     // the current face, index of styles
	// glyphs and opBuf serve the engine's own text writing (fasttext.go)
	glyphs [4]*glyphs
	opBuf  []byte
	colors struct { // the colours of the last text written, and its colour operator
		rgb [6]int
		op  string
		own bool // text colour differs from the fill colour
	}
	left  float64 // left margin
	width float64 // text width
}

func newRenderer(d *Document) *renderer {
	o := d.o
	w, h := o.Paper.size()
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	f.SetMargins(o.Margins.Left, o.Margins.Top, o.Margins.Right)
	f.SetAutoPageBreak(true, o.Margins.Bottom)
	f.SetCellMargin(0)
	f.SetCompression(false) // deflate compresses the pages afterwards
	f.SetCatalogSort(true)
	lang := o.Lang
	switch strings.ToLower(lang) {
	case "id":
		lang = "id-ID"
	case "en":
		lang = "en-US"
	}
	f.SetLang(lang)
	f.SetTitle(o.Title, true)
	f.SetAuthor(o.Author, true)
	f.SetSubject(o.Subject, true)
	f.SetKeywords(strings.Join(o.Keywords, ", "), true)
	f.SetCreator("Sinergi", true)
	created := o.Created
	if created.IsZero() {
		created = time.Now()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetDisplayMode("fullwidth", "continuous")
	r := &renderer{d: d, f: f, w: w, h: h, left: o.Margins.Left,
		width: w - o.Margins.Left - o.Margins.Right, lh: d.LineHeight() * ptMM}
	f.SetHeaderFuncMode(r.header, false)
	f.SetFooterFunc(r.footer)
	return r
}

// run lays out every block.
func (r *renderer) run() error {
	for range r.d.heads {
		r.links = append(r.links, r.f.AddLink())
	}
	r.f.AddPage()
	for _, b := range r.d.blocks {
		b(r)
		if r.f.Err() {
			break
		}
	}
	r.finish()
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// tocRef is the place of one page number in the table of contents.
type tocRef struct {
	head, page int
	x, y, w    float64
	style      string
}

// finish writes what needed the whole layout: the contents' page numbers
// and "Halaman X dari Y", going back to each page.
func (r *renderer) finish() {
	last := r.f.PageCount()
	r.f.SetAutoPageBreak(false, 0) // the footer sits in the bottom margin
	r.f.SetFillColor(0, 0, 0)      // text takes the fill colour; set it on every page written
	for _, t := range r.toc {
		r.f.SetPage(t.page)
		r.f.SetFillColor(0, 0, 0)
		r.font(t.style, r.d.o.FontSize)
		r.f.SetXY(t.x, t.y)
		r.f.CellFormat(t.w, r.lh, strconv.Itoa(r.pages[t.head]), "", 0, "R", false, r.links[t.head], "")
	}
	if r.d.o.PageNumbers == FooterNumbers {
		o := r.d.o
		for p := 1; p <= last; p++ {
			r.f.SetPage(p)
			r.f.SetFillColor(0, 0, 0)
			r.font("", 10)
			r.f.SetXY(r.left, r.h-o.Margins.Bottom/2-3)
			r.f.CellFormat(r.width, 5, fmt.Sprintf(r.d.word("Halaman %d dari %d", "Page %d of %d"), p, last), "", 0, "C", false, 0, "")
		}
	}
	r.f.SetPage(last)
}

// font selects a face of the body font ("", "B", "I", "BI") at size pt,
// embedding it on first use.
func (r *renderer) font(style string, size float64) {
	i := map[string]int{"": 0, "B": 1, "I": 2, "BI": 3}[style]
	if !r.added[i] {
		r.f.AddUTF8FontFromBytes(family, styles[i], r.d.fonts.faces[i].ttf)
		r.added[i] = true
	}
	r.f.SetFont(family, styles[i], size)
	r.face = i
}

// body selects the regular body font.
func (r *renderer) body() { r.font("", r.d.o.FontSize) }

// lineOf is the single line height of size pt, in mm.
func (r *renderer) lineOf(size float64) float64 { return size * r.d.fonts.faces[0].lineEm * ptMM }

// bottom is the y where the text area ends.
func (r *renderer) bottom() float64 { return r.h - r.d.o.Margins.Bottom }

// need starts a new page unless h mm fit below the current position.
func (r *renderer) need(h float64) {
	if r.f.GetY()+h > r.bottom() && r.f.GetY() > r.d.o.Margins.Top+0.01 {
		r.f.AddPage()
	}
}

// gap moves down by h mm (not past the end of the page) and back to the left margin.
func (r *renderer) gap(h float64) {
	if r.f.GetY()+h > r.bottom() {
		h = max(0, r.bottom()-r.f.GetY())
	}
	r.f.Ln(h)
}

// header writes the classification mark and, for TopNumbers, "- n -".
func (r *renderer) header() {
	defer r.keepFace()()
	o := r.d.o
	if m := o.Classification.mark(); m != "" {
		r.mark(m, o.Margins.Top/2-5)
	}
	if o.PageNumbers == TopNumbers && r.f.PageNo() > 1 {
		r.font("", o.FontSize)
		y := o.Margins.Top/2 - 2.5
		if o.Classification.mark() != "" {
			y += 2.5
		}
		r.f.SetXY(r.left, y)
		r.f.CellFormat(r.width, 5, "- "+strconv.Itoa(r.f.PageNo())+" -", "", 0, "C", false, 0, "")
	}
	r.f.SetXY(r.left, o.Margins.Top)
}

// footer writes the classification mark (page numbers come in finish).
func (r *renderer) footer() {
	defer r.keepFace()()
	o := r.d.o
	if m := o.Classification.mark(); m != "" {
		r.mark(m, r.h-o.Margins.Bottom/2+1)
	}
}

// keepFace returns what notes the current face again once fpdf has
// restored the font after a header or footer.
func (r *renderer) keepFace() func() {
	face := r.face
	return func() { r.face = face }
}

// mark writes a classification mark in bold red capitals, centred at y.
func (r *renderer) mark(m string, y float64) {
	r.font("B", 12)
	r.f.SetTextColor(200, 0, 0)
	r.f.SetXY(r.left, y)
	r.f.CellFormat(r.width, 5, m, "", 0, "C", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
}
