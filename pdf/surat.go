package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"sinergi"
	"sinergi/idfmt"
)

// Letterhead is the kop of a surat dinas.
type Letterhead struct {
	// Lines name the agency from the top: e.g. "PEMERINTAH KABUPATEN
	// PANGKAJENE DAN KEPULAUAN", "DINAS KOMUNIKASI DAN INFORMATIKA". The last
	// line is written largest.
	Lines   []string
	Address []string // address, telephone, e-mail, website
	Logo    []byte   // PNG, JPEG or GIF, drawn at the left; optional
}

// Signer is the signature block: position title, full name, NIP.
type Signer struct {
	Position string // e.g. "Kepala Dinas"; "\n" breaks it; a comma is added
	Name     string
	NIP      string // 18 digits, printed "NIP 19850101 201001 1 001"; optional
}

// Para is one paragraph of a letter's body, with an optional numbered list
// under it.
type Para struct {
	Text  string
	Items []string
}

// Letter is a surat dinas (Permenpan RB 80/2012, Peraturan ANRI 5/2021;
// domain.md §6). Texts are written as given: money should come already
// written by package rupiah ("Rp1.500.000,00 (satu juta lima ratus ribu
// rupiah)").
type Letter struct {
	Head Letterhead
	// Number as built by Number.String; may be blank in a draft.
	Number string
	// Classification marks SR and R letters in red; "": the code at the start
	// of Number.
	Classification Classification
	Place          string    // "Makassar" in "Makassar, 29 November 2026"
	Date           time.Time // written "29 November 2026"
	Sifat          string    // urgency ("Biasa", "Segera", "Sangat Segera"); "": Biasa
	Lampiran       string    // e.g. "1 (satu) berkas"; "": "-"
	Hal            string    // subject
	To             string    // addressee by position, after "Yth."
	Address        []string  // lines under the addressee, e.g. "di Makassar"
	Body           []Para    // opening, content and closing paragraphs
	Signer         Signer
	Tembusan       []string // copies, listed at the bottom left
}

// Validate names every missing part (a sinergi.Error with CodeInvalid).
func (l Letter) Validate() error {
	var v sinergi.Validation
	req := func(field, s, id, en string) {
		if strings.TrimSpace(s) == "" {
			v.Add(field, id, en)
		}
	}
	req("head", strings.Join(l.Head.Lines, ""), "Isi nama instansi pada kop surat", "Give the agency name for the letterhead")
	req("place", l.Place, "Isi tempat penandatanganan", "Give the place of signing")
	if l.Date.IsZero() {
		v.Add("date", "Isi tanggal surat", "Give the date of the letter")
	}
	req("hal", l.Hal, "Isi hal (perihal) surat", "Give the subject of the letter")
	req("to", l.To, "Isi jabatan yang dituju", "Give the addressee's position")
	req("signer.position", l.Signer.Position, "Isi jabatan penanda tangan", "Give the signer's position")
	req("signer.name", l.Signer.Name, "Isi nama penanda tangan", "Give the signer's name")
	if l.Classification != "" && !l.Classification.Valid() {
		v.Add("classification", "Klasifikasi harus SR, R, T atau B", "The classification must be SR, R, T or B")
	}
	return v.Err()
}

// classification is the explicit class, else the code before the first "-"
// of the number.
func (l Letter) classification() Classification {
	if l.Classification != "" {
		return l.Classification
	}
	code, _, _ := strings.Cut(l.Number, "-")
	if c := Classification(strings.TrimSpace(code)); c.Valid() {
		return c
	}
	return ""
}

// NewLetter lays a surat dinas out in a new document. Pages after the first
// are numbered "- 2 -" at the top unless o.PageNumbers says otherwise (set
// NoNumbers to drop them); more blocks (e.g. an attachment after a
// PageBreak) may be added before Write.
func NewLetter(o Options, l Letter) (*Document, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if o.PageNumbers == FooterNumbers {
		o.PageNumbers = TopNumbers
	}
	if o.Classification == "" {
		o.Classification = l.classification()
	}
	if o.Title == "" {
		o.Title = l.Hal
	}
	d, err := New(o)
	if err != nil {
		return nil, err
	}
	d.blocks = append(d.blocks, func(r *renderer) { r.letter(l) })
	return d, nil
}

func (r *renderer) letter(l Letter) {
	r.kop(l.Head)
	r.body()
	kw := 0.0
	for _, k := range []string{"Nomor", "Sifat", "Lampiran", "Hal"} {
		kw = max(kw, r.f.GetStringWidth(k))
	}
	kw += 3
	// Nomor, with place and date at the right on the same line.
	date := l.Place + ", " + idfmt.Date(l.Date, "id")
	dw := r.f.GetStringWidth(date)
	y := r.f.GetY()
	r.f.SetXY(r.left+r.width-dw, y)
	r.cell(dw, r.lh, date, 0, "L")
	r.f.SetXY(r.left, y)
	cw := r.f.GetStringWidth(":") + 2
	vx := r.kvLine(r.left, kw, r.width-dw-5, "Nomor", breakAtSlashes(r, l.Number, r.width-dw-5-kw-cw))
	r.kvLine(r.left, kw, r.width, "Sifat", or(l.Sifat, "Biasa"))
	r.kvLine(r.left, kw, r.width, "Lampiran", or(l.Lampiran, "-"))
	r.kvLine(r.left, kw, r.width, "Hal", l.Hal)
	r.gap(r.lh)
	// Addressee and body sit in the column of the values.
	x, w := r.left+vx, r.width-vx
	r.f.SetX(r.left + vx)
	yth := r.f.GetStringWidth("Yth. ")
	r.cell(yth, r.lh, "Yth.", 0, "L")
	r.multiCell(w*0.75-yth, r.lh, l.To, "L")
	for _, a := range l.Address {
		r.f.SetX(x + yth)
		r.multiCell(w*0.75-yth, r.lh, a, "L")
	}
	r.gap(r.lh)
	for _, p := range l.Body {
		r.body()
		r.f.SetX(x)
		r.multiCell(w, r.lh, p.Text, "J")
		if len(p.Items) > 0 {
			r.items(x, w, true, p.Items)
		}
		r.gap(paraAfter)
	}
	r.signature(l.Signer)
	r.tembusan(l.Tembusan)
}

