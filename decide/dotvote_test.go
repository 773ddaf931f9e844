package decide

import (
	"reflect"
	"testing"
)

func TestTallyDotVote(t *testing.T) {
	s := Settings{Method: MethodDotVote, Options: []string{"Halte", "Parkir", "Pasar"}, DotsPerVoter: 3}
	d := func(voter string, dots map[string]int) Ballot { return Ballot{VoterID: voter, Dots: dots} }
	tests := []struct {
		name        string
		ballots     []Ballot
		closed      bool
		want        summary
		wantOutcome string
	}{
		{"empty open", nil, false, summary{StatusOpen, nil, []Count{
			{Option: "Halte", Rank: 1}, {Option: "Parkir", Rank: 1}, {Option: "Pasar", Rank: 1}}}, "No ballots yet"},
		{"winner", []Ballot{d("a", map[string]int{"Halte": 3}), d("b", map[string]int{"Halte": 1, "Pasar": 2}), d("c", map[string]int{"Parkir": 1})}, true,
			summary{StatusDecided, []string{"Halte"}, []Count{
				{Option: "Halte", Count: 2, Total: 4, Rank: 1},
				{Option: "Pasar", Count: 1, Total: 2, Rank: 2},
				{Option: "Parkir", Count: 1, Total: 1, Rank: 3}}}, `"Halte" wins with 4 dots from 2 voters`},
		{"tie", []Ballot{d("a", map[string]int{"Pasar": 2, "Parkir": 1}), d("b", map[string]int{"Parkir": 1})}, true,
			summary{StatusTie, []string{"Parkir", "Pasar"}, []Count{
				{Option: "Parkir", Count: 2, Total: 2, Rank: 1},
				{Option: "Pasar", Count: 1, Total: 2, Rank: 1},
				{Option: "Halte", Rank: 3}}}, `Tie between "Parkir" and "Pasar", each with 2 dots from 2 voters`},
		{"over budget skipped", []Ballot{d("a", map[string]int{"Pasar": 4}), d("b", map[string]int{"Halte": 1})}, true,
			summary{StatusDecided, []string{"Halte"}, []Count{
				{Option: "Halte", Count: 1, Total: 1, Rank: 1},
				{Option: "Parkir", Rank: 2},
				{Option: "Pasar", Rank: 2}}}, `"Halte" wins with 1 dot from 1 voter`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tally(s, tt.ballots, tt.closed)
			checkResult(t, r)
			if got := sum(r); !reflect.DeepEqual(got, tt.want) || r.Outcome.EN != tt.wantOutcome {
				t.Errorf("got %+v %q,\nwant %+v %q", got, r.Outcome.EN, tt.want, tt.wantOutcome)
			}
		})
	}
}
