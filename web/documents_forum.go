package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/decide"
	"sinergi/pdf"
	"sinergi/store"
)

// Forum documents as PDF in the report layout (issue 3 item 10): the minutes
// (notulen) of a meeting and the decision record (berita acara) of a closed
// proposal. They show what meeting_print.html and proposal_print.html show,
// to the same readers: the store decides who may read the forum, and hides
// minutes that are not public and the action items from outsiders.

// docWords picks Indonesian or English for a document.
type docWords string

func (l docWords) t(id, en string) string { return sinergi.T(id, en).In(string(l)) }

// hari is the Indonesian day name of t.
func hari(t time.Time, lang string) string {
	if lang == "en" {
		return t.Weekday().String()
	}
	return [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}[t.Weekday()]
}

// paragraphs splits a text at blank lines (single line breaks stay).
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dayOf writes a YYYY-MM-DD date as "15 Desember 2026" ("—" when blank).
func dayOf(s, lang string) string {
	if d, ok := sinergi.ParseDate(s); ok {
		return FormatDate(d, lang)
	}
	if s == "" {
		return "—"
	}
	return s
}

// signatures adds a row of signature boxes with the given titles.
func signatures(d *pdf.Document, titles ...string) {
	cols := make([]pdf.Column, len(titles))
	row := make([]string, len(titles))
	for i, t := range titles {
		cols[i] = pdf.Column{Title: t, Align: "C"}
		row[i] = "\n\n\n(……………………………)"
	}
	d.Space(4)
	d.Table(pdf.Table{Columns: cols, Rows: [][]string{row}})
}

func (s *Server) minutesPDF(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.DB.Meeting(r.Context(), id)
	if err != nil {
		return err
	}
	if f := r.PathValue("forum"); f != "" && f != strconv.FormatInt(m.ForumID, 10) {
		return sinergi.NotFound("Rapat", "Meeting")
	}
	if !m.Insider && !m.MinutesPublic {
		return sinergi.Errorf(sinergi.CodeNotFound, "Notulen rapat ini tidak dipublikasikan", "The minutes of this meeting are not public")
	}
	lg := lang(r)
	w8 := docWords(lg)
	local := m.Local()
	d, err := pdf.New(pdf.Options{Lang: lg, Title: w8.t("Notulen Rapat", "Minutes of Meeting") + " — " + m.Forum.Name, Author: m.Forum.Name,
		Subject: w8.t("Notulen rapat forum", "Minutes of a forum meeting"), Created: m.StartsAt})
	if err != nil {
		return err
	}
	d.Title(w8.t("NOTULEN RAPAT", "MINUTES OF MEETING") + "\n" + m.Forum.Name)
	d.KeyValues(
		pdf.KV{Key: w8.t("Hari, tanggal, jam", "Date and time"), Value: hari(local, lg) + ", " + forumLabels{}.When(lg, m.StartsAt, m.TimeZone)},
		pdf.KV{Key: w8.t("Bentuk", "Mode"), Value: sinergi.MeetingModeLabel[m.Mode].In(lg)},
		pdf.KV{Key: w8.t("Tempat", "Place"), Value: orText(m.Place, "—")},
		pdf.KV{Key: w8.t("Agenda", "Agenda"), Value: orText(strings.TrimSpace(m.Agenda), "—")},
	)
	d.Heading(1, w8.t("Daftar hadir", "Attendance"))
	if len(m.Attendance) == 0 {
		d.Paragraph(w8.t("Daftar hadir belum diisi.", "No attendance recorded."))
	} else {
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.5, Align: "R"}, {Title: w8.t("Instansi", "Organisation"), Width: 4}, {Title: w8.t("Perwakilan", "Representative"), Width: 3}}}
		for i, a := range m.Attendance {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), a.OrgName, orText(a.PersonName, "—")})
		}
		d.Table(t)
	}
	d.Heading(1, w8.t("Jalannya rapat", "Proceedings"))
	ps := paragraphs(m.Minutes)
	if len(ps) == 0 {
		d.Paragraph(w8.t("Notulen belum ditulis.", "The minutes are not written yet."))
	}
	for _, p := range ps {
		d.Paragraph(p)
	}
	if len(m.ActionItems) > 0 {
		d.Heading(1, w8.t("Tindak lanjut", "Action items"))
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.8, Align: "R"}, {Title: w8.t("Tindak lanjut", "Action"), Width: 4},
			{Title: w8.t("Penanggung jawab", "Owner"), Width: 3}, {Title: w8.t("Tenggat", "Due"), Width: 2}, {Title: w8.t("Status", "Status"), Width: 1.5}}}
		for i, a := range m.ActionItems {
			owner := a.OwnerOrgName
			if a.OwnerPersonName != "" {
				owner += " (" + a.OwnerPersonName + ")"
			}
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), a.Title, owner, dayOf(a.Due, lg), sinergi.ActionStatusLabel[a.Status].In(lg)})
		}
		d.Table(t)
	}
	signatures(d, w8.t("Notulis", "Minute-taker"), w8.t("Fasilitator", "Facilitator"))
	return sendPDF(w, d, fmt.Sprintf("%s-%d-%s", w8.t("notulen", "minutes"), m.ID, local.Format("2006-01-02")))
}

