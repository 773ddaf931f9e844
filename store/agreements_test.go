package store_test

import (
	"context"
	"testing"
	"time"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/store"
	"sinergi/store/storetest"
)

// ksEnv is a database with three bordering regencies, a company and two
// universities, on 2 November 2026.
type ksEnv struct {
	db                              *store.DB
	maros, pangkep, barru, cri, uni *sinergi.Organization
	ugm, mamuju                     *sinergi.Organization
	marosCtx, criCtx, outsider      context.Context
}

func newKS(t *testing.T) *ksEnv {
	t.Helper()
	e := &ksEnv{db: storetest.Open(t)}
	now := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	e.db.Now = func() time.Time { return now }
	e.maros = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	e.pangkep = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Pangkajene dan Kepulauan", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.10"})
	e.barru = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Barru", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.11"})
	e.mamuju = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Mamuju", Sector: sinergi.SectorRegencyGovernment, RegionCode: "76.02"})
	e.cri = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "PT Celebes Railway Indonesia", Sector: sinergi.SectorPrivateCompany, RegionCode: "73.71"})
	e.uni = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "Universitas Sulawesi Barat", Sector: sinergi.SectorPublicUniversity, RegionCode: "76.05"})
	e.ugm = mustOrg(t, e.db, sinergi.OrganizationInput{Name: "Universitas Gadjah Mada", Sector: sinergi.SectorPublicUniversity, RegionCode: "34.04"})
	e.marosCtx = actor(11, e.maros.ID, sinergi.RoleMember)
	e.criCtx = actor(12, e.cri.ID, sinergi.RolePartner)
	e.outsider = actor(13, e.mamuju.ID, sinergi.RoleOrgAdmin)
	return e
}

func (e *ksEnv) ksdd() sinergi.AgreementInput {
	return sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: "Jalan akses stasiun Maros–Pangkep–Barru",
		Parties:   []sinergi.PartyInput{{OrganizationID: e.maros.ID, Role: "lead"}, {OrganizationID: e.pangkep.ID}, {OrganizationID: e.barru.ID}},
		StartDate: "2026-01-01", EndDate: "2030-12-31", FundedInCurrentBudget: true, Urusan: []string{"perhubungan", "pupr"},
		Scope: "Pembangunan dan pemeliharaan jalan akses stasiun", Value: 12_500_000_000, FundingSources: []string{"APBD"},
		Obligations: []sinergi.ObligationInput{{OrganizationID: e.maros.ID, Description: "Menyediakan lahan", DueDate: "2026-06-30"}}}
}

func complete(t *testing.T, db *store.DB, ctx context.Context, a *sinergi.Agreement, codes ...string) *sinergi.Agreement {
	t.Helper()
	for _, c := range codes {
		var err error
		if a, err = db.CompleteAgreementStage(ctx, a.ID, a.Version, c, sinergi.StageInput{Date: "2026-02-01", DocumentRef: "Dok " + c}); err != nil {
			t.Fatalf("stage %s: %v", c, err)
		}
	}
	return a
}

