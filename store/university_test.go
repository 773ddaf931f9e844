package store_test

import (
	"context"
	"slices"
	"testing"

	"sinergi"
	"sinergi/iku"
)

// uniEnv is newKS with Unsulbar's faculty and three study programmes, a
// MoU → MoA with UGM, and three IAs: one signed with UGM for Peternakan,
// one signed with a private company for Perikanan, one still a draft for
// Agribisnis. Today is 2 November 2026: semester 2026-1.
type uniEnv struct {
	*ksEnv
	fac, ptk, pkn, agb    *sinergi.Unit
	iaUGM, iaCRI, iaDraft *sinergi.Agreement
}

func newUni(t *testing.T) *uniEnv {
	t.Helper()
	e := &uniEnv{ksEnv: newKS(t)}
	unit := func(name string, kind sinergi.UnitKind, parent *int64) *sinergi.Unit {
		u, err := e.db.CreateUnit(ksSys, e.uni.ID, sinergi.UnitInput{Name: name, Kind: kind, ParentID: parent})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	e.fac = unit("Fakultas Peternakan dan Perikanan", "faculty", nil)
	e.ptk = unit("Program Studi Peternakan", "study_programme", &e.fac.ID)
	e.pkn = unit("Program Studi Perikanan", "study_programme", &e.fac.ID)
	e.agb = unit("Program Studi Agribisnis", "study_programme", &e.fac.ID)
	mk := func(kind sinergi.AgreementKind, title string, parent *int64, unitID *int64, partner int64, stages ...string) *sinergi.Agreement {
		a, err := e.db.CreateAgreement(ksSys, sinergi.AgreementInput{Kind: kind, Title: title, ParentID: parent,
			Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID, UnitID: unitID, Role: "lead"}, {OrganizationID: partner}}, StartDate: "2025-03-01", EndDate: "2027-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		return complete(t, e.db, ksSys, a, stages...)
	}
	signed := []string{"persiapan", "penyusunan", "penandatanganan"}
	mou := mk(sinergi.KindMoU, "MoU Unsulbar – UGM", nil, nil, e.ugm.ID, signed...)
	moa := mk(sinergi.KindMoA, "MoA Fakultas Peternakan", &mou.ID, &e.fac.ID, e.ugm.ID, signed...)
	mouCRI := mk(sinergi.KindMoU, "MoU Unsulbar – PT CRI", nil, nil, e.cri.ID, signed...)
	moaCRI := mk(sinergi.KindMoA, "MoA Perikanan – PT CRI", &mouCRI.ID, &e.fac.ID, e.cri.ID, signed...)
	e.iaUGM = mk(sinergi.KindIA, "IA Pertukaran Mahasiswa Peternakan", &moa.ID, &e.ptk.ID, e.ugm.ID, signed...)
	e.iaCRI = mk(sinergi.KindIA, "IA Magang Perikanan", &moaCRI.ID, &e.pkn.ID, e.cri.ID, signed...)
	e.iaDraft = mk(sinergi.KindIA, "IA Kurikulum Agribisnis", &moa.ID, &e.agb.ID, e.ugm.ID)
	return e
}

func TestUniversityViewAndIKU6(t *testing.T) {
	e := newUni(t)
	sem, _ := iku.ParseSemester("2026-1")
	v, err := e.db.UniversityView(e.marosCtx, e.uni.ID, sem)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Programmes) != 3 || len(v.IAs) != 3 || v.Semester.Start != "2026-08-01" || v.Semester.End != "2027-01-31" {
		t.Fatalf("view: %d programmes, %d IAs, semester %+v", len(v.Programmes), len(v.IAs), v.Semester)
	}
	// UGM is a university by its sector (0.5); PT CRI is a private company: not categorised until an admin says
	want := iku.Figure{Programmes: 3, WithIA: 1, Share: 0.3333, Weighted: 0.1667}
	if v.Figure != want {
		t.Errorf("figure %+v, want %+v", v.Figure, want)
	}
	for _, ia := range v.IAs {
		switch ia.ID {
		case e.iaUGM.ID:
			if !ia.Active || !ia.Programme || ia.Weight != 0.5 || ia.Partners[0].Category != iku.University || ia.Partners[0].CategorySource != "sector" {
				t.Errorf("UGM IA: %+v", ia)
			}
		case e.iaCRI.ID:
			if !ia.Active || ia.Weight != 0 || ia.Partners[0].CategorySource != "none" {
				t.Errorf("CRI IA: %+v", ia)
			}
		case e.iaDraft.ID:
			if ia.Active {
				t.Errorf("a draft IA counts as active: %+v", ia)
			}
		}
	}

	// a member of a party sets the activity types; an outsider may not; only on an IA
	if _, err := e.db.SetAgreementActivityTypes(e.outsider, e.iaUGM.ID, 0, []iku.Activity{"student_exchange"}); code(err) != sinergi.CodeForbidden {
		t.Errorf("outsider sets types: %v", err)
	}
	if _, err := e.db.SetAgreementActivityTypes(ksSys, e.iaUGM.ID, 0, []iku.Activity{"tourism"}); code(err) != sinergi.CodeInvalid {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := e.db.SetAgreementActivityTypes(ksSys, e.iaUGM.ID, 1, []iku.Activity{"student_exchange"}); code(err) != sinergi.CodePreconditionFailed {
		t.Errorf("stale version: %v", err)
	}
	if _, err := e.db.SetAgreementActivityTypes(ksSys, *e.iaUGM.ParentID, 0, []iku.Activity{"student_exchange"}); code(err) != sinergi.CodeInvalid {
		t.Errorf("types on a MoA: %v", err)
	}
	uniAdmin := actor(21, e.uni.ID, sinergi.RoleMember)
	at, err := e.db.SetAgreementActivityTypes(uniAdmin, e.iaUGM.ID, e.iaUGM.Version, []iku.Activity{"credit_transfer", "student_exchange"})
	if err != nil || at.Version != e.iaUGM.Version+1 || !slices.Equal(at.Types, []iku.Activity{"student_exchange", "credit_transfer"}) {
		t.Fatalf("set types: %+v, %v", at, err)
	}
	if got, err := e.db.AgreementActivityTypes(e.marosCtx, e.iaUGM.ID); err != nil || len(got.Types) != 2 || got.Version != at.Version {
		t.Errorf("read types: %+v, %v", got, err)
	}
	if _, err := e.db.AgreementActivityTypes(context.Background(), e.iaUGM.ID); code(err) != sinergi.CodeUnauthorized {
		t.Errorf("types read by the public: %v", err)
	}

	// PT CRI is a multinational: its org admin or a system admin says so; Unsulbar's member may not
	if _, err := e.db.SetPartnerCategory(uniAdmin, e.cri.ID, iku.Multinational); code(err) != sinergi.CodeForbidden {
		t.Errorf("another organisation's member sets the category: %v", err)
	}
	if _, err := e.db.SetPartnerCategory(ksSys, e.cri.ID, "pirate"); code(err) != sinergi.CodeInvalid {
		t.Errorf("unknown category: %v", err)
	}
	criAdmin := actor(22, e.cri.ID, sinergi.RoleOrgAdmin)
	pc, err := e.db.SetPartnerCategory(criAdmin, e.cri.ID, iku.Multinational)
	if err != nil || pc.Category != iku.Multinational || pc.Source != "explicit" || pc.Weight != 1 {
		t.Fatalf("set category: %+v, %v", pc, err)
	}
	if _, err := e.db.SetPartnerCategory(ksSys, e.ugm.ID, iku.QS100); err != nil {
		t.Fatal(err)
	}

	v, err = e.db.UniversityView(e.marosCtx, e.uni.ID, sem)
	if err != nil {
		t.Fatal(err)
	}
	if want := (iku.Figure{Programmes: 3, WithIA: 2, Share: 0.6667, Weighted: 0.6667}); v.Figure != want {
		t.Errorf("after categorising: %+v, want %+v", v.Figure, want)
	}
	counts := map[iku.Category]int{}
	for _, c := range v.Categories {
		counts[c.Code] = c.Programmes
	}
	if counts[iku.QS100] != 1 || counts[iku.Multinational] != 1 || counts[iku.University] != 0 {
		t.Errorf("programmes by category: %v", counts)
	}
	acts := map[iku.Activity]int{}
	for _, a := range v.Activities {
		acts[a.Code] = a.IAs
	}
	if acts["student_exchange"] != 1 || acts["credit_transfer"] != 1 || acts["benchmarking"] != 0 {
		t.Errorf("activities: %v", acts)
	}
	// back to the sector's default
	if pc, err := e.db.SetPartnerCategory(ksSys, e.ugm.ID, iku.None); err != nil || pc.Category != iku.University || pc.Source != "sector" {
		t.Errorf("clear category: %+v, %v", pc, err)
	}

	// another semester: the IAs ended 2027-12-31, so 2028-1 shows none active
	later, _ := iku.ParseSemester("2028-1")
	if v, err := e.db.UniversityView(e.marosCtx, e.uni.ID, later); err != nil || v.Figure.WithIA != 0 || v.Figure.Programmes != 3 {
		t.Errorf("2028-1: %+v, %v", v.Figure, err)
	}
	// a terminated IA still counts for the semester it was in force
	if _, err := e.db.TerminateAgreement(ksSys, e.iaCRI.ID, 0, sinergi.TerminationInput{Reason: "agreed", Date: "2026-10-01"}); err != nil {
		t.Fatal(err)
	}
	if v, _ := e.db.UniversityView(e.marosCtx, e.uni.ID, sem); v.Figure.WithIA != 2 {
		t.Errorf("terminated in the semester: %+v", v.Figure)
	}
	if v, _ := e.db.UniversityView(e.marosCtx, e.uni.ID, sem.Next()); v.Figure.WithIA != 1 {
		t.Errorf("terminated before 2026-2: %+v", v.Figure)
	}

	// who may read, and which organisations have the view
	if _, err := e.db.UniversityView(context.Background(), e.uni.ID, sem); code(err) != sinergi.CodeUnauthorized {
		t.Errorf("public read: %v", err)
	}
	if _, err := e.db.UniversityView(e.marosCtx, e.maros.ID, sem); code(err) != sinergi.CodeNotFound {
		t.Errorf("a regency has no university view: %v", err)
	}
	if _, err := e.db.UniversityView(e.marosCtx, 999999, sem); code(err) != sinergi.CodeNotFound {
		t.Errorf("missing organisation: %v", err)
	}
	if n, err := e.db.VerifyAudit(ksSys); err != nil || n == 0 {
		t.Errorf("audit: %d, %v", n, err)
	}
}

// A university without study programmes or IAs shows empty lists and a zero figure.
func TestUniversityViewEmpty(t *testing.T) {
	e := newKS(t)
	v, err := e.db.UniversityView(e.marosCtx, e.ugm.ID, iku.Semester{Year: 2026, Half: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Programmes) != 0 || len(v.IAs) != 0 || len(v.Partners) != 0 || v.Figure != (iku.Figure{}) || len(v.Categories) != len(iku.Categories) {
		t.Errorf("empty view: %+v", v)
	}
}
