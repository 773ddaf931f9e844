package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/kerjasama"
	"sinergi/rupiah"
	"sinergi/store"
)

// ksRow is an agreement as the list and the detail page show it.
type ksRow struct {
	*sinergi.Agreement
	KindText, StatusText, StatusClass, Start, End, Left, Value, Partners string
}

func ksView(r *http.Request, a *sinergi.Agreement) ksRow {
	l := lang(r)
	row := ksRow{Agreement: a, KindText: sinergi.AgreementKindLabel[a.Kind].In(l), StatusText: sinergi.AgreementStatusLabel[a.Status].In(l), Value: rupiah.Format(a.Value)}
	switch a.Status {
	case sinergi.AgreementActive:
		row.StatusClass = "tag-ok"
	case sinergi.AgreementExpiring:
		row.StatusClass = "tag-warn"
	case sinergi.AgreementExpired, sinergi.AgreementTerminated:
		row.StatusClass = "tag-ended"
	}
	if d, ok := sinergi.ParseDate(a.StartDate); ok {
		row.Start = FormatDate(d, l)
	}
	if d, ok := sinergi.ParseDate(a.EndDate); ok {
		row.End = FormatDate(d, l)
	}
	if a.DaysLeft != nil && (a.Status == sinergi.AgreementExpiring || a.Status == sinergi.AgreementActive) {
		row.Left = pick(r, "Sisa "+formatInt(int64(*a.DaysLeft))+" hari", formatInt(int64(*a.DaysLeft))+" days left")
	}
	var names []string
	for _, p := range a.Parties {
		names = append(names, p.OrganizationName)
	}
	row.Partners = strings.Join(names, "; ")
	return row
}

type ksOpt struct {
	Code, Label string
	N           int
}

func (s *Server) agreementsPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	f, ferr := agreementFilter(r)
	if ferr != nil {
		f = sinergi.AgreementFilter{}
	}
	l, err := s.DB.Agreements(r.Context(), f)
	if err != nil {
		return err
	}
	counts, err := s.DB.CountAgreements(r.Context())
	if err != nil {
		return err
	}
	rows := make([]ksRow, len(l.Items))
	for i := range l.Items {
		rows[i] = ksView(r, &l.Items[i])
	}
	var statuses, kinds []ksOpt
	all := 0
	for _, st := range sinergi.AgreementStatuses {
		statuses = append(statuses, ksOpt{string(st), sinergi.AgreementStatusLabel[st].In(lang(r)), counts[st]})
		all += counts[st]
	}
	for _, k := range sinergi.AgreementKinds {
		kinds = append(kinds, ksOpt{Code: string(k), Label: sinergi.AgreementKindLabel[k].In(lang(r))})
	}
	s.render(w, r, http.StatusOK, "agreements", page{Title: pick(r, "Kerja sama", "Agreements"), Data: map[string]any{
		"Rows": rows, "Total": l.Total, "All": all, "Filter": f, "Statuses": statuses, "Kinds": kinds,
		"Filtered": f.Status != "" || f.Kind != "" || f.Q != "", "ExportQuery": ksExportQuery(f), "Pager": newPager(r, l.Offset, l.Limit, l.Total)}})
	return nil
}

