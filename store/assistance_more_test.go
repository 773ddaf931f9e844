package store_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"sinergi"
)

func share(org, amount int64, line string) sinergi.CostShare {
	return sinergi.CostShare{OrganizationID: org, Amount: amount, FundingSource: "APBD", BudgetLine: line}
}

// Two requests for the same activity, saved at the same moment, may not
// both charge the same budget line (BK-COST across requests): the unique
// index on (activity, budget line) of live shares decides, on both engines.
func TestAssistanceCostSharingRaceAcrossRequests(t *testing.T) {
	b := newBK(t)
	for round := range 8 {
		in := b.input()
		in.CostEstimate, in.Activity, in.Submit = 1000000, fmt.Sprintf("Survei lalu lintas %d", round), true
		r1, r2 := b.create(t, in), b.create(t, in)
		line := fmt.Sprintf("5.02.%02d", round)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, id := range []int64{r1.ID, r2.ID} {
			wg.Go(func() {
				_, errs[i] = b.db.SetCostSharing(b.reqCtx, id, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1000000, line)}})
			})
		}
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("round %d: both or neither charged the line: %v", round, errs)
		}
		for _, err := range errs {
			if err != nil && rule(err) != "BK-COST" {
				t.Fatalf("round %d: loser got %v, want BK-COST", round, err)
			}
		}
		// the line is charged exactly once for the activity
		n := 0
		for _, id := range []int64{r1.ID, r2.ID} {
			r, err := b.db.AssistanceRequest(b.reqCtx, id)
			if err != nil {
				t.Fatal(err)
			}
			n += len(r.CostSharing.Shares)
		}
		if n != 1 {
			t.Fatalf("round %d: %d shares stored", round, n)
		}
	}
	// a refused or cancelled request frees its lines
	in := b.input()
	in.CostEstimate, in.Activity, in.Submit = 1000000, "Kajian bersama", true
	r1, r2 := b.create(t, in), b.create(t, in)
	if _, err := b.db.SetCostSharing(b.reqCtx, r1.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1000000, "9.9")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.SetCostSharing(b.reqCtx, r2.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1000000, "9.9")}}); rule(err) != "BK-COST" {
		t.Fatalf("second charge: %v", err)
	}
	if _, err := b.db.RefuseAssistanceRequest(b.provCtx, r1.ID, 0, sinergi.RefusalInput{Ground: "a", Reason: "Anggaran habis"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.SetCostSharing(b.reqCtx, r2.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1000000, "9.9")}}); err != nil {
		t.Fatalf("after the refusal the line is free: %v", err)
	}
}

func TestAssistanceNumbering(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Submit = true
	r := b.create(t, in)
	if r.Number != "B-0001/PEMKABMAROS/BK/11/2026" {
		t.Fatalf("default number %q", r.Number)
	}
	// the provider's reply has its own number, from its own serials
	r, err := b.db.AcceptAssistanceRequest(b.provCtx, r.ID, 0, sinergi.StepInput{})
	if err != nil {
		t.Fatal(err)
	}
	if r.ResponseNumber != fmt.Sprintf("B-0001/ORG%d/BK/11/2026", b.parepare.ID) {
		t.Fatalf("reply number %q", r.ResponseNumber)
	}

	n, err := b.db.AssistanceNumbering(b.reqCtx, b.maros.ID)
	if err != nil || !n.Default || n.NextSerial != 2 || n.Example != "B-0002/PEMKABMAROS/BK/11/2026" || n.Version != 0 {
		t.Fatalf("default numbering: %+v %v", n, err)
	}
	pat := sinergi.AssistanceNumberingInput{Pattern: "{security}-{serial}/{agency}/{unit}/{archive}/{month_roman}/{year}", AgencyCode: "MRS", UnitCode: "BAPPEDA", ArchiveCode: "KKA"}
	if _, err := b.db.SetAssistanceNumbering(b.reqCtx, b.maros.ID, 0, pat); code(err) != sinergi.CodeForbidden {
		t.Fatalf("a member set the numbering: %v", err)
	}
	admin := actor(9, b.maros.ID, sinergi.RoleOrgAdmin)
	if _, err := b.db.SetAssistanceNumbering(admin, b.parepare.ID, 0, pat); code(err) != sinergi.CodeForbidden {
		t.Fatalf("another organisation's admin set the numbering: %v", err)
	}
	bad := pat
	bad.Pattern = "{serial}/{agency}"
	if _, err := b.db.SetAssistanceNumbering(admin, b.maros.ID, 0, bad); code(err) != sinergi.CodeInvalid || !strings.Contains(err.Error(), "year") {
		t.Fatalf("pattern without year: %v", err)
	}
	if _, err := b.db.SetAssistanceNumbering(admin, 99999, 0, pat); code(err) != sinergi.CodeNotFound {
		t.Fatalf("unknown organisation: %v", err)
	}
	if n, err = b.db.SetAssistanceNumbering(admin, b.maros.ID, 0, pat); err != nil || n.Default || n.Version != 1 || n.Example != "B-2/MRS/BAPPEDA/KKA/XI/2026" {
		t.Fatalf("set: %+v %v", n, err)
	}
	if _, err := b.db.SetAssistanceNumbering(admin, b.maros.ID, 7, pat); code(err) != sinergi.CodePreconditionFailed {
		t.Fatalf("stale version: %v", err)
	}
	in.Classification = sinergi.Rahasia
	if r = b.create(t, in); r.Number != "R-2/MRS/BAPPEDA/KKA/XI/2026" {
		t.Fatalf("patterned number %q", r.Number)
	}
	if n, err = b.db.SetAssistanceNumbering(admin, b.maros.ID, 1, sinergi.AssistanceNumberingInput{Pattern: "{serial:3}/{agency}/{year}", AgencyCode: "MRS"}); err != nil || n.Version != 2 {
		t.Fatalf("second change: %+v %v", n, err)
	}
	in.Classification = sinergi.Biasa
	if r = b.create(t, in); r.Number != "003/MRS/2026" {
		t.Fatalf("number %q", r.Number)
	}
	// serials restart with the year
	b.now = b.now.AddDate(1, 0, 0)
	if r = b.create(t, in); r.Number != "001/MRS/2027" {
		t.Fatalf("new year: %q", r.Number)
	}
}

