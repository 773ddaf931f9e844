package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
)

// The authorisation matrix (issue 10, item 1): the foundation's and the
// committed modules' API routes × role × ownership, with the outcome each
// must give, walked against the running server.
//
// Accounts (columns, in this order):
//
//	sys      system admin (account in orgA)
//	adminA   organisation admin of orgA   — own organisation for rows on orgA
//	memberA  member of orgA               — own organisation
//	partnerB partner account of orgB (a company; a deciding forum member)
//	public   no credentials
//	adminP   organisation admin of orgP   — other organisation for rows on orgA
//	memberP  member of orgP               — other organisation
//
// Outcome classes: A = allowed (2xx), U = 401, F = 403, N = 404. Anything
// else (400, 409, 422, 5xx) fails the cell: a row's request is valid, so an
// allowed call must succeed. Each cell gets a fresh fixture from its row's
// setup, so one allowed write does not change the next cell's outcome.
var matrixWho = []string{"sys", "adminA", "memberA", "partnerB", "", "adminP", "memberP"}

type matrixRow struct {
	name   string // METHOD path — ownership
	expect string // one class per account of matrixWho
	// setup makes what the request needs and returns method, path and body.
	setup func(m *matrix) (method, path, body string)
}

type matrix struct {
	*env
	t          testing.TB
	orgP       *sinergi.Organization
	seq        atomic.Int64
	forumPub   string // public forum of orgA, orgB deciding
	forumPriv  string // members-only forum of orgA, orgB deciding
	proposal   string // open proposal of forumPub
	bkBiasa    string // submitted biasa request orgA → orgP
	bkDraft    string // draft of orgA to orgP
	bkRahasia  string // submitted rahasia request orgA → orgP
	activity   string
	unitA      string
	personA    string
	soon       string
	rahasiaSub string
	shared     map[string]string // fixtures made once and only read (matrix_modules_test.go)
}

// must sends a request that has to succeed and returns the JSON object.
func (m *matrix) must(status int, method, path, who, body string, header ...string) map[string]any {
	m.t.Helper()
	r := m.do(method, path, who, body, header...)
	if r.status != status {
		m.t.Fatalf("setup %s %s as %q: %d %s; want %d", method, path, who, r.status, r.body, status)
	}
	if len(r.body) == 0 {
		return nil
	}
	return r.json(m.t)
}

func idOf(v map[string]any) int64 { return int64(v["id"].(float64)) }

func (m *matrix) n() int64 { return m.seq.Add(1) }

func newMatrix(t testing.TB) *matrix {
	m := &matrix{env: newEnv(t), t: t, shared: map[string]string{}}
	var err error
	m.orgP, err = m.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		key  string
		role sinergi.Role
	}{{"adminP", sinergi.RoleOrgAdmin}, {"memberP", sinergi.RoleMember}} {
		u, err := m.db.CreateUser(sys, sinergi.UserInput{Email: a.key + "@sinergi.test", Name: "Akun " + a.key, OrganizationID: m.orgP.ID, Roles: []sinergi.Role{a.role}, Password: "kata-sandi-uji-1"})
		if err != nil {
			t.Fatal(err)
		}
		_, secret, err := m.db.CreateToken(sinergi.WithActor(context.Background(), store.ActorOf(u)), u.ID, "test", nil)
		if err != nil {
			t.Fatal(err)
		}
		m.tokens[a.key] = secret
	}
	m.soon = time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	m.forumPub = m.newForum("public")
	m.forumPriv = m.newForum("members")
	m.proposal = m.newProposal(m.forumPub)
	m.bkBiasa = m.newBK("biasa", true, 0)
	m.bkDraft = m.newBK("biasa", false, 0)
	m.rahasiaSub = "Data intelijen jalur kereta RHS-7731"
	m.bkRahasia = m.newBK("rahasia", true, 0)
	m.activity = fmt.Sprintf("/api/v1/activities/%d", idOf(m.must(201, "POST", "/api/v1/activities", "memberA",
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"Pelatihan bersama"}`, m.orgA.ID, m.orgP.ID))))
	m.unitA = m.newUnit()
	m.personA = m.newPerson()
	return m
}

func (m *matrix) newForum(visibility string) string {
	r := m.must(201, "POST", "/api/v1/forums", "memberA", fmt.Sprintf(`{"name":"Forum Matriks %d","initiator_org_id":%d,"focus":"programme_management","visibility":%q,"mission":"Kereta","problem_statement":"Stasiun","shared_values":"Terbuka"}`, m.n(), m.orgA.ID, visibility))
	path := fmt.Sprintf("/api/v1/forums/%d", idOf(r))
	m.must(201, "POST", path+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"deciding"}`, m.orgB.ID))
	m.must(200, "PUT", path+"/charter", "memberA", `{"rules":"Musyawarah untuk mufakat","quorum":1}`)
	return path
}

