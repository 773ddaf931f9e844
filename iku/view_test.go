package iku

import (
	"slices"
	"testing"
)

// Build attributes active IAs to study programmes, counts categories and
// activities, and leaves out inactive IAs and IAs not on a programme.
func TestViewBuild(t *testing.T) {
	id := func(n int64) *int64 { return &n }
	ugm := Partner{OrganizationID: 10, Category: QS100, Weight: 1}
	pemda := Partner{OrganizationID: 11, Category: Government, Weight: 0.5}
	pt := Partner{OrganizationID: 12, Category: None}
	v := View{
		Programmes: []Programme{{UnitID: 1}, {UnitID: 2}, {UnitID: 3}},
		IAs: []ViewIA{
			{ID: 100, UnitID: id(1), Active: true, Partners: []Partner{pemda}, ActivityTypes: []Activity{"internship"}},
			{ID: 101, UnitID: id(1), Active: true, Partners: []Partner{ugm, pemda}, ActivityTypes: []Activity{"student_exchange", "internship"}},
			{ID: 102, UnitID: id(2), Active: false, Partners: []Partner{ugm}, ActivityTypes: []Activity{"joint_research"}},
			{ID: 103, UnitID: id(3), Active: true, Partners: []Partner{pt}},
			{ID: 104, UnitID: id(9), Active: true, Partners: []Partner{pemda}, ActivityTypes: []Activity{"benchmarking"}}, // a faculty, not a programme
			{ID: 105, UnitID: nil, Active: true, Partners: []Partner{ugm}},
		},
	}
	v.Build()
	p := v.Programmes
	if !slices.Equal(p[0].ActiveIAs, []int64{100, 101}) || !slices.Equal(p[0].Categories, []Category{Government, QS100}) || p[0].Weight != 1 {
		t.Errorf("programme 1: %+v", p[0])
	}
	if len(p[1].ActiveIAs) != 0 || p[1].Weight != 0 || len(p[2].ActiveIAs) != 1 || p[2].Weight != 0 || len(p[2].Categories) != 0 {
		t.Errorf("programmes 2, 3: %+v %+v", p[1], p[2])
	}
	if v.IAs[4].Programme || v.IAs[5].Programme || !v.IAs[0].Programme || v.IAs[1].Weight != 1 {
		t.Errorf("IA flags: %+v", v.IAs)
	}
	if v.Figure != (Figure{Programmes: 3, WithIA: 1, Share: 0.3333, Weighted: 0.3333}) {
		t.Errorf("figure %+v", v.Figure)
	}
	cats := map[Category][2]int{}
	for _, c := range v.Categories {
		cats[c.Code] = [2]int{c.Programmes, c.Partners}
	}
	if cats[QS100] != [2]int{1, 1} || cats[Government] != [2]int{1, 1} || cats[University] != [2]int{} {
		t.Errorf("categories %v", cats)
	}
	acts := map[Activity]int{}
	for _, a := range v.Activities {
		acts[a.Code] = a.IAs
	}
	// active IAs count wherever they sit; the inactive joint research does not
	if acts["internship"] != 2 || acts["student_exchange"] != 1 || acts["benchmarking"] != 1 || acts["joint_research"] != 0 {
		t.Errorf("activities %v", acts)
	}
	if v.Citation == "" || v.Rule.ID == "" {
		t.Error("no citation or rule")
	}
}
