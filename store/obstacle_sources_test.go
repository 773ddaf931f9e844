package store_test

import (
	"strings"
	"testing"

	"sinergi"
)

// The agreement and network sources of the obstacle register: a KSDD that
// needs DPRD approval without it, its overdue obligation, and a tie dormant
// since mid-2025; each is proposed once, then never again after accept or
// dismiss.
func TestObstacleSourcesAgreementsAndTies(t *testing.T) {
	e := newKS(t)
	in := e.ksdd()
	in.BurdensPublic = true
	ag, err := e.db.CreateAgreement(e.marosCtx, in)
	if err != nil {
		t.Fatal(err)
	}
	if !ag.DPRDRequired {
		t.Fatalf("fixture: DPRD approval should be required")
	}
	if _, err := e.db.CreateActivity(e.marosCtx, sinergi.ActivityInput{Type: "giving_training", FromOrgID: e.maros.ID, ToOrgID: e.pangkep.ID, Date: "2025-06-01", Description: "Pelatihan"}); err != nil {
		t.Fatal(err)
	}
	ps, err := e.db.ObstacleProposals(e.marosCtx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, p := range ps {
		for _, k := range []string{"agreement-legal:", "obligation-overdue:", "tie-dormant:"} {
			if strings.HasPrefix(p.Key, k) {
				if p.OrgID != e.maros.ID || want[k] {
					t.Errorf("proposal %+v", p)
				}
				want[k] = true
				if k == "tie-dormant:" && p.AffectsID != e.pangkep.ID {
					t.Errorf("dormant tie %+v", p)
				}
			}
		}
	}
	if len(want) != 3 {
		t.Fatalf("want three new sources, got %v in %+v", want, ps)
	}
	// accept one, dismiss the others: none comes back
	for _, p := range ps {
		var err error
		switch {
		case strings.HasPrefix(p.Key, "agreement-legal:"):
			_, err = e.db.AcceptProposal(e.marosCtx, p.Key, "Ajukan persetujuan DPRD", "Bagian Kerja Sama")
		case strings.HasPrefix(p.Key, "obligation-overdue:"), strings.HasPrefix(p.Key, "tie-dormant:"):
			err = e.db.DismissProposal(e.marosCtx, p.Key)
		}
		if err != nil {
			t.Fatalf("%s: %v", p.Key, err)
		}
	}
	again, err := e.db.ObstacleProposals(e.marosCtx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range again {
		if strings.HasPrefix(p.Key, "agreement-legal:") || strings.HasPrefix(p.Key, "obligation-overdue:") || strings.HasPrefix(p.Key, "tie-dormant:") {
			t.Errorf("proposed twice: %+v", p)
		}
	}
	// the other party sees its own agreement proposal but not Maros's obligation
	pk := actor(14, e.pangkep.ID, sinergi.RoleMember)
	ps, err = e.db.ObstacleProposals(pk)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range ps {
		if p.OrgID != e.pangkep.ID {
			t.Errorf("foreign proposal %+v", p)
		}
		seen[strings.SplitN(p.Key, ":", 2)[0]] = true
	}
	if !seen["agreement-legal"] || seen["obligation-overdue"] || !seen["tie-dormant"] {
		t.Errorf("pangkep sees %v", seen)
	}
}
