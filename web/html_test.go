package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"sinergi"
	"sinergi/store"
)

func TestLoginAndDashboard(t *testing.T) {
	e := newEnv(t)
	c := e.browser()
	if st, _ := get(t, c, e.srv.URL+"/account"); st != http.StatusSeeOther {
		t.Fatalf("account without login: got %d, want redirect to login", st)
	}
	res, _ := c.PostForm(e.srv.URL+"/login", url.Values{"email": {"adminA@sinergi.test"}, "password": {"salah-sekali-1"}})
	if res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong password: got %d", res.StatusCode)
	}
	res.Body.Close()
	e.login(c, "adminA@sinergi.test")
	st, body := get(t, c, e.srv.URL+"/")
	if st != 200 || !strings.Contains(body, "Selamat datang") || !strings.Contains(body, "Pemerintah Kabupaten Maros") {
		t.Fatalf("dashboard: %d %.300s", st, body)
	}
	if !strings.Contains(body, `<dd><a href="/organizations">2</a></dd>`) {
		t.Fatalf("dashboard does not count 2 organisations")
	}
	// language switch
	get(t, c, e.srv.URL+"/lang/en?next=/")
	if _, body := get(t, c, e.srv.URL+"/"); !strings.Contains(body, "Welcome") || !strings.Contains(body, `lang="en"`) {
		t.Fatal("English page not shown after switch")
	}
	// logout ends the session
	res, _ = c.PostForm(e.srv.URL+"/logout", nil)
	res.Body.Close()
	if st, _ := get(t, c, e.srv.URL+"/account"); st != http.StatusSeeOther {
		t.Fatalf("account after logout: got %d", st)
	}
}

func TestLoginRateLimit(t *testing.T) {
	e := newEnv(t)
	c := e.browser()
	last := 0
	for range 7 {
		res, err := c.PostForm(e.srv.URL+"/login", url.Values{"email": {"memberA@sinergi.test"}, "password": {"tebak-tebak-1"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		last = res.StatusCode
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("after 7 wrong passwords: got %d, want 429", last)
	}
}

func TestOrganizationFormKeepsInput(t *testing.T) {
	e := newEnv(t)
	c := e.browser()
	e.login(c, "adminA@sinergi.test")
	res, err := c.PostForm(e.srv.URL+"/organizations/new", url.Values{"name": {"Koperasi Stasiun Maros"}, "sector": {"cooperative"}, "region_code": {"73.99"}})
	if err != nil {
		t.Fatal(err)
	}
	b := new(strings.Builder)
	fmt.Fprint(b, readAll(res))
	body := b.String()
	if res.StatusCode != 400 || !strings.Contains(body, "Ada 1 masalah") || !strings.Contains(body, `value="Koperasi Stasiun Maros"`) || !strings.Contains(body, `href="#f-region_code"`) {
		t.Fatalf("form with error: %d %.2000s", res.StatusCode, body)
	}
	res, _ = c.PostForm(e.srv.URL+"/organizations/new", url.Values{"name": {"Koperasi Stasiun Maros"}, "sector": {"cooperative"}, "region_code": {"73.09"}})
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("valid form: got %d", res.StatusCode)
	}
	st, body := get(t, c, e.srv.URL+res.Header.Get("Location"))
	if st != 200 || !strings.Contains(body, "Instansi tersimpan") || !strings.Contains(body, "Kabupaten Maros") {
		t.Fatalf("detail after create: %d %.500s", st, body)
	}
}

func TestCrossSiteFormRefused(t *testing.T) {
	e := newEnv(t)
	c := e.browser()
	e.login(c, "adminA@sinergi.test")
	req, _ := http.NewRequest("POST", e.srv.URL+"/organizations/new", strings.NewReader("name=Jahat+Sekali&sector=community"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: got %d, want 403", res.StatusCode)
	}
	if r := e.do("GET", "/api/v1/organizations?q=jahat", "", ""); r.json(t)["total"] != float64(0) {
		t.Fatal("cross-site POST created an organisation")
	}
}

func TestPagesRender(t *testing.T) {
	e := newEnv(t)
	c := e.browser()
	e.login(c, "sys@sinergi.test")
	a := fmt.Sprint(e.orgA.ID)
	for _, p := range []string{"/", "/organizations", "/organizations?q=maros&sector=regency_government", "/organizations/new", "/organizations/" + a,
		"/organizations/" + a + "/edit", "/organizations/" + a + "/people", "/organizations/" + a + "/people/new", "/organizations/" + a + "/users",
		"/regions", "/regions?q=maros", "/regions?parent=73.09", "/account", "/audit", "/login"} {
		st, body := get(t, c, e.srv.URL+p)
		if st != 200 && !(p == "/login" && st == http.StatusSeeOther) {
			t.Errorf("%s: status %d: %.300s", p, st, body)
		}
	}
	if st, _ := get(t, c, e.srv.URL+"/organizations/424242"); st != 404 {
		t.Errorf("unknown organisation page: got %d", st)
	}
	if st, _ := get(t, c, e.srv.URL+"/no/such/page"); st != 404 {
		t.Errorf("unknown page: got %d", st)
	}
}

func readAll(res *http.Response) string {
	defer res.Body.Close()
	b := new(strings.Builder)
	buf := make([]byte, 32<<10)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String()
		}
	}
}

// TestLoginLockout: the lockout (store.Login) through the login form: at the
// tenth failure the account is locked — the right password is refused too,
// with the same message for an unknown e-mail — until a system admin
// unlocks it. The first failures go straight to the store so that the
// per-copy rate limit does not slow the test.
func TestLoginLockout(t *testing.T) {
	e := newEnv(t)
	post := func(email, pw string) (int, string) {
		res, err := e.browser().PostForm(e.srv.URL+"/login", url.Values{"email": {email}, "password": {pw}})
		if err != nil {
			t.Fatal(err)
		}
		return res.StatusCode, readAll(res)
	}
	var bodies []string
	for _, email := range []string{"memberA@sinergi.test", "tidak-ada@sinergi.test"} {
		for range store.AccountFailures - 1 {
			if _, err := e.db.Login(context.Background(), email, "tebak-tebak-1", "127.0.0.1"); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
				t.Fatalf("failure: %v", err)
			}
		}
		for _, pw := range []string{"tebak-tebak-1", "kata-sandi-uji-1"} {
			st, body := post(email, pw)
			if st != http.StatusTooManyRequests || !strings.Contains(body, "Untuk sementara masuk dikunci selama 15 menit") {
				t.Fatalf("%s locked, password %s: %d %.300s", email, pw, st, body)
			}
			bodies = append(bodies, body[strings.Index(body, "<main"):])
		}
	}
	if strings.ReplaceAll(bodies[2], "tidak-ada@sinergi.test", "memberA@sinergi.test") != bodies[0] {
		t.Error("the locked answer differs between a known and an unknown e-mail")
	}
	if was, err := e.db.UnlockLogin(sys, "memberA@sinergi.test", false); err != nil || !was {
		t.Fatalf("unlock: %v %v", was, err)
	}
	e.login(e.browser(), "memberA@sinergi.test")
}
