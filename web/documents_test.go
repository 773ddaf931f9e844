package web_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sinergi"
)

// needPDFTools skips a test when qpdf or poppler-utils are missing, unless
// CI is set (then it fails).
func needPDFTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing (install qpdf and poppler-utils)", tool)
			}
			t.Skipf("%s is missing: install qpdf and poppler-utils to run the PDF checks", tool)
		}
	}
}

// fetch GETs path as the named account ("" for the public) without
// following redirects.
func (e *env) fetch(path, who string) resp {
	e.t.Helper()
	req, err := http.NewRequest("GET", e.srv.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[who])
	}
	res, err := e.browser().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, b}
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

var safeDisposition = regexp.MustCompile(`^attachment; filename="?[A-Za-z0-9][A-Za-z0-9._-]*\.pdf"?$`)

// pdfText GETs a PDF as who, checks the response, the file (qpdf --check)
// and its fonts (Liberation Sans embedded), and returns its text with runs
// of white space made single spaces. The file stays in dir when dir is set.
func pdfText(t *testing.T, e *env, path, who string) string {
	t.Helper()
	r := e.fetch(path, who)
	if r.status != 200 {
		t.Fatalf("GET %s as %q: %d %.300s", path, who, r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/pdf" {
		t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	if cd := r.header.Get("Content-Disposition"); !safeDisposition.MatchString(cd) {
		t.Errorf("GET %s: Content-Disposition %q", path, cd)
	}
	dir := os.Getenv("SINERGI_PDF_DIR") // keep the files to look at them
	if dir == "" {
		dir = t.TempDir()
	}
	p := filepath.Join(dir, strings.NewReplacer("/", "_", "?", "_", "=", "_", ".pdf", "").Replace(strings.TrimPrefix(path, "/"))+"-"+orText(who, "public")+".pdf")
	if err := os.WriteFile(p, r.body, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runTool(t, "qpdf", "--check", p); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check %s:\n%s", path, out)
	}
	fonts := runTool(t, "pdffonts", p)
	found := false
	for _, ln := range strings.Split(fonts, "\n") {
		f := strings.Fields(ln)
		if len(f) >= 5 && strings.HasSuffix(f[0], "+LiberationSans") && strings.Contains(ln, " yes yes ") {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: Liberation Sans not embedded:\n%s", path, fonts)
	}
	return strings.Join(strings.Fields(runTool(t, "pdftotext", "-enc", "UTF-8", p, "-")), " ")
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func wantText(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// wantNumber checks the Nomor line carries number n; a long number wraps
// after a slash, and pdftotext may put the place and date, on the same
// line, in between.
func wantNumber(t *testing.T, text, n string) {
	t.Helper()
	parts := strings.Split(n, "/")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	if !regexp.MustCompile(`Nomor : ` + strings.Join(parts, `/(?:\s[^/]*?\s)?`) + `\s`).MatchString(text) {
		t.Errorf("the Nomor line does not carry %s:\n%s", n, text)
	}
}

// Bantuan Kedinasan letters as PDF: the request, the refusal and the
// acceptance, numbered by the organisation's pattern and written from the
// same data as the HTML letter; only readers of the request get them.
func TestAssistanceLetterPDF(t *testing.T) {
	needPDFTools(t)
	e, p := bkEnv(t)
	if _, err := e.db.CreatePerson(sys, p.ID, sinergi.PersonInput{Name: "Andi Rahmat Hidayat, S.T., M.Si.", NIP: "198501012010011001", Position: "Kepala Dinas Perhubungan"}); err != nil {
		t.Fatal(err)
	}
	num := fmt.Sprintf("/api/v1/organizations/%d/assistance-numbering", e.orgA.ID)
	if r := e.do("PUT", num, "adminA", `{"pattern":"{security}-{serial:3}/{agency}/{unit}/{archive}/{month_roman}/{year}","agency_code":"MRS","unit_code":"DISHUB","archive_code":"BK"}`); r.status != 200 {
		t.Fatalf("numbering: %d %s", r.status, r.body)
	}
	api := "/api/v1/assistance-requests"
	create := func(body string) (int64, string) {
		r := e.do("POST", api, "memberA", body)
		if r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		id := int64(r.json(t)["id"].(float64))
		return id, fmt.Sprintf("%s/%d", api, id)
	}
	submit := func(path string) map[string]any {
		r := e.do("POST", path+"/submit", "memberA", "")
		if r.status != 200 {
			t.Fatalf("submit: %d %s", r.status, r.body)
		}
		return r.json(t)
	}

	// refused
	id, path := create(strings.Replace(bkBody(e, p.ID, `,"attachments":[{"title":"Surat Bupati","reference":"100/1"}]`), `"cost_estimate":0`, `"cost_estimate":1500000000`, 1))
	number := submit(path)["number"].(string)
	if !regexp.MustCompile(`^B-001/MRS/DISHUB/BK/[IVX]+/20\d\d$`).MatchString(number) {
		t.Fatalf("number %q does not follow the pattern", number)
	}
	r := e.do("POST", path+"/refuse", "memberP", `{"ground":"a","reason":"Juru ukur kami sedang bertugas di proyek jalur ganda sampai akhir tahun"}`)
	if r.status != 200 {
		t.Fatalf("refuse: %d %s", r.status, r.body)
	}
	replyNumber := r.json(t)["response_number"].(string)
	letter := fmt.Sprintf("/assistance/%d/letter.pdf", id)

	txt := pdfText(t, e.env(), letter+"?kind=request", "memberA")
	wantNumber(t, txt, number)
	wantText(t, "request letter", txt, "PEMERINTAH KABUPATEN MAROS", "Sifat : Biasa", "Lampiran : 1 (satu) berkas",
		"Hal : Permohonan Bantuan Kedinasan — Data bidang tanah Stasiun Maros", "Yth. Pimpinan Pemerintah Kota Parepare", "di Parepare",
		"Pasal 35 ayat (1) huruf berikut: 1. huruf d:", "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)", "15 Desember 2026", "Tembusan:", "Arsip")
	txt = pdfText(t, e.env(), letter+"?kind=response", "memberP")
	wantNumber(t, txt, replyNumber)
	wantText(t, "refusal letter", txt, "PEMERINTAH KOTA PAREPARE", "Hal : Penolakan Permohonan Bantuan Kedinasan",
		"Yth. Pimpinan Pemerintah Kabupaten Maros", "Nomor "+number, "Pasal 36 ayat (1) huruf a", "Pasal 36 ayat (2)",
		"Juru ukur kami sedang bertugas di proyek jalur ganda sampai akhir tahun", "Kepala Dinas Perhubungan,", "Andi Rahmat Hidayat, S.T., M.Si.", "NIP 19850101 201001 1 001")
	// the HTML letter shows the same number and links to the PDF
	h := e.fetch(fmt.Sprintf("/assistance/%d/letter/request", id), "memberA")
	if !strings.Contains(string(h.body), number) || !strings.Contains(string(h.body), fmt.Sprintf(`href="/assistance/%d/letter.pdf?kind=request"`, id)) {
		t.Errorf("HTML letter lacks the number or the PDF link: %.500s", h.body)
	}

	// accepted, with the cost shared
	id2, path2 := create(strings.Replace(bkBody(e, p.ID, `,"activity":"Survei lalu lintas 2026"`), `"cost_estimate":0`, `"cost_estimate":1500000`, 1))
	submit(path2)
	shares := fmt.Sprintf(`{"shares":[{"organization_id":%d,"amount":1000000,"funding_source":"APBD","budget_line":"1.02.01"},{"organization_id":%d,"amount":500000,"funding_source":"APBD","budget_line":"2.01.03"}]}`, e.orgA.ID, p.ID)
	if r := e.do("PUT", path2+"/cost-sharing", "memberA", shares); r.status != 200 {
		t.Fatalf("shares: %d %s", r.status, r.body)
	}
	if r := e.do("POST", path2+"/accept", "adminP", ""); r.status != 200 {
		t.Fatalf("accept: %d %s", r.status, r.body)
	}
	txt = pdfText(t, e.env(), fmt.Sprintf("/assistance/%d/letter.pdf?kind=response", id2), "memberA")
	wantText(t, "acceptance letter", txt, "Hal : Jawaban atas Permohonan Bantuan Kedinasan", "bersedia memberikan Bantuan Kedinasan",
		"Pemerintah Kabupaten Maros: Rp1.000.000,00 (satu juta rupiah), sumber dana APBD, mata anggaran 1.02.01",
		"Pemerintah Kota Parepare: Rp500.000,00 (lima ratus ribu rupiah)", "Pasal 37")

	// who may not
	draft, _ := create(bkBody(e, p.ID, ""))
	secret := e.do("POST", api, "adminP", fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Rahasia negara sekali","description":"x","grounds":["a"],"classification":"rahasia"}`, p.ID, e.orgA.ID))
	secretID := int64(secret.json(t)["id"].(float64))
	e.do("POST", fmt.Sprintf("%s/%d/submit", api, secretID), "adminP", "")
	for _, tt := range []struct {
		path, who string
		status    int
	}{
		{letter + "?kind=request", "", http.StatusSeeOther}, // to the login page
		{fmt.Sprintf("/assistance/%d/letter.pdf?kind=request", draft), "memberP", 404},
		{fmt.Sprintf("/assistance/%d/letter.pdf?kind=request", draft), "memberA", 409},
		{fmt.Sprintf("/assistance/%d/letter.pdf?kind=response", id2+1000), "memberA", 404},
		{fmt.Sprintf("/assistance/%d/letter.pdf?kind=request", secretID), "partnerB", 404},
		{letter + "?kind=nothing", "memberA", 404},
		{"/assistance/x/letter.pdf", "memberA", 404},
	} {
		r := e.fetch(tt.path, tt.who)
		if r.status != tt.status || r.header.Get("Content-Type") == "application/pdf" {
			t.Errorf("GET %s as %q: %d %s, want %d", tt.path, tt.who, r.status, r.header.Get("Content-Type"), tt.status)
		}
	}
	if r := e.fetch(fmt.Sprintf("/assistance/%d/letter.pdf?kind=request", secretID), "memberA"); r.status != 200 {
		t.Errorf("a party's official cannot get the secret letter: %d", r.status)
	}
}

// env returns e itself (pdfText takes the plain environment).
func (e *env) env() *env { return e }

// Forum minutes and decision records as PDF, to the readers of their print
// views: outsiders get only minutes marked public, members-only forums
// nothing.
func TestForumDocumentsPDF(t *testing.T) {
	needPDFTools(t)
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	fid := strings.TrimPrefix(forum, "/api/v1/forums/")
	mt := e.do("POST", forum+"/meetings", "memberA", `{"starts_at":"2026-11-02T09:30:00+08:00","time_zone":"WITA","mode":"hybrid","place":"Kantor Bupati Maros","agenda":"Lokasi halte dan akses stasiun",
		"minutes":"Rapat dibuka pukul 09.30 WITA oleh fasilitator.\n\nPeserta menyepakati tiga lokasi halte: Turikale, Maros Baru dan Mandai — dengan catatan akses bagi penyandang disabilitas."}`)
	if mt.status != 201 {
		t.Fatalf("meeting: %d %s", mt.status, mt.body)
	}
	meeting := fmt.Sprint(int64(mt.json(t)["id"].(float64)))
	if r := e.do("PUT", "/api/v1/meetings/"+meeting+"/attendance", "memberA", fmt.Sprintf(`{"attendees":[{"organization_id":%d},{"organization_id":%d},{"organization_id":%d}]}`, e.orgA.ID, e.orgB.ID, e.orgC.ID)); r.status != 200 {
		t.Fatalf("attendance: %d %s", r.status, r.body)
	}
	if r := e.do("POST", "/api/v1/meetings/"+meeting+"/action-items", "memberA", fmt.Sprintf(`{"title":"Kirim peta bidang tanah sekitar stasiun","owner_org_id":%d,"due":"2026-11-10"}`, e.orgB.ID)); r.status != 201 {
		t.Fatalf("action item: %d %s", r.status, r.body)
	}
	minutes := "/meetings/" + meeting + "/minutes.pdf"
	txt := pdfText(t, e.env, minutes, "memberA")
	wantText(t, "minutes", txt, "NOTULEN RAPAT", "Forum Koridor Uji", "Hari, tanggal, jam : Senin, 2 November 2026 pukul 09.30 WITA", "Bentuk : Hibrida",
		"Tempat : Kantor Bupati Maros", "Agenda : Lokasi halte dan akses stasiun", "1 Daftar hadir", "Pemerintah Kabupaten Maros", "PT Celebes Railway Indonesia",
		"Komunitas Peduli Stasiun Maros", "2 Jalannya rapat", "Turikale, Maros Baru dan Mandai — dengan catatan", "3 Tindak lanjut",
		"Kirim peta bidang tanah", "10 November 2026", "Berjalan", "Notulis", "Fasilitator", "Halaman 1 dari")
	if r := e.fetch(fmt.Sprintf("/forums/%s/meetings/%s/minutes.pdf", fid, meeting), "partnerB"); r.status != 200 || r.header.Get("Content-Type") != "application/pdf" {
		t.Errorf("the forum's path to the minutes: %d", r.status)
	}
	// the print view links to the PDF
	if h := e.fetch("/meetings/"+meeting+"/print", "memberA"); !strings.Contains(string(h.body), `href="/meetings/`+meeting+`/minutes.pdf"`) {
		t.Error("the print view of the minutes has no PDF link")
	}
	// outsiders: not until the minutes are public, and never the action items
	for _, who := range []string{"", "adminD"} {
		if r := e.fetch(minutes, who); r.status != 404 {
			t.Errorf("minutes not public, as %q: %d", who, r.status)
		}
	}
	if r := e.do("PATCH", "/api/v1/meetings/"+meeting, "memberA", `{"minutes_public":true}`); r.status != 200 {
		t.Fatalf("publish: %d %s", r.status, r.body)
	}
	txt = pdfText(t, e.env, minutes, "")
	wantText(t, "public minutes", txt, "NOTULEN RAPAT", "Turikale, Maros Baru dan Mandai")
	if strings.Contains(txt, "Kirim peta") {
		t.Error("the public sees the action items")
	}

	// decision record
	soon := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	p := e.do("POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Stasiun dibangun di Turikale.\n\nAkses jalan dari poros Makassar–Maros.","closes_at":"`+soon+`"}`).json(t)
	proposal := fmt.Sprint(int64(p["id"].(float64)))
	record := "/proposals/" + proposal + "/record.pdf"
	if r := e.fetch(record, "memberA"); r.status != 409 {
		t.Errorf("record of an open proposal: %d", r.status)
	}
	if h := e.fetch("/proposals/"+proposal+"/print", "memberA"); strings.Contains(string(h.body), "record.pdf") {
		t.Error("the print view of an open proposal links to a PDF")
	}
	e.do("POST", "/api/v1/proposals/"+proposal+"/positions", "partnerB", `{"position":"agree"}`)
	e.do("POST", "/api/v1/proposals/"+proposal+"/comments", "partnerC", `{"body":"Mohon jalur pejalan kaki diperhatikan."}`)
	if r := e.do("POST", "/api/v1/proposals/"+proposal+"/close", "memberA", `{"outcome":"Stasiun Maros dibangun di Turikale; BPKA menyiapkan desain.","review_date":"2027-06-30"}`); r.status != 200 {
		t.Fatalf("close: %d %s", r.status, r.body)
	}
	txt = pdfText(t, e.env, record, "partnerB")
	wantText(t, "decision record", txt, "BERITA ACARA KEPUTUSAN", "Forum Koridor Uji", "Usulan : Lokasi Stasiun Maros", "Hasil : Mufakat tercapai",
		"Setuju 1, Abstain 0, Tidak setuju 0, Blokir 0", "Isi usulan", "Stasiun dibangun di Turikale.", "Posisi anggota", "PT Celebes Railway Indonesia",
		"Mohon jalur pejalan kaki diperhatikan.", "Pernyataan hasil", "BPKA menyiapkan desain.", "Ditinjau kembali pada 30 Juni 2027.", "Halaman 1 dari")
	if h := e.fetch("/proposals/"+proposal+"/print", "memberA"); !strings.Contains(string(h.body), `href="/proposals/`+proposal+`/record.pdf"`) {
		t.Error("the print view of a closed proposal has no PDF link")
	}
	pdfText(t, e.env, record, "") // a public forum's record is public

	// a members-only forum: nothing for outsiders
	private := e.forumWithMembers(t, "members")
	m2 := e.do("POST", private+"/meetings", "memberA", `{"starts_at":"2026-11-03T09:30:00+08:00","time_zone":"WITA","mode":"online","minutes":"Rahasia anggota","minutes_public":true}`)
	meeting2 := fmt.Sprint(int64(m2.json(t)["id"].(float64)))
	p2 := e.do("POST", private+"/proposals", "memberA", `{"title":"Anggaran","body":"Dibagi rata","closes_at":"`+soon+`"}`).json(t)
	proposal2 := fmt.Sprint(int64(p2["id"].(float64)))
	e.do("POST", "/api/v1/proposals/"+proposal2+"/positions", "partnerB", `{"position":"agree"}`)
	e.do("POST", "/api/v1/proposals/"+proposal2+"/close", "memberA", `{"outcome":"Disepakati","review_date":"2027-06-30"}`)
	pdfText(t, e.env, "/proposals/"+proposal2+"/record.pdf", "partnerC")
	for _, tt := range []struct {
		path, who string
		status    int
	}{
		{"/meetings/" + meeting2 + "/minutes.pdf", "adminD", 403},
		{"/meetings/" + meeting2 + "/minutes.pdf", "", http.StatusSeeOther},
		{"/proposals/" + proposal2 + "/record.pdf", "adminD", 403},
		{"/proposals/" + proposal2 + "/record.pdf", "", http.StatusSeeOther},
		{fmt.Sprintf("/forums/%s/meetings/%s/minutes.pdf", fid, meeting2), "memberA", 404}, // not this forum's meeting
		{"/meetings/999999/minutes.pdf", "memberA", 404},
		{"/proposals/abc/record.pdf", "memberA", 404},
	} {
		r := e.fetch(tt.path, tt.who)
		if r.status != tt.status || r.header.Get("Content-Type") == "application/pdf" {
			t.Errorf("GET %s as %q: %d %s, want %d", tt.path, tt.who, r.status, r.header.Get("Content-Type"), tt.status)
		}
	}
}
