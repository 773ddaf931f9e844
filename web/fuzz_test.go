package web_test

import (
	"fmt"
	"testing"
)

// FuzzWriteBodies sends arbitrary bodies to the foundation's write endpoints.
// Whatever arrives, the answer is a 2xx or a 4xx problem, never a 5xx.
func FuzzWriteBodies(f *testing.F) {
	for _, s := range []string{
		`{"name":"Dinas Perhubungan","sector":"regency_government","region_code":"73.09"}`,
		`{"name":"X","sector":"community","parent_id":-1}`,
		`{"name":"\u0000","acronym":"` + "\xff" + `","sector":"bumn"}`,
		`{"name":"Prodi","kind":"study_programme","parent_id":99999999999999999999}`,
		`{"name":"Ani","nip":"198501012010011001","email":"ani@sinergi.test"}`,
		`{"old_password":"a","new_password":"bbbbbbbbbbbb"}`,
		`{"name":"t","expires_at":"2099-01-01T00:00:00Z"}`,
		`[]`, `null`, `{"name":{"a":1}}`, `{"name":1e999}`, `{`, ``,
	} {
		for target := range 6 {
			f.Add(target, s)
		}
	}
	e := newEnv(f)
	f.Fuzz(func(t *testing.T, target int, body string) {
		var method, path string
		switch uint(target) % 6 {
		case 0:
			method, path = "POST", "/api/v1/organizations"
		case 1:
			method, path = "PATCH", fmt.Sprintf("/api/v1/organizations/%d", e.orgA.ID)
		case 2:
			method, path = "POST", fmt.Sprintf("/api/v1/organizations/%d/units", e.orgA.ID)
		case 3:
			method, path = "POST", fmt.Sprintf("/api/v1/organizations/%d/people", e.orgA.ID)
		case 4:
			method, path = "POST", "/api/v1/me/password"
		case 5:
			method, path = "POST", "/api/v1/me/tokens"
		}
		te := *e // report through this run's t, not the F
		te.t = t
		r := te.do(method, path, "adminA", body)
		if r.status >= 500 {
			t.Fatalf("%s %s %q: status %d: %s", method, path, body, r.status, r.body)
		}
	})
}
