package web

import "sinergi/sheet"

// agreementRoutes lists the routes of the kerja sama registry (issue 5).
func (s *Server) agreementRoutes(g router) {
	api, html := g.api, g.html
	imp := s.agreementImporter()
	api("GET /api/v1/agreements", s.apiAgreements)
	api("POST /api/v1/agreements", s.apiCreateAgreement)
	api("GET /api/v1/agreements/{id}", s.apiAgreement)
	api("GET /api/v1/agreements/template.xlsx", apiTemplate(sheet.Agreements))
	api("POST /api/v1/agreements/import", s.apiImport(imp))
	api("GET /api/v1/agreements/export.xlsx", s.apiExportAgreements("xlsx"))
	api("GET /api/v1/agreements/export.csv", s.apiExportAgreements("csv"))
	api("POST /api/v1/agreements/{id}/stages/{code}", s.apiAgreementStage)
	api("POST /api/v1/agreements/{id}/terminate", s.apiTerminateAgreement)
	api("POST /api/v1/agreements/{id}/renew", s.apiRenewAgreement)
	api("GET /api/v1/agreement-affairs", s.apiAgreementAffairs)
	api("GET /api/v1/agreements/{id}/reports", s.apiAgreementReports)
	api("POST /api/v1/agreements/{id}/reports", s.apiCreateAgreementReport)
	api("GET /api/v1/agreements/{id}/reports/{rid}", s.apiAgreementReport)
	api("PUT /api/v1/agreements/{id}/reports/{rid}", s.apiUpdateAgreementReport)
	api("POST /api/v1/agreements/{id}/reports/{rid}/files", s.apiAddReportEvidence)
	api("GET /api/v1/agreements/{id}/reports/{rid}/files/{fid}", s.serveEvidence)
	api("PUT /api/v1/agreements/{id}/reporting", s.apiSetReporting)
	api("POST /api/v1/agreements/{id}/obligations/{oid}/done", s.apiObligationDone)
	api("DELETE /api/v1/agreements/{id}/obligations/{oid}/done", s.apiObligationUndo)
	api("PUT /api/v1/agreements/{id}/parties/{org}", s.apiUpdateAgreementParty)

	html("GET /agreements", s.agreementsPage)
	html("GET /agreements/new", s.agreementNew)
	html("GET /agreements/import", s.importPage(imp))
	html("POST /agreements/import", s.importSubmit(imp))
	html("POST /agreements/new", s.agreementCreate)
	html("GET /agreements/{id}", s.agreementPage)
	html("POST /agreements/{id}/stages/{code}", s.agreementStageSave)
	html("POST /agreements/{id}/terminate", s.agreementTerminate)
	html("POST /agreements/{id}/renew", s.agreementRenew)
	html("GET /agreements/{id}/reports", s.agreementReportsPage)
	html("POST /agreements/{id}/reports", s.agreementReportCreate)
	html("POST /agreements/{id}/reports/{rid}/files", s.agreementReportUpload)
	html("POST /agreements/{id}/reporting", s.agreementReportingSave)
	html("POST /agreements/{id}/obligations/{oid}/done", s.agreementObligationDone)
	html("POST /agreements/{id}/obligations/{oid}/undo", s.agreementObligationUndo)
	html("GET /agreements/{id}/parties/{org}", s.agreementPartyPage)
	html("POST /agreements/{id}/parties/{org}", s.agreementPartySave)
}
