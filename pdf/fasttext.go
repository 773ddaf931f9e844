package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fpdf writes text through fmt.Sprintf, word by word on justified lines,
// and a long report spent half its time there. The engine breaks lines and
// writes the text operators itself — the very bytes fpdf's MultiCell and
// CellFormat write (TestFastTextSameBytes compares whole files) — once fpdf
// has drawn each character of a line in that face: only fpdf's own drawing
// puts a glyph into the embedded font subset. Lines with a character not
// drawn yet go through fpdf, which then knows it.

// fastText switches the engine's own text writing on (off in tests that
// compare it with fpdf's).
var fastText = true

// glyphs are the widths of one face's characters (1/1000 em, as fpdf
// measures them) and whether fpdf has drawn each.
type glyphs struct {
	w     [0x2100]int32 // width+1 of the runes below 0x2100 (Latin, punctuation); 0: not measured
	drawn [0x2100]bool
	wHigh map[rune]int32
	dHigh map[rune]bool
}

// fastRune reports whether the engine may write c itself: a character of
// the Basic Multilingual Plane below the CJK blocks (fpdf breaks lines at
// CJK characters) and not a surrogate.
func fastRune(c rune) bool {
	return c < 0x2E80 || c >= 0xA000 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFF
}

// glyphsOf returns the table of the current face.
func (r *renderer) glyphsOf() *glyphs {
	g := r.glyphs[r.face]
	if g == nil {
		g = &glyphs{wHigh: map[rune]int32{}, dHigh: map[rune]bool{}}
		r.glyphs[r.face] = g
	}
	return g
}

// glyphWidth is the width of c in the current face.
func (r *renderer) glyphWidth(g *glyphs, c rune) int {
	if c < 0x2100 {
		if g.w[c] == 0 {
			g.w[c] = int32(r.f.GetStringSymbolWidth(string(c))) + 1
		}
		return int(g.w[c] - 1)
	}
	w, ok := g.wHigh[c]
	if !ok {
		w = int32(r.f.GetStringSymbolWidth(string(c)))
		g.wHigh[c] = w
	}
	return int(w)
}

// drawn reports whether fpdf has drawn every character of s in the face.
func (g *glyphs) all(s []rune) bool {
	for _, c := range s {
		if c < 0x2100 {
			if !g.drawn[c] {
				return false
			}
		} else if !g.dHigh[c] {
			return false
		}
	}
	return true
}

// learn records that fpdf has drawn the characters of s.
func (g *glyphs) learn(s []rune) {
	for _, c := range s {
		if c < 0x2100 {
			g.drawn[c] = true
		} else {
			g.dHigh[c] = true
		}
	}
}

// fastOK reports whether s can take the engine's path at all.
func (r *renderer) fastOK(s string) bool {
	if !fastText || r.f.Err() || !utf8.ValidString(s) {
		return false
	}
	for _, c := range s {
		if !fastRune(c) {
			return false
		}
	}
	return true
}

// multiCell is fpdf's MultiCell(w, h, s, "", align, false) for aligns "J",
// "L", "C" and "R": the same line breaks, word spacing and output.
func (r *renderer) multiCell(w, h float64, s, align string) {
	if !r.fastOK(s) || w <= 0 {
		r.f.MultiCell(w, h, s, "", align, false)
		return
	}
	g := r.glyphsOf()
	_, fs := r.f.GetFontSize()
	k := r.f.GetConversionRatio()
	rs := []rune(strings.ReplaceAll(s, "\r", ""))
	nb := len(rs)
	for nb > 0 && rs[nb-1] == '\n' {
		nb--
	}
	rs = rs[:nb]
	wmax := int(math.Ceil(w * 1000 / fs))
	ws := 0.0
	resetWS := func() {
		if ws > 0 {
			ws = 0
			r.f.RawWriteStr("0 Tw")
		}
	}
	sep, i, j, l, ls, ns := -1, 0, 0, 0, 0, 0
	for i < nb {
		c := rs[i]
		if c == '\n' {
			resetWS()
			al := align
			if al == "J" {
				al = "L"
			}
			r.line(g, w, h, rs[j:i], 2, al, 0)
			i++
			sep, j, l, ns = -1, i, 0, 0
			continue
		}
		if c == ' ' {
			sep, ls = i, l
			ns++
		}
		l += r.glyphWidth(g, c)
		if l <= wmax {
			i++
			continue
		}
		if sep == -1 {
			if i == j {
				i++
			}
			resetWS()
			r.line(g, w, h, rs[j:i], 2, align, 0)
		} else {
			if align == "J" {
				ws = 0
				if ns > 1 {
					ws = float64((wmax-ls)/1000) * fs / float64(ns-1)
				}
				r.f.RawWriteStr(strconv.FormatFloat(ws*k, 'f', 3, 64) + " Tw")
			}
			r.line(g, w, h, rs[j:sep], 2, align, ws)
			i = sep + 1
		}
		sep, j, l, ns = -1, i, 0, 0
	}
	resetWS()
	if align == "J" {
		align = ""
	}
	r.line(g, w, h, rs[j:i], 2, align, 0)
	r.f.SetX(r.left)
}

