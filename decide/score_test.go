package decide

import (
	"reflect"
	"testing"
)

func TestTallyScore(t *testing.T) {
	s := Settings{Method: MethodScore, Options: []string{"Jalur A", "Jalur B", "Jalur C"}, ScoreMin: 0, ScoreMax: 5}
	tests := []struct {
		name        string
		ballots     []Ballot
		closed      bool
		want        summary
		wantOutcome string
	}{
		{"empty", nil, true, summary{StatusNoResult, nil, []Count{
			{Option: "Jalur A", Rank: 1}, {Option: "Jalur B", Rank: 1}, {Option: "Jalur C", Rank: 1}}}, "No ballots yet"},
		{"winner", []Ballot{
			sc("u1", map[string]int{"Jalur A": 5, "Jalur B": 2, "Jalur C": 0}),
			sc("u2", map[string]int{"Jalur A": 4, "Jalur B": 5, "Jalur C": 1}),
		}, true, summary{StatusDecided, []string{"Jalur A"}, []Count{
			{Option: "Jalur A", Count: 2, Total: 9, Mean: 4.5, Rank: 1},
			{Option: "Jalur B", Count: 2, Total: 7, Mean: 3.5, Rank: 2},
			{Option: "Jalur C", Count: 2, Total: 1, Mean: 0.5, Rank: 3}}}, `"Jalur A" wins with a total score of 9 (mean 4.5)`},
		{"leading while open", []Ballot{sc("u1", map[string]int{"Jalur A": 1, "Jalur B": 2, "Jalur C": 3})}, false,
			summary{StatusOpen, []string{"Jalur C"}, []Count{
				{Option: "Jalur C", Count: 1, Total: 3, Mean: 3, Rank: 1},
				{Option: "Jalur B", Count: 1, Total: 2, Mean: 2, Rank: 2},
				{Option: "Jalur A", Count: 1, Total: 1, Mean: 1, Rank: 3}}}, `"Jalur C" is leading with a total score of 3 (mean 3)`},
		{"tie shares rank", []Ballot{
			sc("u1", map[string]int{"Jalur A": 3, "Jalur B": 1, "Jalur C": 3}),
			sc("u2", map[string]int{"Jalur A": 1, "Jalur B": 0, "Jalur C": 1}),
			sc("u3", map[string]int{"Jalur A": 0, "Jalur B": 0, "Jalur C": 0}),
		}, true, summary{StatusTie, []string{"Jalur A", "Jalur C"}, []Count{
			{Option: "Jalur A", Count: 3, Total: 4, Mean: 4.0 / 3, Rank: 1},
			{Option: "Jalur C", Count: 3, Total: 4, Mean: 4.0 / 3, Rank: 1},
			{Option: "Jalur B", Count: 3, Total: 1, Mean: 1.0 / 3, Rank: 3}}}, `Tie between "Jalur A" and "Jalur C", each with a total score of 4 (mean 1.33)`},
		{"invalid ballot skipped", []Ballot{
			sc("u1", map[string]int{"Jalur A": 9, "Jalur B": 0, "Jalur C": 0}),
			sc("u2", map[string]int{"Jalur B": 1, "Jalur A": 0, "Jalur C": 0}),
		}, true, summary{StatusDecided, []string{"Jalur B"}, []Count{
			{Option: "Jalur B", Count: 1, Total: 1, Mean: 1, Rank: 1},
			{Option: "Jalur A", Count: 1, Rank: 2},
			{Option: "Jalur C", Count: 1, Rank: 2}}}, `"Jalur B" wins with a total score of 1 (mean 1)`},
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

func TestDecimal(t *testing.T) {
	for f, want := range map[float64][2]string{4.5: {"4,5", "4.5"}, 3: {"3", "3"}, 4.0 / 3: {"1,33", "1.33"}, -0.25: {"-0,25", "-0.25"}} {
		if got := decimal(f); got.ID != want[0] || got.EN != want[1] {
			t.Errorf("decimal(%v) = %+v, want %v", f, got, want)
		}
	}
}
