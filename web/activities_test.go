package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"sinergi"
)

// The real responses of the activity and network routes validate against
// the merged OpenAPI document; bad input gets 4xx, never 500.
func TestActivitiesOpenAPIResponses(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	orgC, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	if err != nil {
		t.Fatal(err)
	}
	ok := fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"Pelatihan SPBE untuk staf","evidence":"Daftar hadir","value_rupiah":15000000}`, e.orgA.ID, e.orgB.ID)
	c.call(401, "POST", "/api/v1/activities", "", ok)
	c.call(403, "POST", "/api/v1/activities", "partnerB", fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"x"}`, e.orgA.ID, orgC.ID))
	r := c.call(201, "POST", "/api/v1/activities", "memberA", ok)
	id := c.id(r)
	if r.header.Get("Location") != fmt.Sprintf("/api/v1/activities/%d", id) {
		t.Errorf("Location %q", r.header.Get("Location"))
	}
	m := r.json(t)
	if m["type"] != "training" || m["directed"] != true || m["from_org_name"] != e.orgA.Name || m["value_rupiah"] != float64(15000000) || m["date"] != "2026-03-14" {
		t.Errorf("created: %v", m)
	}
	// one-sided name of the 11: stored as its type, direction kept
	r = c.call(201, "POST", "/api/v1/activities", "partnerB", fmt.Sprintf(`{"type":"receiving_equipment","from_org_id":%d,"to_org_id":%d,"date":"2025-01-02","description":"Menerima alat ukur"}`, e.orgA.ID, e.orgB.ID))
	if m := r.json(t); m["type"] != "equipment" || m["from_org_id"] != float64(e.orgA.ID) {
		t.Errorf("alias: %v", m)
	}
	c.call(201, "POST", "/api/v1/activities", "sys", fmt.Sprintf(`{"type":"joint_planning","from_org_id":%d,"to_org_id":%d,"date":"2024-05-01","description":"Rapat perencanaan bersama"}`, orgC.ID, e.orgB.ID))
	for _, bad := range []string{
		`{"type":"telepathy","from_org_id":1,"to_org_id":2,"date":"2026-01-01","description":"x"}`,
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-13-01","description":"x"}`, e.orgA.ID, e.orgB.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":""}`, e.orgA.ID, e.orgB.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":"x"}`, e.orgA.ID, e.orgA.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":999999,"date":"2026-01-01","description":"x"}`, e.orgA.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":"x","forum_id":999999}`, e.orgA.ID, e.orgB.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":"x","assistance_request_id":999999}`, e.orgA.ID, e.orgB.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":"x","from_unit_id":999999}`, e.orgA.ID, e.orgB.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":"x","value_rupiah":-5}`, e.orgA.ID, e.orgB.ID),
		fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-01-01","description":"x","value_rupiah":1e300}`, e.orgA.ID, e.orgB.ID),
		`{"type":"training","from_org_id":"satu"}`,
		`{"type":"training","extra":true}`,
		`{"type":`,
		`[]`,
		`{"type":"training","from_org_id":-1,"to_org_id":9223372036854775807,"date":"0000-01-01","description":"x"}`,
	} {
		r := c.call(400, "POST", "/api/v1/activities", "memberA", bad)
		if !strings.Contains(string(r.body), `"code"`) {
			t.Errorf("%s: %s", bad, r.body)
		}
	}
	c.call(200, "GET", fmt.Sprintf("/api/v1/activities/%d", id), "partnerB", "")
	c.call(401, "GET", fmt.Sprintf("/api/v1/activities/%d", id), "", "")
	c.call(404, "GET", "/api/v1/activities/999999", "memberA", "")
	c.call(404, "GET", "/api/v1/activities/abc", "memberA", "")
	r = c.call(200, "GET", fmt.Sprintf("/api/v1/activities?org_id=%d", e.orgA.ID), "memberA", "")
	if m := r.json(t); m["total"] != float64(2) || len(m["items"].([]any)) != 2 {
		t.Errorf("list org A: %v", m)
	}
	r = c.call(200, "GET", fmt.Sprintf("/api/v1/activities?org_id=%d&limit=1&offset=1&type=equipment&from=2020-01-01&to=2030-01-01", e.orgB.ID), "memberA", "")
	if m := r.json(t); m["total"] != float64(1) || len(m["items"].([]any)) != 0 {
		t.Errorf("list page 2: %v", m)
	}
	c.call(200, "GET", "/api/v1/activities", "memberA", "")
	c.call(401, "GET", "/api/v1/activities", "", "")
	for _, q := range []string{"org_id=x", "org_id=-3", "type=nope", "from=yesterday", "offset=-1", "limit=abc"} {
		c.call(400, "GET", "/api/v1/activities?"+q, "memberA", "")
	}

	// network analysis
	r = c.call(200, "GET", "/api/v1/analytics/network", "memberA", "")
	if m := r.json(t); m["nodes"] != float64(3) || m["edges"] != float64(2) || m["betweenness_method"] != "exact" {
		t.Errorf("network: %s", r.body)
	}
	c.call(200, "GET", "/api/v1/analytics/network?since=2025-06-01&until=2026-12-31", "memberA", "")
	c.call(400, "GET", "/api/v1/analytics/network?since=kemarin", "memberA", "")
	c.call(401, "GET", "/api/v1/analytics/network", "", "")

	for _, op := range c.doc.operations() {
		if !strings.Contains(op, "/activities") && !strings.Contains(op, "/analytics/") || testedApart(op) {
			continue
		}
		sts := c.seen[op]
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}

	// the analytics page
	b := e.browser()
	if st, _ := get(t, b, e.srv.URL+"/analytics"); st == 200 {
		t.Error("/analytics without login should not show the page")
	}
	e.login(b, "memberA@sinergi.test")
	st, body := get(t, b, e.srv.URL+"/analytics")
	if st != 200 || !strings.Contains(body, "Temuan") || !strings.Contains(body, `data-testid="brokers"`) || !strings.Contains(body, "PT Celebes Railway Indonesia") ||
		!strings.Contains(body, `data-testid="dormant"`) || !strings.Contains(body, `href="/analytics"`) {
		t.Errorf("analytics page: %d\n%.3000s", st, body)
	}
	if st, _ := get(t, b, e.srv.URL+"/analytics?since=x"); st != 400 {
		t.Errorf("bad since: %d", st)
	}
}

