package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/iku"
)

// decimal writes x with two decimals, a comma in Indonesian ("0,50").
func decimal(x float64, l string) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if l != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// percent writes a fraction as a percentage with one decimal ("33,3%").
func percent(x float64, l string) string {
	s := strconv.FormatFloat(x*100, 'f', 1, 64)
	if l != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "%"
}

type uniPartner struct {
	iku.Partner
	CategoryText, SourceText, WeightText string
	CanSet                               bool
}

type uniIA struct {
	iku.ViewIA
	StatusText, Term, Types, Partners, WeightText string
}

type uniProgramme struct {
	iku.Programme
	Categories, WeightText string
	IAs                    []uniIA
}

func (s *Server) universityPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	return s.renderUniversity(w, r, http.StatusOK, nil, nil)
}

func (s *Server) renderUniversity(w http.ResponseWriter, r *http.Request, st int, errs []sinergi.FieldError, form url.Values) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sem, serr := s.semesterParam(r)
	if serr != nil {
		fe, _, err := formErrors(serr)
		if err != nil {
			return err
		}
		errs, st, sem = append(errs, fe...), http.StatusBadRequest, iku.SemesterOf(s.DB.Now())
	}
	v, err := s.DB.UniversityView(r.Context(), id, sem)
	if err != nil {
		return err
	}
	l := lang(r)
	catText := func(c iku.Category) string {
		if x, ok := iku.LookupCategory(c); ok {
			return x.Label.In(l)
		}
		return pick(r, "Belum dikategorikan", "Not categorised")
	}
	sources := map[string]string{"explicit": pick(r, "ditetapkan admin", "set by an admin"), "sector": pick(r, "dari sektor", "from the sector"), "none": pick(r, "sektor tidak menentukan; perlu ditetapkan admin", "the sector does not decide; an admin must set it")}
	actor := sinergi.ActorFrom(r.Context())
	var partners []uniPartner
	for _, p := range v.Partners {
		partners = append(partners, uniPartner{Partner: p, CategoryText: catText(p.Category), SourceText: sources[p.CategorySource],
			WeightText: decimal(p.Weight, l), CanSet: sinergi.CanManageOrganization(actor, p.OrganizationID)})
	}
	ias := map[int64]uniIA{}
	var all []uniIA
	for _, ia := range v.IAs {
		x := uniIA{ViewIA: ia, StatusText: sinergi.AgreementStatusLabel[ia.Status].In(l), WeightText: decimal(ia.Weight, l)}
		if a, ok := sinergi.ParseDate(ia.StartDate); ok {
			if b, ok := sinergi.ParseDate(ia.EndDate); ok {
				x.Term = FormatDate(a, l) + " – " + FormatDate(b, l)
			}
		}
		var ts, ps []string
		for _, t := range ia.ActivityTypes {
			lb, _ := iku.ActivityLabel(t)
			ts = append(ts, lb.In(l))
		}
		for _, p := range ia.Partners {
			ps = append(ps, p.Name+" ("+catText(p.Category)+")")
		}
		x.Types, x.Partners = strings.Join(ts, ", "), strings.Join(ps, "; ")
		ias[ia.ID] = x
		all = append(all, x)
	}
	var progs []uniProgramme
	for _, p := range v.Programmes {
		x := uniProgramme{Programme: p, WeightText: decimal(p.Weight, l)}
		var cs []string
		for _, c := range p.Categories {
			cs = append(cs, catText(c))
		}
		x.Categories = strings.Join(cs, ", ")
		for _, id := range p.ActiveIAs {
			x.IAs = append(x.IAs, ias[id])
		}
		progs = append(progs, x)
	}
	type catRow struct {
		iku.CategoryCount
		LabelText, WeightText string
	}
	var cats []catRow
	for _, c := range v.Categories {
		cats = append(cats, catRow{c, c.Label.In(l), decimal(c.Weight, l)})
	}
	var catOpts []ksOpt
	for _, c := range iku.Categories {
		catOpts = append(catOpts, ksOpt{Code: string(c.Code), Label: c.Label.In(l) + " (" + decimal(c.Weight, l) + ")"})
	}
	if form == nil {
		form = url.Values{}
	}
	form.Set("semester", sem.Code())
	s.render(w, r, st, "university", page{Title: pick(r, "Kerja sama perguruan tinggi: ", "University agreements: ") + v.Name, Errors: errs, Form: form, Data: map[string]any{
		"V": v, "Sem": v.Semester.Label.In(l), "Share": percent(v.Figure.Share, l), "Weighted": percent(v.Figure.Weighted, l),
		"Partners": partners, "IAs": all, "Programmes": progs, "Categories": cats, "CategoryOptions": catOpts,
		"Rule": v.Rule.In(l)}})
	return nil
}

