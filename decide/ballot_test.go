package decide

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	abc := []string{"A", "B", "C"}
	advice := Settings{Method: MethodAdvice, Decider: "seeker"}
	consent := Settings{Method: MethodConsent}
	sense := Settings{Method: MethodSenseCheck, Reasons: ReasonsRequired}
	score := Settings{Method: MethodScore, Options: abc, ScoreMin: 1, ScoreMax: 5}
	ranked := Settings{Method: MethodRankedChoice, Options: abc}
	dots := Settings{Method: MethodDotVote, Options: abc, DotsPerVoter: 5}
	slots := Settings{Method: MethodTimePoll, Options: []string{"Sen 09.30", "Sel 13.00"}}
	tests := []struct {
		name string
		s    Settings
		b    Ballot
		want []string
	}{
		{"invalid settings first", Settings{Method: MethodScore}, Ballot{}, []string{"options", "score_max"}},
		{"missing voter", consent, Ballot{Choice: ChoiceConsent}, []string{"voter_id"}},
		{"long voter id", consent, Ballot{VoterID: strings.Repeat("v", MaxVoterIDLen+1), Choice: ChoiceConsent}, []string{"voter_id"}},
		{"long reason", consent, Ballot{VoterID: "v", Choice: ChoiceConsent, Reason: strings.Repeat("a", MaxReasonLen+1)}, []string{"reason"}},

		{"advice", advice, ch("v", ChoiceConcern, "Libatkan BPKA"), nil},
		{"advice without words", advice, ch("v", ChoiceSupport, " "), []string{"reason"}},
		{"advice without stance", advice, ch("v", "", "Saran"), []string{"choice"}},
		{"advice decision by other", advice, ch("v", ChoiceDecision, "Kita jalan"), []string{"choice"}},
		{"decision", advice, ch("seeker", ChoiceDecision, "Kita jalan"), nil},
		{"decision empty", advice, ch("seeker", ChoiceDecision, ""), []string{"reason"}},
		{"seeker gives advice", advice, ch("seeker", ChoiceSupport, "Saya setuju"), []string{"choice"}},

		{"consent", consent, ch("v", ChoiceConsent, ""), nil},
		{"objection with reason", consent, ch("v", ChoiceObject, "Melanggar Perda"), nil},
		{"objection without reason", consent, ch("v", ChoiceObject, ""), []string{"reason"}},
		{"consent bad choice", consent, ch("v", ChoiceAgree, ""), []string{"choice"}},

		{"sense check", sense, ch("v", ChoiceUnsure, "Data belum lengkap"), nil},
		{"sense check reason required", sense, ch("v", ChoiceAgree, ""), []string{"reason"}},
		{"sense check no choice", sense, Ballot{VoterID: "v", Reason: "x"}, []string{"choice"}},

		{"score", score, sc("v", map[string]int{"A": 1, "B": 5, "C": 3}), nil},
		{"score missing option", score, sc("v", map[string]int{"A": 1, "B": 5}), []string{"scores"}},
		{"score out of range", score, sc("v", map[string]int{"A": 0, "B": 6, "C": 3}), []string{"scores"}},
		{"score unknown option", score, sc("v", map[string]int{"A": 1, "B": 1, "C": 1, "D": 1}), []string{"scores"}},
		{"score empty", score, Ballot{VoterID: "v"}, []string{"scores"}},

		{"ranked full", ranked, rk("v", "C", "A", "B"), nil},
		{"ranked partial", ranked, rk("v", "B"), nil},
		{"ranked empty", ranked, rk("v"), []string{"ranking"}},
		{"ranked duplicate", ranked, rk("v", "A", "A"), []string{"ranking"}},
		{"ranked unknown", ranked, rk("v", "A", "Z"), []string{"ranking"}},

		{"dots", dots, Ballot{VoterID: "v", Dots: map[string]int{"A": 3, "C": 2}}, nil},
		{"dots fewer than allowed", dots, Ballot{VoterID: "v", Dots: map[string]int{"B": 1}}, nil},
		{"dots too many", dots, Ballot{VoterID: "v", Dots: map[string]int{"A": 3, "B": 3}}, []string{"dots"}},
		{"dots none", dots, Ballot{VoterID: "v", Dots: map[string]int{"A": 0}}, []string{"dots"}},
		{"dots empty", dots, Ballot{VoterID: "v"}, []string{"dots"}},
		{"dots negative", dots, Ballot{VoterID: "v", Dots: map[string]int{"A": 6, "B": -1}}, []string{"dots"}},
		{"dots huge", dots, Ballot{VoterID: "v", Dots: map[string]int{"A": 1 << 62, "B": 1 << 62}}, []string{"dots"}},
		{"dots unknown", dots, Ballot{VoterID: "v", Dots: map[string]int{"A": 1, "Z": 1}}, []string{"dots"}},

		{"slots", slots, Ballot{VoterID: "v", Slots: map[string]Availability{"Sen 09.30": Yes, "Sel 13.00": Maybe}}, nil},
		{"slots empty means no", slots, Ballot{VoterID: "v"}, nil},
		{"slots bad answer", slots, Ballot{VoterID: "v", Slots: map[string]Availability{"Sen 09.30": "ok"}}, []string{"slots"}},
		{"slots unknown", slots, Ballot{VoterID: "v", Slots: map[string]Availability{"Rab": Yes}}, []string{"slots"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFields(t, Validate(tt.s, tt.b), tt.want) })
	}
}
