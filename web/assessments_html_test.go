package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"sinergi"
)

func svPostForm(t *testing.T, c *http.Client, u string, v url.Values) (int, string, string) {
	t.Helper()
	res, err := c.PostForm(u, v)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	buf := make([]byte, 1<<16)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return res.StatusCode, res.Header.Get("Location"), b.String()
}

// The survey, Ratner and register pages work without JavaScript, the answer
// form opens from a one-time link without login, and bad input comes back
// as a form with an error summary.
func TestAssessmentsPages(t *testing.T) {
	e := newEnv(t)
	e.db.Now = func() time.Time { return time.Date(2026, 11, 10, 2, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { e.db.Now = time.Now })
	if _, err := e.db.CreateUnit(sys, e.orgA.ID, sinergi.UnitInput{Name: "Bappeda", Kind: "opd"}); err != nil {
		t.Fatal(err)
	}
	c := e.browser()
	e.login(c, "adminA@sinergi.test")
	for _, p := range []string{"/surveys", "/surveys/new", "/assessments", "/obstacles"} {
		if st, body := get(t, c, e.srv.URL+p); st != 200 || !strings.Contains(body, "<h1>") {
			t.Errorf("%s: %d", p, st)
		}
	}
	st, _, body := svPostForm(t, c, e.srv.URL+"/surveys/new", url.Values{"title": {"x"}, "instrument": {"culture"}, "scope": {"organizations"}})
	if st != 400 || !strings.Contains(body, "error-summary") {
		t.Fatalf("bad survey form: %d", st)
	}
	st, loc, _ := svPostForm(t, c, e.srv.URL+"/surveys/new", url.Values{"title": {"Survei budaya 2026"}, "instrument": {"culture"}, "scope": {"organizations"},
		"organization_ids": {fmt.Sprint(e.orgA.ID)}, "opens_on": {"2026-11-01"}, "closes_on": {"2026-11-30"}, "threshold": {"5"}})
	if st != 303 {
		t.Fatalf("create survey: %d", st)
	}
	st, _, body = svPostForm(t, c, e.srv.URL+loc+"/links", url.Values{"group": {fmt.Sprintf("org:%d", e.orgA.ID)}, "count": {"2"}})
	if st != 200 {
		t.Fatalf("links: %d", st)
	}
	tok := regexp.MustCompile(`/s/(svy_[A-Za-z0-9_-]+)`).FindStringSubmatch(body)
	if tok == nil {
		t.Fatalf("no link on the page")
	}
	public := e.browser()
	if st, body := get(t, public, e.srv.URL+"/s/"+tok[1]); st != 200 || !strings.Contains(body, "Sangat setuju") {
		t.Fatalf("answer form by link: %d", st)
	}
	st, _, body = svPostForm(t, public, e.srv.URL+"/s/"+tok[1], url.Values{"a_culture_1": {"4"}})
	if st != 400 || !strings.Contains(body, "error-summary") || !strings.Contains(body, `value="4" checked`) {
		t.Fatalf("incomplete answers: %d", st)
	}
	v := url.Values{}
	for i := 1; i <= 7; i++ {
		v.Set(fmt.Sprintf("a_culture_%d", i), "4")
	}
	if st, _, body = svPostForm(t, public, e.srv.URL+"/s/"+tok[1], v); st != 200 || !strings.Contains(body, "Terima kasih") {
		t.Fatalf("answer: %d", st)
	}
	if st, _ := get(t, public, e.srv.URL+"/s/"+tok[1]); st != 409 {
		t.Errorf("used link opens again: %d", st)
	}
	if st, _ := get(t, public, e.srv.URL+"/s/svy_nope"); st != 403 {
		t.Errorf("unknown link: %d", st)
	}
	if st, body := get(t, c, e.srv.URL+loc); st != 200 || !strings.Contains(body, "setelah survei ditutup") {
		t.Errorf("survey page while open: %d", st)
	}

	// Ratner
	st, loc, _ = svPostForm(t, c, e.srv.URL+"/assessments", url.Values{"title": {"Asesmen Maros"}})
	if st != 303 {
		t.Fatalf("create assessment: %d", st)
	}
	if st, _, body = svPostForm(t, c, e.srv.URL+loc+"/issues", url.Values{"kind": {"problem"}}); st != 400 || !strings.Contains(body, "error-summary") {
		t.Errorf("bad issue: %d", st)
	}
	for part, f := range map[string]url.Values{
		"issues":     {"kind": {"problem"}, "description": {"Dana terbatas"}, "stakeholders": {"OPD"}},
		"actions":    {"title": {"Rapat koordinasi"}, "owner": {"Bappeda"}, "due": {"2026-12-01"}},
		"strategies": {"target": {"DPRD"}, "channel": {"Audiensi"}, "message": {"Dukungan anggaran"}, "owner": {"Sekda"}},
	} {
		if st, _, _ := svPostForm(t, c, e.srv.URL+loc+"/"+part, f); st != 303 {
			t.Errorf("%s: %d", part, st)
		}
	}
	if st, body := get(t, c, e.srv.URL+loc); st != 200 || !strings.Contains(body, "Dukungan anggaran") {
		t.Errorf("assessment page: %d", st)
	}
	res, err := c.Get(e.srv.URL + loc + "/pdf")
	if err != nil || res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("pdf: %v %v", err, res)
	}
	res.Body.Close()

	// register
	if st, _, body = svPostForm(t, c, e.srv.URL+"/obstacles", url.Values{"category": {"weather"}}); st != 400 || !strings.Contains(body, "error-summary") {
		t.Errorf("bad obstacle: %d", st)
	}
	if st, _, _ := svPostForm(t, c, e.srv.URL+"/obstacles", url.Values{"category": {"funding"}, "description": {"Dana berubah-ubah"}, "affects_kind": {"organization"}, "severity": {"high"}}); st != 303 {
		t.Errorf("obstacle: %d", st)
	}
	if st, body := get(t, c, e.srv.URL+"/obstacles"); st != 200 || !strings.Contains(body, "Dana berubah-ubah") {
		t.Errorf("register page: %d", st)
	}
	if st, _, _ := svPostForm(t, c, e.srv.URL+"/obstacle-proposals/dismiss", url.Values{"key": {"nope"}}); st != 404 {
		t.Errorf("dismiss unknown: %d", st)
	}
}
