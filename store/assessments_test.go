package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

func surveySetup(t *testing.T) (*store.DB, *sinergi.Organization, context.Context, []*sinergi.Unit) {
	t.Helper()
	db := storetest.Open(t)
	db.Now = func() time.Time { return time.Date(2026, 11, 10, 2, 0, 0, 0, time.UTC) }
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	org := mustOrg(t, db, sinergi.OrganizationInput{Name: "Universitas Sulawesi Barat", Sector: sinergi.SectorPublicUniversity, RegionCode: "76.05"})
	var units []*sinergi.Unit
	for _, n := range []string{"Fakultas Teknik", "Fakultas Pertanian", "Biro Umum"} {
		u, err := db.CreateUnit(sys, org.ID, sinergi.UnitInput{Name: n, Kind: "faculty"})
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, u)
	}
	admin := sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: 1, Email: "admin@sinergi.test", OrgID: org.ID, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}})
	return db, org, admin, units
}

func cultureAnswers(v int) map[string]int {
	m := map[string]int{}
	for i := 1; i <= 7; i++ {
		m[fmt.Sprintf("culture_%d", i)] = v
	}
	return m
}

func TestSurveyAnonymityAndRules(t *testing.T) {
	db, org, admin, units := surveySetup(t)
	in := sinergi.CampaignInput{Title: "Survei budaya kolaboratif 2026", Instrument: "culture", Scope: sinergi.ScopeUnits,
		UnitIDs: []int64{units[0].ID, units[1].ID, units[2].ID}, OpensOn: "2026-11-01", ClosesOn: "2026-11-20"}
	outsider := sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: 9, OrgID: org.ID + 99, Roles: []sinergi.Role{sinergi.RoleOrgAdmin}})
	if _, err := db.CreateCampaign(outsider, in); sinergi.ErrorCode(err) != sinergi.CodeForbidden {
		t.Fatalf("outsider creates a campaign: %v", err)
	}
	bad := in
	bad.OpensOn, bad.Threshold = "kemarin", 1
	if _, err := db.CreateCampaign(admin, bad); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("bad input: %v", err)
	}
	c, err := db.CreateCampaign(admin, in)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != sinergi.CampaignOpen || len(c.Groups) != 3 || c.Threshold != 5 {
		t.Fatalf("campaign: %+v", c)
	}
	g0, g1, g2 := "unit:"+fmt.Sprint(units[0].ID), "unit:"+fmt.Sprint(units[1].ID), "unit:"+fmt.Sprint(units[2].ID)
	links := map[string][]string{}
	for g, n := range map[string]int{g0: 6, g1: 2, g2: 1} {
		l, err := db.IssueLinks(admin, c.ID, sinergi.LinkInput{Group: g, Count: n})
		if err != nil {
			t.Fatal(err)
		}
		links[g] = l.Tokens
	}
	if _, err := db.IssueLinks(admin, c.ID, sinergi.LinkInput{Group: "unit:0", Count: 1}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("unknown group: %v", err)
	}
	public := context.Background()
	// out of range: refused and the link stays unused
	bad1 := cultureAnswers(4)
	bad1["culture_3"] = 6
	if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: links[g0][0], Answers: bad1}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("out of range: %v", err)
	}
	for i, tok := range links[g0] {
		if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: tok, Answers: cultureAnswers(3 + i%2)}); err != nil {
			t.Fatalf("link %d: %v", i, err)
		}
	}
	if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: links[g0][0], Answers: cultureAnswers(4)}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Fatalf("reused link: %v", err)
	}
	if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: "svy_nope", Answers: cultureAnswers(4)}); sinergi.ErrorCode(err) != sinergi.CodeForbidden {
		t.Fatalf("unknown link: %v", err)
	}
	for _, tok := range append(links[g1], links[g2]...) {
		if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: tok, Answers: cultureAnswers(2)}); err != nil {
			t.Fatal(err)
		}
	}
	// by login: once per account
	member := sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: 5, OrgID: org.ID, Roles: []sinergi.Role{sinergi.RoleMember}})
	if err := db.Respond(member, c.ID, sinergi.ResponseInput{Answers: cultureAnswers(5)}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("unit not chosen: %v", err)
	}
	if err := db.Respond(member, c.ID, sinergi.ResponseInput{Group: g2, Answers: cultureAnswers(5)}); err != nil {
		t.Fatal(err)
	}
	if err := db.Respond(member, c.ID, sinergi.ResponseInput{Group: g2, Answers: cultureAnswers(5)}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Fatalf("second answer: %v", err)
	}
	// while open, no group is shown
	r, err := db.Results(admin, c.ID)
	if err != nil || r.Final || len(r.Results.Groups) != 0 || r.Responses != 10 {
		t.Fatalf("open results: %+v %v", r, err)
	}
	// after closing: g0 shown (6), g1 (2) + g2 (2) = 4 < 5: hidden
	db.Now = func() time.Time { return time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC) }
	if err := db.Respond(public, c.ID, sinergi.ResponseInput{Token: links[g0][1], Answers: cultureAnswers(4)}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Fatalf("closed: %v", err)
	}
	r, err = db.Results(admin, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Final || len(r.Results.Groups) != 1 || r.Results.Groups[0].Key != g0 || r.Results.Groups[0].Responses != 6 || r.Results.HiddenGroups != 2 || r.Results.Groups[0].Mean != 3.5 {
		t.Fatalf("results: %+v", r.Results)
	}
	if r.Results.Overall.Responses != 6 {
		t.Errorf("overall must leave out hidden groups: %+v", r.Results.Overall)
	}
	// nothing in the stored rows links an answer to the account
	var n int
	db.SQL.QueryRow(`SELECT count(*) FROM survey_respondents WHERE campaign_id = $1`, c.ID).Scan(&n)
	if n != 1 {
		t.Errorf("%d respondents recorded, want 1", n)
	}
	var entries int
	db.SQL.QueryRow(`SELECT count(*) FROM audit_log WHERE entity = 'survey_campaign' AND action = 'respond' AND (after_data LIKE '%culture%' OR before_data LIKE '%culture%')`).Scan(&entries)
	if entries != 0 {
		t.Errorf("the audit log holds answer contents")
	}
	l, err := db.Campaigns(admin, store.CampaignFilter{})
	if err != nil || l.Total != 1 {
		t.Fatalf("list: %+v %v", l, err)
	}
	if _, err := db.Campaigns(public, store.CampaignFilter{}); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Fatalf("public list: %v", err)
	}
}

