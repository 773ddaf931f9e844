package web_test

import (
	"fmt"

	"sinergi"
)

// orgU is a university with a study programme; iaOfA is an IA between orgA
// and orgU under its MoA and MoU, every stage recorded.
func (m *matrix) orgU() int64 {
	return lastID(m.once("orgU", func() string {
		o, err := m.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Universitas Sulawesi Barat", Sector: sinergi.SectorPublicUniversity, RegionCode: "76.05"})
		if err != nil {
			m.t.Fatal(err)
		}
		return fmt.Sprintf("/%d", o.ID)
	}))
}

func (m *matrix) iaOfA() string {
	var parent *int64
	var id int64
	for _, kind := range []sinergi.AgreementKind{sinergi.KindMoU, sinergi.KindMoA, sinergi.KindIA} {
		a, err := m.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: kind, Title: fmt.Sprintf("%s Maros – Unsulbar %d", kind, m.n()), ParentID: parent,
			StartDate: "2026-01-01", EndDate: "2029-12-31", Parties: []sinergi.PartyInput{{OrganizationID: m.orgA.ID, Role: "lead"}, {OrganizationID: m.orgU()}}})
		if err != nil {
			m.t.Fatal(err)
		}
		for _, code := range []string{"persiapan", "penyusunan", "penandatanganan"} {
			if a, err = m.db.CompleteAgreementStage(sys, a.ID, a.Version, code, sinergi.StageInput{Date: "2026-01-01"}); err != nil {
				m.t.Fatal(err)
			}
		}
		id = a.ID
		parent = &id
	}
	return fmt.Sprintf("/api/v1/agreements/%d", id)
}

// universityMatrixRows: the university view and the reference tables are
// read by every signed-in account (the tables by anyone); an organisation's
// partner category is set by its admins, an IA's activity types by those who
// manage the agreement; the agreement documents are read like the agreement.
func universityMatrixRows() []matrixRow {
	org := func(m *matrix, id int64, suffix string) string {
		return fmt.Sprintf("/api/v1/organizations/%d/%s", id, suffix)
	}
	//                                                                sys adminA memberA partnerB public adminP memberP
	return []matrixRow{
		{"GET /organizations/{id}/university — orgU", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "GET", org(m, m.orgU(), "university?semester=2026-1"), ""
		}},
		{"GET /organizations/{id}/partner-category — orgA (the registry is public)", "AAAAAAA", func(m *matrix) (string, string, string) {
			return "GET", org(m, m.orgA.ID, "partner-category"), ""
		}},
		{"PUT /organizations/{id}/partner-category — orgA", "AAFFUFF", func(m *matrix) (string, string, string) {
			return "PUT", org(m, m.orgA.ID, "partner-category"), `{"category":"government_agency"}`
		}},
		{"GET /agreements/{id}/activity-types — IA of orgA", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "GET", m.once("iaOfA", m.iaOfA) + "/activity-types", ""
		}},
		{"PUT /agreements/{id}/activity-types — IA of orgA", "AAAFUFF", func(m *matrix) (string, string, string) {
			return "PUT", m.iaOfA() + "/activity-types", `{"types":["benchmarking"]}`
		}},
		{"GET /iku6", "AAAAAAA", getRow("/api/v1/iku6")},
		{"GET /agreements/{id}/summary.pdf — of orgA", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "GET", m.once("agreement", m.newAgreement) + "/summary.pdf", ""
		}},
		{"GET /agreements/{id}/letter.pdf — of orgA", "AAAAUAA", func(m *matrix) (string, string, string) {
			return "GET", m.once("agreement", m.newAgreement) + "/letter.pdf", ""
		}},
	}
}
