package web_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"sinergi"
	"sinergi/corridor"
)

// The authorisation matrix of the modules (see authz_matrix_test.go for the
// accounts and the outcome classes). Each module adds one function to
// matrixModules; TestAuthorizationMatrix fails when an API route of any
// routes*.go file has no row.
var matrixModules = []func() []matrixRow{
	agreementMatrixRows, agreementFollowUpMatrixRows, universityMatrixRows, assessmentMatrixRows, corridorMatrixRows, notificationMatrixRows, ballotMatrixRows,
}

type setupFunc = func(m *matrix) (string, string, string)

// postTo posts body to path(m)+suffix.
func postTo(path func(m *matrix) string, suffix, body string) setupFunc {
	return func(m *matrix) (string, string, string) { return "POST", path(m) + suffix, body }
}

// once makes a fixture the first time and returns it after; for fixtures
// that rows only read.
func (m *matrix) once(key string, make func() string) string {
	if v, ok := m.shared[key]; ok {
		return v
	}
	v := make()
	m.shared[key] = v
	return v
}

func lastID(path string) int64 {
	var id int64
	fmt.Sscanf(path[strings.LastIndex(path, "/")+1:], "%d", &id)
	return id
}

// ---- kerja sama: agreements of orgA with another public body (orgK);
// orgP's accounts are outsiders ----

// orgK is a third public body, the other party of orgA's agreements.
func (m *matrix) orgK() int64 {
	return lastID(m.once("orgK", func() string {
		o, err := m.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Barru", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.11"})
		if err != nil {
			m.t.Fatal(err)
		}
		return fmt.Sprintf("/%d", o.ID)
	}))
}

func (m *matrix) agreementBody() string {
	return fmt.Sprintf(`{"kind":"KSDD","title":"Jalan akses Stasiun Maros %d","parties":[{"organization_id":%d,"role":"lead"},{"organization_id":%d}],
		"start_date":"2026-01-01","end_date":"2030-12-31","burdens_public":false,"funded_in_current_budget":true,"urusan":["perhubungan"],"scope":"Jalan akses"}`, m.n(), m.orgA.ID, m.orgK())
}

func (m *matrix) newAgreement() string {
	return fmt.Sprintf("/api/v1/agreements/%d", idOf(m.must(201, "POST", "/api/v1/agreements", "memberA", m.agreementBody())))
}

// activeAgreement is a new agreement with every stage recorded.
func (m *matrix) activeAgreement() string {
	a := m.newAgreement()
	for _, code := range []string{"persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		m.must(200, "POST", a+"/stages/"+code, "memberA", `{"date":"2026-02-01","document_ref":"No. `+code+`"}`)
	}
	return a
}

func agreementMatrixRows() []matrixRow {
	csv := func(m *matrix) string {
		return fmt.Sprintf("kind,title,parties,start_date,end_date\nKSDD,Jalan impor %d,%d;%d,2026-01-01,2030-12-31\n", m.n(), m.orgA.ID, m.orgK())
	}
	//                                                                sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		{"GET /agreements", "AAAAUAA", getRow("/api/v1/agreements")},
		{"POST /agreements — parties orgA and orgK", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/agreements", m.agreementBody()
		}},
		{"GET /agreements/{id} — of orgA", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "GET", m.once("agreement", m.newAgreement), ""
		}},
		{"GET /agreements/template.xlsx", "AAAAUAA", getRow("/api/v1/agreements/template.xlsx")},
		// the import answers every account with a report; each row passes
		// the same check as POST /agreements (imported only for parties)
		{"POST /agreements/import — rows of orgA and orgK", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/agreements/import", csv(m)
		}},
		{"GET /agreements/export.xlsx", "AAAAUAA", getRow("/api/v1/agreements/export.xlsx")},
		{"GET /agreements/export.csv", "AAAAUAA", getRow("/api/v1/agreements/export.csv")},
		{"POST /agreements/{id}/stages/{code} — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newAgreement() + "/stages/persiapan", `{"date":"2026-01-05","document_ref":"ND 100/1/Bappeda"}`
		}},
		{"POST /agreements/{id}/terminate — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newAgreement() + "/terminate", `{"reason":"agreed","date":"2026-11-01"}`
		}},
		{"POST /agreements/{id}/renew — active, of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.activeAgreement() + "/renew", `{"start_date":"2031-01-01","end_date":"2035-12-31"}`
		}},
		{"GET /agreement-affairs", "AAAAAAA", getRow("/api/v1/agreement-affairs")},
	}
}

// ---- assessments, surveys and obstacles of orgA ----

func (m *matrix) unitAID() int64 { return lastID(m.once("unitA", m.newUnit)) }

