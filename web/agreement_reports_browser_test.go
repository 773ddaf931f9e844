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

// In real Chromium, Maros's admin records an implementation report of the
// KSDPK with PT CRI with a linked activity and an evidence file, and marks
// PT CRI's overdue obligation done.
func TestBrowserAgreementReport(t *testing.T) {
	chromium(t)
	db := demoDB(t)
	l, err := db.Agreements(sys, sinergi.AgreementFilter{Kind: sinergi.KindKSDPK, Limit: 1})
	if err != nil || l.Total == 0 {
		t.Fatalf("KSDPK: %v", err)
	}
	a := l.Items[0]
	srv := serveDB(t, db)
	file := filepath.Join(t.TempDir(), "foto-lokasi.png")
	if err := os.WriteFile(file, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), 0o600); err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("%s/agreements/%d", srv.URL, a.ID)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "admin.maros@sinergi.test"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), demo.Password),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=stats]")),
		chromedp.Navigate(page+"/reports"),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=report-form]")),
		chromedp.SetValue(chromedp.CSS("#f-period_start"), a.EndDate[:4]+"-01-01"),
		chromedp.SetValue(chromedp.CSS("#f-period_end"), a.StartDate),
		chromedp.SetValue(chromedp.CSS("#f-report_date"), a.StartDate),
		chromedp.SendKeys(chromedp.CSS("#f-narrative"), "Parkir mulai dibangun"),
		chromedp.Submit(chromedp.CSS("#f-narrative")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	); err != nil {
		t.Fatal(err)
	}
	if msg := text(t, ctx, ".error-summary"); !strings.Contains(msg, "Akhir periode tidak boleh sebelum awalnya") {
		t.Fatalf("error summary: %q", msg)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-narrative"))); v != "Parkir mulai dibangun" {
		t.Errorf("the form lost its input: %q", v)
	}
	today := db.Now().UTC().Format("2006-01-02")
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#f-period_start"), a.StartDate),
		chromedp.SetValue(chromedp.CSS("#f-period_end"), today),
		chromedp.SetValue(chromedp.CSS("#f-report_date"), today),
		chromedp.Click(chromedp.CSS(`input[name=activity_ids]`)),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}),
		chromedp.Submit(chromedp.CSS("#f-narrative")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=files]")),
	); err != nil {
		t.Fatal(err)
	}
	if got := waitText(t, ctx, "[data-testid=report]", ""); !strings.Contains(got, "Parkir mulai dibangun") || !strings.Contains(got, "foto-lokasi.png") || !strings.Contains(got, "Rapat koordinasi desain kawasan parkir") {
		t.Errorf("new report: %q", got)
	}
	shot(t, ctx, "agreement-reports.png")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=obligations]")),
		chromedp.SetValue(chromedp.CSS(`[data-testid=obligations] input[type=date]`), today),
		chromedp.Submit(chromedp.CSS(`[data-testid=obligations] input[type=date]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=obligations] .tag-ok`)),
	); err != nil {
		t.Fatal(err)
	}
}