func TestRatnerAndObstacles(t *testing.T) {
	db, org, admin, _ := surveySetup(t)
	if _, err := db.CreateAssessment(admin, sinergi.AssessmentInput{Title: "x"}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("bad assessment: %v", err)
	}
	x, err := db.CreateAssessment(admin, sinergi.AssessmentInput{Title: "Asesmen kolaborasi Unsulbar", OrganizationID: org.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddIssue(admin, x.ID, sinergi.IssueInput{Kind: "problem", Description: "Dana kampus terbatas", Stakeholders: "Fakultas, mitra"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddIssue(admin, x.ID, sinergi.IssueInput{Kind: "risk"}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("bad issue: %v", err)
	}
	if _, err := db.AddPlanAction(admin, x.ID, sinergi.PlanActionInput{Title: "Rapat koordinasi mitra", Owner: "Wakil Rektor IV", Due: "2026-12-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddStrategy(admin, x.ID, sinergi.StrategyInput{Target: "Pemprov Sulbar", Channel: "Audiensi", Message: "Dukungan dana riset", Owner: "Rektor"}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Assessment(admin, x.ID)
	if err != nil || len(got.Issues) != 1 || len(got.Actions) != 1 || len(got.Strategies) != 1 || got.Version != 4 {
		t.Fatalf("assessment: %+v %v", got, err)
	}
	other := sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: 9, OrgID: org.ID + 99, Roles: []sinergi.Role{sinergi.RoleMember}})
	if _, err := db.Assessment(other, x.ID); sinergi.ErrorCode(err) != sinergi.CodeForbidden {
		t.Fatalf("outsider reads: %v", err)
	}

	b, err := db.CreateObstacle(admin, sinergi.ObstacleInput{Category: "funding", Description: "Dana dari kampus yang semakin terbatas", AffectsKind: "organization", AffectsID: org.ID, Severity: "high"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateObstacle(admin, b.ID, b.Version+1, sinergi.ObstacleInput{Category: "funding", Description: "x", AffectsKind: "organization"}); sinergi.ErrorCode(err) != sinergi.CodePreconditionFailed {
		t.Fatalf("stale update: %v", err)
	}
	if _, err := db.CreateObstacle(admin, sinergi.ObstacleInput{Category: "weather", Description: "x", AffectsKind: "planet"}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("bad obstacle: %v", err)
	}
	// a forum without a legal basis is proposed
	f, err := db.CreateForum(admin, sinergi.ForumInput{Name: "Forum Kerja Sama Riset", InitiatorOrgID: org.ID, Focus: sinergi.FocusProgrammeManagement})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.ObstacleProposals(admin)
	if err != nil || len(ps) != 1 || ps[0].AffectsID != f.ID || !strings.HasPrefix(ps[0].Key, "forum-legal:") {
		t.Fatalf("proposals: %+v %v", ps, err)
	}
	if _, err := db.AcceptProposal(admin, ps[0].Key, "Susun PKS", "Biro Umum"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AcceptProposal(admin, ps[0].Key, "", ""); sinergi.ErrorCode(err) != sinergi.CodeNotFound {
		t.Fatalf("accepted twice: %v", err)
	}
	l, err := db.Obstacles(admin, store.ObstacleFilter{})
	if err != nil || l.Total != 2 {
		t.Fatalf("register: %+v %v", l, err)
	}
	if l, _ := db.Obstacles(other, store.ObstacleFilter{}); l.Total != 0 {
		t.Errorf("another organisation sees the register")
	}
}