// newSurvey is an open culture survey of one unit of orgA, made by adminA.
func (m *matrix) newSurvey() string {
	day := func(d int) string { return time.Now().AddDate(0, 0, d).Format("2006-01-02") }
	r := m.must(201, "POST", "/api/v1/surveys", "adminA", fmt.Sprintf(`{"title":"Survei budaya %d","instrument":"culture","scope":"units","unit_ids":[%d],"opens_on":%q,"closes_on":%q}`,
		m.n(), m.unitAID(), day(-1), day(30)))
	return fmt.Sprintf("/api/v1/surveys/%d", idOf(r))
}

func cultureAnswers() string {
	var parts []string
	for i := 1; i <= 7; i++ {
		parts = append(parts, fmt.Sprintf(`"culture_%d":4`, i))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func (m *matrix) newAssessment() string {
	r := m.must(201, "POST", "/api/v1/assessments", "memberA", fmt.Sprintf(`{"title":"Asesmen %d","organization_id":%d}`, m.n(), m.orgA.ID))
	return fmt.Sprintf("/api/v1/assessments/%d", idOf(r))
}

func (m *matrix) obstacleBody() string {
	return fmt.Sprintf(`{"organization_id":%d,"category":"trust","description":"Kurang saling percaya %d","affects_kind":"organization","severity":"high"}`, m.orgA.ID, m.n())
}

// obstacleProposal makes a forum of orgA without a legal basis and returns
// the key of the register proposal it gives rise to.
func (m *matrix) obstacleProposal() string {
	f, err := m.db.CreateForum(sys, sinergi.ForumInput{Name: fmt.Sprintf("Forum Tanpa Dasar %d", m.n()), InitiatorOrgID: m.orgA.ID, Focus: sinergi.FocusPublicPolicy})
	if err != nil {
		m.t.Fatal(err)
	}
	items, _ := m.must(200, "GET", "/api/v1/obstacle-proposals", "memberA", "")["items"].([]any)
	for _, it := range items {
		p := it.(map[string]any)
		if p["affects_id"] == float64(f.ID) && p["organization_id"] == float64(m.orgA.ID) {
			return p["key"].(string)
		}
	}
	m.t.Fatalf("no register proposal for forum %d: %v", f.ID, items)
	return ""
}

func assessmentMatrixRows() []matrixRow {
	assessment := func(m *matrix) string { return m.once("assessment", m.newAssessment) }
	survey := func(m *matrix) string { return m.once("survey", m.newSurvey) }
	//                                                                sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		{"GET /survey-instruments", "AAAAAAA", getRow("/api/v1/survey-instruments")},
		{"GET /surveys", "AAAAUAA", getRow("/api/v1/surveys")},
		// organisation admins survey their own organisation's units
		{"POST /surveys — units of orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/surveys", fmt.Sprintf(`{"title":"Survei %d","instrument":"culture","scope":"units","unit_ids":[%d],"opens_on":"2026-11-01","closes_on":"2026-12-20"}`, m.n(), m.unitAID())
		}},
		{"GET /surveys/{id} — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) { return "GET", survey(m), "" }},
		{"GET /surveys/{id}/results — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) { return "GET", survey(m) + "/results", "" }},
		// answering by login: accounts of the surveyed organisation (sys is one)
		{"POST /surveys/{id}/responses — by login, survey of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newSurvey() + "/responses", `{"answers":` + cultureAnswers() + `}`
		}},
		{"POST /surveys/{id}/links — survey of orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newSurvey() + "/links", fmt.Sprintf(`{"group":"unit:%d","count":1}`, m.unitAID())
		}},
		{"GET /assessments", "AAAAUAA", getRow("/api/v1/assessments")},
		{"POST /assessments — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/assessments", fmt.Sprintf(`{"title":"Asesmen %d","organization_id":%d}`, m.n(), m.orgA.ID)
		}},
		{"GET /assessments/{id} — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) { return "GET", assessment(m), "" }},
		{"POST /assessments/{id}/issues — of orgA", "AAAFUFF", postTo(assessment, "/issues", `{"kind":"problem","description":"Batas masalah tidak jelas","stakeholders":"Dishub"}`)},
		{"POST /assessments/{id}/actions — of orgA", "AAAFUFF", postTo(assessment, "/actions", `{"title":"Rapat lintas OPD","owner":"Bappeda","due":"2026-12-15"}`)},
		{"POST /assessments/{id}/strategies — of orgA", "AAAFUFF", postTo(assessment, "/strategies", `{"target":"DPRD","channel":"Rapat dengar pendapat","message":"Anggaran bersama","owner":"Sekda"}`)},
		{"GET /obstacles", "AAAAUAA", getRow("/api/v1/obstacles")},
		{"POST /obstacles — register of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/obstacles", m.obstacleBody()
		}},
		// another organisation's register entry is not there for them (404)
		{"PATCH /obstacles/{id} — of orgA", "AAANUNN", func(m *matrix) (string, string, string) {
			b := m.must(201, "POST", "/api/v1/obstacles", "memberA", m.obstacleBody())
			return "PATCH", fmt.Sprintf("/api/v1/obstacles/%d", idOf(b)), `{"status":"mitigating"}`
		}},
		{"GET /obstacle-proposals", "AAAAUAA", getRow("/api/v1/obstacle-proposals")},
		{"POST /obstacle-proposals/accept — of orgA", "AAANUNN", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/obstacle-proposals/accept", `{"key":"` + m.obstacleProposal() + `","owner":"Bagian Hukum"}`
		}},
		{"POST /obstacle-proposals/dismiss — of orgA", "AAANUNN", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/obstacle-proposals/dismiss", `{"key":"` + m.obstacleProposal() + `"}`
		}},
	}
}

