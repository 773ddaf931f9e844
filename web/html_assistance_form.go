package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/assist"
	"sinergi/rupiah"
)

// The request form is a stepper: each step shows its own fields and carries
// the answers of the others as hidden fields; nothing is stored until the
// last page ("check your answers"), where the request is submitted (or kept
// as a draft) in one transaction.

type bkStep struct {
	N              int
	Title          sinergi.Text
	Fields         []string
	validateFields []string // the domain's field names checked on this step
}

var bkSteps = []bkStep{
	{1, sinergi.T("Para pihak", "Parties"), []string{"provider_org_id", "requester_unit_id"}, []string{"provider_org_id", "requester_unit_id"}},
	{2, sinergi.T("Pokok permohonan", "The request"), []string{"subject", "description", "classification", "activity"}, []string{"subject", "description", "classification", "activity"}},
	{3, sinergi.T("Dasar permohonan", "Grounds"), []string{"ground", "explain_a", "explain_b", "explain_c", "explain_d", "explain_e"}, []string{"ground", "grounds"}},
	{4, sinergi.T("Keadaan darurat dan waktu", "Emergency and timing"), []string{"emergency", "emergency_justification", "needed_by"}, []string{"emergency_justification", "needed_by"}},
	{5, sinergi.T("Dokumen dan lampiran", "Documents and attachments"), []string{"doc_title_1", "doc_class_1", "doc_title_2", "doc_class_2", "doc_title_3", "doc_class_3", "att_title_1", "att_ref_1", "att_title_2", "att_ref_2"}, []string{"documents", "attachments"}},
	{6, sinergi.T("Biaya dan tanggung jawab", "Cost and responsibility"), []string{"cost_estimate", "responsibility", "legal_basis", "agreement_ref"}, []string{"cost_estimate", "responsibility", "legal_basis", "agreement_ref"}},
	{7, sinergi.T("Periksa jawaban", "Check your answers"), nil, nil},
}

// formAssist builds the input from the answers; v gets what cannot be read.
func formAssist(f url.Values, org int64, v *sinergi.Validation) sinergi.AssistanceInput {
	in := sinergi.AssistanceInput{RequesterOrgID: org, Subject: f.Get("subject"), Description: f.Get("description"),
		Classification: sinergi.Classification(f.Get("classification")), Activity: f.Get("activity"), Emergency: f.Get("emergency") == "1",
		EmergencyJustification: f.Get("emergency_justification"), NeededBy: f.Get("needed_by"), Responsibility: f.Get("responsibility"),
		LegalBasis: f.Get("legal_basis"), AgreementRef: f.Get("agreement_ref")}
	if p := optID(f, "provider_org_id", v); p != nil {
		in.ProviderOrgID = *p
	}
	in.RequesterUnitID = optID(f, "requester_unit_id", v)
	for _, l := range []string{"a", "b", "c", "d", "e"} {
		if slices.Contains(f["ground"], l) {
			in.Grounds = append(in.Grounds, sinergi.Ground{Letter: l, Explanation: f.Get("explain_" + l)})
		}
	}
	if c := strings.TrimSpace(f.Get("cost_estimate")); c != "" {
		n, ok := rupiah.Parse(c)
		if !ok {
			v.Add("cost_estimate", "Perkiraan biaya harus angka rupiah, misalnya 1.500.000", "The cost estimate must be rupiah, e.g. 1.500.000")
		}
		in.CostEstimate = n
	}
	for i := 1; i <= 50; i++ {
		if t := strings.TrimSpace(f.Get("doc_title_" + strconv.Itoa(i))); t != "" {
			in.Documents = append(in.Documents, sinergi.RequestedDocument{Title: t, Classification: sinergi.Classification(f.Get("doc_class_" + strconv.Itoa(i)))})
		}
	}
	for i := 1; i <= 50; i++ {
		t, ref := strings.TrimSpace(f.Get("att_title_"+strconv.Itoa(i))), strings.TrimSpace(f.Get("att_ref_"+strconv.Itoa(i)))
		if t != "" || ref != "" {
			in.Attachments = append(in.Attachments, sinergi.Attachment{Title: t, Reference: ref})
		}
	}
	return in
}