func (s *Server) recordPDF(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Proposal(r.Context(), id)
	if err != nil {
		return err
	}
	if p.Status != sinergi.ProposalClosed {
		return sinergi.Errorf(sinergi.CodeConflict, "Berita acara tersedia setelah usulan ditutup", "The decision record exists once the proposal is closed")
	}
	lg := lang(r)
	w8 := docWords(lg)
	created := p.CreatedAt
	if p.ClosedAt != nil {
		created = *p.ClosedAt
	}
	d, err := pdf.New(pdf.Options{Lang: lg, Title: w8.t("Berita Acara Keputusan", "Decision Record") + " — " + p.Title, Author: p.ForumName,
		Subject: w8.t("Berita acara keputusan forum", "Decision record of a forum"), Created: created})
	if err != nil {
		return err
	}
	d.Title(w8.t("BERITA ACARA KEPUTUSAN", "DECISION RECORD") + "\n" + p.ForumName)
	title := p.Title
	if p.Round > 1 {
		title += fmt.Sprintf(" (%s %d)", w8.t("putaran", "round"), p.Round)
	}
	closed := "—"
	if p.ClosedAt != nil {
		closed = FormatDateTime(*p.ClosedAt, lg)
	}
	if res := p.DecideResult; res != nil && p.Settings != nil {
		decideRecord(d, p, res, lg, title, closed)
	} else {
		consensusRecord(d, p, lg, title, closed)
	}
	if len(p.Comments) > 0 {
		d.Heading(1, w8.t("Tanggapan anggota", "Comments of members"))
		t := pdf.Table{Columns: []pdf.Column{{Title: w8.t("Instansi", "Organisation"), Width: 3}, {Title: w8.t("Peran", "Role"), Width: 2}, {Title: w8.t("Tanggapan", "Comment"), Width: 5}}}
		for _, x := range p.Comments {
			t.Rows = append(t.Rows, []string{x.OrgName, sinergi.MemberRoleLabel[x.Role].In(lg), x.Body})
		}
		d.Table(t)
	}
	if p.Outcome != "" {
		d.Heading(1, w8.t("Pernyataan hasil", "Outcome statement"))
		for _, t := range paragraphs(p.Outcome) {
			d.Paragraph(t)
		}
		if p.ReviewDate != "" {
			d.Paragraph(w8.t("Ditinjau kembali pada ", "To be reviewed on ") + dayOf(p.ReviewDate, lg) + ".")
		}
	}
	signatures(d, w8.t("Fasilitator", "Facilitator"), w8.t("Sekretariat forum", "Forum secretariat"))
	return sendPDF(w, d, fmt.Sprintf("%s-%d", w8.t("berita-acara", "decision-record"), p.ID))
}

