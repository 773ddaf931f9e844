package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// Every rule violation code of the contract, through the API.
func TestAssistanceAPIRules(t *testing.T) {
	e, p := bkEnv(t)
	const api = "/api/v1/assistance-requests"
	tests := []struct {
		name, who, body string
		status          int
		code, citation  string
	}{
		{"no ground", "memberA", strings.Replace(bkBody(e, p.ID, ""), `["d"]`, `[]`, 1), 422, "BK-GROUND", "UU 30/2014 Pasal 35 ayat (1)"},
		{"ground f", "memberA", strings.Replace(bkBody(e, p.ID, ""), `["d"]`, `["f"]`, 1), 422, "BK-GROUND", ""},
		{"same organisation", "memberA", bkBody(e, e.orgA.ID, ""), 422, "X-AGENCY", "UU 30/2014 Pasal 34 ayat (4)"},
		{"company as provider", "memberA", bkBody(e, e.orgB.ID, ""), 422, "X-AGENCY", ""},
		{"responsibility without basis", "memberA", bkBody(e, p.ID, `,"responsibility":"provider"`), 422, "BK-RESP", "UU 30/2014 Pasal 37"},
		{"grounds not a list", "memberA", strings.Replace(bkBody(e, p.ID, ""), `["d"]`, `"d"`, 1), 400, "invalid", ""},
		{"ground of wrong type", "memberA", strings.Replace(bkBody(e, p.ID, ""), `["d"]`, `[4]`, 1), 400, "invalid", ""},
		{"cost as text", "memberA", strings.Replace(bkBody(e, p.ID, ""), `"cost_estimate":0`, `"cost_estimate":"banyak"`, 1), 400, "invalid", ""},
		{"negative cost", "memberA", strings.Replace(bkBody(e, p.ID, ""), `"cost_estimate":0`, `"cost_estimate":-1`, 1), 400, "invalid", ""},
		{"huge cost", "memberA", strings.Replace(bkBody(e, p.ID, ""), `"cost_estimate":0`, `"cost_estimate":1e30`, 1), 400, "invalid", ""},
		{"bad date", "memberA", strings.Replace(bkBody(e, p.ID, ""), `2026-12-15`, `15/12/2026`, 1), 400, "invalid", ""},
		{"unknown field", "memberA", bkBody(e, p.ID, `,"colour":"red"`), 400, "invalid", ""},
		{"partner", "partnerB", bkBody(e, p.ID, ""), 403, "forbidden", ""},
		{"other organisation", "memberP", bkBody(e, p.ID, ""), 403, "forbidden", ""},
		{"public", "", bkBody(e, p.ID, ""), 401, "unauthorized", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problem(t, e.do("POST", api, tt.who, tt.body), tt.status, tt.code, tt.citation)
		})
	}
	if r := e.do("GET", api, "sys", ""); !strings.Contains(string(r.body), `"total":0`) {
		t.Fatalf("something was stored: %s", r.body)
	}
	// a field named in a 400
	r := e.do("POST", api, "memberA", strings.Replace(bkBody(e, p.ID, ""), `2026-12-15`, `kemarin`, 1))
	if !strings.Contains(string(r.body), `"field":"needed_by"`) {
		t.Errorf("400 does not name the field: %s", r.body)
	}

	// refusal rules, cost rules and the emergency
	id := func(body string) string {
		r := e.do("POST", api, "memberA", body)
		if r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		n := fmt.Sprint(int64(r.json(t)["id"].(float64)))
		if r := e.do("POST", api+"/"+n+"/submit", "memberA", ""); r.status != 200 {
			t.Fatalf("submit: %d %s", r.status, r.body)
		}
		return api + "/" + n
	}
	plain := id(bkBody(e, p.ID, ""))
	problem(t, e.do("POST", plain+"/refuse", "memberP", `{"ground":"d","reason":"Bukan kewenangan"}`), 422, "BK-REFUSE", "UU 30/2014 Pasal 36 ayat (1)")
	problem(t, e.do("POST", plain+"/refuse", "memberP", `{"ground":"a","reason":"  "}`), 422, "BK-WRITTEN", "UU 30/2014 Pasal 36 ayat (2)")
	problem(t, e.do("POST", plain+"/refuse", "memberP", `{"ground":"a"}`), 422, "BK-WRITTEN", "")
	problem(t, e.do("POST", plain+"/refuse", "memberA", `{"ground":"a","reason":"x"}`), 403, "forbidden", "")
	problem(t, e.do("POST", plain+"/accept", "memberA", ``), 403, "forbidden", "")
	problem(t, e.do("POST", plain+"/cancel", "memberP", ``), 403, "forbidden", "")
	problem(t, e.do("POST", plain+"/refuse", "memberP", `{"ground":1}`), 400, "invalid", "")

	urgent := id(bkBody(e, p.ID, `,"emergency":true,"emergency_justification":"Banjir di jalur kereta"`))
	problem(t, e.do("POST", urgent+"/refuse", "memberP", `{"ground":"a","reason":"Tenaga terbatas"}`), 422, "BK-EMERGENCY", "UU 30/2014 Pasal 36 ayat (3)")
	if r := e.do("GET", urgent, "memberA", ""); !strings.Contains(string(r.body), `"refuse_blocked"`) || !strings.Contains(string(r.body), `"status":"submitted"`) {
		t.Errorf("the refusal attempt is not in the history: %s", r.body)
	}

	costly := id(strings.Replace(bkBody(e, p.ID, `,"activity":"Survei lalu lintas 2026"`), `"cost_estimate":0`, `"cost_estimate":1500000`, 1))
	share := func(org int64, amount int, line string) string {
		return fmt.Sprintf(`{"organization_id":%d,"amount":%d,"funding_source":"APBD","budget_line":%q}`, org, amount, line)
	}
	put := func(shares ...string) resp {
		return e.do("PUT", costly+"/cost-sharing", "memberA", `{"shares":[`+strings.Join(shares, ",")+`]}`)
	}
	problem(t, put(share(e.orgA.ID, 1000000, "1.02")), 422, "BK-COST", "UU 30/2014 Pasal 35 ayat (2) dan Penjelasannya")
	problem(t, put(share(e.orgA.ID, 750000, "1.02"), share(p.ID, 750000, "1.02")), 422, "BK-COST", "")
	problem(t, put(share(e.orgB.ID, 1500000, "1.02")), 422, "BK-COST", "")
	problem(t, put(`{"organization_id":1,"amount":5,"funding_source":"hutang","budget_line":""}`), 400, "invalid", "")
	if r := put(share(e.orgA.ID, 1000000, "1.02.01"), share(p.ID, 500000, "2.01.03")); r.status != 200 {
		t.Fatalf("shares: %d %s", r.status, r.body)
	}
	if r := e.do("POST", costly+"/accept", "adminP", ""); r.status != 200 {
		t.Fatalf("accept: %d %s", r.status, r.body)
	}
	problem(t, e.do("POST", costly+"/start", "adminP", ""), 422, "BK-COST", "")
	e.do("POST", costly+"/cost-sharing/confirm", "memberA", "")
	e.do("POST", costly+"/cost-sharing/confirm", "memberP", "")
	if r := e.do("POST", costly+"/start", "adminP", `{"note":"Tim berangkat Senin"}`); r.status != 200 {
		t.Fatalf("start after agreement: %d %s", r.status, r.body)
	}
	other := id(strings.Replace(bkBody(e, p.ID, `,"activity":"Survei lalu lintas 2026"`), `"cost_estimate":0`, `"cost_estimate":1000000`, 1))
	problem(t, e.do("PUT", other+"/cost-sharing", "memberA", `{"shares":[`+share(e.orgA.ID, 1000000, "1.02.01")+`]}`), 422, "BK-COST", "")

	// nothing wrong ever gives a 500
	for _, path := range []string{api + "/0", api + "/abc", api + "/99999999999999999999", api + "?status=lost", api + "?overdue=maybe", api + "?limit=-1"} {
		if r := e.do("GET", path, "memberA", ""); r.status >= 500 || r.status < 400 {
			t.Errorf("GET %s: %d", path, r.status)
		}
	}
}

// Accept and refuse at once over HTTP: one wins, the other gets 409.
func TestAssistanceAPIConcurrentAnswers(t *testing.T) {
	e, p := bkEnv(t)
	r := e.do("POST", "/api/v1/assistance-requests", "memberA", bkBody(e, p.ID, ""))
	path := fmt.Sprintf("/api/v1/assistance-requests/%d", int64(r.json(t)["id"].(float64)))
	e.do("POST", path+"/submit", "memberA", "")
	got := make(chan int, 2)
	go func() { got <- e.do("POST", path+"/accept", "adminP", "").status }()
	go func() {
		got <- e.do("POST", path+"/refuse", "memberP", `{"ground":"a","reason":"Tenaga terbatas"}`).status
	}()
	a, b := <-got, <-got
	if !(a == 200 && b == 409 || a == 409 && b == 200) {
		t.Fatalf("statuses %d and %d, want 200 and 409", a, b)
	}
}
