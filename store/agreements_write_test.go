package store_test

import (
	"encoding/json"
	"testing"

	"sinergi"
	"sinergi/sheet"
	"sinergi/store"
)

// A new agreement is returned and audited as a later read shows it, whether
// created alone or by the import, which writes by the hundred and does not
// read its rows back.
func TestAgreementWrittenAsRead(t *testing.T) {
	e := newKS(t)
	u, err := e.db.CreateUnit(ksSys, e.cri.ID, sinergi.UnitInput{Name: "Divisi Stasiun", Kind: "division"})
	if err != nil {
		t.Fatal(err)
	}
	in := sinergi.AgreementInput{Kind: sinergi.KindKSDPK, Title: "Pengelolaan kios stasiun",
		Parties: []sinergi.PartyInput{{OrganizationID: e.maros.ID, Role: "lead",
			Signatories: []sinergi.Signatory{{Name: "Bupati", Position: "Bupati Maros", Authority: "head_of_region", Document: "pks"}}},
			{OrganizationID: e.cri.ID, UnitID: &u.ID}},
		StartDate: "2026-01-01", EndDate: "2028-12-31", BurdensPublic: true, Urusan: []string{"perhubungan"}, Scope: "Kios", Value: 5,
		FundingSources: []string{"APBD"}, Obligations: []sinergi.ObligationInput{
			{OrganizationID: e.cri.ID, Description: "Membangun kios", DueDate: "2026-03-01"}, {OrganizationID: e.maros.ID, Description: "Lahan", DueDate: "2027-03-01"}}}
	created, err := e.db.CreateAgreement(e.marosCtx, in)
	if err != nil {
		t.Fatal(err)
	}
	read, err := e.db.Agreement(e.marosCtx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := asJSON(t, created), asJSON(t, read); a != b {
		t.Errorf("created\n%s\nread\n%s", a, b)
	}
	rep, err := e.db.ImportAgreements(e.marosCtx, []sheet.Row{{Line: 2, Cells: map[string]string{"kind": "KSDD", "title": "Jalan akses stasiun",
		"parties": "Pemerintah Kabupaten Maros; pemerintah kabupaten barru", "start_date": "2026-01-01", "end_date": "2027-01-01", "scope": "Jalan"}}}, sheet.AllOrNothing)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	entries, err := e.db.AuditEntries(ksSys, store.AuditFilter{Entity: "agreement"})
	if err != nil || len(entries.Items) != 2 {
		t.Fatalf("audit: %d entries, %v", len(entries.Items), err)
	}
	for _, en := range entries.Items {
		read, err := e.db.Agreement(e.marosCtx, en.EntityID)
		if err != nil {
			t.Fatal(err)
		}
		if b := asJSON(t, read); en.After != b {
			t.Errorf("audited\n%s\nread\n%s", en.After, b)
		}
	}
	if n, err := e.db.VerifyAudit(t.Context()); err != nil || n < 4 {
		t.Errorf("audit chain: %d, %v", n, err)
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
