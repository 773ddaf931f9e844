package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"sinergi"
	"sinergi/assist"
	"sinergi/rupiah"
	"sinergi/store"
)

// Official letters of Bantuan Kedinasan as printable HTML in the surat dinas
// layout (domain.md §6). The PDF engine does not exist yet; the browser's
// "print to PDF" stands in for it.

var letterTmpl = template.Must(template.New("assistance_letter.html").Funcs(funcs).ParseFS(templateFS, "templates/print/assistance_letter.html"))

func (s *Server) responseDays() int { return store.AssistanceConfig.ResponseDays }

// signer is the signature block.
type signer struct{ Position, Name, NIP string }

// letter is what the letter template shows.
type letter struct {
	Kop, KopRegion, Place, Date, Number, Sifat, Lampiran, Hal string
	To, ToPlace                                               string
	Paragraphs                                                []string
	List                                                      []string
	Closing                                                   string
	Signer                                                    signer
	Tembusan                                                  []string
	Secret                                                    bool
}

// placeOf is the place name of a region for "Maros, 29 November 2026".
func placeOf(o *sinergi.Organization) string {
	p := o.RegionName
	for _, pre := range []string{"Kabupaten ", "Kota ", "Provinsi ", "Daerah Khusus Ibukota ", "Daerah Istimewa "} {
		p = strings.TrimPrefix(p, pre)
	}
	if o.Sector == sinergi.SectorProvincialGovernment && p == "Sulawesi Selatan" {
		p = "Makassar"
	}
	return strings.Title(strings.ToLower(p)) //nolint:staticcheck // names of places, ASCII
}

func (s *Server) signerOf(r *http.Request, orgID int64) signer {
	l, err := s.DB.People(r.Context(), orgID, "", 0, 50)
	if err == nil {
		for _, p := range l.Items {
			if p.NIP != "" {
				return signer{p.Position, p.Name, p.NIP}
			}
		}
	}
	return signer{Position: "Pimpinan", Name: "……………………………", NIP: "……………………………"}
}