// agreementFormData is what the create form needs: organisations, kinds,
// affairs and funding sources.
func (s *Server) agreementFormPage(w http.ResponseWriter, r *http.Request, st int, form url.Values, errs []sinergi.FieldError) error {
	orgs, err := s.DB.Organizations(r.Context(), sinergi.OrganizationFilter{Limit: 200})
	if err != nil {
		return err
	}
	l := lang(r)
	var kinds, urusan, funding []ksOpt
	for _, k := range sinergi.AgreementKinds {
		kinds = append(kinds, ksOpt{Code: string(k), Label: sinergi.AgreementKindLabel[k].In(l)})
	}
	for _, u := range sinergi.UrusanList {
		urusan = append(urusan, ksOpt{Code: u.Code, Label: u.Name.In(l)})
	}
	for _, f := range sinergi.AgreementFundingSources {
		funding = append(funding, ksOpt{Code: f.Code, Label: f.Label.In(l)})
	}
	sel := func(key string) map[string]bool {
		m := map[string]bool{}
		for _, v := range form[key] {
			m[v] = true
		}
		return m
	}
	var units []sinergi.Unit // the user's own units: the faculty of a MoA, the study programme of an IA
	if u := currentUser(r); u != nil && u.OrganizationID != 0 {
		if units, err = s.DB.Units(r.Context(), u.OrganizationID); err != nil {
			return err
		}
	}
	s.render(w, r, st, "agreement_form", page{Title: pick(r, "Tambah kerja sama", "New agreement"), Form: form, Errors: errs, Data: map[string]any{
		"Orgs": orgs.Items, "Kinds": kinds, "Urusan": urusan, "Funding": funding, "Units": units, "UnitKinds": unitKindLabels(),
		"Parties": sel("party"), "UrusanSel": sel("urusan"), "FundingSel": sel("funding_sources")}})
	return nil
}

func (s *Server) agreementNew(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	form := url.Values{"kind": {"KSDD"}, "ksdd_category": {"sukarela"}, "funded_in_current_budget": {"true"}}
	if u.OrganizationID != 0 {
		form.Set("party", strconv.FormatInt(u.OrganizationID, 10))
	}
	if p := r.URL.Query().Get("parent_id"); p != "" {
		form.Set("parent_id", p)
	}
	return s.agreementFormPage(w, r, http.StatusOK, form, nil)
}

func (s *Server) agreementCreate(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := r.PostForm
	var v sinergi.Validation
	in := sinergi.AgreementInput{Kind: sinergi.AgreementKind(form.Get("kind")), Title: form.Get("title"), Bordering: form.Get("bordering") == "true",
		StartDate: form.Get("start_date"), EndDate: form.Get("end_date"), TermLegalBasis: form.Get("term_legal_basis"),
		BurdensPublic: form.Get("burdens_public") == "true", FundedInCurrentBudget: form.Get("funded_in_current_budget") == "true",
		Urusan: form["urusan"], Scope: form.Get("scope"), FundingSources: form["funding_sources"]}
	if in.Kind == sinergi.KindKSDD {
		in.KSDDCategory = form.Get("ksdd_category")
	}
	lead := form.Get("lead")
	for _, p := range form["party"] {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id <= 0 {
			v.Add("parties", "Pilihan pihak tidak valid", "Invalid party")
			continue
		}
		role := sinergi.PartyRoleParty
		if p == lead {
			role = sinergi.PartyRoleLead
		}
		in.Parties = append(in.Parties, sinergi.PartyInput{OrganizationID: id, Role: role})
	}
	if unit := optID(form, "unit_id", &v); unit != nil {
		own := int64(0)
		if u := currentUser(r); u != nil {
			own = u.OrganizationID
		}
		found := false
		for i := range in.Parties {
			if in.Parties[i].OrganizationID == own {
				in.Parties[i].UnitID, found = unit, true
			}
		}
		if !found {
			v.Add("unit_id", "Unit kerja hanya dapat dipilih bila instansi Anda menjadi pihak", "A unit can be chosen only when your organisation is a party")
		}
	}
	if p := strings.TrimSpace(form.Get("parent_id")); p != "" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id <= 0 {
			v.Add("parent_id", "Nomor kerja sama induk harus angka", "The parent agreement must be a number")
		}
		in.ParentID = &id
	}
	if val := strings.NewReplacer(".", "", " ", "", "Rp", "").Replace(strings.TrimSpace(form.Get("value"))); val != "" {
		n, err := strconv.ParseInt(val, 10, 64)
		if err != nil {
			v.Add("value", "Nilai kerja sama harus angka rupiah, misalnya 1500000000", "The value must be a rupiah amount, e.g. 1500000000")
		}
		in.Value = n
	}
	err := v.Err()
	var a *sinergi.Agreement
	if err == nil {
		a, err = s.DB.CreateAgreement(r.Context(), in)
	}
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.agreementFormPage(w, r, http.StatusBadRequest, form, errs)
	}
	flash(w, pick(r, "Kerja sama dicatat sebagai draf. Catat tahapannya satu per satu.", "Agreement recorded as a draft. Record its stages one by one."))
	http.Redirect(w, r, "/agreements/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) agreementPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.DB.Agreement(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderAgreement(w, r, http.StatusOK, a, nil, url.Values{})
}

