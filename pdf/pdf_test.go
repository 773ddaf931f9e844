package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden page images in testdata/golden")

// needTools skips the test when qpdf or poppler-utils are missing, unless CI
// is set (then it fails).
func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdffonts", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing (install qpdf and poppler-utils)", tool)
			}
			t.Skipf("%s is missing: install qpdf and poppler-utils to run the PDF checks", tool)
		}
	}
}

// run runs a tool and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

// write writes d to a file in a temp dir, checks it with qpdf --check and
// returns its path.
func write(t *testing.T, d *Document, name string) string {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "qpdf", "--check", p); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Fatalf("qpdf --check %s:\n%s", name, out)
	}
	return p
}

// text is pdftotext of the pages first..last (0: all), in reading order.
func text(t *testing.T, p string, first, last int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	return run(t, "pdftotext", append(args, p, "-")...)
}

// word is a word of pdftotext -bbox, in points from the top left.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageRe = regexp.MustCompile(`<page `)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// words lists the words of every page with their boxes.
func words(t *testing.T, p string) []word {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", "-enc", "UTF-8", p, "-")
	var ws []word
	for i, pg := range pageRe.Split(out, -1)[1:] {
		for _, m := range wordRe.FindAllStringSubmatch(pg, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, word{i + 1, f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
	}
	return ws
}

// find returns the first word equal to s (on page, if page > 0).
func find(t *testing.T, ws []word, page int, s string) word {
	t.Helper()
	for _, w := range ws {
		if w.text == s && (page == 0 || w.page == page) {
			return w
		}
	}
	t.Fatalf("word %q not found on page %d", s, page)
	return word{}
}

// fixed is the creation date of the samples, so that files are repeatable.
var fixed = time.Date(2026, 11, 29, 9, 30, 0, 0, time.UTC)

const indonesian = "Pemerintah Kabupaten Pangkajene dan Kepulauan — “uji” – Rp1.500.000,00"

// lorem is Indonesian prose of about n words for long paragraphs.
func lorem(n int) string {
	src := strings.Fields("Kolaborasi antarinstansi pemerintah daerah menuntut pertemuan yang teratur, kepercayaan yang tumbuh dari komitmen bersama, serta pembagian sumber daya yang jelas; forum koordinasi menjadi tempat para pihak menyepakati tujuan, membagi tugas, dan menilai hasil kerja sama secara berkala sesuai ketentuan peraturan perundang-undangan.")
	ws := make([]string, n)
	for i := range ws {
		ws[i] = src[i%len(src)]
	}
	return strings.TrimRight(strings.Join(ws, " "), ",;.") + "."
}

// sampleReport is a report with every kind of block: contents, headings,
// paragraphs, lists, a table of rows rows, charts and a network.
func sampleReport(t testing.TB, o Options, rows int) *Document {
	t.Helper()
	o.Title, o.Author, o.Subject, o.Keywords = "Laporan Kolaborasi Instansi", "Sinergi", "Uji mesin dokumen", []string{"kolaborasi", "WoG"}
	if o.Created.IsZero() {
		o.Created = fixed
	}
	d, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	d.Title("Laporan Kolaborasi Instansi")
	d.Contents()
	d.PageBreak()
	d.Heading(1, "Ringkasan")
	d.Paragraph(indonesian + ". " + lorem(120))
	d.KeyValues(KV{"Instansi", "Dinas Komunikasi dan Informatika"}, KV{"Periode", "1 Januari 2026 – 30 Juni 2026"}, KV{"Nilai kerja sama", "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)"})
	d.Heading(2, "Temuan utama")
	d.Bullets("Forum aktif: 4 dari 5 (café, naïve, résumé tetap utuh)", "Rata-rata waktu tanggapan: 3,2 hari kerja")
	d.Numbered("Perkuat sekretariat forum.", "Tetapkan jadwal evaluasi triwulanan.")
	d.Heading(1, "Data kolaborasi")
	d.Paragraph(lorem(90))
	cols := []Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: "Kegiatan bersama", Width: 4}, {Title: "Mitra", Width: 3}, {Title: "Nilai (Rp)", Width: 2, Align: "R"}}
	var rs [][]string
	for i := range rows {
		rs = append(rs, []string{strconv.Itoa(i + 1), fmt.Sprintf("Rapat koordinasi ke-%d tentang layanan terpadu", i+1), "Dinas Kesehatan Kabupaten Maros", "1.500.000"})
	}
	d.Table(Table{Caption: "Kegiatan bersama per bulan", Columns: cols, Rows: rs, Source: "register kegiatan Sinergi"})
	d.Heading(2, "Grafik")
	months := []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun"}
	d.BarChart(Chart{Caption: "Jumlah kegiatan bersama", Labels: months, Series: []Series{{"Lintas unit", []float64{3, 5, 4, 7, 6, 9}}, {"Lintas sektor", []float64{1, 2, 2, 3, 5, 4}}}, Unit: "kegiatan", Source: "register kegiatan"})
	d.LineChart(Chart{Caption: "Indeks E-I", Labels: months, Series: []Series{{"E-I", []float64{-0.4, -0.2, 0, 0.1, 0.25, 0.3}}}})
	d.Heading(3, "Jejaring")
	d.Network(Network{Caption: "Jejaring kolaborasi", Nodes: []Node{{ID: "a", Label: "Diskominfo", X: 0, Y: 0, Group: 0, Size: 3}, {ID: "b", Label: "Dinkes", X: 1, Y: 0.2, Group: 1}, {ID: "c", Label: "Bappeda", X: 0.5, Y: 1, Group: 2, Size: 2}, {ID: "d", Label: "BPBD", X: 1.4, Y: 0.9, Group: 1}},
		Edges: []Edge{{"a", "b", 3}, {"a", "c", 5}, {"b", "c", 1}, {"c", "d", 2}}})
	d.Heading(1, "Penutup")
	d.Paragraph(lorem(60))
	return d
}

