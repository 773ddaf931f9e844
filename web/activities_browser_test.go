package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sinergi"
	"sinergi/demo"
)

// A person imports activities from a CSV through the page in real Chromium
// and reads the row report; the quarterly chart is drawn on /analytics.
func TestBrowserActivityImport(t *testing.T) {
	db := demoDB(t)
	srv := serveDB(t, db)
	ctx := newBrowser(t)
	file := filepath.Join(t.TempDir(), "kegiatan.csv")
	csv := "Jenis kegiatan (type);Instansi pemberi (from_org);Unit penerima (to_unit);Instansi penerima (to_org);Tanggal (date);Uraian (description);Nilai (Rp) (value_rupiah)\n" +
		"giving_training;Universitas Sulawesi Barat;Dinas Perhubungan;Pemerintah Kabupaten Maros;31/03/2026;Pelatihan manajemen lalu lintas;Rp12.500.000\n" +
		"joint_planning;Pemerintah Kabupaten Maros;;Pemerintah Kabupaten Entah;2026-04-01;Perencanaan bersama;\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "anggota.maros@sinergi.test"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), demo.Password),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=stats]")),
		chromedp.Navigate(srv.URL+"/analytics"),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=trends-svg] polyline")),
		chromedp.Click(chromedp.CSS(`a[href="/activities/import"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}),
		chromedp.Click(chromedp.CSS(`input[value="valid_only"]`)),
		chromedp.Submit(chromedp.CSS("#f-file")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=report]")),
	); err != nil {
		t.Fatal(err)
	}
	if s := text(t, ctx, "[data-testid=summary]"); !strings.Contains(s, "2 baris dibaca, 1 disimpan, 1 masalah") {
		t.Errorf("summary %q", s)
	}
	if p := text(t, ctx, "[data-testid=problems] tbody"); !strings.Contains(p, "3") || !strings.Contains(p, "Instansi tidak ditemukan: Pemerintah Kabupaten Entah") {
		t.Errorf("problems %q", p)
	}
	dir := shotDir(t)
	for _, width := range []int64{360, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("activity-import-%d.png", width)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// the stored row, with its unit resolved by name
	l, err := db.Activities(sys, sinergi.ActivityFilter{Type: sinergi.ActTraining, From: "2026-03-31", To: "2026-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range l.Items {
		if a.Description == "Pelatihan manajemen lalu lintas" {
			found = a.ToUnitID != nil && a.ValueRupiah != nil && *a.ValueRupiah == 12_500_000
		}
	}
	if !found {
		t.Errorf("the imported row is not stored as written: %+v", l.Items)
	}
}
