package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sinergi"
	"sinergi/assist"
	"sinergi/kerjasama"
	"sinergi/pdf"
	"sinergi/region"
	"sinergi/rupiah"
)

// Kerja sama documents on the document engine (issue 7 items 2 and 5): the
// summary of an agreement ("Ringkasan Kerja Sama") in the report layout, and
// its letters in the surat dinas layout — the covering letter from the
// first party to the others, and the request for DPRD approval when that
// stage is required. Readers are those of the agreement (the store decides).

// loadAgreement reads the agreement of the {id} in the path.
func (s *Server) loadAgreement(r *http.Request) (*sinergi.Agreement, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.DB.Agreement(r.Context(), id)
}

func (s *Server) agreementSummaryPDF(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAgreement(r)
	if err != nil {
		return err
	}
	lg := lang(r)
	if isAPI(r) {
		lg = apiLang(r)
	}
	d, err := agreementSummary(a, lg)
	if err != nil {
		return err
	}
	return sendPDF(w, d, fmt.Sprintf("%s-%d", docWords(lg).t("ringkasan-kerja-sama", "agreement-summary"), a.ID))
}

// dateOf writes a YYYY-MM-DD date in words, "" when blank.
func dateOf(s, lg string) string {
	if d, ok := sinergi.ParseDate(s); ok {
		return FormatDate(d, lg)
	}
	return ""
}

// fundingText names the funding sources, "—" when none.
func fundingText(codes []string, lg string) string {
	var out []string
	for _, c := range codes {
		for _, f := range sinergi.AgreementFundingSources {
			if f.Code == c {
				out = append(out, f.Label.In(lg))
			}
		}
	}
	return orText(strings.Join(out, ", "), "—")
}

// urusanText names an affair with its place in UU 23/2014 Pasal 12.
func urusanText(code, lg string) string {
	u, ok := sinergi.LookupUrusan(code)
	if !ok {
		return code
	}
	return u.Name.In(lg) + " — " + docWords(lg).t("huruf ", "letter ") + u.Letter + ", " + sinergi.UrusanGroupLabel[u.Group].In(lg)
}

