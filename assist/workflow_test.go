package assist

import (
	"testing"

	"sinergi"
)

func TestTransition(t *testing.T) {
	type S = sinergi.AssistanceStatus
	tests := []struct {
		from S
		a    Action
		to   S // "" when refused (409)
	}{
		{sinergi.AssistDraft, Submit, sinergi.AssistSubmitted},
		{sinergi.AssistSubmitted, Accept, sinergi.AssistAccepted},
		{sinergi.AssistSubmitted, Refuse, sinergi.AssistRefused},
		{sinergi.AssistAccepted, Start, sinergi.AssistInProgress},
		{sinergi.AssistInProgress, Complete, sinergi.AssistCompleted},
		{sinergi.AssistDraft, Cancel, sinergi.AssistCancelled},
		{sinergi.AssistSubmitted, Cancel, sinergi.AssistCancelled},
		// not possible
		{sinergi.AssistDraft, Accept, ""},
		{sinergi.AssistDraft, Start, ""},
		{sinergi.AssistSubmitted, Submit, ""},
		{sinergi.AssistSubmitted, Start, ""},
		{sinergi.AssistAccepted, Cancel, ""}, // cancel only before acceptance
		{sinergi.AssistAccepted, Refuse, ""},
		{sinergi.AssistRefused, Accept, ""},
		{sinergi.AssistRefused, Start, ""},
		{sinergi.AssistInProgress, Cancel, ""},
		{sinergi.AssistCompleted, Complete, ""},
		{sinergi.AssistCancelled, Submit, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"/"+string(tt.a), func(t *testing.T) {
			got, err := Transition(tt.from, tt.a)
			if tt.to == "" {
				if sinergi.ErrorCode(err) != sinergi.CodeConflict || got != tt.from {
					t.Fatalf("got %s, %v; want a conflict", got, err)
				}
				return
			}
			if err != nil || got != tt.to {
				t.Fatalf("got %s, %v; want %s", got, err, tt.to)
			}
		})
	}
	if _, err := Transition(sinergi.AssistDraft, "fly"); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Errorf("unknown action: %v", err)
	}
}

// Only the provider answers; only the requester submits and cancels.
func TestActionSide(t *testing.T) {
	want := map[Action]Side{Submit: Requester, Cancel: Requester, Accept: Provider, Refuse: Provider, Start: Provider, Complete: Either, "fly": 0}
	for a, s := range want {
		if got := ActionSide(a); got != s {
			t.Errorf("%s: side %d, want %d", a, got, s)
		}
	}
}
