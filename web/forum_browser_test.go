package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A person's journey in real Chromium: create a forum, add members, hold a
// meeting with minutes, table a proposal, take positions as two
// organisations, see consensus reached, then blocked on another proposal.
func TestBrowserForumJourney(t *testing.T) {
	e := newForumEnv(t)
	ctx := newBrowser(t)
	base := e.srv.URL
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	loggedIn := false
	logout := func() {
		t.Helper()
		if loggedIn {
			run("logout", chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`a[href="/login"]`)))
			loggedIn = false
		}
	}
	login := func(email string) {
		t.Helper()
		logout()
		loggedIn = true
		run("login "+email,
			chromedp.Navigate(base+"/login"),
			chromedp.WaitVisible(chromedp.CSS(`#f-email`)),
			chromedp.SendKeys(chromedp.CSS(`#f-email`), email),
			chromedp.SendKeys(chromedp.CSS(`#f-password`), "kata-sandi-uji-1"),
			chromedp.Submit(chromedp.CSS(`#f-password`)),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=stats]`)))
	}
	day := time.Now().Add(72 * time.Hour).In(time.FixedZone("WITA", 8*3600)).Format("2006-01-02")

	// create a forum
	login("memberA@sinergi.test")
	run("create forum",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(base+"/forums"),
		chromedp.Click(chromedp.CSS(`a[href="/forums/new"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#f-name`)),
		chromedp.SendKeys(chromedp.CSS(`#f-name`), "Forum Stasiun Maros"),
		chromedp.SetValue(chromedp.CSS(`#f-focus`), "public_policy"),
		chromedp.SendKeys(chromedp.CSS(`#f-mission`), "Stasiun yang melayani warga"),
		chromedp.Submit(chromedp.CSS(`#f-name`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=criteria]`)))
	forumURL := location(t, ctx)

	// add two deciding members and a charter
	for _, org := range []int64{e.orgB.ID, e.orgD.ID} {
		run("add member",
			chromedp.Navigate(forumURL),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=members]`)),
			chromedp.SetValue(chromedp.CSS(`#f-organization_id`), fmt.Sprint(org)),
			chromedp.SetValue(chromedp.CSS(`#f-role`), "deciding"),
			chromedp.Submit(chromedp.CSS(`#f-organization_id`)))
		waitContains(t, ctx, ".notice", "Anggota ditambahkan")
	}
	if got := text(t, ctx, "[data-testid=members]"); !strings.Contains(got, "PT Celebes Railway Indonesia") || !strings.Contains(got, "Pemerintah Kota Parepare") {
		t.Fatalf("members: %q", got)
	}
	run("charter",
		chromedp.Navigate(forumURL+"/charter"),
		chromedp.WaitVisible(chromedp.CSS(`#f-rules`)),
		chromedp.SendKeys(chromedp.CSS(`#f-rules`), "Musyawarah untuk mufakat."),
		chromedp.SetValue(chromedp.CSS(`#f-quorum`), "2"),
		chromedp.Submit(chromedp.CSS(`#f-rules`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=charter]`)))

	// hold a meeting with minutes
	run("meeting",
		chromedp.SetValue(chromedp.CSS(`#f-date`), time.Now().AddDate(0, 0, -1).Format("2006-01-02")),
		chromedp.SetValue(chromedp.CSS(`#f-time`), "09:30"),
		chromedp.SetValue(chromedp.CSS(`#f-place`), "Aula Kantor Bupati Maros"),
		chromedp.Submit(chromedp.CSS(`#f-place`)))
	waitContains(t, ctx, ".notice", "Rapat dicatat")
	run("attendance",
		chromedp.WaitVisible(chromedp.CSS(`#f-minutes`)),
		chromedp.Click(chromedp.CSS(`input[name=org][value="`+fmt.Sprint(e.orgB.ID)+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name=org][value="`+fmt.Sprint(e.orgD.ID)+`"]`)),
		chromedp.Submit(chromedp.CSS(`input[name=org]`)))
	waitContains(t, ctx, "#attendance", "(2)")
	run("minutes",
		chromedp.SendKeys(chromedp.CSS(`#f-minutes`), "Lokasi stasiun disepakati untuk dibahas sebagai usulan."),
		chromedp.Click(chromedp.CSS(`#f-minutes_public`)),
		chromedp.Submit(chromedp.CSS(`#f-minutes`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=minutes]`)))
	if got := text(t, ctx, "[data-testid=minutes]"); !strings.Contains(got, "Lokasi stasiun disepakati") {
		t.Fatalf("minutes: %q", got)
	}

	// table two proposals
	table := func(title string) string {
		t.Helper()
		run("table "+title,
			chromedp.Navigate(forumURL),
			chromedp.WaitVisible(chromedp.CSS(`#f-title`)),
			chromedp.SetValue(chromedp.CSS(`#f-title`), title),
			chromedp.SetValue(chromedp.CSS(`#f-body`), "Usulan untuk disepakati: "+title),
			chromedp.SetValue(chromedp.CSS(`#f-close_date`), day),
			chromedp.Submit(chromedp.CSS(`#f-title`)),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=consensus-status]`)))
		return location(t, ctx)
	}
	first := table("Lokasi Stasiun Maros di Turikale")
	second := table("Tarif angkutan lanjutan Rp10.000")

	position := func(email, url, pos, reason string) {
		t.Helper()
		login(email)
		actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`#take-position`)), chromedp.Click(chromedp.CSS(`#f-position-` + pos))}
		if reason != "" {
			actions = append(actions, chromedp.SendKeys(chromedp.CSS(`#f-reason`), reason))
		}
		actions = append(actions, chromedp.Click(chromedp.CSS(`#take-position`)))
		run(email+" takes "+pos, actions...)
		waitContains(t, ctx, ".notice", "Posisi instansi Anda tercatat")
	}
	position("partnerB@sinergi.test", first, "agree", "")
	position("adminD@sinergi.test", first, "agree", "")
	if got := waitText(t, ctx, "[data-testid=consensus-status]", "Mufakat tercapai"); got != "Mufakat tercapai" {
		t.Fatalf("first proposal: %q, want consensus reached", got)
	}
	if got := text(t, ctx, "[data-testid=consensus-numbers]"); !strings.Contains(got, "Setuju 2") {
		t.Errorf("numbers: %q", got)
	}
	forumShot(t, ctx, "forum-proposal-reached.png")

	position("partnerB@sinergi.test", second, "agree", "")
	// a block without a reason is refused with the field named
	login("adminD@sinergi.test")
	run("block without reason",
		chromedp.Navigate(second),
		chromedp.WaitVisible(chromedp.CSS(`#take-position`)),
		chromedp.Click(chromedp.CSS(`#f-position-block`)),
		chromedp.Click(chromedp.CSS(`#take-position`)),
		chromedp.WaitVisible(chromedp.CSS(`.error-summary`)))
	position("adminD@sinergi.test", second, "block", "Memberatkan pelajar")
	if got := waitText(t, ctx, "[data-testid=consensus-status]", "Diblokir"); got != "Diblokir" {
		t.Fatalf("second proposal: %q, want blocked", got)
	}
	forumShot(t, ctx, "forum-proposal-blocked.png")

	// the forum page shows the criteria for everyone
	logout()
	run("forum page", chromedp.Navigate(forumURL), chromedp.WaitVisible(chromedp.CSS(`[data-testid=criteria]`)))
	if got := text(t, ctx, "[data-testid=criteria-summary]"); !strings.Contains(got, "keenam kriteria") {
		t.Errorf("criteria summary: %q", got)
	}
	forumShot(t, ctx, "forum-page.png")
}

// waitContains reads an element's text until it contains want (the next
// page may still be loading after a submit).
func waitContains(t *testing.T, ctx context.Context, css, want string) {
	t.Helper()
	var got string
	for range 200 {
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
		if got = s; err == nil && strings.Contains(got, want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: %q does not contain %q", css, got, want)
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func forumShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shotDir(t), name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