// agreementSummary lays the summary of a out: every field of the agreement,
// its parties, obligations and stages as tables.
func agreementSummary(a *sinergi.Agreement, lg string) (*pdf.Document, error) {
	w8 := docWords(lg)
	yes := func(b bool) string {
		if b {
			return w8.t("ya", "yes")
		}
		return w8.t("tidak", "no")
	}
	first := firstParty(a)
	d, err := pdf.New(pdf.Options{Lang: lg, Title: w8.t("Ringkasan Kerja Sama", "Agreement Summary") + " — " + a.Title, Author: first.OrganizationName,
		Subject: sinergi.AgreementKindLabel[a.Kind].In(lg), Keywords: []string{"kerja sama", string(a.Kind)}, Created: a.UpdatedAt})
	if err != nil {
		return nil, err
	}
	d.Title(w8.t("RINGKASAN KERJA SAMA", "AGREEMENT SUMMARY") + "\n" + a.Title)
	kind := sinergi.AgreementKindLabel[a.Kind].In(lg)
	if a.KSDDCategory != "" {
		kind += " — " + a.KSDDCategory
	}
	term := dateOf(a.StartDate, lg) + w8.t(" sampai dengan ", " to ") + dateOf(a.EndDate, lg)
	if a.DaysLeft != nil {
		term += fmt.Sprintf(w8.t(" (sisa %d hari)", " (%d days left)"), *a.DaysLeft)
	}
	kv := []pdf.KV{
		{Key: w8.t("Jenis", "Kind"), Value: kind},
		{Key: "Status", Value: sinergi.AgreementStatusLabel[a.Status].In(lg)},
		{Key: w8.t("Dasar hukum", "Legal basis"), Value: kerjasama.KindBasis(a.Kind)},
		{Key: w8.t("Jangka waktu", "Term"), Value: term},
	}
	if a.TermLegalBasis != "" {
		kv = append(kv, pdf.KV{Key: w8.t("Dasar hukum jangka waktu", "Legal basis of the term"), Value: a.TermLegalBasis})
	}
	kv = append(kv,
		pdf.KV{Key: w8.t("Nilai", "Value"), Value: rupiah.Official(a.Value)},
		pdf.KV{Key: w8.t("Sumber dana", "Funding"), Value: fundingText(a.FundingSources, lg)},
		pdf.KV{Key: w8.t("Edisi", "Edition"), Value: strconv.Itoa(a.Edition)},
	)
	d.KeyValues(kv...)

	d.Heading(1, w8.t("Para pihak", "Parties"))
	roles := map[string]string{sinergi.PartyRoleParty: w8.t("Pihak", "Party"), sinergi.PartyRoleLead: w8.t("Pihak pertama / koordinator", "Lead party"), sinergi.PartyRoleWitness: w8.t("Saksi", "Witness")}
	authority := map[string]string{sinergi.AuthorityHeadOfRegion: w8.t("kepala daerah", "head of region"), sinergi.AuthorityPowerOfAttorney: w8.t("penerima kuasa", "by power of attorney"), sinergi.AuthorityHeadOfInstitution: w8.t("pimpinan instansi", "head of institution")}
	document := map[string]string{sinergi.DocKB: "KB", sinergi.DocPKS: "PKS", sinergi.DocOther: w8.t("naskah lain", "other document")}
	parties := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Instansi", "Organisation"), Width: 4}, {Title: w8.t("Peran", "Role"), Width: 2}, {Title: w8.t("Penanda tangan", "Signatories"), Width: 4.5}}}
	for i, p := range a.Parties {
		org := p.OrganizationName
		if p.UnitName != "" {
			org += " — " + p.UnitName
		}
		var sig []string
		for _, x := range p.Signatories {
			sig = append(sig, x.Name+", "+x.Position+" ("+authority[x.Authority]+"; "+document[x.Document]+")")
		}
		parties.Rows = append(parties.Rows, []string{strconv.Itoa(i + 1), org, roles[p.Role], orText(strings.Join(sig, "\n"), "—")})
	}
	d.Table(parties)

	d.Heading(1, w8.t("Objek kerja sama", "Object of the agreement"))
	var urusan []string
	for _, c := range a.Urusan {
		urusan = append(urusan, urusanText(c, lg))
	}
	if len(urusan) == 0 {
		d.Paragraph(w8.t("Urusan pemerintahan belum disebut.", "No government affair named."))
	} else {
		d.Paragraph(w8.t("Urusan pemerintahan (UU 23/2014 Pasal 12):", "Government affairs (UU 23/2014 Pasal 12):"))
		d.Bullets(urusan...)
	}
	for _, p := range paragraphs(a.Scope) {
		d.Paragraph(p)
	}

	d.Heading(1, w8.t("Kewajiban para pihak", "Obligations of the parties"))
	if len(a.Obligations) == 0 {
		d.Paragraph(w8.t("Belum ada kewajiban yang dicatat.", "No obligations recorded."))
	} else {
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Pihak", "Party"), Width: 3}, {Title: w8.t("Kewajiban", "Obligation"), Width: 5}, {Title: w8.t("Tenggat", "Due"), Width: 2.4}}}
		for i, o := range a.Obligations {
			due := orText(dateOf(o.DueDate, lg), "—")
			if o.Overdue {
				due += w8.t(" (lewat tenggat)", " (overdue)")
			}
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), o.OrganizationName, o.Description, due})
		}
		d.Table(t)
	}

	d.Heading(1, w8.t("Nilai, pendanaan dan persetujuan DPRD", "Value, funding and DPRD approval"))
	dprd := w8.t("tidak diperlukan", "not required")
	if a.DPRDRequired {
		dprd = w8.t("diperlukan", "required") + " (" + kerjasama.DPRDBasis(a.Kind) + ")"
	}
	d.KeyValues(
		pdf.KV{Key: w8.t("Nilai", "Value"), Value: rupiah.Official(a.Value)},
		pdf.KV{Key: w8.t("Sumber dana", "Funding"), Value: fundingText(a.FundingSources, lg)},
		pdf.KV{Key: w8.t("Membebani masyarakat", "Burdens the public"), Value: yes(a.BurdensPublic)},
		pdf.KV{Key: w8.t("Dianggarkan dalam APBD tahun berjalan", "In the current APBD"), Value: yes(a.FundedInCurrentBudget)},
		pdf.KV{Key: w8.t("Persetujuan DPRD", "DPRD approval"), Value: dprd},
	)

	d.Heading(1, w8.t("Tahapan", "Stages"))
	st := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Tahapan", "Stage"), Width: 3.6}, {Title: w8.t("Keadaan", "State"), Width: 2}, {Title: w8.t("Tanggal", "Date"), Width: 2.4}, {Title: w8.t("Dokumen dan catatan", "Document and note"), Width: 3.4}}}
	for i, x := range a.Stages {
		state := w8.t("Belum", "Not yet")
		switch {
		case x.Done:
			state = w8.t("Selesai", "Done")
		case !x.Required:
			state = w8.t("Tidak diperlukan", "Not required")
		}
		doc := x.DocumentRef
		if x.Note != "" {
			doc = strings.TrimSpace(doc + "\n" + x.Note)
		}
		st.Rows = append(st.Rows, []string{strconv.Itoa(i + 1), kerjasama.StageLabel[x.Code].In(lg), state, orText(dateOf(x.Date, lg), "—"), orText(doc, "—")})
	}
	st.Source = kerjasama.CiteStages
	d.Table(st)

	if a.Termination != nil {
		d.Heading(1, w8.t("Berakhirnya kerja sama", "Termination"))
		d.KeyValues(
			pdf.KV{Key: w8.t("Tanggal", "Date"), Value: dateOf(a.Termination.Date, lg)},
			pdf.KV{Key: w8.t("Alasan", "Reason"), Value: kerjasama.TerminationText(a.Termination.Reason).In(lg)},
			pdf.KV{Key: w8.t("Dokumen", "Document"), Value: orText(a.Termination.DocumentRef, "—")},
			pdf.KV{Key: w8.t("Keterangan", "Note"), Value: orText(a.Termination.Note, "—")},
		)
	}
	if a.Monitoring.Authority != "" {
		d.Heading(1, w8.t("Pemantauan dan evaluasi", "Monitoring and evaluation"))
		d.Paragraph(a.Monitoring.Text.In(lg))
	}
	if len(a.Children) > 0 {
		d.Heading(1, w8.t("Kerja sama turunan", "Child agreements"))
		var items []string
		for _, c := range a.Children {
			items = append(items, string(c.Kind)+" — "+c.Title+" ("+sinergi.AgreementStatusLabel[c.Status].In(lg)+")")
		}
		d.Bullets(items...)
	}
	return d, nil
}

