package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"sinergi"
	"sinergi/store"
)

// uniFixture is newEnv with a university (a faculty, two study programmes,
// accounts memberU and adminU), UGM, and a signed MoU → MoA → IA with UGM
// for Program Studi Peternakan running 2025–2029.
type uniFixture struct {
	*env
	uni, ugm  *sinergi.Organization
	ptk, pkn  *sinergi.Unit
	moa, ia   *sinergi.Agreement
	uniPath   string
	typesPath string
}

func newUniFixture(t *testing.T) *uniFixture {
	t.Helper()
	f := &uniFixture{env: newEnv(t)}
	db := f.db
	var err error
	if f.uni, err = db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Universitas Sulawesi Barat", Sector: sinergi.SectorPublicUniversity, RegionCode: "76.05"}); err != nil {
		t.Fatal(err)
	}
	if f.ugm, err = db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Universitas Gadjah Mada", Sector: sinergi.SectorPublicUniversity, RegionCode: "34.04"}); err != nil {
		t.Fatal(err)
	}
	fac, err := db.CreateUnit(sys, f.uni.ID, sinergi.UnitInput{Name: "Fakultas Peternakan dan Perikanan", Kind: "faculty"})
	if err != nil {
		t.Fatal(err)
	}
	if f.ptk, err = db.CreateUnit(sys, f.uni.ID, sinergi.UnitInput{Name: "Program Studi Peternakan", Kind: "study_programme", ParentID: &fac.ID}); err != nil {
		t.Fatal(err)
	}
	if f.pkn, err = db.CreateUnit(sys, f.uni.ID, sinergi.UnitInput{Name: "Program Studi Perikanan", Kind: "study_programme", ParentID: &fac.ID}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		key  string
		role sinergi.Role
	}{{"memberU", sinergi.RoleMember}, {"adminU", sinergi.RoleOrgAdmin}} {
		u, err := db.CreateUser(sys, sinergi.UserInput{Email: a.key + "@sinergi.test", Name: "Akun " + a.key, OrganizationID: f.uni.ID, Roles: []sinergi.Role{a.role}, Password: "kata-sandi-uji-1"})
		if err != nil {
			t.Fatal(err)
		}
		if _, f.tokens[a.key], err = db.CreateToken(sinergi.WithActor(context.Background(), store.ActorOf(u)), u.ID, "test", nil); err != nil {
			t.Fatal(err)
		}
	}
	mk := func(kind sinergi.AgreementKind, title string, parent, unit *int64) *sinergi.Agreement {
		a, err := db.CreateAgreement(sys, sinergi.AgreementInput{Kind: kind, Title: title, ParentID: parent, StartDate: "2025-01-01", EndDate: "2029-12-31",
			Parties: []sinergi.PartyInput{{OrganizationID: f.uni.ID, UnitID: unit, Role: "lead"}, {OrganizationID: f.ugm.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{"persiapan", "penyusunan", "penandatanganan"} {
			if a, err = db.CompleteAgreementStage(sys, a.ID, a.Version, code, sinergi.StageInput{Date: "2025-01-01"}); err != nil {
				t.Fatal(err)
			}
		}
		return a
	}
	mou := mk(sinergi.KindMoU, "MoU Unsulbar – UGM", nil, nil)
	f.moa = mk(sinergi.KindMoA, "MoA Fakultas Peternakan", &mou.ID, &fac.ID)
	f.ia = mk(sinergi.KindIA, "IA Pertukaran Mahasiswa Peternakan", &f.moa.ID, &f.ptk.ID)
	f.uniPath = fmt.Sprintf("/api/v1/organizations/%d/university", f.uni.ID)
	f.typesPath = fmt.Sprintf("/api/v1/agreements/%d/activity-types", f.ia.ID)
	return f
}

// Every route of the university view answers as documented, succeeding and failing.
func TestUniversityAPI(t *testing.T) {
	f := newUniFixture(t)
	c := &contract{t: t, e: f.env, doc: loadAPIDoc(t), seen: map[string][]int{}}

	c.call(401, "GET", f.uniPath+"?semester=2026-1", "", "")
	c.call(400, "GET", f.uniPath+"?semester=2026-3", "memberA", "")
	c.call(400, "GET", f.uniPath+"?semester=ganjil", "memberA", "", "Accept-Language", "en")
	c.call(404, "GET", fmt.Sprintf("/api/v1/organizations/%d/university", f.orgA.ID), "memberA", "") // a regency
	c.call(404, "GET", "/api/v1/organizations/999999/university", "memberA", "")
	c.call(200, "GET", f.uniPath, "partnerB", "")
	m := c.call(200, "GET", f.uniPath+"?semester=2026-1", "memberA", "").json(t)
	fig := m["figure"].(map[string]any)
	if fig["programmes"] != 2.0 || fig["with_ia"] != 1.0 || fig["share"] != 0.5 || fig["weighted"] != 0.25 {
		t.Errorf("figure %v: want 2 programmes, 1 with an IA, share 0.5, weighted 0.25 (UGM is a university: 0.5)", fig)
	}
	if sem := m["semester"].(map[string]any); sem["start"] != "2026-08-01" || sem["end"] != "2027-01-31" || sem["label"].(map[string]any)["id"] != "Ganjil 2026/2027" {
		t.Errorf("semester %v", sem)
	}

	pc := fmt.Sprintf("/api/v1/organizations/%d/partner-category", f.ugm.ID)
	c.call(200, "GET", pc, "", "")
	c.call(404, "GET", "/api/v1/organizations/999999/partner-category", "", "")
	c.call(404, "GET", "/api/v1/organizations/abc/partner-category", "", "")
	c.call(401, "PUT", pc, "", `{"category":"qs100_university"}`)
	c.call(403, "PUT", pc, "adminU", `{"category":"qs100_university"}`) // Unsulbar's admin does not manage UGM
	c.call(400, "PUT", pc, "sys", `{"category":"harvard"}`)
	c.call(400, "PUT", pc, "sys", `{"category":`)
	c.call(404, "PUT", "/api/v1/organizations/999999/partner-category", "sys", `{"category":""}`)
	if r := c.call(200, "PUT", pc, "sys", `{"category":"qs100_university"}`).json(t); r["category"] != "qs100_university" || r["source"] != "explicit" || r["weight"] != 1.0 {
		t.Errorf("set category: %v", r)
	}

	c.call(401, "GET", f.typesPath, "", "")
	c.call(404, "GET", "/api/v1/agreements/999999/activity-types", "memberA", "")
	r := c.call(200, "GET", f.typesPath, "memberA", "")
	if tags := r.json(t)["types"].([]any); len(tags) != 0 || r.header.Get("ETag") != fmt.Sprintf(`"v%d"`, f.ia.Version) {
		t.Errorf("no types yet: %v, ETag %s", tags, r.header.Get("ETag"))
	}
	body := `{"types":["student_exchange","credit_transfer"]}`
	c.call(401, "PUT", f.typesPath, "", body)
	c.call(403, "PUT", f.typesPath, "partnerB", body)
	c.call(400, "PUT", f.typesPath, "memberU", `{"types":["tourism"]}`)
	c.call(400, "PUT", fmt.Sprintf("/api/v1/agreements/%d/activity-types", f.moa.ID), "memberU", body) // not an IA
	c.call(412, "PUT", f.typesPath, "memberU", body, "If-Match", `"v1"`)
	r = c.call(200, "PUT", f.typesPath, "memberU", body, "If-Match", fmt.Sprintf(`"v%d"`, f.ia.Version))
	if got := r.json(t)["types"].([]any); len(got) != 2 || got[0] != "student_exchange" || r.header.Get("ETag") != fmt.Sprintf(`"v%d"`, f.ia.Version+1) {
		t.Errorf("set types: %s, ETag %s", r.body, r.header.Get("ETag"))
	}
	c.call(200, "GET", "/api/v1/iku6", "", "")

	m = c.call(200, "GET", f.uniPath+"?semester=2026-1", "memberU", "").json(t)
	if fig := m["figure"].(map[string]any); fig["weighted"] != 0.5 {
		t.Errorf("UGM set to QS100 (weight 1) for one of two programmes: weighted %v, want 0.5", fig["weighted"])
	}
	ia := m["ias"].([]any)[0].(map[string]any)
	if ia["active"] != true || len(ia["activity_types"].([]any)) != 2 {
		t.Errorf("IA in the view: %v", ia)
	}
	if m := c.call(200, "GET", f.uniPath+"?semester=2030-1", "memberU", "").json(t); m["figure"].(map[string]any)["with_ia"] != 0.0 {
		t.Errorf("2030-1 after the IA ended: %v", m["figure"])
	}

	for _, op := range c.doc.operations() {
		if !strings.Contains(op, "/university") && !strings.Contains(op, "/partner-category") && !strings.Contains(op, "/activity-types") {
			continue
		}
		sts := c.seen[op]
		if !slices.ContainsFunc(sts, func(s int) bool { return s >= 200 && s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}
}

// The university page, the activity-type form on the IA and the category form.
func TestUniversityPages(t *testing.T) {
	f := newUniFixture(t)
	page := fmt.Sprintf("%s/organizations/%d/university", f.srv.URL, f.uni.ID)
	c := f.browser()
	if st, _ := get(t, c, page); st == http.StatusOK {
		t.Error("the view is shown to the public")
	}
	f.login(c, "memberU@sinergi.test")
	st, loc := getLoc(t, c, f.srv.URL+"/agreements/university")
	if st != http.StatusSeeOther || loc != fmt.Sprintf("/organizations/%d/university", f.uni.ID) {
		t.Errorf("a university's member goes to its own view: %d %q", st, loc)
	}
	st, body := get(t, c, page+"?semester=2026-1")
	for _, want := range []string{"Ganjil 2026/2027", "Program Studi Peternakan", "Program Studi Perikanan", "Belum ada IA yang berlaku pada semester ini",
		"IA Pertukaran Mahasiswa Peternakan", "Perguruan tinggi QS100", "Kepmendikbudristek No. 3/M/2021", "25,0%"} {
		if st != 200 || !strings.Contains(body, want) {
			t.Errorf("university page lacks %q (%d)", want, st)
		}
	}
	if st, body = get(t, c, page+"?semester=2026-9"); st != http.StatusBadRequest || !strings.Contains(body, "TTTT-1") {
		t.Errorf("bad semester: %d", st)
	}
	if _, body = get(t, c, fmt.Sprintf("%s/organizations/%d", f.srv.URL, f.uni.ID)); !strings.Contains(body, fmt.Sprintf(`href="/organizations/%d/university"`, f.uni.ID)) {
		t.Error("no link from the organisation page")
	}

	iaPage := fmt.Sprintf("%s/agreements/%d", f.srv.URL, f.ia.ID)
	if _, body = get(t, c, iaPage); !strings.Contains(body, "Belum dicatat.") || !strings.Contains(body, `value="benchmarking"`) || !strings.Contains(body, "data-testid=\"university-link\"") {
		t.Fatalf("IA page: no activity-type form or university link")
	}
	st, _, body = postForm(t, c, iaPage+"/activity-types", url.Values{"version": {fmt.Sprint(f.ia.Version)}, "type": {"nope"}})
	if st != http.StatusBadRequest || !strings.Contains(body, "Jenis kegiatan tidak dikenal") {
		t.Errorf("unknown type from the form: %d", st)
	}
	st, loc, _ = postForm(t, c, iaPage+"/activity-types", url.Values{"version": {fmt.Sprint(f.ia.Version)}, "type": {"student_exchange", "benchmarking"}})
	if st != http.StatusSeeOther {
		t.Fatalf("save types: %d", st)
	}
	if _, body = get(t, c, f.srv.URL+loc); !strings.Contains(body, "Pertukaran mahasiswa, Studi banding (benchmarking)") {
		t.Error("types not shown on the IA page")
	}
	if _, body = get(t, c, page+"?semester=2026-1"); !strings.Contains(body, "Studi banding (benchmarking): 1") {
		t.Error("types not counted on the university page")
	}
	// Unsulbar's member may not classify UGM; the form is not offered and a post is refused
	if strings.Contains(body, fmt.Sprintf(`action="/organizations/%d/partner-category"`, f.ugm.ID)) {
		t.Error("category form offered to a member of another organisation")
	}
	if st, _, _ = postForm(t, c, fmt.Sprintf("%s/organizations/%d/partner-category", f.srv.URL, f.ugm.ID), url.Values{"category": {"qs100_university"}}); st != http.StatusForbidden {
		t.Errorf("member sets another organisation's category: %d", st)
	}

	// an IA created through the form on Program Studi Perikanan and signed there counts for it
	st, body = get(t, c, f.srv.URL+"/agreements/new")
	if st != 200 || !strings.Contains(body, `id="f-unit_id"`) || !strings.Contains(body, "Program Studi Perikanan (Program studi)") {
		t.Fatalf("form without the user's units: %d", st)
	}
	form := url.Values{"kind": {"IA"}, "title": {"IA Magang Mahasiswa Perikanan di UGM"}, "party": {fmt.Sprint(f.uni.ID), fmt.Sprint(f.ugm.ID)}, "lead": {fmt.Sprint(f.uni.ID)},
		"parent_id": {fmt.Sprint(f.moa.ID)}, "unit_id": {fmt.Sprint(f.pkn.ID)}, "start_date": {"2026-01-01"}, "end_date": {"2027-12-31"}}
	if st, _, body = postForm(t, c, f.srv.URL+"/agreements/new", url.Values{"kind": {"IA"}, "title": {"IA tanpa pihak sendiri"}, "party": {fmt.Sprint(f.ugm.ID)},
		"unit_id": {fmt.Sprint(f.pkn.ID)}, "start_date": {"2026-01-01"}, "end_date": {"2027-12-31"}}); st != http.StatusBadRequest || !strings.Contains(body, "Unit kerja hanya dapat dipilih bila instansi Anda menjadi pihak") {
		t.Errorf("unit without the own organisation as a party: %d", st)
	}
	st, loc, body = postForm(t, c, f.srv.URL+"/agreements/new", form)
	if st != http.StatusSeeOther {
		t.Fatalf("create IA from the form: %d %s", st, body)
	}
	for _, code := range []string{"persiapan", "penyusunan", "penandatanganan"} {
		if st, _, _ = postForm(t, c, f.srv.URL+loc+"/stages/"+code, url.Values{"date": {"2026-02-01"}, "document_ref": {"IA/" + code}}); st != http.StatusSeeOther {
			t.Fatalf("stage %s: %d", code, st)
		}
	}
	if _, body = get(t, c, page+"?semester=2026-1"); !strings.Contains(body, "IA Magang Mahasiswa Perikanan di UGM") || !strings.Contains(body, "2 (100,0%)") {
		t.Error("the IA made through the form does not count for Program Studi Perikanan")
	}

	adm := f.browser()
	f.login(adm, "sys@sinergi.test")
	if _, body = get(t, adm, page); !strings.Contains(body, fmt.Sprintf(`action="/organizations/%d/partner-category"`, f.ugm.ID)) {
		t.Fatal("no category form for the system admin")
	}
	back := fmt.Sprintf("/organizations/%d/university?semester=2026-1", f.uni.ID)
	st, loc, _ = postForm(t, adm, fmt.Sprintf("%s/organizations/%d/partner-category", f.srv.URL, f.ugm.ID), url.Values{"category": {"qs100_university"}, "back": {back}})
	if st != http.StatusSeeOther || loc != back {
		t.Fatalf("set category: %d %q", st, loc)
	}
	if _, body = get(t, adm, f.srv.URL+back); !strings.Contains(body, "ditetapkan admin") || !strings.Contains(body, `data-testid="weighted">100,0%`) {
		t.Error("category not applied on the page (UGM as QS100, 1,0, on both programmes)")
	}
	if st, loc = getLoc(t, adm, f.srv.URL+"/agreements/university"); st != 200 {
		t.Errorf("a regency's account gets the list of universities: %d %q", st, loc)
	}
}

// getLoc is a GET that reports the status and the redirect target.
func getLoc(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}