// An activity's links do not tell whether a forum or request the recorder
// may not read exists: a rahasia request of others and a members-only forum
// answer exactly as an id that was never used.
func TestActivityLinksNoExistenceOracle(t *testing.T) {
	m := newMatrix(t)
	body := func(from int64, field string, id int64) string {
		return fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"Pelatihan","%s":%d}`, from, m.orgA.ID, field, id)
	}
	// partnerB (orgB) is no party to the rahasia request orgA → orgP; orgP
	// is no member of the members-only forum (orgB is).
	for _, c := range []struct {
		who           string
		from          int64
		field, hidden string
	}{{"partnerB", m.orgB.ID, "assistance_request_id", m.bkRahasia}, {"memberP", m.orgP.ID, "forum_id", m.forumPriv}} {
		hidden := m.do("POST", "/api/v1/activities", c.who, body(c.from, c.field, lastID(c.hidden)))
		missing := m.do("POST", "/api/v1/activities", c.who, body(c.from, c.field, 999999))
		if hidden.status != 400 || missing.status != 400 {
			t.Fatalf("%s: hidden %d %s, missing %d %s; want 400 for both", c.field, hidden.status, hidden.body, missing.status, missing.body)
		}
		he, me := hidden.json(t)["errors"], missing.json(t)["errors"]
		if fmt.Sprint(he) != fmt.Sprint(me) {
			t.Errorf("%s: a hidden record answers %v, a missing one %v", c.field, he, me)
		}
	}
	// the request's own parties may link it
	if r := m.do("POST", "/api/v1/activities", "memberP", body(m.orgP.ID, "assistance_request_id", lastID(m.bkRahasia))); r.status != 201 {
		t.Errorf("a party linking its rahasia request: %d %s", r.status, r.body)
	}
}
