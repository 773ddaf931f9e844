package decide

import (
	"fmt"

	"sinergi"
)

// Sense check: a temperature check with agree, unsure and concerned; it has
// no pass or fail.

func tallySenseCheck(r *Result, bs []Ballot) {
	r.Counts = choiceCounts(bs, Choices(MethodSenseCheck))
	a, u, c := r.Counts[0].Count, r.Counts[1].Count, r.Counts[2].Count
	r.Outcome = sinergi.T(fmt.Sprintf("Setuju %d, ragu-ragu %d, khawatir %d", a, u, c),
		fmt.Sprintf("Agree %d, unsure %d, concerned %d", a, u, c))
	r.Reasons = []sinergi.Text{sinergi.T("Cek suasana hanya mengukur pandangan; tidak ada keputusan diterima atau ditolak",
		"A sense check only takes the temperature; nothing passes or fails")}
	r.Status = StatusOpen
	if r.Closed {
		r.Status = StatusNoted
	}
	if len(bs) == 0 {
		r.Outcome = noBallots()
	}
}