func (m *matrix) newProposal(forum string) string {
	r := m.must(201, "POST", forum+"/proposals", "memberA", fmt.Sprintf(`{"title":"Usulan %d","body":"Stasiun di Turikale.","closes_at":%q}`, m.n(), m.soon))
	return fmt.Sprintf("/api/v1/proposals/%d", idOf(r))
}

// newBK creates a request of orgA to orgP; cost > 0 gives it an activity
// of its own so that cost sharing can be set.
func (m *matrix) newBK(class string, submit bool, cost int) string {
	subject := fmt.Sprintf("Data bidang tanah %d", m.n())
	if class == "rahasia" && m.rahasiaSub != "" {
		subject = m.rahasiaSub
	}
	extra := fmt.Sprintf(`,"classification":%q`, class)
	if cost > 0 {
		extra += fmt.Sprintf(`,"activity":"Survei %d"`, m.n())
	}
	body := fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":%q,"description":"Peta bidang dan status tanah","grounds":["d"],"emergency":false,"needed_by":"2026-12-15","cost_estimate":%d%s}`,
		m.orgA.ID, m.orgP.ID, subject, cost, extra)
	path := fmt.Sprintf("/api/v1/assistance-requests/%d", idOf(m.must(201, "POST", "/api/v1/assistance-requests", "memberA", body)))
	if submit {
		m.must(200, "POST", path+"/submit", "memberA", "")
	}
	return path
}

func (m *matrix) costBody() string {
	return fmt.Sprintf(`{"shares":[{"organization_id":%d,"amount":1000000,"funding_source":"APBD","budget_line":"1.02.01"},{"organization_id":%d,"amount":500000,"funding_source":"APBD","budget_line":"2.01.03"}]}`, m.orgA.ID, m.orgP.ID)
}

func (m *matrix) newMeeting(forum string) string {
	r := m.must(201, "POST", forum+"/meetings", "memberA", `{"starts_at":"2026-11-02T09:30:00+08:00","time_zone":"WITA","mode":"in_person","place":"Kantor Gubernur"}`)
	return fmt.Sprintf("/api/v1/meetings/%d", idOf(r))
}

func (m *matrix) newUnit() string {
	r := m.must(201, "POST", fmt.Sprintf("/api/v1/organizations/%d/units", m.orgA.ID), "adminA", fmt.Sprintf(`{"name":"Dinas Uji %d","kind":"opd"}`, m.n()))
	return fmt.Sprintf("/api/v1/units/%d", idOf(r))
}

func (m *matrix) newPerson() string {
	r := m.must(201, "POST", fmt.Sprintf("/api/v1/organizations/%d/people", m.orgA.ID), "adminA", fmt.Sprintf(`{"name":"Orang Uji %d","position":"Analis"}`, m.n()))
	return fmt.Sprintf("/api/v1/people/%d", idOf(r))
}

func getRow(p string) func(*matrix) (string, string, string) {
	return func(*matrix) (string, string, string) { return "GET", p, "" }
}

