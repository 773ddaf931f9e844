package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Every forum page renders, forms keep their input and show problems, and
// the public sees a public forum without login.
func TestForumPages(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	id := strings.TrimPrefix(forum, "/api/v1/forums/")
	soon := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	mt := e.do("POST", forum+"/meetings", "memberA", `{"starts_at":"2026-11-02T09:30:00+08:00","time_zone":"WITA","mode":"in_person","place":"Makassar","minutes":"Notulen rahasia internal"}`).json(t)
	meeting := fmt.Sprint(int64(mt["id"].(float64)))
	e.do("POST", "/api/v1/meetings/"+meeting+"/action-items", "memberA", fmt.Sprintf(`{"title":"Kirim peta","owner_org_id":%d,"due":"2026-11-10"}`, e.orgB.ID))
	p := e.do("POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun","body":"Turikale","closes_at":"`+soon+`"}`).json(t)
	proposal := fmt.Sprint(int64(p["id"].(float64)))
	e.do("POST", "/api/v1/proposals/"+proposal+"/positions", "partnerB", `{"position":"disagree","reason":"Lahan belum bebas"}`)

	admin := e.browser()
	e.login(admin, "memberA@sinergi.test")
	partner := e.browser()
	e.login(partner, "partnerC@sinergi.test")
	anon := e.browser()
	pages := []struct {
		c    *http.Client
		path string
		want []string
	}{
		{anon, "/forums", []string{"Memenuhi keenam kriteria", "Forum Koridor Uji"}},
		{anon, "/forums?meets_all=true", []string{"0 forum"}},
		{anon, "/forums/" + id, []string{"C1 Diprakarsai oleh badan publik", "Cara memenuhi", "Dialog tatap muka", "Musyawarah untuk mufakat", "Anggota konsultasi"}},
		{admin, "/forums/" + id, []string{"Tambah anggota", "Rapat baru", "Usulan baru", "Tidak setuju 1"}},
		{admin, "/forums/" + id + "/charter", []string{"Tata tertib", "Mekanisme cadangan"}},
		{admin, fmt.Sprintf("/forums/%s/members/%d/representatives", id, e.orgB.ID), []string{"Plh"}},
		{admin, "/meetings/" + meeting, []string{"Notulen rahasia internal", "Kirim peta", "Simpan daftar hadir"}},
		{anon, "/meetings/" + meeting, []string{"Notulen belum ditulis"}},
		{admin, "/meetings/" + meeting + "/print", []string{"NOTULEN RAPAT", "Kirim peta"}},
		{anon, "/proposals/" + proposal, []string{"Lokasi Stasiun", "Lahan belum bebas", "Terlalu banyak yang tidak setuju"}},
		{partner, "/proposals/" + proposal, []string{"anggota konsultasi", "Kirim komentar"}},
		{admin, "/proposals/" + proposal, []string{"Tutup dengan pernyataan hasil", "Revisi ke putaran baru"}},
		{admin, "/proposals/" + proposal + "/print", []string{"BERITA ACARA KEPUTUSAN", "Lahan belum bebas"}},
		{admin, "/forums/new", []string{"Instansi pemrakarsa"}},
	}
	for _, pg := range pages {
		st, body := get(t, pg.c, e.srv.URL+pg.path)
		if st != 200 {
			t.Errorf("%s: status %d: %.300s", pg.path, st, body)
			continue
		}
		for _, w := range pg.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s does not show %q", pg.path, w)
			}
		}
	}
	if _, body := get(t, anon, e.srv.URL+"/meetings/"+meeting); strings.Contains(body, "Notulen rahasia") || strings.Contains(body, "Kirim peta") {
		t.Error("the public sees minutes not marked public or action items")
	}

	post := func(c *http.Client, path string, form url.Values) (int, string) {
		res, err := c.PostForm(e.srv.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b := new(strings.Builder)
		fmt.Fprint(b, res.Header.Get("Location"))
		buf := make([]byte, 1<<20)
		n, _ := res.Body.Read(buf)
		return res.StatusCode, b.String() + string(buf[:n])
	}
	forms := []struct {
		c      *http.Client
		path   string
		form   url.Values
		status int
		want   string
	}{
		{admin, "/forums/new", url.Values{"name": {"x"}, "focus": {"guild"}}, 400, "Nama forum harus"},
		{admin, "/forums/new", url.Values{"name": {"Forum Baru Uji"}, "initiator_org_id": {fmt.Sprint(e.orgA.ID)}, "focus": {"public_policy"}, "legal_basis": {"Perpres | 109 | 2020 | Lampiran"}}, 303, "/forums/"},
		{admin, "/forums/" + id + "/members", url.Values{"organization_id": {""}, "role": {"deciding"}}, 400, "Pilih instansi"},
		{admin, "/forums/" + id + "/meetings", url.Values{"date": {"besok"}}, 400, "Isi tanggal"},
		{admin, "/forums/" + id + "/meetings", url.Values{"date": {"2026-11-20"}, "time": {"09:30"}, "time_zone": {"WITA"}, "mode": {"hybrid"}}, 303, "/meetings/"},
		{admin, "/forums/" + id + "/proposals", url.Values{"title": {"Tarif"}, "body": {""}, "close_date": {"2020-01-01"}, "close_time": {"10:00"}}, 400, "Isi usulan wajib"},
		{admin, "/forums/" + id + "/charter", url.Values{"quorum": {"0"}, "fallback": {"referral"}}, 400, "Kuorum harus"},
		{admin, "/meetings/" + meeting + "/attendance", url.Values{"org": {fmt.Sprint(e.orgA.ID), fmt.Sprint(e.orgB.ID)}}, 303, "#attendance"},
		{admin, "/meetings/" + meeting + "/minutes", url.Values{"minutes": {"Disepakati tiga lokasi."}, "minutes_public": {"1"}}, 303, "#minutes"},
		{admin, "/meetings/" + meeting + "/action-items", url.Values{"title": {"x"}}, 400, "Uraian tindak lanjut"},
		{partner, "/proposals/" + proposal + "/positions", url.Values{"position": {"agree"}}, 403, "anggota konsultasi"},
		{partner, "/proposals/" + proposal + "/comments", url.Values{"comment": {"Mohon jalur pejalan kaki"}}, 303, "/proposals/"},
		{admin, "/proposals/" + proposal + "/close", url.Values{"outcome": {""}}, 400, "Pernyataan hasil wajib"},
	}
	for _, f := range forms {
		st, body := post(f.c, f.path, f.form)
		if st != f.status || !strings.Contains(body, f.want) {
			t.Errorf("POST %s %v: %d, want %d with %q: %.300s", f.path, f.form, st, f.status, f.want, body)
		}
	}
	if _, body := get(t, anon, e.srv.URL+"/meetings/"+meeting); !strings.Contains(body, "Disepakati tiga lokasi.") {
		t.Error("minutes marked public are not shown to the public")
	}
}
