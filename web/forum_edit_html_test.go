package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// forumPost posts a form and returns the status and the Location header
// followed by the body.
func forumPost(t *testing.T, c *http.Client, u string, form url.Values) (int, string) {
	t.Helper()
	res, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location") + string(b)
}

func wantPage(t *testing.T, c *http.Client, u string, status int, want ...string) string {
	t.Helper()
	st, body := get(t, c, u)
	if st != status {
		t.Fatalf("GET %s: status %d, want %d: %.300s", u, st, status, body)
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("GET %s does not show %q", u, w)
		}
	}
	return body
}

// A forum is edited in the UI: the form is filled in, keeps its input on
// errors, and a stale version is refused with 412.
func TestForumEditHTML(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	id := strings.TrimPrefix(forum, "/api/v1/forums/")
	base := e.srv.URL + "/forums/" + id
	admin := e.browser()
	e.login(admin, "memberA@sinergi.test")
	partner := e.browser()
	e.login(partner, "partnerC@sinergi.test")

	wantPage(t, admin, base, 200, `href="/forums/`+id+`/edit"`)
	if body := wantPage(t, partner, base, 200); strings.Contains(body, "/edit\"") || strings.Contains(body, "/remove\"") || strings.Contains(body, "/role\"") {
		t.Error("a consulted partner sees the links to edit the forum or its members")
	}
	if body := wantPage(t, e.browser(), base, 200); strings.Contains(body, "/edit\"") {
		t.Error("the public sees the edit link")
	}
	if st, _ := get(t, partner, base+"/edit"); st != 403 {
		t.Errorf("a consulted partner opens the edit form: %d", st)
	}

	body := wantPage(t, admin, base+"/edit", 200, `value="Forum Koridor Uji"`, `name="version" value="`, `action="/forums/`+id+`/edit"`, "Simpan perubahan", ">Kereta</textarea>")
	version := between(body, `name="version" value="`, `"`)
	if version == "" || version == "0" {
		t.Fatalf("no version in the form: %q", version)
	}
	form := url.Values{"name": {"Forum Koridor Kereta Sulsel"}, "initiator_org_id": {fmt.Sprint(e.orgA.ID)}, "focus": {"programme_management"}, "visibility": {"public"},
		"mission": {"Kereta api Makassar–Parepare"}, "problem_statement": {"Stasiun"}, "shared_values": {"Terbuka"}, "legal_basis": {"Perpres | 109 | 2020 | Lampiran"}, "version": {version}}

	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("name", "x")
	bad.Set("legal_basis", "Perpres | 109 | dua ribu | Lampiran")
	st, body := forumPost(t, admin, base+"/edit", bad)
	if st != 400 || !strings.Contains(body, "error-summary") || !strings.Contains(body, "Nama forum harus") || !strings.Contains(body, "Kereta api Makassar–Parepare") || !strings.Contains(body, "dua ribu") {
		t.Errorf("invalid edit: %d %.600s", st, body)
	}

	if st, body := forumPost(t, admin, base+"/edit", form); st != 303 || !strings.HasPrefix(body, "/forums/"+id) {
		t.Fatalf("edit: %d %.300s", st, body)
	}
	wantPage(t, admin, base, 200, "Forum Koridor Kereta Sulsel", "Kereta api Makassar–Parepare", "Perpres 109/2020 Lampiran")
	wantPage(t, admin, base+"/edit", 200, "Perpres | 109 | 2020 | Lampiran")

	form.Set("name", "Nama Basi")
	st, body = forumPost(t, admin, base+"/edit", form) // the old version
	if st != 412 || !strings.Contains(body, "telah diubah oleh orang lain") || !strings.Contains(body, `value="Nama Basi"`) {
		t.Errorf("stale edit: %d %.600s", st, body)
	}
	if st, _ := forumPost(t, partner, base+"/edit", form); st != 403 {
		t.Errorf("a consulted partner edits the forum: %d", st)
	}
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, to)
	return v
}

