// Package jobs runs Sinergi's periodic work inside `sinergi serve`: the
// escalation of overdue Bantuan Kedinasan requests, closing-soon reminders of
// proposals, survey and kerja sama reminders, immediate notification e-mails and the daily digest. Every step
// is safe with several server copies and across restarts (see
// store/notification_jobs.go); a tick that fails is logged and retried on
// the next one.
package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"sinergi"
	"sinergi/notify"
	"sinergi/store"
)

// Config configures the jobs.
type Config struct {
	// Mailer sends e-mail; nil turns e-mail off (nothing is queued for it).
	Mailer notify.Mailer
	Site   notify.Site
	// Every is the time between ticks; one minute when zero.
	Every time.Duration
	// DigestHour is the hour (WITA) from which the daily digest goes out; 7
	// when zero.
	DigestHour int
	// AgreementEvery is the time between two runs of the kerja sama
	// reminders in one process (they are due by the day); one hour when
	// zero.
	AgreementEvery time.Duration
	Log            *slog.Logger
}

func (c *Config) defaults() {
	if c.Every <= 0 {
		c.Every = time.Minute
	}
	if c.AgreementEvery <= 0 {
		c.AgreementEvery = time.Hour
	}
	if c.DigestHour <= 0 || c.DigestHour > 23 {
		c.DigestHour = 7
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Site.Name == "" {
		c.Site.Name = "Sinergi"
	}
	if c.Site.PreferencesPath == "" {
		c.Site.PreferencesPath = "/notifications/preferences"
	}
}

// agreementRuns remembers when each open database last ran the kerja sama
// reminders: checking 100,000 agreements in force takes about 1.2 s of CPU
// (5–7 s on a busy machine, SQLite), so they run hourly, not every tick.
var agreementRuns sync.Map // *store.DB → time.Time

// Tick runs every job once at time now (the digest only when it is due
// and no other copy has sent it today).
func Tick(ctx context.Context, db *store.DB, cfg Config, now time.Time) error {
	cfg.defaults()
	ctx = sinergi.WithActor(ctx, sinergi.SystemActor)
	var first error
	keep := func(what string, err error) {
		if err != nil && ctx.Err() == nil {
			cfg.Log.Warn("job failed", "job", what, "err", err)
			if first == nil {
				first = err
			}
		}
	}
	_, err := db.EscalateOverdue(ctx)
	keep("escalate", err)
	_, err = db.RemindClosingSoon(ctx)
	keep("closing_soon", err)
	_, err = db.RemindSurveys(ctx)
	keep("survey_reminders", err)
	if last, ok := agreementRuns.Load(db); !ok || now.Sub(last.(time.Time)) >= cfg.AgreementEvery || now.Before(last.(time.Time)) {
		_, err = db.RemindAgreements(ctx)
		keep("agreement_reminders", err)
		if err == nil {
			agreementRuns.Store(db, now)
		}
	}
	if cfg.Mailer == nil {
		return first
	}
	n, err := db.SendImmediate(ctx, cfg.Mailer, cfg.Site)
	keep("email", err)
	if n > 0 {
		cfg.Log.Info("notification e-mails sent", "count", n)
	}
	local := now.In(sinergi.Zone("WITA"))
	if local.Hour() >= cfg.DigestHour {
		ok, err := db.ClaimDailyRun(ctx, "digest", local.Format(time.DateOnly))
		keep("digest", err)
		if ok {
			n, err := db.SendDigests(ctx, cfg.Mailer, cfg.Site)
			keep("digest", err)
			cfg.Log.Info("daily digests sent", "count", n)
		} else if err == nil {
			_, err := db.RetryDigests(ctx, cfg.Mailer, cfg.Site)
			keep("digest_retry", err)
		}
	}
	return first
}

// Start runs the jobs in a goroutine, at once and then every cfg.Every,
// until ctx ends or stop is called; stop waits for a running tick.
func Start(ctx context.Context, db *store.DB, cfg Config) (stop func()) {
	cfg.defaults()
	db.SetEmail(cfg.Mailer != nil)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(cfg.Every)
		defer t.Stop()
		for {
			Tick(ctx, db, cfg, time.Now())
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	})
	return func() {
		cancel()
		wg.Wait()
	}
}
