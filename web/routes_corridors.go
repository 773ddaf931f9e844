package web

// corridorRoutes lists the routes of corridor programmes (issue 9).
func (s *Server) corridorRoutes(g router) {
	api, html := g.api, g.html
	api("GET /api/v1/corridors", s.apiCorridors)
	api("POST /api/v1/corridors", s.apiCreateCorridor)
	api("GET /api/v1/corridors/{id}", s.apiCorridor)
	api("POST /api/v1/corridors/{id}/plans", s.apiCorridorPlan)
	api("POST /api/v1/corridors/{id}/agreements", s.apiLinkCorridorAgreement)
	api("DELETE /api/v1/corridors/{id}/agreements/{agreement_id}", s.apiUnlinkCorridorAgreement)
	api("GET /api/v1/corridors/{id}/applications", s.apiCorridorApplications)
	api("POST /api/v1/corridors/{id}/applications", s.apiCreateCorridorApplication)
	api("POST /api/v1/corridors/{id}/commit", s.apiCorridorCommit)
	api("POST /api/v1/corridors/{id}/close", s.apiCorridorClose)
	api("POST /api/v1/corridors/{id}/draw", s.apiCorridorDraw)
	api("GET /api/v1/corridors/{id}/draws", s.apiCorridorDraws)
	api("GET /api/v1/corridors/{id}/draws/{draw_id}", s.apiCorridorDrawRecord)
	api("GET /api/v1/corridors/{id}/appeals", s.apiCorridorAppeals)
	api("POST /api/v1/corridors/{id}/appeals", s.apiCreateCorridorAppeal)
	api("POST /api/v1/corridors/{id}/appeals/{appeal_id}/decision", s.apiDecideCorridorAppeal)

	html("GET /corridors", s.corridorsPage)
	html("GET /corridors/{id}", s.corridorPage)
	html("POST /corridors/{id}/agreements", s.corridorLinkAgreement)
	html("POST /corridors/{id}/agreements/{agreement_id}/unlink", s.corridorUnlinkAgreement)
	html("POST /corridors/{id}/applications", s.corridorApply)
	html("POST /corridors/{id}/plans/steps", s.corridorAddStep)
	html("POST /corridors/{id}/commit", s.corridorCommit)
	html("POST /corridors/{id}/close", s.corridorClose)
	html("POST /corridors/{id}/draw", s.corridorRunDraw)
	html("GET /corridors/{id}/draws/{draw_id}", s.corridorDrawPage)
	html("GET /corridors/{id}/plan.pdf", s.corridorPlanPDF)
}
