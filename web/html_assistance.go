package web

import (
	"net/http"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/assist"
	"sinergi/rupiah"
	"sinergi/store"
)

// bkRow is a request as the list and the pages show it.
type bkRow struct {
	*sinergi.AssistanceRequest
	StatusText, StatusClass, Days, Cost, Due, NeededBy string
}

func bkView(r *http.Request, a *sinergi.AssistanceRequest) bkRow {
	l := lang(r)
	row := bkRow{AssistanceRequest: a, StatusText: sinergi.AssistanceStatusLabel[a.Status].In(l), Cost: rupiah.Format(a.CostEstimate)}
	switch a.Status {
	case sinergi.AssistAccepted, sinergi.AssistInProgress, sinergi.AssistCompleted:
		row.StatusClass = "tag-ok"
	}
	if d, ok := sinergi.ParseDate(a.DueDate); ok {
		row.Due = FormatDate(d, l)
	}
	if d, ok := sinergi.ParseDate(a.NeededBy); ok {
		row.NeededBy = FormatDate(d, l)
	}
	if a.WorkingDaysLeft != nil {
		n := *a.WorkingDaysLeft
		switch {
		case a.Overdue:
			row.Days = pick(r, "Lewat batas waktu", "Overdue")
		case n == 0:
			row.Days = pick(r, "Hari ini batas akhir", "Due today")
		default:
			row.Days = pick(r, "Sisa "+strconv.Itoa(n)+" hari kerja", strconv.Itoa(n)+" working days left")
		}
	}
	return row
}

func (s *Server) assistanceListPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	f, err := assistFilter(r)
	if err != nil {
		f = sinergi.AssistanceFilter{}
	}
	l, err := s.DB.AssistanceRequests(r.Context(), f)
	if err != nil {
		return err
	}
	rows := make([]bkRow, len(l.Items))
	for i := range l.Items {
		rows[i] = bkView(r, &l.Items[i])
	}
	type opt struct{ Code, Label string }
	statuses := []opt{}
	for _, st := range sinergi.AssistanceStatuses {
		statuses = append(statuses, opt{string(st), sinergi.AssistanceStatusLabel[st].In(lang(r))})
	}
	s.render(w, r, http.StatusOK, "assistance_list", page{Title: "Bantuan Kedinasan", Data: map[string]any{
		"Rows": rows, "Total": l.Total, "Filter": f, "Statuses": statuses, "Overdue": r.URL.Query().Get("overdue") == "true",
		"Emergency": r.URL.Query().Get("emergency") == "true", "Pager": newPager(r, l.Offset, l.Limit, l.Total)}})
	return nil
}

