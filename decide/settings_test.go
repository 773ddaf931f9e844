package decide

import (
	"strings"
	"testing"
)

func TestSettingsValidate(t *testing.T) {
	two := []string{"A", "B"}
	tests := []struct {
		name string
		s    Settings
		want []string
	}{
		{"advice", Settings{Method: MethodAdvice, Decider: "u1"}, nil},
		{"advice without decider", Settings{Method: MethodAdvice}, []string{"decider"}},
		{"consent", Settings{Method: MethodConsent, Reasons: ReasonsRequired}, nil},
		{"sense check", Settings{Method: MethodSenseCheck, HideResults: true}, nil},
		{"no method", Settings{}, []string{"method"}},
		{"consensus elsewhere", Settings{Method: MethodConsensus}, []string{"method"}},
		{"unknown method", Settings{Method: "lottery"}, []string{"method"}},
		{"bad reasons", Settings{Method: MethodConsent, Reasons: "sometimes"}, []string{"reasons"}},
		{"score", Settings{Method: MethodScore, Options: two, ScoreMin: 0, ScoreMax: 10}, nil},
		{"score negative range", Settings{Method: MethodScore, Options: two, ScoreMin: -2, ScoreMax: 2}, nil},
		{"score min = max", Settings{Method: MethodScore, Options: two, ScoreMin: 3, ScoreMax: 3}, []string{"score_max"}},
		{"score min > max", Settings{Method: MethodScore, Options: two, ScoreMin: 5, ScoreMax: 1}, []string{"score_max"}},
		{"score too wide", Settings{Method: MethodScore, Options: two, ScoreMin: 0, ScoreMax: MaxScore + 1}, []string{"score_min"}},
		{"score one option", Settings{Method: MethodScore, Options: []string{"A"}, ScoreMax: 5}, []string{"options"}},
		{"ranked no options", Settings{Method: MethodRankedChoice}, []string{"options"}},
		{"ranked duplicate", Settings{Method: MethodRankedChoice, Options: []string{"A", "B", "A"}}, []string{"options[2]"}},
		{"ranked blank option", Settings{Method: MethodRankedChoice, Options: []string{"A", " "}}, []string{"options[1]"}},
		{"ranked long option", Settings{Method: MethodRankedChoice, Options: []string{"A", strings.Repeat("é", MaxOptionLen+1)}}, []string{"options[1]"}},
		{"too many options", Settings{Method: MethodTimePoll, Options: strings.Split(strings.Repeat("x,", MaxOptions)+"y", ",")}, []string{"options"}},
		{"dot vote", Settings{Method: MethodDotVote, Options: two, DotsPerVoter: 1}, nil},
		{"dot vote no dots", Settings{Method: MethodDotVote, Options: two}, []string{"dots_per_voter"}},
		{"dot vote too many dots", Settings{Method: MethodDotVote, Options: two, DotsPerVoter: MaxDotsPerVoter + 1}, []string{"dots_per_voter"}},
		{"time poll", Settings{Method: MethodTimePoll, Options: []string{"2026-11-30T09:30+08:00", "2026-12-01T13:00+08:00"}}, nil},
		{"several problems", Settings{Method: MethodDotVote, Options: []string{"A"}, Reasons: "x"}, []string{"reasons", "options", "dots_per_voter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFields(t, tt.s.Validate(), tt.want) })
	}
}

func TestDefaultsAreValidWithOptions(t *testing.T) {
	for _, m := range Methods()[1:] {
		s := Defaults(m)
		s.Options, s.Decider = []string{"A", "B"}, "u1"
		if err := s.Validate(); err != nil {
			t.Errorf("Defaults(%s): %v", m, err)
		}
	}
}

func TestMethods(t *testing.T) {
	codes := []string{"consensus", "advice", "consent", "sense_check", "score", "ranked_choice", "dot_vote", "time_poll"}
	ms := Methods()
	if len(ms) != len(codes) {
		t.Fatalf("Methods() = %v, want %v", ms, codes)
	}
	for i, m := range ms {
		if string(m) != codes[i] || !m.Valid() {
			t.Errorf("Methods()[%d] = %q, want valid %q", i, m, codes[i])
		}
		checkText(t, string(m), m.Label())
		if got, want := m.HasOptions(), i >= 4; got != want {
			t.Errorf("%s.HasOptions() = %v, want %v", m, got, want)
		}
		for _, c := range Choices(m) {
			checkText(t, string(c), c.Label())
		}
	}
	if Method("vote").Valid() {
		t.Error(`Method("vote").Valid() = true`)
	}
}
