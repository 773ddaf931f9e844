package demo_test

import (
	"testing"

	"sinergi/demo"
	"sinergi/store"
	"sinergi/store/storetest"
)

// The demo has a finished culture survey at Unsulbar with groups shown and
// one too small to show, a Ratner assessment of the railway forum and a
// filled register.
func TestDemoAssessments(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(sys, db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Campaigns(sys, store.CampaignFilter{})
	if err != nil || l.Total != 1 {
		t.Fatalf("campaigns: %+v %v", l, err)
	}
	r, err := db.Results(sys, l.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Final || len(r.Results.Groups) != 2 || r.Results.HiddenGroups != 1 {
		t.Fatalf("results: final %v groups %d hidden %d", r.Final, len(r.Results.Groups), r.Results.HiddenGroups)
	}
	for _, g := range r.Results.Groups {
		if g.Responses < r.Results.Threshold || g.Mean < 1 || g.Mean > 5 {
			t.Errorf("group %s: %d responses, mean %v", g.Label, g.Responses, g.Mean)
		}
	}
	as, err := db.Assessments(sys, store.AssessmentFilter{})
	if err != nil || as.Total != 1 || as.Items[0].SubjectName != "Forum Koridor Kereta Api Makassar–Parepare" || len(as.Items[0].Issues) == 0 || len(as.Items[0].Strategies) == 0 {
		t.Fatalf("assessments: %+v %v", as, err)
	}
	ob, err := db.Obstacles(sys, store.ObstacleFilter{})
	if err != nil || ob.Total < 5 {
		t.Fatalf("register: %+v %v", ob, err)
	}
}