func TestAgreementKSDDThroughStages(t *testing.T) {
	e := newKS(t)
	a, err := e.db.CreateAgreement(e.marosCtx, e.ksdd())
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != sinergi.AgreementDraft || a.KSDDCategory != "sukarela" || len(a.Stages) != 10 || a.DPRDRequired {
		t.Fatalf("got status %s, category %q, %d stages, dprd %v", a.Status, a.KSDDCategory, len(a.Stages), a.DPRDRequired)
	}
	if s := a.Stage("persetujuan_dprd"); s == nil || s.Required {
		t.Errorf("persetujuan_dprd: %+v, want listed and not required", s)
	}
	if a.Monitoring.Authority != "governor" || len(a.Obligations) != 1 || len(a.Parties) != 3 {
		t.Errorf("monitoring %q, %d obligations, %d parties", a.Monitoring.Authority, len(a.Obligations), len(a.Parties))
	}
	if _, err := e.db.CompleteAgreementStage(e.marosCtx, a.ID, a.Version, "penawaran", sinergi.StageInput{Date: "2026-01-05"}); rule(err) != kerjasama.RuleStageOrder {
		t.Errorf("skipping a stage: %v, want %s", err, kerjasama.RuleStageOrder)
	}
	if _, err := e.db.CompleteAgreementStage(e.marosCtx, a.ID, 99, "persiapan", sinergi.StageInput{Date: "2026-01-05"}); sinergi.ErrorCode(err) != sinergi.CodePreconditionFailed {
		t.Errorf("stale version: %v", err)
	}
	if _, err := e.db.CompleteAgreementStage(e.criCtx, a.ID, 0, "persiapan", sinergi.StageInput{Date: "2026-01-05"}); sinergi.ErrorCode(err) != sinergi.CodeForbidden {
		t.Errorf("outsider: %v", err)
	}
	if _, err := e.db.CompleteAgreementStage(e.marosCtx, a.ID, 0, "nope", sinergi.StageInput{Date: "2026-01-05"}); sinergi.ErrorCode(err) != sinergi.CodeNotFound {
		t.Errorf("unknown stage: %v", err)
	}
	a = complete(t, e.db, e.marosCtx, a, "persiapan")
	if a.Status != sinergi.AgreementInProcess {
		t.Errorf("after persiapan: %s", a.Status)
	}
	if _, err := e.db.CompleteAgreementStage(e.marosCtx, a.ID, 0, "persiapan", sinergi.StageInput{Date: "2026-01-05"}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Errorf("twice: %v", err)
	}
	a = complete(t, e.db, e.marosCtx, a, "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks")
	if a.Status != sinergi.AgreementActive || a.Stage("penandatanganan_pks").DocumentRef != "Dok penandatanganan_pks" {
		t.Errorf("after signing: %s", a.Status)
	}
	// the audit log has every write
	n, err := e.db.VerifyAudit(context.Background())
	if err != nil || n < 8 {
		t.Errorf("audit: %d entries, %v", n, err)
	}
}

func TestAgreementRules(t *testing.T) {
	e := newKS(t)
	tests := []struct {
		name string
		edit func(in *sinergi.AgreementInput)
		want string
	}{
		{"wajib not bordering", func(in *sinergi.AgreementInput) { in.KSDDCategory = "wajib" }, kerjasama.RuleWajibPair},
		{"wajib bordering", func(in *sinergi.AgreementInput) { in.KSDDCategory = "wajib"; in.Bordering = true }, ""},
		{"wajib with a company", func(in *sinergi.AgreementInput) {
			in.KSDDCategory, in.Bordering = "wajib", true
			in.Parties = append(in.Parties, sinergi.PartyInput{OrganizationID: e.cri.ID})
		}, kerjasama.RuleParties},
		{"six years", func(in *sinergi.AgreementInput) { in.EndDate = "2032-01-02" }, kerjasama.RuleTerm},
		{"six years with a legal basis", func(in *sinergi.AgreementInput) { in.EndDate = "2032-01-02"; in.TermLegalBasis = "Perda Maros 2/2025" }, ""},
		{"power of attorney signs the KB", func(in *sinergi.AgreementInput) {
			in.Parties[0].Signatories = []sinergi.Signatory{{Name: "Ir. Andi", Position: "Sekretaris Daerah", Authority: "power_of_attorney", Document: "kb"}}
		}, kerjasama.RuleSign},
		{"power of attorney signs the PKS", func(in *sinergi.AgreementInput) {
			in.Parties[0].Signatories = []sinergi.Signatory{{Name: "Ir. Andi", Position: "Sekretaris Daerah", Authority: "power_of_attorney", Document: "pks"}}
		}, ""},
		{"bad kind", func(in *sinergi.AgreementInput) { in.Kind = "KB" }, "invalid"},
		{"unknown urusan", func(in *sinergi.AgreementInput) { in.Urusan = []string{"kereta"} }, "invalid"},
		{"end before start", func(in *sinergi.AgreementInput) { in.EndDate = "2025-01-01" }, "invalid"},
		{"missing organisation", func(in *sinergi.AgreementInput) { in.Parties[1].OrganizationID = 99999 }, "invalid"},
		{"MoA without parent", func(in *sinergi.AgreementInput) {
			in.Kind = sinergi.KindMoA
			in.Parties = []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.maros.ID}}
		}, kerjasama.RuleParent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := e.ksdd()
			tt.edit(&in)
			_, err := e.db.CreateAgreement(ksSys, in)
			got := rule(err)
			if got == "" && err != nil {
				got = string(sinergi.ErrorCode(err))
			}
			if got != tt.want {
				t.Errorf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
	if _, err := e.db.CreateAgreement(e.outsider, e.ksdd()); sinergi.ErrorCode(err) != sinergi.CodeForbidden {
		t.Errorf("outsider creates: %v", err)
	}
	if _, err := e.db.CreateAgreement(context.Background(), e.ksdd()); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Errorf("public creates: %v", err)
	}
}

