package decide

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"sinergi"
)

// fields returns the fields named by err, which must be nil or an invalid
// *sinergi.Error with a bilingual message for every field.
func fields(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var e *sinergi.Error
	if !errors.As(err, &e) || e.Code != sinergi.CodeInvalid {
		t.Fatalf("error %v: want *sinergi.Error with code invalid", err)
	}
	var out []string
	for _, f := range e.Fields {
		if f.Msg.ID == "" || f.Msg.EN == "" || f.Msg.ID == f.Msg.EN {
			t.Errorf("field %s: message %+v is not bilingual", f.Field, f.Msg)
		}
		if !slices.Contains(out, f.Field) {
			out = append(out, f.Field)
		}
	}
	return out
}

func checkFields(t *testing.T, err error, want []string) {
	t.Helper()
	if got := fields(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("fields = %v, want %v (err: %v)", got, want, err)
	}
}

// summary is the part of a Result most tests compare.
type summary struct {
	Status  Status
	Winners []string
	Counts  []Count
}

func sum(r Result) summary { return summary{r.Status, r.Winners, r.Counts} }

func checkText(t *testing.T, what string, x sinergi.Text) {
	t.Helper()
	if x.ID == "" || x.EN == "" {
		t.Errorf("%s %+v: want both languages", what, x)
	}
}

// checkResult checks what every visible result has.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	checkText(t, "outcome", r.Outcome)
	for _, x := range r.Reasons {
		checkText(t, "reason", x)
	}
}

func sc(voter string, scores map[string]int) Ballot { return Ballot{VoterID: voter, Scores: scores} }
func rk(voter string, ranking ...string) Ballot     { return Ballot{VoterID: voter, Ranking: ranking} }
func ch(voter string, c Choice, reason string) Ballot {
	return Ballot{VoterID: voter, Choice: c, Reason: reason}
}