// checkStep returns the problems of one step's answers: the input checks
// and the law that the step is about.
func (s *Server) checkStep(r *http.Request, step int, in sinergi.AssistanceInput, v *sinergi.Validation) []sinergi.FieldError {
	in.Normalize()
	var errs []sinergi.FieldError
	fields := bkSteps[step-1].validateFields
	for _, f := range v.Fields {
		if slices.Contains(fields, f.Field) {
			errs = append(errs, f)
		}
	}
	if e, ok := in.Validate().(*sinergi.Error); ok {
		for _, f := range e.Fields {
			if slices.Contains(fields, f.Field) {
				errs = append(errs, f)
			}
		}
	}
	rule := func(field string, err error) {
		if e, ok := err.(*sinergi.Error); ok && e.Code == sinergi.CodeRuleViolation {
			errs = append(errs, sinergi.FieldError{Field: field, Msg: e.Msg})
		}
	}
	switch step {
	case 1:
		if in.ProviderOrgID > 0 {
			if o, err := s.DB.Organization(r.Context(), in.ProviderOrgID); err == nil {
				rule("provider_org_id", assist.CheckParties(assist.Party{ID: in.RequesterOrgID, Public: true}, assist.Party{ID: o.ID, Public: o.Public}))
			}
		}
	case 3:
		rule("ground", assist.CheckGrounds(in.Grounds))
	case 6:
		rule("responsibility", assist.CheckResponsibility(in.Responsibility, in.LegalBasis, in.AgreementRef, false, false))
	}
	return errs
}

func (s *Server) assistanceNew(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if !sinergi.CanActForOrganization(sinergi.ActorFrom(r.Context()), u.OrganizationID) {
		return sinergi.Forbidden()
	}
	return s.renderStep(w, r, http.StatusOK, 1, url.Values{"classification": {"biasa"}, "responsibility": {"requester"}}, nil)
}

func (s *Server) assistanceNewPost(w http.ResponseWriter, r *http.Request) error {
	return s.stepperPost(w, r, nil)
}

// stepperPost moves through the stepper; at the end it creates the request
// or, when draft is given, saves the changed draft (then submits it when
// asked).
func (s *Server) stepperPost(w http.ResponseWriter, r *http.Request, draft *sinergi.AssistanceRequest) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	step, _ := strconv.Atoi(f.Get("step"))
	step = min(max(step, 1), len(bkSteps))
	var v sinergi.Validation
	in := formAssist(f, u.OrganizationID, &v)
	switch to := f.Get("go"); to {
	case "back":
		return s.renderStep(w, r, http.StatusOK, max(step-1, 1), f, nil)
	case "next":
		if errs := s.checkStep(r, step, in, &v); len(errs) > 0 {
			return s.renderStep(w, r, http.StatusUnprocessableEntity, step, f, errs)
		}
		return s.renderStep(w, r, http.StatusOK, step+1, f, nil)
	case "submit", "draft":
		for k := 1; k < len(bkSteps); k++ { // an answer changed by hand sends the user back to its step
			if errs := s.checkStep(r, k, in, &v); len(errs) > 0 {
				return s.renderStep(w, r, http.StatusUnprocessableEntity, k, f, errs)
			}
		}
		in.Submit = to == "submit"
		var a *sinergi.AssistanceRequest
		if draft == nil {
			a, err = s.DB.CreateAssistanceRequest(r.Context(), in)
		} else {
			if in.ProviderOrgID == draft.ProviderOrgID { // the form does not ask for the provider's unit
				in.ProviderUnitID = draft.ProviderUnitID
			}
			in.RequesterOrgID = draft.RequesterOrgID
			a, err = s.DB.UpdateAssistanceRequest(r.Context(), draft.ID, formVersion(f), func(x *sinergi.AssistanceInput) error {
				*x = in
				return nil
			})
			if err == nil && in.Submit {
				a, err = s.DB.SubmitAssistanceRequest(r.Context(), a.ID, a.Version, sinergi.StepInput{})
			}
		}
		if err != nil {
			errs, _, err := formErrors(err)
			if err != nil {
				return err
			}
			return s.renderStep(w, r, http.StatusUnprocessableEntity, len(bkSteps), f, errs)
		}
		if in.Submit {
			http.Redirect(w, r, bkPath(a.ID, "/submitted"), http.StatusSeeOther)
			return nil
		}
		flash(w, pick(r, "Draf tersimpan. Ajukan bila sudah siap.", "Draft saved. Submit it when ready."))
		http.Redirect(w, r, bkPath(a.ID, ""), http.StatusSeeOther)
		return nil
	default: // "Ubah" on the check page: go to that step
		n, _ := strconv.Atoi(to)
		return s.renderStep(w, r, http.StatusOK, min(max(n, 1), len(bkSteps)), f, nil)
	}
}

