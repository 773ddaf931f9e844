package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"sinergi/corridor"
)

func corridorAppForm(nib string, stations ...int64) url.Values {
	f := url.Values{"business_name": {"Warung Daeng Tayang"}, "owner_name": {"Ibu Hasnah"}, "domicile_code": {"73.09.01.2003"},
		"size": {"micro"}, "local_franchise": {"yes"}, "nib": {nib}, "product_category": {"kuliner"}}
	for i, s := range stations {
		f.Set(fmt.Sprintf("stations[%d]", i), fmt.Sprint(s))
	}
	return f
}

// A manager registers a UMKM from the programme page: the confirmation,
// errors that keep the input, the duplicate NIB and closed applications.
func TestCorridorApplicationForm(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/api/v1/corridors", "adminA", corridorBody(e.orgB.ID, e.orgA.ID))
	if r.status != 201 {
		t.Fatalf("corridor: %d %s", r.status, r.body)
	}
	cj := r.json(t)
	id := int64(cj["id"].(float64))
	var mandai, maros int64
	for _, s := range cj["stations"].([]any) {
		m := s.(map[string]any)
		switch m["name"] {
		case "Mandai":
			mandai = int64(m["id"].(float64))
		case "Maros":
			maros = int64(m["id"].(float64))
		}
	}
	u := fmt.Sprintf("%s/corridors/%d", e.srv.URL, id)

	if _, body := get(t, e.browser(), u); strings.Contains(body, `data-testid="apply-form"`) {
		t.Error("anonymous visitors see the application form")
	}
	if st, loc, _ := postForm(t, e.browser(), u+"/applications", corridorAppForm("9120000000001", mandai)); st == http.StatusSeeOther && strings.Contains(loc, "/corridors/") {
		t.Errorf("anonymous application accepted: %d %q", st, loc)
	}

	c := e.browser()
	e.login(c, "memberA@sinergi.test")
	st, body := get(t, c, u)
	if st != 200 || !strings.Contains(body, `data-testid="apply-form"`) || !strings.Contains(body, `href="/regions"`) || !strings.Contains(body, "Tambah langkah ke rencana daerah") {
		t.Fatalf("manager page: %d, no application or step form", st)
	}

	// A validation error keeps the input.
	bad := corridorAppForm("12345", maros, mandai)
	st, _, body = postForm(t, c, u+"/applications", bad)
	if st != http.StatusBadRequest || !strings.Contains(body, "error-summary") || !strings.Contains(body, "NIB harus 13 digit") ||
		!strings.Contains(body, `value="Warung Daeng Tayang"`) || !strings.Contains(body, `value="12345"`) ||
		!strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>`, maros)) || !strings.Contains(body, `name="local_franchise" value="yes" checked`) {
		t.Errorf("invalid application: %d, input not kept", st)
	}
	if n := e.do("GET", fmt.Sprintf("/api/v1/corridors/%d/applications", id), "memberA", "").json(t)["total"]; n != float64(0) {
		t.Errorf("invalid application stored: %v", n)
	}

	// Success: a confirmation with the number.
	st, loc, _ := postForm(t, c, u+"/applications", corridorAppForm("9120000000001", maros, mandai))
	if st != http.StatusSeeOther || !strings.HasSuffix(loc, "#applications") {
		t.Fatalf("application: %d %q", st, loc)
	}
	if _, body = get(t, c, u); !strings.Contains(body, "Permohonan Warung Daeng Tayang (NIB 9120000000001) diterima") || !strings.Contains(body, "Maros › Mandai") {
		t.Error("no confirmation or the application is not listed in order")
	}

	// The same NIB again: a clear message, the input kept.
	st, _, body = postForm(t, c, u+"/applications", corridorAppForm("9120000000001", mandai))
	if st != http.StatusBadRequest || !strings.Contains(body, "NIB sudah terdaftar pada program ini") || !strings.Contains(body, `value="9120000000001"`) {
		t.Errorf("duplicate NIB: %d", st)
	}

	// Closed applications: the form gives way to a message; a late post is refused clearly.
	seed := bytes.Repeat([]byte{0x42}, 32)
	if r := e.do("POST", fmt.Sprintf("/api/v1/corridors/%d/commit", id), "memberA", fmt.Sprintf(`{"commitment":%q,"applications_close_at":"2099-01-01T00:00:00Z"}`, corridor.Commit(seed))); r.status >= 300 {
		t.Fatalf("commit: %d %s", r.status, r.body)
	}
	if r := e.do("POST", fmt.Sprintf("/api/v1/corridors/%d/close", id), "memberA", ""); r.status >= 300 {
		t.Fatalf("close: %d %s", r.status, r.body)
	}
	if _, body = get(t, c, u); strings.Contains(body, `data-testid="apply-form"`) || !strings.Contains(body, `data-testid="applications-closed"`) {
		t.Error("closed programme still offers the form")
	}
	if st, _, body = postForm(t, c, u+"/applications", corridorAppForm("9120000000002", mandai)); st != http.StatusBadRequest || !strings.Contains(body, "Pendaftaran sudah ditutup") {
		t.Errorf("late application: %d", st)
	}
}

// A manager adds a step to a region's plan; the rest of the plan is kept.
func TestCorridorPlanStepForm(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/api/v1/corridors", "adminA", corridorBody(e.orgB.ID, e.orgA.ID))
	if r.status != 201 {
		t.Fatalf("corridor: %d %s", r.status, r.body)
	}
	id := int64(r.json(t)["id"].(float64))
	if r := e.do("POST", fmt.Sprintf("/api/v1/corridors/%d/plans", id), "memberA", `{"region_code":"73.09","tariff_cap":150000,"hiring_target_percent":60,"hired_total":10,"hired_local":7,
		"steps":[{"category":"access_roads","title":"Jalan akses Stasiun Maros","owner":"Dinas PU Maros"}],"vendor_zones":[{"name":"Zona A","tariff":100000}]}`); r.status != 200 {
		t.Fatalf("plan: %d %s", r.status, r.body)
	}
	u := fmt.Sprintf("%s/corridors/%d", e.srv.URL, id)
	c := e.browser()
	e.login(c, "memberA@sinergi.test")
	step := url.Values{"step_region": {"73.09"}, "step_category": {"feeder_transport"}, "step_title": {"Angkutan pengumpan Maros"}, "step_owner": {"Dishub Maros"},
		"step_start_date": {"2027-03-01"}, "step_due_date": {"2027-01-01"}, "step_status": {"planned"}}
	st, _, body := postForm(t, c, u+"/plans/steps", step)
	if st != http.StatusBadRequest || !strings.Contains(body, "Tenggat sebelum tanggal mulai") || !strings.Contains(body, `value="Angkutan pengumpan Maros"`) || !strings.Contains(body, `href="#f-step_due_date"`) {
		t.Errorf("bad dates: %d", st)
	}
	step.Set("step_due_date", "2027-06-30")
	if st, loc, _ := postForm(t, c, u+"/plans/steps", step); st != http.StatusSeeOther || !strings.HasSuffix(loc, "#plans") {
		t.Fatalf("add step: %d %q", st, loc)
	}
	p := e.do("GET", fmt.Sprintf("/api/v1/corridors/%d", id), "", "").json(t)["plans"].([]any)[0].(map[string]any)
	if steps := p["steps"].([]any); len(steps) != 2 || steps[1].(map[string]any)["title"] != "Angkutan pengumpan Maros" || len(p["vendor_zones"].([]any)) != 1 || p["hired_local"] != float64(7) {
		t.Errorf("plan after the step: %v", p)
	}
	if st, _, _ := postForm(t, c, u+"/plans/steps", step); st != http.StatusSeeOther {
		t.Errorf("second step: %d", st)
	}
	partner := e.browser()
	e.login(partner, "partnerB@sinergi.test")
	if _, body = get(t, partner, u); strings.Contains(body, "Tambah langkah ke rencana daerah") {
		t.Error("non-manager sees the step form")
	}
	if st, _, _ := postForm(t, partner, u+"/plans/steps", step); st == http.StatusSeeOther {
		t.Error("non-manager added a step")
	}
}
