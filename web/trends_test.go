package web_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Quarterly trends (issue 6 item 5): the API against its OpenAPI contract,
// the table and the SVG chart on /analytics and on the organisation page.
func TestTrendsHTTP(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	for _, a := range []string{"2026-01-15", "2026-02-20", "2026-05-02"} {
		c.call(201, "POST", "/api/v1/activities", "memberA", fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":%q,"description":"Pelatihan"}`, e.orgB.ID, e.orgA.ID, a))
	}
	r := c.call(200, "GET", fmt.Sprintf("/api/v1/analytics/trends?org_id=%d&from=2026-01-01&to=2026-06-30", e.orgA.ID), "memberA", "")
	m := r.json(t)
	qs := m["quarters"].([]any)
	if m["org_name"] != e.orgA.Name || len(qs) != 2 {
		t.Fatalf("trends: %s", r.body)
	}
	q1 := qs[0].(map[string]any)
	if q1["quarter"] != "2026-Q1" || q1["activities"] != float64(2) || q1["partners"] != float64(1) || q1["by_type"].(map[string]any)["training"] != float64(2) ||
		q1["cross_sector_share"] != float64(1) || q1["ei_index"] != float64(1) {
		t.Errorf("2026-Q1: %v", q1)
	}
	r = c.call(200, "GET", "/api/v1/analytics/trends", "partnerB", "")
	if n := len(r.json(t)["quarters"].([]any)); n != 8 {
		t.Errorf("default: %d quarters", n)
	}
	c.call(200, "GET", "/api/v1/analytics/trends?from=2025-12-31&to=2026-01-01", "memberA", "")
	c.call(401, "GET", "/api/v1/analytics/trends", "", "")
	c.call(404, "GET", "/api/v1/analytics/trends?org_id=999999", "memberA", "")
	for _, q := range []string{"org_id=x", "org_id=0", "from=2026-13-01", "to=kemarin", "from=2026-06-01&to=2026-01-01", "from=1950-01-01&to=2026-01-01", "from=0001-01-01"} {
		c.call(400, "GET", "/api/v1/analytics/trends?"+q, "memberA", "")
	}
	sts := c.seen["GET /api/v1/analytics/trends"]
	if !slices.Contains(sts, 200) || !slices.Contains(sts, 400) {
		t.Errorf("trends statuses %v", sts)
	}

	// the pages: a table and a vector chart, for signed-in users only
	b := e.browser()
	if _, body := get(t, b, fmt.Sprintf("%s/organizations/%d", e.srv.URL, e.orgA.ID)); strings.Contains(body, `data-testid="trends"`) {
		t.Error("trends shown without login")
	}
	e.login(b, "memberA@sinergi.test")
	poly := regexp.MustCompile(`<polyline points="[0-9.]+,[0-9.]+( [0-9.]+,[0-9.]+)+"`)
	for _, path := range []string{"/analytics", fmt.Sprintf("/organizations/%d", e.orgA.ID)} {
		st, body := get(t, b, e.srv.URL+path)
		if st != 200 || !strings.Contains(body, `data-testid="trends"`) || !strings.Contains(body, `data-testid="trends-svg"`) || !poly.MatchString(body) ||
			!strings.Contains(body, "Tren per triwulan") || !strings.Contains(body, "<th scope=\"row\">") || strings.Contains(body, "style=") {
			t.Errorf("%s: %d\n%.4000s", path, st, body)
		}
	}
}