func matrixRows() []matrixRow {
	orgA := func(m *matrix) int64 { return m.orgA.ID }
	orgPath := func(suffix string) func(*matrix) (string, string, string) {
		return func(m *matrix) (string, string, string) {
			return "GET", fmt.Sprintf("/api/v1/organizations/%d%s", orgA(m), suffix), ""
		}
	}
	//                                                      sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		// registry: public reads, people need a login, writes by the organisation's admins
		{"GET /regions", "AAAAAAA", getRow("/api/v1/regions")},
		{"GET /sectors", "AAAAAAA", getRow("/api/v1/sectors")},
		{"GET /openapi.json", "AAAAAAA", getRow("/api/v1/openapi.json")},
		{"GET /regions/{code}", "AAAAAAA", getRow("/api/v1/regions/73.09")},
		{"GET /organizations", "AAAAAAA", getRow("/api/v1/organizations")},
		{"GET /organizations/{id} — orgA", "AAAAAAA", orgPath("")},
		{"POST /organizations", "AAFFUAF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/organizations", fmt.Sprintf(`{"name":"Komunitas Matriks %d","sector":"community","region_code":"73.71"}`, m.n())
		}},
		{"PATCH /organizations/{id} — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", fmt.Sprintf("/api/v1/organizations/%d", orgA(m)), fmt.Sprintf(`{"name":"Pemerintah Kabupaten Maros","acronym":"M%d","sector":"regency_government","region_code":"73.09"}`, m.n())
		}},
		{"PATCH /organizations/{id} — orgB (partner's own)", "AFFFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", fmt.Sprintf("/api/v1/organizations/%d", m.orgB.ID), fmt.Sprintf(`{"name":"PT Celebes Railway Indonesia","acronym":"C%d","sector":"private_company","region_code":"73.71"}`, m.n())
		}},
		{"GET /organizations/{id}/units — orgA", "AAAAAAA", orgPath("/units")},
		{"POST /organizations/{id}/units — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "POST", fmt.Sprintf("/api/v1/organizations/%d/units", orgA(m)), fmt.Sprintf(`{"name":"Bagian %d","kind":"opd"}`, m.n())
		}},
		{"GET /units/{id} — orgA", "AAAAAAA", func(m *matrix) (string, string, string) { return "GET", m.unitA, "" }},
		{"PATCH /units/{id} — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", m.newUnit(), fmt.Sprintf(`{"name":"Dinas Diubah %d","kind":"opd"}`, m.n())
		}},
		{"DELETE /units/{id} — orgA", "AAFFUFF", func(m *matrix) (string, string, string) { return "DELETE", m.newUnit(), "" }},
		{"GET /organizations/{id}/people — orgA", "AAAAUAA", orgPath("/people")},
		{"POST /organizations/{id}/people — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "POST", fmt.Sprintf("/api/v1/organizations/%d/people", orgA(m)), fmt.Sprintf(`{"name":"Orang Baru %d","position":"Staf"}`, m.n())
		}},
		{"GET /people/{id} — orgA", "AAAAUAA", func(m *matrix) (string, string, string) { return "GET", m.personA, "" }},
		{"PATCH /people/{id} — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", m.newPerson(), fmt.Sprintf(`{"name":"Orang Diubah %d","position":"Kepala"}`, m.n())
		}},
		{"DELETE /people/{id} — orgA", "AAFFUFF", func(m *matrix) (string, string, string) { return "DELETE", m.newPerson(), "" }},

		// accounts, tokens, audit
		{"GET /organizations/{id}/users — orgA", "AAFFUFF", orgPath("/users")},
		{"POST /users — orgA member", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/users", fmt.Sprintf(`{"email":"baru%d@sinergi.test","name":"Akun Baru","organization_id":%d,"roles":["member"],"password":"kata-sandi-uji-1"}`, m.n(), orgA(m))
		}},
		{"POST /users — orgA system admin", "AFFFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/users", fmt.Sprintf(`{"email":"admin%d@sinergi.test","name":"Akun Admin","organization_id":%d,"roles":["system_admin"],"password":"kata-sandi-uji-1"}`, m.n(), orgA(m))
		}},
		{"GET /me", "AAAAUAA", getRow("/api/v1/me")},
		{"POST /me/password — own account", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/me/password", `{"old_password":"kata-sandi-uji-1","new_password":"kata-sandi-uji-2"}`
		}},
		{"GET /me/tokens", "AAAAUAA", getRow("/api/v1/me/tokens")},
		{"POST /me/tokens", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/me/tokens", fmt.Sprintf(`{"name":"skrip %d"}`, m.n())
		}},
		// another organisation's token does not exist for those who may not see its account
		{"DELETE /me/tokens/{id} — memberA's token", "AAANUNN", func(m *matrix) (string, string, string) {
			tok := m.must(201, "POST", "/api/v1/me/tokens", "memberA", fmt.Sprintf(`{"name":"dicabut %d"}`, m.n()))
			return "DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", idOf(tok)), ""
		}},
		{"GET /audit", "AFFFUFF", getRow("/api/v1/audit")},

		// forums
		{"GET /forums", "AAAAAAA", getRow("/api/v1/forums")},
		{"POST /forums — initiator orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/forums", fmt.Sprintf(`{"name":"Forum Baru %d","initiator_org_id":%d,"focus":"programme_management","visibility":"public","mission":"M","problem_statement":"P","shared_values":"V"}`, m.n(), orgA(m))
		}},
		{"GET /forums/{id} — public forum of orgA", "AAAAAAA", func(m *matrix) (string, string, string) { return "GET", m.forumPub, "" }},
		{"GET /forums/{id} — members-only forum of orgA", "AAAAUFF", func(m *matrix) (string, string, string) { return "GET", m.forumPriv, "" }},
		{"GET /forums/{id}/charter — members-only", "AAAAUFF", func(m *matrix) (string, string, string) { return "GET", m.forumPriv + "/charter", "" }},
		{"PATCH /forums/{id} — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", m.newForum("public"), fmt.Sprintf(`{"mission":"Misi %d"}`, m.n())
		}},
		{"POST /forums/{id}/members — add orgP", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newForum("public") + "/members", fmt.Sprintf(`{"organization_id":%d,"role":"observer"}`, m.orgP.ID)
		}},
		{"DELETE /forums/{id}/members/{org} — orgB", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "DELETE", fmt.Sprintf("%s/members/%d", m.newForum("public"), m.orgB.ID), ""
		}},
		// representatives: the forum's managers, and the member organisation's own admins
		{"POST /forums/{id}/members/{org}/representatives — member orgP", "AAAFUAF", func(m *matrix) (string, string, string) {
			f := m.newForum("public")
			m.must(201, "POST", f+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"observer"}`, m.orgP.ID))
			p := m.must(201, "POST", fmt.Sprintf("/api/v1/organizations/%d/people", m.orgP.ID), "adminP", fmt.Sprintf(`{"name":"Wakil Parepare %d","position":"Kepala Dinas"}`, m.n()))
			return "POST", fmt.Sprintf("%s/members/%d/representatives", f, m.orgP.ID), fmt.Sprintf(`{"person_id":%d}`, idOf(p))
		}},
		{"PUT /forums/{id}/charter — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PUT", m.newForum("public") + "/charter", `{"rules":"Musyawarah","quorum":1}`
		}},
		{"PATCH /forums/{id}/charter — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", m.newForum("public") + "/charter", `{"disagree_tolerance":1}`
		}},
		{"PATCH /forums/{id}/members/{org} — orgB's role", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", fmt.Sprintf("%s/members/%d", m.newForum("public"), m.orgB.ID), `{"role":"consulted"}`
		}},
		{"DELETE /representatives/{id} — of member orgP", "AAAFUAF", func(m *matrix) (string, string, string) {
			f := m.newForum("public")
			m.must(201, "POST", f+"/members", "memberA", fmt.Sprintf(`{"organization_id":%d,"role":"observer"}`, m.orgP.ID))
			p := m.must(201, "POST", fmt.Sprintf("/api/v1/organizations/%d/people", m.orgP.ID), "adminP", fmt.Sprintf(`{"name":"Wakil Parepare %d","position":"Kepala Dinas"}`, m.n()))
			rep := m.must(201, "POST", fmt.Sprintf("%s/members/%d/representatives", f, m.orgP.ID), "adminP", fmt.Sprintf(`{"person_id":%d}`, idOf(p)))
			return "DELETE", fmt.Sprintf("/api/v1/representatives/%d", idOf(rep)), ""
		}},
		// member organisations acknowledge for themselves; orgA is the facilitator
		{"POST /forums/{id}/acknowledgements — public forum", "FAAAUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newForum("public") + "/acknowledgements", ""
		}},
		{"POST /forums/{id}/small-wins — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.forumPub + "/small-wins", fmt.Sprintf(`{"title":"Data lahan %d terkumpul","achieved_on":"2026-10-01"}`, m.n())
		}},
		{"GET /forums/{id}/meetings — members-only forum", "AAAAUFF", func(m *matrix) (string, string, string) { return "GET", m.forumPriv + "/meetings", "" }},
		{"POST /forums/{id}/meetings — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.forumPub + "/meetings", `{"starts_at":"2026-12-02T09:30:00+07:00","time_zone":"WIB","mode":"online"}`
		}},
		{"GET /meetings/{id} — members-only forum", "AAAAUFF", func(m *matrix) (string, string, string) { return "GET", m.newMeeting(m.forumPriv), "" }},
		{"PATCH /meetings/{id} — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PATCH", m.newMeeting(m.forumPub), `{"minutes":"Disepakati tiga lokasi.","minutes_public":true}`
		}},
		{"DELETE /meetings/{id} — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) { return "DELETE", m.newMeeting(m.forumPub), "" }},
		{"PUT /meetings/{id}/attendance — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PUT", m.newMeeting(m.forumPub) + "/attendance", fmt.Sprintf(`{"attendees":[{"organization_id":%d}]}`, m.orgA.ID)
		}},
		{"POST /meetings/{id}/action-items — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newMeeting(m.forumPub) + "/action-items", fmt.Sprintf(`{"title":"Kirim data lahan","owner_org_id":%d,"due":"2026-11-20"}`, m.orgB.ID)
		}},
		// the forum's managers and the owning organisation (orgB) update an action item
		{"PATCH /action-items/{id} — owned by orgB", "AAAAUFF", func(m *matrix) (string, string, string) {
			ai := m.must(201, "POST", m.newMeeting(m.forumPub)+"/action-items", "memberA", fmt.Sprintf(`{"title":"Kirim data lahan","owner_org_id":%d,"due":"2026-11-20"}`, m.orgB.ID))
			return "PATCH", fmt.Sprintf("/api/v1/action-items/%d", idOf(ai)), `{"status":"done","done_on":"2026-11-19"}`
		}},
		{"POST /forums/{id}/proposals — orgA's forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.forumPub + "/proposals", fmt.Sprintf(`{"title":"Usulan %d","body":"x","closes_at":%q}`, m.n(), m.soon)
		}},
		{"GET /proposals", "AAAAAAA", getRow("/api/v1/proposals")},
		{"GET /proposals/{id} — public forum", "AAAAAAA", func(m *matrix) (string, string, string) { return "GET", m.proposal, "" }},
		{"GET /proposals/{id} — members-only forum", "AAAAUFF", func(m *matrix) (string, string, string) {
			return "GET", m.newProposal(m.forumPriv), ""
		}},
		// only deciding members take positions: orgB decides; orgA initiates
		{"POST /proposals/{id}/positions — public forum", "FFFAUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newProposal(m.forumPub) + "/positions", `{"position":"agree"}`
		}},
		{"POST /proposals/{id}/comments — public forum", "AAAAUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newProposal(m.forumPub) + "/comments", `{"body":"Mohon jalur pejalan kaki."}`
		}},
		{"POST /proposals/{id}/close — public forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newProposal(m.forumPub) + "/close", `{"outcome":"Disepakati","review_date":"2027-06-30"}`
		}},
		{"POST /proposals/{id}/revise — closed, public forum", "AAAFUFF", func(m *matrix) (string, string, string) {
			p := m.newProposal(m.forumPub)
			m.must(200, "POST", p+"/close", "memberA", `{"outcome":"Tidak tercapai kuorum; direvisi.","review_date":"2027-01-31"}`)
			return "POST", p + "/revise", fmt.Sprintf(`{"title":"Putaran 2 %d","body":"Dengan jalur pejalan kaki.","closes_at":%q}`, m.n(), m.soon)
		}},

		// Bantuan Kedinasan: orgA requests, orgP provides. System admins run
		// the installation but do not act for an organisation, nor read its
		// rahasia requests; partners never act.
		{"GET /assistance-requests", "AAAAUAA", getRow("/api/v1/assistance-requests")},
		{"POST /assistance-requests — requester orgA", "FAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/assistance-requests", fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Data %d","description":"x","grounds":["d"],"needed_by":"2026-12-15","cost_estimate":0}`, m.orgA.ID, m.orgP.ID, m.n())
		}},
		{"GET /assistance-requests/{id} — submitted biasa", "AAAAUAA", func(m *matrix) (string, string, string) { return "GET", m.bkBiasa, "" }},
		{"GET /assistance-requests/{id} — draft of orgA", "AAANUNN", func(m *matrix) (string, string, string) { return "GET", m.bkDraft, "" }},
		{"GET /assistance-requests/{id} — submitted rahasia", "NAANUAA", func(m *matrix) (string, string, string) { return "GET", m.bkRahasia, "" }},
		{"PATCH /assistance-requests/{id} — draft of orgA", "FAANUNN", func(m *matrix) (string, string, string) {
			return "PATCH", m.newBK("biasa", false, 0), `{"description":"Peta bidang, diperbarui"}`
		}},
		{"POST /assistance-requests/{id}/submit — draft of orgA", "FAANUNN", func(m *matrix) (string, string, string) {
			return "POST", m.newBK("biasa", false, 0) + "/submit", ""
		}},
		{"POST /assistance-requests/{id}/accept — provider orgP", "FFFFUAA", func(m *matrix) (string, string, string) {
			return "POST", m.newBK("biasa", true, 0) + "/accept", ""
		}},
		{"POST /assistance-requests/{id}/refuse — provider orgP", "FFFFUAA", func(m *matrix) (string, string, string) {
			return "POST", m.newBK("biasa", true, 0) + "/refuse", `{"ground":"a","reason":"Tenaga terbatas"}`
		}},
		{"POST /assistance-requests/{id}/accept — rahasia", "NFFNUAA", func(m *matrix) (string, string, string) {
			return "POST", m.newBK("rahasia", true, 0) + "/accept", ""
		}},
		{"POST /assistance-requests/{id}/start — provider orgP", "FFFFUAA", func(m *matrix) (string, string, string) {
			p := m.newBK("biasa", true, 0)
			m.must(200, "POST", p+"/accept", "adminP", "")
			return "POST", p + "/start", `{"note":"Tim berangkat Senin"}`
		}},
		{"POST /assistance-requests/{id}/complete — either party (assist.workflow)", "FAAFUAA", func(m *matrix) (string, string, string) {
			p := m.newBK("biasa", true, 0)
			m.must(200, "POST", p+"/accept", "adminP", "")
			m.must(200, "POST", p+"/start", "adminP", "")
			return "POST", p + "/complete", `{"note":"Selesai dengan baik"}`
		}},
		{"POST /assistance-requests/{id}/responsibility/sign — both parties", "FAAFUAA", func(m *matrix) (string, string, string) {
			body := fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Data %d","description":"x","grounds":["d"],"needed_by":"2026-12-15","responsibility":"shared","agreement_ref":"PKS 7/2026"}`, m.orgA.ID, m.orgP.ID, m.n())
			p := fmt.Sprintf("/api/v1/assistance-requests/%d", idOf(m.must(201, "POST", "/api/v1/assistance-requests", "memberA", body)))
			m.must(200, "POST", p+"/submit", "memberA", "")
			return "POST", p + "/responsibility/sign", ""
		}},
		{"POST /assistance-requests/{id}/cancel — requester orgA", "FAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newBK("biasa", true, 0) + "/cancel", `{"note":"Tidak diperlukan lagi"}`
		}},
		{"PUT /assistance-requests/{id}/cost-sharing — both parties", "FAAFUAA", func(m *matrix) (string, string, string) {
			return "PUT", m.newBK("biasa", true, 1500000) + "/cost-sharing", m.costBody()
		}},
		{"POST /assistance-requests/{id}/cost-sharing/confirm — both parties", "FAAFUAA", func(m *matrix) (string, string, string) {
			p := m.newBK("biasa", true, 1500000)
			m.must(200, "PUT", p+"/cost-sharing", "memberA", m.costBody())
			return "POST", p + "/cost-sharing/confirm", ""
		}},
		{"GET /organizations/{id}/assistance-stats — orgA", "AAAAUAA", orgPath("/assistance-stats")},
		{"GET /organizations/{id}/assistance-numbering — orgA", "AAAAUAA", orgPath("/assistance-numbering")},
		{"PUT /organizations/{id}/assistance-numbering — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			path := fmt.Sprintf("/api/v1/organizations/%d/assistance-numbering", orgA(m))
			cur := m.must(200, "GET", path, "adminA", "")
			b, _ := json.Marshal(map[string]any{"pattern": cur["pattern"], "agency_code": fmt.Sprintf("K%d", m.n()), "unit_code": cur["unit_code"], "archive_code": cur["archive_code"]})
			return "PUT", path, string(b)
		}},

		// activities and the network
		{"GET /activities", "AAAAUAA", getRow("/api/v1/activities")},
		{"GET /activities/{id}", "AAAAUAA", func(m *matrix) (string, string, string) { return "GET", m.activity, "" }},
		{"POST /activities — orgA → orgP", "AAAFUAA", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/activities", fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"Pelatihan %d"}`, m.orgA.ID, m.orgP.ID, m.n())
		}},
		{"GET /analytics/network", "AAAAUAA", getRow("/api/v1/analytics/network")},
		{"GET /analytics/trends", "AAAAUAA", getRow("/api/v1/analytics/trends")},
		{"GET /activities/template.xlsx", "AAAAUAA", getRow("/api/v1/activities/template.xlsx")},
		// the import answers every signed-in account with its row report; a
		// row the account may not record is a problem of that row
		// (TestActivityImportHTTP), not a 403 for the file
		{"POST /activities/import — orgA → orgP", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/activities/import?mode=valid_only", fmt.Sprintf("type,from_org,to_org,date,description\ntraining,%d,%d,2026-03-14,Pelatihan %d\n", m.orgA.ID, m.orgP.ID, m.n())
		}},
	}
}

