package web

// documentRoutes: official documents as PDF through the document engine
// (package pdf; issue 7 item 5): Bantuan Kedinasan letters, forum minutes
// and decision records. Each is the PDF twin of an HTML print view and is
// allowed to the same readers.
func (s *Server) documentRoutes(g router) {
	html := g.html
	html("GET /assistance/{id}/letter.pdf", s.assistanceLetterPDF)
	html("GET /meetings/{id}/minutes.pdf", s.minutesPDF)
	html("GET /forums/{forum}/meetings/{id}/minutes.pdf", s.minutesPDF)
	html("GET /proposals/{id}/record.pdf", s.recordPDF)
}
