package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"sinergi/jobs"
	"sinergi/notify"
	"sinergi/store"
)

// notifyFlags are the e-mail settings of `serve`. The SMTP password is read
// from the environment only (SINERGI_SMTP_PASSWORD), never from a flag.
type notifyFlags struct {
	addr, from, user, publicURL *string
}

func addNotifyFlags(fs *flag.FlagSet) notifyFlags {
	return notifyFlags{
		addr:      fs.String("smtp-addr", envOr("SINERGI_SMTP_ADDR", ""), "SMTP server host:port for notification e-mail; empty turns e-mail off (env SINERGI_SMTP_ADDR)"),
		from:      fs.String("smtp-from", envOr("SINERGI_SMTP_FROM", ""), `sender of notification e-mail, e.g. "Sinergi <noreply@example.go.id>" (env SINERGI_SMTP_FROM)`),
		user:      fs.String("smtp-user", envOr("SINERGI_SMTP_USER", ""), "SMTP username; the password comes from env SINERGI_SMTP_PASSWORD (env SINERGI_SMTP_USER)"),
		publicURL: fs.String("public-url", envOr("SINERGI_PUBLIC_URL", ""), "address users reach Sinergi at, for links in e-mail; the listen address when empty (env SINERGI_PUBLIC_URL)"),
	}
}

// startJobs checks the e-mail settings and starts the periodic jobs; e-mail
// is off when no SMTP server is given.
func (f notifyFlags) startJobs(ctx context.Context, db *store.DB, log *slog.Logger, url string) (stop func(), err error) {
	cfg := jobs.Config{Log: log, Site: notify.Site{Name: "Sinergi", BaseURL: url}}
	if u := strings.TrimSpace(*f.publicURL); u != "" {
		cfg.Site.BaseURL = u
	}
	if strings.TrimSpace(*f.addr) != "" {
		m, err := notify.NewSMTP(notify.Config{Addr: strings.TrimSpace(*f.addr), From: *f.from, Username: *f.user,
			Password: os.Getenv("SINERGI_SMTP_PASSWORD"), Timeout: 20 * time.Second})
		if err != nil {
			return nil, usageError{fmt.Sprintf("--smtp-*: %v", err)}
		}
		cfg.Mailer = m
		log.Info("notification e-mail on", "smtp", *f.addr)
	} else {
		log.Info("notification e-mail off (no --smtp-addr)")
	}
	return jobs.Start(ctx, db, cfg), nil
}
