package decide

import (
	"cmp"
	"fmt"

	"sinergi"
)

// Meeting-time poll: the options are time slots; each voter answers yes,
// maybe or no per slot (unanswered = no). The best slot has the most yes,
// then the most maybe. When no slot has a yes or maybe there is no result.

func checkSlots(v *sinergi.Validation, idx map[string]int, b Ballot) {
	addUnknown(v, "slots", unknownKeys(idx, b.Slots))
	for _, a := range b.Slots {
		if a != Yes && a != Maybe && a != No {
			v.Add("slots", "Jawab setiap waktu dengan ya, mungkin atau tidak", "Answer each slot with yes, maybe or no")
			return
		}
	}
}

func tallySlots(r *Result, s Settings, bs []Ballot) {
	counts := optionCounts(s)
	for i := range counts {
		for _, b := range bs {
			switch b.Slots[counts[i].Option] {
			case Yes:
				counts[i].Count++
			case Maybe:
				counts[i].Maybe++
			default:
				counts[i].No++
			}
		}
	}
	r.Reasons = []sinergi.Text{sinergi.T(
		"Waktu terbaik: paling banyak jawaban ya, lalu paling banyak jawaban mungkin",
		"Best slot: most yes answers, then most maybe answers")}
	better := func(a, b Count) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(b.Maybe, a.Maybe)
	}
	finishOptions(r, counts, better, func(c Count) sinergi.Text {
		return sinergi.T(fmt.Sprintf("%d ya dan %d mungkin", c.Count, c.Maybe),
			fmt.Sprintf("%d yes and %d maybe", c.Count, c.Maybe))
	})
	if r.Ballots > 0 && counts[0].Count == 0 && counts[0].Maybe == 0 {
		r.Winners = nil
		r.Status = closedStatus(r.Closed, r.Ballots, nil)
		r.Outcome = sinergi.T("Tidak ada waktu yang cocok bagi siapa pun", "No slot suits anyone")
	}
}
