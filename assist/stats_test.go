package assist

import (
	"testing"
	"time"

	"sinergi"
)

func ip(n int) *int { return &n }

func eqp(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// Nearest rank: the p-th percentile of n sorted values is the value at rank
// ⌈p/100 × n⌉.
func TestPercentileNearestRank(t *testing.T) {
	tests := []struct {
		name   string
		values []int
		p      int
		want   *int
	}{
		{"empty", nil, 50, nil},
		{"one value, median", []int{4}, 50, ip(4)},
		{"one value, p90", []int{4}, 90, ip(4)},
		{"two values, median is the lower", []int{5, 1}, 50, ip(1)},
		{"two values, p90 is the upper", []int{5, 1}, 90, ip(5)},
		{"three values, median", []int{3, 1, 2}, 50, ip(2)},
		{"four values, median rank 2", []int{4, 1, 3, 2}, 50, ip(2)},
		{"five values, p90 rank 5", []int{0, 1, 2, 3, 10}, 90, ip(10)},
		{"ten values, p90 rank 9", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, ip(9)},
		{"eleven values, p90 rank 10", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, ip(10)},
		{"ties", []int{2, 2, 2, 7}, 50, ip(2)},
		{"p100 is the maximum", []int{3, 9, 1}, 100, ip(9)},
		{"p1 is the minimum", []int{3, 9, 1}, 1, ip(1)},
		{"p0 undefined", []int{3}, 0, nil},
		{"p over 100 undefined", []int{3}, 101, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]int(nil), tt.values...)
			if got := Percentile(tt.values, tt.p); !eqp(got, tt.want) {
				t.Errorf("Percentile(%v, %d) = %v, want %v", tt.values, tt.p, deref(got), deref(tt.want))
			}
			for i := range in {
				if in[i] != tt.values[i] {
					t.Fatal("Percentile sorted its argument in place")
				}
			}
		})
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func wita(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, Wita) }

