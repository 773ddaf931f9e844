package decide

import (
	"reflect"
	"testing"
)

func TestTallyTimePoll(t *testing.T) {
	mon, tue, wed := "Senin 30 November 2026 pukul 09.30 WITA", "Selasa 1 Desember 2026 pukul 13.00 WITA", "Rabu 2 Desember 2026 pukul 09.00 WITA"
	s := Settings{Method: MethodTimePoll, Options: []string{mon, tue, wed}}
	a := func(voter string, m, t, w Availability) Ballot {
		return Ballot{VoterID: voter, Slots: map[string]Availability{mon: m, tue: t, wed: w}}
	}
	tests := []struct {
		name        string
		ballots     []Ballot
		closed      bool
		want        summary
		wantOutcome string
	}{
		{"most yes", []Ballot{a("1", Yes, Yes, No), a("2", No, Yes, Maybe), a("3", Maybe, Yes, Yes)}, true,
			summary{StatusDecided, []string{tue}, []Count{
				{Option: tue, Count: 3, Rank: 1},
				{Option: mon, Count: 1, Maybe: 1, No: 1, Rank: 2},
				{Option: wed, Count: 1, Maybe: 1, No: 1, Rank: 2}}}, `"` + tue + `" wins with 3 yes and 0 maybe`},
		{"maybe breaks a yes tie", []Ballot{a("1", Yes, No, Yes), a("2", Maybe, No, No)}, true,
			summary{StatusDecided, []string{mon}, []Count{
				{Option: mon, Count: 1, Maybe: 1, Rank: 1},
				{Option: wed, Count: 1, No: 1, Rank: 2},
				{Option: tue, No: 2, Rank: 3}}}, `"` + mon + `" wins with 1 yes and 1 maybe`},
		{"full tie", []Ballot{a("1", Yes, No, Yes), a("2", Maybe, No, Maybe)}, true,
			summary{StatusTie, []string{mon, wed}, []Count{
				{Option: mon, Count: 1, Maybe: 1, Rank: 1},
				{Option: wed, Count: 1, Maybe: 1, Rank: 1},
				{Option: tue, No: 2, Rank: 3}}}, `Tie between "` + mon + `" and "` + wed + `", each with 1 yes and 1 maybe`},
		{"nobody can come", []Ballot{a("1", No, No, No), {VoterID: "2"}}, true,
			summary{StatusNoResult, nil, []Count{
				{Option: mon, No: 2, Rank: 1}, {Option: tue, No: 2, Rank: 1}, {Option: wed, No: 2, Rank: 1}}}, "No slot suits anyone"},
		{"empty", nil, true, summary{StatusNoResult, nil, []Count{
			{Option: mon, Rank: 1}, {Option: tue, Rank: 1}, {Option: wed, Rank: 1}}}, "No ballots yet"},
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
