package web_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"sinergi"
)

// ksBody is a KSDD between Maros and another regency, as JSON.
func ksBody(a, b int64, extra string) string {
	return fmt.Sprintf(`{"kind":"KSDD","title":"Jalan akses Stasiun Maros","parties":[{"organization_id":%d,"role":"lead"},{"organization_id":%d}],
		"start_date":"2026-01-01","end_date":"2030-12-31","burdens_public":false,"funded_in_current_budget":true,"urusan":["perhubungan"],
		"scope":"Jalan akses stasiun","value":1500000000,"funding_sources":["APBD"]%s}`, a, b, extra)
}

// The real responses of every kerja sama route validate against the merged
// OpenAPI document, and each operation is seen to succeed and to fail.
func TestAgreementOpenAPIResponses(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const api = "/api/v1/agreements"
	body := ksBody(e.orgA.ID, pangkep.ID, "")

	c.call(401, "GET", api, "", "")
	c.call(400, "GET", api+"?status=forever", "memberA", "")
	c.call(401, "POST", api, "", body)
	c.call(400, "POST", api, "memberA", `{"kind":`)
	c.call(400, "POST", api, "memberA", `{"kind":"KB","title":"x"}`)
	c.call(403, "POST", api, "partnerB", body)
	c.call(422, "POST", api, "memberA", ksBody(e.orgA.ID, pangkep.ID, `,"ksdd_category":"wajib"`))
	c.call(422, "POST", api, "memberA", strings.Replace(body, "2030-12-31", "2032-06-30", 1))
	r := c.call(201, "POST", api, "memberA", body)
	one := fmt.Sprintf("%s/%d", api, c.id(r))
	if loc := r.header.Get("Location"); loc != one {
		t.Errorf("Location %q, want %q", loc, one)
	}
	m := r.json(t)
	if m["ksdd_category"] != "sukarela" || m["parent_id"] != nil {
		t.Errorf("defaults: ksdd_category %v, parent_id %v", m["ksdd_category"], m["parent_id"])
	}
	for _, s := range m["stages"].([]any) {
		st := s.(map[string]any)
		if st["code"] == "persetujuan_dprd" && st["required"] != false {
			t.Errorf("persetujuan_dprd required = %v for a funded plan that burdens nobody", st["required"])
		}
	}
	c.call(200, "GET", one, "memberA", "")
	c.call(200, "GET", one, "partnerB", "", "Accept-Language", "en")
	c.call(401, "GET", one, "", "")
	c.call(404, "GET", api+"/999999", "memberA", "")
	c.call(404, "GET", api+"/abc", "memberA", "")

	st := func(code string) string { return one + "/stages/" + code }
	c.call(401, "POST", st("persiapan"), "", `{"date":"2026-01-05"}`)
	c.call(403, "POST", st("persiapan"), "partnerB", `{"date":"2026-01-05"}`)
	c.call(400, "POST", st("persiapan"), "memberA", `{"date":"5 Januari"}`)
	c.call(400, "POST", st("persiapan"), "memberA", ``)
	c.call(404, "POST", st("kb"), "memberA", `{"date":"2026-01-05"}`)
	c.call(404, "POST", api+"/999999/stages/persiapan", "memberA", `{"date":"2026-01-05"}`)
	c.call(422, "POST", st("penawaran"), "memberA", `{"date":"2026-01-05"}`)
	c.call(412, "POST", st("persiapan"), "memberA", `{"date":"2026-01-05"}`, "If-Match", `"v9"`)
	c.call(200, "POST", st("persiapan"), "memberA", `{"date":"2026-01-05","document_ref":"ND 100/1/Bappeda","note":"Rapat TKKSD"}`, "If-Match", `"v1"`)
	c.call(409, "POST", st("persiapan"), "memberA", `{"date":"2026-01-05"}`)
	for _, code := range []string{"penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		c.call(200, "POST", st(code), "adminA", `{"date":"2026-02-01","document_ref":"No. `+code+`"}`)
	}
	r = c.call(200, "GET", api+"?status=active&q=maros&kind=KSDD&org_id="+fmt.Sprint(pangkep.ID)+"&offset=0&limit=5", "memberA", "")
	if n := r.json(t)["total"]; n != float64(1) {
		t.Errorf("search total %v, want 1", n)
	}

	c.call(400, "POST", one+"/renew", "memberA", `{"start_date":"2031"}`)
	c.call(403, "POST", one+"/renew", "partnerB", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`)
	c.call(422, "POST", one+"/renew", "memberA", `{"start_date":"2031-01-01","end_date":"2037-12-31"}`)
	r = c.call(201, "POST", one+"/renew", "memberA", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`)
	two := fmt.Sprintf("%s/%d", api, c.id(r))
	if loc := r.header.Get("Location"); loc != two {
		t.Errorf("renewal Location %q, want %q", loc, two)
	}
	c.call(409, "POST", one+"/renew", "memberA", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`)
	c.call(412, "POST", two+"/renew", "memberA", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`, "If-Match", `"v7"`)
	c.call(404, "POST", api+"/999999/renew", "memberA", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`)
	c.call(401, "POST", two+"/renew", "", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`)

	pk := fmt.Sprintf(`{"kind":"KSDPK","title":"Kawasan Stasiun Maros dengan PT CRI","parties":[{"organization_id":%d,"signatories":[{"name":"Ir. Andi","position":"Sekretaris Daerah","authority":"power_of_attorney","document":"pks"}]},{"organization_id":%d}],"start_date":"2026-01-01","end_date":"2028-12-31","funded_in_current_budget":true,"obligations":[{"organization_id":%d,"description":"Membangun halte","due_date":"2026-06-30"}]}`, e.orgA.ID, e.orgB.ID, e.orgB.ID)
	c.call(422, "POST", api, "memberA", strings.Replace(pk, `"document":"pks"`, `"document":"kb"`, 1))
	r = c.call(201, "POST", api, "memberA", pk)
	three := fmt.Sprintf("%s/%d", api, c.id(r))
	c.call(400, "POST", three+"/terminate", "memberA", `{"reason":"agreed"}`)
	c.call(422, "POST", three+"/terminate", "memberA", `{"reason":"regional_head_change","date":"2026-11-01"}`)
	c.call(403, "POST", three+"/terminate", "partnerB", `{"reason":"agreed","date":"2026-11-01"}`)
	c.call(401, "POST", three+"/terminate", "", `{"reason":"agreed","date":"2026-11-01"}`)
	c.call(404, "POST", api+"/999999/terminate", "memberA", `{"reason":"agreed","date":"2026-11-01"}`)
	c.call(412, "POST", three+"/terminate", "memberA", `{"reason":"agreed","date":"2026-11-01"}`, "If-Match", `"v5"`)
	c.call(200, "POST", three+"/terminate", "memberA", `{"reason":"bankruptcy","date":"2026-11-01","note":"Putusan pailit PN Makassar","document_ref":"12/Pdt.Sus-Pailit/2026"}`)
	c.call(409, "POST", three+"/terminate", "memberA", `{"reason":"agreed","date":"2026-11-01"}`)
	c.call(409, "POST", three+"/stages/persiapan", "memberA", `{"date":"2026-11-02"}`)
	c.call(200, "GET", api+"?status=terminated", "memberA", "")
	c.call(200, "GET", "/api/v1/agreement-affairs", "", "")
	// text no database stores is refused, never a 500
	c.call(400, "POST", api, "memberA", strings.Replace(body, "Jalan akses", `Jalan\u0000akses`, 1))
	c.call(400, "POST", api, "memberA", strings.Replace(body, `"scope":"Jalan akses stasiun"`, `"scope":"a\u0000"`, 1))
	c.call(400, "POST", two+"/stages/persiapan", "memberA", `{"date":"2026-01-05","note":"\u0000"}`)
	c.call(400, "POST", two+"/terminate", "memberA", `{"reason":"agreed","date":"2026-11-01","document_ref":"x\u0000"}`)
	c.call(200, "GET", api+"?q=%ff%00x", "memberA", "")

	// import, template and export (item 8)
	c.call(200, "GET", api+"/template.xlsx", "memberA", "")
	c.call(401, "GET", api+"/template.xlsx", "", "")
	csvFile := fmt.Sprintf("kind,title,parties,start_date,end_date\nKSDD,Jalan akses impor,%d;%d,2026-01-01,2030-12-31\nKSDD,Jalan,%d,2026-01-01,2040-12-31\n", e.orgA.ID, pangkep.ID, e.orgA.ID)
	r = c.call(200, "POST", api+"/import?mode=valid_only", "memberA", csvFile, "Content-Type", "text/csv")
	if m := r.json(t); m["imported"] != float64(1) || len(m["problems"].([]any)) == 0 {
		t.Errorf("import report %s", r.body)
	}
	c.call(200, "POST", api+"/import", "memberA", csvFile, "Content-Type", "text/csv")
	c.call(400, "POST", api+"/import?mode=some", "memberA", csvFile, "Content-Type", "text/csv")
	c.call(400, "POST", api+"/import", "memberA", "kind,title\n\"x", "Content-Type", "text/csv")
	c.call(401, "POST", api+"/import", "", csvFile, "Content-Type", "text/csv")
	c.call(413, "POST", api+"/import", "memberA", strings.Repeat("x", 10<<20+1), "Content-Type", "text/csv")
	c.call(200, "GET", api+"/export.xlsx?status=draft&q=impor&kind=KSDD&org_id="+fmt.Sprint(pangkep.ID), "memberA", "")
	c.call(200, "GET", api+"/export.csv?q=impor", "memberA", "")
	c.call(400, "GET", api+"/export.xlsx?status=forever", "memberA", "")
	c.call(401, "GET", api+"/export.csv", "", "")

	var ops []string
	for _, op := range c.doc.operations() {
		// Checked elsewhere: activity types in university_test.go, the PDFs in agreement_documents_test.go, the follow-up in agreement_reports_test.go.
		if strings.Contains(op, " /api/v1/agreements") && !strings.Contains(op, "/activity-types") && !strings.HasSuffix(op, ".pdf") && !followUpOp(op) {
			ops = append(ops, op)
		}
	}
	if len(ops) != 10 {
		t.Errorf("%d documented agreement operations, want 10", len(ops))
	}
	for _, op := range ops {
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}
