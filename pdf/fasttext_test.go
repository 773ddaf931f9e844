package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// tricky is a document whose text takes every turn of the line breaking
// and of the string escapes: parentheses, backslashes, carriage returns,
// runs of spaces, words longer than a line, explicit and trailing line
// breaks, characters the engine leaves to fpdf (CJK, outside the BMP),
// right and centred cells, table rows written over a fill colour, red
// classification marks in the header, an F4 page.
func tricky(t testing.TB) *Document {
	t.Helper()
	d, err := New(Options{Paper: F4, Classification: Rahasia, Created: fixed, Title: "Uji (teks) \\ sulit"})
	if err != nil {
		t.Fatal(err)
	}
	d.Title("Judul (dengan kurung) dan \\garis miring\\ terbalik")
	d.Heading(1, "Baris panjang")
	long := strings.Repeat("Pemerintahdaerahkabupatenpangkajenedankepulauan", 5)
	for i := range 6 {
		d.Paragraph(lorem(40+i*7) + " (catatan " + strings.Repeat("x", i) + ")\\ " + long + "  dua  spasi\r\n\nbaris baru\n\n")
	}
	d.Paragraph("漢字 dan Ω tetap ditulis oleh fpdf; " + lorem(50))
	d.Paragraph(lorem(50) + " 漢字")
	d.Bullets("café — “uji” – naïve (résumé)", lorem(30), "")
	d.KeyValues(KV{"Kunci (1)", "Nilai \\ satu"}, KV{"Kunci panjang sekali", lorem(25)})
	var rows [][]string
	for i := range 60 {
		rows = append(rows, []string{strings.Repeat("9", i%5+1), "Kegiatan (uji) " + lorem(i%9+1), "Rp1.500.000", "tengah"})
	}
	d.Table(Table{Caption: "Tabel (uji)", Columns: []Column{{Title: "No.", Align: "R"}, {Title: "Kegiatan", Width: 4}, {Title: "Nilai", Width: 2, Align: "R"}, {Title: "C", Align: "C"}}, Rows: rows, Source: "uji \\ sumber"})
	for i := range 40 {
		d.Heading(2+i%2, "Bagian "+strings.Repeat("panjang ", i%6))
		d.Paragraph(lorem(20 + i))
	}
	return d
}

// The engine's own text writing gives the very bytes fpdf gives.
func TestFastTextSameBytes(t *testing.T) {
	docs := map[string]func() *Document{
		"report": func() *Document { return sampleReport(t, Options{}, 150) },
		"letter": func() *Document { return sampleLetter(t, Options{}) },
		"tricky": func() *Document { return tricky(t) },
		"english": func() *Document {
			return sampleReport(t, Options{Lang: "en", PageNumbers: TopNumbers, LineSpacing: 1.15, FontSize: 11}, 40)
		},
	}
	for name, mk := range docs {
		fastText = false
		slow, err := mk().Bytes()
		fastText = true
		if err != nil {
			t.Fatal(err)
		}
		fast, err := mk().Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fast, slow) {
			i := 0
			for i < min(len(fast), len(slow)) && fast[i] == slow[i] {
				i++
			}
			t.Errorf("%s: the engine's text differs from fpdf's at byte %d of %d/%d", name, i, len(fast), len(slow))
		}
	}
}
