package notify

import "testing"

func TestPreferencesGet(t *testing.T) {
	p := Preferences{
		InApp: map[Kind]Frequency{KindGeneric: Never},
		Email: map[Kind]Frequency{KindProposalNew: Immediate, KindProposalOutcome: Never},
	}
	tests := []struct {
		ch   Channel
		k    Kind
		want Frequency
	}{
		{InApp, KindProposalNew, Immediate}, // default in-app
		{InApp, KindGeneric, Never},
		{Email, KindProposalNew, Immediate},
		{Email, KindProposalClosingSoon, Daily}, // default e-mail
		{Email, KindProposalOutcome, Never},
		{Email, KindGeneric, Daily},
	}
	for _, tt := range tests {
		if got := p.Get(tt.ch, tt.k); got != tt.want {
			t.Errorf("Get(%s, %s) = %s, want %s", tt.ch, tt.k, got, tt.want)
		}
	}
	var zero Preferences
	if zero.Get(InApp, KindProposalOutcome) != Immediate || zero.Get(Email, KindProposalOutcome) != Daily {
		t.Error("zero preferences do not give the defaults")
	}
	n := Notification{Kind: KindGeneric}
	if ShowInApp(p, n) || !ShowInApp(zero, n) {
		t.Error("ShowInApp ignores the in-app preference")
	}
}

func TestPreferencesValidate(t *testing.T) {
	tests := []struct {
		name string
		p    Preferences
		want []string
	}{
		{"empty", Preferences{}, nil},
		{"all choices", Preferences{InApp: map[Kind]Frequency{KindProposalNew: Immediate, KindGeneric: Never},
			Email: map[Kind]Frequency{KindProposalNew: Daily, KindProposalOutcome: Immediate, KindGeneric: Never}}, nil},
		{"daily in-app", Preferences{InApp: map[Kind]Frequency{KindProposalOutcome: Daily}}, []string{"in_app.proposal_outcome"}},
		{"unknown frequency", Preferences{Email: map[Kind]Frequency{KindProposalNew: "weekly"}}, []string{"email.proposal_new"}},
		{"unknown kinds", Preferences{Email: map[Kind]Frequency{"z": Daily, "a": Daily}}, []string{"email"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFields(t, tt.p.Validate(), tt.want) })
	}
}

func TestKinds(t *testing.T) {
	want := []Kind{"proposal_new", "proposal_closing_soon", "proposal_outcome", "generic"}
	for i, k := range Kinds() {
		if k != want[i] || !k.Valid() || k.Label().ID == "" || k.Label().EN == "" {
			t.Errorf("Kinds()[%d] = %q (%+v), want valid %q with labels", i, k, k.Label(), want[i])
		}
	}
	if Kind("x").Valid() {
		t.Error(`Kind("x").Valid() = true`)
	}
}