func TestAgreementDPRDAndFeasibility(t *testing.T) {
	e := newKS(t)
	in := e.ksdd()
	in.BurdensPublic = true
	a, err := e.db.CreateAgreement(e.marosCtx, in)
	if err != nil {
		t.Fatal(err)
	}
	if !a.DPRDRequired || !a.Stage("persetujuan_dprd").Required {
		t.Fatalf("DPRD not required: %+v", a.Stage("persetujuan_dprd"))
	}
	a = complete(t, e.db, e.marosCtx, a, "persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb")
	if _, err := e.db.CompleteAgreementStage(e.marosCtx, a.ID, 0, "penyusunan_pks", sinergi.StageInput{Date: "2026-03-01"}); rule(err) != kerjasama.RuleDPRD {
		t.Errorf("PKS before DPRD: %v", err)
	}
	complete(t, e.db, e.marosCtx, a, "persetujuan_dprd", "penyusunan_pks")

	pk := sinergi.AgreementInput{Kind: sinergi.KindKSDPK, Title: "Pengelolaan kawasan stasiun dengan PT CRI", FundedInCurrentBudget: true,
		Parties: []sinergi.PartyInput{{OrganizationID: e.maros.ID}, {OrganizationID: e.cri.ID}}, StartDate: "2026-01-01", EndDate: "2028-12-31"}
	b, err := e.db.CreateAgreement(e.marosCtx, pk)
	if err != nil {
		t.Fatal(err)
	}
	b = complete(t, e.db, e.marosCtx, b, "persiapan", "penawaran")
	if _, err := e.db.CompleteAgreementStage(e.marosCtx, b.ID, 0, "penyusunan_kb", sinergi.StageInput{Date: "2026-03-01"}); rule(err) != kerjasama.RuleFeasibility {
		t.Errorf("without a feasibility study: %v", err)
	}
}