// ---- corridors: a programme owned by orgA; orgP takes part, not as manager ----

func (m *matrix) corridorBody() string {
	return fmt.Sprintf(`{"name":"Koridor Matriks %d","infrastructure":"railway","owner_org_id":%d,"owner_body":"Pemerintah Kabupaten Maros",
		"regions":["73.09","73.72"],"franchise_rule":"before",
		"organizations":[{"organization_id":%d,"role":"region","manager":false}],
		"stations":[{"name":"Mandai","region_code":"73.09","status":"operating","kiosks":2},{"name":"Maros","region_code":"73.09","status":"operating","kiosks":1}]}`, m.n(), m.orgA.ID, m.orgP.ID)
}

func (m *matrix) newCorridor() string {
	return fmt.Sprintf("/api/v1/corridors/%d", idOf(m.must(201, "POST", "/api/v1/corridors", "adminA", m.corridorBody())))
}

func (m *matrix) station(corridor string) int64 {
	sts := m.must(200, "GET", corridor, "memberA", "")["stations"].([]any)
	return int64(sts[0].(map[string]any)["id"].(float64))
}

func (m *matrix) applicationBody(station int64) string {
	b, _ := json.Marshal(map[string]any{"business_name": fmt.Sprintf("Usaha %d", m.n()), "owner_name": "Ibu Hasnah", "domicile_code": "73.09.01.2003",
		"size": "micro", "nib": fmt.Sprintf("91%011d", m.n()), "product_category": "kuliner", "stations": []int64{station}})
	return string(b)
}

var corridorSeed = bytes.Repeat([]byte{0x42}, 32)

// closedCorridor has two applications, a committed seed and closed
// applications: ready for the draw. It returns the first application's id.
func (m *matrix) closedCorridor() (string, int64) {
	c := m.newCorridor()
	st := m.station(c)
	app := idOf(m.must(201, "POST", c+"/applications", "memberA", m.applicationBody(st)))
	m.must(201, "POST", c+"/applications", "memberA", m.applicationBody(st))
	m.must(201, "POST", c+"/commit", "memberA", fmt.Sprintf(`{"commitment":%q,"applications_close_at":%q}`, corridor.Commit(corridorSeed), time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339)))
	m.must(200, "POST", c+"/close", "memberA", "")
	return c, app
}

func drawBody() string { return fmt.Sprintf(`{"seed":%q}`, hex.EncodeToString(corridorSeed)) }

func (m *matrix) drawnCorridor() (string, int64) {
	c, app := m.closedCorridor()
	m.must(200, "POST", c+"/draw", "memberA", drawBody())
	return c, app
}

func (m *matrix) newAppeal() string {
	c, app := m.drawnCorridor()
	a := m.must(201, "POST", c+"/appeals", "memberA", fmt.Sprintf(`{"application_id":%d,"grounds":"Domisili kami di Maros"}`, app))
	return fmt.Sprintf("%s/appeals/%d", c, idOf(a))
}

