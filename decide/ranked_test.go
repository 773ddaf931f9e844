package decide

import (
	"fmt"
	"reflect"
	"testing"
)

// many returns n ballots with the same ranking from voters prefix1…prefixN.
func many(prefix string, n int, ranking ...string) []Ballot {
	out := make([]Ballot, n)
	for i := range out {
		out[i] = rk(fmt.Sprintf("%s%d", prefix, i+1), ranking...)
	}
	return out
}

func join(groups ...[]Ballot) []Ballot {
	var out []Ballot
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func TestTallyRanked(t *testing.T) {
	abc := Settings{Method: MethodRankedChoice, Options: []string{"A", "B", "C"}}
	abcd := Settings{Method: MethodRankedChoice, Options: []string{"A", "B", "C", "D"}}
	tests := []struct {
		name        string
		s           Settings
		ballots     []Ballot
		want        summary
		wantRounds  []Round
		wantBorda   []string
		wantOutcome string
		wantReason  string // EN of the reason after the method line ("" = none checked)
	}{
		{"majority in round 1", abc, join(many("a", 3, "A", "B"), many("b", 1, "B"), many("c", 1, "C", "A")),
			summary{StatusDecided, []string{"A"}, []Count{
				{Option: "A", Count: 3, Total: 11, Rank: 1}, {Option: "B", Count: 1, Total: 9, Rank: 2}, {Option: "C", Count: 1, Total: 3, Rank: 2}}},
			[]Round{{Votes: []Count{{Option: "A", Count: 3}, {Option: "B", Count: 1}, {Option: "C", Count: 1}}}},
			[]string{"A"}, `"A" wins with 3 of 5 votes in round 1`, ""},
		{"transfer decides", abc, join(many("a", 4, "A"), many("b", 3, "B", "C"), many("c", 2, "C", "B")),
			summary{StatusDecided, []string{"B"}, []Count{
				{Option: "B", Count: 3, Total: 13, Rank: 1}, {Option: "A", Count: 4, Total: 12, Rank: 2}, {Option: "C", Count: 2, Total: 12, Rank: 3}}},
			[]Round{
				{Votes: []Count{{Option: "A", Count: 4}, {Option: "B", Count: 3}, {Option: "C", Count: 2}}, Eliminated: []string{"C"}},
				{Votes: []Count{{Option: "A", Count: 4}, {Option: "B", Count: 5}}}},
			[]string{"B"}, `"B" wins with 5 of 9 votes in round 2`, `Round 1: "C" eliminated with 2 votes`},
		{"tie for last broken by Borda", abc, join(many("a", 3, "A", "B", "C"), many("b", 2, "B", "A", "C"), many("c", 2, "C", "B", "A")),
			summary{StatusDecided, []string{"B"}, []Count{
				{Option: "B", Count: 2, Total: 16, Rank: 1}, {Option: "A", Count: 3, Total: 15, Rank: 2}, {Option: "C", Count: 2, Total: 11, Rank: 3}}},
			[]Round{
				{Votes: []Count{{Option: "A", Count: 3}, {Option: "B", Count: 2}, {Option: "C", Count: 2}}, Eliminated: []string{"C"}},
				{Votes: []Count{{Option: "A", Count: 3}, {Option: "B", Count: 4}}}},
			[]string{"B"}, `"B" wins with 4 of 7 votes in round 2`, `Round 1: "C" eliminated with 2 votes (tie broken by Borda total)`},
		{"tie for last broken by earlier round", abcd, join(many("a", 5, "A"), many("b", 3, "B"), many("c", 2, "C"), many("d", 1, "D", "C")),
			summary{StatusDecided, []string{"A"}, []Count{
				{Option: "A", Count: 5, Total: 20, Rank: 1}, {Option: "B", Count: 3, Total: 12, Rank: 2},
				{Option: "C", Count: 2, Total: 11, Rank: 3}, {Option: "D", Count: 1, Total: 4, Rank: 4}}},
			[]Round{
				{Votes: []Count{{Option: "A", Count: 5}, {Option: "B", Count: 3}, {Option: "C", Count: 2}, {Option: "D", Count: 1}}, Eliminated: []string{"D"}},
				{Votes: []Count{{Option: "A", Count: 5}, {Option: "B", Count: 3}, {Option: "C", Count: 3}}, Eliminated: []string{"C"}},
				{Votes: []Count{{Option: "A", Count: 5}, {Option: "B", Count: 3}}, Exhausted: 3}},
			[]string{"A"}, `"A" wins with 5 of 8 votes in round 3`, `Round 1: "D" eliminated with 1 vote`},
		{"tied options eliminated together, ballots exhausted", abc, join(many("a", 3, "A"), many("b", 2, "B"), many("c", 2, "C", "A")),
			summary{StatusDecided, []string{"A"}, []Count{
				{Option: "A", Count: 3, Total: 13, Rank: 1}, {Option: "B", Count: 2, Total: 6, Rank: 2}, {Option: "C", Count: 2, Total: 6, Rank: 2}}},
			[]Round{
				{Votes: []Count{{Option: "A", Count: 3}, {Option: "B", Count: 2}, {Option: "C", Count: 2}}, Eliminated: []string{"B", "C"}},
				{Votes: []Count{{Option: "A", Count: 5}}, Exhausted: 2}},
			[]string{"A"}, `"A" wins with 5 of 5 votes in round 2`, `Round 1: "B" and "C" eliminated with 2 votes (tied, eliminated together)`},
		{"final tie", abc, join(many("a", 2, "A", "B"), many("b", 2, "B", "A")),
			summary{StatusTie, []string{"A", "B"}, []Count{
				{Option: "A", Count: 2, Total: 10, Rank: 1}, {Option: "B", Count: 2, Total: 10, Rank: 1}, {Option: "C", Rank: 3}}},
			[]Round{
				{Votes: []Count{{Option: "A", Count: 2}, {Option: "B", Count: 2}, {Option: "C"}}, Eliminated: []string{"C"}},
				{Votes: []Count{{Option: "A", Count: 2}, {Option: "B", Count: 2}}}},
			[]string{"A", "B"}, `Tie between "A" and "B", each with 2 of 4 votes in round 2`, `Round 1: "C" eliminated with 0 votes`},
		{"no ballots", abc, nil,
			summary{StatusNoResult, nil, []Count{{Option: "A", Rank: 1}, {Option: "B", Rank: 1}, {Option: "C", Rank: 1}}},
			nil, nil, "No ballots yet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tally(tt.s, tt.ballots, true)
			checkResult(t, r)
			if got := sum(r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v,\nwant %+v", got, tt.want)
			}
			if !reflect.DeepEqual(r.Rounds, tt.wantRounds) {
				t.Errorf("rounds = %+v,\nwant %+v", r.Rounds, tt.wantRounds)
			}
			if !reflect.DeepEqual(r.BordaWinners, tt.wantBorda) {
				t.Errorf("Borda winners = %v, want %v", r.BordaWinners, tt.wantBorda)
			}
			if r.Outcome.EN != tt.wantOutcome {
				t.Errorf("outcome = %q, want %q", r.Outcome.EN, tt.wantOutcome)
			}
			if tt.wantReason != "" && (len(r.Reasons) < 2 || r.Reasons[1].EN != tt.wantReason) {
				t.Errorf("reasons = %+v, want second %q", r.Reasons, tt.wantReason)
			}
		})
	}
}
