package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sinergi/demo"
)

// On /analytics a member picks the unit level in the filter form and gets
// the E-I tables of that level (issue 6 items 2–3), in a real browser.
func TestBrowserAnalyticsLevel(t *testing.T) {
	db := demoDB(t)
	srv := serveDB(t, db)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "anggota.maros@sinergi.test"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), demo.Password),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=stats]")),
		chromedp.Navigate(srv.URL+"/analytics"),
		chromedp.WaitVisible(chromedp.CSS("#f-level")),
		chromedp.SetValue(chromedp.CSS("#f-level"), "sector"),
		chromedp.Submit(chromedp.CSS("#f-level")),
	); err != nil {
		t.Fatal(err)
	}
	if got := waitText(t, ctx, "[data-testid=ei-nodes] th", "Sektor"); got != "Sektor" {
		t.Errorf("first column of the E-I table at sector level: %q", got)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "level=sector") {
		t.Errorf("location %q %v", loc, err)
	}
	if s := text(t, ctx, "[data-testid=ei-nodes]"); !strings.Contains(s, "Pemerintah kabupaten") {
		t.Errorf("sector E-I table: %q", s)
	}
}
