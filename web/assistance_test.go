package web_test

import (
	"context"
	"fmt"
	"testing"

	"sinergi"
	"sinergi/store"
)

// bkEnv is newEnv plus a second public body (the provider) with an admin
// and a member account: "adminP", "memberP".
func bkEnv(t *testing.T) (*env, *sinergi.Organization) {
	t.Helper()
	e := newEnv(t)
	p, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Acronym: "Pemkot Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		key  string
		role sinergi.Role
	}{{"adminP", sinergi.RoleOrgAdmin}, {"memberP", sinergi.RoleMember}} {
		u, err := e.db.CreateUser(sys, sinergi.UserInput{Email: a.key + "@sinergi.test", Name: "Akun " + a.key, OrganizationID: p.ID, Roles: []sinergi.Role{a.role}, Password: "kata-sandi-uji-1"})
		if err != nil {
			t.Fatal(err)
		}
		_, secret, err := e.db.CreateToken(sinergi.WithActor(context.Background(), store.ActorOf(u)), u.ID, "test", nil)
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[a.key] = secret
	}
	return e, p
}

// bkBody is a valid request from orgA to the provider; extra is spliced in.
func bkBody(e *env, prov int64, extra string) string {
	return fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Data bidang tanah Stasiun Maros",
		"description":"Peta bidang dan status tanah di sekitar stasiun","grounds":["d"],"emergency":false,"needed_by":"2026-12-15","cost_estimate":0%s}`,
		e.orgA.ID, prov, extra)
}

// problem asserts a 4xx problem with the given code (rule id) and, for rule
// violations, the article.
func problem(t *testing.T, r resp, status int, code, citation string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	m := r.json(t)
	if m["code"] != code {
		t.Fatalf("code %v, want %s: %s", m["code"], code, r.body)
	}
	if citation != "" && m["citation"] != citation {
		t.Fatalf("citation %v, want %s", m["citation"], citation)
	}
}
