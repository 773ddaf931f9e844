package decide

import (
	"fmt"
	"sort"

	"sinergi"
)

// Status is where a poll stands.
type Status string

// Statuses of a Result.
const (
	StatusOpen     Status = "open"      // still open; the outcome may change
	StatusPassed   Status = "passed"    // consent: closed with no objection
	StatusRejected Status = "rejected"  // consent: closed with objections remaining
	StatusDecided  Status = "decided"   // one winner, or the advice-seeker decided
	StatusTie      Status = "tie"       // closed with several options sharing the top
	StatusNoResult Status = "no_result" // closed without a result (no ballots, no decision)
	StatusNoted    Status = "noted"     // sense check closed: a temperature, not a decision
	StatusInvalid  Status = "invalid"   // the settings are invalid; see Outcome
)

// Result is the outcome of a poll.
type Result struct {
	Method  Method `json:"method"`
	Closed  bool   `json:"closed"`
	Visible bool   `json:"visible"` // false: only Ballots is shown
	Ballots int    `json:"ballots"` // ballots counted (one per voter)
	Invalid int    `json:"invalid,omitempty"`
	Status  Status `json:"status"`
	// Outcome is the headline; Reasons explain it.
	Outcome sinergi.Text   `json:"outcome"`
	Reasons []sinergi.Text `json:"reasons,omitempty"`
	// Winners are the options (or slot) at the top; more than one is a tie.
	// While the poll is open they are the ones leading.
	Winners []string `json:"winners,omitempty"`
	// Counts per option by rank, or per choice in Choices order.
	Counts []Count `json:"counts,omitempty"`
	// Ranked choice: the instant-runoff rounds and the Borda leaders.
	Rounds       []Round  `json:"rounds,omitempty"`
	BordaWinners []string `json:"borda_winners,omitempty"`
	// Advice: the advice-seeker's statement. Consent: voters objecting.
	Decision  string   `json:"decision,omitempty"`
	Objectors []string `json:"objectors,omitempty"`
}

// Count is the tally of one option or choice.
type Count struct {
	Option string `json:"option"` // option, or choice code
	// Count: ballots with this choice; first preferences (ranked choice);
	// voters giving it dots (dot vote); Yes answers (time poll).
	Count int `json:"count"`
	// Total: sum of scores, Borda points, or dots.
	Total int     `json:"total,omitempty"`
	Mean  float64 `json:"mean,omitempty"` // score
	Maybe int     `json:"maybe,omitempty"`
	No    int     `json:"no,omitempty"`
	Rank  int     `json:"rank,omitempty"` // 1 = best; ties share a rank
}

// Round is one round of instant runoff.
type Round struct {
	Votes      []Count  `json:"votes"` // options still in the count, in listing order
	Exhausted  int      `json:"exhausted"`
	Eliminated []string `json:"eliminated,omitempty"`
}

// Tally counts the ballots. It keeps the last valid ballot of each voter and
// skips invalid ones (counted in Invalid). While the poll is open and
// HideResults is set, only the number of ballots is visible.
func Tally(s Settings, ballots []Ballot, closed bool) Result {
	r := Result{Method: s.Method, Closed: closed, Visible: true}
	if err := s.Validate(); err != nil {
		r.Status = StatusInvalid
		r.Outcome = err.(*sinergi.Error).Msg
		for _, f := range err.(*sinergi.Error).Fields {
			r.Reasons = append(r.Reasons, f.Msg)
		}
		return r
	}
	bs, invalid := latestValid(s, ballots)
	r.Ballots, r.Invalid = len(bs), invalid
	if s.HideResults && !closed {
		r.Visible, r.Invalid, r.Status = false, 0, StatusOpen
		r.Outcome = sinergi.T(
			fmt.Sprintf("Hasil disembunyikan sampai ditutup; %d suara masuk", len(bs)),
			fmt.Sprintf("Results are hidden until closing; %d %s cast", len(bs), plural(len(bs), "ballot", "ballots")))
		return r
	}
	switch s.Method {
	case MethodAdvice:
		tallyAdvice(&r, s, bs)
	case MethodConsent:
		tallyConsent(&r, bs)
	case MethodSenseCheck:
		tallySenseCheck(&r, bs)
	case MethodScore:
		tallyScore(&r, s, bs)
	case MethodRankedChoice:
		tallyRanked(&r, s, bs)
	case MethodDotVote:
		tallyDots(&r, s, bs)
	case MethodTimePoll:
		tallySlots(&r, s, bs)
	}
	return r
}

// latestValid keeps the last valid ballot of each voter, sorted by voter id.
func latestValid(s Settings, ballots []Ballot) ([]Ballot, int) {
	idx := s.index()
	last := make(map[string]Ballot, len(ballots))
	invalid := 0
	for _, b := range ballots {
		var v sinergi.Validation
		if checkBallot(&v, s, idx, b); len(v.Fields) > 0 {
			invalid++
			continue
		}
		last[b.VoterID] = b
	}
	out := make([]Ballot, 0, len(last))
	for _, b := range last {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].VoterID < out[j].VoterID })
	return out, invalid
}

// choiceCounts counts the ballots per choice, in the order of cs.
func choiceCounts(bs []Ballot, cs []Choice) []Count {
	out := make([]Count, len(cs))
	for i, c := range cs {
		out[i].Option = string(c)
		for _, b := range bs {
			if b.Choice == c {
				out[i].Count++
			}
		}
	}
	return out
}

// closedStatus is the status of a poll of options: open, no result, one
// winner or a tie.
func closedStatus(closed bool, ballots int, winners []string) Status {
	switch {
	case !closed:
		return StatusOpen
	case ballots == 0 || len(winners) == 0:
		return StatusNoResult
	case len(winners) > 1:
		return StatusTie
	}
	return StatusDecided
}
