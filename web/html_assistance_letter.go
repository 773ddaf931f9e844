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
	"sinergi/idfmt"
	"sinergi/rupiah"
	"sinergi/store"
)

// Official letters of Bantuan Kedinasan in the surat dinas layout
// (domain.md §6). letterData gathers a letter once; the printable HTML view
// here and the PDF (documents_assistance.go, through the document engine)
// both show what it returns.

var letterTmpl = template.Must(template.New("assistance_letter.html").Funcs(funcs).ParseFS(templateFS, "templates/print/assistance_letter.html"))

func (s *Server) responseDays() int { return store.AssistanceConfig.ResponseDays }

// signer is the signature block.
type signer struct{ Position, Name, NIP string }

// letterPara is one paragraph of a letter, with a numbered list under it.
type letterPara struct {
	Text  string
	Items []string
}

// letter is one Bantuan Kedinasan letter, as both the HTML view and the PDF
// show it.
type letter struct {
	Kind                                                      string // "request" or "response"
	Kop, KopRegion, Place, Date, Number, Sifat, Lampiran, Hal string
	At                                                        time.Time // the letter's date in WITA; zero when not dated yet
	To                                                        string
	ToAddress                                                 []string // lines under the addressee ("di Parepare")
	Body                                                      []letterPara
	Signer                                                    signer
	Tembusan                                                  []string
	Class                                                     sinergi.Classification
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
	return strings.ReplaceAll(strings.Title(strings.ToLower(p)), " Dan ", " dan ") //nolint:staticcheck // names of places, ASCII
}

func (s *Server) signerOf(r *http.Request, orgID int64) signer {
	l, err := s.DB.People(r.Context(), orgID, "", 0, 50)
	if err == nil {
		for _, p := range l.Items {
			if p.NIP != "" {
				return signer{p.Position, p.Name, idfmt.NIP(p.NIP)}
			}
		}
	}
	return signer{Position: "Pimpinan", Name: "……………………………", NIP: "……………………………"}
}