func (s *Server) assistanceLetter(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	req, err := s.DB.Organization(r.Context(), a.RequesterOrgID)
	if err != nil {
		return err
	}
	prov, err := s.DB.Organization(r.Context(), a.ProviderOrgID)
	if err != nil {
		return err
	}
	date := func(t *time.Time) string {
		if t == nil {
			return "……………… " + fmt.Sprint(time.Now().Year())
		}
		return FormatDate(t.In(assist.Wita), "id")
	}
	lampiran := "-"
	if n := len(a.Attachments); n > 0 {
		lampiran = fmt.Sprintf("%d (%s) berkas", n, rupiah.Words(int64(n)))
	}
	sifat := "Biasa"
	if a.Emergency {
		sifat = "Sangat Segera"
	}
	var l letter
	switch r.PathValue("kind") {
	case "request":
		if a.Status == sinergi.AssistDraft {
			return sinergi.Errorf(sinergi.CodeConflict, "Surat permohonan tersedia setelah permohonan diajukan", "The request letter exists once the request is submitted")
		}
		l = letter{Kop: req.Name, KopRegion: req.RegionName, Place: placeOf(req), Date: date(a.SubmittedAt), Number: a.Number, Sifat: sifat,
			Lampiran: lampiran, Hal: "Permohonan Bantuan Kedinasan — " + a.Subject, To: "Pimpinan " + prov.Name, ToPlace: placeOf(prov),
			Signer: s.signerOf(r, req.ID)}
		l.Paragraphs = append(l.Paragraphs, "Dalam rangka kelancaran penyelenggaraan pemerintahan, dengan ini kami mengajukan permohonan Bantuan Kedinasan sebagaimana dimaksud dalam Pasal 35 Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan, berupa: "+a.Description,
			"Permohonan ini didasarkan pada Pasal 35 ayat (1) huruf berikut:")
		for _, g := range a.Grounds {
			l.List = append(l.List, "huruf "+g.Letter+": "+assist.LetterText(assist.Grounds, g.Letter).ID+ifText(g.Explanation != "", " ("+g.Explanation+")"))
		}
		if d, ok := sinergi.ParseDate(a.NeededBy); ok {
			l.Paragraphs = append(l.Paragraphs, "Bantuan tersebut kami perlukan paling lambat tanggal "+FormatDate(d, "id")+".")
		}
		if a.CostEstimate > 0 {
			l.Paragraphs = append(l.Paragraphs, "Perkiraan biaya bantuan sebesar "+rupiah.Official(a.CostEstimate)+", yang pembebanannya kami usulkan ditetapkan bersama sesuai Pasal 35 ayat (2).")
		}
		if a.Emergency {
			l.Paragraphs = append(l.Paragraphs, "Permohonan ini diajukan dalam keadaan darurat: "+a.EmergencyJustification+". Sesuai Pasal 36 ayat (3), bantuan dalam keadaan darurat wajib diberikan.")
		}
		l.Closing = fmt.Sprintf("Kami mohon jawaban Bapak/Ibu paling lambat %d hari kerja sejak surat ini diterima. Demikian permohonan ini kami sampaikan; atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih.", s.responseDays())
	case "response":
		if a.RespondedAt == nil {
			return sinergi.Errorf(sinergi.CodeConflict, "Surat jawaban tersedia setelah permohonan dijawab", "The reply letter exists once the request is answered")
		}
		hal := "Jawaban atas Permohonan Bantuan Kedinasan"
		if a.Status == sinergi.AssistRefused {
			hal = "Penolakan Permohonan Bantuan Kedinasan"
		}
		l = letter{Kop: prov.Name, KopRegion: prov.RegionName, Place: placeOf(prov), Date: date(a.RespondedAt), Sifat: sifat, Lampiran: "-",
			Number: a.ResponseNumber, Hal: hal, To: "Pimpinan " + req.Name, ToPlace: placeOf(req), Signer: s.signerOf(r, prov.ID)}
		if l.Number == "" { // answered before replies had their own numbers
			l.Number = strings.Replace(a.Number, "/BK/", "/BK-J/", 1)
		}
		ref := "Menanggapi surat Saudara Nomor " + a.Number + " tanggal " + date(a.SubmittedAt) + " perihal " + a.Subject + ","
		if a.Status == sinergi.AssistRefused {
			l.Paragraphs = []string{ref + " dengan ini kami sampaikan bahwa permohonan Bantuan Kedinasan tersebut tidak dapat kami penuhi berdasarkan Pasal 36 ayat (1) huruf " +
				a.RefusalGround + " Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan, yaitu " + strings.ToLower(assist.LetterText(assist.RefusalGrounds, a.RefusalGround).ID[:1]) +
				assist.LetterText(assist.RefusalGrounds, a.RefusalGround).ID[1:] + ".",
				"Sesuai Pasal 36 ayat (2), alasan penolakan kami sampaikan secara tertulis sebagai berikut: " + a.RefusalReason}
		} else {
			l.Paragraphs = []string{ref + " dengan ini kami sampaikan bahwa kami bersedia memberikan Bantuan Kedinasan sebagaimana dimohonkan."}
			for _, sh := range a.CostSharing.Shares {
				l.List = append(l.List, sh.OrganizationName+": "+rupiah.Official(sh.Amount)+", sumber dana "+sh.FundingSource+", mata anggaran "+sh.BudgetLine)
			}
			if len(l.List) > 0 {
				l.Paragraphs = append(l.Paragraphs, "Pembebanan biaya disepakati sebagai berikut (Pasal 35 ayat (2)):")
			}
			l.Paragraphs = append(l.Paragraphs, "Sesuai Pasal 37, tanggung jawab atas Keputusan dan/atau Tindakan dalam Bantuan Kedinasan ini ada pada instansi pemohon, kecuali ditentukan lain oleh peraturan perundang-undangan atau perjanjian tertulis kedua pihak.")
		}
		l.Closing = "Demikian kami sampaikan; atas perhatian Bapak/Ibu kami ucapkan terima kasih."
	default:
		return sinergi.NotFound("Surat", "Letter")
	}
	l.Kop = strings.ToUpper(l.Kop)
	l.Secret = a.Classification == sinergi.Rahasia
	for _, o := range []*sinergi.Organization{req, prov} {
		if o.ParentID != nil {
			if p, err := s.DB.Organization(r.Context(), *o.ParentID); err == nil {
				l.Tembusan = append(l.Tembusan, "Pimpinan "+p.Name)
			}
		}
	}
	l.Tembusan = append(l.Tembusan, "Arsip")
	var buf bytes.Buffer
	if err := letterTmpl.Execute(&buf, map[string]any{"L": l, "Back": bkPath(a.ID, "")}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
	return nil
}
