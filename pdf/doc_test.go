package pdf

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// flat joins the words of s with single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageCount is the number of pages pdfinfo reports.
func pageCount(t *testing.T, p string) int {
	t.Helper()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", p))
	n, _ := strconv.Atoi(m[1])
	return n
}

// fonts lists pdffonts' rows as name → "emb sub uni".
func fonts(t *testing.T, p string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, ln := range strings.Split(run(t, "pdffonts", p), "\n")[2:] {
		f := strings.Fields(ln)
		if len(f) >= 7 {
			got[f[0]] = strings.Join(f[len(f)-5:len(f)-2], " ")
		}
	}
	return got
}

func TestLineHeightFromFont(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Liberation Sans hhea: (1854 + 434 + 67) / 2048 × 12 pt × 1.5.
	if got, want := d.LineHeight(), 2355.0/2048*12*1.5; math.Abs(got-want) > 1e-9 || math.Abs(got-20.7) > 0.01 {
		t.Errorf("LineHeight() = %v, want %v (≈ 20.7)", got, want)
	}
	if got := d.FontName(); got != "LiberationSans" {
		t.Errorf("FontName() = %q, want LiberationSans", got)
	}
}

func TestReport(t *testing.T) {
	needTools(t)
	d := sampleReport(t, Options{}, 60)
	p := write(t, d, "report.pdf")
	n := pageCount(t, p)
	if n < 5 || d.Pages() != n {
		t.Fatalf("pages: pdfinfo %d, Pages() %d", n, d.Pages())
	}

	t.Run("fonts embedded and named", func(t *testing.T) {
		got := fonts(t, p)
		for _, want := range []string{"SNRGAA+LiberationSans", "SNRGAB+LiberationSans-Bold"} {
			if got[want] != "yes yes yes" {
				t.Errorf("pdffonts: %s = %q, want embedded, subset, unicode (all fonts: %v)", want, got[want], got)
			}
		}
	})

	all := flat(text(t, p, 0, 0))
	t.Run("text with Indonesian characters", func(t *testing.T) {
		for _, want := range []string{indonesian, "café, naïve, résumé", "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)", "1 Januari 2026 – 30 Juni 2026", "Sumber: register kegiatan Sinergi"} {
			if !strings.Contains(all, want) {
				t.Errorf("pdftotext lacks %q", want)
			}
		}
	})

	t.Run("metadata", func(t *testing.T) {
		info := run(t, "pdfinfo", p)
		for _, want := range []string{"Title:           Laporan Kolaborasi Instansi", "Author:          Sinergi", "Creator:         Sinergi", "Subject:         Uji mesin dokumen", "Keywords:        kolaborasi, WoG", "Page size:       595.28 x 841.89 pts (A4)"} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
		raw, _ := os.ReadFile(p)
		if !strings.Contains(string(raw), "/Lang (id-ID)") {
			t.Error("catalog lacks /Lang (id-ID)")
		}
	})

	ws := words(t, p)
	t.Run("body 12 pt at 1.5 spacing", func(t *testing.T) {
		// Lines of body text start at the left margin (30 mm = 85.04 pt);
		// their words are 12 pt × (ascent + descent) = 12 × 1.117 tall.
		var ys []float64
		for _, w := range ws {
			if w.page == 2 && math.Abs(w.xMin-85.04) < 0.1 {
				if h := w.yMax - w.yMin; math.Abs(h-12*1.117) > 0.05 {
					continue // headings
				}
				ys = append(ys, w.yMax)
			}
		}
		sort.Float64s(ys)
		var gaps []float64
		for i := 1; i < len(ys); i++ {
			if g := ys[i] - ys[i-1]; g < 24 { // lines of one paragraph, list or key-value block
				gaps = append(gaps, g)
			}
		}
		if len(gaps) < 10 {
			t.Fatalf("only %d line gaps measured on page 2", len(gaps))
		}
		for _, g := range gaps {
			if math.Abs(g-20.7) > 0.3 || math.Abs(g-d.LineHeight()) > 0.05 {
				t.Errorf("baseline to baseline = %.2f pt, want 20.7 ± 0.3 (LineHeight %.3f)", g, d.LineHeight())
			}
		}
		t.Logf("measured %d gaps, first %.3f pt", len(gaps), gaps[0])
		// The size from a word's width: "Kolaborasi" is 12 pt when its width
		// is what fpdf measures at 12 pt.
		r := newRenderer(d)
		r.font("", 12)
		want := r.f.GetStringWidth("Kolaborasi") / ptMM
		w := find(t, ws, 2, "Kolaborasi")
		if size := 12 * (w.xMax - w.xMin) / want; math.Abs(size-12) > 0.05 {
			t.Errorf("body font size %.2f pt, want 12", size)
		}
		if fontSizes(t, p)["12.00"] == 0 {
			t.Error("no text set in 12 pt (Tf)")
		}
	})

	t.Run("contents pages match headings", func(t *testing.T) {
		toc := run(t, "pdftotext", "-layout", "-f", "1", "-l", "1", p, "-")
		re := regexp.MustCompile(`(?m)^\s*(\d+(?:\.\d+)*)\s+(\S+).*?[\s.]+(\d+)\s*$`)
		ms := re.FindAllStringSubmatch(toc, -1)
		if len(ms) != 6 {
			t.Fatalf("contents has %d entries, want 6:\n%s", len(ms), toc)
		}
		for _, m := range ms {
			page, _ := strconv.Atoi(m[3])
			// the heading's number and first word side by side on one line
			var on []int
			for _, a := range ws {
				for _, b := range ws {
					if a.page > 1 && a.page == b.page && a.text == m[1] && b.text == m[2] && math.Abs(a.yMax-b.yMax) < 1 && b.xMin > a.xMax && b.xMin-a.xMax < 20 {
						on = append(on, a.page)
					}
				}
			}
			if len(on) != 1 || on[0] != page {
				t.Errorf("heading %s %s is on pages %v; contents says %d", m[1], m[2], on, page)
			}
		}
	})

	t.Run("page numbers", func(t *testing.T) {
		for pg := 1; pg <= n; pg++ {
			want := "Halaman " + strconv.Itoa(pg) + " dari " + strconv.Itoa(n)
			if !strings.Contains(text(t, p, pg, pg), want) {
				t.Errorf("page %d lacks %q", pg, want)
			}
		}
	})

	t.Run("charts are vectors", func(t *testing.T) {
		if out := run(t, "pdfimages", "-list", p); len(strings.Split(strings.TrimSpace(out), "\n")) > 2 {
			t.Errorf("charts should draw no images:\n%s", out)
		}
		for _, want := range []string{"Gambar 1. Jumlah kegiatan bersama", "Lintas unit", "Lintas sektor", "Gambar 3. Jejaring kolaborasi", "Diskominfo", "Bappeda"} {
			if !strings.Contains(all, want) {
				t.Errorf("pdftotext lacks %q", want)
			}
		}
	})
}

