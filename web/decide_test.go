package web_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// proposalResult is the part of GET /api/v1/proposals/{id} these tests read.
type proposalResult struct {
	Method  string          `json:"method"`
	Options json.RawMessage `json:"options"`
	Result  *struct {
		Visible  bool                    `json:"visible"`
		Closed   bool                    `json:"closed"`
		Ballots  int                     `json:"ballots"`
		Status   string                  `json:"status"`
		Winners  []string                `json:"winners"`
		Counts   []map[string]any        `json:"counts"`
		Outcome  struct{ ID, EN string } `json:"outcome"`
		Decision string                  `json:"decision"`
	} `json:"result"`
	Ballots []map[string]any `json:"ballots"`
}

func decodeProposal(t *testing.T, r resp) proposalResult {
	t.Helper()
	var p proposalResult
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("%v: %s", err, r.body)
	}
	return p
}

// Other ways to decide through the API, every response validated against
// the OpenAPI document: settings checked, ballots by deciding members only,
// results hidden until closing, no ballot after it.
func TestDecideMethodsAPI(t *testing.T) {
	e := newForumEnv(t)
	c := &contract{t: t, e: e.env, doc: loadAPIDoc(t), seen: map[string][]int{}}
	forum := e.forumWithMembers(t, "public")
	soon := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)

	// settings are checked by decide.Settings.Validate, fields named
	r := c.call(400, "POST", forum+"/proposals", "memberA", `{"title":"Prioritas stasiun","body":"Pilih","closes_at":"`+soon+`","method":"score","settings":{"options":["Maros"]}}`)
	if !strings.Contains(string(r.body), "settings.options") {
		t.Errorf("options problem not named: %s", r.body)
	}
	c.call(400, "POST", forum+"/proposals", "memberA", `{"title":"Prioritas stasiun","body":"Pilih","closes_at":"`+soon+`","method":"score","settings":{"options":["A","B"],"score_min":5,"score_max":1}}`)
	c.call(400, "POST", forum+"/proposals", "memberA", `{"title":"Prioritas stasiun","body":"Pilih","closes_at":"`+soon+`","method":"lottery"}`)
	c.call(400, "POST", forum+"/proposals", "memberA", `{"title":"Prioritas stasiun","body":"Pilih","closes_at":"`+soon+`","method":"dot_vote","settings":{"options":["A","B"],"colour":"red"}}`)
	c.call(400, "POST", forum+"/proposals", "memberA", `{"title":"Prioritas stasiun","body":"Pilih","closes_at":"`+soon+`","method":"dot_vote","settings":[1]}`)

	// a score poll with hidden results
	r = c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Prioritas stasiun","body":"Beri skor tiap lokasi.","closes_at":"`+soon+`","method":"score","settings":{"options":["Maros","Pangkep","Barru"],"score_min":1,"score_max":5,"hide_results":true,"reasons":"required"}}`)
	score := fmt.Sprintf("/api/v1/proposals/%d", c.id(r))
	p := decodeProposal(t, r)
	if p.Method != "score" || p.Result == nil || p.Result.Visible || p.Result.Ballots != 0 {
		t.Fatalf("new score poll: %s", r.body)
	}
	c.call(403, "POST", score+"/ballots", "partnerC", `{"scores":{"Maros":5,"Pangkep":3,"Barru":1},"reason":"Dekat"}`)
	r = c.call(403, "POST", score+"/ballots", "adminD", `{"scores":{"Maros":5,"Pangkep":3,"Barru":1},"reason":"Dekat"}`)
	if !strings.Contains(string(r.body), "anggota") {
		t.Errorf("403 without the reason: %s", r.body)
	}
	c.call(401, "POST", score+"/ballots", "", `{"scores":{"Maros":5}}`)
	c.call(400, "POST", score+"/ballots", "partnerB", `{"scores":{"Maros":9,"Pangkep":3,"Barru":1},"reason":"Dekat"}`)
	c.call(400, "POST", score+"/ballots", "partnerB", `{"scores":{"Maros":5,"Pangkep":3,"Barru":1}}`) // reason required
	c.call(400, "POST", score+"/ballots", "partnerB", `{"scores":{"Maros":"lima"}}`)
	c.call(400, "POST", score+"/ballots", "partnerB", `{"votes":1}`)
	c.call(409, "POST", score+"/positions", "partnerB", `{"position":"agree"}`)
	c.call(200, "POST", score+"/ballots", "partnerB", `{"scores":{"Maros":2,"Pangkep":3,"Barru":1},"reason":"Awal"}`)
	r = c.call(200, "POST", score+"/ballots", "partnerB", `{"scores":{"Maros":5,"Pangkep":3,"Barru":1},"reason":"Lahan siap"}`)
	p = decodeProposal(t, r)
	if p.Result.Visible || p.Result.Ballots != 1 || len(p.Result.Counts) != 0 || p.Ballots != nil {
		t.Fatalf("hidden result shows more than the count: %s", r.body)
	}
	c.call(404, "POST", "/api/v1/proposals/999999/ballots", "partnerB", `{"scores":{}}`)
	tag := c.call(200, "GET", score, "memberA", "").header.Get("ETag")
	c.call(200, "POST", score+"/close", "memberA", `{"outcome":"Maros didahulukan.","review_date":"2027-06-30"}`, "If-Match", tag)
	r = c.call(200, "GET", score, "", "")
	p = decodeProposal(t, r)
	if !p.Result.Visible || !p.Result.Closed || p.Result.Status != "decided" || !slices.Equal(p.Result.Winners, []string{"Maros"}) || len(p.Ballots) != 1 {
		t.Fatalf("closed result: %s", r.body)
	}
	c.call(409, "POST", score+"/ballots", "partnerB", `{"scores":{"Maros":1,"Pangkep":3,"Barru":5},"reason":"Berubah"}`)

	// consensus stays the default, and takes positions, not ballots
	r = c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Di Turikale.","closes_at":"`+soon+`"}`)
	cons := fmt.Sprintf("/api/v1/proposals/%d", c.id(r))
	if p := decodeProposal(t, r); p.Method != "consensus" || p.Result != nil {
		t.Errorf("default method: %s", r.body)
	}
	c.call(409, "POST", cons+"/ballots", "partnerB", `{"choice":"agree"}`)
	c.call(200, "POST", cons+"/positions", "partnerB", `{"position":"agree"}`)

	// an advice process: the advice-seeker (the tabling organisation) decides
	r = c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Jalur pejalan kaki","body":"Mohon saran.","closes_at":"`+soon+`","method":"advice"}`)
	advice := fmt.Sprintf("/api/v1/proposals/%d", c.id(r))
	c.call(200, "POST", advice+"/ballots", "partnerB", `{"choice":"concern","reason":"Lebar trotoar"}`)
	c.call(400, "POST", advice+"/ballots", "partnerB", `{"choice":"decision","reason":"Saya putuskan"}`)
	r = c.call(200, "POST", advice+"/ballots", "memberA", `{"choice":"decision","reason":"Trotoar 3 meter"}`)
	if p := decodeProposal(t, r); p.Result.Decision != "Trotoar 3 meter" || !p.Result.Visible {
		t.Errorf("advice decision: %s", r.body)
	}

	// a consent process with visible results
	r = c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Jadwal rapat bulanan","body":"Setiap Senin pertama.","closes_at":"`+soon+`","method":"consent"}`)
	consent := fmt.Sprintf("/api/v1/proposals/%d", c.id(r))
	c.call(400, "POST", consent+"/ballots", "partnerB", `{"choice":"object"}`)
	r = c.call(200, "POST", consent+"/ballots", "partnerB", `{"choice":"consent"}`)
	if p := decodeProposal(t, r); !p.Result.Visible || p.Result.Ballots != 1 || len(p.Ballots) != 1 {
		t.Errorf("consent result: %s", r.body)
	}

	for _, op := range []string{"POST /api/v1/proposals/{id}/ballots"} {
		sts := c.seen[op]
		if !slices.ContainsFunc(sts, func(s int) bool { return s == 200 }) || !slices.Contains(sts, 400) || !slices.Contains(sts, 403) || !slices.Contains(sts, 409) {
			t.Errorf("%s: saw %v", op, sts)
		}
	}
}

