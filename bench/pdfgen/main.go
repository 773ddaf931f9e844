// Command pdfgen writes an N-page report from generated content, as PDF
// through Sinergi's document engine (package pdf) or as the same content in
// HTML, for bench/pdf.sh to compare with LibreOffice converting the HTML.
//
//	go run ./bench/pdfgen -pages 100 -pdf out.pdf
//	go run ./bench/pdfgen -pages 100 -html out.html
//
// One section (heading, three paragraphs, a list, a ten-row table; a bar
// chart every fourth section) fills about 1.3 A4 pages at 12 pt and 1.5
// spacing; the report has enough sections for about -pages pages, plus a
// table of contents. The page count it really has is printed to stderr.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"io"
	"log"
	"os"
	"strconv"
	"strings"

	"sinergi/pdf"
)

// section is one generated section of the report.
type section struct {
	title string
	paras []string
	items []string
	table pdf.Table
	chart *pdf.Chart
}

var words = strings.Fields("kolaborasi antarinstansi pemerintah daerah menuntut pertemuan yang teratur kepercayaan tumbuh dari komitmen bersama serta pembagian sumber daya jelas forum koordinasi menjadi tempat para pihak menyepakati tujuan membagi tugas menilai hasil kerja sama berkala sesuai ketentuan peraturan perundang-undangan Bantuan Kedinasan layanan terpadu Sulawesi Selatan Pangkajene Kepulauan Maros café — “uji” –")

// prose is n words of deterministic Indonesian-looking text.
func prose(seed, n int) string {
	var b strings.Builder
	for i := range n {
		w := words[(seed*7+i*13+i*i)%len(words)]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if i%17 == 16 {
			b.WriteByte(',')
		}
		if i < n-1 {
			b.WriteByte(' ')
		}
	}
	return b.String() + "."
}

func content(pages int) []section {
	s := make([]section, pages)
	for i := range s {
		sec := section{title: fmt.Sprintf("Kegiatan kolaborasi bagian %d", i+1)}
		for j := range 3 {
			sec.paras = append(sec.paras, prose(i*3+j, 70))
		}
		sec.items = []string{prose(i, 9), prose(i+1, 11)}
		sec.table = pdf.Table{Caption: "Kegiatan bersama bagian " + strconv.Itoa(i+1),
			Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: "Kegiatan", Width: 4}, {Title: "Mitra", Width: 3}, {Title: "Nilai (Rp)", Width: 2, Align: "R"}}}
		for r := range 10 {
			sec.table.Rows = append(sec.table.Rows, []string{strconv.Itoa(r + 1), "Rapat koordinasi layanan " + strconv.Itoa(i*10+r), "Dinas Kesehatan", "1.500.000"})
		}
		if i%4 == 3 {
			sec.chart = &pdf.Chart{Caption: "Kegiatan per bulan", Labels: []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun"},
				Series: []pdf.Series{{Name: "Lintas unit", Values: []float64{3, 5, 4, 7, 6, float64(i % 10)}}}, Height: 45}
			sec.table.Rows = sec.table.Rows[:3]
		}
		s[i] = sec
	}
	return s
}

func writePDF(w io.Writer, secs []section) (int, error) {
	d, err := pdf.New(pdf.Options{Title: "Laporan uji kinerja", Author: "Sinergi"})
	if err != nil {
		return 0, err
	}
	d.Title("Laporan uji kinerja")
	d.Contents()
	d.PageBreak()
	for _, s := range secs {
		d.Heading(1, s.title)
		for _, p := range s.paras {
			d.Paragraph(p)
		}
		d.Bullets(s.items...)
		d.Table(s.table)
		if s.chart != nil {
			d.BarChart(*s.chart)
		}
	}
	err = d.Write(w)
	return d.Pages(), err
}

func writeHTML(w io.Writer, secs []section) error {
	e := html.EscapeString
	fmt.Fprint(w, `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Laporan uji kinerja</title><style>
@page { size: A4; margin: 2cm 2cm 2.5cm 3cm }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 12pt; line-height: 1.5 }
p { text-align: justify; margin: 0 0 6pt }
table { border-collapse: collapse; width: 100%; font-size: 11pt } td, th { border: 1px solid #555; padding: 1mm }
</style></head><body><h1>Laporan uji kinerja</h1><h2>Daftar Isi</h2><ol>`)
	for _, s := range secs {
		fmt.Fprintf(w, "<li>%s</li>", e(s.title))
	}
	fmt.Fprint(w, "</ol>")
	for i, s := range secs {
		fmt.Fprintf(w, "<h2>%d %s</h2>\n", i+1, e(s.title))
		for _, p := range s.paras {
			fmt.Fprintf(w, "<p>%s</p>\n", e(p))
		}
		fmt.Fprint(w, "<ul>")
		for _, it := range s.items {
			fmt.Fprintf(w, "<li>%s</li>", e(it))
		}
		fmt.Fprintf(w, "</ul>\n<p><b>Tabel %d. %s</b></p><table><tr>", i+1, e(s.table.Caption))
		for _, c := range s.table.Columns {
			fmt.Fprintf(w, "<th>%s</th>", e(c.Title))
		}
		fmt.Fprint(w, "</tr>")
		for _, r := range s.table.Rows {
			fmt.Fprint(w, "<tr>")
			for _, c := range r {
				fmt.Fprintf(w, "<td>%s</td>", e(c))
			}
			fmt.Fprint(w, "</tr>")
		}
		fmt.Fprint(w, "</table>\n")
		if c := s.chart; c != nil {
			fmt.Fprintf(w, `<p><b>%s</b></p><svg xmlns="http://www.w3.org/2000/svg" width="600" height="170">`, e(c.Caption))
			for j, v := range c.Series[0].Values {
				fmt.Fprintf(w, `<rect x="%d" y="%g" width="60" height="%g" fill="#1f5fa0"/><text x="%d" y="165">%s</text>`, 20+j*95, 150-v*14, v*14, 40+j*95, e(c.Labels[j]))
			}
			fmt.Fprint(w, "</svg>\n")
		}
	}
	_, err := fmt.Fprint(w, "</body></html>\n")
	return err
}

func main() {
	pages := flag.Int("pages", 10, "pages to aim at")
	pdfOut := flag.String("pdf", "", "write the PDF here")
	htmlOut := flag.String("html", "", "write the HTML here")
	flag.Parse()
	// one section fills about 1.3 pages (measured): aim at -pages in all
	secs := content(max(1, (*pages*10+6)/13))
	if *pdfOut != "" {
		f, err := os.Create(*pdfOut)
		if err != nil {
			log.Fatal(err)
		}
		bw := bufio.NewWriter(f)
		n, err := writePDF(bw, secs)
		if err == nil {
			err = bw.Flush()
		}
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "pdfgen: %s: %d pages\n", *pdfOut, n)
	}
	if *htmlOut != "" {
		f, err := os.Create(*htmlOut)
		if err != nil {
			log.Fatal(err)
		}
		bw := bufio.NewWriter(f)
		if err := writeHTML(bw, secs); err != nil {
			log.Fatal(err)
		}
		if err := bw.Flush(); err != nil {
			log.Fatal(err)
		}
		f.Close()
	}
}
