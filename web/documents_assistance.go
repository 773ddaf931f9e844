package web

import (
	"net/http"
	"strconv"
	"time"

	"sinergi/assist"
	"sinergi/pdf"
)

// assistanceLetterPDF sends a Bantuan Kedinasan letter (?kind=request or
// response) as PDF: the same letterData as the HTML view, laid out by
// pdf.NewLetter. Readers are those of the HTML letter.
func (s *Server) assistanceLetterPDF(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	kind := r.URL.Query().Get("kind")
	if kind == "" {
		kind = "request"
	}
	l, err := s.letterData(r, a, kind)
	if err != nil {
		return err
	}
	d, err := pdf.NewLetter(pdf.Options{Author: l.Kop, Subject: "Bantuan Kedinasan", Keywords: []string{"Bantuan Kedinasan", "UU 30/2014"}, Created: l.At}, l.pdf())
	if err != nil {
		return err
	}
	name := map[string]string{"request": "surat-permohonan", "response": "surat-jawaban"}[kind] + "-" + strconv.FormatInt(a.ID, 10)
	if l.Number != "" {
		name += "-" + l.Number
	}
	return sendPDF(w, d, name)
}

// pdf is the letter in the document engine's terms.
func (l *letter) pdf() pdf.Letter {
	out := pdf.Letter{
		Head:           pdf.Letterhead{Lines: []string{l.Kop}},
		Number:         l.Number,
		Classification: pdf.Classification(assist.SecurityCode(l.Class)),
		Place:          l.Place,
		Date:           l.At,
		Sifat:          l.Sifat,
		Lampiran:       l.Lampiran,
		Hal:            l.Hal,
		To:             l.To,
		Address:        l.ToAddress,
		Signer:         pdf.Signer{Position: l.Signer.Position, Name: l.Signer.Name, NIP: l.Signer.NIP},
		Tembusan:       l.Tembusan,
	}
	if l.KopRegion != "" {
		out.Head.Address = []string{l.KopRegion}
	}
	if out.Date.IsZero() { // not dated yet: today's date stands in
		out.Date = time.Now().In(assist.Wita)
	}
	for _, p := range l.Body {
		out.Body = append(out.Body, pdf.Para{Text: p.Text, Items: p.Items})
	}
	return out
}
