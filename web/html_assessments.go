package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/store"
	"sinergi/survey"
)

// Web pages of assessments (issue 8).

// distRow is one item of a group with its distribution as bars.
type distRow struct {
	Text    string
	Reverse bool
	N       int
	Mean    string
	Cells   []distCell
}

type distCell struct {
	Label string
	Count int
	Pct   int
}

type groupView struct {
	Label     string
	Responses int
	Mean      string
	Change    string
	Merged    int
	Rows      []distRow
}

func surveyGroupView(lg string, sc survey.Scale, g survey.GroupResult) groupView {
	v := groupView{Label: g.Label, Responses: g.Responses, Mean: survey.FormatMean(g.Mean, lg), Merged: g.Merged}
	if g.Key == survey.OthersKey {
		v.Label = store.OthersLabel.In(lg)
	}
	if g.Change != nil {
		v.Change = survey.FormatMean(*g.Change, lg)
		if *g.Change > 0 {
			v.Change = "+" + v.Change
		}
	}
	for _, it := range g.Items {
		row := distRow{Text: it.Text.In(lg), Reverse: it.Reverse, N: it.N, Mean: survey.FormatMean(it.Mean, lg)}
		for i, c := range it.Distribution {
			pct := 0
			if it.N > 0 {
				pct = c * 100 / it.N
			}
			row.Cells = append(row.Cells, distCell{Label: sc.Label(sc.Min + i).In(lg), Count: c, Pct: pct})
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

func (s *Server) surveysPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	o, l, _ := queryPage(r)
	list, err := s.DB.Campaigns(r.Context(), store.CampaignFilter{Offset: o, Limit: l})
	if err != nil {
		return err
	}
	a := sinergi.ActorFrom(r.Context())
	s.render(w, r, http.StatusOK, "assessments_surveys", page{Title: pick(r, "Survei kolaborasi", "Collaboration surveys"), Data: map[string]any{
		"List": list, "Pager": newPager(r, list.Offset, list.Limit, list.Total), "Status": sinergi.CampaignStatusLabel,
		"CanCreate": a.IsAdmin() || a.Has(sinergi.RoleOrgAdmin) || a.Has(sinergi.RoleMember), "Instruments": survey.Instruments()}})
	return nil
}

func (s *Server) surveyFormPage(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	units, err := s.DB.Units(ctx, u.OrganizationID)
	if err != nil {
		return err
	}
	forums, err := s.DB.Forums(ctx, sinergi.ForumFilter{OrgID: u.OrganizationID, Limit: 200})
	if err != nil {
		return err
	}
	orgs, err := s.DB.Organizations(ctx, sinergi.OrganizationFilter{Limit: 200})
	if err != nil {
		return err
	}
	s.render(w, r, st, "assessments_survey_form", page{Title: pick(r, "Buat survei", "Create a survey"), Form: form, Errors: errs, Data: map[string]any{
		"Instruments": survey.Instruments(), "Units": units, "Forums": forums.Items, "Orgs": orgs.Items, "OwnOrg": u.OrganizationID}})
	return nil
}

func (s *Server) surveyNew(w http.ResponseWriter, r *http.Request) error {
	return s.surveyFormPage(w, r, http.StatusOK, url.Values{"threshold": {"5"}, "scope": {"organizations"}, "instrument": {"culture"}}, nil)
}

func formIDs(vals []string) []int64 {
	var out []int64
	for _, v := range vals {
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

func (s *Server) surveyCreate(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	th, _ := strconv.Atoi(f.Get("threshold"))
	forum, _ := strconv.ParseInt(f.Get("forum_id"), 10, 64)
	in := sinergi.CampaignInput{Title: f.Get("title"), Instrument: f.Get("instrument"), Scope: sinergi.CampaignScope(f.Get("scope")),
		OrganizationIDs: formIDs(f["organization_ids"]), UnitIDs: formIDs(f["unit_ids"]), PartnerIDs: formIDs(f["partner_ids"]),
		OpensOn: f.Get("opens_on"), ClosesOn: f.Get("closes_on"), Threshold: th}
	if in.Scope == sinergi.ScopeOrganizations && len(in.OrganizationIDs) == 0 {
		in.OrganizationIDs = []int64{u.OrganizationID}
	}
	if in.Scope == sinergi.ScopeForum {
		in.ForumID = forum
	}
	c, err := s.DB.CreateCampaign(r.Context(), in)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.surveyFormPage(w, r, http.StatusBadRequest, f, errs)
	}
	flash(w, pick(r, "Survei dibuat. Buat tautan sekali pakai untuk respondennya.", "Survey created. Issue one-time links for its respondents."))
	http.Redirect(w, r, "/surveys/"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) surveyPageWith(w http.ResponseWriter, r *http.Request, st int, id int64, links *sinergi.IssuedLinks, errs []sinergi.FieldError) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	ctx := r.Context()
	res, err := s.DB.Results(ctx, id)
	if err != nil {
		return err
	}
	lg := lang(r)
	var groups []groupView
	for _, g := range res.Results.Groups {
		groups = append(groups, surveyGroupView(lg, res.Scale, g))
	}
	if res.Results.Overall != nil && len(res.Results.Groups) > 1 {
		v := surveyGroupView(lg, res.Scale, *res.Results.Overall)
		v.Label = pick(r, "Semua kelompok yang ditampilkan", "All groups shown")
		groups = append([]groupView{v}, groups...)
	}
	var full []string
	if links != nil {
		for _, u := range links.URLs {
			full = append(full, "https://"+r.Host+u)
		}
	}
	s.render(w, r, st, "assessments_survey", page{Title: res.Campaign.Title, Errors: errs, Data: map[string]any{
		"C": res.Campaign, "R": res, "Inst": res.Inst, "Groups": groups, "Status": sinergi.CampaignStatusLabel,
		"CanRun": s.DB.CanRunCampaign(ctx, res.Campaign), "Answered": s.DB.HasAnswered(ctx, id), "Links": strings.Join(full, "\n"), "LinkCount": len(full)}})
	return nil
}

func (s *Server) surveyPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.surveyPageWith(w, r, http.StatusOK, id, nil, nil)
}

func (s *Server) surveyLinksIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(r.PostForm.Get("count"))
	l, err := s.DB.IssueLinks(r.Context(), id, sinergi.LinkInput{Group: r.PostForm.Get("group"), Count: n})
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.surveyPageWith(w, r, http.StatusBadRequest, id, nil, errs)
	}
	return s.surveyPageWith(w, r, http.StatusOK, id, l, nil)
}

