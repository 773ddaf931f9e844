package sinergi

// The vocabulary of forum decisions. The rules that use it are in the pure
// package consensus.

// Position is what a deciding member says about a proposal.
type Position string

const (
	PositionAgree    Position = "agree"
	PositionAbstain  Position = "abstain" // stand aside
	PositionDisagree Position = "disagree"
	PositionBlock    Position = "block"
)

// Positions lists the positions in the order the UI shows them.
var Positions = []Position{PositionAgree, PositionAbstain, PositionDisagree, PositionBlock}

// PositionLabel is how the UI names a position.
var PositionLabel = map[Position]Text{
	PositionAgree:    T("Setuju", "Agree"),
	PositionAbstain:  T("Abstain", "Stand aside"),
	PositionDisagree: T("Tidak setuju", "Disagree"),
	PositionBlock:    T("Blokir", "Block"),
}

// Valid reports whether p is a known position.
func (p Position) Valid() bool { _, ok := PositionLabel[p]; return ok }

// NeedsReason reports whether p must come with a reason.
func (p Position) NeedsReason() bool { return p == PositionDisagree || p == PositionBlock }

// VoteUnit is who holds a vote: each deciding organisation, or each person
// representing one.
type VoteUnit string

const (
	VotePerOrganization VoteUnit = "organization"
	VotePerPerson       VoteUnit = "person"
)

// Fallback is what a charter does when consensus is not reached within its
// rounds.
type Fallback string

const (
	FallbackNone     Fallback = "none"
	FallbackMajority Fallback = "qualified_majority"
	FallbackReferral Fallback = "referral"
)

// ConsensusCounts are the positions counted.
type ConsensusCounts struct {
	Agree    int `json:"agree"`
	Abstain  int `json:"abstain"`
	Disagree int `json:"disagree"`
	Block    int `json:"block"`
}

// Total is the number of positions counted.
func (c ConsensusCounts) Total() int { return c.Agree + c.Abstain + c.Disagree + c.Block }

// Outcome names the state of a decision.
type Outcome string

const (
	OutcomeReached          Outcome = "consensus_reached"
	OutcomeNoQuorum         Outcome = "no_quorum"
	OutcomeBlocked          Outcome = "blocked"
	OutcomeTooManyDisagree  Outcome = "too_many_disagreements"
	OutcomeNoAgreement      Outcome = "no_agreement"
	OutcomeMajorityAdopted  Outcome = "fallback_majority_adopted"
	OutcomeMajorityRejected Outcome = "fallback_majority_rejected"
	OutcomeReferred         Outcome = "fallback_referred"
)

// OutcomeLabel is how the UI names an outcome.
var OutcomeLabel = map[Outcome]Text{
	OutcomeReached:          T("Mufakat tercapai", "Consensus reached"),
	OutcomeNoQuorum:         T("Kuorum belum terpenuhi", "No quorum yet"),
	OutcomeBlocked:          T("Diblokir", "Blocked"),
	OutcomeTooManyDisagree:  T("Terlalu banyak yang tidak setuju", "Too many disagreements"),
	OutcomeNoAgreement:      T("Belum ada yang setuju", "Nobody agrees yet"),
	OutcomeMajorityAdopted:  T("Diputuskan dengan suara terbanyak (mekanisme cadangan)", "Decided by qualified majority (fallback)"),
	OutcomeMajorityRejected: T("Ditolak pada suara terbanyak (mekanisme cadangan)", "Rejected by qualified majority (fallback)"),
	OutcomeReferred:         T("Dirujuk kepada pihak berwenang (mekanisme cadangan)", "Referred to an authority (fallback)"),
}

// ConsensusStatus is the live (or, once closed, final) result of a
// consensus proposal.
type ConsensusStatus struct {
	Reached         bool            `json:"reached"`
	Decided         bool            `json:"decided"` // consensus, or a fallback majority adopted it
	Outcome         Outcome         `json:"outcome"`
	QuorumMet       bool            `json:"quorum_met"`
	Quorum          int             `json:"quorum"`
	OrgsPresent     int             `json:"organizations_present"`
	DecidingMembers int             `json:"deciding_members"`
	Counts          ConsensusCounts `json:"counts"`
	Tolerance       int             `json:"disagree_tolerance"`
	Round           int             `json:"round"`
	FallbackApplies bool            `json:"fallback_applies"`
	Fallback        Fallback        `json:"fallback"`
	Reasons         []Text          `json:"reasons"`
}
