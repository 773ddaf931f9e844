// Package consensus computes the live status of a consensus decision of a
// collaborative-governance forum (Ansell & Gash 2008: "consensus-oriented",
// C5): quorum counted in organisations present, no block, disagreements
// within the charter's tolerance; and, once the rounds the charter allows
// are used up, the fallback it records (a qualified majority of deciding
// members, or referral to a named authority). It does no I/O.
package consensus

import (
	"fmt"
	"sort"
	"time"

	"sinergi"
)

// The types of a decision live in the root package, so that forums and
// proposals can carry them; these aliases keep this package's names short.
type (
	Position = sinergi.Position
	Unit     = sinergi.VoteUnit
	Fallback = sinergi.Fallback
	Counts   = sinergi.ConsensusCounts
	Outcome  = sinergi.Outcome
	Status   = sinergi.ConsensusStatus
)

const (
	Agree    = sinergi.PositionAgree
	Abstain  = sinergi.PositionAbstain
	Disagree = sinergi.PositionDisagree
	Block    = sinergi.PositionBlock

	PerOrganization = sinergi.VotePerOrganization
	PerPerson       = sinergi.VotePerPerson

	FallbackNone     = sinergi.FallbackNone
	FallbackMajority = sinergi.FallbackMajority
	FallbackReferral = sinergi.FallbackReferral

	OutcomeReached          = sinergi.OutcomeReached
	OutcomeNoQuorum         = sinergi.OutcomeNoQuorum
	OutcomeBlocked          = sinergi.OutcomeBlocked
	OutcomeTooManyDisagree  = sinergi.OutcomeTooManyDisagree
	OutcomeNoAgreement      = sinergi.OutcomeNoAgreement
	OutcomeMajorityAdopted  = sinergi.OutcomeMajorityAdopted
	OutcomeMajorityRejected = sinergi.OutcomeMajorityRejected
	OutcomeReferred         = sinergi.OutcomeReferred
)

// Positions, Label and OutcomeLabel are the root package's.
var (
	Positions    = sinergi.Positions
	Label        = sinergi.PositionLabel
	OutcomeLabel = sinergi.OutcomeLabel
)

// Rules are the charter's decision rules.
type Rules struct {
	Quorum            int // organisations present (taking any position)
	Unit              Unit
	DisagreeTolerance int // disagreements consensus still tolerates
	Fallback          Fallback
	FallbackAfter     int    // rounds without consensus before the fallback applies (0: never)
	MajorityPercent   int    // for FallbackMajority: share of deciding members that must agree
	ReferralAuthority string // for FallbackReferral: who decides then
}

// Vote is one position taken by a deciding member.
type Vote struct {
	OrgID    int64
	VoterID  int64 // the person's account (0 when the organisation spoke as such)
	Position Position
	At       time.Time
}

// Input is everything the status depends on.
type Input struct {
	Rules    Rules
	Deciding []int64 // organisations holding a deciding role
	Votes    []Vote
	Round    int // 1 for the first round
}

// Evaluate computes the status. Votes of organisations that are not
// deciding members are ignored; with one vote per organisation the latest
// position of each organisation counts.
func Evaluate(in Input) Status {
	r := in.Rules
	round := max(in.Round, 1)
	deciding := map[int64]bool{}
	for _, id := range in.Deciding {
		deciding[id] = true
	}
	st := Status{Quorum: max(r.Quorum, 0), Tolerance: max(r.DisagreeTolerance, 0), Round: round,
		DecidingMembers: len(deciding), Fallback: r.Fallback, Reasons: []sinergi.Text{}}
	if st.Fallback == "" {
		st.Fallback = FallbackNone
	}
	votes := counted(in.Votes, deciding, r.Unit)
	present := map[int64]bool{}
	for _, v := range votes {
		present[v.OrgID] = true
		switch v.Position {
		case Agree:
			st.Counts.Agree++
		case Abstain:
			st.Counts.Abstain++
		case Disagree:
			st.Counts.Disagree++
		case Block:
			st.Counts.Block++
		}
	}
	st.OrgsPresent = len(present)
	st.QuorumMet = st.OrgsPresent >= st.Quorum && st.OrgsPresent > 0
	add := func(id, en string, args ...any) {
		st.Reasons = append(st.Reasons, sinergi.T(fmt.Sprintf(id, args...), fmt.Sprintf(en, args...)))
	}
	if st.QuorumMet {
		add("Kuorum terpenuhi: %d dari %d instansi hadir (minimal %d)", "Quorum met: %d of %d organisations present (at least %d)", st.OrgsPresent, st.DecidingMembers, st.Quorum)
	} else {
		add("Kuorum belum terpenuhi: %d dari minimal %d instansi pengambil keputusan telah menyatakan posisi", "No quorum: %d of at least %d deciding organisations have taken a position", st.OrgsPresent, max(st.Quorum, 1))
	}
	if st.Counts.Block > 0 {
		add("Ada %d blokir; mufakat tidak tercapai selama blokir dipertahankan", "%d block(s); no consensus while a block stands", st.Counts.Block)
	} else {
		add("Tidak ada blokir", "No block")
	}
	if st.Counts.Disagree > st.Tolerance {
		add("%d tidak setuju, melebihi toleransi piagam (%d)", "%d disagreement(s), more than the charter tolerates (%d)", st.Counts.Disagree, st.Tolerance)
	} else {
		add("%d tidak setuju, dalam toleransi piagam (%d)", "%d disagreement(s), within the charter's tolerance (%d)", st.Counts.Disagree, st.Tolerance)
	}
	switch {
	case !st.QuorumMet:
		st.Outcome = OutcomeNoQuorum
	case st.Counts.Block > 0:
		st.Outcome = OutcomeBlocked
	case st.Counts.Disagree > st.Tolerance:
		st.Outcome = OutcomeTooManyDisagree
	case st.Counts.Agree == 0:
		st.Outcome = OutcomeNoAgreement
		add("Belum ada yang menyatakan setuju", "Nobody has agreed yet")
	default:
		st.Outcome, st.Reached, st.Decided = OutcomeReached, true, true
	}
	if !st.Reached {
		applyFallback(&st, r, votes)
	}
	return st
}

