package web_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/assist"
	"sinergi/web"
)

// pdfFile writes a PDF held in memory to a temporary file.
func pdfFile(t *testing.T, body []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// layoutLines is the text of pages first to last (0: all) laid out as on
// the page (pdftotext -layout), one string per line.
func layoutLines(t *testing.T, body []byte, first, last int) []string {
	t.Helper()
	args := []string{"-layout", "-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", fmt.Sprint(first), "-l", fmt.Sprint(last))
	}
	return strings.Split(runTool(t, "pdftotext", append(args, pdfFile(t, body), "-")...), "\n")
}

// lineWith is the first line holding s ("" when none).
func lineWith(lines []string, s string) string {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// The summary and the letters of a kerja sama as PDF: written from the
// agreement's data, in the report and surat dinas layouts, to the readers
// of the agreement, through the HTML and the API routes.
func TestAgreementDocumentsPDF(t *testing.T) {
	needPDFTools(t)
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.CreatePerson(sys, e.orgA.ID, sinergi.PersonInput{Name: "H. A. S. Chaidir Syam, S.IP., M.H.", NIP: "197001011990031002", Position: "Bupati Maros"}); err != nil {
		t.Fatal(err)
	}
	var obls []string
	for i := range 30 { // enough rows for the table to run onto the next page
		org := e.orgA.ID
		if i%2 == 1 {
			org = pangkep.ID
		}
		obls = append(obls, fmt.Sprintf(`{"organization_id":%d,"description":"Membangun ruas jalan akses stasiun bagian %d — termasuk trotoar dan penerangan","due_date":"2026-%02d-15"}`, org, i+1, i%12+1))
	}
	body := fmt.Sprintf(`{"kind":"KSDD","title":"Jalan akses Stasiun Maros–Pangkep","parties":[
		{"organization_id":%d,"role":"lead","signatories":[{"name":"H. A. S. Chaidir Syam, S.IP., M.H.","position":"Bupati Maros","authority":"head_of_region","document":"pks"}]},
		{"organization_id":%d,"signatories":[{"name":"Muhammad Yusran Lalogau","position":"Bupati Pangkajene dan Kepulauan","authority":"head_of_region","document":"pks"}]}],
		"start_date":"2026-01-01","end_date":"2030-12-31","burdens_public":true,"funded_in_current_budget":false,"urusan":["perhubungan","pupr"],
		"scope":"Jalan akses stasiun di Kecamatan Turikale dan Ma'rang — lebar 7 m, “jalur hijau” dan halte.","value":1500000000,"funding_sources":["APBD","grant"],
		"obligations":[%s]}`, e.orgA.ID, pangkep.ID, strings.Join(obls, ","))
	r := e.do("POST", "/api/v1/agreements", "memberA", body)
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	id := int64(r.json(t)["id"].(float64))
	for _, st := range [][2]string{{"persiapan", `{"date":"2026-01-05","document_ref":"ND 100/1/Bappeda"}`}, {"penawaran", `{"date":"2026-01-20"}`},
		{"penyusunan_kb", `{"date":"2026-02-02"}`}, {"penandatanganan_kb", `{"date":"2026-02-10","document_ref":"KB 01/MRS-PKP/II/2026"}`}} {
		if r := e.do("POST", fmt.Sprintf("/api/v1/agreements/%d/stages/%s", id, st[0]), "memberA", st[1]); r.status != 200 {
			t.Fatalf("stage %s: %d %s", st[0], r.status, r.body)
		}
	}

	// the summary, through the agreement page's link
	page := e.fetch(fmt.Sprintf("/agreements/%d", id), "partnerB")
	for _, href := range []string{"summary.pdf", "letter.pdf?kind=cover", "letter.pdf?kind=dprd"} {
		if !strings.Contains(string(page.body), fmt.Sprintf(`href="/agreements/%d/%s"`, id, href)) {
			t.Errorf("the agreement page has no link to %s", href)
		}
	}
	summary := fmt.Sprintf("/agreements/%d/summary.pdf", id)
	txt := pdfText(t, e, summary, "partnerB")
	wantText(t, "summary", txt, "RINGKASAN KERJA SAMA", "Jalan akses Stasiun Maros–Pangkep", "Jenis : Kerja sama daerah dengan daerah lain (KSDD) — sukarela",
		"Status : Dalam proses", "Dasar hukum : UU 23/2014 Pasal 363 ayat (2) huruf a; PP 28/2018 Pasal 4", "1 Januari 2026 sampai dengan 31 Desember 2030",
		"Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)", "Sumber dana : APBD, Hibah", "1 Para pihak", "Pemerintah Kabupaten Pangkajene dan Kepulauan",
		"H. A. S. Chaidir Syam, S.IP., M.H.,", "Bupati Maros (kepala daerah; PKS)", "Pihak pertama", "2 Objek kerja sama",
		"perhubungan — huruf i", "pekerjaan umum dan penataan ruang — huruf c", "Ma'rang — lebar 7 m, “jalur hijau” dan halte.", "3 Kewajiban para pihak",
		"Membangun ruas jalan akses stasiun bagian 30 — termasuk trotoar", "15 Juni 2026", "Persetujuan DPRD : diperlukan (PP 28/2018 Pasal 6 ayat (2)",
		"Membebani masyarakat : ya", "5 Tahapan", "Penandatanganan KB Selesai 10 Februari 2026 KB 01/MRS-PKP/II/2026", "Persetujuan DPRD Belum",
		"ND 100/1/Bappeda", "Sumber: PP 28/2018 Pasal 6 ayat (1)", "6 Pemantauan dan evaluasi", "Gubernur sebagai wakil Pemerintah Pusat (UU 23/2014 Pasal 368)", "Halaman 1 dari")
	res := e.fetch(summary, "memberA")
	pages := regexp.MustCompile(`Halaman (\d+) dari (\d+)`).FindAllStringSubmatch(txt, -1)
	if len(pages) < 2 || pages[0][2] != pages[len(pages)-1][1] {
		t.Fatalf("page numbers %v", pages)
	}
	// the obligations table repeats its header row on the page it runs onto
	heads := 0
	for p := 1; p <= len(pages); p++ {
		ls := layoutLines(t, res.body, p, p)
		if l := lineWith(ls, "Kewajiban"); strings.Contains(l, "No.") && strings.Contains(l, "Tenggat") && lineWith(ls, "Membangun ruas") != "" {
			heads++
		}
	}
	if heads < 2 {
		t.Errorf("the obligations table has its header on %d page(s), want every page it spans (≥ 2)", heads)
	}
	info := runTool(t, "pdfinfo", pdfFile(t, res.body))
	for _, want := range []string{`Title:\s+Ringkasan Kerja Sama — Jalan akses Stasiun Maros–Pangkep\n`, `Author:\s+Pemerintah Kabupaten Maros\n`, `Page size:\s+595\.\d+ x 841\.89 pts \(A4\)`} {
		if !regexp.MustCompile(want).MatchString(info) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}

	// the covering letter, with the number the registry gave
	today := web.FormatDate(time.Now().In(assist.Wita), "id")
	number := "B-123/MRS/BAG.PEM/100.3.1/XI/2026"
	letter := fmt.Sprintf("/agreements/%d/letter.pdf", id)
	txt = pdfText(t, e, letter+"?kind=cover&number="+number, "memberA")
	wantNumber(t, txt, number)
	wantText(t, "covering letter", txt, "PEMERINTAH KABUPATEN MAROS", "Sifat : Biasa", "Lampiran : 1 (satu) berkas", "Hal : Penyampaian Naskah Kerja Sama Jalan akses Stasiun Maros–Pangkep",
		"Yth. Bupati Pangkajene dan Kepulauan", "di Pangkajene dan Kepulauan", "antara Pemerintah Kabupaten Maros dan Pemerintah Kabupaten Pangkajene dan Kepulauan, untuk dipelajari",
		"objek: Jalan akses stasiun di Kecamatan Turikale dan Ma'rang — lebar 7 m, “jalur hijau” dan halte (urusan perhubungan dan urusan pekerjaan umum dan penataan ruang);",
		"nilai: Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah), sumber dana APBD, Hibah;", "30 (tiga puluh) kewajiban", "naskah kerja sama daerah dengan daerah lain (KSDD) tentang", "Tahapan berikutnya adalah Persetujuan DPRD",
		"Bupati Maros,", "H. A. S. Chaidir Syam, S.IP., M.H.", "NIP 19700101 199003 1 002",
		"Tembusan: 1. Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Maros 2. Gubernur Sulawesi Selatan 3. Arsip")
	res = e.fetch(letter+"?kind=cover&number="+number, "memberA")
	ls := layoutLines(t, res.body, 0, 0)
	nomor := lineWith(ls, "Nomor")
	if !strings.Contains(nomor, "Maros, "+today) || strings.Index(nomor, "Maros,") < strings.Index(nomor, "Nomor") {
		t.Errorf("the Nomor line does not end with place and date %q: %q", "Maros, "+today, nomor)
	}
	if strings.HasSuffix(strings.TrimSpace(nomor), ".") {
		t.Errorf("the date ends with a full stop: %q", nomor)
	}
	for _, k := range []string{"Sifat", "Lampiran", "Hal"} {
		if l := lineWith(ls, k+" "); abs(strings.Index(l, ":")-strings.Index(nomor, ":")) > 1 { // -layout places by character cells
			t.Errorf("the colon of %s is not under that of Nomor:\n%s\n%s", k, nomor, l)
		}
	}
	width := len([]rune(nomor))
	for _, s := range []string{"Bupati Maros,", "NIP 1970"} {
		if l := lineWith(ls, s); len([]rune(l[:strings.Index(l, s)])) < width/3 {
			t.Errorf("%q is not in the right half of the page: %q", s, l)
		}
	}
	if l := lineWith(ls, "Tembusan:"); strings.TrimLeft(l, " ") != l {
		t.Errorf("the tembusan is not at the left margin: %q", l)
	}

	// the request for DPRD approval, through the API
	api := fmt.Sprintf("/api/v1/agreements/%d", id)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	c.call(200, "GET", api+"/summary.pdf", "partnerB", "", "Accept-Language", "en")
	r = c.call(200, "GET", api+"/letter.pdf?kind=dprd", "memberA", "")
	txt = strings.Join(strings.Fields(runTool(t, "pdftotext", "-enc", "UTF-8", pdfFile(t, r.body), "-")), " ")
	wantText(t, "DPRD letter", txt, "Hal : Permohonan Persetujuan DPRD atas Rencana Kerja Sama Jalan akses Stasiun Maros–Pangkep",
		"Yth. Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Maros", "di Maros", "mohon persetujuan Dewan Perwakilan Rakyat Daerah",
		"membebani masyarakat dan belum dianggarkan dalam APBD tahun anggaran berjalan (PP 28/2018 Pasal 6 ayat (2)",
		"Kesepakatan Bersama telah ditandatangani pada tanggal 10 Februari 2026 dengan nomor KB 01/MRS-PKP/II/2026.", "NIP 19700101 199003 1 002", "Gubernur Sulawesi Selatan")
	en := e.do("GET", api+"/summary.pdf", "partnerB", "", "Accept-Language", "en")
	wantText(t, "English summary", runTool(t, "pdftotext", "-enc", "UTF-8", pdfFile(t, en.body), "-"), "AGREEMENT SUMMARY", "Obligations of the parties", "Page 1 of")

	// an agreement without DPRD approval has no such letter
	plain := e.do("POST", "/api/v1/agreements", "memberA", ksBody(e.orgA.ID, pangkep.ID, ""))
	plainID := int64(plain.json(t)["id"].(float64))
	c.call(409, "GET", fmt.Sprintf("/api/v1/agreements/%d/letter.pdf?kind=dprd", plainID), "memberA", "")
	if h := e.fetch(fmt.Sprintf("/agreements/%d", plainID), "memberA"); strings.Contains(string(h.body), "kind=dprd") {
		t.Error("the page of an agreement without DPRD approval links to the DPRD letter")
	}
	c.call(400, "GET", api+"/letter.pdf?number="+strings.Repeat("9", 101), "memberA", "")
	c.call(404, "GET", api+"/letter.pdf?kind=nothing", "memberA", "")
	c.call(404, "GET", "/api/v1/agreements/999999/summary.pdf", "memberA", "")
	c.call(404, "GET", "/api/v1/agreements/999999/letter.pdf", "memberA", "")
	c.call(401, "GET", api+"/summary.pdf", "", "")
	c.call(401, "GET", api+"/letter.pdf", "", "")
	for _, op := range []string{"GET /api/v1/agreements/{id}/summary.pdf", "GET /api/v1/agreements/{id}/letter.pdf"} {
		sts := c.seen[op]
		if !slices.Contains(sts, 200) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
	for _, tt := range []struct {
		path, who string
		status    int
	}{
		{summary, "", http.StatusSeeOther}, // to the login page
		{letter, "", http.StatusSeeOther},
		{"/agreements/999999/summary.pdf", "memberA", 404},
		{"/agreements/abc/letter.pdf", "memberA", 404},
		{letter + "?kind=nothing", "memberA", 404},
	} {
		r := e.fetch(tt.path, tt.who)
		if r.status != tt.status || r.header.Get("Content-Type") == "application/pdf" {
			t.Errorf("GET %s as %q: %d %s, want %d", tt.path, tt.who, r.status, r.header.Get("Content-Type"), tt.status)
		}
	}
}

func abs(n int) int { return max(n, -n) }