// draftForm is a draft as the stepper's answers.
func draftForm(a *sinergi.AssistanceRequest) url.Values {
	f := url.Values{"provider_org_id": {strconv.FormatInt(a.ProviderOrgID, 10)}, "subject": {a.Subject}, "description": {a.Description},
		"classification": {string(a.Classification)}, "activity": {a.Activity}, "emergency_justification": {a.EmergencyJustification},
		"needed_by": {a.NeededBy}, "responsibility": {a.Responsibility.Holder}, "legal_basis": {a.Responsibility.LegalBasis},
		"agreement_ref": {a.Responsibility.AgreementRef}, "version": {strconv.FormatInt(a.Version, 10)}}
	if a.RequesterUnitID != nil {
		f.Set("requester_unit_id", strconv.FormatInt(*a.RequesterUnitID, 10))
	}
	if a.Emergency {
		f.Set("emergency", "1")
	}
	if a.CostEstimate > 0 {
		f.Set("cost_estimate", strconv.FormatInt(a.CostEstimate, 10))
	}
	for _, g := range a.Grounds {
		f.Add("ground", g.Letter)
		f.Set("explain_"+g.Letter, g.Explanation)
	}
	for i, d := range a.Documents {
		n := strconv.Itoa(i + 1)
		f.Set("doc_title_"+n, d.Title)
		f.Set("doc_class_"+n, string(d.Classification))
	}
	for i, at := range a.Attachments {
		n := strconv.Itoa(i + 1)
		f.Set("att_title_"+n, at.Title)
		f.Set("att_ref_"+n, at.Reference)
	}
	return f
}

// loadDraft reads the draft of the path for its requester's side.
func (s *Server) loadDraft(r *http.Request) (*sinergi.AssistanceRequest, error) {
	a, err := s.loadAssist(r)
	if err != nil {
		return nil, err
	}
	if !sinergi.CanActForOrganization(sinergi.ActorFrom(r.Context()), a.RequesterOrgID) {
		return nil, sinergi.Forbidden()
	}
	if a.Status != sinergi.AssistDraft {
		return nil, sinergi.Errorf(sinergi.CodeConflict, "Hanya draf yang dapat diubah", "Only a draft can be changed")
	}
	return a, nil
}

// assistanceEdit opens the stepper on a draft, pre-filled.
func (s *Server) assistanceEdit(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	return s.renderStep(w, r, http.StatusOK, 1, draftForm(a), nil)
}

func (s *Server) assistanceEditPost(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	return s.stepperPost(w, r, a)
}

type hiddenField struct{ Name, Value string }

type checkRow struct {
	Label, Value string
	Step         int
}