type ksStage struct {
	sinergi.AgreementStage
	Label, DateText, State string
	Next                   bool
	N                      int
}

func (s *Server) renderAgreement(w http.ResponseWriter, r *http.Request, st int, a *sinergi.Agreement, errs []sinergi.FieldError, form url.Values) error {
	l := lang(r)
	var stages []ksStage
	next := false
	for i, x := range a.Stages {
		v := ksStage{AgreementStage: x, Label: kerjasama.StageLabel[x.Code].In(l), N: i + 1}
		switch {
		case x.Done:
			v.State = pick(r, "Selesai", "Done")
			if d, ok := sinergi.ParseDate(x.Date); ok {
				v.DateText = FormatDate(d, l)
			}
		case !x.Required:
			v.State = pick(r, "Tidak diperlukan", "Not required")
		case !next:
			v.State, v.Next, next = pick(r, "Berikutnya", "Next"), true, true
		default:
			v.State = pick(r, "Belum", "Not yet")
		}
		stages = append(stages, v)
	}
	var urusan []string
	for _, c := range a.Urusan {
		if u, ok := sinergi.LookupUrusan(c); ok {
			urusan = append(urusan, u.Name.In(l))
		}
	}
	var reasons []ksOpt
	for _, x := range kerjasama.TerminationReasons {
		if !x.ThirdParty || a.Kind == sinergi.KindKSDPK {
			reasons = append(reasons, ksOpt{Code: x.Code, Label: x.Text.In(l)})
		}
	}
	term := ""
	if a.Termination != nil {
		term = kerjasama.TerminationText(a.Termination.Reason).In(l)
	}
	roles := map[string]string{sinergi.PartyRoleParty: pick(r, "Pihak", "Party"), sinergi.PartyRoleLead: pick(r, "Pihak pertama/koordinator", "Lead party"), sinergi.PartyRoleWitness: pick(r, "Saksi", "Witness")}
	can := sinergi.CanManageAgreement(sinergi.ActorFrom(r.Context()), a.PartyIDs())
	var pairings []string
	if a.Kind == sinergi.KindKSDD {
		ps := make([]kerjasama.Party, len(a.Parties))
		for i, p := range a.Parties {
			ps[i] = kerjasama.Party{ID: p.OrganizationID, Sector: p.Sector, RegionCode: p.RegionCode, Role: p.Role}
		}
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				if ps[i].Role == sinergi.PartyRoleWitness || ps[j].Role == sinergi.PartyRoleWitness {
					continue
				}
				if x := kerjasama.PairOf(ps[i], ps[j]); x != "" {
					for _, pr := range kerjasama.Pairings {
						if pr.Letter == x {
							pairings = append(pairings, a.Parties[i].OrganizationName+" — "+a.Parties[j].OrganizationName+": huruf "+x+" ("+pr.Text.In(l)+")")
						}
					}
				}
			}
		}
	}
	type obl struct {
		sinergi.Obligation
		Due, Done string
	}
	var obls []obl
	for _, o := range a.Obligations {
		x := obl{Obligation: o, Due: "—"}
		if d, ok := sinergi.ParseDate(o.DueDate); ok {
			x.Due = FormatDate(d, l)
		}
		if d, ok := sinergi.ParseDate(o.DoneOn); ok {
			x.Done = FormatDate(d, l)
		}
		obls = append(obls, x)
	}
	if form == nil {
		form = url.Values{}
	}
	s.render(w, r, st, "agreement", page{Title: a.Title, Errors: errs, Form: form, Data: map[string]any{
		"A": ksView(r, a), "Stages": stages, "Urusan": urusan, "Reasons": reasons, "TermText": term, "Roles": roles,
		"Can": can && a.Status != sinergi.AgreementTerminated, "CanRenew": can && a.RenewedByID == nil && (a.Status == sinergi.AgreementActive || a.Status == sinergi.AgreementExpiring || a.Status == sinergi.AgreementExpired),
		"Pairings": pairings, "Obligations": obls, "MaxYears": store.AgreementConfig.MaxYears, "Version": a.Version,
		"Activities": s.iaActivities(r, a),
		"FollowUp":   canFollowUp(r, a) && a.Status != sinergi.AgreementTerminated}})
	return nil
}