// firstParty is the lead party, else the first that is not a witness.
func firstParty(a *sinergi.Agreement) sinergi.AgreementParty {
	for _, p := range a.Parties {
		if p.Role == sinergi.PartyRoleLead {
			return p
		}
	}
	for _, p := range a.Parties {
		if p.Role != sinergi.PartyRoleWitness {
			return p
		}
	}
	if len(a.Parties) > 0 {
		return a.Parties[0]
	}
	return sinergi.AgreementParty{}
}

func (s *Server) agreementLetterPDF(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAgreement(r)
	if err != nil {
		return err
	}
	number := strings.TrimSpace(r.URL.Query().Get("number"))
	if n := utf8.RuneCountInString(number); !utf8.ValidString(number) || n > 100 || strings.IndexFunc(number, unicode.IsControl) >= 0 {
		var v sinergi.Validation
		v.Add("number", "Nomor surat paling banyak 100 karakter yang dapat dicetak", "The letter number must be at most 100 printable characters")
		return v.Err()
	}
	kind := orText(r.URL.Query().Get("kind"), "cover")
	l, err := s.agreementLetter(r, a, kind, number)
	if err != nil {
		return err
	}
	d, err := pdf.NewLetter(pdf.Options{Author: l.Head.Lines[0], Subject: "Kerja sama daerah", Keywords: []string{"kerja sama", string(a.Kind)}, Created: l.Date}, l)
	if err != nil {
		return err
	}
	return sendPDF(w, d, fmt.Sprintf("surat-%s-kerja-sama-%d", map[string]string{"cover": "pengantar", "dprd": "persetujuan-dprd"}[kind], a.ID))
}

