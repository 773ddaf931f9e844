package notify

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"time"
)

// SMTP delivers e-mail through one SMTP server: STARTTLS when the server
// offers it, PLAIN auth when a username is configured (net/smtp refuses to
// send the password unencrypted except to localhost).
type SMTP struct {
	cfg  Config
	from mail.Address
	Now  func() time.Time // for the Date header; time.Now when nil
}

var _ Mailer = (*SMTP)(nil)

// NewSMTP checks c and returns its mailer.
func NewSMTP(c Config) (*SMTP, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	from, _ := mail.ParseAddress(c.From)
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
	if c.Hello == "" {
		c.Hello = "localhost"
	}
	return &SMTP{cfg: c, from: *from}, nil
}

// Send delivers m in one SMTP session. A 5xx reply gives an error for which
// Permanent is true.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if err := m.check(); err != nil {
		return err
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	data := compose(s.from, m, now())

	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("notify: connect to %s: %w", s.cfg.Addr, err)
	}
	deadline, _ := ctx.Deadline()
	conn.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) }) // unblock on cancel
	defer stop()

	host, _, _ := net.SplitHostPort(s.cfg.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("notify: smtp greeting: %w", err)
	}
	defer c.Close()
	step := func(what string, err error) error {
		if err != nil {
			return fmt.Errorf("notify: smtp %s: %w", what, err)
		}
		return nil
	}
	if err := step("EHLO", c.Hello(s.cfg.Hello)); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		tc := s.cfg.TLS.Clone()
		if tc == nil {
			tc = new(tls.Config)
		}
		if tc.ServerName == "" {
			tc.ServerName = host
		}
		if err := step("STARTTLS", c.StartTLS(tc)); err != nil {
			return err
		}
	}
	if s.cfg.Username != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return fmt.Errorf("notify: smtp server %s does not offer AUTH", s.cfg.Addr)
		}
		if err := step("AUTH", c.Auth(smtp.PlainAuth("", s.cfg.Username, s.cfg.Password, host))); err != nil {
			return err
		}
	}
	if err := step("MAIL FROM", c.Mail(s.from.Address)); err != nil {
		return err
	}
	if err := step("RCPT TO", c.Rcpt(m.To.Address)); err != nil {
		return err
	}
	w, err := c.Data()
	if err := step("DATA", err); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return step("DATA", err)
	}
	if err := step("DATA", w.Close()); err != nil {
		return err
	}
	c.Quit() // the message is accepted; a failed goodbye must not cause a resend
	return nil
}
