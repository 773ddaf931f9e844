package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

// bk is a database with two regional governments, a province above the
// provider, a company and an actor for each.
type bk struct {
	db                          *store.DB
	maros, parepare, sulsel, co *sinergi.Organization
	reqCtx, provCtx, coCtx      context.Context
	provPartner, outsider       context.Context
	now                         time.Time
}

func actor(id, org int64, roles ...sinergi.Role) context.Context {
	return sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: id, Name: "Uji", Email: "uji@sinergi.test", OrgID: org, Roles: roles})
}

func newBK(t *testing.T) *bk {
	t.Helper()
	b := &bk{db: storetest.Open(t), now: time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)} // Monday 09.00 WITA
	b.db.Now = func() time.Time { return b.now }
	b.sulsel = mustOrg(t, b.db, sinergi.OrganizationInput{Name: "Pemerintah Provinsi Sulawesi Selatan", Acronym: "Pemprov Sulsel", Sector: sinergi.SectorProvincialGovernment, RegionCode: "73"})
	b.maros = mustOrg(t, b.db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Acronym: "Pemkab Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	b.parepare = mustOrg(t, b.db, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72", ParentID: &b.sulsel.ID})
	b.co = mustOrg(t, b.db, sinergi.OrganizationInput{Name: "PT Celebes Railway Indonesia", Sector: sinergi.SectorPrivateCompany, RegionCode: "73.71"})
	b.reqCtx = actor(1, b.maros.ID, sinergi.RoleMember)
	b.provCtx = actor(2, b.parepare.ID, sinergi.RoleOrgAdmin)
	b.coCtx = actor(3, b.co.ID, sinergi.RolePartner)
	b.provPartner = actor(4, b.parepare.ID, sinergi.RolePartner)
	b.outsider = actor(5, b.sulsel.ID, sinergi.RoleMember)
	return b
}

func (b *bk) input() sinergi.AssistanceInput {
	return sinergi.AssistanceInput{RequesterOrgID: b.maros.ID, ProviderOrgID: b.parepare.ID, Subject: "Tenaga rekayasa lalu lintas",
		Description: "Dua orang tenaga ahli selama dua minggu", Grounds: sinergi.Grounds{{Letter: "b", Explanation: "Kami kekurangan tenaga"}}}
}

