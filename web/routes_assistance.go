package web

import "sinergi/store"

// assistanceRoutes: Bantuan Kedinasan (UU 30/2014 Pasal 34–37).
func (s *Server) assistanceRoutes(g router) {
	api := g.api
	api("GET /api/v1/assistance-requests", s.apiAssistanceList)
	api("POST /api/v1/assistance-requests", s.apiAssistanceCreate)
	api("GET /api/v1/assistance-requests/{id}", s.apiAssistanceGet)
	api("PATCH /api/v1/assistance-requests/{id}", s.apiAssistanceUpdate)
	api("POST /api/v1/assistance-requests/{id}/submit", s.apiAssistanceStep((*store.DB).SubmitAssistanceRequest))
	api("POST /api/v1/assistance-requests/{id}/accept", s.apiAssistanceStep((*store.DB).AcceptAssistanceRequest))
	api("POST /api/v1/assistance-requests/{id}/refuse", s.apiAssistanceRefuse)
	api("POST /api/v1/assistance-requests/{id}/start", s.apiAssistanceStep((*store.DB).StartAssistanceRequest))
	api("POST /api/v1/assistance-requests/{id}/complete", s.apiAssistanceStep((*store.DB).CompleteAssistanceRequest))
	api("POST /api/v1/assistance-requests/{id}/cancel", s.apiAssistanceStep((*store.DB).CancelAssistanceRequest))
	api("PUT /api/v1/assistance-requests/{id}/cost-sharing", s.apiAssistanceCostSharing)
	api("POST /api/v1/assistance-requests/{id}/cost-sharing/confirm", s.apiAssistanceConfirm(false))
	api("POST /api/v1/assistance-requests/{id}/responsibility/sign", s.apiAssistanceConfirm(true))
	api("GET /api/v1/organizations/{id}/assistance-stats", s.apiAssistanceStats)
	api("GET /api/v1/organizations/{id}/assistance-numbering", s.apiAssistanceNumbering)
	api("PUT /api/v1/organizations/{id}/assistance-numbering", s.apiAssistanceSetNumbering)
	s.assistancePages(g)
}

// assistancePages: the web UI of Bantuan Kedinasan.
func (s *Server) assistancePages(g router) {
	html := g.html
	html("GET /assistance", s.assistanceListPage)
	html("GET /assistance/new", s.assistanceNew)
	html("GET /assistance/stats", s.assistanceStatsPage)
	html("GET /assistance/numbering", s.assistanceNumberingPage)
	html("POST /assistance/numbering", s.assistanceNumberingSave)
	html("GET /assistance/{id}/edit", s.assistanceEdit)
	html("POST /assistance/{id}/edit", s.assistanceEditPost)
	html("POST /assistance/new", s.assistanceNewPost)
	html("GET /assistance/{id}", s.assistancePage)
	html("GET /assistance/{id}/submitted", s.assistanceSubmitted)
	html("POST /assistance/{id}/step/{action}", s.assistanceStep)
	html("GET /assistance/{id}/respond", s.assistanceRespond)
	html("POST /assistance/{id}/refuse", s.assistanceRefuse)
	html("GET /assistance/{id}/costs", s.assistanceCosts)
	html("POST /assistance/{id}/costs", s.assistanceCostsSave)
	html("GET /assistance/{id}/letter/{kind}", s.assistanceLetter)
}
