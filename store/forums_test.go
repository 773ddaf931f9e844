package store_test

import (
	"context"
	"testing"
	"time"

	"sinergi"
	"sinergi/store"
	"sinergi/store/storetest"
)

// forumSetup is a forum of a province with a city, a company and a
// community, and an actor for each.
type forumSetup struct {
	db                            *store.DB
	forum                         *sinergi.Forum
	prov, city, kai, komunitas    *sinergi.Organization
	provCtx, cityCtx, kaiCtx, kom context.Context
	outsider                      context.Context
	other                         *sinergi.Organization
}

func forumActor(orgID int64, user int64, roles ...sinergi.Role) context.Context {
	return sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: user, Email: "u" + string(rune('a'+user)) + "@sinergi.test", Name: "Uji", OrgID: orgID, Roles: roles})
}

func newForum(t *testing.T) *forumSetup {
	t.Helper()
	db := storetest.Open(t)
	s := &forumSetup{db: db}
	s.prov = mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Provinsi Sulawesi Selatan", Sector: sinergi.SectorProvincialGovernment, RegionCode: "73"})
	s.city = mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	s.kai = mustOrg(t, db, sinergi.OrganizationInput{Name: "PT Kereta Api Indonesia", Sector: sinergi.SectorBUMN})
	s.komunitas = mustOrg(t, db, sinergi.OrganizationInput{Name: "Komunitas Peduli Stasiun", Sector: sinergi.SectorCommunity})
	s.other = mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kota Makassar", Sector: sinergi.SectorCityGovernment, RegionCode: "73.71"})
	s.provCtx = forumActor(s.prov.ID, 1, sinergi.RoleMember)
	s.cityCtx = forumActor(s.city.ID, 2, sinergi.RoleOrgAdmin)
	s.kaiCtx = forumActor(s.kai.ID, 3, sinergi.RolePartner)
	s.kom = forumActor(s.komunitas.ID, 4, sinergi.RolePartner)
	s.outsider = forumActor(s.other.ID, 5, sinergi.RoleOrgAdmin)
	var err error
	s.forum, err = db.CreateForum(s.provCtx, sinergi.ForumInput{Name: "Forum Koridor", InitiatorOrgID: s.prov.ID, Focus: sinergi.FocusProgrammeManagement,
		Mission: "Kereta api", ProblemStatement: "Stasiun", SharedValues: "Terbuka", Visibility: sinergi.VisibilityMembers})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []sinergi.MemberInput{{OrganizationID: s.city.ID, Role: sinergi.MemberDeciding}, {OrganizationID: s.kai.ID, Role: sinergi.MemberDeciding}, {OrganizationID: s.komunitas.ID, Role: sinergi.MemberConsulted}} {
		if _, err := db.AddMember(s.provCtx, s.forum.ID, m); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestForumLifecycle(t *testing.T) {
	s := newForum(t)
	db, ctx := s.db, context.Background()

	// who may create
	if _, err := db.CreateForum(s.kaiCtx, sinergi.ForumInput{Name: "Forum Swasta", InitiatorOrgID: s.kai.ID, Focus: sinergi.FocusOther}); code(err) != sinergi.CodeForbidden {
		t.Errorf("a company creates a forum: %v", err)
	}
	if _, err := db.CreateForum(s.cityCtx, sinergi.ForumInput{Name: "Forum Lain", InitiatorOrgID: s.prov.ID, Focus: sinergi.FocusOther}); code(err) != sinergi.CodeForbidden {
		t.Errorf("initiating for another organisation: %v", err)
	}
	if _, err := db.AddMember(s.provCtx, s.forum.ID, sinergi.MemberInput{OrganizationID: s.city.ID, Role: sinergi.MemberObserver}); code(err) != sinergi.CodeConflict {
		t.Errorf("adding a member twice: %v", err)
	}
	// members-only: outsiders and the public are kept out
	if _, err := db.Forum(s.outsider, s.forum.ID); code(err) != sinergi.CodeForbidden {
		t.Errorf("outsider reads a members-only forum: %v", err)
	}
	if _, err := db.Forum(ctx, s.forum.ID); code(err) != sinergi.CodeUnauthorized {
		t.Errorf("public reads a members-only forum: %v", err)
	}

	v, err := db.Forum(s.kaiCtx, s.forum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.MeetsAll || v.Criteria.C1.Met != true || v.Criteria.C3.Met || v.Criteria.C4.Met || len(v.Members) != 4 {
		t.Fatalf("new forum: %+v members=%d", v.Criteria, len(v.Members))
	}

	// charter with a fallback after two rounds
	ch, err := db.SetCharter(s.provCtx, s.forum.ID, 0, sinergi.CharterInput{Rules: "Musyawarah untuk mufakat", Quorum: 2, Fallback: sinergi.FallbackMajority, FallbackAfterRounds: 2, MajorityPercent: 50})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetCharter(s.provCtx, s.forum.ID, ch.Version+5, sinergi.CharterInput{Quorum: 1}); code(err) != sinergi.CodePreconditionFailed {
		t.Errorf("stale charter: %v", err)
	}
	if _, err := db.SetCharter(s.kaiCtx, s.forum.ID, 0, sinergi.CharterInput{Quorum: 1}); code(err) != sinergi.CodeForbidden {
		t.Errorf("a deciding partner edits the charter: %v", err)
	}

	// a meeting with attendance
	m, err := db.CreateMeeting(s.provCtx, s.forum.ID, sinergi.MeetingInput{StartsAt: time.Now().Add(-48 * time.Hour), TimeZone: "WITA", Mode: sinergi.ModeInPerson, Place: "Makassar", Minutes: "Notulen"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetAttendance(s.provCtx, m.ID, sinergi.AttendanceInput{Attendees: []sinergi.AttendeeInput{{OrganizationID: s.other.ID}}}); code(err) != sinergi.CodeInvalid {
		t.Errorf("a non-member attends: %v", err)
	}
	att, err := db.SetAttendance(s.provCtx, m.ID, sinergi.AttendanceInput{Attendees: []sinergi.AttendeeInput{{OrganizationID: s.prov.ID}, {OrganizationID: s.kai.ID}, {OrganizationID: s.kai.ID}}})
	if err != nil || len(att) != 2 {
		t.Fatalf("attendance: %v %+v", err, att)
	}
	if _, err := db.CreateActionItem(s.provCtx, m.ID, sinergi.ActionItemInput{Title: "Kirim data lahan", OwnerOrgID: s.other.ID, Due: "2026-01-10"}); code(err) != sinergi.CodeInvalid {
		t.Errorf("an outsider owns an action: %v", err)
	}
	ai, err := db.CreateActionItem(s.provCtx, m.ID, sinergi.ActionItemInput{Title: "Kirim data lahan", OwnerOrgID: s.kai.ID, Due: "2026-01-10"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateActionItem(s.kaiCtx, ai.ID, ai.Version, sinergi.ActionItemInput{Title: ai.Title, OwnerOrgID: s.kai.ID, Due: ai.Due, Status: sinergi.ActionDone, DoneOn: "2026-01-09"}); err != nil {
		t.Errorf("the owner marks its action done: %v", err)
	}

	// a proposal: consulted and outsiders may not decide; reasons are required
	closes := time.Now().Add(72 * time.Hour)
	p, err := db.CreateProposal(s.provCtx, s.forum.ID, sinergi.ProposalInput{Title: "Lokasi Stasiun Parepare", Body: "Di Lumpue", ClosesAt: closes})
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]context.Context{"consulted": s.kom, "outsider": s.outsider, "facilitator": s.provCtx} {
		if _, err := db.TakePosition(c, p.ID, sinergi.PositionInput{Position: sinergi.PositionAgree}); code(err) != sinergi.CodeForbidden {
			t.Errorf("%s takes a position: %v", name, err)
		}
	}
	if _, err := db.TakePosition(s.kaiCtx, p.ID, sinergi.PositionInput{Position: sinergi.PositionBlock}); code(err) != sinergi.CodeInvalid {
		t.Errorf("block without reason: %v", err)
	}
	if _, err := db.AddComment(s.kom, p.ID, sinergi.CommentInput{Body: "Mohon akses pejalan kaki"}); err != nil {
		t.Errorf("consulted member comments: %v", err)
	}
	got, err := db.TakePosition(s.kaiCtx, p.ID, sinergi.PositionInput{Position: sinergi.PositionAgree})
	if err != nil || got.Consensus.Reached {
		t.Fatalf("one agree of quorum 2: %v %+v", err, got.Consensus)
	}
	got, err = db.TakePosition(s.cityCtx, p.ID, sinergi.PositionInput{Position: sinergi.PositionDisagree, Reason: "Terlalu jauh dari pusat kota"})
	if err != nil || got.Consensus.Reached || got.Consensus.Outcome != sinergi.OutcomeTooManyDisagree {
		t.Fatalf("disagree beyond tolerance 0: %v %+v", err, got.Consensus)
	}
	got, err = db.TakePosition(s.cityCtx, p.ID, sinergi.PositionInput{Position: sinergi.PositionAgree})
	if err != nil || !got.Consensus.Reached || got.Consensus.Counts.Agree != 2 {
		t.Fatalf("city changes to agree: %v %+v", err, got.Consensus)
	}
	pv, err := db.Proposal(s.kom, p.ID)
	if err != nil || len(pv.Positions) != 2 || len(pv.Comments) != 1 || pv.PositionErr == nil {
		t.Fatalf("proposal view: %v %+v", err, pv)
	}
	v, err = db.Forum(s.provCtx, s.forum.ID)
	if err != nil || !v.MeetsAll {
		t.Fatalf("forum should meet all six now: %v %+v", err, v.Criteria)
	}
	closed, err := db.CloseProposal(s.provCtx, p.ID, 0, sinergi.CloseInput{Outcome: "Disepakati", ReviewDate: "2027-06-30"})
	if err != nil || closed.Status != sinergi.ProposalClosed || !closed.Consensus.Reached {
		t.Fatalf("close: %v %+v", err, closed)
	}
	if _, err := db.TakePosition(s.kaiCtx, p.ID, sinergi.PositionInput{Position: sinergi.PositionAbstain}); code(err) != sinergi.CodeConflict {
		t.Errorf("position after closing: %v", err)
	}
	if _, err := db.ReviseProposal(s.provCtx, p.ID, sinergi.ProposalInput{Title: "Lagi", Body: "Lagi", ClosesAt: closes}); code(err) != sinergi.CodeConflict {
		t.Errorf("revising a decided proposal: %v", err)
	}

	// blocked, revised into round 2, where the fallback (50% majority) decides
	p2, err := db.CreateProposal(s.provCtx, s.forum.ID, sinergi.ProposalInput{Title: "Tarif", Body: "Rp10.000", ClosesAt: closes})
	if err != nil {
		t.Fatal(err)
	}
	db.TakePosition(s.cityCtx, p2.ID, sinergi.PositionInput{Position: sinergi.PositionAgree})
	got, err = db.TakePosition(s.kaiCtx, p2.ID, sinergi.PositionInput{Position: sinergi.PositionBlock, Reason: "Di bawah biaya operasi"})
	if err != nil || got.Consensus.Outcome != sinergi.OutcomeBlocked || got.Consensus.FallbackApplies {
		t.Fatalf("blocked: %v %+v", err, got.Consensus)
	}
	r2, err := db.ReviseProposal(s.provCtx, p2.ID, sinergi.ProposalInput{Title: "Tarif (revisi)", Body: "Rp12.000", ClosesAt: closes})
	if err != nil || r2.Round != 2 || r2.PreviousID == nil || *r2.PreviousID != p2.ID {
		t.Fatalf("revise: %v %+v", err, r2)
	}
	old, _ := db.Proposal(s.provCtx, p2.ID)
	if old.Status != sinergi.ProposalClosed || old.NextID == nil || old.Consensus.Outcome != sinergi.OutcomeBlocked {
		t.Errorf("the first round is closed as blocked and points to the next: %+v", old.Proposal)
	}
	db.TakePosition(s.cityCtx, r2.ID, sinergi.PositionInput{Position: sinergi.PositionAgree})
	got, err = db.TakePosition(s.kaiCtx, r2.ID, sinergi.PositionInput{Position: sinergi.PositionBlock, Reason: "Tetap di bawah biaya"})
	if err != nil || !got.Consensus.FallbackApplies || got.Consensus.Outcome != sinergi.OutcomeMajorityAdopted || !got.Consensus.Decided {
		t.Fatalf("round 2 falls back to the majority: %v %+v", err, got.Consensus)
	}

	l, err := db.Proposals(s.kaiCtx, sinergi.ProposalFilter{ForumID: s.forum.ID, Status: sinergi.ProposalOpen})
	if err != nil || l.Total != 1 || l.Items[0].ID != r2.ID || !l.Items[0].Consensus.FallbackApplies {
		t.Fatalf("open proposals: %v %+v", err, l)
	}
	if l, _ := db.Proposals(s.outsider, sinergi.ProposalFilter{}); l.Total != 0 {
		t.Errorf("an outsider sees %d proposals of a members-only forum", l.Total)
	}
	fl, err := db.Forums(s.kaiCtx, sinergi.ForumFilter{MeetsAll: new(true)})
	if err != nil || fl.Total != 1 {
		t.Fatalf("forums meeting all six: %v %+v", err, fl)
	}
	if fl, _ := db.Forums(ctx, sinergi.ForumFilter{}); fl.Total != 0 {
		t.Errorf("the public sees %d members-only forums", fl.Total)
	}
	pend, err := db.PendingPositions(ctx, s.city.ID)
	if err != nil || len(pend) != 0 {
		t.Errorf("city has taken its positions: %v %+v", err, pend)
	}
	if n, err := db.VerifyAudit(ctx); err != nil || n < 20 {
		t.Errorf("audit: %d entries, %v", n, err)
	}
}
