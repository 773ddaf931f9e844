package web

import "sinergi/sheet"

// activityRoutes lists the routes of the activity log and the network
// analytics (issue 6).
func (s *Server) activityRoutes(g router) {
	api, html := g.api, g.html
	imp := s.activityImporter()
	api("GET /api/v1/activities", s.apiActivities)
	api("POST /api/v1/activities", s.apiCreateActivity)
	api("GET /api/v1/activities/template.xlsx", apiTemplate(sheet.Activities))
	api("POST /api/v1/activities/import", s.apiImport(imp))
	api("GET /api/v1/activities/{id}", s.apiActivity)
	api("GET /api/v1/analytics/network", s.apiNetwork)
	api("GET /api/v1/analytics/trends", s.apiTrends)

	html("GET /analytics", s.analyticsPage)
	html("GET /activities/import", s.importPage(imp))
	html("POST /activities/import", s.importSubmit(imp))
}