// consensusRecord writes the consensus part of a decision record: the
// outcome and tally of positions, the quorum, the reasons and the positions.
func consensusRecord(d *pdf.Document, p *store.ProposalView, lg, title, closed string) {
	w8 := docWords(lg)
	c := p.Consensus
	quorum := w8.t("tidak terpenuhi", "not met")
	if c.QuorumMet {
		quorum = w8.t("terpenuhi", "met")
	}
	d.KeyValues(
		pdf.KV{Key: w8.t("Usulan", "Proposal"), Value: title},
		pdf.KV{Key: w8.t("Diajukan", "Tabled"), Value: FormatDateTime(p.CreatedAt, lg)},
		pdf.KV{Key: w8.t("Ditutup", "Closed"), Value: closed},
		pdf.KV{Key: w8.t("Hasil", "Result"), Value: sinergi.OutcomeLabel[c.Outcome].In(lg)},
		pdf.KV{Key: w8.t("Rekapitulasi", "Tally"), Value: fmt.Sprintf("%s %d, %s %d, %s %d, %s %d",
			sinergi.PositionLabel[sinergi.PositionAgree].In(lg), c.Counts.Agree, sinergi.PositionLabel[sinergi.PositionAbstain].In(lg), c.Counts.Abstain,
			sinergi.PositionLabel[sinergi.PositionDisagree].In(lg), c.Counts.Disagree, sinergi.PositionLabel[sinergi.PositionBlock].In(lg), c.Counts.Block)},
		pdf.KV{Key: w8.t("Kuorum", "Quorum"), Value: fmt.Sprintf("%s (%d/%d %s)", quorum, c.OrgsPresent, c.DecidingMembers, w8.t("instansi hadir", "organisations present"))},
	)
	d.Heading(1, w8.t("Isi usulan", "Proposal"))
	for _, t := range paragraphs(p.Body) {
		d.Paragraph(t)
	}
	if len(c.Reasons) > 0 || c.FallbackApplies {
		d.Heading(1, w8.t("Pertimbangan", "Reasons"))
		var rs []string
		for _, t := range c.Reasons {
			rs = append(rs, t.In(lg))
		}
		if c.FallbackApplies {
			rs = append(rs, w8.t("Putaran sesuai piagam telah habis; mekanisme cadangan berlaku: ", "The charter's rounds are used up; its fallback applies: ")+sinergi.FallbackLabel[c.Fallback].In(lg)+".")
		}
		d.Bullets(rs...)
	}
	d.Heading(1, w8.t("Posisi anggota", "Positions of members"))
	if len(p.Positions) == 0 {
		d.Paragraph(w8.t("Tidak ada posisi yang dinyatakan.", "No positions were taken."))
	} else {
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.7, Align: "R"}, {Title: w8.t("Instansi", "Organisation"), Width: 3.3},
			{Title: w8.t("Posisi", "Position"), Width: 1.6}, {Title: w8.t("Alasan", "Reason"), Width: 4}}}
		for i, x := range p.Positions {
			org := x.OrgName
			if x.VoterName != "" {
				org += " (" + x.VoterName + ")"
			}
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), org, sinergi.PositionLabel[x.Position].In(lg), orText(x.Reason, "—")})
		}
		d.Table(t)
	}
}

