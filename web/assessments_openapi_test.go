package web_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"sinergi"
)

// The real responses of every assessments route validate against the
// merged OpenAPI document, every operation is seen to succeed and to fail,
// and no group below the anonymity threshold ever comes back.
func TestAssessmentsOpenAPIResponses(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const missing = "999999"
	e.db.Now = func() time.Time { return time.Date(2026, 11, 10, 2, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { e.db.Now = time.Now })
	var units []int64
	for _, n := range []string{"Bappeda", "Dinas Perhubungan"} {
		u, err := e.db.CreateUnit(sys, e.orgA.ID, sinergi.UnitInput{Name: n, Kind: "opd"})
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, u.ID)
	}

	c.call(200, "GET", "/api/v1/survey-instruments", "memberA", "")
	c.call(401, "GET", "/api/v1/survey-instruments", "", "", "Authorization", "Bearer sng_nope")

	// campaigns
	okSurvey := fmt.Sprintf(`{"title":"Survei budaya kolaboratif 2026","instrument":"culture","scope":"units","unit_ids":[%d,%d],"opens_on":"2026-11-01","closes_on":"2026-11-20"}`, units[0], units[1])
	c.call(401, "POST", "/api/v1/surveys", "", okSurvey)
	c.call(403, "POST", "/api/v1/surveys", "partnerB", okSurvey)
	c.call(400, "POST", "/api/v1/surveys", "adminA", `{"title":"x","instrument":"mood","scope":"galaxy","opens_on":"2026-13-01","closes_on":"","threshold":1}`)
	c.call(400, "POST", "/api/v1/surveys", "adminA", `{"title":`)
	r := c.call(201, "POST", "/api/v1/surveys", "adminA", okSurvey)
	id := c.id(r)
	survey := fmt.Sprintf("/api/v1/surveys/%d", id)
	levels := c.call(201, "POST", "/api/v1/surveys", "adminA", fmt.Sprintf(`{"title":"Tingkat kolaborasi dengan mitra","instrument":"levels","scope":"organizations","organization_ids":[%d],"partner_ids":[%d],"opens_on":"2026-11-01","closes_on":"2026-11-30","threshold":3}`, e.orgA.ID, e.orgB.ID))
	if !strings.Contains(string(levels.body), `"partner_ids":[`) {
		t.Errorf("levels campaign: %s", levels.body)
	}
	c.call(200, "GET", "/api/v1/surveys", "memberA", "")
	c.call(200, "GET", "/api/v1/surveys?instrument=culture&status=open&offset=0&limit=5", "adminA", "")
	c.call(400, "GET", "/api/v1/surveys?status=maybe", "adminA", "")
	c.call(401, "GET", "/api/v1/surveys", "", "")
	c.call(200, "GET", survey, "memberA", "")
	c.call(403, "GET", survey, "partnerB", "")
	c.call(404, "GET", "/api/v1/surveys/"+missing, "adminA", "")

	// links
	g0, g1 := fmt.Sprintf("unit:%d", units[0]), fmt.Sprintf("unit:%d", units[1])
	l0 := c.call(201, "POST", survey+"/links", "adminA", `{"group":"`+g0+`","count":6}`)
	l1 := c.call(201, "POST", survey+"/links", "adminA", `{"group":"`+g1+`","count":2}`)
	c.call(400, "POST", survey+"/links", "adminA", `{"group":"unit:0","count":0}`)
	c.call(403, "POST", survey+"/links", "memberA", `{"group":"`+g0+`","count":1}`)
	c.call(404, "POST", "/api/v1/surveys/"+missing+"/links", "adminA", `{"group":"x","count":1}`)
	tokens := func(r resp) []string {
		var out []string
		for _, x := range r.json(t)["tokens"].([]any) {
			out = append(out, x.(string))
		}
		return out
	}
	t0, t1 := tokens(l0), tokens(l1)
	answers := func(v int) string {
		var parts []string
		for i := 1; i <= 7; i++ {
			parts = append(parts, fmt.Sprintf(`"culture_%d":%d`, i, v))
		}
		return "{" + strings.Join(parts, ",") + "}"
	}

	// responses: out of range, missing and unknown items refused; nothing stored
	c.call(400, "POST", survey+"/responses", "", `{"token":"`+t0[0]+`","answers":`+strings.Replace(answers(4), `"culture_1":4`, `"culture_1":9`, 1)+`}`)
	c.call(400, "POST", survey+"/responses", "", `{"token":"`+t0[0]+`","answers":{"culture_1":3}}`)
	c.call(400, "POST", survey+"/responses", "", `{"token":"`+t0[0]+`","answers":{"culture_1":"banyak"}}`)
	for i, tok := range t0 {
		c.call(204, "POST", survey+"/responses", "", fmt.Sprintf(`{"token":"%s","answers":%s}`, tok, answers(3+i%2)))
	}
	c.call(409, "POST", survey+"/responses", "", `{"token":"`+t0[0]+`","answers":`+answers(4)+`}`)
	c.call(403, "POST", survey+"/responses", "", `{"token":"svy_tidak-ada","answers":`+answers(4)+`}`)
	c.call(401, "POST", survey+"/responses", "", `{"answers":`+answers(4)+`}`)
	c.call(404, "POST", "/api/v1/surveys/"+missing+"/responses", "memberA", `{"answers":{}}`)
	c.call(204, "POST", survey+"/responses", "", `{"token":"`+t1[0]+`","answers":`+answers(1)+`}`)
	c.call(204, "POST", survey+"/responses", "memberA", `{"group":"`+g1+`","answers":`+answers(2)+`}`)
	c.call(409, "POST", survey+"/responses", "memberA", `{"group":"`+g1+`","answers":`+answers(2)+`}`)
	c.call(403, "POST", survey+"/responses", "partnerB", `{"answers":`+answers(2)+`}`)

	// while open: no groups
	r = c.call(200, "GET", survey+"/results", "adminA", "")
	if m := r.json(t); m["final"] != false || len(m["results"].(map[string]any)["groups"].([]any)) != 0 {
		t.Errorf("open campaign shows groups: %s", r.body)
	}
	// closed: unit 0 (6) shown, unit 1 (2) hidden
	e.db.Now = func() time.Time { return time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC) }
	c.call(409, "POST", survey+"/responses", "", `{"token":"`+t1[1]+`","answers":`+answers(4)+`}`)
	c.call(409, "POST", survey+"/links", "adminA", `{"group":"`+g0+`","count":1}`)
	r = c.call(200, "GET", survey+"/results", "memberA", "")
	res := r.json(t)["results"].(map[string]any)
	groups := res["groups"].([]any)
	if len(groups) != 1 || res["hidden_groups"].(float64) != 1 {
		t.Errorf("results: %s", r.body)
	}
	for _, g := range groups {
		g := g.(map[string]any)
		if g["responses"].(float64) < 5 {
			t.Errorf("group %v below the threshold returned", g["key"])
		}
		if _, ok := g["mean"].(float64); !ok {
			t.Errorf("group without mean: %v", g)
		}
	}
	if strings.Contains(string(r.body), g1) {
		t.Errorf("the hidden group appears in the results")
	}
	c.call(401, "GET", survey+"/results", "", "")
	c.call(403, "GET", survey+"/results", "partnerB", "")
	c.call(404, "GET", "/api/v1/surveys/"+missing+"/results", "adminA", "")

	// Ratner
	c.call(400, "POST", "/api/v1/assessments", "memberA", `{"title":"x"}`)
	c.call(401, "POST", "/api/v1/assessments", "", `{"title":"Asesmen","organization_id":1}`)
	c.call(403, "POST", "/api/v1/assessments", "partnerB", fmt.Sprintf(`{"title":"Asesmen Maros","organization_id":%d}`, e.orgA.ID))
	a := c.call(201, "POST", "/api/v1/assessments", "memberA", fmt.Sprintf(`{"title":"Asesmen kolaborasi Kabupaten Maros","organization_id":%d,"summary":"Tiga tahap Ratner."}`, e.orgA.ID))
	asm := fmt.Sprintf("/api/v1/assessments/%d", c.id(a))
	c.call(201, "POST", asm+"/issues", "memberA", `{"kind":"problem","description":"Batas masalah tidak jelas","stakeholders":"Dishub, PT KAI"}`)
	c.call(400, "POST", asm+"/issues", "memberA", `{"kind":"risk","description":"","stakeholders":""}`)
	c.call(403, "POST", asm+"/issues", "partnerB", `{"kind":"problem","description":"x","stakeholders":"y"}`)
	c.call(404, "POST", "/api/v1/assessments/"+missing+"/issues", "memberA", `{"kind":"problem","description":"x","stakeholders":"y"}`)
	c.call(201, "POST", asm+"/actions", "memberA", `{"title":"Rapat lintas OPD","owner":"Bappeda","due":"2026-12-15"}`)
	c.call(400, "POST", asm+"/actions", "memberA", `{"title":"Rapat","owner":"","due":"besok"}`)
	c.call(201, "POST", asm+"/strategies", "memberA", `{"target":"DPRD","channel":"Rapat dengar pendapat","message":"Anggaran bersama","owner":"Sekda"}`)
	c.call(400, "POST", asm+"/strategies", "memberA", `{"target":""}`)
	c.call(200, "GET", asm, "memberA", "")
	c.call(403, "GET", asm, "partnerB", "")
	c.call(404, "GET", "/api/v1/assessments/"+missing, "memberA", "")
	r = c.call(200, "GET", "/api/v1/assessments", "memberA", "")
	if r.json(t)["total"].(float64) != 1 {
		t.Errorf("assessments: %s", r.body)
	}
	c.call(200, "GET", fmt.Sprintf("/api/v1/assessments?organization_id=%d&offset=0&limit=10", e.orgA.ID), "adminA", "")
	c.call(400, "GET", "/api/v1/assessments?forum_id=abc", "memberA", "")
	c.call(401, "GET", "/api/v1/assessments", "", "")

	// obstacles
	_, err := e.db.CreateForum(sys, sinergi.ForumInput{Name: "Forum Transportasi Maros", InitiatorOrgID: e.orgA.ID, Focus: sinergi.FocusPublicPolicy})
	if err != nil {
		t.Fatal(err)
	}
	b := c.call(201, "POST", "/api/v1/obstacles", "memberA", `{"category":"trust","description":"Kurangnya rasa saling percaya dengan mitra","affects_kind":"organization","severity":"high","mitigation":"Pertemuan rutin","owner":"Sekda"}`)
	c.call(400, "POST", "/api/v1/obstacles", "memberA", `{"category":"weather","description":"","affects_kind":"planet"}`)
	c.call(401, "POST", "/api/v1/obstacles", "", `{"category":"trust","description":"x","affects_kind":"forum"}`)
	c.call(403, "POST", "/api/v1/obstacles", "partnerB", fmt.Sprintf(`{"organization_id":%d,"category":"trust","description":"x","affects_kind":"forum"}`, e.orgA.ID))
	obs := fmt.Sprintf("/api/v1/obstacles/%d", c.id(b))
	c.call(200, "PATCH", obs, "memberA", `{"status":"mitigating"}`, "If-Match", b.header.Get("ETag"))
	c.call(412, "PATCH", obs, "memberA", `{"status":"resolved"}`, "If-Match", b.header.Get("ETag"))
	c.call(400, "PATCH", obs, "memberA", `{"status":"forgotten"}`)
	c.call(404, "PATCH", obs, "partnerB", `{"status":"resolved"}`)
	c.call(200, "GET", "/api/v1/obstacles?status=mitigating&category=trust&offset=0&limit=10", "memberA", "")
	c.call(400, "GET", "/api/v1/obstacles?category=weather", "memberA", "")
	r = c.call(200, "GET", "/api/v1/obstacle-proposals", "memberA", "")
	ps := r.json(t)["items"].([]any)
	if len(ps) != 1 {
		t.Fatalf("proposals: %s", r.body)
	}
	key := ps[0].(map[string]any)["key"].(string)
	c.call(401, "GET", "/api/v1/obstacle-proposals", "", "")
	c.call(400, "POST", "/api/v1/obstacle-proposals/accept", "memberA", `{"key":""}`)
	c.call(201, "POST", "/api/v1/obstacle-proposals/accept", "memberA", `{"key":"`+key+`","mitigation":"Susun Perbup","owner":"Bagian Hukum"}`)
	c.call(404, "POST", "/api/v1/obstacle-proposals/accept", "memberA", `{"key":"`+key+`"}`)
	c.call(404, "POST", "/api/v1/obstacle-proposals/dismiss", "memberA", `{"key":"`+key+`"}`)
	c.call(400, "POST", "/api/v1/obstacle-proposals/dismiss", "memberA", `{}`)
	_, err = e.db.CreateForum(sys, sinergi.ForumInput{Name: "Forum Pariwisata Maros", InitiatorOrgID: e.orgA.ID, Focus: sinergi.FocusPublicPolicy})
	if err != nil {
		t.Fatal(err)
	}
	r = c.call(200, "GET", "/api/v1/obstacle-proposals", "memberA", "")
	key = r.json(t)["items"].([]any)[0].(map[string]any)["key"].(string)
	c.call(204, "POST", "/api/v1/obstacle-proposals/dismiss", "memberA", `{"key":"`+key+`"}`)
	r = c.call(200, "GET", "/api/v1/obstacles", "memberA", "")
	if r.json(t)["total"].(float64) != 2 {
		t.Errorf("register: %s", r.body)
	}
	c.call(401, "GET", "/api/v1/obstacles", "", "")

	// every assessments operation was seen to succeed and to fail
	var ops []string
	for _, op := range c.doc.operations() {
		if strings.Contains(op, "/surveys") || strings.Contains(op, "/survey-instruments") || strings.Contains(op, "/assessments") || strings.Contains(op, "/obstacle") {
			ops = append(ops, op)
		}
	}
	if len(ops) != 19 {
		t.Errorf("%d documented assessments operations, want 19", len(ops))
	}
	for _, op := range ops {
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}