// agreementLetter writes the covering letter (kind "cover") or the request
// for DPRD approval ("dprd", only when the agreement needs it) from the
// first party, dated today in WITA.
func (s *Server) agreementLetter(r *http.Request, a *sinergi.Agreement, kind, number string) (pdf.Letter, error) {
	from := firstParty(a)
	if kind == "dprd" {
		if !a.DPRDRequired {
			return pdf.Letter{}, sinergi.Errorf(sinergi.CodeConflict, "Kerja sama ini tidak memerlukan persetujuan DPRD", "This agreement does not need DPRD approval")
		}
		for _, p := range a.Parties { // the request goes from a region to its own DPRD
			if p.Role != sinergi.PartyRoleWitness && (kerjasama.Party{Sector: p.Sector}).IsRegion() {
				from = p
				break
			}
		}
	} else if kind != "cover" {
		return pdf.Letter{}, sinergi.NotFound("Surat", "Letter")
	}
	org, err := s.DB.Organization(r.Context(), from.OrganizationID)
	if err != nil {
		return pdf.Letter{}, err
	}
	l := pdf.Letter{Head: pdf.Letterhead{Lines: []string{strings.ToUpper(org.Name)}}, Number: number, Place: placeOf(org),
		Date: time.Now().In(assist.Wita), Sifat: "Biasa", Lampiran: "1 (satu) berkas", Signer: s.agreementSigner(r, from)}
	if from.UnitName != "" {
		l.Head.Lines = append(l.Head.Lines, strings.ToUpper(from.UnitName))
	}
	if org.RegionName != "" {
		l.Head.Address = []string{org.RegionName}
	}
	var names []string
	for _, p := range a.Parties {
		if p.Role != sinergi.PartyRoleWitness {
			names = append(names, p.OrganizationName)
		}
	}
	between := joinAnd(names)
	points := pdf.Para{Text: "Pokok-pokok kerja sama tersebut adalah sebagai berikut:", Items: agreementPoints(a)}
	if kind == "dprd" {
		l.Hal = "Permohonan Persetujuan DPRD atas Rencana Kerja Sama " + a.Title
		l.To = "Ketua Dewan Perwakilan Rakyat Daerah " + org.RegionName
		l.Address = []string{"di " + l.Place}
		reason := "membebani masyarakat"
		switch {
		case a.Kind == sinergi.KindKSDPL:
			reason = "merupakan kerja sama dengan pemerintah daerah di luar negeri"
		case a.BurdensPublic && !a.FundedInCurrentBudget:
			reason = "membebani masyarakat dan belum dianggarkan dalam APBD tahun anggaran berjalan"
		case !a.FundedInCurrentBudget:
			reason = "belum dianggarkan dalam APBD tahun anggaran berjalan"
		}
		l.Body = []pdf.Para{
			{Text: "Dengan hormat, dalam rangka penyelenggaraan kerja sama daerah sebagaimana diatur dalam Pasal 363 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah dan Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, bersama ini kami mohon persetujuan Dewan Perwakilan Rakyat Daerah atas rencana kerja sama " + a.Title + " antara " + between + "."},
			{Text: "Persetujuan DPRD diperlukan karena rencana kerja sama ini " + reason + " (" + kerjasama.DPRDBasis(a.Kind) + ")."},
			points,
		}
		if kb := a.Stage(kerjasama.StagePenandatangananKB); kb != nil && kb.Done {
			l.Body = append(l.Body, pdf.Para{Text: "Kesepakatan Bersama telah ditandatangani pada tanggal " + dateOf(kb.Date, "id") + ifText(kb.DocumentRef != "", " dengan nomor "+kb.DocumentRef) + "."})
		}
		l.Body = append(l.Body, pdf.Para{Text: "Sebagai bahan pertimbangan, bersama ini kami lampirkan ringkasan rencana kerja sama tersebut. Demikian permohonan ini kami sampaikan; atas perhatian dan persetujuan Bapak/Ibu kami ucapkan terima kasih."})
	} else {
		l.Hal = "Penyampaian Naskah Kerja Sama " + a.Title
		var to []sinergi.AgreementParty
		for _, p := range a.Parties {
			if p.OrganizationID != from.OrganizationID && p.Role != sinergi.PartyRoleWitness {
				to = append(to, p)
			}
		}
		l.To, l.Address = addressees(s, r, to)
		purpose := "untuk dipelajari dan ditanggapi sebelum penandatanganan"
		switch a.Status {
		case sinergi.AgreementActive, sinergi.AgreementExpiring:
			purpose = "yang telah ditandatangani, sebagai pegangan dalam pelaksanaannya"
		case sinergi.AgreementExpired, sinergi.AgreementTerminated:
			purpose = "sebagai arsip para pihak"
		}
		l.Body = []pdf.Para{
			{Text: "Dengan hormat, bersama ini kami sampaikan naskah " + kindInText(a.Kind) + " tentang " + a.Title + " antara " + between + ", " + purpose + "."},
			points,
		}
		for _, x := range a.Stages {
			if x.Required && !x.Done {
				l.Body = append(l.Body, pdf.Para{Text: "Tahapan berikutnya adalah " + kerjasama.StageLabel[x.Code].ID + "; kami mohon kerja sama Bapak/Ibu untuk menyelesaikannya bersama."})
				break
			}
		}
		l.Body = append(l.Body, pdf.Para{Text: "Demikian kami sampaikan; atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih."})
		if a.DPRDRequired {
			l.Tembusan = append(l.Tembusan, "Ketua Dewan Perwakilan Rakyat Daerah "+org.RegionName)
		}
	}
	switch a.Monitoring.Authority {
	case "governor":
		if p, ok := region.Lookup(a.Monitoring.ProvinceCode); ok {
			l.Tembusan = append(l.Tembusan, "Gubernur "+p.Name)
		}
	case "minister_of_home_affairs":
		l.Tembusan = append(l.Tembusan, "Menteri Dalam Negeri")
	}
	for _, p := range a.Parties {
		if p.Role == sinergi.PartyRoleWitness {
			l.Tembusan = append(l.Tembusan, "Pimpinan "+p.OrganizationName)
		}
	}
	l.Tembusan = append(l.Tembusan, "Arsip")
	return l, nil
}