// answerPage shows the answer form.
func (s *Server) answerPage(w http.ResponseWriter, r *http.Request, st int, f *store.SurveyForm, action string, form url.Values, errs []sinergi.FieldError) {
	lg := lang(r)
	type choice struct {
		Value int
		Label string
	}
	var scale []choice
	for _, v := range f.Instrument.Scale.Points() {
		scale = append(scale, choice{v, strconv.Itoa(v) + " — " + f.Instrument.Scale.Label(v).In(lg)})
	}
	type item struct {
		ID, Text, Value string
	}
	var items []item
	for _, it := range f.Items {
		items = append(items, item{it.ID, it.Text.In(lg), form.Get("a_" + it.ID)})
	}
	s.render(w, r, st, "assessments_answer", page{Title: f.Campaign.Title, Form: form, Errors: errs, Data: map[string]any{
		"F": f, "Items": items, "Scale": scale, "Action": action, "Closed": f.Campaign.Status != sinergi.CampaignOpen, "Status": sinergi.CampaignStatusLabel}})
}

func answersFrom(f *store.SurveyForm, form url.Values) map[string]int {
	out := map[string]int{}
	for _, it := range f.Items {
		if v, err := strconv.Atoi(form.Get("a_" + it.ID)); err == nil {
			out[it.ID] = v
		}
	}
	return out
}

