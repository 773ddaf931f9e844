package web

import (
	"fmt"
	"net/http"
	"strconv"

	"sinergi"
	"sinergi/pdf"
)

// assessmentPDF prints a Ratner assessment: the three stages as tables.
func (s *Server) assessmentPDF(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	x, err := s.DB.Assessment(r.Context(), id)
	if err != nil {
		return err
	}
	lg := lang(r)
	w8 := docWords(lg)
	d, err := pdf.New(pdf.Options{Lang: lg, Title: w8.t("Asesmen Tata Kelola Kolaborasi", "Collaborative Governance Assessment") + " — " + x.Title,
		Author: x.SubjectName, Subject: w8.t("Asesmen tiga tahap Ratner (2012)", "Ratner's (2012) three-stage assessment"), Created: x.UpdatedAt})
	if err != nil {
		return err
	}
	d.Title(w8.t("ASESMEN TATA KELOLA KOLABORASI", "COLLABORATIVE GOVERNANCE ASSESSMENT") + "\n" + x.Title)
	subject := w8.t("Instansi", "Organisation")
	if x.ForumID != nil {
		subject = "Forum"
	}
	d.KeyValues(
		pdf.KV{Key: subject, Value: x.SubjectName},
		pdf.KV{Key: w8.t("Metode", "Method"), Value: w8.t("Tiga tahap Ratner (2012)", "Ratner's (2012) three stages")},
		pdf.KV{Key: w8.t("Diperbarui", "Updated"), Value: FormatDate(x.UpdatedAt, lg)},
	)
	for _, p := range paragraphs(x.Summary) {
		d.Paragraph(p)
	}
	d.Heading(1, w8.t("Tahap 1. Mengidentifikasi permasalahan dan peluang", "Stage 1. Identify problems and opportunities"))
	if len(x.Issues) == 0 {
		d.Paragraph(w8.t("Belum ada temuan.", "No findings yet."))
	} else {
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Jenis", "Kind"), Width: 1.6}, {Title: w8.t("Uraian", "Description"), Width: 5}, {Title: w8.t("Pemangku kepentingan terdampak", "Stakeholders affected"), Width: 3}}}
		for i, it := range x.Issues {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), sinergi.IssueKindLabel[it.Kind].In(lg), it.Description, it.Stakeholders})
		}
		d.Table(t)
	}
	d.Heading(1, w8.t("Tahap 2. Merencanakan aksi kolaborasi", "Stage 2. Plan collaborative action"))
	if x.ForumID != nil {
		d.Paragraph(w8.t("Rencana aksi forum adalah tindak lanjut rapat-rapatnya.", "The forum's action plan is the action items of its meetings."))
	}
	if len(x.Actions) == 0 {
		d.Paragraph(w8.t("Belum ada aksi.", "No actions yet."))
	} else {
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Aksi", "Action"), Width: 4.5}, {Title: w8.t("Penanggung jawab", "Owner"), Width: 3}, {Title: w8.t("Tenggat", "Due"), Width: 2}, {Title: "Status", Width: 1.5}}}
		for i, a := range x.Actions {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), a.Title, a.Owner, dayOf(a.Due, lg), sinergi.ActionStatusLabel[a.Status].In(lg)})
		}
		d.Table(t)
	}
	d.Heading(1, w8.t("Tahap 3. Mendiskusikan strategi untuk mempengaruhi", "Stage 3. Discuss strategies to influence"))
	if len(x.Strategies) == 0 {
		d.Paragraph(w8.t("Belum ada strategi.", "No strategies yet."))
	} else {
		t := pdf.Table{Columns: []pdf.Column{{Title: "No.", Width: 0.6, Align: "R"}, {Title: w8.t("Sasaran", "Target"), Width: 2.5}, {Title: w8.t("Saluran", "Channel"), Width: 2}, {Title: w8.t("Pesan", "Message"), Width: 4}, {Title: w8.t("Penanggung jawab", "Owner"), Width: 2}}}
		for i, st := range x.Strategies {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), st.Target, st.Channel, st.Message, st.Owner})
		}
		d.Table(t)
	}
	return sendPDF(w, d, fmt.Sprintf("%s-%d", w8.t("asesmen", "assessment"), x.ID))
}
