package store_test

import (
	"testing"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/store"
)

// Every write to a table of the collaboration network bumps its change
// counter (migration 0015), so a cache keyed by them never serves an
// analysis older than the data.
func TestNetworkTableVersions(t *testing.T) {
	e := newKS(t)
	ctx := t.Context()
	key := func() string {
		k, err := e.db.DataVersions(ctx, store.NetworkTables...)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	bumps := func(what string, write func() error, tables ...string) {
		t.Helper()
		before := map[string]int64{}
		for _, tb := range store.NetworkTables {
			before[tb], _ = e.db.DataVersion(ctx, tb)
		}
		k := key()
		if err := write(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, tb := range tables {
			if v, _ := e.db.DataVersion(ctx, tb); v <= before[tb] {
				t.Errorf("%s: the counter of %s stayed at %d", what, tb, v)
			}
		}
		if key() == k {
			t.Errorf("%s: the network key stayed %s", what, k)
		}
	}
	bumps("activity", func() error {
		_, err := e.db.CreateActivity(e.marosCtx, sinergi.ActivityInput{Type: sinergi.ActJointPlanning, FromOrgID: e.maros.ID, ToOrgID: e.barru.ID, Date: "2026-01-05", Description: "Rapat"})
		return err
	}, "activities")
	bumps("agreement", func() error { _, err := e.db.CreateAgreement(e.marosCtx, e.ksdd()); return err }, "agreements", "agreement_parties")
	bumps("forum", func() error {
		_, err := e.db.CreateForum(e.marosCtx, sinergi.ForumInput{Name: "Forum Koridor Maros", InitiatorOrgID: e.maros.ID, Focus: sinergi.FocusProgrammeManagement})
		return err
	}, "forums", "forum_members")
	bumps("assistance request", func() error {
		_, err := e.db.CreateAssistanceRequest(e.marosCtx, sinergi.AssistanceInput{RequesterOrgID: e.maros.ID, ProviderOrgID: e.pangkep.ID, Subject: "Tenaga ahli",
			Description: "Dua orang tenaga ahli", Grounds: sinergi.Grounds{{Letter: "b", Explanation: "Kami kekurangan tenaga"}}})
		return err
	}, "assistance_requests")
	bumps("unit", func() error {
		_, err := e.db.CreateUnit(sys, e.maros.ID, sinergi.UnitInput{Name: "Bappeda", Kind: "opd"})
		return err
	}, "units")
	bumps("organisation", func() error {
		_, err := e.db.CreateOrganization(sys, sinergi.OrganizationInput{Name: "Pemerintah Kota Makassar", Sector: sinergi.SectorCityGovernment, RegionCode: "73.71"})
		return err
	}, "organizations")
	// reading changes nothing
	k := key()
	if _, err := e.db.AnalyzeNetwork(e.marosCtx, time.Time{}, time.Time{}, network.Options{}); err != nil || key() != k {
		t.Errorf("a read changed the key: %v", err)
	}
	if _, err := e.db.DataVersions(ctx, "activities", "no_such_table"); err == nil {
		t.Error("a table without a counter should be an error")
	}
}