// fontSizes counts the Tf operators of the page contents by size.
func fontSizes(t *testing.T, p string) map[string]int {
	t.Helper()
	q := filepath.Join(t.TempDir(), "qdf.pdf")
	run(t, "qpdf", "--qdf", "--object-streams=disable", p, q)
	raw, err := os.ReadFile(q)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, m := range regexp.MustCompile(`/F\w+ ([\d.]+) Tf`).FindAllStringSubmatch(string(raw), -1) {
		got[m[1]]++
	}
	return got
}

func TestTableBreaksWithHeader(t *testing.T) {
	needTools(t)
	d, err := New(Options{Created: fixed})
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i := range 120 {
		rows = append(rows, []string{strconv.Itoa(i + 1), "Baris ke-" + strconv.Itoa(i+1), "Rp1.500.000,00"})
	}
	d.Table(Table{Columns: []Column{{Title: "Nomor Urut", Width: 1, Align: "R"}, {Title: "Uraian Kegiatan", Width: 3}, {Title: "Jumlah Biaya", Width: 2, Align: "R"}}, Rows: rows})
	p := write(t, d, "table.pdf")
	n := pageCount(t, p)
	if n < 3 {
		t.Fatalf("120 rows fit on %d pages; want the table to break", n)
	}
	last := 0
	for pg := 1; pg <= n; pg++ {
		txt := flat(text(t, p, pg, pg))
		if !strings.HasPrefix(txt, "Nomor Urut Uraian Kegiatan Jumlah Biaya") {
			t.Errorf("page %d does not start with the header row: %.80q", pg, txt)
		}
		// rows continue in order, none lost at the break
		for _, m := range regexp.MustCompile(`Baris ke-(\d+)`).FindAllStringSubmatch(txt, -1) {
			k, _ := strconv.Atoi(m[1])
			if k != last+1 {
				t.Errorf("page %d: row %d follows row %d", pg, k, last)
			}
			last = k
		}
	}
	if last != 120 {
		t.Errorf("last row %d, want 120", last)
	}
}

