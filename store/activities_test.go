package store_test

import (
	"testing"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/store"
	"sinergi/store/storetest"
)

func TestActivitiesStore(t *testing.T) {
	db := storetest.Open(t)
	a := mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kabupaten Maros", Sector: sinergi.SectorRegencyGovernment, RegionCode: "73.09"})
	b := mustOrg(t, db, sinergi.OrganizationInput{Name: "Universitas Sulawesi Barat", Sector: sinergi.SectorPublicUniversity, RegionCode: "76.05"})
	c := mustOrg(t, db, sinergi.OrganizationInput{Name: "Pemerintah Kota Parepare", Sector: sinergi.SectorCityGovernment, RegionCode: "73.72"})
	memberA := forumActor(a.ID, 1, sinergi.RoleMember)
	outsider := forumActor(c.ID, 2, sinergi.RoleMember)
	v := int64(5_000_000)
	in := sinergi.ActivityInput{Type: "giving_training", FromOrgID: b.ID, ToOrgID: a.ID, Date: "2026-02-01", Description: " Pelatihan ", ValueRupiah: &v}
	if _, err := db.CreateActivity(t.Context(), in); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Fatalf("anonymous: %v", err)
	}
	if _, err := db.CreateActivity(outsider, in); sinergi.ErrorCode(err) != sinergi.CodeForbidden {
		t.Fatalf("outsider: %v", err)
	}
	act, err := db.CreateActivity(memberA, in)
	if err != nil {
		t.Fatal(err)
	}
	if act.Type != sinergi.ActTraining || !act.Directed || act.FromOrgID != b.ID || act.Description != "Pelatihan" || *act.ValueRupiah != v || act.FromOrgName != b.Name {
		t.Errorf("stored %+v", act)
	}
	got, err := db.Activity(memberA, act.ID)
	if err != nil || got.ID != act.ID || got.Date != "2026-02-01" {
		t.Fatalf("read back: %+v %v", got, err)
	}
	if _, err := db.Activity(memberA, 999); sinergi.ErrorCode(err) != sinergi.CodeNotFound {
		t.Errorf("missing: %v", err)
	}
	if _, err := db.CreateActivity(memberA, sinergi.ActivityInput{Type: sinergi.ActJointPlanning, FromOrgID: a.ID, ToOrgID: c.ID, Date: "2024-01-01", Description: "Rencana"}); err != nil {
		t.Fatal(err)
	}
	l, err := db.Activities(memberA, sinergi.ActivityFilter{OrgID: a.ID})
	if err != nil || l.Total != 2 || len(l.Items) != 2 || l.Items[0].ID != act.ID {
		t.Fatalf("list: %+v %v", l, err)
	}
	if l, _ := db.Activities(memberA, sinergi.ActivityFilter{OrgID: b.ID, Type: sinergi.ActJointPlanning}); l.Total != 0 {
		t.Errorf("filter: %+v", l)
	}
	// audit trail
	entries, err := db.AuditEntries(sinergi.WithActor(t.Context(), sinergi.SystemActor), store.AuditFilter{Entity: "activity"})
	if err != nil || entries.Total != 2 {
		t.Errorf("audit: %d %v", entries.Total, err)
	}
	if n, err := db.VerifyAudit(t.Context()); err != nil || n == 0 {
		t.Errorf("verify: %d %v", n, err)
	}
	// the stored network: 3 nodes, 2 ties; the 2024 tie is dormant
	db.Now = func() time.Time { return time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC) }
	res, err := db.AnalyzeNetwork(memberA, time.Time{}, time.Time{}, network.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Nodes != 3 || res.Edges != 2 || len(res.Dormant) != 1 || res.Reciprocity == nil || res.Reciprocity.Arcs != 1 || len(res.Findings) == 0 {
		t.Errorf("analysis %+v", res.Result)
	}
	if res.BetweennessMethod != network.Exact || res.Betweenness[store.NodeID(a.ID)] != 1 {
		t.Errorf("Maros bridges the two others: %v", res.Betweenness)
	}
	// a window that leaves out 2024
	res, err = db.AnalyzeNetwork(memberA, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, network.Options{})
	if err != nil || res.Edges != 1 || len(res.Isolated) != 1 {
		t.Errorf("window: %+v %v", res, err)
	}
}
