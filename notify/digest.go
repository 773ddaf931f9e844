package notify

import (
	"cmp"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"sinergi"
)

// MaxDigestItems is how many notifications a digest lists; the rest are
// counted.
const MaxDigestItems = 50

// Site is what e-mails say about the installation.
type Site struct {
	Name            string // "Sinergi"
	BaseURL         string // "https://sinergi.example.go.id", joined to each link
	PreferencesPath string // where users change their preferences, e.g. /account/notifications
}

// Recipient is a user with something to read.
type Recipient struct {
	UserID int64
	Name   string
	Email  string
	Prefs  Preferences
}

// Pending is one recipient's queued e-mail notifications.
type Pending struct {
	Recipient Recipient
	Items     []Notification
}

// Digest is the e-mail for one user and the notifications it covers.
type Digest struct {
	UserID  int64
	Message Message
	IDs     []int64 // the notifications covered, to be marked as sent
}

// BuildDigests builds the daily digest of each recipient in pending, on the
// day of now. It looks at nobody else: a recipient gets a digest only for
// notifications addressed to them whose e-mail preference is daily. It
// returns the digests by user id, and the ids of the notifications no digest
// will ever carry (preference changed to immediate or none, no e-mail
// address, wrong recipient), which the caller can take off the queue.
func BuildDigests(site Site, pending []Pending, now time.Time) (digests []Digest, skipped []int64) {
	byUser := map[int64]*Pending{}
	var users []int64
	for _, p := range pending {
		q, ok := byUser[p.Recipient.UserID]
		if !ok {
			q = &Pending{Recipient: p.Recipient}
			byUser[p.Recipient.UserID] = q
			users = append(users, p.Recipient.UserID)
		}
		for _, n := range p.Items {
			if n.RecipientID == q.Recipient.UserID && q.Recipient.Email != "" && q.Recipient.Prefs.Get(Email, n.Kind) == Daily {
				q.Items = append(q.Items, n)
			} else {
				skipped = append(skipped, n.ID)
			}
		}
	}
	slices.Sort(users)
	for _, u := range users {
		q := byUser[u]
		if len(q.Items) == 0 {
			continue
		}
		digests = append(digests, digest(site, q.Recipient, q.Items, now))
	}
	slices.Sort(skipped)
	return digests, skipped
}

func digest(site Site, r Recipient, items []Notification, now time.Time) Digest {
	slices.SortStableFunc(items, func(a, b Notification) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	d := Digest{UserID: r.UserID}
	for _, n := range items {
		d.IDs = append(d.IDs, n.ID)
	}
	n, day := len(items), date(now)
	shown := items[:min(n, MaxDigestItems)]
	intro := sinergi.T(
		fmt.Sprintf("Berikut %d pemberitahuan %s untuk Anda (%s):", n, site.Name, day.ID),
		fmt.Sprintf("Here %s %d %s %s for you (%s):", plural(n, "is", "are"), n, site.Name, plural(n, "notification", "notifications"), day.EN))
	var more sinergi.Text
	if rest := n - len(shown); rest > 0 {
		more = sinergi.T(fmt.Sprintf("… dan %d pemberitahuan lainnya; buka %s untuk melihat semuanya.", rest, site.Name),
			fmt.Sprintf("… and %d more; open %s to see them all.", rest, site.Name))
	}
	d.Message = Message{
		To: mail.Address{Name: r.Name, Address: r.Email},
		Subject: fmt.Sprintf("Ringkasan harian %s: %d pemberitahuan / Daily digest: %d %s",
			site.Name, n, n, plural(n, "notification", "notifications")),
		Body: body(site, r.Name, intro, shown, more),
	}
	return d
}

// ImmediateEmail returns the e-mail for n when the recipient wants it at
// once by e-mail and has an address.
func ImmediateEmail(site Site, r Recipient, n Notification) (Message, bool) {
	if r.Email == "" || n.RecipientID != r.UserID || r.Prefs.Get(Email, n.Kind) != Immediate {
		return Message{}, false
	}
	subject := site.Name + ": " + n.Title.ID
	if n.Title.EN != "" && n.Title.EN != n.Title.ID {
		subject += " / " + n.Title.EN
	}
	return Message{To: mail.Address{Name: r.Name, Address: r.Email}, Subject: subject,
		Body: body(site, r.Name, sinergi.Text{}, []Notification{n}, sinergi.Text{})}, true
}

// body writes the Indonesian text, then the English one below it.
func body(site Site, name string, intro sinergi.Text, items []Notification, more sinergi.Text) string {
	var b strings.Builder
	for _, lang := range []string{"id", "en"} {
		if lang == "en" {
			b.WriteString("\n-- English --\n\n")
		}
		greet := sinergi.T("Yth. "+name+",", "Dear "+name+",")
		if name == "" {
			greet = sinergi.T("Yth. Bapak/Ibu,", "Dear colleague,")
		}
		b.WriteString(greet.In(lang) + "\n\n")
		if intro.ID != "" {
			b.WriteString(intro.In(lang) + "\n\n")
		}
		for i, n := range items {
			if len(items) > 1 {
				fmt.Fprintf(&b, "%d. ", i+1)
			}
			b.WriteString(n.Title.In(lang) + "\n")
			if t := n.Body.In(lang); t != "" {
				b.WriteString(indent(t, len(items) > 1) + "\n")
			}
			if n.Link != "" {
				b.WriteString(indent(strings.TrimSuffix(site.BaseURL, "/")+n.Link, len(items) > 1) + "\n")
			}
			b.WriteString("\n")
		}
		if more.ID != "" {
			b.WriteString(more.In(lang) + "\n\n")
		}
		if site.PreferencesPath != "" {
			b.WriteString(sinergi.T("Atur pemberitahuan Anda: ", "Change your notification settings: ").In(lang) +
				strings.TrimSuffix(site.BaseURL, "/") + site.PreferencesPath + "\n")
		}
	}
	return b.String()
}

func indent(s string, on bool) string {
	if !on {
		return s
	}
	return "   " + strings.ReplaceAll(s, "\n", "\n   ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
