// Package pdf is Sinergi's document engine: reports and official letters
// (surat dinas) written as PDF over codeberg.org/go-pdf/fpdf, in the format
// of tata naskah dinas (domain.md §6). A Document is built in Go, block by
// block, and laid out in one pass; the page numbers of the table of contents
// and "Halaman X dari Y" are written on their pages once the last page is
// known.
//
// The body font is Liberation Sans (Arial's metrics, SIL OFL), embedded and
// named as such in the PDF; Options.FontDir points to Arial's TrueType files
// to embed Arial instead. Line spacing is what a word processor means by it:
// LineSpacing × the font's natural line height (hhea ascender − descender +
// line gap), i.e. 20.7 pt baseline to baseline for 12 pt at 1.5.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Paper is the sheet size.
type Paper int

const (
	A4 Paper = iota // 210 × 297 mm, the default
	F4              // 215 × 330 mm ("folio")
)

// size is the sheet size in mm.
func (p Paper) size() (w, h float64) {
	if p == F4 {
		return 215, 330
	}
	return 210, 297
}

// Margins are in millimetres.
type Margins struct{ Top, Bottom, Left, Right float64 }

// DefaultMargins are those of tata naskah dinas: top 2 cm, bottom 2.5 cm,
// left 3 cm, right 2 cm.
var DefaultMargins = Margins{Top: 20, Bottom: 25, Left: 30, Right: 20}

// PageNumbers says where page numbers go.
type PageNumbers int

const (
	FooterNumbers PageNumbers = iota // "Halaman X dari Y" centred in the footer of every page (default)
	TopNumbers                       // "- 2 -" centred at the top from page 2 on, as in letters
	NoNumbers
)

// Options set up a Document. The zero value is an A4 report in Indonesian,
// Liberation Sans 12 pt, 1.5 line spacing, tata naskah dinas margins.
type Options struct {
	Paper       Paper
	Margins     Margins // zero: DefaultMargins
	FontSize    float64 // body size in pt; 0: 12
	LineSpacing float64 // multiple of the natural line height; 0: 1.5
	// FontDir holds arial.ttf, arialbd.ttf, ariali.ttf and arialbi.ttf (any
	// letter case) to embed Arial instead of Liberation Sans.
	FontDir string
	// Lang is "id" (default) or "en": the words the engine writes itself
	// (page numbers, contents, captions) and the PDF's /Lang (id-ID, en-US).
	Lang        string
	PageNumbers PageNumbers
	// Classification marks every page at the top and bottom centre in red
	// when it is SR (SANGAT RAHASIA) or R (RAHASIA).
	Classification Classification

	Title, Author, Subject string
	Keywords               []string
	Created                time.Time // creation date in the metadata; zero: now
}

// Document is a document being built. Add blocks in reading order, then
// Write it. A Document is not safe for concurrent use.
type Document struct {
	o      Options
	fonts  *fontSet
	blocks []func(*renderer)
	heads  []heading
	num    [3]int // heading counters
	fig    int    // figure counter
	tab    int    // table counter
	pages  int
}

// heading is one numbered heading, for the table of contents.
type heading struct {
	level     int
	num, text string
}

// New starts a document. It fails when the paper or margins are impossible
// or the fonts cannot be read.
func New(o Options) (*Document, error) {
	if o.Margins == (Margins{}) {
		o.Margins = DefaultMargins
	}
	if o.FontSize <= 0 {
		o.FontSize = 12
	}
	if o.LineSpacing <= 0 {
		o.LineSpacing = 1.5
	}
	if o.Lang == "" {
		o.Lang = "id"
	}
	if o.Paper != A4 && o.Paper != F4 {
		return nil, errors.New("pdf: unknown paper")
	}
	w, h := o.Paper.size()
	m := o.Margins
	if m.Top < 0 || m.Bottom < 0 || m.Left < 0 || m.Right < 0 || m.Left+m.Right > w-50 || m.Top+m.Bottom > h-50 {
		return nil, fmt.Errorf("pdf: margins %+v leave too little room", m)
	}
	fs, err := loadFonts(o.FontDir)
	if err != nil {
		return nil, err
	}
	return &Document{o: o, fonts: fs}, nil
}

// en reports whether the document is in English.
func (d *Document) en() bool { return strings.HasPrefix(strings.ToLower(d.o.Lang), "en") }

// word picks the Indonesian or English word.
func (d *Document) word(id, en string) string {
	if d.en() {
		return en
	}
	return id
}

// LineHeight is the distance between baselines of body text in points:
// LineSpacing × FontSize × the natural line height of the font.
func (d *Document) LineHeight() float64 {
	return d.o.LineSpacing * d.o.FontSize * d.fonts.faces[0].lineEm
}

// FontName is the PostScript name of the regular body font, as the PDF names
// it ("LiberationSans" or "ArialMT").
func (d *Document) FontName() string { return d.fonts.faces[0].psName }

// Pages is the number of pages of the last Write (0 before).
func (d *Document) Pages() int { return d.pages }

// Write lays the document out and writes the PDF to w. Layout is one pass:
// page numbers and the contents' page numbers are written on their pages
// once the last page is known.
func (d *Document) Write(w io.Writer) error {
	r := newRenderer(d)
	if err := r.run(); err != nil {
		return err
	}
	d.pages = r.f.PageCount()
	var file taken
	if err := r.f.Output(&file); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err := w.Write(deflate(file.b, d.fonts.fixNames))
	return err
}

// taken keeps what is written to it. fpdf's Output writes its whole buffer
// in one call, which taken keeps without a copy: the renderer, and with it
// fpdf's buffer, is dropped right after.
type taken struct{ b []byte }

func (t *taken) Write(p []byte) (int, error) {
	if t.b == nil {
		t.b = p
	} else {
		t.b = append(t.b, p...)
	}
	return len(p), nil
}

// Bytes returns the PDF.
func (d *Document) Bytes() ([]byte, error) {
	var b bytes.Buffer
	err := d.Write(&b)
	return b.Bytes(), err
}