func (s *Server) surveyAnswerLink(w http.ResponseWriter, r *http.Request) error {
	f, err := s.DB.FormByLink(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	s.answerPage(w, r, http.StatusOK, f, "/s/"+r.PathValue("token"), url.Values{}, nil)
	return nil
}

func (s *Server) surveyAnswerLogin(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.DB.FormByLogin(r.Context(), id)
	if err != nil {
		return err
	}
	s.answerPage(w, r, http.StatusOK, f, "/surveys/"+strconv.FormatInt(id, 10)+"/answer", url.Values{"group": {f.Group}}, nil)
	return nil
}

func (s *Server) surveySubmit(w http.ResponseWriter, r *http.Request, f *store.SurveyForm, action, token string) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	err := s.DB.Respond(r.Context(), f.Campaign.ID, sinergi.ResponseInput{Token: token, Group: r.PostForm.Get("group"), Answers: answersFrom(f, r.PostForm)})
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		for i := range errs {
			errs[i].Field = strings.Replace(errs[i].Field, "answers.", "a_", 1)
		}
		s.answerPage(w, r, http.StatusBadRequest, f, action, r.PostForm, errs)
		return nil
	}
	s.render(w, r, http.StatusOK, "assessments_answered", page{Title: pick(r, "Terima kasih", "Thank you"), Data: f.Campaign})
	return nil
}

func (s *Server) surveySubmitLink(w http.ResponseWriter, r *http.Request) error {
	tok := r.PathValue("token")
	f, err := s.DB.FormByLink(r.Context(), tok)
	if err != nil {
		return err
	}
	return s.surveySubmit(w, r, f, "/s/"+tok, tok)
}

func (s *Server) surveySubmitLogin(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.DB.FormByLogin(r.Context(), id)
	if err != nil {
		return err
	}
	return s.surveySubmit(w, r, f, "/surveys/"+strconv.FormatInt(id, 10)+"/answer", "")
}

// --- Ratner ---

func (s *Server) assessmentsPageWith(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	o, l, _ := queryPage(r)
	list, err := s.DB.Assessments(r.Context(), store.AssessmentFilter{Offset: o, Limit: l})
	if err != nil {
		return err
	}
	forums, err := s.DB.Forums(r.Context(), sinergi.ForumFilter{OrgID: u.OrganizationID, Limit: 200})
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{}
	}
	s.render(w, r, st, "assessments_list", page{Title: pick(r, "Asesmen tata kelola kolaborasi", "Collaborative governance assessments"), Form: form, Errors: errs,
		Data: map[string]any{"List": list, "Pager": newPager(r, list.Offset, list.Limit, list.Total), "Forums": forums.Items, "OwnOrg": u.OrganizationID}})
	return nil
}

func (s *Server) assessmentsPage(w http.ResponseWriter, r *http.Request) error {
	return s.assessmentsPageWith(w, r, http.StatusOK, nil, nil)
}

func (s *Server) assessmentCreate(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	in := sinergi.AssessmentInput{Title: f.Get("title"), Summary: f.Get("summary")}
	if fid, _ := strconv.ParseInt(f.Get("forum_id"), 10, 64); fid > 0 {
		in.ForumID = fid
	} else {
		in.OrganizationID = u.OrganizationID
	}
	x, err := s.DB.CreateAssessment(r.Context(), in)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.assessmentsPageWith(w, r, http.StatusBadRequest, f, errs)
	}
	http.Redirect(w, r, "/assessments/"+strconv.FormatInt(x.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) assessmentPageWith(w http.ResponseWriter, r *http.Request, st int, id int64, form url.Values, errs []sinergi.FieldError) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	x, err := s.DB.Assessment(r.Context(), id)
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{}
	}
	s.render(w, r, st, "assessments_view", page{Title: x.Title, Form: form, Errors: errs, Data: map[string]any{
		"X": x, "Kinds": sinergi.IssueKindLabel, "Statuses": sinergi.ActionStatusLabel}})
	return nil
}

func (s *Server) assessmentPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.assessmentPageWith(w, r, http.StatusOK, id, nil, nil)
}

func (s *Server) assessmentAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	ctx := r.Context()
	switch r.PathValue("part") {
	case "issues":
		_, err = s.DB.AddIssue(ctx, id, sinergi.IssueInput{Kind: sinergi.IssueKind(f.Get("kind")), Description: f.Get("description"), Stakeholders: f.Get("stakeholders")})
	case "actions":
		_, err = s.DB.AddPlanAction(ctx, id, sinergi.PlanActionInput{Title: f.Get("title"), Owner: f.Get("owner"), Due: f.Get("due")})
	case "strategies":
		_, err = s.DB.AddStrategy(ctx, id, sinergi.StrategyInput{Target: f.Get("target"), Channel: f.Get("channel"), Message: f.Get("message"), Owner: f.Get("owner")})
	default:
		return sinergi.NotFound("Halaman", "Page")
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.assessmentPageWith(w, r, http.StatusBadRequest, id, f, errs)
	}
	flash(w, pick(r, "Tersimpan.", "Saved."))
	http.Redirect(w, r, "/assessments/"+strconv.FormatInt(id, 10)+"#"+r.PathValue("part"), http.StatusSeeOther)
	return nil
}