// loadAssist reads the request named in the path for the logged-in user.
func (s *Server) loadAssist(r *http.Request) (*sinergi.AssistanceRequest, error) {
	if _, err := requireUser(r); err != nil {
		return nil, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.DB.AssistanceRequest(r.Context(), id)
}

func bkPath(id int64, rest string) string { return "/assistance/" + strconv.FormatInt(id, 10) + rest }

// bkSides tells what the user's organisation may do with a request.
func bkSides(r *http.Request, a *sinergi.AssistanceRequest) map[string]bool {
	actor := sinergi.ActorFrom(r.Context())
	req, prov := sinergi.CanActForOrganization(actor, a.RequesterOrgID), sinergi.CanActForOrganization(actor, a.ProviderOrgID)
	return map[string]bool{
		"Submit":   req && assist.Allowed(a.Status, assist.Submit),
		"Edit":     req && a.Status == sinergi.AssistDraft,
		"Cancel":   req && assist.Allowed(a.Status, assist.Cancel),
		"Respond":  prov && a.Status == sinergi.AssistSubmitted,
		"Start":    prov && assist.Allowed(a.Status, assist.Start),
		"Complete": (req || prov) && assist.Allowed(a.Status, assist.Complete),
		"Costs":    (req || prov) && a.CostEstimate > 0,
		"Sign":     (req || prov) && a.Responsibility.AgreementRef != "" && a.Status != sinergi.AssistCancelled,
		"Party":    req || prov,
	}
}

var historyLabel = map[string]sinergi.Text{
	"create": sinergi.T("Draf dibuat", "Draft created"), "submit": sinergi.T("Diajukan", "Submitted"),
	"accept": sinergi.T("Diterima", "Accepted"), "refuse": sinergi.T("Ditolak", "Refused"),
	"refuse_blocked": sinergi.T("Upaya penolakan permintaan darurat dicegah", "Attempt to refuse an emergency prevented"),
	"start":          sinergi.T("Pelaksanaan dimulai", "Work started"), "complete": sinergi.T("Selesai", "Completed"),
	"cancel": sinergi.T("Dibatalkan", "Cancelled"), "cost_sharing": sinergi.T("Pembagian biaya diubah", "Cost sharing set"),
	"cost_sharing_confirm": sinergi.T("Pembagian biaya disetujui", "Cost sharing confirmed"),
	"agreement_sign":       sinergi.T("Perjanjian tanggung jawab ditandatangani", "Agreement on responsibility signed"),
	"escalate":             sinergi.T("Dieskalasi karena lewat batas waktu", "Escalated: deadline passed"),
	"edit":                 sinergi.T("Draf diubah", "Draft edited"),
}

func (s *Server) assistancePage(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	return s.renderAssist(w, r, http.StatusOK, a, nil)
}

func (s *Server) renderAssist(w http.ResponseWriter, r *http.Request, st int, a *sinergi.AssistanceRequest, errs []sinergi.FieldError) error {
	type hist struct{ At, Actor, What, Note string }
	var hs []hist
	for _, h := range a.History {
		what := historyLabel[h.Action].In(lang(r))
		if what == "" {
			what = h.Action
		}
		hs = append(hs, hist{FormatDateTime(h.At, lang(r)), h.Actor, what, h.Note})
	}
	var grounds []string
	for _, g := range a.Grounds {
		line := g.Letter + ". " + assist.LetterText(assist.Grounds, g.Letter).In(lang(r))
		if g.Explanation != "" {
			line += " — " + g.Explanation
		}
		grounds = append(grounds, line)
	}
	refusal := ""
	if a.RefusalGround != "" {
		refusal = "Pasal 36 ayat (1) huruf " + a.RefusalGround + ": " + assist.LetterText(assist.RefusalGrounds, a.RefusalGround).In(lang(r))
	}
	var shares []map[string]string
	for _, sh := range a.CostSharing.Shares {
		shares = append(shares, map[string]string{"Org": sh.OrganizationName, "Amount": rupiah.Format(sh.Amount), "Source": sh.FundingSource, "Line": sh.BudgetLine})
	}
	s.render(w, r, st, "assistance_view", page{Title: a.Subject, Errors: errs, Data: map[string]any{
		"R": bkView(r, a), "History": hs, "Grounds": grounds, "Refusal": refusal, "Shares": shares, "Can": bkSides(r, a),
		"Days": store.AssistanceConfig.ResponseDays, "Version": a.Version}})
	return nil
}

// assistanceStep serves the buttons of the request page: submit, accept,
// start, complete, cancel, cost confirmation and signature.
func (s *Server) assistanceStep(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	ctx, version, in := r.Context(), formVersion(r.PostForm), sinergi.StepInput{Note: r.PostForm.Get("note")}
	org := currentUser(r).OrganizationID
	var a *sinergi.AssistanceRequest
	switch r.PathValue("action") {
	case "submit":
		a, err = s.DB.SubmitAssistanceRequest(ctx, id, version, in)
	case "accept":
		a, err = s.DB.AcceptAssistanceRequest(ctx, id, version, in)
	case "start":
		a, err = s.DB.StartAssistanceRequest(ctx, id, version, in)
	case "complete":
		a, err = s.DB.CompleteAssistanceRequest(ctx, id, version, in)
	case "cancel":
		a, err = s.DB.CancelAssistanceRequest(ctx, id, version, in)
	case "confirm-costs":
		a, err = s.DB.ConfirmCostSharing(ctx, id, version, org)
	case "sign":
		a, err = s.DB.SignResponsibility(ctx, id, version, org)
	default:
		return sinergi.NotFound("Halaman", "Page")
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		cur, err := s.DB.AssistanceRequest(ctx, id)
		if err != nil {
			return err
		}
		return s.renderAssist(w, r, http.StatusUnprocessableEntity, cur, errs)
	}
	next := bkPath(a.ID, "")
	switch r.PathValue("action") {
	case "submit":
		next = bkPath(a.ID, "/submitted")
	case "accept":
		flash(w, pick(r, "Permohonan diterima. Surat jawaban dapat dicetak.", "Request accepted. The reply letter can be printed."))
	default:
		flash(w, pick(r, "Tersimpan.", "Saved."))
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// assistanceSubmitted is the confirmation page: what happens next, by when.
func (s *Server) assistanceSubmitted(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "assistance_done", page{Title: pick(r, "Permohonan telah diajukan", "Request submitted"), Data: map[string]any{
		"R": bkView(r, a), "Days": store.AssistanceConfig.ResponseDays}})
	return nil
}

func (s *Server) assistanceRespond(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	return s.renderRespond(w, r, http.StatusOK, a, nil)
}

func (s *Server) renderRespond(w http.ResponseWriter, r *http.Request, st int, a *sinergi.AssistanceRequest, errs []sinergi.FieldError) error {
	if !sinergi.CanActForOrganization(sinergi.ActorFrom(r.Context()), a.ProviderOrgID) {
		return sinergi.Forbidden()
	}
	type opt struct{ Letter, Text string }
	var gs []opt
	for _, g := range assist.RefusalGrounds {
		gs = append(gs, opt{g.Letter, g.Text.In(lang(r))})
	}
	s.render(w, r, st, "assistance_respond", page{Title: pick(r, "Tanggapi permohonan", "Respond to the request"), Form: r.PostForm, Errors: errs, Data: map[string]any{
		"R": bkView(r, a), "Grounds": gs, "Emergency": assist.CiteEmergency, "Sanction": assist.CiteSanction}})
	return nil
}

func (s *Server) assistanceRefuse(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAssist(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	_, err = s.DB.RefuseAssistanceRequest(r.Context(), a.ID, formVersion(r.PostForm), sinergi.RefusalInput{Ground: r.PostForm.Get("ground"), Reason: r.PostForm.Get("reason")})
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		for i := range errs {
			if errs[i].Field == "" {
				errs[i].Field = "reason"
				if strings.Contains(errs[i].Msg.ID, "huruf a, b atau c") {
					errs[i].Field = "ground"
				}
			}
		}
		if a, err = s.DB.AssistanceRequest(r.Context(), a.ID); err != nil {
			return err
		}
		return s.renderRespond(w, r, http.StatusUnprocessableEntity, a, errs)
	}
	flash(w, pick(r, "Permohonan ditolak. Surat penolakan dapat dicetak.", "Request refused. The refusal letter can be printed."))
	http.Redirect(w, r, bkPath(a.ID, ""), http.StatusSeeOther)
	return nil
}
