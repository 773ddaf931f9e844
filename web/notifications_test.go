package web_test

import (
	"context"
	"fmt"
	"net"
	"net/textproto"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sinergi"
	"sinergi/jobs"
	"sinergi/notify"
	"sinergi/store"
)

// mailMsg is one message the test SMTP server accepted.
type mailMsg struct {
	To   []string
	Data string
}

// mailServer is a minimal SMTP server for tests (after
// notify/smtpserver_test.go): EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
// While fail holds a reply (e.g. "451 4.3.0 Try later"), RCPT gets it.
type mailServer struct {
	Addr string
	ln   net.Listener
	mu   sync.Mutex
	msgs []mailMsg
	fail string
	wg   sync.WaitGroup
}

func startMailServer(t *testing.T) *mailServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &mailServer{Addr: ln.Addr().String(), ln: ln}
	s.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Go(func() { s.serve(c) })
		}
	})
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

func (s *mailServer) setFail(reply string) {
	s.mu.Lock()
	s.fail = reply
	s.mu.Unlock()
}

func (s *mailServer) messages() []mailMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]mailMsg(nil), s.msgs...)
}

func (s *mailServer) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	tp := textproto.NewConn(c)
	reply := func(l string) { tp.PrintfLine("%s", l) }
	reply("220 test.local ESMTP")
	var m mailMsg
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			reply("250 test.local")
		case "MAIL":
			m = mailMsg{}
			reply("250 2.1.0 OK")
		case "RCPT":
			s.mu.Lock()
			fail := s.fail
			s.mu.Unlock()
			if fail != "" {
				reply(fail)
				continue
			}
			_, after, _ := strings.Cut(arg, "<")
			a, _, _ := strings.Cut(after, ">")
			m.To = append(m.To, a)
			reply("250 2.1.5 OK")
		case "DATA":
			if len(m.To) == 0 {
				reply("503 5.5.1 Need RCPT first")
				continue
			}
			reply("354 End data with <CR><LF>.<CR><LF>")
			data, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			m.Data = string(data)
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			reply("250 2.0.0 Queued")
		case "RSET", "NOOP":
			reply("250 2.0.0 OK")
		case "QUIT":
			reply("221 2.0.0 Bye")
			return
		default:
			reply("500 5.5.2 Unknown command")
		}
	}
}

func (e *forumEnv) userCtx(t *testing.T, email string) context.Context {
	t.Helper()
	var id int64
	if err := e.db.SQL.QueryRow(`SELECT id FROM users WHERE email = $1`, strings.ToLower(email)).Scan(&id); err != nil {
		t.Fatal(err)
	}
	u, err := e.db.User(sys, id)
	if err != nil {
		t.Fatal(err)
	}
	return sinergi.WithActor(context.Background(), store.ActorOf(u))
}

func kinds(l store.NotificationList) []string {
	var out []string
	for _, n := range l.Items {
		out = append(out, string(n.Kind))
	}
	return out
}