// --- obstacles ---

func (s *Server) obstaclesPageWith(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	ctx := r.Context()
	o, l, _ := queryPage(r)
	list, err := s.DB.Obstacles(ctx, store.ObstacleFilter{Status: r.URL.Query().Get("status"), Offset: o, Limit: l})
	if err != nil {
		return err
	}
	ps, err := s.DB.ObstacleProposals(ctx)
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"severity": {"medium"}, "affects_kind": {"organization"}}
	}
	s.render(w, r, st, "assessments_obstacles", page{Title: pick(r, "Tantangan dan hambatan", "Challenges and obstacles"), Form: form, Errors: errs, Data: map[string]any{
		"List": list, "Pager": newPager(r, list.Offset, list.Limit, list.Total), "Proposals": ps, "Categories": sinergi.ObstacleCategories,
		"Affects": sinergi.ObstacleAffects, "Severity": sinergi.ObstacleSeverity, "Status": sinergi.ObstacleStatus, "Cat": obstacleCatLabel{}}})
	return nil
}

// obstacleCatLabel names a category in templates.
type obstacleCatLabel struct{}

// Of returns the label of c.
func (obstacleCatLabel) Of(c sinergi.ObstacleCategory) sinergi.Text {
	t, _ := sinergi.ObstacleCategoryLabel(c)
	return t
}

func (s *Server) obstaclesPage(w http.ResponseWriter, r *http.Request) error {
	return s.obstaclesPageWith(w, r, http.StatusOK, nil, nil)
}

func (s *Server) obstacleCreate(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	in := sinergi.ObstacleInput{Category: sinergi.ObstacleCategory(f.Get("category")), Description: f.Get("description"), AffectsKind: f.Get("affects_kind"),
		AffectsLabel: f.Get("affects_label"), Severity: f.Get("severity"), Mitigation: f.Get("mitigation"), Owner: f.Get("owner"), Status: "open"}
	if _, err := s.DB.CreateObstacle(r.Context(), in); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.obstaclesPageWith(w, r, http.StatusBadRequest, f, errs)
	}
	flash(w, pick(r, "Hambatan dicatat.", "Obstacle recorded."))
	http.Redirect(w, r, "/obstacles", http.StatusSeeOther)
	return nil
}

func (s *Server) obstacleStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	cur, err := s.DB.Obstacle(r.Context(), id)
	if err != nil {
		return err
	}
	version, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 64)
	in := sinergi.ObstacleInput{Category: cur.Category, Description: cur.Description, AffectsKind: cur.AffectsKind, AffectsID: cur.AffectsID, AffectsLabel: cur.AffectsLabel,
		Severity: cur.Severity, Mitigation: cur.Mitigation, Owner: cur.Owner, Status: r.PostForm.Get("status")}
	if _, err := s.DB.UpdateObstacle(r.Context(), id, version, in); err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.obstaclesPageWith(w, r, http.StatusBadRequest, nil, errs)
	}
	flash(w, pick(r, "Status diperbarui.", "Status updated."))
	http.Redirect(w, r, "/obstacles", http.StatusSeeOther)
	return nil
}

func (s *Server) obstacleDecide(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	key := r.PostForm.Get("key")
	var err error
	switch r.PathValue("action") {
	case "accept":
		_, err = s.DB.AcceptProposal(r.Context(), key, r.PostForm.Get("mitigation"), r.PostForm.Get("owner"))
	case "dismiss":
		err = s.DB.DismissProposal(r.Context(), key)
	default:
		return sinergi.NotFound("Halaman", "Page")
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.obstaclesPageWith(w, r, http.StatusBadRequest, nil, errs)
	}
	flash(w, pick(r, "Usulan diproses.", "Proposal handled."))
	http.Redirect(w, r, "/obstacles", http.StatusSeeOther)
	return nil
}
