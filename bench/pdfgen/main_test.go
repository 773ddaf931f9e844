package main

import (
	"io"
	"testing"
)

// BenchmarkPDF500 writes the 500-page report of bench/pdf.sh in memory, for
// profiling (go test ./bench/pdfgen -bench . -cpuprofile cpu.out).
func BenchmarkPDF500(b *testing.B) {
	secs := content(385)
	for b.Loop() {
		n, err := writePDF(io.Discard, secs)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "pages")
	}
}
