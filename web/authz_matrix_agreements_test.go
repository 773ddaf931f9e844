package web_test

import (
	"fmt"

	"sinergi"
)

// followUpAgreement makes an agreement in force between orgA and orgP with one
// overdue obligation of orgA and one report with a text file, and returns
// its API path, the report's path and the file's path.
func (m *matrix) followUpAgreement() (ag, rep, file string) {
	m.t.Helper()
	a, err := m.db.CreateAgreement(sys, sinergi.AgreementInput{Kind: sinergi.KindKSDD, Title: fmt.Sprintf("Angkutan pengumpan %d", m.n()), FundedInCurrentBudget: true,
		Parties: []sinergi.PartyInput{{OrganizationID: m.orgA.ID, Role: "lead"}, {OrganizationID: m.orgP.ID}}, StartDate: "2026-01-01", EndDate: "2030-12-31",
		Obligations: []sinergi.ObligationInput{{OrganizationID: m.orgA.ID, Description: "Halte", DueDate: "2026-03-31"}}})
	if err != nil {
		m.t.Fatal(err)
	}
	for _, code := range []string{"persiapan", "penawaran", "penyusunan_kb", "penandatanganan_kb", "penyusunan_pks", "penandatanganan_pks"} {
		if a, err = m.db.CompleteAgreementStage(sys, a.ID, 0, code, sinergi.StageInput{Date: "2026-02-01"}); err != nil {
			m.t.Fatal(err)
		}
	}
	r, err := m.db.CreateAgreementReport(sys, a.ID, sinergi.ReportInput{PeriodStart: "2026-01-01", PeriodEnd: "2026-06-30", ReportDate: "2026-07-01", Narrative: "Halte sedang dibangun."})
	if err != nil {
		m.t.Fatal(err)
	}
	f, err := m.db.AddReportEvidence(sys, a.ID, r.ID, "notulen.txt", []byte("Notulen"))
	if err != nil {
		m.t.Fatal(err)
	}
	ag = fmt.Sprintf("/api/v1/agreements/%d", a.ID)
	rep = fmt.Sprintf("%s/reports/%d", ag, r.ID)
	return ag, rep, fmt.Sprintf("%s/files/%d", rep, f.ID)
}

// agreementFollowUpMatrixRows: the follow-up of an agreement between orgA and orgP
// is read by every account and written by the organisation admins of the
// parties (adminA, adminP) and system admins only.
func agreementFollowUpMatrixRows() []matrixRow {
	const report = `{"period_start":"2026-07-01","period_end":"2026-09-30","report_date":"2026-10-01","narrative":"Halte selesai dibangun."}`
	obligation := func(m *matrix, ag string) string {
		a := m.must(200, "GET", ag, "sys", "")
		return fmt.Sprintf("%s/obligations/%d/done", ag, int64(a["obligations"].([]any)[0].(map[string]any)["id"].(float64)))
	}
	return []matrixRow{
		{"GET /agreements/{id}/reports — orgA–orgP", "AAAAUAA", func(m *matrix) (string, string, string) {
			ag, _, _ := m.followUpAgreement()
			return "GET", ag + "/reports", ""
		}},
		{"GET /agreements/{id}/reports/{rid} — orgA–orgP", "AAAAUAA", func(m *matrix) (string, string, string) { _, rep, _ := m.followUpAgreement(); return "GET", rep, "" }},
		{"GET /agreements/{id}/reports/{rid}/files/{fid} — orgA–orgP", "AAAAUAA", func(m *matrix) (string, string, string) { _, _, f := m.followUpAgreement(); return "GET", f, "" }},
		{"POST /agreements/{id}/reports — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			ag, _, _ := m.followUpAgreement()
			return "POST", ag + "/reports", report
		}},
		{"PUT /agreements/{id}/reports/{rid} — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			_, rep, _ := m.followUpAgreement()
			return "PUT", rep, report
		}},
		{"POST /agreements/{id}/reports/{rid}/files — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			_, rep, _ := m.followUpAgreement()
			return "POST", rep + "/files?name=catatan.txt", "Catatan rapat"
		}},
		{"DELETE /agreements/{id}/reports/{rid}/files/{fid} — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			_, _, f := m.followUpAgreement()
			return "DELETE", f, ""
		}},
		{"PUT /agreements/{id}/reporting — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			ag, _, _ := m.followUpAgreement()
			return "PUT", ag + "/reporting", `{"interval_months":3}`
		}},
		{"POST /agreements/{id}/obligations/{oid}/done — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			ag, _, _ := m.followUpAgreement()
			return "POST", obligation(m, ag), `{"date":"2026-04-01"}`
		}},
		{"DELETE /agreements/{id}/obligations/{oid}/done — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			ag, _, _ := m.followUpAgreement()
			done := obligation(m, ag)
			m.must(200, "POST", done, "sys", `{"date":"2026-04-01"}`)
			return "DELETE", done, ""
		}},
		{"PUT /agreements/{id}/parties/{org} — orgA–orgP", "AAFFUAF", func(m *matrix) (string, string, string) {
			ag, _, _ := m.followUpAgreement()
			return "PUT", fmt.Sprintf("%s/parties/%d", ag, m.orgP.ID), `{"role":"party","signatories":[{"name":"Wali Kota Parepare","position":"Wali Kota","authority":"head_of_region","document":"kb"}]}`
		}},
	}
}
