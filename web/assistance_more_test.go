package web_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The dashboard and numbering routes answer as documented, with real
// responses checked against the OpenAPI document; nothing gives a 500.
func TestAssistanceStatsAndNumberingAPI(t *testing.T) {
	e, p := bkEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const api = "/api/v1/assistance-requests"
	mk := func(extra string) string {
		r := c.call(201, "POST", api, "memberA", bkBody(e, p.ID, extra))
		return fmt.Sprintf("%s/%d", api, c.id(r))
	}
	one, two, three := mk(""), mk(""), mk("")
	mk("") // a draft
	for _, x := range []string{one, two, three} {
		c.call(200, "POST", x+"/submit", "memberA", "")
	}
	c.call(200, "POST", one+"/accept", "memberP", "")
	c.call(200, "POST", two+"/refuse", "memberP", `{"ground":"c","reason":"Peraturan daerah kami melarangnya"}`)

	stats := fmt.Sprintf("/api/v1/organizations/%d/assistance-stats", p.ID)
	r := c.call(200, "GET", stats, "memberP", "")
	var st struct {
		Incoming struct {
			Total          int      `json:"total"`
			Accepted       int      `json:"accepted"`
			Refused        int      `json:"refused"`
			AcceptanceRate *float64 `json:"acceptance_rate"`
			ResponseDays   struct {
				Count  int  `json:"count"`
				Median *int `json:"median"`
				P90    *int `json:"p90"`
			} `json:"response_days"`
			RefusalGrounds []struct {
				Ground string `json:"ground"`
				Count  int    `json:"count"`
			} `json:"refusal_grounds"`
			ByStatus map[string]int `json:"by_status"`
		} `json:"incoming"`
		Outgoing struct {
			Total int `json:"total"`
		} `json:"outgoing"`
	}
	if err := json.Unmarshal(r.body, &st); err != nil {
		t.Fatal(err)
	}
	in := st.Incoming
	if in.Total != 3 || in.Accepted != 1 || in.Refused != 1 || in.AcceptanceRate == nil || *in.AcceptanceRate != 0.5 ||
		in.ResponseDays.Count != 2 || in.ResponseDays.Median == nil || *in.ResponseDays.Median != 0 || in.ByStatus["submitted"] != 1 ||
		in.RefusalGrounds[2].Ground != "c" || in.RefusalGrounds[2].Count != 1 || st.Outgoing.Total != 0 {
		t.Errorf("provider's stats: %s", r.body)
	}
	if r := c.call(200, "GET", fmt.Sprintf("/api/v1/organizations/%d/assistance-stats", e.orgA.ID), "memberA", "", "Accept-Language", "en"); !strings.Contains(string(r.body), `"draft":1`) {
		t.Errorf("requester's stats: %s", r.body)
	}
	c.call(401, "GET", stats, "", "")
	c.call(404, "GET", "/api/v1/organizations/999999/assistance-stats", "memberA", "")
	c.call(404, "GET", "/api/v1/organizations/abc/assistance-stats", "memberA", "")

	num := fmt.Sprintf("/api/v1/organizations/%d/assistance-numbering", e.orgA.ID)
	r = c.call(200, "GET", num, "memberA", "")
	if m := r.json(t); m["default"] != true || r.header.Get("ETag") != `"v0"` || !strings.HasPrefix(m["example"].(string), "B-0004/") {
		t.Errorf("default numbering: %s %s", r.header.Get("ETag"), r.body)
	}
	body := `{"pattern":"{security}-{serial}/{agency}/{unit}/{archive}/{month}/{year}","agency_code":"MRS","unit_code":"D-IV","archive_code":"KKA"}`
	c.call(401, "PUT", num, "", body)
	c.call(403, "PUT", num, "memberA", body)
	c.call(403, "PUT", fmt.Sprintf("/api/v1/organizations/%d/assistance-numbering", p.ID), "adminA", body)
	c.call(404, "PUT", "/api/v1/organizations/999999/assistance-numbering", "adminA", body)
	for _, bad := range []struct{ body, field string }{
		{`{"pattern":"{serial}/{agency}","agency_code":"MRS"}`, "pattern"},
		{`{"pattern":"{serial}/{unit}/{year}"}`, "unit_code"},
		{`{"pattern":"{serial}/{year}","archive_code":"A/B"}`, "archive_code"},
		{`{"pattern":"{serial}/{tahun}/{year}"}`, "pattern"},
		{`{"pattern":7}`, "pattern"},
		{`{"pattern":"{serial}/{year}","colour":"red"}`, "colour"},
	} {
		r := c.call(400, "PUT", num, "adminA", bad.body)
		if !strings.Contains(string(r.body), `"field":"`+bad.field+`"`) {
			t.Errorf("%s: field %s not named: %s", bad.body, bad.field, r.body)
		}
	}
	c.call(412, "PUT", num, "adminA", body, "If-Match", `"v3"`)
	r = c.call(200, "PUT", num, "adminA", body, "If-Match", `"v0"`)
	if m := r.json(t); !strings.HasPrefix(m["example"].(string), "B-4/MRS/D-IV/KKA/") || r.header.Get("ETag") != `"v1"` {
		t.Errorf("set: %s %s", r.header.Get("ETag"), r.body)
	}
	c.call(412, "PUT", num, "adminA", body, "If-Match", `"v0"`)
	c.call(200, "GET", num, "partnerB", "")
	c.call(401, "GET", num, "", "")
	c.call(404, "GET", "/api/v1/organizations/999999/assistance-numbering", "memberA", "")
	// the next letter uses the pattern
	four := mk("")
	if r := c.call(200, "POST", four+"/submit", "memberA", ""); !strings.Contains(string(r.body), `"number":"B-4/MRS/D-IV/KKA/`) {
		t.Errorf("the letter does not use the pattern: %s", r.body)
	}
	if r := c.call(200, "POST", four+"/accept", "memberP", ""); !strings.Contains(string(r.body), `"response_number":"B-0003/PEMKOTPAREPARE/BK/`) {
		t.Errorf("the reply's number: %s", r.body)
	}

	var ops []string
	for _, op := range c.doc.operations() {
		if strings.Contains(op, "/assistance-stats") || strings.Contains(op, "/assistance-numbering") {
			ops = append(ops, op)
		}
	}
	if len(ops) != 3 {
		t.Errorf("documented: %v", ops)
	}
	for _, op := range ops {
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}

// The dashboard, the numbering form and the edit path of a draft in the UI.
func TestAssistanceStatsNumberingEditPages(t *testing.T) {
	e, p := bkEnv(t)
	r := e.do("POST", "/api/v1/assistance-requests", "memberA", bkBody(e, p.ID, `,"activity":"Survei tanah","documents":[{"title":"Peta bidang","classification":"terbatas"}]`))
	id := int64(r.json(t)["id"].(float64))
	ua := e.browser()
	e.login(ua, "memberA@sinergi.test")

	for _, tt := range []struct{ path, want string }{
		{"/assistance", `href="/assistance/stats"`},
		{"/assistance/stats", "Permohonan keluar"},
		{fmt.Sprintf("/assistance/stats?org=%d", p.ID), "Permohonan masuk"},
		{fmt.Sprintf("/organizations/%d", e.orgA.ID), "/assistance/stats?org="},
		{"/assistance/numbering", "{security}-{serial:4}/{agency}/{archive}/{month}/{year}"},
		{fmt.Sprintf("/assistance/%d", id), fmt.Sprintf(`href="/assistance/%d/edit"`, id)},
		{fmt.Sprintf("/assistance/%d/edit", id), `value="Data bidang tanah Stasiun Maros"`},
	} {
		st, body := get(t, ua, e.srv.URL+tt.path)
		if st != 200 || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s: %d, %q not found", tt.path, st, tt.want)
		}
	}
	for _, path := range []string{"/assistance/stats?org=abc", "/assistance/stats?org=999999", "/assistance/numbering?org=-1", "/assistance/999999/edit", "/assistance/x/edit"} {
		if st, _ := get(t, ua, e.srv.URL+path); st >= 500 || st < 400 {
			t.Errorf("GET %s: %d", path, st)
		}
	}
	// a member sees the numbering but has no form
	if _, body := get(t, ua, e.srv.URL+"/assistance/numbering"); strings.Contains(body, `name="pattern"`) {
		t.Error("a member is offered the numbering form")
	}
	// the admin sets it through the form; a wrong pattern comes back with the field's message
	admin := e.browser()
	e.login(admin, "adminA@sinergi.test")
	res, err := admin.PostForm(e.srv.URL+"/assistance/numbering", url.Values{"version": {"0"}, "pattern": {"{serial}/{agency}"}, "agency_code": {"MRS"}})
	if err != nil {
		t.Fatal(err)
	}
	b := readAll(res)
	if res.StatusCode != 422 || !strings.Contains(b, "{year}") || !strings.Contains(b, `value="{serial}/{agency}"`) {
		t.Errorf("bad pattern: %d", res.StatusCode)
	}
	res, err = admin.PostForm(e.srv.URL+"/assistance/numbering", url.Values{"version": {"0"}, "pattern": {"{serial:3}/{agency}/{month_roman}/{year}"}, "agency_code": {"MRS"}})
	if err != nil {
		t.Fatal(err)
	}
	readAll(res)
	if res.StatusCode != 303 {
		t.Fatalf("save numbering: %d", res.StatusCode)
	}
	if _, body := get(t, admin, e.srv.URL+"/assistance/numbering"); !strings.Contains(body, "001/MRS/") {
		t.Error("the example does not follow the new pattern")
	}

	// edit the draft through the stepper: the answers come pre-filled,
	// change the subject on step 2, then save from the check page
	st, form := get(t, ua, fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id))
	if st != 200 || !strings.Contains(form, `name="version" value="1"`) || !strings.Contains(form, fmt.Sprintf(`action="/assistance/%d/edit"`, id)) {
		t.Fatalf("edit form: %d", st)
	}
	f := url.Values{"step": {"2"}, "go": {"next"}, "version": {"1"}, "provider_org_id": {fmt.Sprint(p.ID)}, "subject": {"Data bidang tanah Stasiun Maros, revisi"},
		"description": {"Peta bidang dan status tanah"}, "classification": {"biasa"}, "activity": {"Survei tanah"}, "ground": {"d"},
		"doc_title_1": {"Peta bidang"}, "doc_class_1": {"terbatas"}, "responsibility": {"requester"}, "needed_by": {"2026-12-15"}}
	res, err = ua.PostForm(fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id), f)
	if err != nil {
		t.Fatal(err)
	}
	if b := readAll(res); res.StatusCode != 200 || !strings.Contains(b, "Dasar permohonan") {
		t.Fatalf("next step: %d", res.StatusCode)
	}
	f.Set("go", "draft")
	f.Set("step", "7")
	f.Set("version", "9") // stale: someone changed the draft meanwhile
	res, _ = ua.PostForm(fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id), f)
	if b := readAll(res); res.StatusCode != 422 || !strings.Contains(b, "diubah oleh orang lain") {
		t.Errorf("stale edit: %d", res.StatusCode)
	}
	f.Set("version", "1")
	res, _ = ua.PostForm(fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id), f)
	readAll(res)
	if res.StatusCode != 303 {
		t.Fatalf("save draft: %d", res.StatusCode)
	}
	got := e.do("GET", fmt.Sprintf("/api/v1/assistance-requests/%d", id), "memberA", "").json(t)
	if got["subject"] != "Data bidang tanah Stasiun Maros, revisi" || got["status"] != "draft" || got["version"] != float64(2) || len(got["documents"].([]any)) != 1 {
		t.Errorf("after edit: %v", got)
	}
	// edit and submit at once; then the draft is gone and editing is refused
	f.Set("go", "submit")
	f.Set("version", "2")
	res, _ = ua.PostForm(fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id), f)
	readAll(res)
	if res.StatusCode != 303 || !strings.HasSuffix(res.Header.Get("Location"), "/submitted") {
		t.Fatalf("edit and submit: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if st, _ := get(t, ua, fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id)); st != 409 {
		t.Errorf("edit a submitted request: %d", st)
	}
	provider := e.browser()
	e.login(provider, "memberP@sinergi.test")
	if st, _ := get(t, provider, fmt.Sprintf("%s/assistance/%d/edit", e.srv.URL, id)); st != 403 {
		t.Errorf("the provider edits: %d", st)
	}
}
