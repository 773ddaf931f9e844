package decide

import (
	"fmt"
	"strings"

	"sinergi"
)

// Advice process: the advice-seeker (Settings.Decider) consults; everyone
// else gives advice (a stance and the advice itself, in Reason). The
// advice-seeker then records the decision as a ballot with ChoiceDecision
// and the statement in Reason; that statement is the outcome.

func checkAdvice(v *sinergi.Validation, s Settings, b Ballot) {
	if b.VoterID == s.Decider {
		if b.Choice != ChoiceDecision {
			v.Add("choice", "Pencari saran tidak memberi saran, melainkan mencatat keputusan", "The advice-seeker does not give advice but records the decision")
		}
		if blank(b.Reason) {
			v.Add("reason", "Tuliskan keputusan Anda", "Write down your decision")
		}
		return
	}
	if b.Choice == ChoiceDecision {
		v.Add("choice", "Hanya pencari saran yang dapat mencatat keputusan", "Only the advice-seeker can record the decision")
		return
	}
	checkChoice(v, b.Choice, Choices(MethodAdvice))
	if blank(b.Reason) {
		v.Add("reason", "Tuliskan saran Anda", "Write down your advice")
	}
}

func tallyAdvice(r *Result, s Settings, bs []Ballot) {
	var advice []Ballot
	for _, b := range bs {
		if b.VoterID == s.Decider {
			r.Decision = strings.TrimSpace(b.Reason)
		} else {
			advice = append(advice, b)
		}
	}
	r.Counts = choiceCounts(advice, Choices(MethodAdvice))
	n := len(advice)
	r.Reasons = []sinergi.Text{sinergi.T(
		fmt.Sprintf("%d saran diberikan: %d mendukung, %d netral, %d ada kekhawatiran", n, r.Counts[0].Count, r.Counts[1].Count, r.Counts[2].Count),
		fmt.Sprintf("%d %s given: %d support, %d neutral, %d concern", n, plural(n, "piece of advice", "pieces of advice"), r.Counts[0].Count, r.Counts[1].Count, r.Counts[2].Count))}
	switch {
	case r.Decision != "":
		r.Status = StatusDecided
		r.Outcome = sinergi.T("Keputusan pencari saran: "+r.Decision, "The advice-seeker's decision: "+r.Decision)
	case r.Closed:
		r.Status = StatusNoResult
		r.Outcome = sinergi.T("Ditutup tanpa keputusan dari pencari saran", "Closed without a decision from the advice-seeker")
	default:
		r.Status = StatusOpen
		r.Outcome = sinergi.T("Menunggu keputusan pencari saran setelah mendengar saran", "Waiting for the advice-seeker to decide after hearing advice")
	}
}
