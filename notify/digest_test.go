package notify

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"sinergi"
)

var site = Site{Name: "Sinergi", BaseURL: "https://sinergi.sulselprov.go.id/", PreferencesPath: "/account/notifications"}

func item(id, to int64, kind Kind, minute int) Notification {
	return Notification{ID: id, RecipientID: to, Kind: kind, Link: fmt.Sprintf("/proposals/%d", id),
		Title:     sinergi.T(fmt.Sprintf("Judul %d", id), fmt.Sprintf("Title %d", id)),
		Body:      sinergi.T(fmt.Sprintf("Isi %d", id), fmt.Sprintf("Body %d", id)),
		CreatedAt: sentAt.Add(time.Duration(minute) * time.Minute)}
}

func TestBuildDigests(t *testing.T) {
	daily := Recipient{UserID: 1, Name: "Andi", Email: "andi@sulselprov.go.id"}
	noEmailNew := Recipient{UserID: 2, Email: "b@x.go.id", Prefs: Preferences{Email: map[Kind]Frequency{KindProposalNew: Never}}}
	noAddress := Recipient{UserID: 3}
	immediate := Recipient{UserID: 4, Email: "d@x.go.id", Prefs: Preferences{Email: map[Kind]Frequency{KindProposalOutcome: Immediate}}}
	type want struct {
		users   []int64
		ids     [][]int64
		skipped []int64
	}
	tests := []struct {
		name    string
		pending []Pending
		want    want
	}{
		{"nothing pending", nil, want{}},
		{"recipient without items", []Pending{{Recipient: daily}}, want{}},
		{"defaults: daily e-mail", []Pending{{daily, []Notification{item(11, 1, KindProposalNew, 5), item(10, 1, KindProposalOutcome, 1)}}},
			want{users: []int64{1}, ids: [][]int64{{10, 11}}}},
		{"same time sorted by id", []Pending{{daily, []Notification{item(12, 1, KindGeneric, 0), item(10, 1, KindGeneric, 0)}}},
			want{users: []int64{1}, ids: [][]int64{{10, 12}}}},
		{"preference none skipped", []Pending{{noEmailNew, []Notification{item(20, 2, KindProposalNew, 0)}}},
			want{skipped: []int64{20}}},
		{"only the daily kinds", []Pending{{noEmailNew, []Notification{item(21, 2, KindProposalNew, 0), item(22, 2, KindProposalClosingSoon, 0)}}},
			want{users: []int64{2}, ids: [][]int64{{22}}, skipped: []int64{21}}},
		{"no address", []Pending{{noAddress, []Notification{item(30, 3, KindProposalNew, 0)}}}, want{skipped: []int64{30}}},
		{"immediate is not in the digest", []Pending{{immediate, []Notification{item(40, 4, KindProposalOutcome, 0), item(41, 4, KindProposalNew, 0)}}},
			want{users: []int64{4}, ids: [][]int64{{41}}, skipped: []int64{40}}},
		{"wrong recipient skipped", []Pending{{daily, []Notification{item(50, 9, KindProposalNew, 0)}}}, want{skipped: []int64{50}}},
		{"users sorted, groups merged", []Pending{
			{immediate, []Notification{item(42, 4, KindGeneric, 0)}},
			{daily, []Notification{item(13, 1, KindGeneric, 2)}},
			{daily, []Notification{item(14, 1, KindGeneric, 1)}},
		}, want{users: []int64{1, 4}, ids: [][]int64{{14, 13}, {42}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, skipped := BuildDigests(site, tt.pending, sentAt)
			var got want
			got.skipped = skipped
			for _, d := range ds {
				got.users = append(got.users, d.UserID)
				got.ids = append(got.ids, d.IDs)
				if err := d.Message.check(); err != nil {
					t.Errorf("digest for %d: %v", d.UserID, err)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestDigestText(t *testing.T) {
	r := Recipient{UserID: 1, Name: "Andi", Email: "andi@sulselprov.go.id"}
	ds, _ := BuildDigests(site, []Pending{{r, []Notification{item(2, 1, KindProposalNew, 0), item(1, 1, KindGeneric, 0)}}}, sentAt)
	if len(ds) != 1 {
		t.Fatalf("%d digests, want 1", len(ds))
	}
	m := ds[0].Message
	if m.To.Address != "andi@sulselprov.go.id" || m.To.Name != "Andi" {
		t.Errorf("To = %v", m.To)
	}
	if want := "Ringkasan harian Sinergi: 2 pemberitahuan / Daily digest: 2 notifications"; m.Subject != want {
		t.Errorf("Subject = %q, want %q", m.Subject, want)
	}
	want := `Yth. Andi,

Berikut 2 pemberitahuan Sinergi untuk Anda (29 November 2026):

1. Judul 1
   Isi 1
   https://sinergi.sulselprov.go.id/proposals/1

2. Judul 2
   Isi 2
   https://sinergi.sulselprov.go.id/proposals/2

Atur pemberitahuan Anda: https://sinergi.sulselprov.go.id/account/notifications

-- English --

Dear Andi,

Here are 2 Sinergi notifications for you (29 November 2026):

1. Title 1
   Body 1
   https://sinergi.sulselprov.go.id/proposals/1

2. Title 2
   Body 2
   https://sinergi.sulselprov.go.id/proposals/2

Change your notification settings: https://sinergi.sulselprov.go.id/account/notifications
`
	if m.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", m.Body, want)
	}
}

func TestDigestLimit(t *testing.T) {
	r := Recipient{UserID: 1, Email: "a@x.go.id"}
	var items []Notification
	for i := range MaxDigestItems + 3 {
		items = append(items, item(int64(i+1), 1, KindGeneric, i))
	}
	ds, _ := BuildDigests(site, []Pending{{r, items}}, sentAt)
	if len(ds) != 1 || len(ds[0].IDs) != MaxDigestItems+3 {
		t.Fatalf("got %d digests covering %d, want 1 covering %d", len(ds), len(ds[0].IDs), MaxDigestItems+3)
	}
	b := ds[0].Message.Body
	for _, s := range []string{"Yth. Bapak/Ibu,", "50. Judul 50", "… dan 3 pemberitahuan lainnya", "… and 3 more", "Dear colleague,"} {
		if !strings.Contains(b, s) {
			t.Errorf("body lacks %q", s)
		}
	}
	if strings.Contains(b, "Judul 51") {
		t.Error("body lists more than the limit")
	}
}

func TestImmediateEmail(t *testing.T) {
	n := item(5, 1, KindProposalNew, 0)
	tests := []struct {
		name string
		r    Recipient
		n    Notification
		ok   bool
	}{
		{"default is daily", Recipient{UserID: 1, Email: "a@x.go.id"}, n, false},
		{"immediate", Recipient{UserID: 1, Email: "a@x.go.id", Prefs: Preferences{Email: map[Kind]Frequency{KindProposalNew: Immediate}}}, n, true},
		{"no address", Recipient{UserID: 1, Prefs: Preferences{Email: map[Kind]Frequency{KindProposalNew: Immediate}}}, n, false},
		{"other recipient", Recipient{UserID: 2, Email: "a@x.go.id", Prefs: Preferences{Email: map[Kind]Frequency{KindProposalNew: Immediate}}}, n, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := ImmediateEmail(site, tt.r, tt.n)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if m.Subject != "Sinergi: Judul 5 / Title 5" {
				t.Errorf("Subject = %q", m.Subject)
			}
			want := "Yth. Bapak/Ibu,\n\nJudul 5\nIsi 5\nhttps://sinergi.sulselprov.go.id/proposals/5\n\n"
			if !strings.HasPrefix(m.Body, want) || !strings.Contains(m.Body, "-- English --\n\nDear colleague,\n\nTitle 5\nBody 5\n") {
				t.Errorf("body = %q", m.Body)
			}
		})
	}
}
