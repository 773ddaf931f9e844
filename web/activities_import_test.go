package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sinergi"
	"sinergi/sheet"
)

// The activity import (issue 6 item 1): template, API with its OpenAPI
// contract, permissions, bad files and the HTML page.
func TestActivityImportHTTP(t *testing.T) {
	e := newEnv(t)
	c := &contract{t: t, e: e, doc: loadAPIDoc(t), seen: map[string][]int{}}
	orgC, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	if err != nil {
		t.Fatal(err)
	}
	count := func() float64 { return e.do("GET", "/api/v1/activities", "memberA", "").json(t)["total"].(float64) }

	r := c.call(200, "GET", "/api/v1/activities/template.xlsx", "memberA", "")
	if !strings.Contains(r.header.Get("Content-Disposition"), "templat-impor-kegiatan.xlsx") {
		t.Errorf("template file name %q", r.header.Get("Content-Disposition"))
	}
	c.call(401, "GET", "/api/v1/activities/template.xlsx", "", "")
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if sh := f.GetSheetList(); len(sh) != 2 || sh[0] != "Kegiatan" || sh[1] != "Petunjuk" {
		t.Errorf("sheets %v", sh)
	}
	good := []any{"giving_technical_assistance", e.orgA.Name, "", e.orgB.ID, "", "15/01/2026", "Pendampingan SPBE", "", "Rp2.500.000", "", "", ""}
	bad := []any{"receiving_training", e.orgA.ID, "", "PT Tidak Ada", "", "2026-02-30", "Pelatihan", "", "", "", "", ""}
	f.SetSheetRow("Kegiatan", "A2", &good)
	f.SetSheetRow("Kegiatan", "A3", &bad)
	var buf bytes.Buffer
	f.Write(&buf)
	f.Close()
	filled := buf.Bytes()

	// all or nothing: problems by row and column, in both languages; nothing stored
	r = c.call(200, "POST", "/api/v1/activities/import", "memberA", string(filled), "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	m := r.json(t)
	if m["imported"] != float64(0) || m["format"] != "xlsx" || count() != 0 {
		t.Fatalf("all_or_nothing: %s; %v stored", r.body, count())
	}
	cols := map[string]bool{}
	for _, p := range m["problems"].([]any) {
		p := p.(map[string]any)
		if p["row"] != float64(3) || p["reason"] == "" || p["reason_en"] == "" {
			t.Errorf("problem %v", p)
		}
		cols[p["column"].(string)] = true
	}
	if !cols["to_org"] || !cols["date"] || len(cols) != 2 {
		t.Errorf("problem columns %v", cols)
	}
	// valid only, as multipart with the mode in the form
	r = upload(t, e, "/api/v1/activities/import?mode=valid_only", "memberA", filled)
	if m = r.json(t); r.status != 200 || m["imported"] != float64(1) || count() != 1 {
		t.Fatalf("valid_only: %d %s", r.status, r.body)
	}
	l := e.do("GET", fmt.Sprintf("/api/v1/activities?org_id=%d", e.orgB.ID), "memberA", "").json(t)["items"].([]any)
	if a := l[0].(map[string]any); a["type"] != "technical_assistance" || a["date"] != "2026-01-15" || a["value_rupiah"] != float64(2_500_000) {
		t.Errorf("stored %v", a)
	}
	// the partner may record only what its organisation takes part in
	csv := fmt.Sprintf("type,from_org,to_org,date,description\njoint_planning,%d,%d,2026-03-01,Rencana bersama\njoint_planning,%d,%d,2026-03-01,Rencana\n", e.orgA.ID, orgC.ID, e.orgB.ID, orgC.ID)
	r = c.call(200, "POST", "/api/v1/activities/import?mode=valid_only", "partnerB", csv, "Content-Type", "text/csv")
	if m = r.json(t); m["imported"] != float64(1) || len(m["problems"].([]any)) != 1 || m["problems"].([]any)[0].(map[string]any)["column"] != "from_org" {
		t.Errorf("partner: %s", r.body)
	}
	// a system admin may import for any organisation
	r = c.call(200, "POST", "/api/v1/activities/import", "sys", strings.SplitN(csv, "\n", 3)[0]+"\n"+strings.SplitN(csv, "\n", 3)[1]+"\n", "Content-Type", "text/csv")
	if m = r.json(t); m["imported"] != float64(1) {
		t.Errorf("admin: %s", r.body)
	}

	// files that cannot be read: a clear 4xx and nothing stored
	before := count()
	c.call(401, "POST", "/api/v1/activities/import", "", csv, "Content-Type", "text/csv")
	c.call(400, "POST", "/api/v1/activities/import?mode=some", "memberA", csv, "Content-Type", "text/csv")
	if r = c.call(400, "POST", "/api/v1/activities/import", "memberA", "type,from_org,to_org,date,description\ntraining,\"1,2,2026-01-01,x\n\"x\"y\n", "Content-Type", "text/csv"); !strings.Contains(string(r.body), "CSV tidak valid") {
		t.Errorf("malformed csv: %s", r.body)
	}
	if r = c.call(400, "POST", "/api/v1/activities/import", "memberA", "type;description\ntraining;x\n", "Content-Type", "text/csv"); !strings.Contains(string(r.body), "from_org") {
		t.Errorf("missing columns: %s", r.body)
	}
	if r = c.call(400, "POST", "/api/v1/activities/import", "memberA", string(zipBomb(t)), "Content-Type", "application/octet-stream"); !strings.Contains(string(r.body), "bom zip") {
		t.Errorf("zip bomb: %s", r.body)
	}
	c.call(400, "POST", "/api/v1/activities/import", "memberA", "PK\x03\x04 no zip", "Content-Type", "application/octet-stream")
	c.call(413, "POST", "/api/v1/activities/import", "memberA", strings.Repeat("x", int(sheet.MaxUpload)+1), "Content-Type", "text/csv")
	if n := count(); n != before {
		t.Errorf("bad files stored activities: %v → %v", before, n)
	}

	for _, op := range c.doc.operations() {
		if testedApart(op) && !strings.Contains(op, "/trends") {
			sts := c.seen[op]
			if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
				t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
			}
		}
	}

	// the HTML page: the form, then the row report
	b := e.browser()
	e.login(b, "memberA@sinergi.test")
	res, err := b.Get(e.srv.URL + "/activities/import")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), `href="/api/v1/activities/template.xlsx"`) || !strings.Contains(string(page), `action="/activities/import"`) {
		t.Errorf("import page: %d %.1500s", res.StatusCode, page)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "kegiatan.xlsx")
	fw.Write(filled)
	mw.WriteField("mode", "all_or_nothing")
	mw.Close()
	res, err = b.Post(e.srv.URL+"/activities/import", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), `data-testid="problems"`) || !strings.Contains(string(page), "Instansi tidak ditemukan: PT Tidak Ada") ||
		!strings.Contains(string(page), "Tidak ada yang disimpan") {
		t.Errorf("import report page: %d %.3000s", res.StatusCode, page)
	}
	if n := count(); n != before {
		t.Errorf("the page's all_or_nothing stored activities: %v → %v", before, n)
	}
}

// testedApart: the activity operations with their own contract tests
// (TestActivityImportHTTP, TestTrendsHTTP).
func testedApart(op string) bool {
	return strings.Contains(op, "/api/v1/activities/import") || strings.Contains(op, "/api/v1/activities/template.xlsx") || strings.Contains(op, "/api/v1/analytics/trends")
}