func (s *Server) renderStep(w http.ResponseWriter, r *http.Request, st, step int, f url.Values, errs []sinergi.FieldError) error {
	u := currentUser(r)
	var hidden []hiddenField
	for name, vals := range f {
		if name == "step" || name == "go" || slices.Contains(bkSteps[step-1].Fields, name) ||
			step == 5 && (strings.HasPrefix(name, "doc_") || strings.HasPrefix(name, "att_")) {
			continue
		}
		for _, val := range vals {
			hidden = append(hidden, hiddenField{name, val})
		}
	}
	slices.SortFunc(hidden, func(a, b hiddenField) int { return strings.Compare(a.Name+a.Value, b.Name+b.Value) })
	yes := true
	orgs, err := s.DB.Organizations(r.Context(), sinergi.OrganizationFilter{Public: &yes, Limit: 200})
	if err != nil {
		return err
	}
	providers := orgs.Items[:0:0]
	provName := ""
	for _, o := range orgs.Items {
		if o.ID != u.OrganizationID {
			providers = append(providers, o)
		}
		if strconv.FormatInt(o.ID, 10) == f.Get("provider_org_id") {
			provName = o.Name
		}
	}
	units, err := s.DB.Units(r.Context(), u.OrganizationID)
	if err != nil {
		return err
	}
	type stepView struct {
		N            int
		Title, State string
	}
	var steps []stepView
	for _, x := range bkSteps {
		state := pick(r, "Belum", "To do")
		switch {
		case x.N == step:
			state = pick(r, "Sedang diisi", "Current")
		case x.N < step:
			state = pick(r, "Selesai", "Done")
		}
		steps = append(steps, stepView{x.N, x.Title.In(lang(r)), state})
	}
	var grounds []map[string]string
	for _, g := range assist.Grounds {
		checked := ""
		if slices.Contains(f["ground"], g.Letter) {
			checked = "1"
		}
		grounds = append(grounds, map[string]string{"Letter": g.Letter, "Text": g.Text.In(lang(r)), "Checked": checked})
	}
	var check []checkRow
	if step == len(bkSteps) {
		var v sinergi.Validation
		in := formAssist(f, u.OrganizationID, &v)
		in.Normalize()
		var gl []string
		for _, g := range in.Grounds {
			gl = append(gl, "huruf "+g.Letter+" — "+assist.LetterText(assist.Grounds, g.Letter).In(lang(r))+ifText(g.Explanation != "", ": "+g.Explanation))
		}
		var docs []string
		for _, d := range in.Documents {
			docs = append(docs, d.Title+" ("+sinergi.ClassificationLabel[d.Classification].In(lang(r))+")")
		}
		for _, a := range in.Attachments {
			docs = append(docs, pick(r, "Lampiran: ", "Attachment: ")+a.Title+" — "+a.Reference)
		}
		emerg := pick(r, "Tidak", "No")
		if in.Emergency {
			emerg = pick(r, "Ya — ", "Yes — ") + in.EmergencyJustification
		}
		needed := "—"
		if d, ok := sinergi.ParseDate(in.NeededBy); ok {
			needed = FormatDate(d, lang(r))
		}
		check = []checkRow{
			{pick(r, "Instansi pemohon", "Requester"), u.OrgName, 1}, {pick(r, "Instansi yang dimintai bantuan", "Provider"), provName, 1},
			{pick(r, "Perihal", "Subject"), in.Subject, 2}, {pick(r, "Uraian", "Description"), in.Description, 2},
			{pick(r, "Klasifikasi", "Classification"), sinergi.ClassificationLabel[in.Classification].In(lang(r)), 2},
			{pick(r, "Dasar permohonan (Pasal 35 ayat (1))", "Grounds (Pasal 35 ayat (1))"), strings.Join(gl, "; "), 3},
			{pick(r, "Keadaan darurat", "Emergency"), emerg, 4}, {pick(r, "Dibutuhkan paling lambat", "Needed by"), needed, 4},
			{pick(r, "Dokumen dan lampiran", "Documents and attachments"), ifText(len(docs) == 0, "—") + strings.Join(docs, "; "), 5},
			{pick(r, "Perkiraan biaya", "Cost estimate"), rupiah.Format(in.CostEstimate), 6},
			{pick(r, "Tanggung jawab (Pasal 37)", "Responsibility (Pasal 37)"), in.Responsibility + ifText(in.LegalBasis != "", " — "+in.LegalBasis) + ifText(in.AgreementRef != "", " — "+in.AgreementRef), 6},
		}
	}
	rowsOf := func(prefix string, least int) []int {
		var out []int
		for i := 1; i <= 50 && (i <= least || f.Get(prefix+strconv.Itoa(i)) != ""); i++ {
			out = append(out, i)
		}
		return out
	}
	title, action := pick(r, "Ajukan Bantuan Kedinasan", "Request official assistance"), "/assistance/new"
	if id := r.PathValue("id"); id != "" {
		title, action = pick(r, "Ubah draf permohonan", "Edit the draft request"), "/assistance/"+id+"/edit"
	}
	s.render(w, r, st, "assistance_form", page{Title: title, Form: f, Errors: errs, Data: map[string]any{
		"Step": step, "StepTitle": bkSteps[step-1].Title.In(lang(r)), "Steps": steps, "Last": len(bkSteps), "Hidden": hidden,
		"Providers": providers, "Units": units, "Grounds": grounds, "Check": check, "Docs": rowsOf("doc_title_", 3), "Atts": rowsOf("att_title_", 2),
		"Days": s.responseDays(), "Action": action}})
	return nil
}

func ifText(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}