// letterData gathers the letter of the given kind ("request" or
// "response") of request a, which the caller has loaded (and so may read).
func (s *Server) letterData(r *http.Request, a *sinergi.AssistanceRequest, kind string) (*letter, error) {
	req, err := s.DB.Organization(r.Context(), a.RequesterOrgID)
	if err != nil {
		return nil, err
	}
	prov, err := s.DB.Organization(r.Context(), a.ProviderOrgID)
	if err != nil {
		return nil, err
	}
	at := func(t *time.Time) time.Time {
		if t == nil {
			return time.Time{}
		}
		return t.In(assist.Wita)
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
	switch kind {
	case "request":
		if a.Status == sinergi.AssistDraft {
			return nil, sinergi.Errorf(sinergi.CodeConflict, "Surat permohonan tersedia setelah permohonan diajukan", "The request letter exists once the request is submitted")
		}
		l = letter{Kop: req.Name, KopRegion: req.RegionName, Place: placeOf(req), Date: date(a.SubmittedAt), At: at(a.SubmittedAt), Number: a.Number, Sifat: sifat,
			Lampiran: lampiran, Hal: "Permohonan Bantuan Kedinasan — " + a.Subject, To: "Pimpinan " + prov.Name, ToAddress: []string{"di " + placeOf(prov)},
			Signer: s.signerOf(r, req.ID)}
		l.Body = append(l.Body, letterPara{Text: "Dalam rangka kelancaran penyelenggaraan pemerintahan, dengan ini kami mengajukan permohonan Bantuan Kedinasan sebagaimana dimaksud dalam Pasal 35 Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan, berupa: " + a.Description})
		grounds := letterPara{Text: "Permohonan ini didasarkan pada Pasal 35 ayat (1) huruf berikut:"}
		for _, g := range a.Grounds {
			grounds.Items = append(grounds.Items, "huruf "+g.Letter+": "+assist.LetterText(assist.Grounds, g.Letter).ID+ifText(g.Explanation != "", " ("+g.Explanation+")"))
		}
		l.Body = append(l.Body, grounds)
		if d, ok := sinergi.ParseDate(a.NeededBy); ok {
			l.Body = append(l.Body, letterPara{Text: "Bantuan tersebut kami perlukan paling lambat tanggal " + FormatDate(d, "id") + "."})
		}
		if a.CostEstimate > 0 {
			l.Body = append(l.Body, letterPara{Text: "Perkiraan biaya bantuan sebesar " + rupiah.Official(a.CostEstimate) + ", yang pembebanannya kami usulkan ditetapkan bersama sesuai Pasal 35 ayat (2)."})
		}
		if a.Emergency {
			l.Body = append(l.Body, letterPara{Text: "Permohonan ini diajukan dalam keadaan darurat: " + a.EmergencyJustification + ". Sesuai Pasal 36 ayat (3), bantuan dalam keadaan darurat wajib diberikan."})
		}
		l.Body = append(l.Body, letterPara{Text: fmt.Sprintf("Kami mohon jawaban Bapak/Ibu paling lambat %d hari kerja sejak surat ini diterima. Demikian permohonan ini kami sampaikan; atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih.", s.responseDays())})
	case "response":
		if a.RespondedAt == nil {
			return nil, sinergi.Errorf(sinergi.CodeConflict, "Surat jawaban tersedia setelah permohonan dijawab", "The reply letter exists once the request is answered")
		}
		hal := "Jawaban atas Permohonan Bantuan Kedinasan"
		if a.Status == sinergi.AssistRefused {
			hal = "Penolakan Permohonan Bantuan Kedinasan"
		}
		l = letter{Kop: prov.Name, KopRegion: prov.RegionName, Place: placeOf(prov), Date: date(a.RespondedAt), At: at(a.RespondedAt), Sifat: sifat, Lampiran: "-",
			Number: a.ResponseNumber, Hal: hal, To: "Pimpinan " + req.Name, ToAddress: []string{"di " + placeOf(req)}, Signer: s.signerOf(r, prov.ID)}
		if l.Number == "" { // answered before replies had their own numbers
			l.Number = strings.Replace(a.Number, "/BK/", "/BK-J/", 1)
		}
		ref := "Menanggapi surat Saudara Nomor " + a.Number + " tanggal " + date(a.SubmittedAt) + " perihal " + a.Subject + ","
		if a.Status == sinergi.AssistRefused {
			ground := assist.LetterText(assist.RefusalGrounds, a.RefusalGround).ID
			l.Body = []letterPara{{Text: ref + " dengan ini kami sampaikan bahwa permohonan Bantuan Kedinasan tersebut tidak dapat kami penuhi berdasarkan Pasal 36 ayat (1) huruf " +
				a.RefusalGround + " Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan, yaitu " + lowerFirst(ground) + "."},
				{Text: "Sesuai Pasal 36 ayat (2), alasan penolakan kami sampaikan secara tertulis sebagai berikut: " + a.RefusalReason}}
		} else {
			l.Body = []letterPara{{Text: ref + " dengan ini kami sampaikan bahwa kami bersedia memberikan Bantuan Kedinasan sebagaimana dimohonkan."}}
			costs := letterPara{Text: "Pembebanan biaya disepakati sebagai berikut (Pasal 35 ayat (2)):"}
			for _, sh := range a.CostSharing.Shares {
				costs.Items = append(costs.Items, sh.OrganizationName+": "+rupiah.Official(sh.Amount)+", sumber dana "+sh.FundingSource+", mata anggaran "+sh.BudgetLine)
			}
			if len(costs.Items) > 0 {
				l.Body = append(l.Body, costs)
			}
			l.Body = append(l.Body, letterPara{Text: "Sesuai Pasal 37, tanggung jawab atas Keputusan dan/atau Tindakan dalam Bantuan Kedinasan ini ada pada instansi pemohon, kecuali ditentukan lain oleh peraturan perundang-undangan atau perjanjian tertulis kedua pihak."})
		}
		l.Body = append(l.Body, letterPara{Text: "Demikian kami sampaikan; atas perhatian Bapak/Ibu kami ucapkan terima kasih."})
	default:
		return nil, sinergi.NotFound("Surat", "Letter")
	}
	l.Kind = kind
	l.Kop = strings.ToUpper(l.Kop)
	l.Class = a.Classification
	l.Secret = a.Classification == sinergi.Rahasia
	for _, o := range []*sinergi.Organization{req, prov} {
		if o.ParentID != nil {
			if p, err := s.DB.Organization(r.Context(), *o.ParentID); err == nil {
				l.Tembusan = append(l.Tembusan, "Pimpinan "+p.Name)
			}
		}
	}
	l.Tembusan = append(l.Tembusan, "Arsip")
	return &l, nil
}

// lowerFirst lowers the first letter of s (the text of a ground continues a
// sentence).
func lowerFirst(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToLower(s[:i]) + s[i:]
		}
	}
	return strings.ToLower(s)
}

func (s *Server) assistanceLetter(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	l, err := s.letterData(r, a, r.PathValue("kind"))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := letterTmpl.Execute(&buf, map[string]any{"L": l, "Back": bkPath(a.ID, ""), "PDF": bkPath(a.ID, "/letter.pdf?kind="+l.Kind)}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
	return nil
}