// The web pages: the new-proposal form offers the methods with their
// Indonesian labels; a dot vote gets its ballot form; a hidden result shows
// only the count until closing, then a table.
func TestDecideMethodsPages(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	fid := strings.TrimPrefix(forum, "/api/v1/forums/")
	a := e.browser()
	e.login(a, "memberA@sinergi.test")
	st, body := get(t, a, e.srv.URL+"/forums/"+fid)
	if st != 200 || !strings.Contains(body, "Pembagian titik") || !strings.Contains(body, `name="method"`) || !strings.Contains(body, "Musyawarah mufakat") {
		t.Fatalf("new-proposal form lacks the methods: %d", st)
	}
	day := time.Now().Add(72 * time.Hour).In(time.FixedZone("WITA", 8*3600)).Format("2006-01-02")
	form := url.Values{"title": {"Alokasi dana pendamping"}, "body": {"Bagikan titik."}, "close_date": {day}, "close_time": {"17:00"}, "time_zone": {"WITA"},
		"method": {"dot_vote"}, "options": {"Halte\nTrotoar"}, "dots_per_voter": {"abc"}, "reasons": {"optional"}, "hide_results": {"1"}}
	res, err := a.PostForm(e.srv.URL+"/forums/"+fid+"/proposals", form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Fatalf("bad dots: status %d", res.StatusCode)
	}
	form.Set("options", "Halte")
	form.Set("dots_per_voter", "10")
	res, _ = a.PostForm(e.srv.URL+"/forums/"+fid+"/proposals", form)
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Fatalf("one option: status %d", res.StatusCode)
	}
	form.Set("options", "Halte\nTrotoar\nParkir sepeda")
	res, _ = a.PostForm(e.srv.URL+"/forums/"+fid+"/proposals", form)
	res.Body.Close()
	loc := res.Header.Get("Location")
	if res.StatusCode != 303 || !strings.HasPrefix(loc, "/proposals/") {
		t.Fatalf("create dot vote: %d %s", res.StatusCode, loc)
	}

	b := e.browser()
	e.login(b, "partnerB@sinergi.test")
	_, body = get(t, b, e.srv.URL+loc)
	if !strings.Contains(body, `name="dots.0"`) || !strings.Contains(body, "Hasil disembunyikan") {
		t.Fatalf("ballot form or hidden result missing:\n%s", body)
	}
	res, _ = b.PostForm(e.srv.URL+loc+"/ballots", url.Values{"dots.0": {"7"}, "dots.1": {"8"}})
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Fatalf("too many dots: %d", res.StatusCode)
	}
	res, _ = b.PostForm(e.srv.URL+loc+"/ballots", url.Values{"dots.0": {"6"}, "dots.1": {"4"}})
	res.Body.Close()
	if res.StatusCode != 303 {
		t.Fatalf("ballot: %d", res.StatusCode)
	}
	_, body = get(t, b, e.srv.URL+loc)
	if strings.Contains(body, `data-testid="result"`) || !strings.Contains(body, "1 suara masuk") || !strings.Contains(body, `data-testid="my-ballot"`) {
		t.Fatalf("hidden result shows:\n%s", body)
	}
	c := e.browser()
	e.login(c, "partnerC@sinergi.test")
	if _, body = get(t, c, e.srv.URL+loc); !strings.Contains(body, `data-testid="ballot-refused"`) {
		t.Error("consulted member not told why it cannot vote")
	}
	_, body = get(t, a, e.srv.URL+loc)
	res, _ = a.PostForm(e.srv.URL+loc+"/close", url.Values{"outcome": {"Halte didahulukan."}, "review_date": {"2027-06-30"}})
	res.Body.Close()
	_, body = get(t, a, e.srv.URL+loc)
	if !strings.Contains(body, `data-testid="result"`) || !strings.Contains(body, "Halte") || !strings.Contains(body, `class="bar-agree"`) || !strings.Contains(body, `data-testid="ballots"`) {
		t.Fatalf("closed result table missing:\n%s", body)
	}
	if _, body = get(t, a, e.srv.URL+"/forums/"+fid); !strings.Contains(body, `data-testid="method"`) {
		t.Error("forum page does not name the method")
	}
}

