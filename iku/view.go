package iku

import "sinergi"

// Rule states, for the view, how the figure is worked out.
var Rule = sinergi.T(
	"Program studi dihitung bila pada semester itu memiliki paling sedikit satu IA yang berlaku (sudah ditandatangani, jangka waktunya beririsan dengan semester, belum diakhiri sebelum semester dimulai) dengan mitra yang berkategori IKU 6. Persentase = program studi tersebut ÷ seluruh program studi; angka berbobot = jumlah bobot mitra terbaik setiap program studi ÷ seluruh program studi.",
	"A study programme counts when in that semester it has at least one IA in force (signed, its term overlapping the semester, not terminated before the semester began) with a partner in an IKU 6 category. Share = those programmes ÷ all programmes; weighted figure = the sum of each programme's best partner weight ÷ all programmes.")

// SemesterRef is a semester as the view shows it.
type SemesterRef struct {
	Code  string       `json:"code"`
	Label sinergi.Text `json:"label"`
	Start string       `json:"start"`
	End   string       `json:"end"`
	Prev  string       `json:"prev"`
	Next  string       `json:"next"`
}

// Ref describes s.
func (s Semester) Ref() SemesterRef {
	f, l := s.Span()
	return SemesterRef{Code: s.Code(), Label: s.Label(), Start: f, End: l, Prev: s.Prev().Code(), Next: s.Next().Code()}
}

// Partner is a partner organisation with the category that counts for it.
type Partner struct {
	OrganizationID int64          `json:"organization_id"`
	Name           string         `json:"name"`
	Sector         sinergi.Sector `json:"sector"`
	Category       Category       `json:"category"`
	CategorySource string         `json:"category_source"` // explicit, sector or none
	Weight         float64        `json:"weight"`
}

// ViewIA is one IA of the university.
type ViewIA struct {
	ID            int64                   `json:"id"`
	Title         string                  `json:"title"`
	Status        sinergi.AgreementStatus `json:"status"`
	StartDate     string                  `json:"start_date"`
	EndDate       string                  `json:"end_date"`
	UnitID        *int64                  `json:"unit_id"`
	UnitName      string                  `json:"unit_name"`
	Programme     bool                    `json:"programme"` // the university's unit is one of its study programmes
	Partners      []Partner               `json:"partners"`
	ActivityTypes []Activity              `json:"activity_types"`
	Active        bool                    `json:"active"` // in force in the semester
	Weight        float64                 `json:"weight"` // best partner weight
}

// Programme is a study programme with its IAs active in the semester.
type Programme struct {
	UnitID     int64      `json:"unit_id"`
	Name       string     `json:"name"`
	Faculty    string     `json:"faculty"`
	ActiveIAs  []int64    `json:"active_ias"`
	Categories []Category `json:"categories"`
	Weight     float64    `json:"weight"`
}

// CategoryCount is a row of the weight table with what the semester shows.
type CategoryCount struct {
	Code       Category     `json:"code"`
	Label      sinergi.Text `json:"label"`
	Weight     float64      `json:"weight"`
	WorldClass bool         `json:"world_class"`
	Programmes int          `json:"programmes"` // study programmes with an active IA with a partner of this category
	Partners   int          `json:"partners"`   // partners of this category in the university's IAs
}

// ActivityCount is an activity type with the IAs active in the semester that have it.
type ActivityCount struct {
	Code  Activity     `json:"code"`
	Label sinergi.Text `json:"label"`
	IAs   int          `json:"ias"`
}

// View is the university view of the kerja sama registry for one semester.
type View struct {
	OrganizationID int64           `json:"organization_id"`
	Name           string          `json:"name"`
	Sector         sinergi.Sector  `json:"sector"`
	Semester       SemesterRef     `json:"semester"`
	Figure         Figure          `json:"figure"`
	Rule           sinergi.Text    `json:"rule"`
	Citation       string          `json:"citation"`
	WeightNote     string          `json:"weight_note"`
	Categories     []CategoryCount `json:"categories"`
	Activities     []ActivityCount `json:"activities"`
	Programmes     []Programme     `json:"programmes"`
	IAs            []ViewIA        `json:"ias"`
	Partners       []Partner       `json:"partners"`
}

// Build fills the counts and the figure of v from its programmes and IAs
// (each IA's Active, Partners and ActivityTypes set; programmes listed).
func (v *View) Build() {
	prog := map[int64]int{}
	for i, p := range v.Programmes {
		prog[p.UnitID] = i
		v.Programmes[i].ActiveIAs, v.Programmes[i].Categories = []int64{}, []Category{}
	}
	progCats := map[Category]map[int64]bool{}
	partnerCats := map[Category]map[int64]bool{}
	acts := map[Activity]int{}
	for i := range v.IAs {
		ia := &v.IAs[i]
		ia.Weight = 0
		for _, p := range ia.Partners {
			ia.Weight = max(ia.Weight, p.Weight)
			if p.Category != None {
				if partnerCats[p.Category] == nil {
					partnerCats[p.Category] = map[int64]bool{}
				}
				partnerCats[p.Category][p.OrganizationID] = true
			}
		}
		j, ok := -1, false
		if ia.UnitID != nil {
			j, ok = prog[*ia.UnitID]
		}
		ia.Programme = ok
		if !ia.Active {
			continue
		}
		for _, a := range ia.ActivityTypes {
			acts[a]++
		}
		if !ok {
			continue
		}
		p := &v.Programmes[j]
		p.ActiveIAs = append(p.ActiveIAs, ia.ID)
		p.Weight = max(p.Weight, ia.Weight)
		for _, pa := range ia.Partners {
			if pa.Category == None {
				continue
			}
			if progCats[pa.Category] == nil {
				progCats[pa.Category] = map[int64]bool{}
			}
			if !progCats[pa.Category][p.UnitID] {
				p.Categories = append(p.Categories, pa.Category)
			}
			progCats[pa.Category][p.UnitID] = true
		}
	}
	v.Categories = make([]CategoryCount, len(Categories))
	for i, c := range Categories {
		v.Categories[i] = CategoryCount{c.Code, c.Label, c.Weight, c.WorldClass, len(progCats[c.Code]), len(partnerCats[c.Code])}
	}
	v.Activities = make([]ActivityCount, len(Activities))
	for i, a := range Activities {
		v.Activities[i] = ActivityCount{a.Code, a.Label, acts[a.Code]}
	}
	best := make([]float64, len(v.Programmes))
	for i, p := range v.Programmes {
		best[i] = p.Weight
	}
	v.Figure = Compute(best)
	v.Rule, v.Citation, v.WeightNote = Rule, Citation, WeightNote
}