// cell is fpdf's CellFormat(w, h, s, "", ln, align, false, 0, "") for
// w > 0.
func (r *renderer) cell(w, h float64, s string, ln int, align string) {
	if !r.fastOK(s) || w <= 0 {
		r.f.CellFormat(w, h, s, "", ln, align, false, 0, "")
		return
	}
	r.line(r.glyphsOf(), w, h, []rune(s), ln, align, 0)
}

// line writes one cell of text as CellFormat does, after the automatic page
// break CellFormat makes (with the word spacing ws MultiCell has set around
// it). Text with a character fpdf has not drawn yet goes through fpdf.
func (r *renderer) line(g *glyphs, w, h float64, s []rune, ln int, align string, ws float64) {
	x, y := r.f.GetXY()
	k := r.f.GetConversionRatio()
	if auto, m := r.f.GetAutoPageBreak(); auto && y+h > r.h-m {
		if ws > 0 {
			r.f.RawWriteStr("0 Tw")
		}
		r.f.AddPage()
		r.f.SetX(x)
		if ws > 0 {
			r.f.RawWriteStr(strconv.FormatFloat(ws*k, 'f', 3, 64) + " Tw")
		}
		y = r.f.GetY()
	}
	if !g.all(s) {
		r.f.CellFormat(w, h, string(s), "", ln, align, false, 0, "")
		g.learn(s)
		return
	}
	if len(s) > 0 {
		r.f.RawWriteStr(string(r.textOp(g, w, h, x, y, s, align)))
	}
	switch {
	case ln == 1:
		r.f.SetXY(r.left, y+h)
	case ln > 1:
		r.f.SetXY(x, y+h)
	default:
		r.f.SetXY(x+w, y)
	}
}

// textOp is the content CellFormat writes for the text s in a cell at x, y.
func (r *renderer) textOp(g *glyphs, w, h, x, y float64, s []rune, align string) []byte {
	_, fs := r.f.GetFontSize()
	k := r.f.GetConversionRatio()
	b := r.opBuf[:0]
	tr, tg, tb := r.f.GetTextColor()
	fr, fg, fb := r.f.GetFillColor()
	if c := [6]int{tr, tg, tb, fr, fg, fb}; c != r.colors.rgb || r.colors.op == "" {
		text, fill := colorOp(tr, tg, tb), colorOp(fr, fg, fb)
		r.colors.rgb, r.colors.op, r.colors.own = c, text, text != fill
	}
	if r.colors.own {
		b = append(append(append(b, "q "...), r.colors.op...), ' ')
	}
	num := func(v float64, prec int) { b = strconv.AppendFloat(b, v, 'f', prec, 64) }
	size := 0
	for _, c := range s {
		size += r.glyphWidth(g, c)
	}
	if align == "J" {
		wmax := int(math.Ceil(w * 1000 / fs))
		b = append(b, "BT 0 Tw "...)
		num(x*k, 2)
		b = append(b, ' ')
		num((r.h-(y+.5*h+.3*fs))*k, 2)
		b = append(b, " Td ["...)
		words := 1
		for _, c := range s {
			if c == ' ' {
				words++
			}
		}
		shift := float64(wmax-size) / float64(words-1)
		b = append(b, '(') // each word in brackets, a negative shift and a space between
		for _, c := range s {
			if c != ' ' {
				b = appendUTF16(b, c)
				continue
			}
			b = append(b, ") "...)
			num(-shift, 3)
			b = append(b, "(\x00 ) ("...)
		}
		b = append(b, ") ] TJ ET"...)
	} else {
		dx := 0.0
		switch {
		case strings.Contains(align, "R"):
			dx = w - float64(size)*fs/1000
		case strings.Contains(align, "C"):
			dx = (w - float64(size)*fs/1000) / 2
		}
		b = append(b, "BT "...)
		num((x+dx)*k, 2)
		b = append(b, ' ')
		num((r.h-(y+.5*h+.3*fs))*k, 2)
		b = append(b, " Td ("...)
		for _, c := range s {
			b = appendUTF16(b, c)
		}
		b = append(b, ")Tj ET"...)
	}
	if r.colors.own {
		b = append(b, " Q"...)
	}
	r.opBuf = b
	return b
}

// appendUTF16 appends c (of the BMP) as UTF-16BE with the escapes of a PDF
// string, byte by byte as fpdf's escape does them.
func appendUTF16(b []byte, c rune) []byte {
	for _, x := range [2]byte{byte(c >> 8), byte(c)} {
		switch x {
		case '\\', '(', ')':
			b = append(b, '\\', x)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, x)
		}
	}
	return b
}

// colorOp is the operator fpdf writes for a colour ("0.000 g" for grey,
// else "r g b rg").
func colorOp(r, g, b int) string {
	c := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255 }
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
	if min(max(r, 0), 255) == min(max(g, 0), 255) && c(r) == c(b) {
		return f(c(r)) + " g"
	}
	return f(c(r)) + " " + f(c(g)) + " " + f(c(b)) + " rg"
}
