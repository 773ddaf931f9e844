package decide

import (
	"fmt"

	"sinergi"
)

// Consent process: the proposal passes when it closes with no objection
// remaining. An objection needs a reason; a voter withdraws it by casting a
// new ballot with ChoiceConsent. Silence is consent: a poll that closes
// without ballots passes too, and the reasons say so.

func checkConsent(v *sinergi.Validation, b Ballot) {
	checkChoice(v, b.Choice, Choices(MethodConsent))
	if b.Choice == ChoiceObject && blank(b.Reason) {
		v.Add("reason", "Keberatan wajib disertai alasan", "An objection needs a reason")
	}
}

func tallyConsent(r *Result, bs []Ballot) {
	r.Counts = choiceCounts(bs, Choices(MethodConsent))
	for _, b := range bs {
		if b.Choice == ChoiceObject {
			r.Objectors = append(r.Objectors, b.VoterID)
		}
	}
	n, obj := len(bs), len(r.Objectors)
	r.Reasons = []sinergi.Text{sinergi.T(
		fmt.Sprintf("%d tanggapan: %d tidak keberatan, %d keberatan", n, n-obj, obj),
		fmt.Sprintf("%d %s: %d consent, %d %s", n, plural(n, "response", "responses"), n-obj, obj, plural(obj, "objection", "objections")))}
	switch {
	case !r.Closed && obj == 0:
		r.Status = StatusOpen
		r.Outcome = sinergi.T("Sejauh ini tidak ada keberatan", "No objection so far")
	case !r.Closed:
		r.Status = StatusOpen
		r.Outcome = sinergi.T(fmt.Sprintf("%d keberatan masih harus diselesaikan", obj),
			fmt.Sprintf("%d %s still to be resolved", obj, plural(obj, "objection", "objections")))
	case obj == 0:
		r.Status = StatusPassed
		r.Outcome = sinergi.T("Usulan diterima: tidak ada keberatan yang tersisa", "The proposal passed: no objection remains")
		if n == 0 {
			r.Reasons = append(r.Reasons, sinergi.T("Tidak ada tanggapan; diam dianggap tidak keberatan", "No responses; silence counts as consent"))
		}
	default:
		r.Status = StatusRejected
		r.Outcome = sinergi.T(fmt.Sprintf("Usulan tidak diterima: %d keberatan tersisa", obj),
			fmt.Sprintf("The proposal did not pass: %d %s", obj, plural(obj, "objection remains", "objections remain")))
	}
}
