package web

// activityRoutes lists the routes of the activity log and the network
// analytics (issue 6).
func (s *Server) activityRoutes(g router) {
	api, html := g.api, g.html
	api("GET /api/v1/activities", s.apiActivities)
	api("POST /api/v1/activities", s.apiCreateActivity)
	api("GET /api/v1/activities/{id}", s.apiActivity)
	api("GET /api/v1/analytics/network", s.apiNetwork)

	html("GET /analytics", s.analyticsPage)
}