// Notifications in-app: a new proposal reaches the accounts of deciding
// members, closing soon once (also after a "restart"), the outcome every
// member; the API and pages list them, mark them read and keep preferences.
// Every API response is validated against the OpenAPI document.
func TestNotificationsInApp(t *testing.T) {
	e := newForumEnv(t)
	c := &contract{t: t, e: e.env, doc: loadAPIDoc(t), seen: map[string][]int{}}
	forum := e.forumWithMembers(t, "members")
	inHours := func(h int) string { return time.Now().Add(time.Duration(h) * time.Hour).UTC().Format(time.RFC3339) }

	r := c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Di Turikale.","closes_at":"`+inHours(5)+`"}`)
	pid := c.id(r)
	bCtx, cCtx := e.userCtx(t, "partnerB@sinergi.test"), e.userCtx(t, "partnerC@sinergi.test")
	l, err := e.db.Notifications(bCtx, store.NotificationFilter{})
	if err != nil || l.Total != 1 || l.Unread != 1 || l.Items[0].Kind != notify.KindProposalNew || l.Items[0].Link != fmt.Sprintf("/proposals/%d", pid) {
		t.Fatalf("deciding member: %+v %v", l, err)
	}
	if l, _ := e.db.Notifications(cCtx, store.NotificationFilter{}); l.Total != 0 {
		t.Fatalf("consulted member told of a new proposal: %v", kinds(l))
	}

	// closing soon: once, whoever runs it and however often
	for range 3 {
		if _, err := e.db.RemindClosingSoon(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if err := jobs.Tick(context.Background(), e.db, jobs.Config{}, time.Now()); err != nil {
		t.Fatal(err)
	}
	l, _ = e.db.Notifications(bCtx, store.NotificationFilter{})
	if !slices.Equal(kinds(l), []string{"proposal_closing_soon", "proposal_new"}) {
		t.Fatalf("after reminders: %v", kinds(l))
	}
	// a member who has spoken is not reminded; a later proposal is not yet
	later := c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Jadwal KA","body":"Dua kali sehari.","closes_at":"`+inHours(30)+`"}`)
	e.db.RemindClosingSoon(context.Background())
	l, _ = e.db.Notifications(bCtx, store.NotificationFilter{})
	if l.Total != 3 {
		t.Fatalf("proposal closing in 30 h reminded: %v", kinds(l))
	}

	// outcome, to every member organisation
	tag := c.call(200, "GET", fmt.Sprintf("/api/v1/proposals/%d", c.id(later)), "memberA", "").header.Get("ETag")
	c.call(200, "POST", fmt.Sprintf("/api/v1/proposals/%d/close", c.id(later)), "memberA", `{"outcome":"Disepakati dua kali sehari.","review_date":"2027-06-30"}`, "If-Match", tag)
	l, _ = e.db.Notifications(cCtx, store.NotificationFilter{})
	if !slices.Equal(kinds(l), []string{"proposal_outcome"}) || l.Items[0].Body.ID != "Disepakati dua kali sehari." {
		t.Fatalf("consulted member, outcome: %+v", l.Items)
	}

	// the API
	c.call(401, "GET", "/api/v1/notifications", "", "")
	r = c.call(200, "GET", "/api/v1/notifications?unread=true&limit=2", "partnerB", "")
	if m := r.json(t); m["total"].(float64) != 4 || m["unread"].(float64) != 4 || len(m["items"].([]any)) != 2 {
		t.Fatalf("list: %s", r.body)
	}
	c.call(400, "GET", "/api/v1/notifications?unread=maybe", "partnerB", "")
	first := int64(r.json(t)["items"].([]any)[0].(map[string]any)["id"].(float64))
	c.call(404, "POST", fmt.Sprintf("/api/v1/notifications/%d/read", first), "partnerC", "")
	c.call(404, "POST", "/api/v1/notifications/abc/read", "partnerB", "")
	r = c.call(200, "POST", fmt.Sprintf("/api/v1/notifications/%d/read", first), "partnerB", "")
	if r.json(t)["read_at"] == nil {
		t.Error("not marked read")
	}
	c.call(200, "POST", fmt.Sprintf("/api/v1/notifications/%d/read", first), "partnerB", "")
	c.call(401, "POST", "/api/v1/notifications/read-all", "", "")
	r = c.call(200, "POST", "/api/v1/notifications/read-all", "partnerB", "")
	if r.json(t)["marked"].(float64) != 3 {
		t.Errorf("read-all: %s", r.body)
	}

	// preferences
	r = c.call(200, "GET", "/api/v1/me/notification-preferences", "partnerB", "")
	if !strings.Contains(string(r.body), `"proposal_new":"daily"`) {
		t.Errorf("default e-mail preference: %s", r.body)
	}
	c.call(401, "GET", "/api/v1/me/notification-preferences", "", "")
	c.call(400, "PUT", "/api/v1/me/notification-preferences", "partnerB", `{"in_app":{"proposal_new":"daily"}}`)
	c.call(400, "PUT", "/api/v1/me/notification-preferences", "partnerB", `{"email":{"lottery":"none"}}`)
	c.call(400, "PUT", "/api/v1/me/notification-preferences", "partnerB", `{"sms":{}}`)
	c.call(401, "PUT", "/api/v1/me/notification-preferences", "", `{}`)
	r = c.call(200, "PUT", "/api/v1/me/notification-preferences", "partnerB", `{"in_app":{"proposal_new":"none"},"email":{"proposal_outcome":"immediate"}}`)
	if !strings.Contains(string(r.body), `"proposal_outcome":"immediate"`) || !strings.Contains(string(r.body), `"proposal_new":"none"`) {
		t.Errorf("preferences saved: %s", r.body)
	}
	// in-app none: the next new proposal is not listed
	c.call(201, "POST", forum+"/proposals", "memberA", `{"title":"Tarif angkutan lanjutan","body":"Rp5.000.","closes_at":"`+inHours(72)+`"}`)
	if l, _ := e.db.Notifications(bCtx, store.NotificationFilter{}); l.Total != 4 {
		t.Errorf("in-app none still listed: %v", kinds(l))
	}

	for _, op := range c.doc.operations() {
		if !strings.Contains(op, "/notification") {
			continue
		}
		sts := c.seen[op]
		if !slices.ContainsFunc(sts, func(s int) bool { return s < 300 }) || !slices.ContainsFunc(sts, func(s int) bool { return s >= 400 }) {
			t.Errorf("%s: want a success and an error exercised, saw %v", op, sts)
		}
	}

	// the pages: the bell counts, the list marks read, preferences save
	b := e.browser()
	e.login(b, "partnerC@sinergi.test")
	_, body := get(t, b, e.srv.URL+"/")
	if !strings.Contains(body, `data-testid="bell"`) || !strings.Contains(body, `data-testid="unread">1<`) {
		t.Fatalf("bell without count:\n%s", body)
	}
	_, body = get(t, b, e.srv.URL+"/notifications")
	if !strings.Contains(body, "Hasil usulan") || !strings.Contains(body, "Tandai semua sudah dibaca") {
		t.Fatalf("notifications page:\n%s", body)
	}
	res, _ := b.PostForm(e.srv.URL+"/notifications/read-all", url.Values{})
	res.Body.Close()
	if _, body = get(t, b, e.srv.URL+"/"); strings.Contains(body, `data-testid="unread"`) {
		t.Error("bell still counts after read-all")
	}
	res, _ = b.PostForm(e.srv.URL+"/notifications/preferences", url.Values{"in_app.generic": {"daily"}})
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Errorf("in-app daily accepted: %d", res.StatusCode)
	}
	res, _ = b.PostForm(e.srv.URL+"/notifications/preferences", url.Values{"email.generic": {"immediate"}, "in_app.generic": {"none"}})
	res.Body.Close()
	_, body = get(t, b, e.srv.URL+"/notifications/preferences")
	if res.StatusCode != 303 || !strings.Contains(body, `<option value="immediate" selected>Segera</option>`) {
		t.Errorf("preferences page: %d\n%s", res.StatusCode, body)
	}
	if st, _ := get(t, e.browser(), e.srv.URL+"/notifications"); st != 303 && st != 401 {
		t.Errorf("public notifications page: %d", st)
	}
}

// E-mail through an SMTP server started by the test: an immediate e-mail is
// sent once however often the sender runs; a temporary failure is retried,
// a permanent one given up; the daily digest groups a recipient's pending
// notifications into one message, built only for recipients with something
// pending, and is not sent twice.
func TestNotificationsEmail(t *testing.T) {
	e := newForumEnv(t)
	e.db.SetEmail(true)
	srv := startMailServer(t)
	mailer, err := notify.NewSMTP(notify.Config{Addr: srv.Addr, From: "Sinergi <noreply@sinergi.test>", Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	site := notify.Site{Name: "Sinergi", BaseURL: "https://sinergi.test", PreferencesPath: "/notifications/preferences"}
	forum := e.forumWithMembers(t, "public")
	soon := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	// a second account of the deciding organisation wants e-mail at once
	if _, err := e.db.CreateUser(sys, sinergi.UserInput{Email: "ani@sinergi.test", Name: "Ani", OrganizationID: e.orgB.ID, Roles: []sinergi.Role{sinergi.RoleMember}, Password: "kata-sandi-uji-1"}); err != nil {
		t.Fatal(err)
	}
	ani := e.userCtx(t, "ani@sinergi.test")
	if _, err := e.db.SetNotificationPreferences(ani, notify.Preferences{Email: map[notify.Kind]notify.Frequency{notify.KindProposalNew: notify.Immediate}}); err != nil {
		t.Fatal(err)
	}

	// a temporary failure is retried later, not lost
	srv.setFail("451 4.3.0 Try again later")
	if r := e.do("POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Di Turikale.","closes_at":"`+soon+`"}`); r.status != 201 {
		t.Fatal(r.status, string(r.body))
	}
	if n, err := e.db.SendImmediate(context.Background(), mailer, site); err != nil || n != 0 {
		t.Fatalf("failing server: %d %v", n, err)
	}
	var state string
	var tries int
	e.db.SQL.QueryRow(`SELECT email_state, email_tries FROM notifications WHERE kind = 'proposal_new' AND email_state <> 'daily'`).Scan(&state, &tries)
	if state != "immediate" || tries != 1 {
		t.Fatalf("after a temporary failure: %s %d", state, tries)
	}
	srv.setFail("")
	e.db.SQL.Exec(`UPDATE notifications SET email_next_at = $1`, time.Now().Add(-time.Minute).UTC())
	var wg sync.WaitGroup
	for range 3 { // several copies at once send once
		wg.Go(func() { e.db.SendImmediate(context.Background(), mailer, site) })
	}
	wg.Wait()
	if n, _ := e.db.SendImmediate(context.Background(), mailer, site); n != 0 {
		t.Fatal("sent again")
	}
	msgs := srv.messages()
	if len(msgs) != 1 || msgs[0].To[0] != "ani@sinergi.test" || !strings.Contains(msgs[0].Data, "Lokasi Stasiun Maros") || !strings.Contains(msgs[0].Data, "https://sinergi.test/proposals/") {
		t.Fatalf("immediate e-mail: %+v", msgs)
	}

	// a permanent failure is given up
	srv.setFail("550 5.1.1 No such user")
	e.do("POST", forum+"/proposals", "memberA", `{"title":"Jadwal KA","body":"Dua kali sehari.","closes_at":"`+soon+`"}`)
	e.db.SendImmediate(context.Background(), mailer, site)
	e.db.SQL.QueryRow(`SELECT email_state FROM notifications WHERE recipient_id = (SELECT id FROM users WHERE email = 'ani@sinergi.test') ORDER BY id DESC LIMIT 1`).Scan(&state)
	if state != "failed" {
		t.Fatalf("after a permanent failure: %s", state)
	}
	srv.setFail("")

	// the daily digest: partnerB (daily by default) has two new proposals
	// pending; one digest, once
	var pending []int64
	rows, _ := e.db.SQL.Query(`SELECT recipient_id FROM notifications WHERE email_state = 'daily' GROUP BY recipient_id`)
	for rows.Next() {
		var u int64
		rows.Scan(&u)
		pending = append(pending, u)
	}
	rows.Close()
	if len(pending) != 1 {
		t.Fatalf("recipients with daily items: %v", pending)
	}
	srv.setFail("451 4.3.0 Try again later") // retried after its backoff, not lost
	if n, err := e.db.SendDigests(context.Background(), mailer, site); err != nil || n != 0 {
		t.Fatalf("failing digest: %d %v", n, err)
	}
	srv.setFail("")
	if n, _ := e.db.RetryDigests(context.Background(), mailer, site); n != 0 {
		t.Fatal("retried before the backoff")
	}
	e.db.SQL.Exec(`UPDATE notifications SET email_next_at = $1 WHERE email_state = 'daily'`, time.Now().Add(-time.Minute).UTC())
	n, err := e.db.RetryDigests(context.Background(), mailer, site)
	if err != nil || n != 1 {
		t.Fatalf("digests: %d %v", n, err)
	}
	if n, _ := e.db.RetryDigests(context.Background(), mailer, site); n != 0 {
		t.Fatal("digest retried twice")
	}
	if n, _ := e.db.SendDigests(context.Background(), mailer, site); n != 0 {
		t.Fatal("digest sent twice")
	}
	msgs = srv.messages()
	d := msgs[len(msgs)-1]
	if len(msgs) != 2 || d.To[0] != "partnerb@sinergi.test" || !strings.Contains(d.Data, "Lokasi Stasiun Maros") || !strings.Contains(d.Data, "Jadwal KA") || !strings.Contains(d.Data, "Berikut 2 pemberitahuan") {
		t.Fatalf("digest: %d messages, last %+v", len(msgs), d)
	}

	// the job claims the day's digest once across copies
	ok1, _ := e.db.ClaimDailyRun(context.Background(), "digest", "2026-11-30")
	ok2, _ := e.db.ClaimDailyRun(context.Background(), "digest", "2026-11-30")
	ok3, _ := e.db.ClaimDailyRun(context.Background(), "digest", "2026-12-01")
	if !ok1 || ok2 || !ok3 {
		t.Errorf("daily claims: %v %v %v", ok1, ok2, ok3)
	}
}

// Without a mailer nothing is queued for e-mail (nothing waits forever).
func TestNotificationsEmailOff(t *testing.T) {
	e := newForumEnv(t)
	stop := jobs.Start(context.Background(), e.db, jobs.Config{Every: time.Hour})
	stop()
	forum := e.forumWithMembers(t, "public")
	e.do("POST", forum+"/proposals", "memberA", `{"title":"Lokasi Stasiun Maros","body":"Di Turikale.","closes_at":"`+time.Now().Add(72*time.Hour).UTC().Format(time.RFC3339)+`"}`)
	var queued, all int
	e.db.SQL.QueryRow(`SELECT count(*) FROM notifications WHERE email_state <> 'off'`).Scan(&queued)
	e.db.SQL.QueryRow(`SELECT count(*) FROM notifications`).Scan(&all)
	if queued != 0 || all == 0 {
		t.Fatalf("queued %d of %d", queued, all)
	}
}
