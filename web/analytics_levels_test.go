package web_test

import (
	"fmt"
	"strings"
	"testing"

	"sinergi"
)

// The network at unit, organisation and sector level (issue 6 item 2) in
// the API (validated against OpenAPI) and on /analytics, with the E-I
// tables (item 3).
func TestAnalyticsLevels(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	unit := func(org int64, name string) int64 {
		u, err := e.db.CreateUnit(sys, org, sinergi.UnitInput{Name: name, Kind: "division"})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	u1, u2 := unit(e.orgA.ID, "Bidang Perencanaan"), unit(e.orgA.ID, "Bidang Keuangan")
	c.call(201, "POST", "/api/v1/activities", "memberA", fmt.Sprintf(`{"type":"joint_planning","from_org_id":%d,"from_unit_id":%d,"to_org_id":%d,"to_unit_id":%d,"date":"2026-03-14","description":"Rapat anggaran"}`, e.orgA.ID, u1, e.orgA.ID, u2))
	c.call(400, "POST", "/api/v1/activities", "memberA", fmt.Sprintf(`{"type":"joint_planning","from_org_id":%d,"from_unit_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"x"}`, e.orgA.ID, u1, e.orgA.ID))
	c.call(201, "POST", "/api/v1/activities", "memberA", fmt.Sprintf(`{"type":"training","from_org_id":%d,"from_unit_id":%d,"to_org_id":%d,"date":"2026-04-01","description":"Pelatihan"}`, e.orgA.ID, u1, e.orgB.ID))

	m := c.call(200, "GET", "/api/v1/analytics/network?level=unit", "memberA", "").json(t)
	ei := m["ei_nodes"].(map[string]any)
	p1 := ei[fmt.Sprintf("u%d", u1)].(map[string]any)
	if m["level"] != "unit" || p1["external"] != float64(1) || p1["internal"] != float64(1) || p1["index"] != float64(0) {
		t.Errorf("unit level: %v", m)
	}
	m = c.call(200, "GET", "/api/v1/analytics/network?level=organization", "memberA", "").json(t)
	if m["level"] != "organization" || m["edges"] != float64(1) {
		t.Errorf("organisation level: %v", m)
	}
	m = c.call(200, "GET", "/api/v1/analytics/network?level=sector&since=2026-01-01", "memberA", "").json(t)
	if m["level"] != "sector" || m["ei_nodes"] == nil {
		t.Errorf("sector level: %v", m)
	}
	c.call(400, "GET", "/api/v1/analytics/network?level=province", "memberA", "")

	b := e.browser()
	e.login(b, "memberA@sinergi.test")
	for _, tt := range []struct{ level, want string }{
		{"unit", "Bidang Perencanaan"}, {"organization", "Indeks E-I per instansi"}, {"sector", "Indeks E-I per sektor"},
	} {
		st, body := get(t, b, e.srv.URL+"/analytics?level="+tt.level)
		if st != 200 || !strings.Contains(body, tt.want) || !strings.Contains(body, `data-testid="ei-nodes"`) ||
			!strings.Contains(body, `<option value="`+tt.level+`" selected>`) {
			t.Errorf("/analytics?level=%s: %d\n%.4000s", tt.level, st, body)
		}
	}
	if st, _ := get(t, b, e.srv.URL+"/analytics?level=x"); st != 400 {
		t.Errorf("bad level: %d", st)
	}
}
