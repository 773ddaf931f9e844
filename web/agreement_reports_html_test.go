package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"sinergi"
)

// postMultipart posts a form with one file (none when name is "").
func postMultipart(t *testing.T, c *http.Client, u string, v url.Values, name string, data []byte) (int, string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range v {
		for _, x := range vs {
			w.WriteField(k, x)
		}
	}
	if name != "" {
		f, _ := w.CreateFormFile("file", name)
		f.Write(data)
	}
	w.Close()
	res, err := c.Post(u, w.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(body)
}

// The follow-up pages: reports with evidence and activities, obligations
// done and undone, a party's signatories — written by the organisation
// admin, read by members.
func TestAgreementFollowUpPages(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: "Jalan akses stasiun", FundedInCurrentBudget: true,
		Parties: []sinergi.PartyInput{{OrganizationID: e.orgA.ID, Role: "lead"}, {OrganizationID: pangkep.ID}}, StartDate: "2026-01-01", EndDate: "2030-12-31",
		Obligations: []sinergi.ObligationInput{{OrganizationID: e.orgA.ID, Description: "Menyediakan lahan", DueDate: "2026-03-31"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		if a, err = e.db.CompleteAgreementStage(sys, a.ID, 0, code, sinergi.StageInput{Date: "2026-02-01"}); err != nil {
			t.Fatal(err)
		}
	}
	act, err := e.db.CreateActivity(sys, sinergi.ActivityInput{Type: "joint_planning", FromOrgID: e.orgA.ID, ToOrgID: pangkep.ID, Date: "2026-05-10", Description: "Rapat teknis jalan akses"})
	if err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("%s/agreements/%d", e.srv.URL, a.ID)

	member := e.browser()
	e.login(member, "memberA@sinergi.test")
	st, body := get(t, member, page)
	if st != 200 || !strings.Contains(body, `data-testid="reporting"`) || !strings.Contains(body, "Terlambat") || strings.Contains(body, "Tandai terlaksana") || strings.Contains(body, `data-testid="edit-party"`) {
		t.Fatalf("member's view: %d", st)
	}
	if st, body = get(t, member, page+"/reports"); st != 200 || !strings.Contains(body, "Belum ada laporan pelaksanaan.") || strings.Contains(body, `data-testid="report-form"`) || !strings.Contains(body, "Gubernur") {
		t.Fatalf("member's reports page: %d", st)
	}
	report := url.Values{"period_start": {"2026-01-01"}, "period_end": {"2026-06-30"}, "report_date": {"2026-07-05"},
		"narrative": {"Lahan jalan akses dibebaskan sebagian."}, "outcome": {"60% lahan"}, "activity_ids": {fmt.Sprint(act.ID)}}
	if st, _, _ := postMultipart(t, member, page+"/reports", report, "", nil); st != http.StatusForbidden {
		t.Errorf("member posts a report: %d", st)
	}

	admin := e.browser()
	e.login(admin, "adminA@sinergi.test")
	st, body = get(t, admin, page)
	if st != 200 || !strings.Contains(body, "Tandai terlaksana") || !strings.Contains(body, `data-testid="edit-party"`) {
		t.Fatalf("admin's view: %d", st)
	}
	if st, body = get(t, admin, page+"/reports"); st != 200 || !strings.Contains(body, "Rapat teknis jalan akses") {
		t.Fatalf("admin's reports page: %d", st)
	}
	reports := func() int {
		var n int
		if err := e.db.SQL.QueryRow(`SELECT count(*) FROM agreement_reports`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	st, _, body = postMultipart(t, admin, page+"/reports", report, "setup.pdf", []byte("MZ\x90\x00 not a pdf"))
	if st != http.StatusBadRequest || !strings.Contains(body, "Jenis berkas tidak diterima") || !strings.Contains(body, "Lahan jalan akses dibebaskan sebagian.") || reports() != 0 {
		t.Errorf("wrong type: %d, %d reports", st, reports())
	}
	if st, _, _ = postMultipart(t, admin, page+"/reports", report, "besar.txt", bytes.Repeat([]byte("a"), sinergi.MaxEvidenceSize+1)); st != http.StatusRequestEntityTooLarge || reports() != 0 {
		t.Errorf("oversized: %d, %d reports", st, reports())
	}
	bad := url.Values{"period_start": {"2026-01-01"}, "period_end": {"2025-06-30"}, "report_date": {"x"}, "narrative": {"Lahan jalan akses."}}
	if st, _, body = postMultipart(t, admin, page+"/reports", bad, "", nil); st != http.StatusBadRequest || !strings.Contains(body, "Akhir periode tidak boleh sebelum awalnya") {
		t.Errorf("bad dates: %d", st)
	}
	pdf := []byte("%PDF-1.7\n%%EOF\n")
	st, loc, _ := postMultipart(t, admin, page+"/reports", report, "berita-acara.pdf", pdf)
	if st != http.StatusSeeOther || reports() != 1 {
		t.Fatalf("report: %d %q", st, loc)
	}
	if st, body = get(t, member, page+"/reports"); st != 200 || !strings.Contains(body, "berita-acara.pdf") || !strings.Contains(body, "Rapat teknis jalan akses") {
		t.Errorf("report shown: %d", st)
	}
	r, err := e.db.AgreementReports(sys, a.ID, 0, 1)
	if err != nil || len(r.Items) != 1 || len(r.Items[0].Files) != 1 {
		t.Fatalf("stored: %+v %v", r, err)
	}
	if st, body := get(t, member, fmt.Sprintf("%s/api/v1/agreements/%d/reports/%d/files/%d", e.srv.URL, a.ID, r.Items[0].ID, r.Items[0].Files[0].ID)); st != 200 || body != string(pdf) {
		t.Errorf("download with a session: %d", st)
	}
	up := fmt.Sprintf("%s/reports/%d/files", page, r.Items[0].ID)
	if st, _, _ := postMultipart(t, admin, up, nil, "catatan.txt", []byte("Notulen rapat")); st != http.StatusSeeOther {
		t.Errorf("upload: %d", st)
	}
	if st, _, body := postMultipart(t, admin, up, nil, "", nil); st != http.StatusBadRequest || !strings.Contains(body, "Pilih berkas bukti") {
		t.Errorf("upload without a file: %d", st)
	}
	// removing a file asks first; members may not
	r, _ = e.db.AgreementReports(sys, a.ID, 0, 1)
	del := fmt.Sprintf("%s/%d/delete", up, r.Items[0].Files[1].ID)
	if st, body := get(t, admin, page+"/reports"); st != 200 || !strings.Contains(body, del[len(e.srv.URL):]) {
		t.Errorf("delete link: %d", st)
	}
	if st, _ := get(t, member, del); st != http.StatusForbidden {
		t.Errorf("member opens the delete page: %d", st)
	}
	if st, body := get(t, admin, del); st != 200 || !strings.Contains(body, "catatan.txt") || !strings.Contains(body, "Ya, hapus") {
		t.Errorf("delete confirmation %s: %d %.600s", del, st, body)
	}
	if st, _, _ := postForm(t, member, del, url.Values{}); st != http.StatusForbidden {
		t.Errorf("member deletes: %d", st)
	}
	if st, _, _ := postForm(t, admin, del, url.Values{}); st != http.StatusSeeOther {
		t.Errorf("delete: %d", st)
	}
	if r, _ = e.db.AgreementReports(sys, a.ID, 0, 1); len(r.Items[0].Files) != 1 {
		t.Errorf("%d files after the delete, want 1", len(r.Items[0].Files))
	}
	if st, _, body := postForm(t, admin, page+"/reporting", url.Values{"interval_months": {"99"}, "version": {fmt.Sprint(a.Version)}}); st != http.StatusBadRequest || !strings.Contains(body, "1 sampai 60 bulan") {
		t.Errorf("interval 99: %d", st)
	}
	if st, _, _ := postForm(t, admin, page+"/reporting", url.Values{"interval_months": {"3"}, "version": {fmt.Sprint(a.Version)}}); st != http.StatusSeeOther {
		t.Errorf("interval: %d", st)
	}

	// obligations
	a, _ = e.db.Agreement(sys, a.ID)
	oid := a.Obligations[0].ID
	done := fmt.Sprintf("%s/obligations/%d/done", page, oid)
	if st, _, body := postForm(t, admin, done, url.Values{"done_date": {"2099-01-01"}, "version": {fmt.Sprint(a.Version)}}); st != http.StatusBadRequest || !strings.Contains(body, "masa depan") {
		t.Errorf("future: %d", st)
	}
	if st, _, _ := postForm(t, admin, done, url.Values{"done_date": {"2026-03-30"}, "done_note": {"BA serah terima"}, "version": {fmt.Sprint(a.Version)}}); st != http.StatusSeeOther {
		t.Errorf("done: %d", st)
	}
	if st, body := get(t, member, page); st != 200 || !strings.Contains(body, "BA serah terima") || strings.Contains(body, "Lewat tenggat") {
		t.Errorf("done shown: %d", st)
	}
	if st, _, body := postForm(t, admin, done, url.Values{"done_date": {"2026-03-30"}, "version": {fmt.Sprint(a.Version)}}); st != http.StatusBadRequest || !strings.Contains(body, "Ada 1 masalah") {
		t.Errorf("stale form: %d", st)
	}
	a, _ = e.db.Agreement(sys, a.ID)
	if st, _, _ := postForm(t, admin, fmt.Sprintf("%s/obligations/%d/undo", page, oid), url.Values{"version": {fmt.Sprint(a.Version)}}); st != http.StatusSeeOther {
		t.Errorf("undo: %d", st)
	}

	// a party's signatories
	party := fmt.Sprintf("%s/parties/%d", page, e.orgA.ID)
	if st, _ := get(t, member, party); st != http.StatusForbidden {
		t.Errorf("member opens the party form: %d", st)
	}
	if st, body := get(t, admin, party); st != 200 || !strings.Contains(body, `data-testid="party-form"`) {
		t.Fatalf("party form: %d", st)
	}
	a, _ = e.db.Agreement(sys, a.ID)
	sig := url.Values{"version": {fmt.Sprint(a.Version)}, "role": {"lead"}, "name0": {"Chaidir Syam"}, "position0": {"Bupati Maros"}, "authority0": {"head_of_region"}, "document0": {"kb"},
		"name1": {"Andi Davied"}, "position1": {"Sekretaris Daerah"}, "authority1": {"power_of_attorney"}, "document1": {"kb"}}
	if st, _, body := postForm(t, admin, party, sig); st != http.StatusBadRequest || !strings.Contains(body, "PP 28/2018 Pasal 2") || !strings.Contains(body, `value="Andi Davied"`) {
		t.Errorf("power of attorney on the KB: %d", st)
	}
	sig.Set("document1", "pks")
	if st, _, _ := postForm(t, admin, party, sig); st != http.StatusSeeOther {
		t.Errorf("party saved: %d", st)
	}
	if st, body := get(t, member, page); st != 200 || !strings.Contains(body, "Andi Davied, Sekretaris Daerah (power_of_attorney, pks)") {
		t.Errorf("signatory shown: %d", st)
	}

	// English
	admin.Jar.SetCookies(mustURL(t, e.srv.URL), []*http.Cookie{{Name: "lang", Value: "en"}})
	if st, body := get(t, admin, page+"/reports"); st != 200 || !strings.Contains(body, "Implementation reports") || !strings.Contains(body, "Add a report") {
		t.Errorf("English: %d", st)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