// Managers change a member's role, remove members and representatives
// after a confirmation that says what is lost.
func TestForumMembersHTML(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	id := strings.TrimPrefix(forum, "/api/v1/forums/")
	base := e.srv.URL + "/forums/" + id
	rep := e.do("POST", fmt.Sprintf("%s/members/%d/representatives", forum, e.orgB.ID), "memberA", fmt.Sprintf(`{"person_id":%d}`, e.personB.ID))
	if rep.status != 201 {
		t.Fatalf("representative: %d %s", rep.status, rep.body)
	}
	repID := fmt.Sprint(int64(rep.json(t)["id"].(float64)))
	admin := e.browser()
	e.login(admin, "memberA@sinergi.test")
	partner := e.browser()
	e.login(partner, "partnerC@sinergi.test")
	orgB, orgC := fmt.Sprint(e.orgB.ID), fmt.Sprint(e.orgC.ID)

	body := wantPage(t, admin, base, 200, "/members/"+orgC+"/role", "/members/"+orgC+"/remove", "/representatives/"+repID+"/remove", "Ubah peran")
	if strings.Contains(body, fmt.Sprintf("/members/%d/remove", e.orgA.ID)) {
		t.Error("the initiator has a remove link")
	}

	// role
	if st, _ := forumPost(t, partner, base+"/members/"+orgC+"/role", url.Values{"role": {"deciding"}}); st != 403 {
		t.Errorf("a partner changes a role: %d", st)
	}
	if st, body := forumPost(t, admin, base+"/members/"+orgC+"/role", url.Values{"role": {"boss"}}); st != 400 || !strings.Contains(body, "error-summary") {
		t.Errorf("unknown role: %d %.300s", st, body)
	}
	if st, body := forumPost(t, admin, base+"/members/"+orgC+"/role", url.Values{"role": {"deciding"}}); st != 303 || !strings.Contains(body, "#members") {
		t.Errorf("role: %d %.300s", st, body)
	}
	if !strings.Contains(string(e.do("GET", forum, "memberA", "").body), fmt.Sprintf(`"organization_id":%d,"organization_name":"Komunitas Peduli Stasiun Maros","sector":"community","public":false,"role":"deciding"`, e.orgC.ID)) {
		t.Error("the role did not change")
	}

	// representative
	if st, _ := get(t, partner, base+"/representatives/"+repID+"/remove"); st != 403 {
		t.Errorf("a partner opens the representative confirmation: %d", st)
	}
	wantPage(t, admin, base+"/representatives/"+repID+"/remove", 200, "Rudi Hartono", "tidak lagi mewakili", "PT Celebes Railway Indonesia", "tetap anggota forum", `action="/forums/`+id+`/representatives/`+repID+`/remove"`)
	if st, body := forumPost(t, admin, base+"/representatives/"+repID+"/remove", nil); st != 303 || !strings.Contains(body, "#members") {
		t.Errorf("remove representative: %d %.300s", st, body)
	}
	if strings.Contains(string(e.do("GET", forum, "memberA", "").body), "Rudi Hartono") {
		t.Error("the representative is still there")
	}
	if st, _ := forumPost(t, admin, base+"/representatives/"+repID+"/remove", nil); st != 404 {
		t.Errorf("removing it again: %d", st)
	}

	// member
	wantPage(t, admin, base+"/members/"+orgB+"/remove", 200, "PT Celebes Railway Indonesia", "akan dikeluarkan", "kehilangan perannya", "Anggota pengambil keputusan", "perwakilannya", "tetap tercatat", "Ya, hapus")
	if st, _ := get(t, partner, base+"/members/"+orgB+"/remove"); st != 403 {
		t.Errorf("a partner opens the member confirmation: %d", st)
	}
	if st, _ := forumPost(t, partner, base+"/members/"+orgB+"/remove", nil); st != 403 {
		t.Errorf("a partner removes a member: %d", st)
	}
	if st, body := forumPost(t, admin, base+"/members/"+orgB+"/remove", nil); st != 303 || !strings.Contains(body, "#members") {
		t.Errorf("remove member: %d %.300s", st, body)
	}
	if strings.Contains(string(e.do("GET", forum, "memberA", "").body), "PT Celebes Railway") {
		t.Error("the member is still there")
	}
	// the initiator stays, with a message
	if st, body := forumPost(t, admin, fmt.Sprintf("%s/members/%d/remove", base, e.orgA.ID), nil); st != 303 {
		t.Errorf("remove initiator: %d %.300s", st, body)
	}
	wantPage(t, admin, base, 200, "Pemrakarsa forum tidak dapat dikeluarkan")
}

