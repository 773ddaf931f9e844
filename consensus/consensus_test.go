package consensus

import (
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 29, 1, 0, 0, 0, time.UTC)

func v(org, voter int64, p Position, minute int) Vote {
	return Vote{OrgID: org, VoterID: voter, Position: p, At: t0.Add(time.Duration(minute) * time.Minute)}
}

func TestEvaluate(t *testing.T) {
	base := Rules{Quorum: 3, Unit: PerOrganization, DisagreeTolerance: 1}
	majority := Rules{Quorum: 3, Unit: PerOrganization, Fallback: FallbackMajority, FallbackAfter: 2, MajorityPercent: 60}
	referral := Rules{Quorum: 2, Fallback: FallbackReferral, FallbackAfter: 1, ReferralAuthority: "Gubernur Sulawesi Selatan"}
	deciding := []int64{1, 2, 3, 4, 5}
	tests := []struct {
		name      string
		in        Input
		reached   bool
		decided   bool
		outcome   Outcome
		quorum    bool
		counts    Counts
		fallback  bool
		reasonHas string
	}{
		{"nobody yet", Input{Rules: base, Deciding: deciding}, false, false, OutcomeNoQuorum, false, Counts{}, false, "Kuorum belum"},
		{"quorum of agree", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(3, 0, Abstain, 2)}},
			true, true, OutcomeReached, true, Counts{Agree: 2, Abstain: 1}, false, "Kuorum terpenuhi"},
		{"below quorum", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1)}},
			false, false, OutcomeNoQuorum, false, Counts{Agree: 2}, false, "minimal 3"},
		{"one block stops it", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(3, 0, Block, 2)}},
			false, false, OutcomeBlocked, true, Counts{Agree: 2, Block: 1}, false, "blokir"},
		{"disagree within tolerance", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(3, 0, Disagree, 2)}},
			true, true, OutcomeReached, true, Counts{Agree: 2, Disagree: 1}, false, "dalam toleransi"},
		{"disagree beyond tolerance", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Disagree, 1), v(3, 0, Disagree, 2)}},
			false, false, OutcomeTooManyDisagree, true, Counts{Agree: 1, Disagree: 2}, false, "melebihi"},
		{"all stand aside", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 0, Abstain, 0), v(2, 0, Abstain, 1), v(3, 0, Abstain, 2)}},
			false, false, OutcomeNoAgreement, true, Counts{Abstain: 3}, false, "Belum ada yang menyatakan setuju"},
		{"latest position of an organisation counts", Input{Rules: base, Deciding: deciding, Votes: []Vote{v(1, 7, Block, 0), v(1, 8, Agree, 5), v(2, 0, Agree, 1), v(3, 0, Agree, 2)}},
			true, true, OutcomeReached, true, Counts{Agree: 3}, false, "Tidak ada blokir"},
		{"non-deciding votes ignored", Input{Rules: base, Deciding: []int64{1, 2, 3}, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(3, 0, Agree, 2), v(9, 0, Block, 3)}},
			true, true, OutcomeReached, true, Counts{Agree: 3}, false, "Tidak ada blokir"},
		{"one person one vote counts each person", Input{Rules: Rules{Quorum: 2, Unit: PerPerson}, Deciding: deciding, Votes: []Vote{v(1, 7, Agree, 0), v(1, 8, Agree, 1), v(2, 9, Disagree, 2)}},
			false, false, OutcomeTooManyDisagree, true, Counts{Agree: 2, Disagree: 1}, false, "melebihi"},
		{"one person one vote: a person's latest", Input{Rules: Rules{Quorum: 2, Unit: PerPerson}, Deciding: deciding, Votes: []Vote{v(1, 7, Disagree, 0), v(1, 7, Agree, 3), v(2, 9, Agree, 2)}},
			true, true, OutcomeReached, true, Counts{Agree: 2}, false, "Kuorum terpenuhi"},
		{"round 1 of 2: no fallback yet", Input{Rules: majority, Deciding: deciding, Round: 1, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(3, 0, Block, 2)}},
			false, false, OutcomeBlocked, true, Counts{Agree: 2, Block: 1}, false, "Putaran 1 dari 2"},
		{"round 2 of 2: majority adopts", Input{Rules: majority, Deciding: deciding, Round: 2, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(3, 0, Agree, 2), v(4, 0, Block, 3)}},
			false, true, OutcomeMajorityAdopted, true, Counts{Agree: 3, Block: 1}, true, "mekanisme cadangan"},
		{"round 3 of 2: majority rejects", Input{Rules: majority, Deciding: deciding, Round: 3, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1), v(4, 0, Block, 3)}},
			false, false, OutcomeMajorityRejected, true, Counts{Agree: 2, Block: 1}, true, "2 dari 5"},
		{"referral", Input{Rules: referral, Deciding: deciding, Round: 1, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Block, 1)}},
			false, false, OutcomeReferred, true, Counts{Agree: 1, Block: 1}, true, "Gubernur Sulawesi Selatan"},
		{"consensus needs no fallback", Input{Rules: referral, Deciding: deciding, Round: 4, Votes: []Vote{v(1, 0, Agree, 0), v(2, 0, Agree, 1)}},
			true, true, OutcomeReached, true, Counts{Agree: 2}, false, "Tidak ada blokir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.in)
			if got.Reached != tt.reached || got.Decided != tt.decided || got.Outcome != tt.outcome || got.QuorumMet != tt.quorum ||
				got.Counts != tt.counts || got.FallbackApplies != tt.fallback {
				t.Fatalf("got reached=%v decided=%v outcome=%s quorum=%v counts=%+v fallback=%v; want %v %v %s %v %+v %v",
					got.Reached, got.Decided, got.Outcome, got.QuorumMet, got.Counts, got.FallbackApplies,
					tt.reached, tt.decided, tt.outcome, tt.quorum, tt.counts, tt.fallback)
			}
			found := false
			for _, r := range got.Reasons {
				if r.ID == "" || r.EN == "" {
					t.Errorf("reason not bilingual: %+v", r)
				}
				found = found || strings.Contains(r.ID, tt.reasonHas)
			}
			if !found {
				t.Errorf("no reason mentions %q: %+v", tt.reasonHas, got.Reasons)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	for _, p := range Positions {
		if !p.Valid() || Label[p].ID == "" {
			t.Errorf("%s: not valid or unlabelled", p)
		}
	}
	if Position("maybe").Valid() {
		t.Error("unknown position accepted")
	}
	if !Block.NeedsReason() || !Disagree.NeedsReason() || Agree.NeedsReason() || Abstain.NeedsReason() {
		t.Error("NeedsReason: disagree and block need a reason, agree and abstain do not")
	}
}

func FuzzEvaluate(f *testing.F) {
	f.Add(3, 1, 2, 60, 2, []byte{1, 'a', 2, 'b', 3, 'd'})
	f.Add(0, 0, 0, 0, 0, []byte{})
	f.Add(-5, -1, 9, 500, 7, []byte{9, 'x', 1, 'a'})
	f.Fuzz(func(t *testing.T, quorum, tolerance, after, pct, round int, raw []byte) {
		pos := map[byte]Position{'a': Agree, 'b': Block, 'd': Disagree, 's': Abstain}
		var votes []Vote
		for i := 0; i+1 < len(raw); i += 2 {
			p, ok := pos[raw[i+1]]
			if !ok {
				p = Position(string(raw[i+1 : i+2]))
			}
			votes = append(votes, Vote{OrgID: int64(raw[i] % 8), VoterID: int64(raw[i] % 3), Position: p, At: t0.Add(time.Duration(i) * time.Second)})
		}
		for _, unit := range []Unit{PerOrganization, PerPerson} {
			for _, fb := range []Fallback{FallbackNone, FallbackMajority, FallbackReferral, ""} {
				in := Input{Rules: Rules{Quorum: quorum, Unit: unit, DisagreeTolerance: tolerance, Fallback: fb, FallbackAfter: after, MajorityPercent: pct},
					Deciding: []int64{1, 2, 3, 4, 5}, Votes: votes, Round: round}
				st := Evaluate(in)
				if st.Reached && (!st.QuorumMet || st.Counts.Block > 0 || st.Counts.Disagree > st.Tolerance || st.Counts.Agree == 0) {
					t.Fatalf("reached without its conditions: %+v", st)
				}
				if st.Reached && (!st.Decided || st.FallbackApplies) {
					t.Fatalf("reached but not decided or with fallback: %+v", st)
				}
				if st.FallbackApplies && (st.Fallback == FallbackNone || after <= 0) {
					t.Fatalf("fallback applies without one: %+v", st)
				}
				if st.OrgsPresent > st.DecidingMembers || st.Counts.Total() < st.OrgsPresent {
					t.Fatalf("counts do not add up: %+v", st)
				}
				if unit == PerOrganization && st.Counts.Total() != st.OrgsPresent {
					t.Fatalf("one organisation, one vote: %d counted for %d organisations", st.Counts.Total(), st.OrgsPresent)
				}
				if _, ok := OutcomeLabel[st.Outcome]; !ok || len(st.Reasons) == 0 {
					t.Fatalf("outcome %q unlabelled or no reasons", st.Outcome)
				}
			}
		}
	})
}
