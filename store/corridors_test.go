package store_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"sinergi"
	"sinergi/corridor"
	"sinergi/store/storetest"
)

func corrCtx(user, org int64, r sinergi.Role) context.Context {
	return sinergi.WithActor(context.Background(), &sinergi.Actor{UserID: user, Email: fmt.Sprintf("u%d@sinergi.test", user), OrgID: org, Roles: []sinergi.Role{r}})
}

func corrCode(t *testing.T, err error, want sinergi.Code) {
	t.Helper()
	if got := sinergi.ErrorCode(err); got != want {
		t.Fatalf("error %v: code %s, want %s", err, got, want)
	}
}

func TestCorridorDrawFlow(t *testing.T) {
	db := storetest.Open(t)
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	now := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	org := func(name, code string, s sinergi.Sector) int64 {
		o, err := db.CreateOrganization(sys, sinergi.OrganizationInput{Name: name, Sector: s, RegionCode: code})
		if err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	kemenhub := org("Kementerian Perhubungan", "31.71", sinergi.SectorMinistry)
	maros := org("Pemerintah Kabupaten Maros", "73.09", sinergi.SectorRegencyGovernment)
	other := org("Pemerintah Kabupaten Mamuju", "76.02", sinergi.SectorRegencyGovernment)
	in := sinergi.CorridorInput{Name: "Koridor uji", Infrastructure: sinergi.CorridorInfraRailway, OwnerOrgID: kemenhub, OwnerBody: "DJKA / BPKA Sulawesi Selatan",
		Regions:       []string{"73.09", "73.10"},
		Organizations: []sinergi.CorridorOrgInput{{OrganizationID: maros, Role: "region", Manager: true}},
		Stations: []sinergi.CorridorStationInput{{Name: "Maros", RegionCode: "73.09.01", Status: sinergi.CorridorStationOperating, Kiosks: 1},
			{Name: "Pangkajene", RegionCode: "73.10", Status: sinergi.CorridorStationOperating, Kiosks: 1}, {Name: "Tallo", RegionCode: "73.71", Status: sinergi.CorridorStationPlanned}}}
	if _, err := db.CreateCorridor(corrCtx(9, other, sinergi.RoleOrgAdmin), in); err == nil {
		t.Fatal("outsider created a corridor")
	}
	bad := in
	bad.Stations = append([]sinergi.CorridorStationInput{{Name: "X", RegionCode: "99.99", Status: "closed"}}, in.Stations...)
	_, err := db.CreateCorridor(sys, bad)
	corrCode(t, err, sinergi.CodeInvalid)
	c, err := db.CreateCorridor(sys, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Stations) != 3 || c.Stations[0].RegencyCode != "73.09" || !c.ApplicationsOpen {
		t.Fatalf("corridor %+v", c)
	}
	mgr := corrCtx(5, maros, sinergi.RoleMember)
	outsider := corrCtx(6, other, sinergi.RoleOrgAdmin)
	st := c.Stations[0].ID
	c, err = db.SaveCorridorPlan(mgr, c.ID, sinergi.CorridorPlanInput{RegionCode: "73.09", TariffCap: 50000, HiringTarget: 60, HiredTotal: 200, HiredLocal: 130,
		Steps: []sinergi.CorridorPlanStep{{Category: sinergi.CorridorCatLocalWorkforce, Title: "Rekrut pekerja lokal", Owner: "Disnaker Maros", StartDate: "2026-01-01", DueDate: "2026-12-31"}},
		Zones: []sinergi.CorridorZoneInput{{Name: "Zona A", StationID: &st, Tariff: 30000}, {Name: "Zona B", Tariff: 75000}}})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Plans[0]; p.FlaggedZones != 1 || !p.Zones[1].OverCap || p.LocalShare != 65 {
		t.Errorf("plan %+v", p)
	}
	_, err = db.SaveCorridorPlan(outsider, c.ID, sinergi.CorridorPlanInput{RegionCode: "73.09"})
	corrCode(t, err, sinergi.CodeForbidden)
	_, err = db.SaveCorridorPlan(mgr, c.ID, sinergi.CorridorPlanInput{RegionCode: "73.11"})
	corrCode(t, err, sinergi.CodeInvalid)

	apply := func(nib, dom string, size corridor.Size, sts ...int64) error {
		_, err := db.CreateCorridorApplication(mgr, c.ID, sinergi.CorridorApplicationInput{BusinessName: "Usaha " + nib, OwnerName: "Pemilik", DomicileCode: dom, Size: size, NIB: nib, Stations: sts})
		return err
	}
	p := c.Stations[1].ID
	for i, dom := range []string{"73.09.01.2003", "73.10.01", "73.09.02", "73.71.01"} {
		if err := apply(fmt.Sprintf("912000000000%d", i), dom, corridor.Micro, st, p); err != nil {
			t.Fatal(err)
		}
	}
	corrCode(t, apply("9120000000001", "73.09.01", corridor.Small, st), sinergi.CodeConflict)
	corrCode(t, apply("9120000000009", "73.09", corridor.Small, st), sinergi.CodeInvalid)                  // regency is not a domicile
	corrCode(t, apply("9120000000009", "73.09.01", corridor.Small, c.Stations[2].ID), sinergi.CodeInvalid) // no kiosks
	corrCode(t, apply("91200", "73.09.01", corridor.Small, st), sinergi.CodeInvalid)

	seed := bytes.Repeat([]byte{0xab}, 32)
	_, err = db.RunCorridorDraw(mgr, c.ID, sinergi.CorridorDrawInput{Seed: hex.EncodeToString(seed)})
	corrCode(t, err, sinergi.CodeRuleViolation)
	_, err = db.CloseCorridorApplications(mgr, c.ID)
	corrCode(t, err, sinergi.CodeRuleViolation)
	_, err = db.CommitCorridorDraw(mgr, c.ID, sinergi.CorridorCommitInput{Commitment: corridor.Commit(seed), ApplicationsCloseAt: now.Add(-time.Hour)})
	corrCode(t, err, sinergi.CodeRuleViolation)
	d, err := db.CommitCorridorDraw(mgr, c.ID, sinergi.CorridorCommitInput{Commitment: corridor.Commit(seed), ApplicationsCloseAt: now.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.CommitCorridorDraw(mgr, c.ID, sinergi.CorridorCommitInput{Commitment: corridor.Commit(seed), ApplicationsCloseAt: now.Add(48 * time.Hour)})
	corrCode(t, err, sinergi.CodeConflict)
	_, err = db.RunCorridorDraw(mgr, c.ID, sinergi.CorridorDrawInput{Seed: hex.EncodeToString(seed)})
	corrCode(t, err, sinergi.CodeConflict) // still open
	now = now.Add(72 * time.Hour)
	corrCode(t, apply("9120000000007", "73.09.01", corridor.Micro, st), sinergi.CodeRuleViolation)
	_, err = db.RunCorridorDraw(mgr, c.ID, sinergi.CorridorDrawInput{Seed: hex.EncodeToString(bytes.Repeat([]byte{1}, 32))})
	corrCode(t, err, sinergi.CodeRuleViolation)
	_, err = db.CorridorDrawRecord(context.Background(), c.ID, d.ID)
	corrCode(t, err, sinergi.CodeConflict) // nothing allocated
	_, err = db.RunCorridorDraw(mgr, c.ID, sinergi.CorridorDrawInput{Seed: "xyz"})
	corrCode(t, err, sinergi.CodeInvalid)
	d, err = db.RunCorridorDraw(mgr, c.ID, sinergi.CorridorDrawInput{Seed: hex.EncodeToString(seed)})
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != "drawn" || d.Assigned != 2 {
		t.Errorf("draw %+v", d)
	}
	rec, err := db.CorridorDrawRecord(context.Background(), c.ID, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := corridor.Verify(*rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Inputs.Applications) != 4 {
		t.Errorf("%d applications in the record", len(rec.Inputs.Applications))
	}
	apps, err := db.CorridorApplications(outsider, c.ID, 0, 10)
	if err != nil || apps.Total != 4 || apps.Items[0].OwnerName != "" {
		t.Errorf("applications for outsider: %v %+v", err, apps)
	}
	_, err = db.CorridorApplications(context.Background(), c.ID, 0, 10)
	corrCode(t, err, sinergi.CodeUnauthorized)
	ap, err := db.CreateCorridorAppeal(mgr, c.ID, sinergi.CorridorAppealInput{ApplicationID: apps.Items[3].ID, Grounds: "Domisili salah dicatat"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.CreateCorridorAppeal(mgr, c.ID, sinergi.CorridorAppealInput{ApplicationID: 99999, Grounds: "x"})
	corrCode(t, err, sinergi.CodeInvalid)
	ap, err = db.DecideCorridorAppeal(mgr, c.ID, ap.ID, sinergi.CorridorAppealDecisionInput{Outcome: sinergi.CorridorAppealRejected, Decision: "Domisili sesuai KTP"})
	if err != nil || ap.Outcome != sinergi.CorridorAppealRejected {
		t.Fatalf("decide: %v %+v", err, ap)
	}
	_, err = db.DecideCorridorAppeal(mgr, c.ID, ap.ID, sinergi.CorridorAppealDecisionInput{Outcome: sinergi.CorridorAppealUpheld, Decision: "x"})
	corrCode(t, err, sinergi.CodeConflict)
	if n, err := db.VerifyAudit(sys); err != nil || n < 8 {
		t.Errorf("audit: %d %v", n, err)
	}
}

// A programme links to the KSDD among its regions and the Nota Kesepakatan;
// other kinds, unknown agreements, repeated links and outsiders are refused
// and change nothing.
func TestCorridorAgreementLinks(t *testing.T) {
	e := newKS(t)
	c, err := e.db.CreateCorridor(ksSys, sinergi.CorridorInput{Name: "Koridor uji", Infrastructure: sinergi.CorridorInfraRailway, OwnerOrgID: e.maros.ID,
		Regions: []string{"73.09", "73.10", "73.11"}, Stations: []sinergi.CorridorStationInput{{Name: "Maros", RegionCode: "73.09", Status: sinergi.CorridorStationOperating, Kiosks: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Agreements == nil || len(c.Agreements) != 0 {
		t.Fatalf("new programme agreements %#v", c.Agreements)
	}
	ksdd, err := e.db.CreateAgreement(ksSys, e.ksdd())
	if err != nil {
		t.Fatal(err)
	}
	mou, err := e.db.CreateAgreement(ksSys, sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "MoU Unsulbar–UGM",
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-01-01", EndDate: "2029-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	link := func(ctx context.Context, id int64) error {
		_, err := e.db.LinkCorridorAgreement(ctx, c.ID, sinergi.CorridorAgreementInput{AgreementID: id})
		return err
	}
	corrCode(t, link(context.Background(), ksdd.ID), sinergi.CodeUnauthorized)
	corrCode(t, link(e.outsider, ksdd.ID), sinergi.CodeForbidden)
	corrCode(t, link(e.marosCtx, 0), sinergi.CodeInvalid)
	corrCode(t, link(e.marosCtx, 999999), sinergi.CodeInvalid)
	err = link(e.marosCtx, mou.ID)
	corrCode(t, err, sinergi.CodeRuleViolation)
	if rule(err) != sinergi.RuleCorridorAgreement {
		t.Errorf("wrong kind: rule %q", rule(err))
	}
	if err := link(e.marosCtx, ksdd.ID); err != nil {
		t.Fatal(err)
	}
	corrCode(t, link(e.marosCtx, ksdd.ID), sinergi.CodeConflict)
	got, err := e.db.Corridor(e.marosCtx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Agreements) != 1 || got.Agreements[0].Kind != sinergi.KindKSDD || got.Agreements[0].Title != ksdd.Title || got.Agreements[0].EndDate != "2030-12-31" {
		t.Errorf("linked %+v", got.Agreements)
	}
	pub, err := e.db.Corridor(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(pub.Agreements) != 1 || pub.Agreements[0].Title != "" || pub.Agreements[0].Kind != sinergi.KindKSDD {
		t.Errorf("public view %+v", pub.Agreements)
	}
	cands, err := e.db.CorridorAgreementCandidates(e.marosCtx, 50)
	if err != nil || len(cands) != 1 || cands[0].AgreementID != ksdd.ID {
		t.Errorf("candidates %v %+v", err, cands)
	}
	_, err = e.db.UnlinkCorridorAgreement(e.outsider, c.ID, ksdd.ID)
	corrCode(t, err, sinergi.CodeForbidden)
	_, err = e.db.UnlinkCorridorAgreement(e.marosCtx, c.ID, mou.ID)
	corrCode(t, err, sinergi.CodeNotFound)
	after, err := e.db.UnlinkCorridorAgreement(e.marosCtx, c.ID, ksdd.ID)
	if err != nil || len(after.Agreements) != 0 {
		t.Fatalf("unlink: %v %+v", err, after)
	}
	if _, err := e.db.Agreement(e.marosCtx, ksdd.ID); err != nil {
		t.Errorf("the agreement itself is gone: %v", err)
	}
}
