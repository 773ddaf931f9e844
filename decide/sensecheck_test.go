package decide

import (
	"reflect"
	"testing"
)

func TestTallySenseCheck(t *testing.T) {
	s := Settings{Method: MethodSenseCheck}
	bs := []Ballot{ch("a", ChoiceAgree, ""), ch("b", ChoiceConcerned, "Biaya"), ch("c", ChoiceAgree, ""), ch("d", ChoiceUnsure, "")}
	tests := []struct {
		name        string
		ballots     []Ballot
		closed      bool
		want        summary
		wantOutcome string
	}{
		{"empty", nil, true, summary{StatusNoted, nil, []Count{{Option: "agree"}, {Option: "unsure"}, {Option: "concerned"}}}, "No ballots yet"},
		{"open", bs, false, summary{StatusOpen, nil, []Count{{Option: "agree", Count: 2}, {Option: "unsure", Count: 1}, {Option: "concerned", Count: 1}}}, "Agree 2, unsure 1, concerned 1"},
		{"closed: noted, no pass or fail", bs, true, summary{StatusNoted, nil, []Count{{Option: "agree", Count: 2}, {Option: "unsure", Count: 1}, {Option: "concerned", Count: 1}}}, "Agree 2, unsure 1, concerned 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tally(s, tt.ballots, tt.closed)
			checkResult(t, r)
			if got := sum(r); !reflect.DeepEqual(got, tt.want) || r.Outcome.EN != tt.wantOutcome {
				t.Errorf("got %+v %q, want %+v %q", got, r.Outcome.EN, tt.want, tt.wantOutcome)
			}
		})
	}
}