// agreementPoints are the main points of an agreement for a letter.
func agreementPoints(a *sinergi.Agreement) []string {
	var urusan []string
	for _, c := range a.Urusan {
		if u, ok := sinergi.LookupUrusan(c); ok {
			urusan = append(urusan, "urusan "+u.Name.ID)
		}
	}
	obj := joinAnd(urusan)
	if a.Scope != "" {
		obj = strings.TrimSpace(strings.TrimSuffix(a.Scope, ".") + ifText(obj != "", " ("+obj+")"))
	}
	out := []string{
		"jenis: " + sinergi.AgreementKindLabel[a.Kind].ID + ", dengan dasar hukum " + kerjasama.KindBasis(a.Kind) + ";",
		"objek: " + orText(obj, "—") + ";",
		"jangka waktu: " + dateOf(a.StartDate, "id") + " sampai dengan " + dateOf(a.EndDate, "id") + ";",
		"nilai: " + rupiah.Official(a.Value) + ", sumber dana " + fundingText(a.FundingSources, "id") + ";",
	}
	if n := len(a.Obligations); n > 0 {
		out = append(out, fmt.Sprintf("kewajiban para pihak: %d (%s) kewajiban, dengan tenggatnya, sebagaimana terlampir.", n, rupiah.Words(int64(n))))
	} else {
		out[len(out)-1] = strings.TrimSuffix(out[len(out)-1], ";") + "."
	}
	return out
}

// kindInText is the kind's name inside a sentence ("kerja sama daerah …",
// but "MoU …" and "Nota Kesepakatan …" as written).
func kindInText(k sinergi.AgreementKind) string {
	s := sinergi.AgreementKindLabel[k].ID
	if strings.HasPrefix(s, "Kerja sama") {
		return lowerFirst(s)
	}
	return s
}

// joinAnd joins names as "A, B dan C".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " dan " + names[len(names)-1]
}

// addressees is the "Yth." of the covering letter: each party by the
// position of its signatory (else "Pimpinan" and its name), numbered when
// there are several.
func addressees(s *Server, r *http.Request, ps []sinergi.AgreementParty) (string, []string) {
	var to []string
	for _, p := range ps {
		t := "Pimpinan " + p.OrganizationName
		if x, ok := headSignatory(p); ok {
			t = x.Position
		}
		to = append(to, t)
	}
	switch len(to) {
	case 0:
		return "Para Pihak Kerja Sama", []string{"di Tempat"}
	case 1:
		place := "Tempat"
		if org, err := s.DB.Organization(r.Context(), ps[0].OrganizationID); err == nil && placeOf(org) != "" {
			place = placeOf(org)
		}
		return to[0], []string{"di " + place}
	}
	for i := range to {
		to[i] = strconv.Itoa(i+1) + ". " + to[i]
	}
	return strings.Join(to, "\n"), []string{"di Tempat"}
}

// headSignatory is who signs for a party: the head of the region or
// institution first, else the first signatory.
func headSignatory(p sinergi.AgreementParty) (sinergi.Signatory, bool) {
	for _, x := range p.Signatories {
		if x.Authority == sinergi.AuthorityHeadOfRegion || x.Authority == sinergi.AuthorityHeadOfInstitution {
			return x, true
		}
	}
	if len(p.Signatories) > 0 {
		return p.Signatories[0], true
	}
	return sinergi.Signatory{}, false
}

// agreementSigner is the signature block of a party: its signatory, with
// the NIP of the registered person of that name; without a signatory, the
// organisation's first official with a NIP (as Bantuan Kedinasan letters).
func (s *Server) agreementSigner(r *http.Request, p sinergi.AgreementParty) pdf.Signer {
	x, ok := headSignatory(p)
	if !ok {
		g := s.signerOf(r, p.OrganizationID)
		return pdf.Signer{Position: g.Position, Name: g.Name, NIP: g.NIP}
	}
	out := pdf.Signer{Position: x.Position, Name: x.Name}
	if l, err := s.DB.People(r.Context(), p.OrganizationID, x.Name, 0, 20); err == nil {
		for _, pp := range l.Items {
			if strings.EqualFold(strings.TrimSpace(pp.Name), x.Name) {
				out.NIP = pp.NIP
				break
			}
		}
	}
	return out
}
