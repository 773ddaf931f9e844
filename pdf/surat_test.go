package pdf

import (
	"errors"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sinergi"
)

func TestLetter(t *testing.T) {
	needTools(t)
	p := write(t, sampleLetter(t, Options{}), "letter.pdf")
	if n := pageCount(t, p); n != 1 {
		t.Errorf("letter has %d pages, want 1", n)
	}
	all := flat(text(t, p, 0, 0))
	for _, want := range []string{
		"PEMERINTAH KABUPATEN PANGKAJENE DAN KEPULAUAN", "DINAS KOMUNIKASI DAN INFORMATIKA",
		"B-235/PKP/DKI/000.1.2/11/2026", "Makassar, 29 November 2026",
		"Yth. Kepala Dinas Kesehatan Kabupaten Maros", "di Maros",
		"Rp1.500.000,00 (satu juta lima ratus ribu rupiah)", "Informatika — “uji” – café.",
		"Kepala Dinas Komunikasi dan Informatika,", "Andi Rahmat Hidayat, S.Kom., M.Si.", "NIP 19850101 201001 1 001",
		"Tembusan: 1. Bupati Pangkajene dan Kepulauan 2. Arsip",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "2026.") {
		t.Error(`the date ends with a full stop`)
	}
	if got := fonts(t, p); got["SNRGAA+LiberationSans"] != "yes yes yes" || got["SNRGAB+LiberationSans-Bold"] != "yes yes yes" {
		t.Errorf("pdffonts = %v", got)
	}
	if strings.Contains(all, "Halaman") {
		t.Error("a one-page letter carries a page number")
	}

	ws := words(t, p)
	nomor, date := findAt(t, ws, "Nomor", 30/ptMM), find(t, ws, 1, "Makassar,")
	if d := math.Abs(nomor.yMax - date.yMax); d > 1 {
		t.Errorf("Nomor at y %.2f, date at y %.2f: not one line", nomor.yMax, date.yMax)
	}
	year := find(t, ws, 1, "2026")
	if right := 595.28 - 20/ptMM; math.Abs(year.xMax-right) > 1 {
		t.Errorf("date ends at x %.2f, want the right margin %.2f", year.xMax, right)
	}
	// colons of Nomor, Sifat, Lampiran, Hal in one column
	var xs []float64
	for _, k := range []string{"Nomor", "Sifat", "Lampiran", "Hal"} {
		kw := findAt(t, ws, k, 30/ptMM)
		found := false
		for _, w := range ws {
			if w.page == 1 && w.text == ":" && math.Abs(w.yMax-kw.yMax) < 1 {
				xs, found = append(xs, w.xMin), true
				break
			}
		}
		if !found {
			t.Fatalf("no colon on the line of %s", k)
		}
	}
	for _, x := range xs[1:] {
		if math.Abs(x-xs[0]) > 0.1 {
			t.Errorf("colons at x %v, want one column", xs)
		}
	}
	// signature block: position, space, name, NIP, in the right half
	pos, name, nip := find(t, ws, 1, "Informatika,"), find(t, ws, 1, "Andi"), find(t, ws, 1, "NIP")
	if name.yMin-pos.yMax < 50 || nip.yMin < name.yMax-1 || name.xMin < 595.28/2 || math.Abs(name.xMin-nip.xMin) > 0.1 {
		t.Errorf("signature block out of place: position %+v name %+v NIP %+v", pos, name, nip)
	}
	// tembusan at the bottom left, under the signature
	if tb := find(t, ws, 1, "Tembusan:"); tb.yMin < nip.yMax || math.Abs(tb.xMin-30/ptMM) > 0.1 {
		t.Errorf("tembusan at %+v, want at the left margin under the signature", tb)
	}
}

