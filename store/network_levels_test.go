package store_test

import (
	"math"
	"testing"
	"time"

	"sinergi"
	"sinergi/network"
	"sinergi/store"
)

// TestNetworkLevels builds a small stored network and checks the three
// levels (issue 6 item 2) and their E-I indexes (domain.md §7) against hand
// counts. Unsulbar has units FT and FP, UGM has FK; the other organisations
// have no units.
//
//	activity FT → FP (inside Unsulbar), FT → FK (training),
//	activity Maros → Unsulbar (no units),
//	MoU Unsulbar (FP) – UGM (no unit), signed; a draft MoU Unsulbar – Maros does not count.
func TestNetworkLevels(t *testing.T) {
	e := newKS(t)
	ctx := ksSys
	unit := func(org int64, name string) int64 {
		u, err := e.db.CreateUnit(ctx, org, sinergi.UnitInput{Name: name, Kind: "faculty"})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	ft, fp, fk := unit(e.uni.ID, "Fakultas Teknik"), unit(e.uni.ID, "Fakultas Pertanian"), unit(e.ugm.ID, "Fakultas Kehutanan")
	for _, in := range []sinergi.ActivityInput{
		{Type: sinergi.ActJointPlanning, FromOrgID: e.uni.ID, FromUnitID: &ft, ToOrgID: e.uni.ID, ToUnitID: &fp, Date: "2026-10-01", Description: "Rencana bersama"},
		{Type: sinergi.ActTraining, FromOrgID: e.uni.ID, FromUnitID: &ft, ToOrgID: e.ugm.ID, ToUnitID: &fk, Date: "2026-09-01", Description: "Pelatihan"},
		{Type: sinergi.ActInformalCooperation, FromOrgID: e.maros.ID, ToOrgID: e.uni.ID, Date: "2026-08-01", Description: "Diskusi"},
	} {
		if _, err := e.db.CreateActivity(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	mou, err := e.db.CreateAgreement(ctx, sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "MoU Unsulbar–UGM",
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID, UnitID: &fp}, {OrganizationID: e.ugm.ID}}, StartDate: "2026-01-01", EndDate: "2029-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	complete(t, e.db, ctx, mou, "persiapan", "penyusunan", "penandatanganan")
	if _, err := e.db.CreateAgreement(ctx, sinergi.AgreementInput{Kind: sinergi.KindMoU, Title: "MoU draf",
		Parties: []sinergi.PartyInput{{OrganizationID: e.uni.ID}, {OrganizationID: e.maros.ID}}, StartDate: "2026-01-01", EndDate: "2029-12-31"}); err != nil {
		t.Fatal(err)
	}
	at := func(level network.Level) *store.OrgNetwork {
		t.Helper()
		res, err := e.db.AnalyzeNetworkAt(ctx, time.Time{}, time.Time{}, level, network.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Level != level {
			t.Errorf("level %q, want %q", res.Level, level)
		}
		return res
	}
	type want struct {
		ext, in int
		index   float64 // NaN: no ties
	}
	check := func(what string, got map[string]network.EI, w map[string]want) {
		t.Helper()
		if len(got) != len(w) {
			t.Errorf("%s: %d entries %v, want %d", what, len(got), got, len(w))
		}
		for k, x := range w {
			g, ok := got[k]
			if !ok || g.External != x.ext || g.Internal != x.in || (g.Index == nil) != math.IsNaN(x.index) || (g.Index != nil && math.Abs(*g.Index-x.index) > 1e-12) {
				t.Errorf("%s %s: %+v, want E %d I %d index %v", what, k, g, x.ext, x.in, x.index)
			}
		}
	}
	u, o := store.UnitNodeID, store.NodeID
	nan := math.NaN()

	// unit level: ties FT–FP (internal), FT–FK, FP–UGM (MoU), Maros–Unsulbar
	res := at(network.LevelUnit)
	if res.Edges != 4 || res.Links["agreement"] != 1 || res.Labels[u(ft)] != "Fakultas Teknik — Universitas Sulawesi Barat" || res.Parents[u(fk)] != o(e.ugm.ID) {
		t.Errorf("unit level: %d edges, links %v, labels %v", res.Edges, res.Links, res.Labels)
	}
	// 3 units + 5 organisations without units + Unsulbar and UGM themselves
	// (the activity with Maros and the MoU name no unit on their side)
	if res.Nodes != 10 || res.Href(u(ft)) != "/organizations/"+o(e.uni.ID) {
		t.Errorf("unit level: %d nodes, href %q", res.Nodes, res.Href(u(ft)))
	}
	check("unit ei_nodes", res.EINodes, map[string]want{
		u(ft): {1, 1, 0}, u(fp): {1, 1, 0}, u(fk): {1, 0, 1}, o(e.uni.ID): {1, 0, 1}, o(e.ugm.ID): {1, 0, 1}, o(e.maros.ID): {1, 0, 1},
		o(e.pangkep.ID): {0, 0, nan}, o(e.barru.ID): {0, 0, nan}, o(e.mamuju.ID): {0, 0, nan}, o(e.cri.ID): {0, 0, nan}})
	check("unit ei_groups", res.EIGroups, map[string]want{
		o(e.uni.ID): {3, 1, 0.5}, o(e.ugm.ID): {2, 0, 1}, o(e.maros.ID): {1, 0, 1},
		o(e.pangkep.ID): {0, 0, nan}, o(e.barru.ID): {0, 0, nan}, o(e.mamuju.ID): {0, 0, nan}, o(e.cri.ID): {0, 0, nan}})

	// organisation level: Unsulbar–UGM (training + MoU; both public
	// universities: internal), Maros–Unsulbar
	res = at(network.LevelOrganization)
	if res.Nodes != 7 || res.Edges != 2 {
		t.Errorf("organisation level: %d nodes %d edges", res.Nodes, res.Edges)
	}
	check("organisation ei_nodes", res.EINodes, map[string]want{
		o(e.uni.ID): {1, 1, 0}, o(e.ugm.ID): {0, 1, -1}, o(e.maros.ID): {1, 0, 1},
		o(e.pangkep.ID): {0, 0, nan}, o(e.barru.ID): {0, 0, nan}, o(e.mamuju.ID): {0, 0, nan}, o(e.cri.ID): {0, 0, nan}})
	check("organisation ei_groups", res.EIGroups, map[string]want{
		"public_university": {1, 1, 0}, "regency_government": {1, 0, 1}, "private_company": {0, 0, nan}})

	// sector level: one tie regency_government – public_university
	res = at(network.LevelSector)
	if res.Nodes != 3 || res.Edges != 1 || res.Labels["bumn"] != "" || res.Href("public_university") != "" {
		t.Errorf("sector level: %d nodes %d edges labels %v", res.Nodes, res.Edges, res.Labels)
	}
	check("sector ei_nodes", res.EINodes, map[string]want{
		"public_university": {1, 1, 0}, "regency_government": {1, 0, 1}, "private_company": {0, 0, nan}})
	if res.EINetwork == nil || res.EINetwork.External != 1 || res.EINetwork.Internal != 1 {
		t.Errorf("sector whole E-I %+v", res.EINetwork)
	}
}
