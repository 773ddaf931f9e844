package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"sinergi"
	"sinergi/store/storetest"
	"sinergi/web"
)

// TestSecureCookies: over plain HTTP the session cookie is Secure only when
// SecureCookies is set (behind a proxy that terminates TLS); login and
// logout both follow it.
func TestSecureCookies(t *testing.T) {
	db := storetest.Open(t)
	org, err := db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(sys, sinergi.UserInput{Email: "cookie@sinergi.test", Name: "Akun cookie", OrganizationID: org.ID,
		Roles: []sinergi.Role{sinergi.RoleMember}, Password: "kata-sandi-uji-1"}); err != nil {
		t.Fatal(err)
	}
	for _, secure := range []bool{false, true} {
		s := web.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), "test")
		s.SecureCookies = secure
		srv := httptest.NewServer(s.Handler())
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := client.PostForm(srv.URL+"/login", url.Values{"email": {"cookie@sinergi.test"}, "password": {"kata-sandi-uji-1"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		session := sessionCookieOf(res)
		if res.StatusCode != http.StatusSeeOther || session == nil || session.Value == "" {
			t.Fatalf("secure=%v: login: status %d, cookie %v", secure, res.StatusCode, session)
		}
		if session.Secure != secure || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
			t.Errorf("secure=%v: login cookie Secure=%v HttpOnly=%v SameSite=%v", secure, session.Secure, session.HttpOnly, session.SameSite)
		}
		req, _ := http.NewRequest("POST", srv.URL+"/logout", nil)
		req.AddCookie(session)
		if res, err = client.Do(req); err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if c := sessionCookieOf(res); c == nil || c.MaxAge >= 0 || c.Secure != secure {
			t.Errorf("secure=%v: logout cookie %+v", secure, c)
		}
		srv.Close()
	}
}

func sessionCookieOf(res *http.Response) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == "sinergi_session" {
			return c
		}
	}
	return nil
}