// Small wins show Indonesian dates; meetings record people present and
// people owning action items.
func TestForumDatesAndPeopleHTML(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	id := strings.TrimPrefix(forum, "/api/v1/forums/")
	if r := e.do("POST", forum+"/small-wins", "memberA", `{"title":"Lahan stasiun dibebaskan","achieved_on":"2026-11-18"}`); r.status != 201 {
		t.Fatalf("small win: %d %s", r.status, r.body)
	}
	if r := e.do("POST", fmt.Sprintf("%s/members/%d/representatives", forum, e.orgB.ID), "memberA", fmt.Sprintf(`{"person_id":%d}`, e.personB.ID)); r.status != 201 {
		t.Fatalf("representative: %d %s", r.status, r.body)
	}
	mt := e.do("POST", forum+"/meetings", "memberA", `{"starts_at":"2026-11-02T09:30:00+08:00","time_zone":"WITA","mode":"in_person","place":"Makassar"}`)
	if mt.status != 201 {
		t.Fatalf("meeting: %d %s", mt.status, mt.body)
	}
	meeting := fmt.Sprint(int64(mt.json(t)["id"].(float64)))
	admin := e.browser()
	e.login(admin, "memberA@sinergi.test")

	body := wantPage(t, admin, e.srv.URL+"/forums/"+id, 200, "Lahan stasiun dibebaskan</strong> (18 November 2026)")
	if strings.Contains(body, "2026-11-18") {
		t.Error("the small win's date is shown as ISO")
	}

	m := e.srv.URL + "/meetings/" + meeting
	pv := fmt.Sprintf("%d:%d", e.orgB.ID, e.personB.ID)
	wantPage(t, admin, m, 200, `name="person" value="`+pv+`"`, `name="owner_person_id"`, "Rudi Hartono")
	if st, body := forumPost(t, admin, m+"/attendance", url.Values{"org": {fmt.Sprint(e.orgA.ID)}, "person": {pv}}); st != 303 {
		t.Fatalf("attendance: %d %.300s", st, body)
	}
	att := string(e.do("GET", "/api/v1/meetings/"+meeting, "memberA", "").body)
	if !strings.Contains(att, fmt.Sprintf(`"person_id":%d`, e.personB.ID)) || !strings.Contains(att, fmt.Sprintf(`"organization_id":%d`, e.orgA.ID)) {
		t.Errorf("attendance with a person not recorded: %.600s", att)
	}
	wantPage(t, admin, m, 200, `value="`+pv+`" checked`)
	if st, body := forumPost(t, admin, m+"/attendance", url.Values{"person": {"zz"}}); st != 400 || !strings.Contains(body, "Daftar hadir tidak terbaca") {
		t.Errorf("garbled attendance: %d %.300s", st, body)
	}
	wantPage(t, admin, e.srv.URL+"/forums/"+id, 200, "2 instansi")

	// a person of another organisation cannot own the item
	st, body := forumPost(t, admin, m+"/action-items", url.Values{"title": {"Kirim peta"}, "owner_org_id": {fmt.Sprint(e.orgA.ID)}, "owner_person_id": {fmt.Sprint(e.personB.ID)}, "due": {"2026-11-30"}})
	if st != 400 || !strings.Contains(body, "Penanggung jawab harus orang") || !strings.Contains(body, `value="Kirim peta"`) {
		t.Errorf("owner of another organisation: %d %.600s", st, body)
	}
	if st, body := forumPost(t, admin, m+"/action-items", url.Values{"title": {"Kirim peta"}, "owner_org_id": {fmt.Sprint(e.orgB.ID)}, "owner_person_id": {fmt.Sprint(e.personB.ID)}, "due": {"2026-11-30"}}); st != 303 {
		t.Fatalf("action item: %d %.300s", st, body)
	}
	wantPage(t, admin, m, 200, "PT Celebes Railway Indonesia — Rudi Hartono", "30 November 2026")
}