func TestAgreementListTerminateRenew(t *testing.T) {
	e := newKS(t)
	mk := func(title, end string) *sinergi.Agreement {
		in := e.ksdd()
		in.Title, in.EndDate = title, end
		a, err := e.db.CreateAgreement(e.marosCtx, in)
		if err != nil {
			t.Fatal(err)
		}
		return complete(t, e.db, e.marosCtx, a, "persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks")
	}
	soon := mk("Pengelolaan terminal terpadu", "2026-12-31")
	long := mk("Sistem informasi angkutan", "2029-12-31")
	old := mk("Pengangkutan sampah", "2026-10-01")
	if soon.Status != sinergi.AgreementExpiring || long.Status != sinergi.AgreementActive || old.Status != sinergi.AgreementExpired {
		t.Fatalf("statuses %s %s %s", soon.Status, long.Status, old.Status)
	}
	ctx := e.marosCtx
	for _, c := range []struct {
		f    sinergi.AgreementFilter
		want int
	}{
		{sinergi.AgreementFilter{}, 3},
		{sinergi.AgreementFilter{Status: sinergi.AgreementExpiring}, 1},
		{sinergi.AgreementFilter{Status: sinergi.AgreementExpired}, 1},
		{sinergi.AgreementFilter{Status: sinergi.AgreementActive}, 1},
		{sinergi.AgreementFilter{Q: "TERMINAL"}, 1},
		{sinergi.AgreementFilter{Q: "pangkajene"}, 3},    // a party's name
		{sinergi.AgreementFilter{Q: "perhubungan"}, 3},   // an affair of the object
		{sinergi.AgreementFilter{Q: "maros–pangkep"}, 0}, // titles were replaced
		{sinergi.AgreementFilter{Q: "100%_\\"}, 0},       // LIKE metacharacters are literal
		{sinergi.AgreementFilter{OrgID: e.cri.ID}, 0},
		{sinergi.AgreementFilter{Limit: 2, Offset: 2}, 3},
	} {
		l, err := e.db.Agreements(ctx, c.f)
		if err != nil || l.Total != c.want {
			t.Errorf("%+v: total %d, %v; want %d", c.f, l.Total, err, c.want)
		}
	}
	counts, err := e.db.CountAgreements(ctx)
	if err != nil || counts[sinergi.AgreementExpiring] != 1 || counts[sinergi.AgreementDraft] != 0 {
		t.Errorf("counts %v, %v", counts, err)
	}

	if _, err := e.db.TerminateAgreement(ctx, long.ID, 0, sinergi.TerminationInput{Reason: "regional_head_change", Date: "2026-11-01"}); rule(err) != kerjasama.RuleTerminate {
		t.Errorf("regional head change: %v", err)
	}
	if _, err := e.db.TerminateAgreement(ctx, long.ID, 0, sinergi.TerminationInput{Reason: "term_ended", Date: "2026-11-01"}); rule(err) != kerjasama.RuleTerminate {
		t.Errorf("term not ended: %v", err)
	}
	ended, err := e.db.TerminateAgreement(ctx, long.ID, long.Version, sinergi.TerminationInput{Reason: "policy_change", Date: "2026-11-01", Note: "Trase berubah"})
	if err != nil || ended.Status != sinergi.AgreementTerminated || ended.Termination == nil || ended.Termination.Reason != "policy_change" {
		t.Fatalf("terminate: %+v, %v", ended, err)
	}
	if _, err := e.db.TerminateAgreement(ctx, long.ID, 0, sinergi.TerminationInput{Reason: "agreed", Date: "2026-11-01"}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Errorf("twice: %v", err)
	}
	if _, err := e.db.RenewAgreement(ctx, long.ID, 0, sinergi.RenewalInput{StartDate: "2027-01-01", EndDate: "2028-12-31"}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Errorf("renew terminated: %v", err)
	}
	if _, err := e.db.RenewAgreement(ctx, soon.ID, 0, sinergi.RenewalInput{StartDate: "2027-01-01", EndDate: "2033-12-31"}); rule(err) != kerjasama.RuleTerm {
		t.Errorf("renewal too long: %v", err)
	}
	nw, err := e.db.RenewAgreement(ctx, soon.ID, soon.Version, sinergi.RenewalInput{StartDate: "2027-01-01", EndDate: "2031-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if nw.PreviousID == nil || *nw.PreviousID != soon.ID || nw.Edition != 2 || nw.Status != sinergi.AgreementDraft || len(nw.Parties) != 3 || nw.Title != soon.Title {
		t.Errorf("renewal: %+v", nw)
	}
	back, err := e.db.Agreement(ctx, soon.ID)
	if err != nil || back.RenewedByID == nil || *back.RenewedByID != nw.ID {
		t.Errorf("old edition: %+v, %v", back, err)
	}
	if _, err := e.db.RenewAgreement(ctx, soon.ID, 0, sinergi.RenewalInput{StartDate: "2027-01-01", EndDate: "2031-12-31"}); sinergi.ErrorCode(err) != sinergi.CodeConflict {
		t.Errorf("renewed twice: %v", err)
	}
}

func TestAgreementUniversityHierarchy(t *testing.T) {
	e := newKS(t)
	sys := ksSys
	mou, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "MoU Unsulbar–UGM",
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-01-01", EndDate: "2029-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	moa, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindMoA, Title: "MoA Fakultas Peternakan", ParentID: &mou.ID,
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-03-01", EndDate: "2028-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindIA, Title: "IA pertukaran mahasiswa", ParentID: &mou.ID,
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-03-01", EndDate: "2026-12-31"}); rule(err) != kerjasama.RuleParent {
		t.Errorf("IA under a MoU: %v", err)
	}
	ia, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindIA, Title: "IA pertukaran mahasiswa", ParentID: &moa.ID,
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-03-01", EndDate: "2026-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.db.Agreement(sys, moa.ID)
	if err != nil || *got.ParentID != mou.ID || len(got.Children) != 1 || got.Children[0].ID != ia.ID {
		t.Errorf("MoA: %+v, %v", got, err)
	}
	if bad := int64(99999); true {
		_, err := e.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindMoA, Title: "MoA yatim", ParentID: &bad,
			Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.ugm.ID}}, StartDate: "2025-03-01", EndDate: "2026-12-31"})
		if sinergi.ErrorCode(err) != sinergi.CodeInvalid {
			t.Errorf("missing parent: %v", err)
		}
	}
}

var ksSys = sinergi.WithActor(context.Background(), sinergi.SystemActor)
