package web

// assessmentRoutes lists the routes of assessments (issue 8): survey
// campaigns with anonymous answers, Ratner's three-stage assessment and the
// register of challenges and obstacles.
func (s *Server) assessmentRoutes(g router) {
	api, html := g.api, g.html
	api("GET /api/v1/survey-instruments", s.apiSurveyInstruments)
	api("GET /api/v1/surveys", s.apiSurveys)
	api("POST /api/v1/surveys", s.apiCreateSurvey)
	api("GET /api/v1/surveys/{id}", s.apiSurvey)
	api("GET /api/v1/surveys/{id}/results", s.apiSurveyResults)
	api("POST /api/v1/surveys/{id}/responses", s.apiSurveyRespond)
	api("POST /api/v1/surveys/{id}/links", s.apiSurveyLinks)
	api("GET /api/v1/assessments", s.apiAssessments)
	api("POST /api/v1/assessments", s.apiCreateAssessment)
	api("GET /api/v1/assessments/{id}", s.apiAssessment)
	api("POST /api/v1/assessments/{id}/issues", s.apiAddIssue)
	api("POST /api/v1/assessments/{id}/actions", s.apiAddPlanAction)
	api("POST /api/v1/assessments/{id}/strategies", s.apiAddStrategy)
	api("GET /api/v1/obstacles", s.apiObstacles)
	api("POST /api/v1/obstacles", s.apiCreateObstacle)
	api("PATCH /api/v1/obstacles/{id}", s.apiUpdateObstacle)
	api("GET /api/v1/obstacle-proposals", s.apiObstacleProposals)
	api("POST /api/v1/obstacle-proposals/accept", s.apiAcceptProposal)
	api("POST /api/v1/obstacle-proposals/dismiss", s.apiDismissProposal)

	html("GET /surveys", s.surveysPage)
	html("GET /surveys/new", s.surveyNew)
	html("POST /surveys/new", s.surveyCreate)
	html("GET /surveys/{id}", s.surveyPage)
	html("POST /surveys/{id}/links", s.surveyLinksIssue)
	html("GET /surveys/{id}/answer", s.surveyAnswerLogin)
	html("POST /surveys/{id}/answer", s.surveySubmitLogin)
	html("GET /s/{token}", s.surveyAnswerLink)
	html("POST /s/{token}", s.surveySubmitLink)
	html("GET /assessments", s.assessmentsPage)
	html("POST /assessments", s.assessmentCreate)
	html("GET /assessments/{id}", s.assessmentPage)
	html("GET /assessments/{id}/pdf", s.assessmentPDF)
	html("POST /assessments/{id}/{part}", s.assessmentAdd)
	html("GET /obstacles", s.obstaclesPage)
	html("POST /obstacles", s.obstacleCreate)
	html("POST /obstacles/{id}/status", s.obstacleStatus)
	html("POST /obstacle-proposals/{action}", s.obstacleDecide)
}