func (b *bk) create(t *testing.T, in sinergi.AssistanceInput) *sinergi.AssistanceRequest {
	t.Helper()
	r, err := b.db.CreateAssistanceRequest(b.reqCtx, in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rule(err error) string {
	if e, ok := err.(*sinergi.Error); ok && e.Code == sinergi.CodeRuleViolation {
		return e.Rule
	}
	return string(code(err))
}

func TestAssistanceCreateRules(t *testing.T) {
	b := newBK(t)
	tests := []struct {
		name string
		ctx  context.Context
		edit func(in *sinergi.AssistanceInput)
		want string
	}{
		{"valid", b.reqCtx, func(*sinergi.AssistanceInput) {}, ""},
		{"no ground", b.reqCtx, func(in *sinergi.AssistanceInput) { in.Grounds = nil }, "BK-GROUND"},
		{"ground f", b.reqCtx, func(in *sinergi.AssistanceInput) { in.Grounds = sinergi.Grounds{{Letter: "f"}} }, "BK-GROUND"},
		{"same organisation", b.reqCtx, func(in *sinergi.AssistanceInput) { in.ProviderOrgID = b.maros.ID }, "X-AGENCY"},
		{"company as provider", b.reqCtx, func(in *sinergi.AssistanceInput) { in.ProviderOrgID = b.co.ID }, "X-AGENCY"},
		{"provider responsible without basis", b.reqCtx, func(in *sinergi.AssistanceInput) { in.Responsibility = "provider" }, "BK-RESP"},
		{"missing provider", b.reqCtx, func(in *sinergi.AssistanceInput) { in.ProviderOrgID = 99999 }, "invalid"},
		{"bad date", b.reqCtx, func(in *sinergi.AssistanceInput) { in.NeededBy = "besok" }, "invalid"},
		{"emergency without justification", b.reqCtx, func(in *sinergi.AssistanceInput) { in.Emergency = true }, "invalid"},
		{"unit of another organisation", b.reqCtx, func(in *sinergi.AssistanceInput) { in.RequesterUnitID = new(int64(424242)) }, "invalid"},
		{"for another organisation", b.provCtx, func(*sinergi.AssistanceInput) {}, "forbidden"},
		{"partner", b.coCtx, func(in *sinergi.AssistanceInput) { in.RequesterOrgID = b.co.ID }, "forbidden"},
		{"public", context.Background(), func(*sinergi.AssistanceInput) {}, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := b.input()
			tt.edit(&in)
			_, err := b.db.CreateAssistanceRequest(tt.ctx, in)
			if got := rule(err); got != tt.want {
				t.Fatalf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
	l, err := b.db.AssistanceRequests(sys, sinergi.AssistanceFilter{})
	if err != nil || l.Total != 1 {
		t.Fatalf("only the valid request is stored: %d, %v", l.Total, err)
	}
}

func TestAssistanceWorkflow(t *testing.T) {
	b := newBK(t)
	r := b.create(t, b.input())
	if r.Status != sinergi.AssistDraft || len(r.History) != 1 {
		t.Fatalf("created %+v", r)
	}
	if _, err := b.db.AcceptAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); code(err) != sinergi.CodeNotFound {
		t.Fatalf("provider sees a draft: %v", err)
	}
	if _, err := b.db.SubmitAssistanceRequest(b.reqCtx, r.ID, r.Version+5, sinergi.StepInput{}); code(err) != sinergi.CodePreconditionFailed {
		t.Fatalf("stale version: %v", err)
	}
	r, err := b.db.SubmitAssistanceRequest(b.reqCtx, r.ID, r.Version, sinergi.StepInput{Note: "Mohon segera"})
	if err != nil {
		t.Fatal(err)
	}
	if r.DueDate != "2026-11-09" || r.WorkingDaysLeft == nil || *r.WorkingDaysLeft != 5 || r.Number == "" {
		t.Fatalf("submitted: due %s, left %v, number %q", r.DueDate, r.WorkingDaysLeft, r.Number)
	}
	if _, err := b.db.AcceptAssistanceRequest(b.reqCtx, r.ID, 0, sinergi.StepInput{}); code(err) != sinergi.CodeForbidden {
		t.Fatalf("requester accepts: %v", err)
	}
	if _, err := b.db.AcceptAssistanceRequest(b.provPartner, r.ID, 0, sinergi.StepInput{}); code(err) != sinergi.CodeForbidden {
		t.Fatalf("partner account accepts: %v", err)
	}
	if _, err := b.db.CancelAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); code(err) != sinergi.CodeForbidden {
		t.Fatalf("provider cancels: %v", err)
	}
	for _, bad := range []struct {
		in   sinergi.RefusalInput
		want string
	}{{sinergi.RefusalInput{Ground: "d", Reason: "x"}, "BK-REFUSE"}, {sinergi.RefusalInput{Ground: "a"}, "BK-WRITTEN"}} {
		if _, err := b.db.RefuseAssistanceRequest(b.provCtx, r.ID, 0, bad.in); rule(err) != bad.want {
			t.Fatalf("refuse %+v: %v", bad.in, err)
		}
	}
	if r, err = b.db.AcceptAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); err != nil || r.Status != sinergi.AssistAccepted {
		t.Fatal(r, err)
	}
	if _, err := b.db.CancelAssistanceRequest(b.reqCtx, r.ID, 0, sinergi.StepInput{}); code(err) != sinergi.CodeConflict {
		t.Fatalf("cancel after acceptance: %v", err)
	}
	if r, err = b.db.StartAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); err != nil {
		t.Fatal(err)
	}
	if r, err = b.db.CompleteAssistanceRequest(b.reqCtx, r.ID, 0, sinergi.StepInput{Note: "Terima kasih"}); err != nil || r.Status != sinergi.AssistCompleted {
		t.Fatal(r, err)
	}
	steps := []string{}
	for _, h := range r.History {
		steps = append(steps, h.Action)
	}
	if got := len(steps); got != 5 || steps[4] != "complete" || r.History[1].Note != "Mohon segera" {
		t.Fatalf("history %v", steps)
	}
	a, err := b.db.AuditEntries(sys, store.AuditFilter{Entity: "assistance_request", EntityID: r.ID})
	if err != nil || a.Total != 5 {
		t.Fatalf("audit entries %d, %v", a.Total, err)
	}
	if n, err := b.db.VerifyAudit(context.Background()); err != nil || n == 0 {
		t.Fatal(n, err)
	}
}

func TestAssistanceEmergencyRefusalIsRecorded(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Emergency, in.EmergencyJustification = true, "Banjir merendam jalur kereta di Maros"
	in.Submit = true
	r := b.create(t, in)
	_, err := b.db.RefuseAssistanceRequest(b.provCtx, r.ID, r.Version, sinergi.RefusalInput{Ground: "a", Reason: "Tenaga kami terbatas"})
	if e, ok := err.(*sinergi.Error); !ok || e.Rule != "BK-EMERGENCY" || e.Citation != "UU 30/2014 Pasal 36 ayat (3)" {
		t.Fatalf("got %v", err)
	}
	r, err = b.db.AssistanceRequest(b.reqCtx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := r.History[len(r.History)-1]
	if r.Status != sinergi.AssistSubmitted || last.Action != "refuse_blocked" || last.Note == "" {
		t.Fatalf("attempt not recorded: %s %+v", r.Status, last)
	}
	if a, _ := b.db.AuditEntries(sys, store.AuditFilter{Entity: "assistance_request", EntityID: r.ID}); a.Total != 3 || a.Items[0].Action != "refuse_blocked" {
		t.Fatalf("audit %+v", a.Items)
	}
}

func TestAssistanceCostSharing(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.CostEstimate, in.Activity, in.Submit = 1500000, "Rekayasa lalu lintas Stasiun Parepare 2026", true
	r := b.create(t, in)
	share := func(org, amount int64, line string) sinergi.CostShare {
		return sinergi.CostShare{OrganizationID: org, Amount: amount, FundingSource: "APBD", BudgetLine: line}
	}
	set := func(shares ...sinergi.CostShare) error {
		_, err := b.db.SetCostSharing(b.reqCtx, r.ID, 0, sinergi.CostSharingInput{Shares: shares})
		return err
	}
	if err := set(share(b.maros.ID, 1000000, "1.02")); rule(err) != "BK-COST" {
		t.Fatalf("short: %v", err)
	}
	if err := set(share(b.maros.ID, 750000, "1.02"), share(b.parepare.ID, 750000, "1.02")); rule(err) != "BK-COST" {
		t.Fatalf("same line: %v", err)
	}
	if err := set(share(b.maros.ID, 1500000, "1.02"), share(b.parepare.ID, 0, "2.01")); rule(err) != "invalid" {
		t.Fatalf("zero share: %v", err)
	}
	if _, err := b.db.ConfirmCostSharing(b.reqCtx, r.ID, 0, b.maros.ID); rule(err) != "BK-COST" {
		t.Fatalf("confirm nothing: %v", err)
	}
	if err := set(share(b.maros.ID, 1000000, "1.02.01"), share(b.parepare.ID, 500000, "2.01.03")); err != nil {
		t.Fatal(err)
	}
	r, err := b.db.AcceptAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.StartAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); rule(err) != "BK-COST" {
		t.Fatalf("start before agreement: %v", err)
	}
	if _, err := b.db.ConfirmCostSharing(b.provCtx, r.ID, 0, b.maros.ID); code(err) != sinergi.CodeForbidden {
		t.Fatalf("confirm for the other party: %v", err)
	}
	if _, err := b.db.ConfirmCostSharing(b.reqCtx, r.ID, 0, b.maros.ID); err != nil {
		t.Fatal(err)
	}
	if r, err = b.db.ConfirmCostSharing(b.provCtx, r.ID, 0, b.parepare.ID); err != nil || !r.CostSharing.Agreed {
		t.Fatal(r.CostSharing, err)
	}
	if _, err := b.db.StartAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); err != nil {
		t.Fatal(err)
	}
	// another request for the same activity may not charge the same line
	r2 := b.create(t, in)
	if _, err := b.db.SetCostSharing(b.reqCtx, r2.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1500000, "1.02.01")}}); rule(err) != "BK-COST" {
		t.Fatalf("double financing across requests: %v", err)
	}
	if _, err := b.db.SetCostSharing(b.reqCtx, r2.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1500000, "1.02.02")}}); err != nil {
		t.Fatal(err)
	}
}

