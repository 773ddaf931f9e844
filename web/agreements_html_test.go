package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sinergi"
)

func postForm(t *testing.T, c *http.Client, u string, v url.Values) (int, string, string) {
	t.Helper()
	res, err := c.PostForm(u, v)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

// A KSDD goes through the web forms from the empty list to active.
func TestAgreementPages(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	c := e.browser()
	if st, _ := get(t, c, e.srv.URL+"/agreements"); st != http.StatusSeeOther && st != http.StatusUnauthorized && st != http.StatusFound {
		t.Errorf("anonymous list: %d", st)
	}
	e.login(c, "memberA@sinergi.test")
	st, body := get(t, c, e.srv.URL+"/agreements")
	if st != 200 || !strings.Contains(body, "Belum ada kerja sama.") || !strings.Contains(body, "atau impor dari Excel") || !strings.Contains(body, `href="/agreements"`) {
		t.Fatalf("empty list: %d %s", st, body)
	}
	if st, body = get(t, c, e.srv.URL+"/agreements/new"); st != 200 || !strings.Contains(body, "Urusan pemerintahan") || !strings.Contains(body, "perumahan rakyat dan kawasan permukiman") {
		t.Fatalf("form: %d", st)
	}
	form := url.Values{"kind": {"KSDD"}, "ksdd_category": {"wajib"}, "title": {"Jalan akses stasiun"}, "party": {fmt.Sprint(e.orgA.ID), fmt.Sprint(pangkep.ID)},
		"start_date": {"2026-01-01"}, "end_date": {"2030-12-31"}, "funded_in_current_budget": {"true"}, "urusan": {"perhubungan"}, "value": {"1.500.000.000"}}
	st, _, body = postForm(t, c, e.srv.URL+"/agreements/new", form)
	if st != http.StatusBadRequest || !strings.Contains(body, "Ada 1 masalah") || !strings.Contains(body, "UU 23/2014 Pasal 364") || !strings.Contains(body, `value="Jalan akses stasiun"`) {
		t.Fatalf("wajib without bordering: %d %s", st, body)
	}
	form.Set("bordering", "true")
	st, loc, _ := postForm(t, c, e.srv.URL+"/agreements/new", form)
	if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/agreements/") {
		t.Fatalf("create: %d %q", st, loc)
	}
	st, body = get(t, c, e.srv.URL+loc)
	if st != 200 || !strings.Contains(body, `data-stage="persetujuan_dprd"`) || !strings.Contains(body, "Tidak diperlukan") || !strings.Contains(body, "Gubernur") {
		t.Fatalf("detail: %d %s", st, body)
	}
	st, _, body = postForm(t, c, e.srv.URL+loc+"/stages/penawaran", url.Values{"date": {"2026-01-02"}})
	if st != http.StatusBadRequest || !strings.Contains(body, "KS-STAGE-ORDER") && !strings.Contains(body, "PP 28/2018 Pasal 6 ayat (1)") {
		t.Errorf("out of order: %d", st)
	}
	for _, code := range []string{"persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		if st, _, body := postForm(t, c, e.srv.URL+loc+"/stages/"+code, url.Values{"date": {"2026-02-01"}, "document_ref": {"No. " + code}}); st != http.StatusSeeOther {
			t.Fatalf("stage %s: %d %s", code, st, body)
		}
	}
	st, body = get(t, c, e.srv.URL+loc)
	if st != 200 || !strings.Contains(body, `data-testid="status">Aktif<`) {
		t.Errorf("after signing: %d", st)
	}
	st, _, body = postForm(t, c, e.srv.URL+loc+"/terminate", url.Values{"reason": {"regional_head_change"}, "term_date": {"2026-11-01"}})
	if st != http.StatusBadRequest || !strings.Contains(body, "Pergantian kepala daerah") {
		t.Errorf("terminate on head change: %d", st)
	}
	st, body = get(t, c, e.srv.URL+"/agreements?q=jalan&status=active")
	if st != 200 || !strings.Contains(body, "1 kerja sama") || !strings.Contains(body, "Jalan akses stasiun") {
		t.Errorf("search: %d", st)
	}
	if st, _ := get(t, c, e.srv.URL+"/agreements?status=bogus&offset=-1"); st != 200 {
		t.Errorf("bad filter: %d", st)
	}
	if st, _ := get(t, c, e.srv.URL+"/agreements/999999"); st != 404 {
		t.Errorf("missing: %d", st)
	}

	// an expiring agreement is on the dashboard of its parties
	today := time.Now().UTC()
	a, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: "Pengelolaan sampah regional", FundedInCurrentBudget: true,
		Parties:   []sinergi.PartyInput{{OrganizationID: e.orgA.ID}, {OrganizationID: pangkep.ID}},
		StartDate: today.AddDate(-1, 0, 0).Format(time.DateOnly), EndDate: today.AddDate(0, 0, 30).Format(time.DateOnly)})
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		if a, err = e.db.CompleteAgreementStage(sys, a.ID, 0, code, sinergi.StageInput{Date: today.Format(time.DateOnly)}); err != nil {
			t.Fatal(err)
		}
	}
	if st, body := get(t, c, e.srv.URL+"/"); st != 200 || !strings.Contains(body, "Kerja sama akan berakhir: Pengelolaan sampah regional") {
		t.Errorf("dashboard: %d", st)
	}
	// a year in force without a report: the report due after six months is overdue
	due := today.AddDate(-1, 6, 0).Format(time.DateOnly)
	if st, body := get(t, c, e.srv.URL+"/"); st != 200 || !strings.Contains(body, "Laporan pelaksanaan terlambat (jatuh tempo "+due+"): Pengelolaan sampah regional") {
		t.Errorf("dashboard, overdue report due %s: %d", due, st)
	}
	if st, body := get(t, c, e.srv.URL+fmt.Sprintf("/agreements/%d", a.ID)); st != 200 || !strings.Contains(body, "Akan berakhir") || !strings.Contains(body, `data-testid="expiring"`) {
		t.Errorf("expiring detail: %d", st)
	}
}
