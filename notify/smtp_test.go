package notify

import (
	"context"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"
)

var sentAt = time.Date(2026, 11, 29, 9, 30, 0, 0, time.FixedZone("WITA", 8*3600))

func testMessage() Message {
	return Message{
		To:      mail.Address{Name: "Andi Mappasessu — Dishub", Address: "andi@sulselprov.go.id"},
		Subject: "Usulan baru: trase jalur kereta Maros–Pangkep / New proposal: Maros–Pangkep railway route",
		Body:    "Yth. Andi,\n\nUsulan ditutup pukul 17.00 WITA.\n.\nBaris dengan titik di awal dan tanda = di tengah.\n\n-- English --\n\nDear Andi,\n",
	}
}

func newTestSMTP(t *testing.T, c Config) *SMTP {
	t.Helper()
	s, err := NewSMTP(c)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return sentAt }
	return s
}

func TestSMTPDelivers(t *testing.T) {
	serverTLS, clientTLS := testTLS(t)
	tests := []struct {
		name      string
		server    func(*smtpServer)
		cfg       Config
		wantTLS   bool
		wantAuthd string
	}{
		{"plain", nil, Config{}, false, ""},
		{"auth on localhost without TLS", func(s *smtpServer) { s.User, s.Pass = "sinergi", "rahasia" },
			Config{Username: "sinergi", Password: "rahasia"}, false, "sinergi"},
		{"STARTTLS when offered", func(s *smtpServer) { s.TLS = serverTLS }, Config{TLS: clientTLS}, true, ""},
		{"STARTTLS and auth", func(s *smtpServer) { s.TLS, s.User, s.Pass = serverTLS, "sinergi", "rahasia" },
			Config{TLS: clientTLS, Username: "sinergi", Password: "rahasia"}, true, "sinergi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startSMTP(t, tt.server)
			cfg := tt.cfg
			cfg.Addr, cfg.From = srv.Addr, "Sinergi Sulawesi <noreply@sinergi.go.id>"
			m := testMessage()
			if err := newTestSMTP(t, cfg).Send(context.Background(), m); err != nil {
				t.Fatal(err)
			}
			got := srv.messages()
			if len(got) != 1 {
				t.Fatalf("server received %d messages, want 1", len(got))
			}
			r := got[0]
			if r.From != "noreply@sinergi.go.id" || len(r.To) != 1 || r.To[0] != "andi@sulselprov.go.id" || r.TLS != tt.wantTLS || r.Authed != tt.wantAuthd {
				t.Errorf("envelope %q → %q, TLS %v, auth %q; want noreply@sinergi.go.id → andi@sulselprov.go.id, TLS %v, auth %q",
					r.From, r.To, r.TLS, r.Authed, tt.wantTLS, tt.wantAuthd)
			}
			checkMessage(t, r.Data, m)
		})
	}
}

// checkMessage parses raw as an e-mail and compares it with m.
func checkMessage(t *testing.T, raw string, m Message) {
	t.Helper()
	for i, l := range strings.Split(strings.SplitN(raw, "\n\n", 2)[0], "\n") {
		if len(l) > 78 {
			t.Errorf("header line %d has %d characters: %q", i, len(l), l)
		}
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, raw)
	}
	h := msg.Header
	var dec mime.WordDecoder
	if subj, err := dec.DecodeHeader(h.Get("Subject")); err != nil || subj != m.Subject {
		t.Errorf("Subject = %q (%v), want %q", subj, err, m.Subject)
	}
	if !strings.HasPrefix(h.Get("Subject"), "=?UTF-8?q?") {
		t.Errorf("Subject %q is not Q-encoded", h.Get("Subject"))
	}
	if to, err := h.AddressList("To"); err != nil || len(to) != 1 || *to[0] != m.To {
		t.Errorf("To = %v (%v), want %v", to, err, m.To)
	}
	if from, err := h.AddressList("From"); err != nil || from[0].Name != "Sinergi Sulawesi" || from[0].Address != "noreply@sinergi.go.id" {
		t.Errorf("From = %v (%v)", from, err)
	}
	if d, err := h.Date(); err != nil || !d.Equal(sentAt) {
		t.Errorf("Date = %v (%v), want %v", d, err, sentAt)
	}
	if id := h.Get("Message-ID"); !regexp.MustCompile(`^<[0-9a-f]{32}@sinergi\.go\.id>$`).MatchString(id) {
		t.Errorf("Message-ID = %q", id)
	}
	for k, want := range map[string]string{"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
		"Content-Transfer-Encoding": "quoted-printable", "Auto-Submitted": "auto-generated"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if got := strings.ReplaceAll(string(body), "\r\n", "\n"); err != nil || got != m.Body {
		t.Errorf("body = %q (%v),\nwant %q", got, err, m.Body)
	}
}

