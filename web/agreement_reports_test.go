package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"slices"
	"sort"
	"strings"
	"testing"

	"sinergi"
)

// multipartFile is a multipart form with one "file" part.
func multipartFile(t *testing.T, name string, data []byte) (string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	f, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data)
	w.Close()
	return b.String(), w.FormDataContentType()
}

// followUpOp reports whether a documented operation belongs to the
// follow-up of agreements (reports, evidence, reporting, obligations,
// parties).
func followUpOp(op string) bool {
	for _, s := range []string{"/reports", "/reporting", "/obligations/", "/parties/"} {
		if strings.Contains(op, s) {
			return true
		}
	}
	return false
}

// The follow-up routes of an agreement: real responses validate against the
// OpenAPI document; only organisation admins of a party (and system admins)
// write; bad uploads store nothing.
func TestAgreementFollowUpAPI(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	const api = "/api/v1/agreements"
	r := c.call(201, "POST", api, "memberA", ksBody(e.orgA.ID, pangkep.ID, `,"obligations":[{"organization_id":`+fmt.Sprint(e.orgA.ID)+`,"description":"Menyediakan lahan","due_date":"2026-03-31"}]`))
	id := c.id(r)
	one := fmt.Sprintf("%s/%d", api, id)
	// reports wait for the agreement to come into force
	report := `{"period_start":"2026-01-01","period_end":"2026-06-30","report_date":"2026-07-05","narrative":"Lahan jalan akses telah dibebaskan.","outcome":"60% lahan"}`
	c.call(409, "POST", one+"/reports", "adminA", report)
	for _, code := range []string{"persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		c.call(200, "POST", one+"/stages/"+code, "adminA", `{"date":"2026-02-01"}`)
	}
	ag := c.call(200, "GET", one, "partnerB", "").json(t)
	if rep, _ := ag["reporting"].(map[string]any); rep["interval_months"] != float64(6) || rep["next_due"] != "2026-07-01" {
		t.Errorf("reporting: %v", ag["reporting"])
	}
	if m := ag["monitoring"].(map[string]any); m["authority"] != "governor" || m["province_code"] != "73" {
		t.Errorf("monitoring: %v", m)
	}
	ours, err := e.db.CreateActivity(sys, sinergi.ActivityInput{Type: "joint_planning", FromOrgID: e.orgA.ID, ToOrgID: pangkep.ID, Date: "2026-05-10", Description: "Rapat teknis"})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := e.db.CreateActivity(sys, sinergi.ActivityInput{Type: "training", FromOrgID: e.orgA.ID, ToOrgID: e.orgB.ID, Date: "2026-05-11", Description: "Pelatihan"})
	if err != nil {
		t.Fatal(err)
	}

	// reports
	withActs := func(ids ...int64) string {
		s := strings.TrimSuffix(report, "}") + `,"activity_ids":[`
		for i, id := range ids {
			if i > 0 {
				s += ","
			}
			s += fmt.Sprint(id)
		}
		return s + "]}"
	}
	c.call(401, "POST", one+"/reports", "", report)
	c.call(403, "POST", one+"/reports", "memberA", report)
	c.call(403, "POST", one+"/reports", "partnerB", report)
	c.call(400, "POST", one+"/reports", "adminA", `{"period_start":"2026-01-01"}`)
	c.call(400, "POST", one+"/reports", "adminA", withActs(theirs.ID))
	c.call(400, "POST", one+"/reports", "adminA", `{"narrative":"x","unknown":1}`)
	c.call(404, "POST", api+"/999999/reports", "adminA", report)
	r = c.call(201, "POST", one+"/reports", "adminA", withActs(ours.ID))
	rid := c.id(r)
	rep := fmt.Sprintf("%s/reports/%d", one, rid)
	if r.header.Get("Location") != rep || r.header.Get("ETag") != `"v1"` {
		t.Errorf("Location %q ETag %q", r.header.Get("Location"), r.header.Get("ETag"))
	}
	c.call(201, "POST", one+"/reports", "sys", report)
	r = c.call(200, "GET", one+"/reports?limit=1", "partnerB", "")
	if m := r.json(t); m["total"] != float64(2) || len(m["items"].([]any)) != 1 {
		t.Errorf("list: %s", r.body)
	}
	c.call(400, "GET", one+"/reports?limit=x", "partnerB", "")
	c.call(401, "GET", one+"/reports", "", "")
	c.call(404, "GET", api+"/999999/reports", "memberA", "")
	c.call(200, "GET", rep, "memberA", "")
	c.call(404, "GET", one+"/reports/999999", "memberA", "")
	c.call(401, "GET", rep, "", "")
	c.call(412, "PUT", rep, "adminA", report, "If-Match", `"v9"`)
	c.call(403, "PUT", rep, "memberA", report)
	c.call(400, "PUT", rep, "adminA", `{"period_start":"x"}`)
	c.call(401, "PUT", rep, "", report)
	c.call(404, "PUT", one+"/reports/999999", "adminA", report)
	if a := c.call(200, "PUT", rep, "adminA", report, "If-Match", `"v1"`).json(t); a["version"] != float64(2) || len(a["activities"].([]any)) != 0 {
		t.Errorf("update: %v", a)
	}

	// evidence
	files := one + fmt.Sprintf("/reports/%d/files", rid)
	count := func() int {
		var n int
		if err := e.db.SQL.QueryRow(`SELECT count(*) FROM agreement_report_files`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	pdf := []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
	b, ct := multipartFile(t, "../../berita acara.pdf", pdf)
	c.call(401, "POST", files, "", b, "Content-Type", ct)
	c.call(403, "POST", files, "memberA", b, "Content-Type", ct)
	c.call(403, "POST", files, "partnerB", b, "Content-Type", ct)
	c.call(404, "POST", one+"/reports/999999/files", "adminA", b, "Content-Type", ct)
	bad, badCT := multipartFile(t, "foto.png", []byte("MZ\x90\x00 an executable"))
	c.call(400, "POST", files, "adminA", bad, "Content-Type", badCT)
	c.call(400, "POST", files+"?name=x.html", "adminA", "<html><script>alert(1)</script>", "Content-Type", "application/octet-stream")
	big, bigCT := multipartFile(t, "besar.pdf", append(append([]byte{}, pdf...), bytes.Repeat([]byte("a"), sinergi.MaxEvidenceSize)...))
	c.call(413, "POST", files, "adminA", big, "Content-Type", bigCT)
	c.call(413, "POST", files+"?name=besar.txt", "adminA", strings.Repeat("a", sinergi.MaxEvidenceSize+1), "Content-Type", "application/octet-stream")
	if n := count(); n != 0 {
		t.Fatalf("%d files stored after refused uploads", n)
	}
	r = c.call(201, "POST", files, "adminA", b, "Content-Type", ct)
	f := r.json(t)
	if f["name"] != "berita acara.pdf" || f["content_type"] != "application/pdf" || f["size"] != float64(len(pdf)) {
		t.Errorf("stored file: %v", f)
	}
	c.call(201, "POST", files+"?name=notulen", "sys", "Notulen rapat teknis", "Content-Type", "application/octet-stream")
	dl := fmt.Sprintf("%s/%d", files, c.id(r))
	r = c.call(200, "GET", dl, "partnerB", "")
	if !bytes.Equal(r.body, pdf) || !strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") || r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download: %q %v", r.body, r.header)
	}
	c.call(401, "GET", dl, "", "")
	c.call(404, "GET", files+"/999999", "memberA", "")
	if n := count(); n != 2 {
		t.Errorf("%d files stored, want 2", n)
	}
	// removing a file: its writers only, audited with its fingerprint
	extra := c.call(201, "POST", files+"?name=salah.txt", "adminA", "Diunggah keliru", "Content-Type", "application/octet-stream")
	gone := fmt.Sprintf("%s/%d", files, c.id(extra))
	c.call(401, "DELETE", gone, "", "")
	c.call(403, "DELETE", gone, "memberA", "")
	c.call(403, "DELETE", gone, "partnerB", "")
	c.call(404, "DELETE", files+"/999999", "adminA", "")
	c.call(204, "DELETE", gone, "adminA", "")
	c.call(404, "GET", gone, "memberA", "")
	c.call(404, "DELETE", gone, "adminA", "")
	if n := count(); n != 2 {
		t.Errorf("%d files stored after the removal, want 2", n)
	}
	var audited int
	if err := e.db.SQL.QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'remove_file' AND before_data LIKE '%salah.txt%'`).Scan(&audited); err != nil || audited != 1 {
		t.Errorf("removal audited %d times (%v), want 1", audited, err)
	}

	// reporting interval
	v := func() string { return e.do("GET", one, "memberA", "").header.Get("ETag") }
	c.call(403, "PUT", one+"/reporting", "memberA", `{"interval_months":12}`)
	c.call(400, "PUT", one+"/reporting", "adminA", `{"interval_months":0}`)
	c.call(412, "PUT", one+"/reporting", "adminA", `{"interval_months":12}`, "If-Match", `"v99"`)
	c.call(401, "PUT", one+"/reporting", "", `{"interval_months":12}`)
	c.call(404, "PUT", api+"/999999/reporting", "adminA", `{"interval_months":12}`)
	if m := c.call(200, "PUT", one+"/reporting", "adminA", `{"interval_months":12}`, "If-Match", v()).json(t); m["reporting"].(map[string]any)["interval_months"] != float64(12) {
		t.Errorf("interval: %v", m["reporting"])
	}

	// obligations
	oid := int64(ag["obligations"].([]any)[0].(map[string]any)["id"].(float64))
	done := fmt.Sprintf("%s/obligations/%d/done", one, oid)
	c.call(403, "POST", done, "memberA", `{"date":"2026-06-01"}`)
	c.call(400, "POST", done, "adminA", `{"date":"1 Juni"}`)
	c.call(412, "POST", done, "adminA", `{"date":"2026-06-01"}`, "If-Match", `"v99"`)
	c.call(404, "POST", fmt.Sprintf("%s/obligations/%d/done", one, oid+99), "adminA", `{"date":"2026-06-01"}`)
	c.call(401, "POST", done, "", `{"date":"2026-06-01"}`)
	m := c.call(200, "POST", done, "adminA", `{"date":"2026-06-01","note":"BA serah terima"}`, "If-Match", v()).json(t)
	if o := m["obligations"].([]any)[0].(map[string]any); o["done_on"] != "2026-06-01" || o["overdue"] != false {
		t.Errorf("done: %v", o)
	}
	c.call(409, "POST", done, "adminA", `{"date":"2026-06-01"}`)
	c.call(403, "DELETE", done, "memberA", "")
	c.call(412, "DELETE", done, "adminA", "", "If-Match", `"v99"`)
	c.call(401, "DELETE", done, "", "")
	c.call(200, "DELETE", done, "adminA", "", "If-Match", v())
	c.call(409, "DELETE", done, "adminA", "")
	c.call(404, "DELETE", fmt.Sprintf("%s/obligations/%d/done", one, oid+99), "adminA", "")

	// parties
	party := fmt.Sprintf("%s/parties/%d", one, e.orgA.ID)
	sig := `{"role":"lead","signatories":[{"name":"Chaidir Syam","position":"Bupati Maros","authority":"head_of_region","document":"kb"},{"name":"Andi Davied","position":"Sekretaris Daerah","authority":"power_of_attorney","document":"%s"}]}`
	c.call(422, "PUT", party, "adminA", fmt.Sprintf(sig, "kb"))
	c.call(422, "PUT", fmt.Sprintf("%s/parties/%d", one, pangkep.ID), "adminA", `{"role":"witness"}`)
	c.call(400, "PUT", party, "adminA", `{"role":"boss"}`)
	c.call(403, "PUT", party, "memberA", fmt.Sprintf(sig, "pks"))
	c.call(403, "PUT", party, "partnerB", fmt.Sprintf(sig, "pks"))
	c.call(401, "PUT", party, "", fmt.Sprintf(sig, "pks"))
	c.call(404, "PUT", fmt.Sprintf("%s/parties/%d", one, e.orgB.ID), "adminA", `{"role":"party"}`)
	c.call(412, "PUT", party, "adminA", fmt.Sprintf(sig, "pks"), "If-Match", `"v99"`)
	m = c.call(200, "PUT", party, "adminA", fmt.Sprintf(sig, "pks"), "If-Match", v()).json(t)
	if p := m["parties"].([]any)[0].(map[string]any); len(p["signatories"].([]any)) != 2 {
		t.Errorf("party: %v", p)
	}
	c.call(200, "POST", one+"/terminate", "adminA", `{"reason":"agreed","date":"2026-11-01"}`)
	c.call(409, "PUT", party, "adminA", fmt.Sprintf(sig, "pks"))

	for _, op := range c.doc.operations() {
		if !strings.Contains(op, " /api/v1/agreements") || !followUpOp(op) {
			continue
		}
		sts := c.seen[op]
		sort.Ints(sts)
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}
