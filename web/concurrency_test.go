package web_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// Concurrency (issue 10, item 5): N clients that read the same version of a
// record and PATCH it at once with that version's If-Match: exactly one wins
// (200), every other gets 412, and the record holds the winner's change with
// the version raised by one — no lost update. Runs on SQLite and, with
// SINERGI_TEST_POSTGRES, on PostgreSQL.
//
// Concurrent workflow transitions (accept vs refuse of one Bantuan
// Kedinasan request: exactly one wins, the other 409) are tested by the
// module in TestAssistanceAPIConcurrentAnswers (assistance_api_test.go).
func TestConcurrentIfMatchNoLostUpdate(t *testing.T) {
	e := newEnv(t)
	const n = 16
	unit := e.do("POST", fmt.Sprintf("/api/v1/organizations/%d/units", e.orgA.ID), "adminA", `{"name":"Dinas Perhubungan","kind":"opd"}`)
	person := e.do("POST", fmt.Sprintf("/api/v1/organizations/%d/people", e.orgA.ID), "adminA", `{"name":"Rahmat Contoh","position":"Analis"}`)
	if unit.status != 201 || person.status != 201 {
		t.Fatalf("setup: %d %s / %d %s", unit.status, unit.body, person.status, person.body)
	}
	cases := []struct {
		path  string
		field string
		body  func(i int) string
	}{
		{fmt.Sprintf("/api/v1/organizations/%d", e.orgA.ID), "acronym", func(i int) string { return fmt.Sprintf(`{"acronym":"Pemkab Maros %d"}`, i) }},
		{fmt.Sprintf("/api/v1/units/%d", int64(unit.json(t)["id"].(float64))), "name", func(i int) string {
			return fmt.Sprintf(`{"name":"Dinas Perhubungan %d","kind":"opd"}`, i)
		}},
		{fmt.Sprintf("/api/v1/people/%d", int64(person.json(t)["id"].(float64))), "position", func(i int) string {
			return fmt.Sprintf(`{"name":"Rahmat Contoh","position":"Analis %d"}`, i)
		}},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			for round := range 3 {
				r := e.do("GET", c.path, "adminA", "")
				tag := r.header.Get("ETag")
				version := r.json(t)["version"].(float64)
				if r.status != 200 || tag == "" {
					t.Fatalf("GET: %d etag %q", r.status, tag)
				}
				statuses := make([]int, n)
				var wg sync.WaitGroup
				start := make(chan struct{})
				for i := range n {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						statuses[i] = patch(e, c.path, c.body(i), tag)
					}()
				}
				close(start)
				wg.Wait()
				winner, lost := -1, 0
				for i, s := range statuses {
					switch s {
					case 200:
						if winner >= 0 {
							t.Errorf("round %d: clients %d and %d both got 200 with the same If-Match (lost update)", round, winner, i)
						}
						winner = i
					case 412:
						lost++
					default:
						t.Errorf("round %d: client %d got %d, want 200 or 412", round, i, s)
					}
				}
				if winner < 0 || lost != n-1 {
					t.Fatalf("round %d: statuses %v; want one 200 and %d × 412", round, statuses, n-1)
				}
				after := e.do("GET", c.path, "adminA", "").json(t)
				if after["version"].(float64) != version+1 {
					t.Errorf("round %d: version %v after, want %v", round, after["version"], version+1)
				}
				want := strings.TrimSuffix(strings.SplitN(c.body(winner), `"`+c.field+`":"`, 2)[1], `"}`)
				want = strings.SplitN(want, `"`, 2)[0]
				if after[c.field] != want {
					t.Errorf("round %d: %s = %v, want the winner's %q", round, c.field, after[c.field], want)
				}
			}
		})
	}
}

// patch sends a PATCH as adminA; safe in goroutines (no t.Fatal).
func patch(e *env, path, body, tag string) int {
	req, err := http.NewRequest("PATCH", e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		return -1
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.tokens["adminA"])
	req.Header.Set("If-Match", tag)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}