func TestSMTPErrors(t *testing.T) {
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	closedAddr := closed.Addr().String()
	closed.Close()
	tests := []struct {
		name          string
		server        func(*smtpServer) // nil: no server at all
		cfg           Config
		msg           func(*Message)
		wantPermanent bool
		wantIn        string
	}{
		{"recipient refused", func(s *smtpServer) { s.RcptReply = "550 5.1.1 No such user" }, Config{}, nil, true, "RCPT TO"},
		{"recipient deferred", func(s *smtpServer) { s.RcptReply = "451 4.3.0 Try again later" }, Config{}, nil, false, "RCPT TO"},
		{"wrong password", func(s *smtpServer) { s.User, s.Pass = "sinergi", "rahasia" }, Config{Username: "sinergi", Password: "salah"}, nil, true, "AUTH"},
		{"auth not offered", func(*smtpServer) {}, Config{Username: "sinergi", Password: "rahasia"}, nil, false, "does not offer AUTH"},
		{"no server", nil, Config{Addr: closedAddr}, nil, false, "connect"},
		{"bad recipient address", func(*smtpServer) {}, Config{}, func(m *Message) { m.To.Address = "andi>@x" }, false, "invalid recipient"},
		{"empty subject", func(*smtpServer) {}, Config{}, func(m *Message) { m.Subject = " " }, false, "empty subject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			var srv *smtpServer
			if tt.server != nil {
				srv = startSMTP(t, tt.server)
				cfg.Addr = srv.Addr
			}
			cfg.From = "noreply@sinergi.go.id"
			m := testMessage()
			if tt.msg != nil {
				tt.msg(&m)
			}
			err := newTestSMTP(t, cfg).Send(context.Background(), m)
			if err == nil || !strings.Contains(err.Error(), tt.wantIn) || Permanent(err) != tt.wantPermanent {
				t.Fatalf("err = %v (permanent %v), want one mentioning %q, permanent %v", err, Permanent(err), tt.wantIn, tt.wantPermanent)
			}
			if srv != nil && len(srv.messages()) != 0 {
				t.Errorf("server received %d messages, want none", len(srv.messages()))
			}
		})
	}
}

func TestSMTPHonoursContext(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // accepts, never greets
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			defer c.Close()
			io.Copy(io.Discard, c)
		}
	}()
	s := newTestSMTP(t, Config{Addr: ln.Addr().String(), From: "noreply@sinergi.go.id", Timeout: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := s.Send(ctx, testMessage()); err == nil {
		t.Fatal("Send to a silent server succeeded")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Send took %v after the context ended", d)
	}
}

func TestConfigValidate(t *testing.T) {
	ok := Config{Addr: "smtp.sulselprov.go.id:587", From: "Sinergi <noreply@sulselprov.go.id>"}
	tests := []struct {
		name string
		edit func(*Config)
		want []string
	}{
		{"valid", func(*Config) {}, nil},
		{"valid with auth", func(c *Config) { c.Username, c.Password = "u", "p" }, nil},
		{"no port", func(c *Config) { c.Addr = "smtp.sulselprov.go.id" }, []string{"addr"}},
		{"bad port", func(c *Config) { c.Addr = "smtp.sulselprov.go.id:70000" }, []string{"addr"}},
		{"no host", func(c *Config) { c.Addr = ":25" }, []string{"addr"}},
		{"bad from", func(c *Config) { c.From = "noreply" }, []string{"from"}},
		{"password without user", func(c *Config) { c.Password = "p" }, []string{"username"}},
		{"bad hello", func(c *Config) { c.Hello = "a b" }, []string{"hello"}},
		{"negative timeout", func(c *Config) { c.Timeout = -time.Second }, []string{"timeout"}},
		{"empty", func(c *Config) { *c = Config{} }, []string{"addr", "from"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			checkFields(t, c.Validate(), tt.want)
			if _, err := NewSMTP(c); (err == nil) != (tt.want == nil) {
				t.Errorf("NewSMTP error = %v", err)
			}
		})
	}
}

func TestRecorder(t *testing.T) {
	var r Recorder
	var _ Mailer = &r
	if err := r.Send(context.Background(), testMessage()); err != nil {
		t.Fatal(err)
	}
	if err := r.Send(context.Background(), Message{Subject: "x"}); err == nil {
		t.Error("Recorder accepted a message without recipient")
	}
	if got := r.Sent(); len(got) != 1 || got[0].Subject != testMessage().Subject {
		t.Errorf("Sent() = %+v", got)
	}
}