// Letters submitted at the same moment get different, consecutive serials:
// no duplicate, no gap.
func TestAssistanceSerialsConcurrent(t *testing.T) {
	b := newBK(t)
	const n = 8
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = b.create(t, b.input()).ID
	}
	numbers := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			var r *sinergi.AssistanceRequest
			if r, errs[i] = b.db.SubmitAssistanceRequest(b.reqCtx, id, 0, sinergi.StepInput{}); errs[i] == nil {
				numbers[i] = r.Number
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for i := 1; i <= n; i++ {
		want = append(want, fmt.Sprintf("B-%04d/PEMKABMAROS/BK/11/2026", i))
	}
	slices.Sort(numbers)
	if !slices.Equal(numbers, want) {
		t.Fatalf("numbers %v, want %v", numbers, want)
	}
}

func patch(js string) func(in *sinergi.AssistanceInput) error {
	return func(in *sinergi.AssistanceInput) error { return json.Unmarshal([]byte(js), in) }
}

func TestAssistanceEditDraft(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.CostEstimate, in.Activity = 1000000, "Kajian A"
	r := b.create(t, in)
	if _, err := b.db.SetCostSharing(b.reqCtx, r.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 1000000, "1.1")}}); err != nil {
		t.Fatal(err)
	}
	r, _ = b.db.AssistanceRequest(b.reqCtx, r.ID)
	v := r.Version
	tests := []struct {
		name    string
		who     string
		version int64
		body    string
		want    string
	}{
		{"stale", "req", v + 5, `{"subject":"Perihal baru sekali"}`, "precondition_failed"},
		{"provider cannot see the draft", "prov", v, `{"subject":"Perihal baru sekali"}`, "not_found"},
		{"outsider", "out", v, `{"subject":"Perihal baru sekali"}`, "not_found"},
		{"short subject", "req", v, `{"subject":"abc"}`, "invalid"},
		{"no ground", "req", v, `{"grounds":[]}`, "BK-GROUND"},
		{"same organisation", "req", v, fmt.Sprintf(`{"provider_org_id":%d}`, b.maros.ID), "X-AGENCY"},
		{"another requester", "req", v, fmt.Sprintf(`{"requester_org_id":%d}`, b.sulsel.ID), "invalid"},
		{"responsibility without basis", "req", v, `{"responsibility":"provider"}`, "BK-RESP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := b.reqCtx
			switch tt.who {
			case "prov":
				ctx = b.provCtx
			case "out":
				ctx = b.outsider
			}
			_, err := b.db.UpdateAssistanceRequest(ctx, r.ID, tt.version, patch(tt.body))
			if rule(err) != tt.want {
				t.Fatalf("got %v, want %s", err, tt.want)
			}
		})
	}
	if got, _ := b.db.AssistanceRequest(b.reqCtx, r.ID); got.Version != v || got.Subject != r.Subject {
		t.Fatalf("a refused change was stored: %+v", got)
	}
	// a plain change keeps the cost sharing; its history says what changed
	got, err := b.db.UpdateAssistanceRequest(b.reqCtx, r.ID, v, patch(`{"subject":"Tenaga ahli rekayasa lalu lintas","grounds":["b","c"]}`))
	if err != nil || got.Subject != "Tenaga ahli rekayasa lalu lintas" || len(got.Grounds) != 2 || got.Version != v+1 || len(got.CostSharing.Shares) != 1 || got.Description != r.Description {
		t.Fatalf("edit: %+v %v", got, err)
	}
	if h := got.History[len(got.History)-1]; h.Action != "edit" || !strings.Contains(h.Note, "subject") || !strings.Contains(h.Note, "grounds") {
		t.Fatalf("history %+v", h)
	}
	// moving to an activity whose line is taken is double financing
	other := b.input()
	other.CostEstimate, other.Activity = 500000, "Kajian B"
	o := b.create(t, other)
	if _, err := b.db.SetCostSharing(b.reqCtx, o.ID, 0, sinergi.CostSharingInput{Shares: []sinergi.CostShare{share(b.maros.ID, 500000, "1.1")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.UpdateAssistanceRequest(b.reqCtx, r.ID, 0, patch(`{"activity":"Kajian B"}`)); rule(err) != "BK-COST" {
		t.Fatalf("activity with a taken line: %v", err)
	}
	// a new cost estimate drops the shares
	got, err = b.db.UpdateAssistanceRequest(b.reqCtx, r.ID, 0, patch(`{"cost_estimate":2000000,"activity":"Kajian B"}`))
	if err != nil || got.CostEstimate != 2000000 || len(got.CostSharing.Shares) != 0 || got.Activity != "Kajian B" {
		t.Fatalf("new estimate: %+v %v", got, err)
	}
	// nothing changed: no new version
	if again, err := b.db.UpdateAssistanceRequest(b.reqCtx, r.ID, got.Version, patch(`{}`)); err != nil || again.Version != got.Version {
		t.Fatalf("empty patch: %v", err)
	}
	// once submitted it is no longer a draft
	if _, err := b.db.SubmitAssistanceRequest(b.reqCtx, r.ID, 0, sinergi.StepInput{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.db.UpdateAssistanceRequest(b.reqCtx, r.ID, 0, patch(`{"subject":"Perihal baru sekali"}`)); code(err) != sinergi.CodeConflict {
		t.Fatalf("edit after submission: %v", err)
	}
	if _, err := b.db.UpdateAssistanceRequest(b.provCtx, r.ID, 0, patch(`{"subject":"Perihal baru sekali"}`)); code(err) != sinergi.CodeForbidden {
		t.Fatalf("provider edits: %v", err)
	}
}

func TestAssistanceStatsStore(t *testing.T) {
	b := newBK(t)
	in := b.input()
	in.Submit = true
	r1 := b.create(t, in)
	r2 := b.create(t, in)
	r3 := b.create(t, in)
	b.create(t, b.input()) // a draft
	b.now = b.now.AddDate(0, 0, 1)
	if _, err := b.db.AcceptAssistanceRequest(b.provCtx, r1.ID, 0, sinergi.StepInput{}); err != nil {
		t.Fatal(err)
	}
	b.now = b.now.AddDate(0, 0, 2)
	if _, err := b.db.RefuseAssistanceRequest(b.provCtx, r2.ID, 0, sinergi.RefusalInput{Ground: "b", Reason: "Dokumen rahasia"}); err != nil {
		t.Fatal(err)
	}
	b.now = b.now.AddDate(0, 0, 14)
	st, err := b.db.AssistanceStats(b.provCtx, b.parepare.ID)
	if err != nil {
		t.Fatal(err)
	}
	in2 := st.Incoming
	if in2.Total != 3 || in2.Accepted != 1 || in2.Refused != 1 || *in2.AcceptanceRate != 0.5 || in2.ResponseDays.Count != 2 ||
		*in2.ResponseDays.Median != 1 || *in2.ResponseDays.P90 != 3 || in2.RefusalGrounds[1].Count != 1 || in2.Overdue != 1 {
		t.Fatalf("incoming: %+v", in2)
	}
	if len(st.Overdue) != 1 || st.Overdue[0].ID != r3.ID || !st.Overdue[0].Escalated || st.Outgoing.Total != 0 {
		t.Fatalf("overdue: %+v", st)
	}
	mine, err := b.db.AssistanceStats(b.reqCtx, b.maros.ID)
	if err != nil || mine.Outgoing.Total != 4 || mine.Outgoing.ByStatus[sinergi.AssistDraft] != 1 {
		t.Fatalf("outgoing: %+v %v", mine, err)
	}
	// another organisation does not see the draft
	if seen, err := b.db.AssistanceStats(b.outsider, b.maros.ID); err != nil || seen.Outgoing.Total != 3 {
		t.Fatalf("outsider: %+v %v", seen, err)
	}
	if _, err := b.db.AssistanceStats(b.reqCtx, 99999); code(err) != sinergi.CodeNotFound {
		t.Fatalf("unknown organisation: %v", err)
	}
	if _, err := b.db.AssistanceStats(t.Context(), b.maros.ID); code(err) != sinergi.CodeUnauthorized {
		t.Fatalf("anonymous: %v", err)
	}
}