func TestEnglishAndF4(t *testing.T) {
	needTools(t)
	d := sampleReport(t, Options{Lang: "en", Paper: F4}, 10)
	p := write(t, d, "en.pdf")
	n := pageCount(t, p)
	if got := text(t, p, 1, 1); !strings.Contains(got, "Contents") || !strings.Contains(got, "Page 1 of "+strconv.Itoa(n)) {
		t.Errorf("page 1 lacks Contents or Page 1 of %d:\n%s", n, got)
	}
	if got := flat(text(t, p, 0, 0)); !strings.Contains(got, "Table 1. Kegiatan") || !strings.Contains(got, "Source: register") {
		t.Error("captions not in English")
	}
	if info := run(t, "pdfinfo", p); !strings.Contains(info, "609.45 x 935.43 pts") {
		t.Errorf("F4 page size wrong:\n%s", info)
	}
	raw, _ := os.ReadFile(p)
	if !strings.Contains(string(raw), "/Lang (en-US)") {
		t.Error("catalog lacks /Lang (en-US)")
	}
}

// TestFontDir embeds the fonts of a directory named like Arial's files. The
// files here hold Liberation Sans, so the PDF must name Liberation Sans: the
// name comes from the font file, never from the file name.
func TestFontDir(t *testing.T) {
	dir := t.TempDir()
	for name, b := range map[string][]byte{"ARIAL.TTF": liberationsansregular.TTF, "arialbd.ttf": liberationsansbold.TTF, "ArialI.ttf": liberationsansitalic.TTF, "arialbi.TTF": liberationsansbolditalic.TTF} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := New(Options{FontDir: dir})
	if err != nil {
		t.Fatalf("New with font dir: %v", err)
	}
	if got := d.FontName(); got != "LiberationSans" {
		t.Errorf("FontName() = %q, want the name inside the file", got)
	}
	os.Remove(filepath.Join(dir, "arialbd.ttf"))
	if _, err := New(Options{FontDir: dir}); err == nil || !strings.Contains(err.Error(), "arialbd.ttf") {
		t.Errorf("missing bold: err = %v, want it named", err)
	}
	os.WriteFile(filepath.Join(dir, "arialbd.ttf"), []byte("not a font"), 0o644)
	if _, err := New(Options{FontDir: dir}); err == nil {
		t.Error("a broken font file was accepted")
	}
	if _, err := New(Options{FontDir: filepath.Join(dir, "none")}); err == nil {
		t.Error("a missing directory was accepted")
	}
}

// TestArial embeds real Arial when SINERGI_ARIAL_DIR points to its files
// (Arial cannot be shipped with the tests).
func TestArial(t *testing.T) {
	dir := os.Getenv("SINERGI_ARIAL_DIR")
	if dir == "" {
		t.Skip("set SINERGI_ARIAL_DIR to a directory with arial.ttf, arialbd.ttf, ariali.ttf, arialbi.ttf")
	}
	needTools(t)
	p := write(t, sampleReport(t, Options{FontDir: dir}, 5), "arial.pdf")
	for name := range fonts(t, p) {
		if !strings.Contains(name, "Arial") {
			t.Errorf("pdffonts lists %s, want only Arial", name)
		}
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{Paper: 7}, {Margins: Margins{Left: 100, Right: 100, Top: 20, Bottom: 20}}, {Margins: Margins{Top: -1, Bottom: 25, Left: 30, Right: 20}}} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) accepted", o)
		}
	}
}

// TestStreamsCompressed checks that deflate compressed every stream and
// left a file that qpdf and poppler read.
func TestStreamsCompressed(t *testing.T) {
	b, err := sampleReport(t, Options{}, 40).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`\d+ 0 obj\n<</Length \d+>>`).Find(b); m != nil {
		t.Errorf("a stream is left uncompressed: %q", m)
	}
	if again := deflate(b, nil); len(again) != len(b) {
		t.Errorf("deflate changed a compressed file: %d → %d bytes", len(b), len(again))
	}
	if out := deflate([]byte("%PDF-1.3\nnot really\n"), nil); string(out) != "%PDF-1.3\nnot really\n" {
		t.Error("deflate changed a file it cannot read")
	}
	needTools(t)
	p := filepath.Join(t.TempDir(), "c.pdf")
	os.WriteFile(p, b, 0o644)
	if out := run(t, "qpdf", "--check", p); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
