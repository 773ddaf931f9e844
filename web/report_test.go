package web_test

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sinergi"
)

func TestReportRoutes(t *testing.T) {
	e := newEnv(t)
	// a rahasia request of orgA to another public body: only entitled
	// accounts see it in the report
	prov, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Makassar", Sector: sinergi.SectorCityGovernment, RegionCode: "73.71"})
	if err != nil {
		t.Fatal(err)
	}
	r := e.do("POST", "/api/v1/assistance-requests", "memberA", fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Data rahasia untuk laporan","description":"Peta bidang","grounds":["d"],"classification":"rahasia"}`, e.orgA.ID, prov.ID))
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	id := int64(r.json(t)["id"].(float64))
	if r := e.do("POST", fmt.Sprintf("/api/v1/assistance-requests/%d/submit", id), "memberA", ""); r.status != 200 {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	base := fmt.Sprintf("/organizations/%d/report", e.orgA.ID)

	view := e.do("GET", base+"?to="+today, "memberA", "")
	if view.status != 200 || !strings.Contains(string(view.body), "Laporan Kolaborasi Instansi") || !strings.Contains(string(view.body), "Tantangan dan hambatan") {
		t.Fatalf("view: %d", view.status)
	}
	if !strings.Contains(string(view.body), "Data rahasia untuk laporan") || !strings.Contains(string(view.body), "RAHASIA") {
		t.Error("the requester's member does not see its own rahasia request in the report")
	}
	for _, who := range []string{"partnerB", "sys"} {
		v := e.do("GET", base, who, "")
		if v.status != 200 {
			t.Errorf("%s: %d", who, v.status)
		}
		if strings.Contains(string(v.body), "Data rahasia untuk laporan") {
			t.Errorf("%s sees a rahasia request it is not entitled to", who)
		}
	}
	pdf := e.do("GET", base+".pdf?from=2025-01-01&to="+today, "memberA", "")
	if pdf.status != 200 || pdf.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf.body), "%PDF-") ||
		!strings.Contains(pdf.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("pdf: %d %v", pdf.status, pdf.header)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		p := filepath.Join(t.TempDir(), "r.pdf")
		os.WriteFile(p, pdf.body, 0o644)
		raw, err := exec.Command("pdftotext", p, "-").Output()
		out := strings.Join(strings.Fields(string(raw)), " ")
		lower := strings.ToLower(out)
		if err != nil || !strings.Contains(lower, "data rahasia untuk laporan") || !strings.Contains(out, "RAHASIA") {
			t.Errorf("pdftotext: %v", err)
		}
	} else if os.Getenv("CI") != "" {
		t.Error("pdftotext is required in CI")
	}
	if p := e.do("GET", base+".pdf", "partnerB", ""); p.status != 200 || strings.Contains(string(p.body), "RAHASIA") {
		t.Errorf("partner's PDF: %d", p.status)
	}

	// not logged in: browsers go to the login page, bad tokens get 401
	c := e.browser()
	var res *http.Response
	res, err = c.Get(e.srv.URL + base + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	req, _ := http.NewRequest("GET", e.srv.URL+base, nil)
	req.Header.Set("Authorization", "Bearer not-a-token")
	if res, err := c.Do(req); err != nil {
		t.Fatal(err)
	} else {
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized && res.StatusCode != http.StatusSeeOther {
			t.Errorf("bad token: %d", res.StatusCode)
		}
	}

	// bad input: 4xx, never 5xx
	for path, want := range map[string]int{
		base + "?from=kemarin":                  400,
		base + ".pdf?to=2026-02-30":             400,
		base + "?from=2026-05-01&to=2026-04-01": 400,
		"/organizations/999999/report":          404,
		"/organizations/x/report.pdf":           404,
		base + "?from=1900-01-01&to=2026-01-01": 400,
	} {
		if r := e.do("GET", path, "memberA", ""); r.status != want {
			t.Errorf("GET %s: %d, want %d", path, r.status, want)
		}
	}
	// the organisation page links to both
	if r := e.do("GET", fmt.Sprintf("/organizations/%d", e.orgA.ID), "memberA", ""); !strings.Contains(string(r.body), base+".pdf") || !strings.Contains(string(r.body), base+"\"") {
		t.Error("no report links on the organisation page")
	}
}
