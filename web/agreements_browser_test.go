package web_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sinergi"
	"sinergi/demo"
	"sinergi/sheet"
	"sinergi/store"
)

// ksBrowser is a demo server and a Chromium logged in as the account.
func ksBrowser(t *testing.T, email string) (context.Context, *httptest.Server, *store.DB) {
	t.Helper()
	db := demoDB(t)
	srv := serveDB(t, db)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), demo.Password),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=stats]")),
	); err != nil {
		t.Fatalf("login: %v", err)
	}
	return ctx, srv, db
}

func orgID(t *testing.T, db *store.DB, name string) string {
	t.Helper()
	l, err := db.Organizations(sys, sinergi.OrganizationFilter{Q: name})
	if err != nil || l.Total != 1 {
		t.Fatalf("%s: %v %d", name, err, l.Total)
	}
	return strconv.FormatInt(l.Items[0].ID, 10)
}

// A member of Pemkab Maros registers a KSDD with Pangkep through the form,
// records each required stage with its date and document — meeting the
// stage order rule on the way — and sees it become active.
func TestBrowserKSDDToActive(t *testing.T) {
	ctx, srv, db := ksBrowser(t, "anggota.maros@sinergi.test")
	maros, pangkep := orgID(t, db, "Pemerintah Kabupaten Maros"), orgID(t, db, "Pemerintah Kabupaten Pangkajene dan Kepulauan")
	const title = "Kerja Sama Angkutan Pengumpan Stasiun Mandai dan Ma'rang"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/agreements"),
		chromedp.Click(chromedp.CSS("[data-testid=new]")),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "KSDD"),
		chromedp.SetValue(chromedp.CSS("#f-ksdd_category"), "sukarela"),
		chromedp.SendKeys(chromedp.CSS("#f-title"), title),
		// a person holds Ctrl to pick two parties; the page sees the same selection
		eval(`for (const o of document.querySelectorAll('#f-parties option')) o.selected = ['`+maros+`','`+pangkep+`'].includes(o.value)`),
		chromedp.SetValue(chromedp.CSS("#f-lead"), maros),
		chromedp.SetValue(chromedp.CSS("#f-start_date"), "2026-01-01"),
		chromedp.SetValue(chromedp.CSS("#f-end_date"), "2030-12-31"),
		chromedp.SendKeys(chromedp.CSS("#f-scope"), "Angkutan pengumpan dari pusat kecamatan ke stasiun"),
		chromedp.Click(chromedp.CSS(`form[action="/agreements/new"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=stages]")),
	); err != nil {
		t.Fatal(err)
	}
	if st := waitText(t, ctx, "[data-testid=status]", "Draf"); st != "Draf" {
		t.Fatalf("new agreement status %q, want Draf", st)
	}
	if h := text(t, ctx, "h1"); h != title {
		t.Fatalf("detail page for %q", h)
	}
	// the form offers only the next required stage; a stage without a date is refused in words
	record := func(code, date, doc, wait string) {
		t.Helper()
		form := `form[action$="/stages/` + code + `"]`
		if err := chromedp.Do(ctx,
			chromedp.WaitVisible(chromedp.CSS(form)),
			eval(`document.querySelector('`+form+` #f-date').value = '`+date+`'`),
			chromedp.SendKeys(chromedp.CSS(form+" #f-document_ref"), doc),
			chromedp.Click(chromedp.CSS(form+" button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(wait)),
		); err != nil {
			t.Fatalf("stage %s: %v", code, err)
		}
	}
	record("persiapan", "", "", ".error-summary")
	if msg := text(t, ctx, ".error-summary"); !strings.Contains(msg, "Tanggal tahapan harus berbentuk TTTT-BB-HH") {
		t.Fatalf("a stage without a date: %q", msg)
	}
	stages := []struct{ code, date, doc string }{
		{"persiapan", "2026-01-05", "ND 100/12/Bappelitbangda/I/2026"},
		{"penawaran", "2026-01-12", "Surat Bupati Maros 415.4/21/2026"},
		{"penyusunan_kb", "2026-01-19", "Draf KB 19-01-2026"},
		{"penandatanganan_kb", "2026-01-26", "KB 01/KB/MRS-PKP/2026"},
		{"penyusunan_pks", "2026-02-02", "Draf PKS 02-02-2026"},
		{"penandatanganan_pks", "2026-02-09", "PKS 02/PKS/MRS-PKP/2026"},
	}
	for i, s := range stages {
		record(s.code, s.date, s.doc, `[data-stage="`+s.code+`"].done`)
		want := "Dalam proses"
		if i == len(stages)-1 {
			want = "Aktif"
		}
		if st := waitText(t, ctx, "[data-testid=status]", want); st != want {
			t.Fatalf("after %s the status is %q, want %q", s.code, st, want)
		}
		done := text(t, ctx, `[data-stage="`+s.code+`"]`)
		if !strings.Contains(done, "Selesai") || !strings.Contains(done, s.doc) {
			t.Fatalf("stage %s shows %q", s.code, done)
		}
	}
	if dprd := text(t, ctx, `[data-stage="persetujuan_dprd"]`); !strings.Contains(dprd, "Tidak diperlukan") {
		t.Errorf("DPRD approval of a funded plan that burdens nobody: %q", dprd)
	}
	shot(t, ctx, "agreement-ksdd-active.png")
	// the registry agrees with the page
	// every word begins a word of the record: the demo's KB mentions
	// "angkutan pengumpan ke Stasiun Maros, Mandai" too, not "kerja sama"
	l, err := db.Agreements(sys, sinergi.AgreementFilter{Q: "kerja sama angkutan pengumpan mandai", Limit: 5})
	if err != nil || l.Total != 1 || l.Items[0].Status != sinergi.AgreementActive {
		t.Fatalf("stored: %v %+v", err, l)
	}
}

// A member uploads a spreadsheet with one good and three bad rows in
// all-or-nothing mode and reads the report row by row: row, column, reason.
// Nothing is stored.
func TestBrowserImportReport(t *testing.T) {
	ctx, srv, db := ksBrowser(t, "anggota.maros@sinergi.test")
	before, err := db.Agreements(sys, sinergi.AgreementFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	var head []string
	for _, c := range sheet.Agreements.Columns {
		head = append(head, c.Header())
	}
	const good = "Pemerintah Kabupaten Maros; Pemerintah Kabupaten Pangkajene dan Kepulauan"
	rows := [][]string{
		{"KSDD", "sukarela", "Pemeliharaan jalan akses Stasiun Ma'rang", good, "2026-01-01", "2030-12-31", "tidak", "ya", "", ""},
		{"KSDD", "", "Jl.", good, "2026-01-01", "2030-12-31", "", "ya", "", ""},
		{"KSDD", "", "Jembatan penghubung stasiun", "Pemerintah Kabupaten Atlantis; " + good, "2026-01-01", "2030-12-31", "", "ya", "", ""},
		{"KSDD", "", "Drainase kawasan stasiun", good, "2026-03-01", "2026-02-01", "", "ya", "", ""},
	}
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, "Kerja sama", head, rows); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "kerja-sama-maros.xlsx")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/agreements"),
		chromedp.Click(chromedp.CSS("[data-testid=import]")),
		chromedp.WaitVisible(chromedp.CSS("#f-file")),
	); err != nil {
		t.Fatal(err)
	}
	if mode, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('input[name=mode][value=all_or_nothing]').checked`)); err != nil || !mode {
		t.Fatalf("all-or-nothing is not the default: %v %v", mode, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}),
		chromedp.Click(chromedp.CSS(`[data-testid=import-form] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=problems]")),
	); err != nil {
		t.Fatal(err)
	}
	summary := text(t, ctx, "[data-testid=summary]")
	if !strings.Contains(summary, "4 baris dibaca, 0 disimpan") || !strings.Contains(summary, "Tidak ada yang disimpan karena ada masalah.") {
		t.Fatalf("summary %q", summary)
	}
	cells, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`[...document.querySelectorAll('[data-testid=problems] tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))`))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ row, col, reason string }{
		{"3", "Judul (title)", "Judul kerja sama harus 5 sampai 300 karakter"},
		{"4", "Para pihak (parties)", "Instansi tidak ditemukan: Pemerintah Kabupaten Atlantis"},
		{"5", "Tanggal berakhir (end_date)", "Tanggal berakhir harus sesudah tanggal mulai"},
	}
	if len(cells) != len(want) {
		t.Fatalf("report rows %q, want %d", cells, len(want))
	}
	for i, w := range want {
		if c := cells[i]; len(c) != 3 || c[0] != w.row || c[1] != w.col || !strings.Contains(c[2], w.reason) {
			t.Errorf("report row %d: %q, want %v", i+1, c, w)
		}
	}
	shot(t, ctx, "agreements-import-report.png")
	after, err := db.Agreements(sys, sinergi.AgreementFilter{Limit: 1})
	if err != nil || after.Total != before.Total {
		t.Fatalf("all or nothing stored something: %d → %d (%v)", before.Total, after.Total, err)
	}
	l, err := db.Agreements(sys, sinergi.AgreementFilter{Q: "pemeliharaan jalan akses stasiun ma'rang", Limit: 50})
	if err != nil || l.Total == 0 { // the demo's KB has these words too
		t.Fatalf("search: %v %+v", err, l)
	}
	for _, a := range l.Items {
		if a.Title == rows[0][2] {
			t.Fatal("the valid row was stored in all-or-nothing mode")
		}
	}
}

// Unsulbar's member goes from the registry to the university view and
// finds both demo IAs on their study programmes with their activity types.
func TestBrowserUniversityView(t *testing.T) {
	ctx, _, _ := ksBrowser(t, "anggota.unsulbar@sinergi.test")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href="/agreements"]`)),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=university]")),
		chromedp.Click(chromedp.CSS("[data-testid=university]")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=programmes]")),
	); err != nil {
		t.Fatal(err)
	}
	progs := text(t, ctx, "[data-testid=programmes]")
	for _, want := range []string{"Program Studi Peternakan", "IA Pertukaran Mahasiswa Program Studi Peternakan", "Pertukaran mahasiswa, Alih kredit",
		"Program Studi Pendidikan Dokter", "IA Benchmarking Kurikulum", "Studi banding (benchmarking)"} {
		if !strings.Contains(progs, want) {
			t.Errorf("programmes table lacks %q: %q", want, progs)
		}
	}
	if fig := text(t, ctx, "[data-testid=figure]"); !strings.Contains(fig, "100,0%") || !strings.Contains(fig, "50,0%") {
		t.Errorf("figure %q: both programmes with an IA, both partners universities (0,5)", fig)
	}
	for _, w := range []int64{360, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
			t.Fatal(err)
		}
		shot(t, ctx, "university-view-"+strconv.FormatInt(w, 10)+".png")
	}
}

// eval runs a script for its effect.
func eval(script string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](script)(ctx, t)
		return err
	})
}
