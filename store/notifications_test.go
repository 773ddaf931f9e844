package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"sinergi"
	"sinergi/notify"
	"sinergi/store"
)

// An overdue Bantuan Kedinasan request notifies the accounts of the
// provider and of its superior organisation once (kind generic), however
// many servers escalate at once and however often it runs again.
func TestEscalationNotifies(t *testing.T) {
	b := newBK(t)
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	users := map[string]context.Context{}
	for _, u := range []struct {
		email string
		org   int64
	}{{"prov@sinergi.test", b.parepare.ID}, {"sulsel@sinergi.test", b.sulsel.ID}, {"maros@sinergi.test", b.maros.ID}} {
		acc, err := b.db.CreateUser(sys, sinergi.UserInput{Email: u.email, Name: "Akun " + u.email, OrganizationID: u.org, Roles: []sinergi.Role{sinergi.RoleMember}, Password: "kata-sandi-uji-1"})
		if err != nil {
			t.Fatal(err)
		}
		users[u.email] = sinergi.WithActor(context.Background(), store.ActorOf(acc))
	}
	in := b.input()
	in.Submit = true
	r := b.create(t, in)
	b.now = time.Date(2026, 11, 10, 1, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { b.db.EscalateOverdue(context.Background()) })
	}
	wg.Wait()
	b.db.EscalateOverdue(context.Background())
	b.db.AssistanceRequest(b.reqCtx, r.ID) // escalation also runs lazily on reading
	for email, ctx := range users {
		l, err := b.db.Notifications(ctx, store.NotificationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if strings.HasPrefix(email, "maros") {
			want = 0 // the requester is not the one to act
		}
		if l.Total != want {
			t.Fatalf("%s: %d notifications, want %d", email, l.Total, want)
		}
		if want == 1 {
			n := l.Items[0]
			if n.Kind != notify.KindGeneric || !strings.Contains(n.Title.ID, "lewat batas waktu") || n.Link == "" || !strings.Contains(n.Body.EN, "escalated") {
				t.Errorf("%s: %+v", email, n)
			}
		}
	}
}

// Preferences have their defaults until changed; in-app daily is refused;
// the public has none.
func TestNotificationPreferencesDefaults(t *testing.T) {
	b := newBK(t)
	sys := sinergi.WithActor(context.Background(), sinergi.SystemActor)
	acc, err := b.db.CreateUser(sys, sinergi.UserInput{Email: "a@sinergi.test", Name: "Akun A", OrganizationID: b.maros.ID, Roles: []sinergi.Role{sinergi.RoleMember}, Password: "kata-sandi-uji-1"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := sinergi.WithActor(context.Background(), store.ActorOf(acc))
	p, err := b.db.NotificationPreferences(ctx)
	if err != nil || p.Get(notify.InApp, notify.KindGeneric) != notify.Immediate || p.Get(notify.Email, notify.KindGeneric) != notify.Daily {
		t.Fatalf("defaults: %+v %v", p, err)
	}
	if _, err := b.db.SetNotificationPreferences(ctx, notify.Preferences{InApp: map[notify.Kind]notify.Frequency{notify.KindGeneric: notify.Daily}}); sinergi.ErrorCode(err) != sinergi.CodeInvalid {
		t.Fatalf("in-app daily: %v", err)
	}
	if _, err := b.db.NotificationPreferences(context.Background()); sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
		t.Fatalf("public: %v", err)
	}
	if n, err := b.db.UnreadNotifications(context.Background()); n != 0 || err != nil {
		t.Fatalf("public unread: %d %v", n, err)
	}
}
