package pdf

import (
	"io"
	"testing"
)

// BenchmarkReport writes a report of about 100 pages (contents, headings,
// paragraphs, lists, tables, charts). bench/pdf.sh compares the engine with
// LibreOffice; this is for profiling.
func BenchmarkReport(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d := sampleReport(b, Options{}, 1200)
		for range 20 {
			d.Heading(1, "Bagian tambahan")
			d.Paragraph(lorem(150))
			d.Bullets(lorem(20), lorem(25))
			d.Paragraph(lorem(150))
		}
		if err := d.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(d.Pages()), "pages")
	}
}

// BenchmarkLetter writes a one-page surat dinas.
func BenchmarkLetter(b *testing.B) {
	for b.Loop() {
		if err := sampleLetter(b, Options{}).Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
