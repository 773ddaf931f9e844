package web_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/corridor"
)

func corridorBody(owner, region int64) string {
	return fmt.Sprintf(`{"name":"Koridor Kereta Api Makassar–Parepare","infrastructure":"railway","owner_org_id":%d,"owner_body":"DJKA / BPKA Sulawesi Selatan",
		"regions":["73.09","73.10","73.11","73.72","73.71"],"franchise_rule":"before",
		"organizations":[{"organization_id":%d,"role":"region","manager":true}],
		"stations":[{"name":"Mandai","region_code":"73.09","status":"operating","kiosks":2},{"name":"Maros","region_code":"73.09","status":"operating","kiosks":1},{"name":"Tallo","region_code":"73.71","status":"planned"}]}`, owner, region)
}

// The real responses of every corridor route validate against the merged
// OpenAPI document; each operation is seen to succeed and to fail; the
// published draw record verifies and public reads need no login.
func TestCorridorOpenAPIResponses(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const api = "/api/v1/corridors"
	body := corridorBody(e.orgB.ID, e.orgA.ID)

	c.call(200, "GET", api, "", "")
	c.call(400, "GET", api+"?limit=x", "", "")
	c.call(401, "POST", api, "", body)
	c.call(403, "POST", api, "partnerB", body)
	c.call(400, "POST", api, "adminA", `{"name":`)
	c.call(400, "POST", api, "adminA", strings.Replace(body, `"73.71","status":"planned"`, `"99.99","status":"planned"`, 1))
	c.call(400, "POST", api, "adminA", strings.Replace(body, "Koridor", "Kori\\u0000dor", 1))
	r := c.call(201, "POST", api, "adminA", body)
	id := c.id(r)
	one := fmt.Sprintf("%s/%d", api, id)
	m := c.call(200, "GET", one, "", "").json(t)
	sts := m["stations"].([]any)
	st0 := sts[0].(map[string]any)
	if st0["name"] != "Mandai" || st0["region_code"] != "73.09" || st0["status"] != "operating" {
		t.Errorf("station %v", st0)
	}
	mandai, maros := int64(st0["id"].(float64)), int64(sts[1].(map[string]any)["id"].(float64))
	c.call(404, "GET", api+"/999999", "", "")
	c.call(404, "GET", api+"/abc", "", "")

	plan := fmt.Sprintf(`{"region_code":"73.09","tariff_cap":50000,"hiring_target_percent":60,"hired_total":120,"hired_local":80,
		"steps":[{"category":"local_workforce","title":"Rekrut pekerja konstruksi lokal","owner":"Disnaker Maros","start_date":"2026-01-01","due_date":"2026-12-31","status":"in_progress"}],
		"vendor_zones":[{"name":"Zona depan Stasiun Mandai","station_id":%d,"tariff":25000},{"name":"Pasar pagi","tariff":90000}]}`, mandai)
	c.call(401, "POST", one+"/plans", "", plan)
	c.call(403, "POST", one+"/plans", "partnerB", plan)
	c.call(400, "POST", one+"/plans", "memberA", strings.Replace(plan, `"73.09"`, `"73.14"`, 1))
	c.call(404, "POST", api+"/999999/plans", "memberA", plan)
	pm := c.call(200, "POST", one+"/plans", "memberA", plan).json(t)
	if p := pm["plans"].([]any)[0].(map[string]any); p["flagged_zones"] != float64(1) {
		t.Errorf("flagged zones %v", p["flagged_zones"])
	}

	// kerja sama links: KSDD among the regions, and a kind that does not belong
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	mkAgreement := func(body string) int64 {
		r := e.do("POST", "/api/v1/agreements", "memberA", body)
		if r.status != 201 {
			t.Fatalf("agreement: %d %s", r.status, r.body)
		}
		return int64(r.json(t)["id"].(float64))
	}
	ksdd := mkAgreement(ksBody(e.orgA.ID, pangkep.ID, ""))
	ksdpk := mkAgreement(strings.Replace(ksBody(e.orgA.ID, e.orgB.ID, ""), `"kind":"KSDD"`, `"kind":"KSDPK"`, 1))
	link := func(aid int64) string { return fmt.Sprintf(`{"agreement_id":%d}`, aid) }
	c.call(401, "POST", one+"/agreements", "", link(ksdd))
	c.call(403, "POST", one+"/agreements", "partnerB", link(ksdd))
	c.call(400, "POST", one+"/agreements", "memberA", `{"agreement_id":"x"}`)
	c.call(400, "POST", one+"/agreements", "memberA", `{"agreement_id":0}`)
	if r := c.call(400, "POST", one+"/agreements", "memberA", link(999999)); !strings.Contains(string(r.body), "agreement_id") {
		t.Errorf("unknown agreement problem: %s", r.body)
	}
	if r := c.call(422, "POST", one+"/agreements", "memberA", link(ksdpk)); !strings.Contains(string(r.body), sinergi.RuleCorridorAgreement) || !strings.Contains(string(r.body), "KSDPK") {
		t.Errorf("wrong kind problem: %s", r.body)
	}
	c.call(404, "POST", api+"/999999/agreements", "memberA", link(ksdd))
	lm := c.call(201, "POST", one+"/agreements", "memberA", link(ksdd)).json(t)
	if ag := lm["agreements"].([]any); len(ag) != 1 || ag[0].(map[string]any)["kind"] != "KSDD" || ag[0].(map[string]any)["title"] != "Jalan akses Stasiun Maros" {
		t.Errorf("linked agreements %v", lm["agreements"])
	}
	c.call(409, "POST", one+"/agreements", "memberA", link(ksdd))
	unlink := fmt.Sprintf("%s/agreements/%d", one, ksdd)
	c.call(401, "DELETE", unlink, "", "")
	c.call(403, "DELETE", unlink, "partnerB", "")
	c.call(404, "DELETE", fmt.Sprintf("%s/agreements/%d", one, ksdpk), "memberA", "")
	c.call(404, "DELETE", fmt.Sprintf("%s/999999/agreements/%d", api, ksdd), "memberA", "")
	if um := c.call(200, "DELETE", unlink, "memberA", "").json(t); len(um["agreements"].([]any)) != 0 {
		t.Errorf("after unlink: %v", um["agreements"])
	}
	c.call(201, "POST", one+"/agreements", "memberA", link(ksdd))
	pub := c.call(200, "GET", one, "", "").json(t)["agreements"].([]any)
	if len(pub) != 1 || pub[0].(map[string]any)["kind"] != "KSDD" || pub[0].(map[string]any)["title"] != nil {
		t.Errorf("public view of linked agreements (no titles without registry access): %v", pub)
	}
	if in := c.call(200, "GET", one, "partnerB", "").json(t)["agreements"].([]any); in[0].(map[string]any)["title"] != "Jalan akses Stasiun Maros" {
		t.Errorf("logged-in view of linked agreements: %v", in)
	}

	app := func(nib, dom, size string, st ...int64) string {
		b, _ := json.Marshal(map[string]any{"business_name": "Usaha " + nib, "owner_name": "Ibu Hasnah", "domicile_code": dom, "size": size, "nib": nib, "product_category": "kuliner", "stations": st})
		return string(b)
	}
	c.call(401, "POST", one+"/applications", "", app("9120000000001", "73.09.01.2003", "micro", mandai))
	c.call(403, "POST", one+"/applications", "partnerB", app("9120000000001", "73.09.01.2003", "micro", mandai))
	c.call(400, "POST", one+"/applications", "memberA", app("9120000000001", "73.09", "micro", mandai))
	c.call(400, "POST", one+"/applications", "memberA", app("912", "73.09.01.2003", "micro", mandai))
	c.call(400, "POST", one+"/applications", "memberA", app("9120000000001", "73.09.01.2003", "micro", 424242))
	for i, dom := range []string{"73.09.01.2003", "73.10.01", "73.71.01", "73.09.02", "32.73.01"} {
		c.call(201, "POST", one+"/applications", "memberA", app(fmt.Sprintf("912000000000%d", i+1), dom, []string{"micro", "small"}[i%2], mandai, maros))
	}
	c.call(409, "POST", one+"/applications", "memberA", app("9120000000001", "73.09.01.2003", "medium", maros))
	c.call(401, "GET", one+"/applications", "", "")
	c.call(400, "GET", one+"/applications?offset=-1", "memberA", "")
	c.call(404, "GET", api+"/999999/applications", "memberA", "")
	la := c.call(200, "GET", one+"/applications", "partnerB", "").json(t)
	if la["total"] != float64(5) || la["items"].([]any)[0].(map[string]any)["owner_name"] != nil {
		t.Errorf("applications for a partner: %v", la)
	}

	seed := bytes.Repeat([]byte{0x42}, 32)
	commit := fmt.Sprintf(`{"commitment":%q,"applications_close_at":%q}`, corridor.Commit(seed), time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339))
	c.call(401, "POST", one+"/draw", "", `{"seed":"00"}`)
	c.call(422, "POST", one+"/draw", "memberA", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(seed)))
	c.call(422, "POST", one+"/close", "memberA", "")
	c.call(401, "POST", one+"/commit", "", commit)
	c.call(403, "POST", one+"/commit", "partnerB", commit)
	c.call(400, "POST", one+"/commit", "memberA", `{"commitment":"abc","applications_close_at":"2030-01-01T00:00:00Z"}`)
	c.call(422, "POST", one+"/commit", "memberA", fmt.Sprintf(`{"commitment":%q,"applications_close_at":"2020-01-01T00:00:00Z"}`, corridor.Commit(seed)))
	c.call(404, "POST", api+"/999999/commit", "memberA", commit)
	d := c.call(201, "POST", one+"/commit", "memberA", commit).json(t)
	drawID := int64(d["id"].(float64))
	c.call(409, "POST", one+"/commit", "memberA", commit)
	c.call(409, "POST", one+"/draw", "memberA", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(seed)))
	rec := fmt.Sprintf("%s/draws/%d", one, drawID)
	c.call(409, "GET", rec, "", "")
	c.call(401, "POST", one+"/close", "", "")
	c.call(403, "POST", one+"/close", "partnerB", "")
	c.call(404, "POST", api+"/999999/close", "memberA", "")
	c.call(200, "POST", one+"/close", "memberA", "")
	c.call(409, "POST", one+"/close", "memberA", "")
	c.call(422, "POST", one+"/applications", "memberA", app("9120000000009", "73.09.01.2003", "micro", mandai))
	c.call(400, "POST", one+"/draw", "memberA", `{"seed":"zz"}`)
	c.call(403, "POST", one+"/draw", "partnerB", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(seed)))
	c.call(404, "POST", api+"/999999/draw", "memberA", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(seed)))
	r = c.call(422, "POST", one+"/draw", "memberA", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(bytes.Repeat([]byte{1}, 32))))
	if !strings.Contains(string(r.body), sinergi.RuleCorridorSeed) {
		t.Errorf("seed mismatch problem: %s", r.body)
	}
	c.call(409, "GET", rec, "", "") // nothing allocated
	c.call(200, "POST", one+"/draw", "memberA", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(seed)))
	c.call(409, "POST", one+"/draw", "memberA", fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(seed)))
	c.call(200, "GET", one+"/draws", "", "")
	c.call(404, "GET", api+"/999999/draws", "", "")
	got := c.call(200, "GET", rec, "", "")
	c.call(404, "GET", fmt.Sprintf("%s/draws/999999", one), "", "")
	var dr corridor.DrawRecord
	if err := json.Unmarshal(got.body, &dr); err != nil {
		t.Fatal(err)
	}
	if err := corridor.Verify(dr); err != nil {
		t.Fatalf("published record does not verify: %v", err)
	}
	if len(dr.Result.Assignments) != 3 || len(dr.Inputs.Applications) != 5 {
		t.Errorf("record: %d assignments, %d applications", len(dr.Result.Assignments), len(dr.Inputs.Applications))
	}

	appID := int64(la["items"].([]any)[4].(map[string]any)["id"].(float64))
	c.call(401, "POST", one+"/appeals", "", fmt.Sprintf(`{"application_id":%d,"grounds":"x"}`, appID))
	c.call(403, "POST", one+"/appeals", "partnerB", fmt.Sprintf(`{"application_id":%d,"grounds":"x"}`, appID))
	c.call(400, "POST", one+"/appeals", "memberA", `{"application_id":999999,"grounds":"x"}`)
	c.call(404, "POST", api+"/999999/appeals", "memberA", `{"application_id":1,"grounds":"x"}`)
	a := c.call(201, "POST", one+"/appeals", "memberA", fmt.Sprintf(`{"application_id":%d,"grounds":"Domisili kami di Maros, bukan Bandung"}`, appID)).json(t)
	dec := fmt.Sprintf("%s/appeals/%d/decision", one, int64(a["id"].(float64)))
	c.call(400, "POST", dec, "memberA", `{"outcome":"maybe","decision":"x"}`)
	c.call(401, "POST", dec, "", `{"outcome":"rejected","decision":"x"}`)
	c.call(403, "POST", dec, "partnerB", `{"outcome":"rejected","decision":"x"}`)
	c.call(404, "POST", one+"/appeals/999999/decision", "memberA", `{"outcome":"rejected","decision":"x"}`)
	c.call(200, "POST", dec, "memberA", `{"outcome":"rejected","decision":"NIB terdaftar dengan alamat di Kota Bandung"}`)
	c.call(409, "POST", dec, "memberA", `{"outcome":"upheld","decision":"x"}`)
	c.call(200, "GET", one+"/appeals", "", "")
	c.call(404, "GET", api+"/999999/appeals", "", "")

	for _, p := range []string{"/corridors", fmt.Sprintf("/corridors/%d", id), fmt.Sprintf("/corridors/%d/draws/%d", id, drawID)} {
		r := e.do("GET", p, "", "")
		if r.status != 200 || !strings.Contains(string(r.body), "Mandai") && p != "/corridors" {
			t.Errorf("GET %s: %d", p, r.status)
		}
	}
	if r := e.do("GET", fmt.Sprintf("/corridors/%d/draws/%d", id, drawID), "", ""); !strings.Contains(string(r.body), "verify-draw") {
		t.Error("the draw page does not explain how to verify")
	}
	if r := e.do("GET", fmt.Sprintf("/corridors/%d", id), "memberA", ""); !strings.Contains(string(r.body), "Ibu Hasnah") || !strings.Contains(string(r.body), "Melebihi batas") {
		t.Error("the programme page misses the owner names for managers or the flagged tariff")
	}
	if r := e.do("GET", fmt.Sprintf("/corridors/%d", id), "memberA", ""); !strings.Contains(string(r.body), fmt.Sprintf(`href="/agreements/%d"`, ksdd)) || !strings.Contains(string(r.body), "Jalan akses Stasiun Maros") {
		t.Error("the programme page does not link its kerja sama")
	}
	for _, l := range []string{"id", "en"} {
		r := e.do("GET", fmt.Sprintf("/corridors/%d/plan.pdf", id), "", "", "Cookie", "lang="+l)
		if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
			t.Errorf("plan PDF (%s): %d %s", l, r.status, r.header.Get("Content-Type"))
		}
	}
	if r := e.do("GET", "/corridors/999999/plan.pdf", "", ""); r.status != 404 {
		t.Errorf("missing plan PDF: %d", r.status)
	}
	if r := e.do("GET", "/corridors/999999/draws/1", "", ""); r.status != 404 {
		t.Errorf("missing draw page: %d", r.status)
	}

	var ops []string
	for _, op := range c.doc.operations() {
		if strings.Contains(op, "/corridors") {
			ops = append(ops, op)
		}
	}
	if len(ops) != 16 {
		t.Errorf("%d documented corridor operations, want 16", len(ops))
	}
	for _, op := range ops {
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}
