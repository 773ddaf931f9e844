package web_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The real responses of every Bantuan Kedinasan route validate against the
// merged OpenAPI document (helpers of openapi_test.go), and every one of its
// operations is seen to succeed and to fail.
func TestAssistanceOpenAPIResponses(t *testing.T) {
	e, p := bkEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const api = "/api/v1/assistance-requests"
	body := bkBody(e, p.ID, `,"documents":[{"title":"Peta bidang","classification":"terbatas"}],"attachments":[{"title":"Surat Bupati","reference":"100/123/Pem"}]`)

	c.call(401, "GET", api, "", "")
	c.call(400, "GET", api+"?role=boss", "memberA", "")
	c.call(401, "POST", api, "", body)
	c.call(400, "POST", api, "memberA", `{"subject":`)
	c.call(403, "POST", api, "memberP", body)
	c.call(422, "POST", api, "memberA", strings.Replace(body, `["d"]`, `[]`, 1))
	r := c.call(201, "POST", api, "memberA", strings.Replace(body, `["d"]`, `[{"letter":"d","explanation":"Data tanah dipegang BPN/instansi lain"},"a"]`, 1))
	one := fmt.Sprintf("%s/%d", api, c.id(r))
	if loc := r.header.Get("Location"); loc != one {
		t.Errorf("Location %q, want %q", loc, one)
	}
	c.call(404, "GET", one, "memberP", "") // a draft is the requester's alone
	c.call(200, "GET", one, "memberA", "")
	c.call(401, "GET", one, "", "")
	c.call(404, "GET", api+"/999999", "memberA", "")
	c.call(200, "PATCH", one, "memberA", `{"subject":"Data bidang tanah Stasiun Maros (revisi)","documents":[]}`, "If-Match", `"v1"`)
	c.call(412, "PATCH", one, "memberA", `{"subject":"Tulisan yang basi"}`, "If-Match", `"v1"`)
	c.call(400, "PATCH", one, "memberA", `{"subject":5}`)
	c.call(422, "PATCH", one, "memberA", `{"grounds":[]}`)
	c.call(404, "PATCH", one, "memberP", `{"subject":"Bukan draf kami"}`)
	c.call(401, "PATCH", one, "", `{"subject":"Tanpa masuk"}`)
	c.call(412, "POST", one+"/submit", "memberA", "", "If-Match", `"v99"`)
	c.call(404, "POST", one+"/submit", "memberP", "") // the provider does not see the draft
	c.call(401, "POST", one+"/submit", "", "")
	c.call(400, "POST", one+"/submit", "memberA", `{"note":4}`)
	c.call(200, "POST", one+"/submit", "memberA", `{"note":"Mohon dibantu"}`)
	c.call(409, "POST", one+"/submit", "memberA", "")
	c.call(409, "PATCH", one, "memberA", `{"subject":"Sudah diajukan"}`)
	c.call(403, "PATCH", one, "memberP", `{"subject":"Bukan pemohon"}`)
	c.call(403, "POST", one+"/submit", "memberP", "")
	c.call(200, "GET", api, "memberP", "")
	c.call(200, "GET", api+"?status=submitted&role=provider&overdue=false&emergency=false&offset=0&limit=5", "memberP", "")
	c.call(400, "POST", one+"/accept", "memberP", `[]`)
	c.call(403, "POST", one+"/accept", "memberA", "")
	c.call(400, "POST", one+"/refuse", "memberP", `{"ground":"a","reason":"x","extra":1}`)
	c.call(422, "POST", one+"/refuse", "memberP", `{"ground":"e","reason":"x"}`)
	c.call(200, "POST", one+"/refuse", "memberP", `{"ground":"a","reason":"Seluruh juru ukur sedang bertugas di proyek lain sampai akhir tahun"}`)
	c.call(409, "POST", one+"/refuse", "memberP", `{"ground":"a","reason":"lagi"}`)
	c.call(409, "POST", one+"/cancel", "memberA", "")

	r = c.call(201, "POST", api, "memberA", strings.Replace(body, `"cost_estimate":0`, `"cost_estimate":1500000`, 1))
	two := fmt.Sprintf("%s/%d", api, c.id(r))
	c.call(200, "POST", two+"/submit", "memberA", "")
	c.call(400, "PUT", two+"/cost-sharing", "memberA", `{"shares":[{"organization_id":1}]}`)
	c.call(422, "PUT", two+"/cost-sharing", "memberA", fmt.Sprintf(`{"shares":[{"organization_id":%d,"amount":1,"funding_source":"APBD","budget_line":"1.02"}]}`, e.orgA.ID))
	c.call(403, "PUT", two+"/cost-sharing", "partnerB", `{"shares":[]}`)
	c.call(422, "POST", two+"/cost-sharing/confirm", "memberA", "")
	c.call(200, "PUT", two+"/cost-sharing", "memberA", fmt.Sprintf(`{"shares":[{"organization_id":%d,"amount":1000000,"funding_source":"APBD","budget_line":"1.02.01"},{"organization_id":%d,"amount":500000,"funding_source":"APBD","budget_line":"2.01.03"}]}`, e.orgA.ID, p.ID))
	c.call(403, "POST", two+"/cost-sharing/confirm", "partnerB", "")
	c.call(200, "POST", two+"/cost-sharing/confirm", "memberA", "")
	c.call(200, "POST", two+"/accept", "adminP", "")
	c.call(422, "POST", two+"/start", "adminP", "")
	c.call(200, "POST", two+"/cost-sharing/confirm", "memberP", "")
	c.call(403, "POST", two+"/start", "memberA", "")
	c.call(409, "POST", two+"/complete", "memberA", "")
	c.call(200, "POST", two+"/start", "adminP", "")
	c.call(200, "POST", two+"/complete", "memberA", `{"note":"Selesai dengan baik"}`)
	c.call(409, "POST", two+"/start", "adminP", "")
	c.call(409, "PUT", two+"/cost-sharing", "memberA", `{"shares":[]}`)

	r = c.call(201, "POST", api, "memberA", strings.Replace(body, `"cost_estimate":0`, `"responsibility":"shared","agreement_ref":"PKS 7/2026"`, 1))
	three := fmt.Sprintf("%s/%d", api, c.id(r))
	c.call(409, "POST", one+"/responsibility/sign", "memberA", "")
	c.call(404, "POST", three+"/responsibility/sign", "partnerB", "")
	c.call(200, "POST", three+"/responsibility/sign", "memberA", "")
	c.call(404, "POST", three+"/cancel", "memberP", "")
	c.call(200, "POST", three+"/cancel", "memberA", `{"note":"Tidak jadi"}`)
	c.call(200, "GET", three, "memberA", "", "Accept-Language", "en")

	var ops []string
	for _, op := range c.doc.operations() {
		if strings.Contains(op, "/assistance-requests") {
			ops = append(ops, op)
		}
	}
	if len(ops) != 13 {
		t.Errorf("%d documented assistance operations, want 13", len(ops))
	}
	for _, op := range ops {
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}
