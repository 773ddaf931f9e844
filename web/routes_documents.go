package web

// documentRoutes: official documents as PDF through the document engine
// (package pdf; issue 7 item 5): Bantuan Kedinasan letters, forum minutes
// and decision records, kerja sama summaries and letters. Each is allowed to
// the readers of what it prints.
func (s *Server) documentRoutes(g router) {
	api, html := g.api, g.html
	html("GET /assistance/{id}/letter.pdf", s.assistanceLetterPDF)
	html("GET /meetings/{id}/minutes.pdf", s.minutesPDF)
	html("GET /forums/{forum}/meetings/{id}/minutes.pdf", s.minutesPDF)
	html("GET /proposals/{id}/record.pdf", s.recordPDF)
	html("GET /agreements/{id}/summary.pdf", s.agreementSummaryPDF)
	html("GET /agreements/{id}/letter.pdf", s.agreementLetterPDF)
	api("GET /api/v1/agreements/{id}/summary.pdf", s.agreementSummaryPDF)
	api("GET /api/v1/agreements/{id}/letter.pdf", s.agreementLetterPDF)
}
