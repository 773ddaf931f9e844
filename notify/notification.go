package notify

import (
	"strings"
	"time"
	"unicode/utf8"

	"sinergi"
)

// Notification tells one user about one thing.
type Notification struct {
	ID          int64        `json:"id"` // 0 until stored
	RecipientID int64        `json:"recipient_id"`
	Kind        Kind         `json:"kind"`
	Title       sinergi.Text `json:"title"`
	Body        sinergi.Text `json:"body"`
	Link        string       `json:"link"` // path inside Sinergi, e.g. /proposals/12
	CreatedAt   time.Time    `json:"created_at"`
}

// MaxTitleLen is the longest title, in runes per language.
const MaxTitleLen = 200

// Validate checks a notification before it is stored or sent; its error is
// a *sinergi.Error with code invalid naming each bad field.
func (n Notification) Validate() error {
	var v sinergi.Validation
	if n.RecipientID <= 0 {
		v.Add("recipient_id", "Penerima tidak diketahui", "The recipient is missing")
	}
	if !n.Kind.Valid() {
		v.Add("kind", "Jenis pemberitahuan tidak dikenal", "Unknown notification kind")
	}
	for _, t := range []string{n.Title.ID, n.Title.EN} {
		if utf8.RuneCountInString(t) > MaxTitleLen || strings.ContainsAny(t, "\r\n") {
			v.Add("title", "Judul harus satu baris, paling banyak 200 karakter", "The title must be one line of at most 200 characters")
			break
		}
	}
	if strings.TrimSpace(n.Title.ID) == "" {
		v.Add("title", "Judul wajib diisi", "The title is required")
	}
	if n.Link != "" && (!strings.HasPrefix(n.Link, "/") || strings.HasPrefix(n.Link, "//") || strings.ContainsAny(n.Link, " \r\n\t\\")) {
		v.Add("link", "Tautan harus berupa jalur di dalam Sinergi, misalnya /proposals/12", "The link must be a path inside Sinergi, e.g. /proposals/12")
	}
	if n.CreatedAt.IsZero() {
		v.Add("created_at", "Waktu pembuatan wajib diisi", "The creation time is required")
	}
	return v.Err()
}

// ShowInApp reports whether the recipient wants n in the in-app list.
func ShowInApp(p Preferences, n Notification) bool { return p.Get(InApp, n.Kind) != Never }

// NewProposal tells a member that a proposal was tabled in a forum.
func NewProposal(to int64, forum, proposal, link string, closesAt, now time.Time) Notification {
	c := dateTime(closesAt)
	return Notification{RecipientID: to, Kind: KindProposalNew, Link: link, CreatedAt: now,
		Title: sinergi.T("Usulan baru di "+forum+": "+proposal, "New proposal in "+forum+": "+proposal),
		Body: sinergi.T("Usulan ini ditutup pada "+c.ID+". Sampaikan sikap Anda sebelum itu.",
			"This proposal closes on "+c.EN+". Take your position before then.")}
}

// ClosingSoon reminds a member who has not taken a position yet.
func ClosingSoon(to int64, forum, proposal, link string, closesAt, now time.Time) Notification {
	c := dateTime(closesAt)
	return Notification{RecipientID: to, Kind: KindProposalClosingSoon, Link: link, CreatedAt: now,
		Title: sinergi.T("Segera ditutup: "+proposal, "Closing soon: "+proposal),
		Body: sinergi.T("Usulan di "+forum+" ditutup pada "+c.ID+" dan Anda belum menyampaikan sikap.",
			"The proposal in "+forum+" closes on "+c.EN+" and you have not taken a position yet.")}
}

// Outcome tells a member how a proposal ended; outcome is the decision
// statement.
func Outcome(to int64, forum, proposal, link string, outcome sinergi.Text, now time.Time) Notification {
	return Notification{RecipientID: to, Kind: KindProposalOutcome, Link: link, CreatedAt: now,
		Title: sinergi.T("Hasil usulan di "+forum+": "+proposal, "Outcome of the proposal in "+forum+": "+proposal),
		Body:  outcome}
}

// Generic is a notification of another module.
func Generic(to int64, title, body sinergi.Text, link string, now time.Time) Notification {
	return Notification{RecipientID: to, Kind: KindGeneric, Title: title, Body: body, Link: link, CreatedAt: now}
}
