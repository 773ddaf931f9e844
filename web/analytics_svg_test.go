package web_test

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/store"
)

func TestAnalyticsNetworkDrawing(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	orgC, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	if err != nil {
		t.Fatal(err)
	}
	c.call(201, "POST", "/api/v1/activities", "memberA", fmt.Sprintf(`{"type":"training","from_org_id":%d,"to_org_id":%d,"date":"2026-03-14","description":"Pelatihan SPBE"}`, e.orgA.ID, e.orgB.ID))
	c.call(201, "POST", "/api/v1/activities", "sys", fmt.Sprintf(`{"type":"joint_planning","from_org_id":%d,"to_org_id":%d,"date":"2024-05-01","description":"Rapat perencanaan bersama"}`, orgC.ID, e.orgB.ID))

	b := e.browser()
	e.login(b, "memberA@sinergi.test")
	st, body := get(t, b, e.srv.URL+"/analytics")
	i, j := strings.Index(body, "<svg"), strings.Index(body, "</svg>")
	if st != 200 || i < 0 || j < i || !strings.Contains(body, `data-testid="network-svg"`) {
		t.Fatalf("analytics page without a drawing: %d\n%.3000s", st, body)
	}
	svg := body[i:j]
	if strings.Count(svg, "<circle") != 3 || strings.Count(svg, "<line") != 2 || !strings.Contains(svg, "Pemerintah Kota Parepare") ||
		!strings.Contains(svg, fmt.Sprintf(`href="/organizations/%d"`, orgC.ID)) {
		t.Errorf("drawing:\n%s", svg)
	}
	for _, bad := range []string{"style=", "<script", "javascript:", " on"} {
		if strings.Contains(strings.ToLower(svg), bad) {
			t.Errorf("drawing contains %q (CSP)", bad)
		}
	}
	if !strings.Contains(body, `data-testid="brokers"`) {
		t.Error("the tables should still be there")
	}

	// organisation page: the findings about that organisation (B is the broker between A and C)
	res, err := e.db.AnalyzeNetwork(sys, time.Time{}, time.Time{}, network.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, f := range res.Findings {
		if f.Node == store.NodeID(e.orgB.ID) {
			want = f.ID
			break
		}
	}
	st, body = get(t, b, fmt.Sprintf("%s/organizations/%d", e.srv.URL, e.orgB.ID))
	if want == "" {
		t.Fatalf("no finding for organisation B: %+v", res.Findings)
	}
	if st != 200 || !strings.Contains(body, `data-testid="org-findings"`) || !strings.Contains(body, template.HTMLEscapeString(want)) {
		t.Errorf("organisation page findings (want %q): %d\n%.4000s", want, st, body)
	}
	anon := e.browser()
	if _, body := get(t, anon, fmt.Sprintf("%s/organizations/%d", e.srv.URL, e.orgB.ID)); strings.Contains(body, `data-testid="org-findings"`) {
		t.Error("findings shown without login")
	}
}
