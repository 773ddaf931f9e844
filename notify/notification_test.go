package notify

import (
	"strings"
	"testing"
	"time"

	"sinergi"
)

func TestNotificationValidate(t *testing.T) {
	ok := Generic(7, sinergi.T("Permintaan Bantuan Kedinasan baru", "New official assistance request"), sinergi.Text{}, "/assistance/3", sentAt)
	tests := []struct {
		name string
		edit func(*Notification)
		want []string
	}{
		{"valid", func(*Notification) {}, nil},
		{"no link", func(n *Notification) { n.Link = "" }, nil},
		{"no recipient", func(n *Notification) { n.RecipientID = 0 }, []string{"recipient_id"}},
		{"unknown kind", func(n *Notification) { n.Kind = "x" }, []string{"kind"}},
		{"no title", func(n *Notification) { n.Title = sinergi.T(" ", "") }, []string{"title"}},
		{"title on two lines", func(n *Notification) { n.Title.EN = "a\nb" }, []string{"title"}},
		{"long title", func(n *Notification) { n.Title.ID = strings.Repeat("é", MaxTitleLen+1) }, []string{"title"}},
		{"absolute link", func(n *Notification) { n.Link = "https://evil.example/x" }, []string{"link"}},
		{"scheme-relative link", func(n *Notification) { n.Link = "//evil.example/x" }, []string{"link"}},
		{"no time", func(n *Notification) { n.CreatedAt = time.Time{} }, []string{"created_at"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := ok
			tt.edit(&n)
			checkFields(t, n.Validate(), tt.want)
		})
	}
}

func TestConstructors(t *testing.T) {
	closes := time.Date(2026, 12, 2, 17, 0, 0, 0, sentAt.Location())
	forum, prop, link := "Forum Koridor Kereta Api Makassar–Parepare", "Penetapan trase Maros", "/proposals/12"
	tests := []struct {
		n               Notification
		kind            Kind
		titleID, bodyEN string
	}{
		{NewProposal(7, forum, prop, link, closes, sentAt), KindProposalNew,
			"Usulan baru di " + forum + ": " + prop, "This proposal closes on 2 December 2026 at 17:00 WITA. Take your position before then."},
		{ClosingSoon(7, forum, prop, link, closes, sentAt), KindProposalClosingSoon,
			"Segera ditutup: " + prop, "The proposal in " + forum + " closes on 2 December 2026 at 17:00 WITA and you have not taken a position yet."},
		{Outcome(7, forum, prop, link, sinergi.T("Konsensus tercapai", "Consensus reached"), sentAt), KindProposalOutcome,
			"Hasil usulan di " + forum + ": " + prop, "Consensus reached"},
	}
	for _, tt := range tests {
		if err := tt.n.Validate(); err != nil {
			t.Errorf("%s: %v", tt.kind, err)
		}
		if tt.n.Kind != tt.kind || tt.n.Title.ID != tt.titleID || tt.n.Body.EN != tt.bodyEN || tt.n.Link != link || !tt.n.CreatedAt.Equal(sentAt) {
			t.Errorf("%s: got %+v", tt.kind, tt.n)
		}
	}
	if got := dateTime(closes).ID; got != "2 Desember 2026 pukul 17.00 WITA" {
		t.Errorf("dateTime ID = %q", got)
	}
}
