package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sinergi"
	"sinergi/corridor"
	"sinergi/region"
)

// Forms on the programme page for what was API-only: UMKM applications and
// steps of a region's plan. Both go through the store methods the API uses
// (CreateCorridorApplication, SaveCorridorPlan); the rules live there.

type corrOption struct{ Value, Text string }

// corridorFormData adds the options of the application and plan-step forms.
func corridorFormData(r *http.Request, c *sinergi.Corridor, data map[string]any) {
	l := lang(r)
	var sizes, cats, statuses, regions, stations []corrOption
	for _, z := range corridor.Sizes {
		sizes = append(sizes, corrOption{string(z), sinergi.CorridorSizeLabel[z].In(l)})
	}
	for _, k := range sinergi.CorridorPlanCategories {
		cats = append(cats, corrOption{string(k), sinergi.CorridorPlanCategoryLabel[k].In(l)})
	}
	for _, st := range sinergi.CorridorStepStatuses {
		statuses = append(statuses, corrOption{string(st), sinergi.CorridorStepStatusLabel[st].In(l)})
	}
	for _, code := range c.Regions {
		name := code
		if rg, ok := region.Lookup(code); ok {
			name = rg.Name
		}
		regions = append(regions, corrOption{code, name})
	}
	for _, st := range c.Stations {
		if st.Kiosks > 0 {
			stations = append(stations, corrOption{strconv.FormatInt(st.ID, 10), fmt.Sprintf("%s (%d %s)", st.Name, st.Kiosks, pick(r, "kios", "kiosks"))})
		}
	}
	data["Sizes"], data["Categories"], data["StepStatuses"], data["RegionOpts"], data["KioskStations"] = sizes, cats, statuses, regions, stations
	data["StationSlots"] = []string{"stations[0]", "stations[1]", "stations[2]"}
}

// corridorApply records a UMKM application from the programme page.
func (s *Server) corridorApply(w http.ResponseWriter, r *http.Request) error {
	var app *sinergi.CorridorApplication
	return s.corridorActionMsg(w, r, "#applications", func(id int64, f url.Values) (string, error) {
		in := sinergi.CorridorApplicationInput{BusinessName: strings.TrimSpace(f.Get("business_name")), OwnerName: strings.TrimSpace(f.Get("owner_name")),
			DomicileCode: f.Get("domicile_code"), Size: corridor.Size(f.Get("size")), LocalFranchise: f.Get("local_franchise") == "yes",
			NIB: f.Get("nib"), ProductCategory: strings.TrimSpace(f.Get("product_category"))}
		for i := range 3 {
			v := strings.TrimSpace(f.Get(fmt.Sprintf("stations[%d]", i)))
			if v == "" {
				continue
			}
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				n = -1
			}
			in.Stations = append(in.Stations, n)
		}
		a, err := s.DB.CreateCorridorApplication(r.Context(), id, in)
		if err != nil {
			return "", err
		}
		app = a
		return fmt.Sprintf(pick(r, "Permohonan %s (NIB %s) diterima dengan nomor %d.", "Application of %s (NIB %s) received as number %d."), app.BusinessName, app.NIB, app.ID), nil
	})
}

// corridorAddStep adds one step to a region's plan: the plan is read, the
// step appended and the whole plan saved as the API does.
func (s *Server) corridorAddStep(w http.ResponseWriter, r *http.Request) error {
	return s.corridorActionMsg(w, r, "#plans", func(id int64, f url.Values) (string, error) {
		c, err := s.DB.Corridor(r.Context(), id)
		if err != nil {
			return "", err
		}
		in := sinergi.CorridorPlanInput{RegionCode: strings.TrimSpace(f.Get("step_region"))}
		for _, p := range c.Plans {
			if p.RegionCode != in.RegionCode {
				continue
			}
			in.TariffCap, in.HiringTarget, in.HiredTotal, in.HiredLocal, in.Note, in.Steps = p.TariffCap, p.HiringTarget, p.HiredTotal, p.HiredLocal, p.Note, p.Steps
			for _, z := range p.Zones {
				in.Zones = append(in.Zones, sinergi.CorridorZoneInput{Name: z.Name, StationID: z.StationID, Tariff: z.Tariff})
			}
		}
		n := len(in.Steps)
		in.Steps = append(in.Steps, sinergi.CorridorPlanStep{Category: sinergi.CorridorPlanCategory(f.Get("step_category")), Title: strings.TrimSpace(f.Get("step_title")),
			Owner: strings.TrimSpace(f.Get("step_owner")), StartDate: strings.TrimSpace(f.Get("step_start_date")), DueDate: strings.TrimSpace(f.Get("step_due_date")),
			Status: sinergi.CorridorStepStatus(f.Get("step_status"))})
		if _, err := s.DB.SaveCorridorPlan(r.Context(), id, in); err != nil {
			return "", stepFieldErrors(err, n)
		}
		return pick(r, "Langkah ditambahkan ke rencana daerah.", "Step added to the region's plan."), nil
	})
}

// stepFieldErrors names the new step's fields (steps[n].title) and the
// region as the form does (step_title, step_region).
func stepFieldErrors(err error, n int) error {
	var e *sinergi.Error
	if !errors.As(err, &e) {
		return err
	}
	prefix := fmt.Sprintf("steps[%d].", n)
	out := *e
	out.Fields = nil
	for _, fe := range e.Fields {
		switch {
		case strings.HasPrefix(fe.Field, prefix):
			fe.Field = "step_" + strings.TrimPrefix(fe.Field, prefix)
		case fe.Field == "region_code":
			fe.Field = "step_region"
		}
		out.Fields = append(out.Fields, fe)
	}
	return &out
}

// corridorActionMsg is corridorAction with the flash message made by the
// action itself.
func (s *Server) corridorActionMsg(w http.ResponseWriter, r *http.Request, anchor string, do func(id int64, f url.Values) (string, error)) error {
	id, err := postedTo(w, r)
	if err != nil {
		return err
	}
	msg, err := do(id, r.PostForm)
	if err != nil {
		errs, _, err := formErrors(err)
		if err != nil {
			return err
		}
		return s.renderCorridor(w, r, http.StatusBadRequest, id, errs, r.PostForm)
	}
	flash(w, msg)
	http.Redirect(w, r, "/corridors/"+strconv.FormatInt(id, 10)+anchor, http.StatusSeeOther)
	return nil
}
