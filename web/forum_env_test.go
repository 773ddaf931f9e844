package web_test

import (
	"context"
	"fmt"
	"testing"

	"sinergi"
	"sinergi/store"
)

// forumEnv is newEnv plus a community (consulted member, account
// "partnerC") and a city outside the forum (account "adminD"), and a
// person of orgB.
type forumEnv struct {
	*env
	orgC, orgD *sinergi.Organization
	personB    *sinergi.Person
}

func newForumEnv(t *testing.T) *forumEnv {
	t.Helper()
	e := &forumEnv{env: newEnv(t)}
	var err error
	if e.orgC, err = e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Komunitas Peduli Stasiun Maros", Sector: sinergi.SectorCommunity, RegionCode: "73.09"}); err != nil {
		t.Fatal(err)
	}
	if e.orgD, err = e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"}); err != nil {
		t.Fatal(err)
	}
	if e.personB, err = e.db.CreatePerson(sys, e.orgB.ID, sinergi.PersonInput{Name: "Rudi Hartono", Position: "Direktur Operasi"}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		key  string
		org  int64
		role sinergi.Role
	}{{"partnerC", e.orgC.ID, sinergi.RolePartner}, {"adminD", e.orgD.ID, sinergi.RoleOrgAdmin}} {
		u, err := e.db.CreateUser(sys, sinergi.UserInput{Email: a.key + "@sinergi.test", Name: "Akun " + a.key, OrganizationID: a.org, Roles: []sinergi.Role{a.role}, Password: "kata-sandi-uji-1"})
		if err != nil {
			t.Fatal(err)
		}
		_, secret, err := e.db.CreateToken(sinergi.WithActor(context.Background(), store.ActorOf(u)), u.ID, "test", nil)
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[a.key] = secret
	}
	return e
}

// forumWithMembers creates, through the API, a forum of orgA with orgB
// deciding and orgC consulted, and a consensus charter; it returns the
// forum's API path.
func (e *forumEnv) forumWithMembers(t *testing.T, visibility string) string {
	t.Helper()
	r := e.do("POST", "/api/v1/forums", "memberA", fmt.Sprintf(`{"name":"Forum Koridor Uji","initiator_org_id":%d,"focus":"programme_management","visibility":%q,"mission":"Kereta","problem_statement":"Stasiun","shared_values":"Terbuka"}`, e.orgA.ID, visibility))
	if r.status != 201 {
		t.Fatalf("create forum: %d %s", r.status, r.body)
	}
	path := fmt.Sprintf("/api/v1/forums/%d", int64(r.json(t)["id"].(float64)))
	for _, m := range []string{fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, e.orgB.ID), fmt.Sprintf(`{"organization_id":%d,"role":"consulted"}`, e.orgC.ID)} {
		if r := e.do("POST", path+"/members", "memberA", m); r.status != 201 {
			t.Fatalf("add member: %d %s", r.status, r.body)
		}
	}
	if r := e.do("PUT", path+"/charter", "memberA", `{"rules":"Musyawarah untuk mufakat","quorum":1}`); r.status != 200 {
		t.Fatalf("charter: %d %s", r.status, r.body)
	}
	return path
}