// agreementAction runs a change posted from the detail page and shows the
// page again with the messages when it fails.
func (s *Server) agreementAction(w http.ResponseWriter, r *http.Request, ok string, do func(id, version int64, form url.Values) (*sinergi.Agreement, error)) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	version, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 64)
	a, err := do(id, version, r.PostForm)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		cur, err := s.DB.Agreement(r.Context(), id)
		if err != nil {
			return err
		}
		return s.renderAgreement(w, r, http.StatusBadRequest, cur, errs, r.PostForm)
	}
	flash(w, ok)
	http.Redirect(w, r, "/agreements/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) agreementStageSave(w http.ResponseWriter, r *http.Request) error {
	return s.agreementAction(w, r, pick(r, "Tahapan dicatat.", "Stage recorded."), func(id, version int64, f url.Values) (*sinergi.Agreement, error) {
		return s.DB.CompleteAgreementStage(r.Context(), id, version, r.PathValue("code"), sinergi.StageInput{Date: f.Get("date"), DocumentRef: f.Get("document_ref"), Note: f.Get("note")})
	})
}

func (s *Server) agreementTerminate(w http.ResponseWriter, r *http.Request) error {
	return s.agreementAction(w, r, pick(r, "Kerja sama diakhiri.", "Agreement terminated."), func(id, version int64, f url.Values) (*sinergi.Agreement, error) {
		return s.DB.TerminateAgreement(r.Context(), id, version, sinergi.TerminationInput{Reason: f.Get("reason"), Date: f.Get("term_date"), Note: f.Get("term_note"), DocumentRef: f.Get("term_ref")})
	})
}

func (s *Server) agreementRenew(w http.ResponseWriter, r *http.Request) error {
	return s.agreementAction(w, r, pick(r, "Perpanjangan dibuat sebagai draf baru yang terhubung dengan kerja sama lama.", "Renewal created as a new draft linked to the old agreement."), func(id, version int64, f url.Values) (*sinergi.Agreement, error) {
		return s.DB.RenewAgreement(r.Context(), id, version, sinergi.RenewalInput{StartDate: f.Get("start_date"), EndDate: f.Get("end_date"), TermLegalBasis: f.Get("term_legal_basis")})
	})
}

// ksExportQuery is the query of the export links: the list's filters.
func ksExportQuery(f sinergi.AgreementFilter) template.URL {
	v := url.Values{}
	if f.Status != "" {
		v.Set("status", string(f.Status))
	}
	if f.Kind != "" {
		v.Set("kind", string(f.Kind))
	}
	if f.Q != "" {
		v.Set("q", f.Q)
	}
	if f.OrgID != 0 {
		v.Set("org_id", strconv.FormatInt(f.OrgID, 10))
	}
	return template.URL(v.Encode())
}
