package web_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sinergi"
	"sinergi/sheet"
)

// upload posts a file as multipart/form-data.
func upload(t *testing.T, e *env, path, who string, file []byte) resp {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "kerja-sama.xlsx")
	fw.Write(file)
	mw.Close()
	req, _ := http.NewRequest("POST", e.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+e.tokens[who])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, b}
}

// zipBomb is a small xlsx whose worksheet inflates beyond sheet.MaxUnzipped.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, s := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"xl/workbook.xml":     `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Kerja sama" sheetId="1"/></sheets></workbook>`,
	} {
		w, _ := zw.Create(name)
		io.WriteString(w, s)
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.WriteString(w, `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	pad := bytes.Repeat([]byte(" "), 1<<20)
	for i := int64(0); i <= sheet.MaxUnzipped>>20; i++ {
		w.Write(pad)
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	zw.Close()
	if buf.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes, want a small file", buf.Len())
	}
	return buf.Bytes()
}

func TestAgreementImportExportHTTP(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	count := func() float64 {
		return e.do("GET", "/api/v1/agreements", "memberA", "").json(t)["total"].(float64)
	}
	r := e.do("GET", "/api/v1/agreements/template.xlsx", "memberA", "")
	if r.status != 200 || r.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Fatalf("template: %d %s", r.status, r.header.Get("Content-Type"))
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if sh := f.GetSheetList(); len(sh) != 2 || sh[1] != "Petunjuk" {
		t.Errorf("sheets %v", sh)
	}
	row := []any{"KSDD", "", "Jalan akses Stasiun Maros", fmt.Sprintf("%d; %s", e.orgA.ID, pangkep.Name), "2026-01-01", "2030-12-31", "tidak", "ya", "", "Jalan akses"}
	bad := []any{"KSDD", "", "Jln", fmt.Sprint(e.orgA.ID), "2026-13-01", "2030-12-31", "", "", "", ""}
	f.SetSheetRow("Kerja sama", "A2", &row)
	f.SetSheetRow("Kerja sama", "A3", &bad)
	var buf bytes.Buffer
	f.Write(&buf)
	f.Close()
	filled := buf.Bytes()

	// all or nothing: the report names the rows, nothing is stored
	r = upload(t, e, "/api/v1/agreements/import", "memberA", filled)
	m := r.json(t)
	if r.status != 200 || m["imported"] != float64(0) || len(m["problems"].([]any)) < 2 || count() != 0 {
		t.Fatalf("all_or_nothing: %d %s; %v stored", r.status, r.body, count())
	}
	p := m["problems"].([]any)[0].(map[string]any)
	if p["row"] != float64(3) || p["column"] == "" || p["reason"] == "" {
		t.Errorf("first problem %v", p)
	}
	// valid only: the good row is stored, and the export holds it
	r = upload(t, e, "/api/v1/agreements/import?mode=valid_only", "memberA", filled)
	if m = r.json(t); r.status != 200 || m["imported"] != float64(1) || count() != 1 {
		t.Fatalf("valid_only: %d %s", r.status, r.body)
	}
	r = e.do("GET", "/api/v1/agreements/export.xlsx?q=maros&status=draft", "memberA", "")
	if r.status != 200 {
		t.Fatalf("export.xlsx: %d %s", r.status, r.body)
	}
	x, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Kerja sama")
	if len(rows) != 2 || !strings.Contains(strings.Join(rows[1], "|"), "Jalan akses Stasiun Maros|") || !strings.Contains(strings.Join(rows[1], "|"), pangkep.Name) {
		t.Errorf("export rows %q", rows)
	}
	r = e.do("GET", "/api/v1/agreements/export.csv?status=active", "memberA", "")
	if r.status != 200 || strings.Contains(string(r.body), "Jalan akses") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Errorf("filtered csv export: %d %s", r.status, r.body)
	}
	// raw CSV body, semicolons; the same title again is a new agreement
	csvBody := "Jenis (kind);Judul (title);Para pihak (parties);Tanggal mulai (start_date);Tanggal berakhir (end_date)\n" +
		fmt.Sprintf("KSDD;Jalan akses kedua;%d;%d;2026-01-01;2029-12-31\n", e.orgA.ID, pangkep.ID)
	r = e.do("POST", "/api/v1/agreements/import", "memberA", strings.Replace(csvBody, fmt.Sprintf("%d;%d", e.orgA.ID, pangkep.ID), fmt.Sprintf("\"%d;%d\"", e.orgA.ID, pangkep.ID), 1), "Content-Type", "text/csv")
	if m = r.json(t); r.status != 200 || m["imported"] != float64(1) || m["format"] != "csv" {
		t.Errorf("raw csv: %d %s", r.status, r.body)
	}

	// files that cannot be read: a clear 4xx and nothing stored
	before := count()
	r = upload(t, e, "/api/v1/agreements/import?mode=valid_only", "memberA", zipBomb(t))
	if r.status != 400 || !strings.Contains(string(r.body), "bom zip") {
		t.Errorf("zip bomb: %d %s", r.status, r.body)
	}
	r = upload(t, e, "/api/v1/agreements/import", "memberA", bytes.Repeat([]byte("a,b\n"), int(sheet.MaxUpload/4)+10))
	if r.status != 413 || !strings.Contains(string(r.body), "terlalu besar") {
		t.Errorf("oversized: %d %.300s", r.status, r.body)
	}
	r = e.do("POST", "/api/v1/agreements/import", "memberA", "kind,title,parties,start_date,end_date\nKSDD,\"Jalan,1,2026-01-01,2030-12-31\n\"x\"y\n", "Content-Type", "text/csv")
	if r.status != 400 || !strings.Contains(string(r.body), "CSV tidak valid") {
		t.Errorf("malformed csv: %d %s", r.status, r.body)
	}
	r = e.do("POST", "/api/v1/agreements/import", "memberA", "not a zip", "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	if r.status != 400 {
		t.Errorf("not an xlsx: %d %s", r.status, r.body)
	}
	r = upload(t, e, "/api/v1/agreements/import", "memberA", []byte("%PDF-1.7\n1 0 obj\n"))
	if r.status != 400 || !strings.Contains(string(r.body), "Jenis berkas tidak diterima") {
		t.Errorf("a PDF: %d %s", r.status, r.body)
	}
	if n := count(); n != before {
		t.Errorf("bad files stored agreements: %v → %v", before, n)
	}

	// the HTML import page shows the row report
	c := e.browser()
	e.login(c, "memberA@sinergi.test")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "x.xlsx")
	fw.Write(filled)
	mw.WriteField("mode", "all_or_nothing")
	mw.Close()
	res, err := c.Post(e.srv.URL+"/agreements/import", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), `data-testid="problems"`) || !strings.Contains(string(page), "Tidak ada yang disimpan") {
		t.Errorf("import page: %d %.2000s", res.StatusCode, page)
	}
	res, err = c.Get(e.srv.URL + "/agreements?status=draft")
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), "/api/v1/agreements/export.xlsx?status=draft") || !strings.Contains(string(page), `href="/agreements/import"`) {
		t.Errorf("list page lacks the export/import links")
	}
}
