package notify

import (
	"maps"
	"slices"

	"sinergi"
)

// Channel is where a notification reaches a user.
type Channel string

// The channels.
const (
	InApp Channel = "in_app"
	Email Channel = "email"
)

// Frequency is how often a user wants a kind of notification on a channel.
type Frequency string

// The frequencies. Daily is for e-mail only: the in-app list is always
// current.
const (
	Immediate Frequency = "immediate"
	Daily     Frequency = "daily"
	Never     Frequency = "none"
)

// Default is the frequency of a kind the user has not set: immediate in-app,
// a daily digest by e-mail.
func Default(ch Channel) Frequency {
	if ch == Email {
		return Daily
	}
	return Immediate
}

// Preferences are one user's choices; a kind missing from a map has the
// channel's Default.
type Preferences struct {
	InApp map[Kind]Frequency `json:"in_app,omitempty"`
	Email map[Kind]Frequency `json:"email,omitempty"`
}

// Get returns the frequency of kind k on channel ch.
func (p Preferences) Get(ch Channel, k Kind) Frequency {
	m := p.InApp
	if ch == Email {
		m = p.Email
	}
	if f, ok := m[k]; ok {
		return f
	}
	return Default(ch)
}

// Validate checks the kinds and frequencies; its error is a *sinergi.Error
// with code invalid naming each bad field ("email.proposal_new").
func (p Preferences) Validate() error {
	var v sinergi.Validation
	check := func(ch Channel, m map[Kind]Frequency) {
		for _, k := range Kinds() { // fixed order, so the messages are stable
			f, ok := m[k]
			switch {
			case !ok || f == Immediate || f == Never || (f == Daily && ch == Email):
			case f == Daily:
				v.Add(string(ch)+"."+string(k), "Ringkasan harian hanya untuk surel", "The daily digest is for e-mail only")
			default:
				v.Add(string(ch)+"."+string(k), "Pilih segera, ringkasan harian atau tidak sama sekali", "Choose immediate, daily digest or none")
			}
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !k.Valid() {
				v.Add(string(ch), "Jenis pemberitahuan tidak dikenal: "+string(k), "Unknown notification kind: "+string(k))
			}
		}
	}
	check(InApp, p.InApp)
	check(Email, p.Email)
	return v.Err()
}
