package decide

import (
	"reflect"
	"testing"
)

func TestTallyConsent(t *testing.T) {
	s := Settings{Method: MethodConsent}
	obj := ch("b", ChoiceObject, "Bertentangan dengan RTRW")
	tests := []struct {
		name          string
		ballots       []Ballot
		closed        bool
		wantStatus    Status
		wantObjectors []string
		wantOutcome   string
	}{
		{"empty open", nil, false, StatusOpen, nil, "No objection so far"},
		{"silence is consent", nil, true, StatusPassed, nil, "The proposal passed: no objection remains"},
		{"all consent", []Ballot{ch("a", ChoiceConsent, ""), ch("b", ChoiceConsent, "")}, true, StatusPassed, nil, "The proposal passed: no objection remains"},
		{"objection open", []Ballot{ch("a", ChoiceConsent, ""), obj}, false, StatusOpen, []string{"b"}, "1 objection still to be resolved"},
		{"objection closed", []Ballot{ch("a", ChoiceConsent, ""), obj}, true, StatusRejected, []string{"b"}, "The proposal did not pass: 1 objection remains"},
		{"objection withdrawn", []Ballot{obj, ch("a", ChoiceConsent, ""), ch("b", ChoiceConsent, "Sudah diubah")}, true, StatusPassed, nil, "The proposal passed: no objection remains"},
		{"objection without reason skipped", []Ballot{ch("a", ChoiceConsent, ""), ch("b", ChoiceObject, "")}, true, StatusPassed, nil, "The proposal passed: no objection remains"},
		{"two objections", []Ballot{ch("z", ChoiceObject, "x"), ch("c", ChoiceObject, "y")}, true, StatusRejected, []string{"c", "z"}, "The proposal did not pass: 2 objections remain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tally(s, tt.ballots, tt.closed)
			checkResult(t, r)
			if r.Status != tt.wantStatus || !reflect.DeepEqual(r.Objectors, tt.wantObjectors) || r.Outcome.EN != tt.wantOutcome {
				t.Errorf("got %s %v %q, want %s %v %q", r.Status, r.Objectors, r.Outcome.EN, tt.wantStatus, tt.wantObjectors, tt.wantOutcome)
			}
		})
	}
}