// TestLetterLong checks a letter that runs onto a second page: "- 2 -" at
// its top, a long number wrapped between its parts, and red marks on a
// secret letter.
func TestLetterLong(t *testing.T) {
	needTools(t)
	l := Letter{
		Head:   Letterhead{Lines: []string{"KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI"}},
		Number: "R-12345/KEMENPANRB/DEPUTI-KELEMBAGAAN-DAN-TATA-LAKSANA/KP.01.02.03/11/2026",
		Place:  "Jakarta", Date: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), Hal: "Uji surat panjang",
		To: "Gubernur Sulawesi Selatan", Address: []string{"di Makassar"},
		Signer: Signer{Position: "Deputi Bidang Kelembagaan dan Tata Laksana", Name: "Nama Lengkap"},
	}
	for range 12 {
		l.Body = append(l.Body, Para{Text: lorem(60)})
	}
	d, err := NewLetter(Options{Created: fixed}, l)
	if err != nil {
		t.Fatal(err)
	}
	p := write(t, d, "long.pdf")
	if n := pageCount(t, p); n < 2 {
		t.Fatalf("%d pages, want at least 2", n)
	}
	top := ""
	for _, w := range words(t, p) {
		if w.page == 2 && w.yMax < 20/ptMM && w.text != "RAHASIA" {
			top += w.text
		}
	}
	if top != "-2-" {
		t.Errorf("top of page 2 reads %q, want - 2 -", top)
	}
	if got := text(t, p, 1, 1); strings.Contains(got, "- 1 -") {
		t.Error("page 1 is numbered")
	}
	page1 := text(t, p, 1, 1)
	if !strings.Contains(page1, "R-12345/KEMENPANRB/") || !strings.Contains(flat(page1), "KP.01.02.03/11/2026") {
		t.Errorf("long number not wrapped between parts:\n%.600s", page1)
	}
	if strings.Count(page1, "RAHASIA") != 2 {
		t.Errorf("page 1 should be marked RAHASIA at top and bottom:\n%s", page1)
	}
	// the mark is red: render page 1 and look for red pixels
	prefix := filepath.Join(t.TempDir(), "p")
	run(t, "pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", p, prefix)
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	red := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r > 0x9000 && g < 0x5000 && bl < 0x5000 {
				red++
			}
		}
	}
	if red < 20 {
		t.Errorf("%d red pixels, want a red RAHASIA mark", red)
	}
}

// findAt returns the first word s on page 1 that starts at x (pt).
func findAt(t *testing.T, ws []word, s string, x float64) word {
	t.Helper()
	for _, w := range ws {
		if w.page == 1 && w.text == s && math.Abs(w.xMin-x) < 0.5 {
			return w
		}
	}
	t.Fatalf("no word %q at x %.1f on page 1", s, x)
	return word{}
}

func TestLetterValidate(t *testing.T) {
	_, err := NewLetter(Options{}, Letter{Classification: "X"})
	var se *sinergi.Error
	if !errors.As(err, &se) || se.Code != sinergi.CodeInvalid {
		t.Fatalf("NewLetter(empty) = %v, want invalid", err)
	}
	want := []string{"head", "place", "date", "hal", "to", "signer.position", "signer.name", "classification"}
	if len(se.Fields) != len(want) {
		t.Fatalf("fields %v, want %v", se.Fields, want)
	}
	for i, f := range se.Fields {
		if f.Field != want[i] {
			t.Errorf("field %d = %s, want %s", i, f.Field, want[i])
		}
	}
}

func TestLetterClassification(t *testing.T) {
	tests := []struct {
		l    Letter
		want Classification
	}{
		{Letter{Number: "SR-1/A/B/01/2026"}, SangatRahasia},
		{Letter{Number: "R-1/A/B/01/2026"}, Rahasia},
		{Letter{Number: "B-1/A/B/01/2026"}, Biasa},
		{Letter{Number: "B-1/A/B/01/2026", Classification: Rahasia}, Rahasia},
		{Letter{Number: "…/A/B/01/2026"}, ""},
		{Letter{}, ""},
	}
	for _, tt := range tests {
		if got := tt.l.classification(); got != tt.want {
			t.Errorf("classification of %q/%q = %q, want %q", tt.l.Number, tt.l.Classification, got, tt.want)
		}
		if m := tt.want.mark(); (m != "") != (tt.want == SangatRahasia || tt.want == Rahasia) {
			t.Errorf("mark(%q) = %q", tt.want, m)
		}
	}
}
