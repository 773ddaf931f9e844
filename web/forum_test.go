package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The contract and bad input, through the API.
func TestForumPositionsBadInput(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "public")
	soon := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	r := e.do("POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Di Turikale","closes_at":"`+soon+`"}`)
	if r.status != 201 {
		t.Fatalf("table a proposal: %d %s", r.status, r.body)
	}
	proposal := fmt.Sprintf("/api/v1/proposals/%d", int64(r.json(t)["id"].(float64)))
	positions := func() int {
		m := e.do("GET", proposal, "memberA", "").json(t)
		ps, _ := m["positions"].([]any)
		return len(ps)
	}
	tests := []struct {
		name, who, body string
		status          int
		detail          string
	}{
		{"non-member", "adminD", `{"position":"agree"}`, 403, "bukan anggota"},
		{"consulted member", "partnerC", `{"position":"agree"}`, 403, "anggota konsultasi"},
		{"facilitator", "memberA", `{"position":"agree"}`, 403, "Fasilitator"},
		{"anonymous", "", `{"position":"agree"}`, 401, ""},
		{"block without reason", "partnerB", `{"position":"block"}`, 400, "Alasan wajib"},
		{"disagree without reason", "partnerB", `{"position":"disagree","reason":"  "}`, 400, "Alasan wajib"},
		{"unknown position", "partnerB", `{"position":"maybe"}`, 400, ""},
		{"malformed", "partnerB", `{"position":`, 400, "JSON"},
		{"unknown field", "partnerB", `{"position":"agree","weight":3}`, 400, "weight"},
		{"wrong type", "partnerB", `{"position":1}`, 400, "position"},
		{"not JSON", "partnerB", `position=agree`, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do("POST", proposal+"/positions", tt.who, tt.body)
			if r.status != tt.status || !strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json") {
				t.Fatalf("got %d %s %s", r.status, r.header.Get("Content-Type"), r.body)
			}
			if !strings.Contains(string(r.body), tt.detail) {
				t.Errorf("problem does not say %q: %s", tt.detail, r.body)
			}
			if n := positions(); n != 0 {
				t.Errorf("%d positions stored after a refused request", n)
			}
		})
	}
	r = e.do("POST", proposal+"/positions", "partnerB", `{"position":"agree"}`)
	if m := r.json(t); r.status != 200 || m["forum_id"] == nil || m["consensus"].(map[string]any)["reached"] != true {
		t.Fatalf("agree: %d %s", r.status, r.body)
	}
	r = e.do("GET", proposal, "", "")
	cons := r.json(t)["consensus"].(map[string]any)
	if cons["reached"] != true || len(cons["reasons"].([]any)) == 0 {
		t.Fatalf("consensus: %s", r.body)
	}
	e.do("POST", proposal+"/close", "memberA", `{"outcome":"Disepakati","review_date":"2027-06-30"}`)
	if r := e.do("POST", proposal+"/positions", "partnerB", `{"position":"block","reason":"Terlambat"}`); r.status != 409 {
		t.Fatalf("position after closing: %d %s", r.status, r.body)
	}
	// the contract's fields
	f := e.do("GET", forum, "", "").json(t)
	crit := f["criteria"].(map[string]any)
	for _, c := range []string{"c1", "c2", "c3", "c4", "c5", "c6"} {
		x := crit[c].(map[string]any)
		if _, ok := x["met"].(bool); !ok || x["explanation"] == nil {
			t.Errorf("%s: %v", c, x)
		}
	}
	for _, m := range f["members"].([]any) {
		if m.(map[string]any)["organization_id"] == nil || m.(map[string]any)["role"] == nil {
			t.Errorf("member without organization_id or role: %v", m)
		}
	}
	if crit["c4"].(map[string]any)["met"] != false || !strings.Contains(fmt.Sprint(crit["c4"]), "rapat") {
		t.Errorf("c4 without meetings: %v", crit["c4"])
	}
	l := e.do("GET", "/api/v1/proposals?status=closed&forum_id="+strings.TrimPrefix(forum, "/api/v1/forums/"), "", "").json(t)
	if l["total"].(float64) != 1 {
		t.Errorf("closed proposals: %v", l)
	}
}

func TestForumMembersOnly(t *testing.T) {
	e := newForumEnv(t)
	forum := e.forumWithMembers(t, "members")
	for who, want := range map[string]int{"": 401, "adminD": 403, "partnerC": 200, "partnerB": 200, "sys": 200} {
		if r := e.do("GET", forum, who, ""); r.status != want {
			t.Errorf("%q reads a members-only forum: %d, want %d", who, r.status, want)
		}
	}
	if l := e.do("GET", "/api/v1/forums", "", "").json(t); l["total"].(float64) != 0 {
		t.Errorf("the public lists members-only forums: %v", l)
	}
	c := e.browser()
	if st, _ := get(t, c, e.srv.URL+strings.TrimPrefix(forum, "/api/v1")); st != 303 {
		t.Errorf("members-only forum page without login: %d, want redirect to login", st)
	}
}