func classOf(status int) string {
	switch {
	case status >= 200 && status < 300:
		return "A"
	case status == 401:
		return "U"
	case status == 403:
		return "F"
	case status == 404:
		return "N"
	}
	return fmt.Sprintf("(%d)", status)
}

func TestAuthorizationMatrix(t *testing.T) {
	m := newMatrix(t)
	rows := matrixRows()
	for _, more := range matrixModules {
		rows = append(rows, more()...)
	}
	cells := 0
	for _, row := range rows {
		if len(row.expect) != len(matrixWho) {
			t.Fatalf("%s: %d expectations for %d accounts", row.name, len(row.expect), len(matrixWho))
		}
		t.Run(row.name, func(t *testing.T) {
			m.t = t
			for i, who := range matrixWho {
				method, path, body := row.setup(m)
				r := m.do(method, path, who, body)
				got, want := classOf(r.status), string(row.expect[i])
				if got != want {
					name := who
					if name == "" {
						name = "public"
					}
					kind := "unexpected deny"
					if got == "A" {
						kind = "UNEXPECTED ALLOW"
					}
					t.Errorf("%s as %s: got %s (%d), want %s — %s: %.300s", row.name, name, got, r.status, want, kind, r.body)
				}
				cells++
			}
		})
	}
	t.Logf("%d rows × %d accounts = %d cells", len(rows), len(matrixWho), cells)

	// Every API route of every route file (routes.go, routes_*.go) has a row.
	covered := map[string]bool{}
	for _, row := range rows {
		covered[strings.SplitN(row.name, " — ", 2)[0]] = true
	}
	re := regexp.MustCompile(`api\("([A-Z]+) /api/v1(/[^"]*)"`)
	files, err := filepath.Glob("routes*.go")
	if err != nil || len(files) < 2 {
		t.Fatalf("route files: %v %v", files, err)
	}
	routes := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, mm := range re.FindAllStringSubmatch(string(src), -1) {
			route := mm[1] + " " + mm[2]
			routes++
			if !covered[route] {
				t.Errorf("route %s (%s) has no row in the authorisation matrix", route, file)
			}
		}
	}
	t.Logf("%d API routes in %d route files, each with a row", routes, len(files))
}