func TestAssistanceResponsibilityAgreement(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Responsibility, in.AgreementRef, in.Submit = "shared", "PKS 12/2026", true
	r := b.create(t, in)
	r, _ = b.db.AcceptAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{})
	if _, err := b.db.SignResponsibility(b.reqCtx, r.ID, 0, b.maros.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.StartAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); rule(err) != "BK-RESP" {
		t.Fatalf("start with half-signed agreement: %v", err)
	}
	if _, err := b.db.SignResponsibility(b.provCtx, r.ID, 0, b.parepare.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.StartAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}); err != nil {
		t.Fatal(err)
	}
}

func TestAssistanceConfidentiality(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Classification, in.Submit = sinergi.Rahasia, true
	secret := b.create(t, in)
	in = b.input()
	in.Submit = true
	in.Documents = []sinergi.RequestedDocument{{Title: "Peta bidang tanah stasiun", Classification: sinergi.Biasa}, {Title: "Data kepemilikan", Classification: sinergi.Terbatas}}
	open := b.create(t, in)
	for _, tt := range []struct {
		name string
		ctx  context.Context
		n    int
		docs int
	}{{"requester", b.reqCtx, 2, 2}, {"provider", b.provCtx, 2, 2}, {"provider's partner account", b.provPartner, 1, 2}, {"other body", b.outsider, 1, 1}} {
		l, err := b.db.AssistanceRequests(tt.ctx, sinergi.AssistanceFilter{})
		if err != nil || l.Total != tt.n || len(l.Items) != tt.n {
			t.Errorf("%s sees %d of the requests, want %d (%v)", tt.name, l.Total, tt.n, err)
		}
		_, err = b.db.AssistanceRequest(tt.ctx, secret.ID)
		if (tt.n == 2) != (err == nil) {
			t.Errorf("%s reads the secret request: %v", tt.name, err)
		}
		r, err := b.db.AssistanceRequest(tt.ctx, open.ID)
		if err != nil || len(r.Documents) != tt.docs {
			t.Errorf("%s sees %d documents, want %d (%v)", tt.name, len(r.Documents), tt.docs, err)
		}
	}
	if _, err := b.db.AssistanceRequests(context.Background(), sinergi.AssistanceFilter{}); code(err) != sinergi.CodeUnauthorized {
		t.Errorf("public: %v", err)
	}
	l, _ := b.db.AssistanceRequests(b.provCtx, sinergi.AssistanceFilter{Role: "requester"})
	if l.Total != 0 {
		t.Errorf("provider as requester: %d", l.Total)
	}
}

