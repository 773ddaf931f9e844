package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestRegionsContract(t *testing.T) {
	e := newEnv(t)
	r := e.do("GET", "/api/v1/regions/73.09", "", "")
	if r.status != 200 || r.json(t)["name"] != "Kabupaten Maros" {
		t.Fatalf("got %d %s", r.status, r.body)
	}
	r = e.do("GET", "/api/v1/regions?level=regency", "", "")
	if r.status != 200 || r.json(t)["total"] != float64(514) {
		t.Fatalf("got %d %s", r.status, r.body)
	}
	for _, p := range []string{"/api/v1/regions/99.99", "/api/v1/regions/%00", "/api/v1/regions/" + strings.Repeat("7", 5000)} {
		if r := e.do("GET", p, "", ""); r.status != 404 {
			t.Errorf("%s: got %d, want 404", p[:min(len(p), 40)], r.status)
		}
	}
	if r := e.do("GET", "/api/v1/regions?level=planet", "", ""); r.status != 400 {
		t.Errorf("bad level: got %d", r.status)
	}
}

func TestOrganizationsAPI(t *testing.T) {
	e := newEnv(t)
	ok := `{"name":"Dinas Perhubungan Kabupaten Barru","sector":"regency_government","region_code":"73.11"}`
	tests := []struct {
		name, who, body string
		want            int
		field           string
	}{
		{"public cannot create", "", ok, 401, ""},
		{"member cannot create", "memberA", ok, 403, ""},
		{"malformed JSON", "adminA", `{"name":`, 400, ""},
		{"not an object", "adminA", `[1,2]`, 400, ""},
		{"two objects", "adminA", ok + ok, 400, ""},
		{"empty body", "adminA", ``, 400, ""},
		{"unknown field", "adminA", `{"name":"Dinas X","sector":"community","colour":"red"}`, 400, "colour"},
		{"wrong type", "adminA", `{"name":42,"sector":"community"}`, 400, "name"},
		{"parent wrong type", "adminA", `{"name":"Dinas X","sector":"community","parent_id":"satu"}`, 400, "parent_id"},
		{"impossible region", "adminA", `{"name":"Dinas X","sector":"community","region_code":"99.99"}`, 400, "region_code"},
		{"unknown sector", "adminA", `{"name":"Dinas X","sector":"guild"}`, 400, "sector"},
		{"missing parent", "adminA", `{"name":"Dinas X","sector":"community","parent_id":987654}`, 400, "parent_id"},
		{"oversized", "adminA", `{"name":"` + strings.Repeat("a", 2<<20) + `","sector":"community"}`, 400, ""},
		{"org admin creates", "adminA", ok, 201, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.do("GET", "/api/v1/organizations", "", "").json(t)["total"]
			r := e.do("POST", "/api/v1/organizations", tt.who, tt.body)
			if r.status != tt.want {
				t.Fatalf("got %d, want %d: %s", r.status, tt.want, r.body)
			}
			after := e.do("GET", "/api/v1/organizations", "", "").json(t)["total"]
			if tt.want >= 400 {
				if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("content type %q", ct)
				}
				p := r.json(t)
				if p["status"] != float64(tt.want) || p["code"] == "" || p["detail"] == "" {
					t.Fatalf("problem document incomplete: %s", r.body)
				}
				if tt.field != "" && !strings.Contains(string(r.body), `"field":"`+tt.field+`"`) {
					t.Fatalf("problem does not name field %s: %s", tt.field, r.body)
				}
				if before != after {
					t.Fatalf("a rejected request changed the data: %v → %v", before, after)
				}
			}
		})
	}
	r := e.do("GET", "/api/v1/organizations?q=barru&sector=regency_government", "", "")
	if m := r.json(t); m["total"] != float64(1) {
		t.Fatalf("filter: %s", r.body)
	}
	for _, q := range []string{"?sector=guild", "?limit=-1", "?offset=x", "?public=maybe", "?parent_id=0"} {
		if r := e.do("GET", "/api/v1/organizations"+q, "", ""); r.status != 400 {
			t.Errorf("%s: got %d, want 400", q, r.status)
		}
	}
}

