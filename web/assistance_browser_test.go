package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sinergi"
	"sinergi/demo"
)

// A member of Pemkab Maros asks Pemprov Sulsel for emergency help through
// the stepper (meeting the BK-GROUND rule on the way); Pemprov Sulsel's
// member then finds no refusal button, only the article saying why.
func TestBrowserAssistanceEmergency(t *testing.T) {
	db := demoDB(t)
	l, err := db.Organizations(sys, sinergi.OrganizationFilter{Q: "Pemerintah Provinsi Sulawesi Selatan"})
	if err != nil || l.Total != 1 {
		t.Fatalf("province: %v %d", err, l.Total)
	}
	sulsel := strconv.FormatInt(l.Items[0].ID, 10)
	srv := serveDB(t, db)
	ctx := newBrowser(t)
	login := func(email string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+"/login"),
			chromedp.WaitVisible(chromedp.CSS("#f-email")),
			chromedp.SendKeys(chromedp.CSS("#f-email"), email),
			chromedp.SendKeys(chromedp.CSS("#f-password"), demo.Password),
			chromedp.Submit(chromedp.CSS("#f-password")),
			chromedp.WaitVisible(chromedp.CSS("[data-testid=stats]")),
		); err != nil {
			t.Fatalf("login %s: %v", email, err)
		}
	}
	next := func(wait string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(chromedp.Click(chromedp.CSS("#b-next")), chromedp.WaitVisible(chromedp.CSS(wait)))
	}
	login("anggota.maros@sinergi.test")
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/assistance/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-provider_org_id")),
		chromedp.SetValue(chromedp.CSS("#f-provider_org_id"), sulsel),
		next("#f-subject"),
		chromedp.SendKeys(chromedp.CSS("#f-subject"), "Alat berat untuk banjir di jalur kereta Maros"),
		chromedp.SendKeys(chromedp.CSS("#f-description"), "Dua ekskavator untuk membersihkan material banjir"),
		next("#f-ground-e"),
		next(".error-summary"), // no ground chosen
	); err != nil {
		t.Fatal(err)
	}
	if msg := text(t, ctx, ".error-summary"); !strings.Contains(msg, "Pilih minimal satu dasar permohonan") || !strings.Contains(msg, "Pasal 35 ayat (1)") {
		t.Fatalf("BK-GROUND not shown in plain words with its article: %q", msg)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#f-ground-e")),
		chromedp.SendKeys(chromedp.CSS("#f-explain_e"), "Alat berat tidak tersedia"),
		next("#f-emergency"),
		chromedp.Click(chromedp.CSS("#f-emergency")),
		chromedp.SendKeys(chromedp.CSS("#f-emergency_justification"), "Banjir menutup jalur kereta sejak pagi"),
		next("#f-doc_title_1"),
		next("#f-cost_estimate"),
		next("[data-testid=check]"),
	); err != nil {
		t.Fatal(err)
	}
	if check := text(t, ctx, "[data-testid=check]"); !strings.Contains(check, "Pemerintah Provinsi Sulawesi Selatan") || !strings.Contains(check, "Banjir menutup jalur kereta") {
		t.Fatalf("check your answers: %q", check)
	}
	shot(t, ctx, "assistance-check.png")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#b-submit")), chromedp.WaitVisible(chromedp.CSS("[data-testid=due]"))); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimSuffix(loc[len(srv.URL):], "/submitted")
	if number := text(t, ctx, "[data-testid=number]"); !strings.HasPrefix(number, "B-") {
		t.Fatalf("no letter number on the confirmation page: %q", number)
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`a[href="/login"]`))); err != nil {
		t.Fatal(err)
	}
	login("anggota.sulsel@sinergi.test")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path+"/respond"), chromedp.WaitVisible(chromedp.CSS("[data-testid=no-refusal]"))); err != nil {
		t.Fatal(err)
	}
	why := text(t, ctx, "[data-testid=no-refusal]")
	if !strings.Contains(why, "tidak dapat ditolak") || !strings.Contains(why, "Pasal 36 ayat (3)") {
		t.Fatalf("the provider is not told why: %q", why)
	}
	if html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main"))); strings.Contains(html, "b-refuse") {
		t.Fatal("a refusal button is offered for an emergency")
	}
	shot(t, ctx, "assistance-respond-emergency.png")
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shotDir(t), name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
