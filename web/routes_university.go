package web

// universityRoutes lists the routes of the university view of the kerja
// sama registry (issue 5 item 10).
func (s *Server) universityRoutes(g router) {
	api, html := g.api, g.html
	api("GET /api/v1/organizations/{id}/university", s.apiUniversity)
	api("GET /api/v1/organizations/{id}/partner-category", s.apiPartnerCategory)
	api("PUT /api/v1/organizations/{id}/partner-category", s.apiSetPartnerCategory)
	api("GET /api/v1/agreements/{id}/activity-types", s.apiActivityTypes)
	api("PUT /api/v1/agreements/{id}/activity-types", s.apiSetActivityTypes)
	api("GET /api/v1/iku6", s.apiIKU6)

	html("GET /organizations/{id}/university", s.universityPage)
	html("POST /organizations/{id}/partner-category", s.partnerCategorySave)
	html("GET /agreements/university", s.universityPick)
	html("POST /agreements/{id}/activity-types", s.activityTypesSave)
}