// decideRecord writes the result of a proposal decided by another method
// than consensus (issue 3 item 7): the method, the outcome with the chosen
// option, the count per option, the reasons and each member's ballot.
func decideRecord(d *pdf.Document, p *store.ProposalView, r *decide.Result, lg, title, closed string) {
	w8 := docWords(lg)
	var dl decideLabels
	kv := []pdf.KV{
		{Key: w8.t("Usulan", "Proposal"), Value: title},
		{Key: w8.t("Diajukan", "Tabled"), Value: FormatDateTime(p.CreatedAt, lg)},
		{Key: w8.t("Ditutup", "Closed"), Value: closed},
		{Key: w8.t("Cara memutuskan", "Decision method"), Value: dl.MethodLabel(p.Method).In(lg)},
		{Key: w8.t("Hasil", "Result"), Value: r.Outcome.In(lg)},
	}
	if r.Visible && len(r.Winners) > 0 {
		kv = append(kv, pdf.KV{Key: winnersKey(r, lg), Value: winnerList(r, lg)})
	}
	kv = append(kv, pdf.KV{Key: w8.t("Suara masuk", "Ballots cast"), Value: strconv.Itoa(r.Ballots)})
	d.KeyValues(kv...)
	d.Heading(1, w8.t("Isi usulan", "Proposal"))
	for _, t := range paragraphs(p.Body) {
		d.Paragraph(t)
	}
	if !r.Visible {
		d.Paragraph(w8.t("Hasil disembunyikan sampai usulan ditutup.", "The results are hidden until the proposal closes."))
		return
	}
	if len(r.Counts) > 0 {
		d.Heading(1, w8.t("Hasil per pilihan", "Result per option"))
		cols := []pdf.Column{{Title: w8.t("Peringkat", "Rank"), Width: 1, Align: "R"}, {Title: w8.t("Pilihan", "Option"), Width: 5},
			{Title: dl.MetricLabel(r.Method).In(lg), Width: 1.6, Align: "R"}}
		switch r.Method {
		case decide.MethodScore:
			cols = append(cols, pdf.Column{Title: w8.t("Rata-rata", "Mean"), Width: 1.4, Align: "R"})
		case decide.MethodTimePoll:
			cols = append(cols, pdf.Column{Title: w8.t("Mungkin", "Maybe"), Width: 1.3, Align: "R"}, pdf.Column{Title: w8.t("Tidak bisa", "No"), Width: 1.3, Align: "R"})
		}
		t := pdf.Table{Columns: cols}
		for _, c := range r.Counts {
			rank := "—"
			if c.Rank > 0 {
				rank = strconv.Itoa(c.Rank)
			}
			row := []string{rank, dl.OptionLabel(r, c.Option).In(lg), strconv.Itoa(dl.Metric(r, c))}
			switch r.Method {
			case decide.MethodScore:
				row = append(row, dl.Mean(lg, c.Mean))
			case decide.MethodTimePoll:
				row = append(row, strconv.Itoa(c.Maybe), strconv.Itoa(c.No))
			}
			t.Rows = append(t.Rows, row)
		}
		d.Table(t)
	}
	var rs []string
	for _, t := range r.Reasons {
		rs = append(rs, t.In(lg))
	}
	if r.Decision != "" {
		rs = append(rs, w8.t("Keputusan pencari saran: ", "The advice-seeker's decision: ")+r.Decision)
	}
	for i, rd := range r.Rounds {
		var vs []string
		for _, v := range rd.Votes {
			vs = append(vs, fmt.Sprintf("%s %d", v.Option, v.Count))
		}
		line := fmt.Sprintf("%s %d: %s", w8.t("Putaran penghitungan", "Counting round"), i+1, strings.Join(vs, ", "))
		if len(rd.Eliminated) > 0 {
			line += " — " + w8.t("tersingkir", "eliminated") + ": " + strings.Join(rd.Eliminated, ", ")
		}
		rs = append(rs, line)
	}
	if len(r.Objectors) > 0 {
		names := voterNames(p)
		var os []string
		for _, o := range r.Objectors {
			os = append(os, orText(names[o], o))
		}
		rs = append(rs, w8.t("Keberatan dari: ", "Objections from: ")+strings.Join(os, ", "))
	}
	if len(rs) > 0 {
		d.Heading(1, w8.t("Pertimbangan", "Reasons"))
		d.Bullets(rs...)
	}
	d.Heading(1, w8.t("Suara anggota", "Ballots of members"))
	if len(p.BallotList) == 0 {
		d.Paragraph(w8.t("Tidak ada suara yang masuk.", "No ballots were cast."))
		return
	}
	t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.7, Align: "R"}, {Title: w8.t("Instansi", "Organisation"), Width: 3.3},
		{Title: w8.t("Suara", "Ballot"), Width: 3.6}, {Title: w8.t("Alasan", "Reason"), Width: 3}}}
	for i, b := range p.BallotList {
		org := b.OrgName
		if b.VoterName != "" {
			org += " (" + b.VoterName + ")"
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), org, dl.Summary(lg, p.Settings, b.Ballot), orText(b.Ballot.Reason, "—")})
	}
	d.Table(t)
}

// winnersKey names the chosen option(s) of a result.
func winnersKey(r *decide.Result, lg string) string {
	w8 := docWords(lg)
	switch {
	case len(r.Winners) > 1 && r.Closed:
		return w8.t("Seri", "Tied")
	case !r.Closed:
		return w8.t("Unggul sementara", "Leading")
	case r.Method == decide.MethodTimePoll:
		return w8.t("Waktu terpilih", "Chosen slot")
	}
	return w8.t("Terpilih", "Chosen")
}

// winnerList writes the winners of a result with their labels.
func winnerList(r *decide.Result, lg string) string {
	var dl decideLabels
	out := make([]string, len(r.Winners))
	for i, w := range r.Winners {
		out[i] = dl.OptionLabel(r, w).In(lg)
	}
	return strings.Join(out, "; ")
}

// voterNames maps the voter ids of a proposal's ballots to the names of
// their organisations (and persons, with one person one vote).
func voterNames(p *store.ProposalView) map[string]string {
	m := make(map[string]string, len(p.BallotList))
	for _, b := range p.BallotList {
		n := b.OrgName
		if strings.HasPrefix(b.VoterID, "user:") && b.VoterName != "" {
			n = b.VoterName + " (" + b.OrgName + ")"
		}
		m[b.VoterID] = n
	}
	return m
}