func corridorMatrixRows() []matrixRow {
	drawn := func(m *matrix) string {
		return m.once("drawn corridor", func() string { c, _ := m.drawnCorridor(); return c })
	}
	ksdd := func(m *matrix) string {
		return fmt.Sprintf(`{"agreement_id":%d}`, lastID(m.once("agreement", m.newAgreement)))
	}
	//                                                                sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		{"GET /corridors", "AAAAAAA", getRow("/api/v1/corridors")},
		// organisation admins of the owner (or of a managing organisation)
		{"POST /corridors — owned by orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "POST", "/api/v1/corridors", m.corridorBody()
		}},
		{"GET /corridors/{id} — of orgA", "AAAAAAA", func(m *matrix) (string, string, string) { return "GET", drawn(m), "" }},
		{"POST /corridors/{id}/plans — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newCorridor() + "/plans", `{"region_code":"73.09","tariff_cap":50000,"hiring_target_percent":60,"hired_total":120,"hired_local":80}`
		}},
		{"POST /corridors/{id}/agreements — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newCorridor() + "/agreements", ksdd(m)
		}},
		{"DELETE /corridors/{id}/agreements/{agreement_id} — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			c := m.newCorridor()
			m.must(201, "POST", c+"/agreements", "memberA", ksdd(m))
			return "DELETE", fmt.Sprintf("%s/agreements/%d", c, lastID(m.shared["agreement"])), ""
		}},
		// business owners' names are for managers; the list is for logged-in accounts
		{"GET /corridors/{id}/applications — of orgA", "AAAAUAA", func(m *matrix) (string, string, string) { return "GET", drawn(m) + "/applications", "" }},
		{"POST /corridors/{id}/applications — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			c := m.newCorridor()
			return "POST", c + "/applications", m.applicationBody(m.station(c))
		}},
		{"POST /corridors/{id}/commit — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newCorridor() + "/commit", fmt.Sprintf(`{"commitment":%q,"applications_close_at":%q}`, corridor.Commit(corridorSeed), time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339))
		}},
		{"POST /corridors/{id}/close — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			c := m.newCorridor()
			m.must(201, "POST", c+"/commit", "memberA", fmt.Sprintf(`{"commitment":%q,"applications_close_at":%q}`, corridor.Commit(corridorSeed), time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339)))
			return "POST", c + "/close", ""
		}},
		{"POST /corridors/{id}/draw — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			c, _ := m.closedCorridor()
			return "POST", c + "/draw", drawBody()
		}},
		// the draw and its record are public: anyone can verify it
		{"GET /corridors/{id}/draws — of orgA", "AAAAAAA", func(m *matrix) (string, string, string) { return "GET", drawn(m) + "/draws", "" }},
		{"GET /corridors/{id}/draws/{draw_id} — of orgA", "AAAAAAA", func(m *matrix) (string, string, string) {
			d := m.must(200, "GET", drawn(m)+"/draws", "", "")["items"].([]any)[0].(map[string]any)
			return "GET", fmt.Sprintf("%s/draws/%d", drawn(m), int64(d["id"].(float64))), ""
		}},
		{"GET /corridors/{id}/appeals — of orgA", "AAAAAAA", func(m *matrix) (string, string, string) { return "GET", drawn(m) + "/appeals", "" }},
		{"POST /corridors/{id}/appeals — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			c, app := m.drawnCorridor()
			return "POST", c + "/appeals", fmt.Sprintf(`{"application_id":%d,"grounds":"Domisili kami di Maros"}`, app)
		}},
		{"POST /corridors/{id}/appeals/{appeal_id}/decision — of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "POST", m.newAppeal() + "/decision", `{"outcome":"rejected","decision":"NIB terdaftar di Kota Bandung"}`
		}},
	}
}

// ---- notifications: every account its own ----

func notificationMatrixRows() []matrixRow {
	//                                                                sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		{"GET /notifications", "AAAAUAA", getRow("/api/v1/notifications")},
		// a new proposal in forumPub notifies its deciding member orgB
		{"POST /notifications/{id}/read — partnerB's", "NNNAUNN", func(m *matrix) (string, string, string) {
			m.newProposal(m.forumPub)
			items := m.must(200, "GET", "/api/v1/notifications?unread=true", "partnerB", "")["items"].([]any)
			return "POST", fmt.Sprintf("/api/v1/notifications/%d/read", idOf(items[0].(map[string]any))), ""
		}},
		{"POST /notifications/read-all", "AAAAUAA", func(*matrix) (string, string, string) { return "POST", "/api/v1/notifications/read-all", "" }},
		{"GET /me/notification-preferences", "AAAAUAA", getRow("/api/v1/me/notification-preferences")},
		{"PUT /me/notification-preferences", "AAAAUAA", func(*matrix) (string, string, string) {
			return "PUT", "/api/v1/me/notification-preferences", `{"email":{"proposal_new":"immediate"}}`
		}},
	}
}

// ---- decision methods: ballots by deciding members only ----

func ballotMatrixRows() []matrixRow {
	//                                                                sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		{"POST /proposals/{id}/ballots — score poll, public forum", "FFFAUFF", func(m *matrix) (string, string, string) {
			r := m.must(201, "POST", m.forumPub+"/proposals", "memberA", fmt.Sprintf(`{"title":"Prioritas %d","body":"Beri skor.","closes_at":%q,"method":"score","settings":{"options":["Maros","Pangkep"],"score_min":1,"score_max":5}}`, m.n(), m.soon))
			return "POST", fmt.Sprintf("/api/v1/proposals/%d/ballots", idOf(r)), `{"scores":{"Maros":5,"Pangkep":3}}`
		}},
	}
}