func TestAssistanceDeadlineAndEscalation(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Submit = true
	r := b.create(t, in)
	b.now = time.Date(2026, 11, 10, 1, 0, 0, 0, time.UTC) // Tuesday after the due Monday
	yes := true
	var wg sync.WaitGroup
	for range 3 { // several servers at once escalate once
		wg.Go(func() { b.db.EscalateOverdue(context.Background()) })
	}
	wg.Wait()
	l, err := b.db.AssistanceRequests(b.provCtx, sinergi.AssistanceFilter{Overdue: &yes})
	if err != nil || l.Total != 1 {
		t.Fatalf("overdue list %d %v", l.Total, err)
	}
	got := l.Items[0]
	if !got.Overdue || *got.WorkingDaysLeft != -1 || got.EscalatedAt == nil || got.EscalatedToOrgID == nil || *got.EscalatedToOrgID != b.sulsel.ID || !got.DeemedGranted {
		t.Fatalf("escalation %+v", got)
	}
	if n, _ := b.db.EscalateOverdue(context.Background()); n != 0 {
		t.Fatal("escalated twice")
	}
	full, _ := b.db.AssistanceRequest(b.reqCtx, r.ID)
	n := 0
	for _, h := range full.History {
		if h.Action == "escalate" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d escalations in the history", n)
	}
}

// Accept and refuse at once: exactly one wins, the other gets a conflict.
func TestAssistanceConcurrentAnswers(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Submit = true
	r := b.create(t, in)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Go(func() { _, errs[0] = b.db.AcceptAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{}) })
	wg.Go(func() {
		_, errs[1] = b.db.RefuseAssistanceRequest(b.provCtx, r.ID, 0, sinergi.RefusalInput{Ground: "a", Reason: "Tenaga terbatas"})
	})
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) {
		t.Fatalf("both or neither won: %v", errs)
	}
	for _, err := range errs {
		if err != nil && code(err) != sinergi.CodeConflict {
			t.Fatalf("loser got %v", err)
		}
	}
}
