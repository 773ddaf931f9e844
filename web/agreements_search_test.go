package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"sinergi"
)

// GET /api/v1/agreements?q= and the /agreements page search by word prefix,
// case and accents aside, titles, parties and objects, with the filters and
// the page's total; only for a logged-in reader.
func TestAgreementSearchHTTP(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Jalan akses Stasiun Maros", "Pengelolaan Café Peternakan", "Penyuluhan pertanian terpadu"} {
		body := strings.Replace(ksBody(e.orgA.ID, pangkep.ID, ""), "Jalan akses Stasiun Maros", fmt.Sprintf("%s %d", title, i), 1)
		if r := e.do("POST", "/api/v1/agreements", "memberA", body); r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
	}
	list := func(query string) (int, []string) {
		t.Helper()
		r := e.do("GET", "/api/v1/agreements?"+query, "memberA", "")
		if r.status != 200 {
			t.Fatalf("%s: %d %s", query, r.status, r.body)
		}
		var l struct {
			Total int `json:"total"`
			Items []struct {
				Title string `json:"title"`
			} `json:"items"`
		}
		if err := json.Unmarshal(r.body, &l); err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range l.Items {
			titles = append(titles, a.Title)
		}
		return l.Total, titles
	}
	for _, c := range []struct {
		query string
		total int
		first string
	}{
		{"q=pete", 1, "Pengelolaan Café Peternakan 1"},
		{"q=CAFE", 1, "Pengelolaan Café Peternakan 1"},
		{"q=pangkaj", 3, "Penyuluhan pertanian terpadu 2"},                // a party
		{"q=perhubungan+penyuluhan", 1, "Penyuluhan pertanian terpadu 2"}, // an urusan and the title
		{"q=peternakan&status=active", 0, ""},
		{"q=peternakan&status=draft&kind=KSDD&org_id=" + fmt.Sprint(pangkep.ID), 1, "Pengelolaan Café Peternakan 1"},
		{"q=pangkajene&limit=1&offset=1", 3, "Pengelolaan Café Peternakan 1"},
		{"q=ternak", 0, ""},
	} {
		total, titles := list(c.query)
		if total != c.total || c.first != "" && (len(titles) == 0 || titles[0] != c.first) || c.first == "" && len(titles) != 0 {
			t.Errorf("%s: total %d, titles %q; want %d, first %q", c.query, total, titles, c.total, c.first)
		}
	}
	if r := e.do("GET", "/api/v1/agreements?q=pete", "", ""); r.status != 401 || strings.Contains(string(r.body), "Peternakan") {
		t.Errorf("anonymous search: %d %s", r.status, r.body)
	}
	if r := e.do("GET", "/agreements?q=pete", "memberA", ""); r.status != 200 || !strings.Contains(string(r.body), "Pengelolaan Café Peternakan 1") || strings.Contains(string(r.body), "Penyuluhan pertanian") {
		t.Errorf("/agreements?q=pete: %d", r.status)
	}
}
