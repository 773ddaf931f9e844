package sinergi

import (
	"strings"
	"time"
	"unicode/utf8"
)

// DecisionRule is how a forum's charter says decisions are made (C5 looks
// for consensus).
type DecisionRule string

const (
	RuleConsensus DecisionRule = "consensus"
	RuleMajority  DecisionRule = "majority"
)

// Charter is a forum's ground rules (tata tertib) and decision rules.
type Charter struct {
	ForumID             int64        `json:"forum_id"`
	Rules               string       `json:"rules"`
	DecisionRule        DecisionRule `json:"decision_rule"`
	Fallback            Fallback     `json:"fallback"`
	FallbackAfterRounds int          `json:"fallback_after_rounds"`
	MajorityPercent     int          `json:"majority_percent"`
	ReferralAuthority   string       `json:"referral_authority"`
	Quorum              int          `json:"quorum"` // organisations present
	VoteUnit            VoteUnit     `json:"vote_unit"`
	DisagreeTolerance   int          `json:"disagree_tolerance"`
	Version             int64        `json:"version"`
	UpdatedAt           time.Time    `json:"updated_at"`
}

// CharterInput sets a charter.
type CharterInput struct {
	Rules               string       `json:"rules"`
	DecisionRule        DecisionRule `json:"decision_rule"`
	Fallback            Fallback     `json:"fallback"`
	FallbackAfterRounds int          `json:"fallback_after_rounds"`
	MajorityPercent     int          `json:"majority_percent"`
	ReferralAuthority   string       `json:"referral_authority"`
	Quorum              int          `json:"quorum"`
	VoteUnit            VoteUnit     `json:"vote_unit"`
	DisagreeTolerance   int          `json:"disagree_tolerance"`
}

// Input returns the charter as an input (for merging a PATCH).
func (c *Charter) Input() CharterInput {
	return CharterInput{c.Rules, c.DecisionRule, c.Fallback, c.FallbackAfterRounds, c.MajorityPercent, c.ReferralAuthority, c.Quorum, c.VoteUnit, c.DisagreeTolerance}
}

// DefaultCharter is the charter a new forum starts from: consensus, no
// fallback, quorum of one organisation, one organisation one vote.
func DefaultCharter() CharterInput {
	return CharterInput{DecisionRule: RuleConsensus, Fallback: FallbackNone, Quorum: 1, VoteUnit: VotePerOrganization}
}

// Validate normalises and checks the input.
func (in *CharterInput) Validate() error {
	in.Rules = strings.TrimSpace(in.Rules)
	in.ReferralAuthority = strings.Join(strings.Fields(in.ReferralAuthority), " ")
	if in.DecisionRule == "" {
		in.DecisionRule = RuleConsensus
	}
	if in.Fallback == "" {
		in.Fallback = FallbackNone
	}
	if in.VoteUnit == "" {
		in.VoteUnit = VotePerOrganization
	}
	var v Validation
	if utf8.RuneCountInString(in.Rules) > maxText {
		v.Add("rules", "Tata tertib terlalu panjang (maksimal 20.000 karakter)", "Ground rules too long (at most 20,000 characters)")
	}
	if in.DecisionRule != RuleConsensus && in.DecisionRule != RuleMajority {
		v.Add("decision_rule", "Aturan keputusan harus consensus atau majority", "Decision rule must be consensus or majority")
	}
	switch in.Fallback {
	case FallbackNone:
		in.FallbackAfterRounds, in.MajorityPercent, in.ReferralAuthority = 0, 0, ""
	case FallbackMajority:
		if in.MajorityPercent < 50 || in.MajorityPercent > 100 {
			v.Add("majority_percent", "Suara terbanyak bersyarat harus 50 sampai 100 persen", "The qualified majority must be 50 to 100 percent")
		}
		in.ReferralAuthority = ""
	case FallbackReferral:
		if n := utf8.RuneCountInString(in.ReferralAuthority); n < 3 || n > 200 {
			v.Add("referral_authority", "Sebutkan pihak berwenang yang menerima rujukan (3–200 karakter)", "Name the authority decisions are referred to (3–200 characters)")
		}
		in.MajorityPercent = 0
	default:
		v.Add("fallback", "Mekanisme cadangan harus none, qualified_majority atau referral", "Fallback must be none, qualified_majority or referral")
	}
	if in.Fallback != FallbackNone && (in.FallbackAfterRounds < 1 || in.FallbackAfterRounds > 10) {
		v.Add("fallback_after_rounds", "Mekanisme cadangan berlaku setelah 1 sampai 10 putaran", "The fallback applies after 1 to 10 rounds")
	}
	if in.Quorum < 1 || in.Quorum > 1000 {
		v.Add("quorum", "Kuorum harus 1 sampai 1.000 instansi", "Quorum must be 1 to 1,000 organisations")
	}
	if in.VoteUnit != VotePerOrganization && in.VoteUnit != VotePerPerson {
		v.Add("vote_unit", "Hak suara harus organization atau person", "Vote unit must be organization or person")
	}
	if in.DisagreeTolerance < 0 || in.DisagreeTolerance > 1000 {
		v.Add("disagree_tolerance", "Toleransi tidak setuju harus 0 sampai 1.000", "Disagree tolerance must be 0 to 1,000")
	}
	return v.Err()
}

// FallbackLabel is how the UI names a fallback.
var FallbackLabel = map[Fallback]Text{
	FallbackNone:     T("Tidak ada", "None"),
	FallbackMajority: T("Suara terbanyak bersyarat anggota pengambil keputusan", "Qualified majority of deciding members"),
	FallbackReferral: T("Dirujuk kepada pihak berwenang", "Referral to a named authority"),
}

// DecisionRuleLabel is how the UI names a decision rule.
var DecisionRuleLabel = map[DecisionRule]Text{
	RuleConsensus: T("Mufakat (konsensus)", "Consensus"),
	RuleMajority:  T("Suara terbanyak", "Majority vote"),
}

// VoteUnitLabel is how the UI names a vote unit.
var VoteUnitLabel = map[VoteUnit]Text{
	VotePerOrganization: T("Satu instansi satu suara", "One organisation, one vote"),
	VotePerPerson:       T("Satu orang satu suara", "One person, one vote"),
}