// partnerCategorySave sets a partner's category from the university page
// and returns to it.
func (s *Server) partnerCategorySave(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	back := r.PostForm.Get("back")
	if !strings.HasPrefix(back, "/organizations/") || strings.HasPrefix(back, "//") {
		back = "/organizations/" + strconv.FormatInt(id, 10)
	}
	if _, err := s.DB.SetPartnerCategory(r.Context(), id, iku.Category(r.PostForm.Get("category"))); err != nil {
		if _, _, err := formErrors(err); err != nil {
			return err
		}
		flash(w, pick(r, "Kategori mitra tidak dikenal.", "Unknown partner category."))
	} else {
		flash(w, pick(r, "Kategori mitra tersimpan.", "Partner category saved."))
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// universityPick sends a university's account to its own view and shows
// everyone else the universities to choose from.
func (s *Server) universityPick(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if u.OrganizationID != 0 {
		if o, err := s.DB.Organization(r.Context(), u.OrganizationID); err == nil && iku.IsUniversity(o.Sector) {
			http.Redirect(w, r, "/organizations/"+strconv.FormatInt(o.ID, 10)+"/university", http.StatusSeeOther)
			return nil
		}
	}
	var unis []sinergi.Organization
	for _, sec := range []sinergi.Sector{sinergi.SectorPublicUniversity, sinergi.SectorPrivateUniversity} {
		l, err := s.DB.Organizations(r.Context(), sinergi.OrganizationFilter{Sector: sec, Limit: 200})
		if err != nil {
			return err
		}
		unis = append(unis, l.Items...)
	}
	s.render(w, r, http.StatusOK, "university_pick", page{Title: pick(r, "Kerja sama perguruan tinggi", "University agreements"), Data: map[string]any{"Unis": unis}})
	return nil
}

// iaActivities is what the agreement page shows of an IA's activity types.
func (s *Server) iaActivities(r *http.Request, a *sinergi.Agreement) map[string]any {
	if a.Kind != sinergi.KindIA {
		return nil
	}
	t, err := s.DB.AgreementActivityTypes(r.Context(), a.ID)
	if err != nil {
		return nil
	}
	set := map[iku.Activity]bool{}
	for _, x := range t.Types {
		set[x] = true
	}
	var opts []ksOpt
	var chosen []string
	for _, x := range iku.Activities {
		o := ksOpt{Code: string(x.Code), Label: x.Label.In(lang(r))}
		if set[x.Code] {
			o.N = 1
			chosen = append(chosen, o.Label)
		}
		opts = append(opts, o)
	}
	var unis []sinergi.AgreementParty
	for _, p := range a.Parties {
		if iku.IsUniversity(p.Sector) {
			unis = append(unis, p)
		}
	}
	return map[string]any{"Options": opts, "Chosen": strings.Join(chosen, ", "), "Universities": unis}
}

func (s *Server) activityTypesSave(w http.ResponseWriter, r *http.Request) error {
	return s.agreementAction(w, r, pick(r, "Jenis kegiatan tersimpan.", "Activity types saved."), func(id, version int64, f url.Values) (*sinergi.Agreement, error) {
		var types []iku.Activity
		for _, t := range f["type"] {
			types = append(types, iku.Activity(t))
		}
		if _, err := s.DB.SetAgreementActivityTypes(r.Context(), id, version, types); err != nil {
			return nil, err
		}
		return s.DB.Agreement(r.Context(), id)
	})
}
