package decide

import (
	"reflect"
	"testing"
)

func TestTallyAdvice(t *testing.T) {
	s := Settings{Method: MethodAdvice, Decider: "seeker"}
	advice := []Ballot{
		ch("a", ChoiceSupport, "Lanjutkan"),
		ch("b", ChoiceConcern, "Anggaran belum ada"),
		ch("c", ChoiceSupport, "Setuju, libatkan UMKM"),
	}
	decision := ch("seeker", ChoiceDecision, "  Kita lanjutkan dengan melibatkan UMKM  ")
	counts := []Count{{Option: "support", Count: 2}, {Option: "neutral"}, {Option: "concern", Count: 1}}
	tests := []struct {
		name         string
		ballots      []Ballot
		closed       bool
		wantStatus   Status
		wantDecision string
		wantCounts   []Count
	}{
		{"empty open", nil, false, StatusOpen, "", []Count{{Option: "support"}, {Option: "neutral"}, {Option: "concern"}}},
		{"empty closed", nil, true, StatusNoResult, "", []Count{{Option: "support"}, {Option: "neutral"}, {Option: "concern"}}},
		{"advice, no decision yet", advice, false, StatusOpen, "", counts},
		{"closed without decision", advice, true, StatusNoResult, "", counts},
		{"decided", append(advice[:3:3], decision), true, StatusDecided, "Kita lanjutkan dengan melibatkan UMKM", counts},
		{"decided before closing", append(advice[:3:3], decision), false, StatusDecided, "Kita lanjutkan dengan melibatkan UMKM", counts},
		{"decision without advice", []Ballot{decision}, true, StatusDecided, "Kita lanjutkan dengan melibatkan UMKM", []Count{{Option: "support"}, {Option: "neutral"}, {Option: "concern"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tally(s, tt.ballots, tt.closed)
			checkResult(t, r)
			if r.Status != tt.wantStatus || r.Decision != tt.wantDecision || !reflect.DeepEqual(r.Counts, tt.wantCounts) {
				t.Errorf("got %s %q %+v, want %s %q %+v", r.Status, r.Decision, r.Counts, tt.wantStatus, tt.wantDecision, tt.wantCounts)
			}
			if tt.wantDecision != "" && r.Outcome.EN != "The advice-seeker's decision: "+tt.wantDecision {
				t.Errorf("outcome = %q", r.Outcome.EN)
			}
		})
	}
}
