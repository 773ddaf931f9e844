package web_test

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/corridor"
)

// A manager links the programme's kerja sama, publishes the commitment,
// closes applications and holds the draw through the programme page; each
// form asks for confirmation and keeps its input on errors.
func TestCorridorManagerPages(t *testing.T) {
	e := newEnv(t)
	pangkep, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	if err != nil {
		t.Fatal(err)
	}
	r := e.do("POST", "/api/v1/corridors", "adminA", corridorBody(e.orgB.ID, e.orgA.ID))
	if r.status != 201 {
		t.Fatalf("corridor: %d %s", r.status, r.body)
	}
	id := int64(r.json(t)["id"].(float64))
	r = e.do("POST", "/api/v1/agreements", "memberA", ksBody(e.orgA.ID, pangkep.ID, ""))
	if r.status != 201 {
		t.Fatalf("agreement: %d %s", r.status, r.body)
	}
	ksdd := int64(r.json(t)["id"].(float64))
	u := fmt.Sprintf("%s/corridors/%d", e.srv.URL, id)

	anon := e.browser()
	if st, loc, _ := postForm(t, anon, u+"/agreements", url.Values{"agreement_id": {fmt.Sprint(ksdd)}}); st < 300 || strings.Contains(loc, "/corridors/") {
		t.Errorf("anonymous link: %d %q", st, loc)
	}
	if l := e.do("GET", fmt.Sprintf("/api/v1/corridors/%d", id), "", "").json(t)["agreements"].([]any); len(l) != 0 {
		t.Errorf("anonymous form linked %v", l)
	}
	if st, body := get(t, anon, u); st != 200 || strings.Contains(body, `data-testid="link-agreement"`) || strings.Contains(body, "Publikasikan komitmen") {
		t.Errorf("anonymous page: %d, shows the managers' forms", st)
	}

	c := e.browser()
	e.login(c, "memberA@sinergi.test")
	st, body := get(t, c, u)
	if st != 200 || !strings.Contains(body, fmt.Sprintf(`<option value="%d"`, ksdd)) || !strings.Contains(body, "Publikasikan komitmen undian") {
		t.Fatalf("manager page: %d", st)
	}
	st, _, body = postForm(t, c, u+"/agreements", url.Values{"agreement_id": {"999999"}})
	if st != http.StatusBadRequest || !strings.Contains(body, "error-summary") || !strings.Contains(body, "Kerja sama tidak ditemukan") {
		t.Errorf("unknown agreement: %d", st)
	}
	if st, loc, _ := postForm(t, c, u+"/agreements", url.Values{"agreement_id": {fmt.Sprint(ksdd)}}); st != http.StatusSeeOther || !strings.HasSuffix(loc, "#agreements") {
		t.Errorf("link: %d %q", st, loc)
	}
	if _, body = get(t, c, u); !strings.Contains(body, fmt.Sprintf(`href="/agreements/%d"`, ksdd)) || !strings.Contains(body, "Ya, lepaskan tautan") {
		t.Error("linked agreement not shown with its unlink confirmation")
	}
	if _, body = get(t, anon, u); !strings.Contains(body, fmt.Sprintf(`href="/agreements/%d"`, ksdd)) || strings.Contains(body, "Jalan akses Stasiun Maros") {
		t.Error("anonymous view: link missing or registry title shown")
	}
	if st, _, _ := postForm(t, c, fmt.Sprintf("%s/agreements/%d/unlink", u, ksdd), nil); st != http.StatusSeeOther {
		t.Errorf("unlink: %d", st)
	}
	if st, _, _ := postForm(t, c, u+"/agreements", url.Values{"agreement_id": {fmt.Sprint(ksdd)}}); st != http.StatusSeeOther {
		t.Errorf("relink: %d", st)
	}

	seed := bytes.Repeat([]byte{0x42}, 32)
	closeAt := time.Now().Add(48 * time.Hour).In(sinergi.Zone("WITA")).Format("2006-01-02T15:04")
	form := url.Values{"commitment": {corridor.Commit(seed)}, "applications_close_at": {closeAt}}
	st, _, body = postForm(t, c, u+"/commit", form)
	if st != http.StatusBadRequest || !strings.Contains(body, "Centang konfirmasi") || !strings.Contains(body, corridor.Commit(seed)) {
		t.Errorf("commit without confirmation: %d", st)
	}
	if d := e.do("GET", fmt.Sprintf("/api/v1/corridors/%d/draws", id), "", "").json(t); d["total"] != float64(0) {
		t.Errorf("unconfirmed commit stored: %v", d)
	}
	form.Set("confirm", "yes")
	form.Set("applications_close_at", "besok")
	if st, _, body = postForm(t, c, u+"/commit", form); st != http.StatusBadRequest || !strings.Contains(body, "tanggal dan jam") {
		t.Errorf("commit with a bad time: %d", st)
	}
	form.Set("applications_close_at", closeAt)
	if st, _, _ := postForm(t, c, u+"/commit", form); st != http.StatusSeeOther {
		t.Errorf("commit: %d", st)
	}
	if _, body = get(t, c, u); !strings.Contains(body, "Ya, tutup pendaftaran") || strings.Contains(body, "Publikasikan komitmen undian") {
		t.Error("after the commitment the page should offer closing applications only")
	}
	if st, _, _ := postForm(t, c, u+"/close", nil); st != http.StatusSeeOther {
		t.Errorf("close: %d", st)
	}
	if _, body = get(t, c, u); !strings.Contains(body, "Ya, laksanakan undian") {
		t.Error("after closing the page should offer the draw")
	}
	bad := url.Values{"seed": {hex.EncodeToString(bytes.Repeat([]byte{1}, 32))}, "confirm": {"yes"}}
	if st, _, body = postForm(t, c, u+"/draw", bad); st != http.StatusBadRequest || !strings.Contains(body, "tidak cocok") {
		t.Errorf("draw with the wrong seed: %d", st)
	}
	good := url.Values{"seed": {hex.EncodeToString(seed)}}
	if st, _, body = postForm(t, c, u+"/draw", good); st != http.StatusBadRequest || !strings.Contains(body, "Centang konfirmasi") {
		t.Errorf("draw without confirmation: %d", st)
	}
	good.Set("confirm", "yes")
	if st, _, _ := postForm(t, c, u+"/draw", good); st != http.StatusSeeOther {
		t.Errorf("draw: %d", st)
	}
	if _, body = get(t, c, u); !strings.Contains(body, "hasil undian") || strings.Contains(body, "Ya, laksanakan undian") {
		t.Error("the held draw is not shown")
	}
}