func TestETagIfMatch(t *testing.T) {
	e := newEnv(t)
	path := fmt.Sprintf("/api/v1/organizations/%d", e.orgA.ID)
	r := e.do("GET", path, "", "")
	tag := r.header.Get("ETag")
	if r.status != 200 || tag == "" {
		t.Fatalf("got %d etag %q", r.status, tag)
	}
	r = e.do("PATCH", path, "adminA", `{"acronym":"Pemkab Maros"}`, "If-Match", tag)
	if r.status != 200 || r.json(t)["acronym"] != "Pemkab Maros" || r.json(t)["name"] != "Pemerintah Kabupaten Maros" {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	if r := e.do("PATCH", path, "adminA", `{"acronym":"X"}`, "If-Match", tag); r.status != 412 {
		t.Fatalf("stale If-Match: got %d, want 412", r.status)
	}
	if r := e.do("PATCH", path, "adminA", `{"acronym":"X"}`, "If-Match", `"garbage"`); r.status != 412 {
		t.Fatalf("malformed If-Match: got %d, want 412", r.status)
	}
	if r := e.do("PATCH", path, "partnerB", `{"acronym":"X"}`); r.status != 403 {
		t.Fatalf("other organisation's partner: got %d, want 403", r.status)
	}
	if r := e.do("GET", "/api/v1/organizations/999999", "", ""); r.status != 404 {
		t.Fatalf("unknown id: got %d", r.status)
	}
	if r := e.do("GET", "/api/v1/organizations/abc", "", ""); r.status != 404 {
		t.Fatalf("bad id: got %d", r.status)
	}
}

func TestProblemLanguage(t *testing.T) {
	e := newEnv(t)
	id := e.do("POST", "/api/v1/organizations", "adminA", `{"sector":"community"}`).json(t)
	en := e.do("POST", "/api/v1/organizations", "adminA", `{"sector":"community"}`, "Accept-Language", "en-GB,en;q=0.9").json(t)
	if id["detail"] == en["detail"] || !strings.Contains(en["detail"].(string), "problem") {
		t.Fatalf("id %q / en %q", id["detail"], en["detail"])
	}
}

func TestAuthErrors(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, auth string
		want       int
	}{
		{"no credentials", "", 401},
		{"wrong scheme", "Basic YWJjOmRlZg==", 401},
		{"unknown token", "Bearer sng_nope", 401},
		{"valid", "Bearer " + e.tokens["memberA"], 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do("GET", "/api/v1/me", "", "", "Authorization", tt.auth)
			if r.status != tt.want {
				t.Fatalf("got %d, want %d", r.status, tt.want)
			}
		})
	}
	if r := e.do("GET", "/api/v1/audit", "memberA", ""); r.status != 403 {
		t.Fatalf("member reading audit: got %d", r.status)
	}
	if r := e.do("GET", "/api/v1/audit", "sys", ""); r.status != 200 {
		t.Fatalf("admin reading audit: got %d", r.status)
	}
	if r := e.do("GET", "/api/v1/nothing-here", "", ""); r.status != 404 || r.header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("unknown route: %d %s", r.status, r.header.Get("Content-Type"))
	}
}

func TestUnitsPeopleAPI(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", fmt.Sprintf("/api/v1/organizations/%d/units", e.orgA.ID), "adminA", `{"name":"Dinas Perhubungan","kind":"opd"}`)
	if r.status != 201 {
		t.Fatalf("unit: %d %s", r.status, r.body)
	}
	unit := r.json(t)["id"].(float64)
	r = e.do("POST", fmt.Sprintf("/api/v1/organizations/%d/people", e.orgA.ID), "adminA", fmt.Sprintf(`{"name":"Rahmat Contoh","nip":"198703152010011002","unit_id":%d}`, int(unit)))
	if r.status != 201 {
		t.Fatalf("person: %d %s", r.status, r.body)
	}
	if r := e.do("POST", fmt.Sprintf("/api/v1/organizations/%d/people", e.orgA.ID), "adminA", `{"name":"X Y","nip":"123"}`); r.status != 400 || !strings.Contains(string(r.body), `"nip"`) {
		t.Fatalf("bad NIP: %d %s", r.status, r.body)
	}
	if r := e.do("GET", fmt.Sprintf("/api/v1/organizations/%d/people", e.orgA.ID), "", ""); r.status != 401 {
		t.Fatalf("public reading people: got %d", r.status)
	}
	if r := e.do("GET", fmt.Sprintf("/api/v1/organizations/%d/people", e.orgA.ID), "partnerB", ""); r.status != 200 || r.json(t)["total"] != float64(1) {
		t.Fatalf("people: %d %s", r.status, r.body)
	}
	if r := e.do("DELETE", fmt.Sprintf("/api/v1/units/%d", int(unit)), "memberA", ""); r.status != 403 {
		t.Fatalf("member deleting unit: got %d", r.status)
	}
	if r := e.do("DELETE", fmt.Sprintf("/api/v1/units/%d", int(unit)), "adminA", ""); r.status != http.StatusNoContent {
		t.Fatalf("delete unit: got %d %s", r.status, r.body)
	}
}

func TestOperations(t *testing.T) {
	e := newEnv(t)
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready", "/metrics": "sinergi_http_requests_total"} {
		e.do("GET", "/api/v1/sectors", "", "") // something to count
		r := e.do("GET", path, "", "")
		if r.status != 200 || !strings.Contains(string(r.body), want) {
			t.Errorf("%s: %d %.200s", path, r.status, r.body)
		}
	}
	r := e.do("GET", "/", "", "")
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "X-Request-Id"} {
		if r.header.Get(h) == "" {
			t.Errorf("missing header %s", h)
		}
	}
}

func TestOrganizationListCache(t *testing.T) {
	e := newEnv(t)
	first := e.do("GET", "/api/v1/organizations?sector=community", "", "")
	if first.json(t)["total"] != float64(0) {
		t.Fatalf("got %s", first.body)
	}
	tag := first.header.Get("ETag")
	if r := e.do("GET", "/api/v1/organizations?sector=community", "", "", "If-None-Match", tag); r.status != http.StatusNotModified {
		t.Fatalf("unchanged list with its ETag: got %d, want 304", r.status)
	}
	// a write through the API, and one straight into the database (another
	// server copy or a tool), both show at once
	e.do("POST", "/api/v1/organizations", "adminA", `{"name":"Komunitas Rel Maros","sector":"community"}`)
	if r := e.do("GET", "/api/v1/organizations?sector=community", "", "", "If-None-Match", tag); r.status != 200 || r.json(t)["total"] != float64(1) {
		t.Fatalf("after a create: %d %s", r.status, r.body)
	}
	if _, err := e.db.SQL.Exec(`UPDATE organizations SET name = 'Komunitas Rel Barru' WHERE sector = 'community'`); err != nil {
		t.Fatal(err)
	}
	r := e.do("GET", "/api/v1/organizations?sector=community", "", "")
	if !strings.Contains(string(r.body), "Komunitas Rel Barru") {
		t.Fatalf("a change made outside this server is not shown: %s", r.body)
	}
}
