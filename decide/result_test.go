package decide

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// samples are a poll of each method with a few ballots.
func samples() map[Method]struct {
	s  Settings
	bs []Ballot
} {
	abc := []string{"A", "B", "C"}
	type poll = struct {
		s  Settings
		bs []Ballot
	}
	return map[Method]poll{
		MethodAdvice: {Settings{Method: MethodAdvice, Decider: "s"}, []Ballot{
			ch("a", ChoiceSupport, "ya"), ch("b", ChoiceConcern, "hati-hati"), ch("s", ChoiceDecision, "Lanjut")}},
		MethodConsent: {Settings{Method: MethodConsent}, []Ballot{
			ch("a", ChoiceConsent, ""), ch("b", ChoiceObject, "tidak"), ch("c", ChoiceConsent, "")}},
		MethodSenseCheck: {Settings{Method: MethodSenseCheck}, []Ballot{
			ch("a", ChoiceAgree, ""), ch("b", ChoiceUnsure, ""), ch("c", ChoiceAgree, "")}},
		MethodScore: {Settings{Method: MethodScore, Options: abc, ScoreMin: 1, ScoreMax: 3}, []Ballot{
			sc("a", map[string]int{"A": 3, "B": 1, "C": 2}), sc("b", map[string]int{"A": 1, "B": 3, "C": 2}), sc("c", map[string]int{"A": 2, "B": 2, "C": 3})}},
		MethodRankedChoice: {Settings{Method: MethodRankedChoice, Options: abc}, []Ballot{
			rk("a", "A", "B"), rk("b", "B", "C"), rk("c", "C", "A"), rk("d", "C"), rk("e", "A", "C")}},
		MethodDotVote: {Settings{Method: MethodDotVote, Options: abc, DotsPerVoter: 2}, []Ballot{
			{VoterID: "a", Dots: map[string]int{"A": 2}}, {VoterID: "b", Dots: map[string]int{"B": 1, "C": 1}}, {VoterID: "c", Dots: map[string]int{"C": 1}}}},
		MethodTimePoll: {Settings{Method: MethodTimePoll, Options: abc}, []Ballot{
			{VoterID: "a", Slots: map[string]Availability{"A": Yes, "B": Maybe}}, {VoterID: "b", Slots: map[string]Availability{"B": Yes, "C": Yes}}}},
	}
}

func TestTallyHidesResultsWhileOpen(t *testing.T) {
	for m, p := range samples() {
		t.Run(string(m), func(t *testing.T) {
			p.s.HideResults = true
			open := Tally(p.s, append(p.bs, Ballot{Reason: "no voter"}), false)
			want := Result{Method: m, Visible: false, Ballots: len(p.bs), Status: StatusOpen, Outcome: open.Outcome}
			if !reflect.DeepEqual(open, want) {
				t.Errorf("open = %+v,\nwant %+v", open, want)
			}
			if open.Outcome.EN != fmt.Sprintf("Results are hidden until closing; %d ballots cast", len(p.bs)) {
				t.Errorf("outcome = %q", open.Outcome.EN)
			}
			closed := Tally(p.s, p.bs, true)
			if !closed.Visible || closed.Counts == nil || closed.Status == StatusOpen {
				t.Errorf("closed = %+v, want visible results", closed)
			}
			p.s.HideResults = false
			if r := Tally(p.s, p.bs, false); !r.Visible || r.Counts == nil {
				t.Errorf("open without hiding = %+v, want visible", r)
			}
		})
	}
}

func TestTallyKeepsLastValidBallotPerVoter(t *testing.T) {
	s := Settings{Method: MethodSenseCheck}
	bs := []Ballot{
		ch("a", ChoiceConcerned, ""),
		ch("b", ChoiceAgree, ""),
		ch("a", ChoiceAgree, ""),  // replaces a's first ballot
		ch("b", "maybe", ""),      // invalid: b's valid ballot stays
		{Choice: ChoiceConcerned}, // no voter
	}
	r := Tally(s, bs, true)
	want := []Count{{Option: "agree", Count: 2}, {Option: "unsure"}, {Option: "concerned"}}
	if r.Ballots != 2 || r.Invalid != 2 || !reflect.DeepEqual(r.Counts, want) {
		t.Errorf("got %d ballots, %d invalid, %+v; want 2, 2, %+v", r.Ballots, r.Invalid, r.Counts, want)
	}
}

func TestTallyInvalidSettings(t *testing.T) {
	r := Tally(Settings{Method: MethodScore, Options: []string{"A"}}, []Ballot{sc("a", map[string]int{"A": 1})}, true)
	if r.Status != StatusInvalid || r.Ballots != 0 || len(r.Reasons) != 2 {
		t.Errorf("got %+v, want status invalid with 2 reasons", r)
	}
	checkResult(t, r)
}

// The result never depends on the order of the ballots, and which options
// win never depends on the order in which options are listed.
func TestTallyIsDeterministic(t *testing.T) {
	for m, p := range samples() {
		t.Run(string(m), func(t *testing.T) {
			for _, closed := range []bool{false, true} {
				want := Tally(p.s, p.bs, closed)
				checkResult(t, want)
				rev := slices.Clone(p.bs)
				slices.Reverse(rev)
				if got := Tally(p.s, rev, closed); !reflect.DeepEqual(got, want) {
					t.Errorf("reversed ballots: %+v,\nwant %+v", got, want)
				}
				s := p.s
				s.Options = slices.Clone(s.Options)
				slices.Reverse(s.Options)
				got := Tally(s, p.bs, closed)
				gw, ww := slices.Sorted(slices.Values(got.Winners)), slices.Sorted(slices.Values(want.Winners))
				if !slices.Equal(gw, ww) || got.Status != want.Status {
					t.Errorf("reversed options: %s %v, want %s %v", got.Status, gw, want.Status, ww)
				}
			}
		})
	}
}

func BenchmarkTallyRankedChoice(b *testing.B) {
	s := Settings{Method: MethodRankedChoice, Options: []string{"A", "B", "C", "D", "E", "F", "G", "H"}}
	bs := make([]Ballot, 10000)
	for i := range bs {
		r := slices.Clone(s.Options)
		for j := range r { // a fixed, varied permutation per voter
			k := (i*7 + j*3) % len(r)
			r[j], r[k] = r[k], r[j]
		}
		bs[i] = rk(fmt.Sprint("v", i), r[:1+i%len(r)]...)
	}
	b.ResetTimer()
	for b.Loop() {
		Tally(s, bs, true)
	}
}