// TestRahasiaNeverShown: a submitted rahasia request of orgA to orgP is seen
// by the two parties' admins and members only — not by the system admin,
// a partner, another organisation's accounts or the public — in the API
// (list, filters, item, stats) and in the HTML pages (list, item, dashboard,
// letter).
func TestRahasiaNeverShown(t *testing.T) {
	m := newMatrix(t)
	// a third public body outside the request
	orgD, err := m.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := m.db.CreateUser(sys, sinergi.UserInput{Email: "adminD@sinergi.test", Name: "Akun adminD", OrganizationID: orgD.ID, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}, Password: "kata-sandi-uji-1"})
	if err != nil {
		t.Fatal(err)
	}
	_, secret, err := m.db.CreateToken(sinergi.WithActor(context.Background(), store.ActorOf(u)), u.ID, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	m.tokens["adminD"] = secret
	m.must(200, "POST", m.bkRahasia+"/accept", "adminP", "")
	id := strings.TrimPrefix(m.bkRahasia, "/api/v1/assistance-requests/")
	// answered after its due date: the obstacle register proposes it as a
	// late answer (the passing of time, set in the database)
	if _, err := m.db.SQL.Exec(`UPDATE assistance_requests SET due_date = '2026-01-05' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	secretText := m.rahasiaSub

	apiPaths := []string{
		"/api/v1/assistance-requests",
		"/api/v1/assistance-requests?status=accepted",
		"/api/v1/assistance-requests?role=requester",
		"/api/v1/assistance-requests?role=provider",
		"/api/v1/assistance-requests?limit=100",
		m.bkRahasia,
		fmt.Sprintf("/api/v1/organizations/%d/assistance-stats", m.orgA.ID),
		fmt.Sprintf("/api/v1/organizations/%d/assistance-stats", m.orgP.ID),
		"/api/v1/activities",
		"/api/v1/audit?entity=assistance_request&entity_id=" + id,
		"/api/v1/obstacle-proposals",
		"/api/v1/obstacles",
		"/api/v1/agreements/export.csv",
	}
	htmlPaths := []string{"/", "/assistance", "/assistance?status=accepted", "/assistance/" + id, "/assistance/" + id + "/letter/request",
		"/assistance/" + id + "/letter.pdf", "/assistance/stats", "/assistance/" + id + "/costs", "/assistance/" + id + "/respond", "/audit",
		"/obstacles", fmt.Sprintf("/organizations/%d/report", m.orgA.ID), fmt.Sprintf("/organizations/%d/report", m.orgP.ID)}
	emails := map[string]string{"sys": "sys@sinergi.test", "partnerB": "partnerB@sinergi.test", "adminD": "adminD@sinergi.test", "adminA": "adminA@sinergi.test", "adminP": "adminP@sinergi.test"}

	entitled := map[string]bool{"adminA": true, "memberA": true, "adminP": true, "memberP": true}
	for _, who := range []string{"sys", "partnerB", "adminD", "", "adminA", "memberP"} {
		for _, p := range apiPaths {
			r := m.do("GET", p, who, "")
			shown := strings.Contains(string(r.body), secretText)
			if shown && !entitled[who] {
				leak(t, fmt.Sprintf("GET %s as %q shows the rahasia request (%d)", p, who, r.status), strings.HasPrefix(p, "/api/v1/audit"))
			}
			if p == m.bkRahasia && entitled[who] && (!shown || r.status != 200) {
				t.Errorf("GET %s as %q: %d; the entitled do not see it", p, who, r.status)
			}
		}
		if who == "" || emails[who] == "" {
			continue
		}
		c := m.browser()
		m.login(c, emails[who])
		for _, p := range htmlPaths {
			status, body := get(t, c, m.srv.URL+p)
			if strings.Contains(body, secretText) && !entitled[who] {
				leak(t, fmt.Sprintf("HTML %s as %s shows the rahasia request (%d)", p, who, status), p == "/audit")
			}
			item := strings.HasPrefix(p, "/assistance/"+id)
			if item && !entitled[who] && status != 404 {
				t.Errorf("HTML %s as %s: %d, want 404", p, who, status)
			}
			if p == "/assistance/"+id && entitled[who] && (status != 200 || !strings.Contains(body, secretText)) {
				t.Errorf("HTML %s as %s: %d; the entitled do not see it", p, who, status)
			}
		}
	}

	// the parties do get the late rahasia request proposed for their register
	// (so the check above is not vacuous)
	for _, who := range []string{"adminA", "memberP"} {
		if r := m.do("GET", "/api/v1/obstacle-proposals", who, ""); !strings.Contains(string(r.body), secretText) {
			t.Errorf("obstacle proposals as %s: the late rahasia request is missing: %d %.300s", who, r.status, r.body)
		}
	}

	// Known leaks (reported in docs/reliability.md):
	//   - the audit log (API and /audit page) holds each request's full
	//     before/after JSON and is read by system admins, whom CanRead denies
	//     rahasia records;
	//   - the network graph counts a link for every submitted request, whatever
	//     its classification: the existence, parties and date of a rahasia
	//     request reach every logged-in account (partners included) through the
	//     link counts and the graph's measures.
	links := func() float64 {
		r := m.do("GET", "/api/v1/analytics/network", "partnerB", "")
		if r.status != 200 {
			t.Fatalf("network: %d %s", r.status, r.body)
		}
		l, _ := r.json(t)["links"].(map[string]any)
		n, _ := l["assistance"].(float64)
		return n
	}
	before := links()
	bk := m.must(201, "POST", "/api/v1/assistance-requests", "adminD", fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Rahasia kedua","description":"x","grounds":["d"],"needed_by":"2026-12-15","cost_estimate":0,"classification":"rahasia"}`, orgD.ID, m.orgP.ID))
	m.must(200, "POST", fmt.Sprintf("/api/v1/assistance-requests/%d/submit", idOf(bk)), "adminD", "")
	if after := links(); after != before {
		leak(t, fmt.Sprintf("/api/v1/analytics/network counts rahasia Bantuan Kedinasan requests for a partner account (assistance links %v → %v)", before, after), true)
	}
}

// leak reports a rahasia record shown to someone not entitled. The two leaks
// this test first found (audit before/after data shown to system admins,
// and rahasia requests counted in the network analysis) are fixed; known
// only says where they were.
func leak(t *testing.T, msg string, known bool) {
	t.Helper()
	_ = known
	t.Error("LEAK: " + msg)
}
