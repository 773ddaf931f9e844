package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
	"sinergi/web"
)

// env is a running server over a fresh database, with a few accounts.
type env struct {
	t      testing.TB
	db     *store.DB
	srv    *httptest.Server
	orgA   *sinergi.Organization // a regency government
	orgB   *sinergi.Organization // a company
	tokens map[string]string     // "sys", "adminA", "memberA", "partnerB" → bearer token
}

var sys = sinergi.WithActor(context.Background(), sinergi.SystemActor)

func newEnv(t testing.TB) *env {
	t.Helper()
	db := storetest.Open(t)
	s := web.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), "test")
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	e := &env{t: t, db: db, srv: srv, tokens: map[string]string{}}
	var err error
	if e.orgA, err = db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"}); err != nil {
		t.Fatal(err)
	}
	if e.orgB, err = db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "PT Celebes Railway Indonesia", Sector: sinergi.SectorPrivateCompany, RegionCode: "73.71"}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		key  string
		org  int64
		role sinergi.Role
	}{{"sys", e.orgA.ID, sinergi.RoleSystemAdmin}, {"adminA", e.orgA.ID, sinergi.RoleOrgAdmin}, {"memberA", e.orgA.ID, sinergi.RoleMember}, {"partnerB", e.orgB.ID, sinergi.RolePartner}} {
		u, err := db.CreateUser(sys, sinergi.UserInput{Email: a.key + "@sinergi.test", Name: "Akun " + a.key, OrganizationID: a.org, Roles: []sinergi.Role{a.role}, Password: "kata-sandi-uji-1"})
		if err != nil {
			t.Fatal(err)
		}
		_, secret, err := db.CreateToken(sinergi.WithActor(context.Background(), store.ActorOf(u)), u.ID, "test", nil)
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[a.key] = secret
	}
	return e
}

type resp struct {
	status int
	header http.Header
	body   []byte
}

func (r resp) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, r.body)
	}
	return m
}

// do sends a request as the named account ("" for the public).
func (e *env) do(method, path, who, body string, header ...string) resp {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[who])
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, b}
}

// browser is an HTTP client with a cookie jar that does not follow redirects.
func (e *env) browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (e *env) login(c *http.Client, email string) {
	e.t.Helper()
	res, err := c.PostForm(e.srv.URL+"/login", url.Values{"email": {email}, "password": {"kata-sandi-uji-1"}})
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("login %s: status %d", email, res.StatusCode)
	}
}

func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}
