package decide

import (
	"cmp"

	"sinergi"
)

// finishOptions ranks the counts of an option poll by better, then sets the
// winners, status and outcome; what describes the winners' tally.
func finishOptions(r *Result, counts []Count, better func(a, b Count) int, what func(Count) sinergi.Text) {
	winners := rank(counts, better)
	r.Counts = counts
	if r.Ballots == 0 {
		r.Status = closedStatus(r.Closed, 0, nil)
		r.Outcome = noBallots()
		return
	}
	r.Winners = winners
	r.Status = closedStatus(r.Closed, r.Ballots, winners)
	r.Outcome = leadText(r.Closed, winners, what(counts[0]))
}

// leadText says who won or leads, and with what.
func leadText(closed bool, winners []string, what sinergi.Text) sinergi.Text {
	w := quoted(winners)
	switch {
	case len(winners) == 1 && closed:
		return sinergi.T(w.ID+" terpilih dengan "+what.ID, w.EN+" wins with "+what.EN)
	case len(winners) == 1:
		return sinergi.T(w.ID+" unggul sementara dengan "+what.ID, w.EN+" is leading with "+what.EN)
	case closed:
		return sinergi.T("Seri antara "+w.ID+", masing-masing dengan "+what.ID, "Tie between "+w.EN+", each with "+what.EN)
	}
	return sinergi.T(w.ID+" sama kuat sementara, masing-masing dengan "+what.ID, w.EN+" are level, each with "+what.EN)
}

// byTotal ranks higher totals first.
func byTotal(a, b Count) int { return cmp.Compare(b.Total, a.Total) }
