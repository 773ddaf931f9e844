package demo_test

import (
	"context"
	"testing"

	"sinergi"
	"sinergi/demo"
	"sinergi/store/storetest"
)

func TestForumsDemo(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	l, err := db.Forums(context.Background(), sinergi.ForumFilter{})
	if err != nil || l.Total != 2 {
		t.Fatalf("forums: %v %+v", err, l)
	}
	byName := map[string]bool{}
	for _, f := range l.Items {
		byName[f.Name] = f.MeetsAll
		if f.Name == "Forum Kerja Sama Peternakan Unsulbar–UGM" && (f.Criteria.C2.Met || !f.Criteria.C1.Met) {
			t.Errorf("university forum: C1 %v C2 %v, want met and not met", f.Criteria.C1.Met, f.Criteria.C2.Met)
		}
	}
	if !byName["Forum Koridor Kereta Api Makassar–Parepare"] || byName["Forum Kerja Sama Peternakan Unsulbar–UGM"] {
		t.Errorf("meets all six: %v", byName)
	}
	ps, err := db.Proposals(context.Background(), sinergi.ProposalFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[sinergi.Outcome]int{}
	for _, p := range ps.Items {
		outcomes[p.Consensus.Outcome]++
	}
	for _, o := range []sinergi.Outcome{sinergi.OutcomeReached, sinergi.OutcomeBlocked, sinergi.OutcomeMajorityAdopted, sinergi.OutcomeNoQuorum} {
		if outcomes[o] == 0 {
			t.Errorf("no demo proposal in state %s: %v", o, outcomes)
		}
	}
	// other ways to decide: an open meeting-time poll and a closed score poll
	polls := map[string]*sinergi.Proposal{}
	for i := range ps.Items {
		polls[ps.Items[i].Title] = &ps.Items[i]
	}
	if p := polls["Jadwal rapat forum berikutnya"]; p == nil || p.Method != "time_poll" || p.Status != sinergi.ProposalOpen {
		t.Errorf("meeting-time poll: %+v", p)
	} else if v, err := db.Proposal(context.Background(), p.ID); err != nil || v.DecideResult == nil {
		t.Errorf("meeting-time poll: %v", err)
	} else if r := v.DecideResult; r.Ballots < 5 || !r.Visible || r.Closed || len(r.Winners) != 1 || len(r.Counts) != 3 || len(v.BallotList) != r.Ballots {
		t.Errorf("meeting-time poll result: %+v, %d ballots listed", r, len(v.BallotList))
	}
	if p := polls["Prioritas pembangunan jalan akses stasiun"]; p == nil || p.Method != "score" || p.Status != sinergi.ProposalClosed || p.Outcome == "" || p.ReviewDate == "" {
		t.Errorf("score poll: %+v", p)
	} else if v, err := db.Proposal(context.Background(), p.ID); err != nil || v.DecideResult == nil {
		t.Errorf("score poll: %v", err)
	} else if r := v.DecideResult; !r.Closed || r.Status != "decided" || r.Ballots != 9 || len(r.Winners) != 1 || r.Winners[0] != "Jalan akses Stasiun Maros (Turikale)" || r.Counts[0].Total != 40 {
		t.Errorf("score poll result: %+v", r)
	}
	maros, _ := db.Organizations(context.Background(), sinergi.OrganizationFilter{Q: "Pemerintah Kabupaten Maros"})
	if pend, err := db.PendingPositions(context.Background(), maros.Items[0].ID); err != nil || len(pend) == 0 {
		t.Errorf("Maros has no pending position on the dashboard: %v", err)
	}
	if late, err := db.OverdueActions(context.Background(), maros.Items[0].ID); err != nil || len(late) != 1 {
		t.Errorf("Maros overdue actions: %d %v", len(late), err)
	}
	if n, err := db.VerifyAudit(context.Background()); err != nil {
		t.Errorf("audit after demo: %d %v", n, err)
	}
}