// applyFallback records the charter's fallback once the rounds are used up.
func applyFallback(st *Status, r Rules, votes []Vote) {
	if st.Fallback == FallbackNone || r.FallbackAfter <= 0 {
		return
	}
	if st.Round < r.FallbackAfter {
		st.Reasons = append(st.Reasons, sinergi.T(
			fmt.Sprintf("Putaran %d dari %d; bila mufakat tidak tercapai, usulan dapat direvisi ke putaran berikutnya", st.Round, r.FallbackAfter),
			fmt.Sprintf("Round %d of %d; without consensus the proposal can be revised into a new round", st.Round, r.FallbackAfter)))
		return
	}
	st.FallbackApplies = true
	switch st.Fallback {
	case FallbackMajority:
		voters := st.DecidingMembers
		if r.Unit == PerPerson {
			voters = max(len(votes), 1)
		}
		pct := min(max(r.MajorityPercent, 1), 100)
		adopted := voters > 0 && st.Counts.Agree*100 >= pct*voters
		st.Reasons = append(st.Reasons, sinergi.T(
			fmt.Sprintf("Putaran %d: batas %d putaran tercapai, berlaku mekanisme cadangan piagam — suara terbanyak %d%%: %d dari %d setuju", st.Round, r.FallbackAfter, pct, st.Counts.Agree, voters),
			fmt.Sprintf("Round %d: the limit of %d rounds is reached, the charter's fallback applies — qualified majority of %d%%: %d of %d agree", st.Round, r.FallbackAfter, pct, st.Counts.Agree, voters)))
		if adopted {
			st.Outcome, st.Decided = OutcomeMajorityAdopted, true
		} else {
			st.Outcome = OutcomeMajorityRejected
		}
	case FallbackReferral:
		who := r.ReferralAuthority
		if who == "" {
			who = "?"
		}
		st.Outcome = OutcomeReferred
		st.Reasons = append(st.Reasons, sinergi.T(
			fmt.Sprintf("Putaran %d: batas %d putaran tercapai, berlaku mekanisme cadangan piagam — keputusan dirujuk kepada %s", st.Round, r.FallbackAfter, who),
			fmt.Sprintf("Round %d: the limit of %d rounds is reached, the charter's fallback applies — the decision is referred to %s", st.Round, r.FallbackAfter, who)))
	}
}

// counted keeps the votes of deciding members: the latest per organisation
// (one organisation, one vote) or per person (one person, one vote).
func counted(vs []Vote, deciding map[int64]bool, unit Unit) []Vote {
	latest := map[[2]int64]Vote{}
	for _, v := range vs {
		if !deciding[v.OrgID] || !v.Position.Valid() {
			continue
		}
		k := [2]int64{v.OrgID, v.VoterID}
		if unit != PerPerson {
			k[1] = 0
		}
		if old, ok := latest[k]; !ok || !v.At.Before(old.At) {
			latest[k] = v
		}
	}
	out := make([]Vote, 0, len(latest))
	for _, v := range latest {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].OrgID != out[j].OrgID {
			return out[i].OrgID < out[j].OrgID
		}
		return out[i].VoterID < out[j].VoterID
	})
	return out
}
