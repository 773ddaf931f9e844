package web

// notificationRoutes lists the routes of notifications (issue 3, item 11).
func (s *Server) notificationRoutes(g router) {
	api, html := g.api, g.html
	api("GET /api/v1/notifications", s.apiNotifications)
	api("POST /api/v1/notifications/{id}/read", s.apiReadNotification)
	api("POST /api/v1/notifications/read-all", s.apiReadAllNotifications)
	api("GET /api/v1/me/notification-preferences", s.apiNotificationPreferences)
	api("PUT /api/v1/me/notification-preferences", s.apiSetNotificationPreferences)

	html("GET /notifications", s.notificationsPage)
	html("POST /notifications/{id}/read", s.notificationRead)
	html("POST /notifications/read-all", s.notificationsReadAll)
	html("GET /notifications/preferences", s.preferencesPage)
	html("POST /notifications/preferences", s.preferencesSave)
}