func TestResponseDaysFromHistory(t *testing.T) {
	cal := DefaultConfig().Calendar()
	mon := wita(2026, 11, 2, 9) // Monday
	tests := []struct {
		name   string
		events []Event
		want   int
		ok     bool
	}{
		{"not answered", []Event{{"create", mon}, {"submit", mon}}, 0, false},
		{"never submitted", []Event{{"create", mon}, {"accept", mon}}, 0, false},
		{"same day", []Event{{"submit", mon}, {"accept", mon.Add(3 * time.Hour)}}, 0, true},
		{"next day", []Event{{"submit", mon}, {"refuse", mon.AddDate(0, 0, 1)}}, 1, true},
		{"over a weekend", []Event{{"submit", wita(2026, 11, 6, 15)}, {"accept", wita(2026, 11, 9, 8)}}, 1, true},
		{"a week", []Event{{"submit", mon}, {"accept", mon.AddDate(0, 0, 7)}}, 5, true},
		{"over a holiday (25 Dec)", []Event{{"submit", wita(2026, 12, 23, 9)}, {"accept", wita(2026, 12, 28, 9)}}, 1, true},
		{"blocked refusal does not answer", []Event{{"submit", mon}, {"refuse_blocked", mon.AddDate(0, 0, 1)}, {"accept", mon.AddDate(0, 0, 2)}}, 2, true},
		{"first submission counts", []Event{{"submit", mon}, {"submit", mon.AddDate(0, 0, 1)}, {"accept", mon.AddDate(0, 0, 3)}}, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := cal.ResponseDays(tt.events)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestComputeStats(t *testing.T) {
	const me, other, third = 1, 2, 3
	cal := DefaultConfig().Calendar()
	mon := wita(2026, 11, 2, 9)
	today := wita(2026, 11, 16, 10) // Monday two weeks later
	esc := mon
	req := func(id int64, from, to int64, st sinergi.AssistanceStatus, due, ground string, days ...int) StatsRequest {
		r := &sinergi.AssistanceRequest{ID: id, Subject: "R", RequesterOrgID: from, RequesterOrgName: "Org" + string(rune('0'+from)),
			ProviderOrgID: to, ProviderOrgName: "Org" + string(rune('0'+to)), Status: st, DueDate: due, RefusalGround: ground}
		ev := []Event{{"create", mon}}
		if st != sinergi.AssistDraft {
			ev = append(ev, Event{"submit", mon})
		}
		for _, d := range days {
			ev = append(ev, Event{"accept", cal.AddWorkingDays(mon, d).Add(2 * time.Hour)})
		}
		return StatsRequest{AssistanceRequest: r, Events: ev}
	}
	overdueIn := req(6, other, me, sinergi.AssistSubmitted, "2026-11-09", "")
	overdueIn.EscalatedAt = &esc
	overdueIn.Events = append(overdueIn.Events, Event{"refuse_blocked", mon})
	rs := []StatsRequest{
		req(1, other, me, sinergi.AssistAccepted, "2026-11-09", "", 1),
		req(2, other, me, sinergi.AssistCompleted, "2026-11-09", "", 3),
		req(3, third, me, sinergi.AssistRefused, "2026-11-09", "a", 2),
		req(4, third, me, sinergi.AssistRefused, "2026-11-09", "c", 8),
		req(5, other, me, sinergi.AssistDraft, "", ""), // someone else's draft: never counted
		overdueIn,
		req(7, other, me, sinergi.AssistSubmitted, "2026-11-20", ""), // not yet due
		req(8, me, other, sinergi.AssistDraft, "", ""),
		req(9, me, other, sinergi.AssistSubmitted, "2026-11-04", ""),
		req(10, me, third, sinergi.AssistRefused, "2026-11-09", "a", 0),
		req(11, other, third, sinergi.AssistAccepted, "2026-11-09", "", 1), // not mine
	}
	// fix the refusal events: ComputeStats reads them from the history
	for _, i := range []int{2, 3, 9} {
		for j := range rs[i].Events {
			if rs[i].Events[j].Action == "accept" {
				rs[i].Events[j].Action = "refuse"
			}
		}
	}
	st := ComputeStats(me, rs, cal, today)
	in, out := st.Incoming, st.Outgoing
	if in.Total != 6 || in.ByStatus[sinergi.AssistSubmitted] != 2 || in.ByStatus[sinergi.AssistDraft] != 0 || in.ByStatus[sinergi.AssistRefused] != 2 {
		t.Errorf("incoming counts: %+v", in)
	}
	if in.Accepted != 2 || in.Refused != 2 || in.Answered != 4 || in.AcceptanceRate == nil || *in.AcceptanceRate != 0.5 {
		t.Errorf("incoming answers: %+v", in)
	}
	// response days 1, 3, 2, 8 → sorted 1 2 3 8: median rank 2 = 2, p90 rank 4 = 8
	if rt := in.ResponseDays; rt.Count != 4 || !eqp(rt.Median, ip(2)) || !eqp(rt.P90, ip(8)) || !eqp(rt.Max, ip(8)) {
		t.Errorf("incoming response days: count %d median %v p90 %v", rt.Count, deref(rt.Median), deref(rt.P90))
	}
	if g := in.RefusalGrounds; len(g) != 3 || g[0].Count != 1 || g[1].Count != 0 || g[2].Count != 1 || g[0].Label == "" {
		t.Errorf("refusal grounds: %+v", g)
	}
	if in.BlockedRefusals != 1 || in.Overdue != 1 {
		t.Errorf("blocked %d, overdue %d", in.BlockedRefusals, in.Overdue)
	}
	if out.Total != 3 || out.ByStatus[sinergi.AssistDraft] != 1 || out.Refused != 1 || out.Accepted != 0 || out.AcceptanceRate == nil || *out.AcceptanceRate != 0 {
		t.Errorf("outgoing: %+v", out)
	}
	if rt := out.ResponseDays; rt.Count != 1 || !eqp(rt.Median, ip(0)) {
		t.Errorf("outgoing response days: %+v", rt)
	}
	if len(st.Overdue) != 2 || st.Overdue[0].ID != 9 || st.Overdue[0].Direction != "outgoing" || st.Overdue[0].WorkingDaysLate != 8 ||
		st.Overdue[1].ID != 6 || st.Overdue[1].Direction != "incoming" || !st.Overdue[1].Escalated || st.Overdue[1].WorkingDaysLate != 5 || st.Overdue[1].Counterpart != "Org2" {
		t.Errorf("overdue list: %+v", st.Overdue)
	}
	if st.AsOf != "2026-11-16" {
		t.Errorf("as of %s", st.AsOf)
	}

	empty := ComputeStats(me, nil, cal, today)
	if empty.Incoming.AcceptanceRate != nil || empty.Incoming.ResponseDays.Median != nil || empty.Overdue == nil || len(empty.Incoming.RefusalGrounds) != 3 {
		t.Errorf("empty stats: %+v", empty)
	}
}
