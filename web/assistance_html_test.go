package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// The pages of a refused request and its letters, as the two parties and
// others see them; odd addresses never give a 500.
func TestAssistancePages(t *testing.T) {
	e, p := bkEnv(t)
	r := e.do("POST", "/api/v1/assistance-requests", "memberA", strings.Replace(bkBody(e, p.ID, `,"attachments":[{"title":"Surat Bupati","reference":"100/1"}]`), `"cost_estimate":0`, `"cost_estimate":1500000000`, 1))
	id := int64(r.json(t)["id"].(float64))
	page := fmt.Sprintf("%s/assistance/%d", e.srv.URL, id)
	e.do("POST", fmt.Sprintf("/api/v1/assistance-requests/%d/submit", id), "memberA", "")
	e.do("POST", fmt.Sprintf("/api/v1/assistance-requests/%d/refuse", id), "memberP", `{"ground":"a","reason":"Juru ukur kami sedang bertugas di proyek lain"}`)

	req := e.browser()
	e.login(req, "memberA@sinergi.test")
	for _, tt := range []struct{ path, want string }{
		{"/assistance", "Ditolak"},
		{"/assistance?role=requester&status=refused&overdue=true&emergency=true", "0 permohonan"},
		{"/assistance?status=nonsense", "permohonan"},
		{"/assistance/new", "Para pihak"},
		{fmt.Sprintf("/assistance/%d", id), "Pasal 36 ayat (1) huruf a"},
		{fmt.Sprintf("/assistance/%d/letter/request", id), "Rp1.500.000.000,00 (satu miliar lima ratus juta rupiah)"},
		{fmt.Sprintf("/assistance/%d/letter/response", id), "Penolakan Permohonan Bantuan Kedinasan"},
		{fmt.Sprintf("/assistance/%d/costs", id), "Pembagian biaya"},
	} {
		st, body := get(t, req, e.srv.URL+tt.path)
		if st != 200 || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s: %d, %q not found", tt.path, st, tt.want)
		}
	}
	_, letter := get(t, req, page+"/letter/request")
	for _, want := range []string{"Nomor", "Sifat", "Lampiran", "Hal", "Yth.", "NIP", "Tembusan", "1 (satu) berkas", "Maros, "} {
		if !strings.Contains(letter, want) {
			t.Errorf("request letter lacks %q", want)
		}
	}
	for _, path := range []string{"/assistance/0", "/assistance/x", "/assistance/999999", fmt.Sprintf("/assistance/%d/letter/nothing", id), fmt.Sprintf("/assistance/%d/respond", id)} {
		if st, _ := get(t, req, e.srv.URL+path); st >= 500 || st < 400 {
			t.Errorf("GET %s: %d", path, st)
		}
	}
	res, err := req.PostForm(e.srv.URL+"/assistance/new", map[string][]string{"step": {"3"}, "go": {"next"}, "subject": {"Perihal yang dijaga"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 422 {
		t.Errorf("stepper without a ground: %d", res.StatusCode)
	}
	// a request of others' secret class is invisible in the list
	e.do("POST", "/api/v1/assistance-requests", "adminP", fmt.Sprintf(`{"requester_org_id":%d,"provider_org_id":%d,"subject":"Rahasia negara sekali","description":"x","grounds":["a"],"classification":"rahasia"}`, p.ID, e.orgA.ID))
	if r := e.do("GET", "/api/v1/assistance-requests", "partnerB", ""); !strings.Contains(string(r.body), `"total":1`) {
		t.Errorf("partner sees: %s", r.body)
	}
	// the provider's dashboard lists nothing to answer now; the requester's none either
	other := e.browser()
	e.login(other, "memberP@sinergi.test")
	if _, body := get(t, other, e.srv.URL+"/"); !strings.Contains(body, "Bantuan Kedinasan") {
		t.Error("no nav link")
	}
}