// breakAtSlashes puts line breaks after slashes so that a long letter
// number wraps between its parts, not inside one.
func breakAtSlashes(r *renderer, n string, w float64) string {
	if r.f.GetStringWidth(n) <= w {
		return n
	}
	var b strings.Builder
	line := ""
	for _, p := range strings.SplitAfter(n, "/") {
		if line != "" && r.f.GetStringWidth(line+p) > w {
			b.WriteString(line + "\n")
			line = ""
		}
		line += p
	}
	b.WriteString(line)
	return b.String()
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// kop writes the letterhead and the double rule under it.
func (r *renderer) kop(h Letterhead) {
	top := r.f.GetY()
	x, w := r.left, r.width
	logoBottom := top
	if len(h.Logo) > 0 {
		if tp := imageType(h.Logo); tp != "" {
			info := r.f.RegisterImageOptionsReader("kop-logo", fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(h.Logo))
			if info != nil && r.f.Ok() {
				lh := 24.0
				lw := lh * info.Width() / info.Height()
				r.f.ImageOptions("kop-logo", r.left, top, lw, lh, false, fpdf.ImageOptions{ImageType: tp}, 0, "")
				x, w = r.left+lw+3, r.width-lw-3
				logoBottom = top + lh
			}
		}
	}
	r.f.SetY(top)
	for i, line := range h.Lines {
		size := 14.0
		if i == len(h.Lines)-1 {
			size = 16
		}
		r.font("B", size)
		for size > 10 && r.f.GetStringWidth(line) > w { // shrink to one line, down to 10 pt
			size -= 0.5
			r.font("B", size)
		}
		r.f.SetX(x)
		r.multiCell(w, r.lineOf(size), line, "C")
	}
	r.font("", 10)
	for _, a := range h.Address {
		r.f.SetX(x)
		r.multiCell(w, r.lineOf(10), a, "C")
	}
	y := max(r.f.GetY(), logoBottom) + 1.5
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.8)
	r.f.Line(r.left, y, r.left+r.width, y)
	r.f.SetLineWidth(0.25)
	r.f.Line(r.left, y+1.2, r.left+r.width, y+1.2)
	r.f.SetXY(r.left, y+6)
}

// imageType recognises PNG, JPEG and GIF by their first bytes.
func imageType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		return "PNG"
	case bytes.HasPrefix(b, []byte("\xff\xd8")):
		return "JPG"
	case bytes.HasPrefix(b, []byte("GIF8")):
		return "GIF"
	}
	return ""
}

// signature writes the signature block in the right half, kept on one page.
func (r *renderer) signature(s Signer) {
	x, w := r.left+r.width*0.5, r.width*0.5
	pos := strings.TrimRight(strings.TrimSpace(s.Position), ",") + ","
	r.body()
	lines := len(r.f.SplitText(pos, w))
	space := 22.0
	r.gap(r.lh / 2)
	r.need(float64(lines+2)*r.lh + space)
	for _, ln := range r.f.SplitText(pos, w) {
		r.f.SetX(x)
		r.cell(w, r.lh, ln, 1, "L")
	}
	r.f.Ln(space)
	r.font("B", r.d.o.FontSize)
	r.f.SetX(x)
	r.multiCell(w, r.lh, s.Name, "L")
	if s.NIP != "" {
		r.body()
		r.f.SetX(x)
		r.multiCell(w, r.lh, "NIP "+idfmt.NIP(s.NIP), "L")
	}
}

// tembusan writes the copies list at the bottom left.
func (r *renderer) tembusan(cc []string) {
	if len(cc) == 0 {
		return
	}
	size := r.d.o.FontSize - 1
	lh := r.lineOf(size) * 1.15
	r.gap(r.lh)
	r.need(float64(len(cc)+1) * lh)
	r.font("", size)
	r.f.SetX(r.left)
	r.cell(r.width, lh, "Tembusan:", 1, "L")
	for i, c := range cc {
		m := fmt.Sprintf("%d.", i+1)
		if len(cc) == 1 {
			m = ""
		}
		r.f.SetX(r.left)
		mw := 0.0
		if m != "" {
			mw = r.f.GetStringWidth("00.") + 1.5
			r.cell(mw, lh, m, 0, "L")
		}
		r.multiCell(r.width*0.6-mw, lh, c, "L")
	}
}