// Whatever arrives at the ballot and proposal endpoints, the answer is a
// 2xx or a 4xx, never a 5xx.
func TestDecideOddBodies(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	soon := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	ids := map[string]string{}
	for _, m := range []string{"advice", "consent", "sense_check", "score", "ranked_choice", "dot_vote", "time_poll"} {
		r := e.do("POST", forum+"/proposals", "memberA", `{"title":"Uji `+m+`","body":"x","closes_at":"`+soon+`","method":"`+m+`","settings":{"options":["A","B","C"]}}`)
		if r.status != 201 {
			t.Fatalf("%s: %d %s", m, r.status, r.body)
		}
		ids[m] = fmt.Sprintf("/api/v1/proposals/%d", int64(r.json(t)["id"].(float64)))
	}
	bodies := []string{`{}`, `{"choice":"support"}`, `{"choice":"decision"}`, `{"choice":"object","reason":"x"}`, `{"scores":{"A":-1000000,"B":9223372036854775807}}`,
		`{"scores":{"A":1,"B":2,"C":3,"D":4}}`, `{"ranking":["A","A","B"]}`, `{"ranking":["Z"]}`, `{"dots":{"A":-5,"B":20}}`, `{"dots":{"A":1e3}}`,
		`{"slots":{"A":"perhaps"}}`, `{"slots":{"A":"yes","B":"maybe"}}`, `{"reason":"` + strings.Repeat("é", 6000) + `"}`, `{"voter_id":"org:1"}`, `null`, `[]`, `{`, ``}
	for m, p := range ids {
		for _, b := range bodies {
			for _, who := range []string{"partnerB", "memberA", "partnerC"} {
				if r := e.do("POST", p+"/ballots", who, b); r.status >= 500 {
					t.Errorf("%s %s as %s: %d %s", m, b, who, r.status, r.body)
				}
			}
		}
		if r := e.do("GET", p, "", ""); r.status != 200 {
			t.Errorf("%s: GET %d", m, r.status)
		}
	}
	for _, s := range []string{`{"options":null}`, `{"options":[""]}`, `{"score_min":-99999999999}`, `{"dots_per_voter":0}`, `{"reasons":"sometimes"}`, `{"decider":"` + strings.Repeat("x", 500) + `"}`,
		`{"method":"score"}`, `"x"`, `{"options":[1]}`} {
		for _, m := range []string{"score", "advice", "dot_vote", "consensus"} {
			if r := e.do("POST", forum+"/proposals", "memberA", `{"title":"Uji","body":"x","closes_at":"`+soon+`","method":"`+m+`","settings":`+s+`}`); r.status >= 500 {
				t.Errorf("%s %s: %d %s", m, s, r.status, r.body)
			}
		}
	}
}
