package assist

import (
	"cmp"
	"slices"
	"time"

	"sinergi"
)

// Event is one line of a request's history as the dashboard needs it.
type Event struct {
	Action string
	At     time.Time
}

// StatsRequest is a request with the history lines of its steps.
type StatsRequest struct {
	*sinergi.AssistanceRequest
	Events []Event
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of values by the
// nearest-rank method: sort ascending and take the value at rank
// ⌈p/100 × n⌉ (1-based). It returns nil for no values. The median is
// Percentile(values, 50): for an even count, the lower of the two middle
// values (no averaging, so the result is always a time that occurred).
func Percentile(values []int, p int) *int {
	if len(values) == 0 || p <= 0 || p > 100 {
		return nil
	}
	s := slices.Clone(values)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100 // ⌈p·n/100⌉
	v := s[max(rank, 1)-1]
	return &v
}

// ResponseDays returns the working days from the first submission in the
// history to the first answer (accept or refuse) after it; false when the
// request has not been answered.
func (c Calendar) ResponseDays(events []Event) (int, bool) {
	var submitted *time.Time
	for i := range events {
		e := events[i]
		switch e.Action {
		case string(Submit):
			if submitted == nil {
				submitted = &events[i].At
			}
		case string(Accept), string(Refuse):
			if submitted != nil && !e.At.Before(*submitted) {
				return c.DaysLeft(*submitted, e.At), true
			}
		}
	}
	return 0, false
}

func summarise(days []int) sinergi.ResponseTime {
	return sinergi.ResponseTime{Count: len(days), Median: Percentile(days, 50), P90: Percentile(days, 90), Max: Percentile(days, 100)}
}

// ComputeStats works out the dashboard of organisation org from requests
// in which it takes part, as of today. Incoming requests are those it is
// asked to help with (drafts of others are never counted); outgoing are its
// own, drafts included. A request is accepted once it reaches accepted, in
// progress or completed; the acceptance rate is accepted / (accepted +
// refused), nil when nothing has been answered. Response times come from
// the history (submit → accept/refuse) in working days of cal. The overdue
// list holds submitted requests past their due date, most late first.
func ComputeStats(org int64, requests []StatsRequest, cal Calendar, today time.Time) sinergi.AssistanceStats {
	st := sinergi.AssistanceStats{OrganizationID: org, AsOf: cal.Date(today).Format(time.DateOnly), Overdue: []sinergi.OverdueRequest{}}
	type acc struct {
		d    *sinergi.AssistanceDirection
		days []int
	}
	dirs := map[string]*acc{"incoming": {d: &st.Incoming}, "outgoing": {d: &st.Outgoing}}
	for _, a := range dirs {
		a.d.ByStatus = map[sinergi.AssistanceStatus]int{}
		for _, s := range sinergi.AssistanceStatuses {
			a.d.ByStatus[s] = 0
		}
		for _, g := range RefusalGrounds {
			a.d.RefusalGrounds = append(a.d.RefusalGrounds, sinergi.GroundCount{Ground: g.Letter, Label: g.Text.ID})
		}
	}
	for _, r := range requests {
		var name, counterpart string
		switch {
		case r.ProviderOrgID == org && r.Status != sinergi.AssistDraft:
			name, counterpart = "incoming", r.RequesterOrgName
		case r.RequesterOrgID == org:
			name, counterpart = "outgoing", r.ProviderOrgName
		default:
			continue
		}
		a := dirs[name]
		d := a.d
		d.Total++
		d.ByStatus[r.Status]++
		switch r.Status {
		case sinergi.AssistAccepted, sinergi.AssistInProgress, sinergi.AssistCompleted:
			d.Accepted++
		case sinergi.AssistRefused:
			d.Refused++
			for i := range d.RefusalGrounds {
				if d.RefusalGrounds[i].Ground == r.RefusalGround {
					d.RefusalGrounds[i].Count++
				}
			}
		}
		for _, e := range r.Events {
			if e.Action == "refuse_blocked" {
				d.BlockedRefusals++
			}
		}
		if n, ok := cal.ResponseDays(r.Events); ok {
			a.days = append(a.days, n)
		}
		if due, ok := sinergi.ParseDate(r.DueDate); ok && r.Status == sinergi.AssistSubmitted && cal.Overdue(today, due) {
			d.Overdue++
			st.Overdue = append(st.Overdue, sinergi.OverdueRequest{ID: r.ID, Number: r.Number, Subject: r.Subject, Direction: name,
				Counterpart: counterpart, DueDate: r.DueDate, WorkingDaysLate: -cal.DaysLeft(today, due), Emergency: r.Emergency, Escalated: r.EscalatedAt != nil})
		}
	}
	for _, a := range dirs {
		d := a.d
		d.Answered = d.Accepted + d.Refused
		if d.Answered > 0 {
			rate := float64(d.Accepted) / float64(d.Answered)
			d.AcceptanceRate = &rate
		}
		d.ResponseDays = summarise(a.days)
	}
	slices.SortStableFunc(st.Overdue, func(x, y sinergi.OverdueRequest) int {
		return cmp.Or(cmp.Compare(x.DueDate, y.DueDate), cmp.Compare(x.ID, y.ID))
	})
	return st
}
