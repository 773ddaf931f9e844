package web

import (
	"log/slog"
	"testing"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/store"
	"sinergi/store/storetest"
)

// The organisation page's network analysis and trends are computed once and
// served from the cache until a network table changes, or the day changes
// for an open window (dormant ties and the default quarters depend on today).
func TestNetworkAnalysisCache(t *testing.T) {
	db := storetest.Open(t)
	now := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	s := New(db, slog.New(slog.DiscardHandler), "test")
	ctx := sinergi.WithActor(t.Context(), sinergi.SystemActor)
	a, err := db.CreateOrganization(ctx, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.CreateOrganization(ctx, sinergi.OrganizationInput{Name: "Universitas Hasanuddin", Sector: sinergi.SectorPublicUniversity, RegionCode: "73.71"})
	if err != nil {
		t.Fatal(err)
	}
	var open time.Time
	get := func(since, until time.Time) *store.OrgNetwork {
		t.Helper()
		res, err := s.networkAnalysis(ctx, since, until, network.LevelOrganization)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	r1 := get(open, open)
	if r2 := get(open, open); r2 != r1 || s.analyses.computed != 1 {
		t.Fatalf("second view recomputed (%d analyses)", s.analyses.computed)
	}
	if _, err := db.CreateActivity(ctx, sinergi.ActivityInput{Type: sinergi.ActTraining, FromOrgID: b.ID, ToOrgID: a.ID, Date: "2026-10-01", Description: "Pelatihan"}); err != nil {
		t.Fatal(err)
	}
	r3 := get(open, open)
	if r3 == r1 || s.analyses.computed != 2 || r3.Links["training"] != 1 || r1.Links["training"] != 0 {
		t.Fatalf("a new activity did not invalidate the analysis: %d analyses, links %v", s.analyses.computed, r3.Links)
	}
	if get(open, open) != r3 || s.analyses.computed != 2 {
		t.Fatal("unchanged data recomputed")
	}
	// a unit or an organisation renamed is a change too
	if _, err := db.CreateUnit(ctx, a.ID, sinergi.UnitInput{Name: "Bappeda", Kind: "opd"}); err != nil {
		t.Fatal(err)
	}
	if get(open, open) == r3 || s.analyses.computed != 3 {
		t.Fatal("a new unit did not invalidate the analysis")
	}
	// windows are kept apart; a closed past window does not depend on the day
	since, until := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	w1 := get(since, until)
	if w1.Links["training"] != 0 || get(since, until) != w1 || s.analyses.computed != 4 {
		t.Fatalf("window: links %v, %d analyses", w1.Links, s.analyses.computed)
	}
	r4 := get(open, open)
	now = now.Add(24 * time.Hour)
	if get(since, until) != w1 {
		t.Error("a past window was recomputed on a new day")
	}
	if get(open, open) == r4 {
		t.Error("the open window was not recomputed on a new day")
	}

	// the trends share the cache and its invalidation
	trends := func() *store.Trends {
		t.Helper()
		tr, err := s.activityTrends(ctx, a.ID, open, open)
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	t1 := trends()
	n := s.analyses.computed
	if trends() != t1 || s.analyses.computed != n {
		t.Error("unchanged trends recomputed")
	}
	if _, err := db.CreateActivity(ctx, sinergi.ActivityInput{Type: sinergi.ActJointPlanning, FromOrgID: a.ID, ToOrgID: b.ID, Date: "2026-11-01", Description: "Rencana"}); err != nil {
		t.Fatal(err)
	}
	t2 := trends()
	last := t2.Quarters[len(t2.Quarters)-1]
	if t2 == t1 || last.Quarter != "2026-Q4" || last.ByType["joint_planning"] != 1 {
		t.Errorf("a new activity did not invalidate the trends: %+v", last)
	}
	if _, err := s.activityTrends(t.Context(), a.ID, open, open); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Errorf("the cache served an anonymous caller: %v", err)
	}
	if _, err := s.networkAnalysis(t.Context(), open, open, network.LevelOrganization); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Errorf("the cache served an anonymous caller: %v", err)
	}
	if _, err := s.activityTrends(ctx, 999999, open, open); err == nil {
		t.Error("a missing organisation should be an error, not cached")
	}
}