// logo is a PNG emblem: a green shield with a gold disc.
func logo(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 80, 96))
	for y := range 96 {
		for x := range 80 {
			dx, dy := float64(x-40), float64(y-40)
			switch {
			case dx*dx+dy*dy < 18*18:
				img.Set(x, y, color.RGBA{220, 170, 30, 255})
			case y < 60 || math.Abs(dx) < float64(96-y)*40/36:
				img.Set(x, y, color.RGBA{20, 110, 60, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sampleLetter is a surat dinas of Bantuan Kedinasan.
func sampleLetter(t testing.TB, o Options) *Document {
	t.Helper()
	if o.Created.IsZero() {
		o.Created = fixed
	}
	n := Number{Security: Biasa, Serial: 235, Agency: "PKP", Unit: "DKI", Archive: "000.1.2", Month: 11, Year: 2026}
	d, err := NewLetter(o, Letter{
		Head: Letterhead{
			Lines:   []string{"PEMERINTAH KABUPATEN PANGKAJENE DAN KEPULAUAN", "DINAS KOMUNIKASI DAN INFORMATIKA"},
			Address: []string{"Jalan Sultan Hasanuddin Nomor 12, Pangkajene 90611", "Telepon (0410) 21000, Laman diskominfo.pangkepkab.go.id"},
			Logo:    logo(t),
		},
		Number: n.String(), Place: "Makassar", Date: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC),
		Sifat: "Segera", Lampiran: "1 (satu) berkas", Hal: "Permohonan Bantuan Kedinasan",
		To: "Kepala Dinas Kesehatan Kabupaten Maros", Address: []string{"di Maros"},
		Body: []Para{
			{Text: "Dalam rangka kelancaran penyelenggaraan pemerintahan, dengan ini kami mengajukan permohonan Bantuan Kedinasan sebagaimana dimaksud dalam Pasal 35 Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan, berupa:",
				Items: []string{"peminjaman dua unit ambulans selama kegiatan vaksinasi;", "dukungan tenaga kesehatan sebanyak empat orang."}},
			{Text: "Perkiraan biaya bantuan sebesar Rp1.500.000,00 (satu juta lima ratus ribu rupiah) dibebankan pada anggaran Dinas Komunikasi dan Informatika — “uji” – café."},
			{Text: "Demikian permohonan ini kami sampaikan; atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih."},
		},
		Signer:   Signer{Position: "Kepala Dinas Komunikasi dan Informatika", Name: "Andi Rahmat Hidayat, S.Kom., M.Si.", NIP: "198501012010011001"},
		Tembusan: []string{"Bupati Pangkajene dan Kepulauan", "Arsip"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}
