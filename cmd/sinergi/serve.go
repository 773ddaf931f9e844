package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"time"

	"sinergi/demo"
	"sinergi/web"
)

func cmdServe(e *env, args []string) error {
	fs, dsn := flags(e, "serve")
	addr := fs.String("addr", envOr("SINERGI_ADDR", "127.0.0.1:8080"), "listen address (env SINERGI_ADDR)")
	loadDemo := fs.Bool("demo", envBool("SINERGI_DEMO"), "load the demo dataset into an empty database (env SINERGI_DEMO)")
	noMigrate := fs.Bool("no-migrate", envBool("SINERGI_NO_MIGRATE"), "do not apply migrations; refuse to start on an outdated schema (env SINERGI_NO_MIGRATE)")
	logLevel := fs.String("log-level", envOr("SINERGI_LOG_LEVEL", "info"), "debug, info, warn or error (env SINERGI_LOG_LEVEL)")
	quiet := fs.Bool("quiet", envBool("SINERGI_QUIET"), "no access log lines (env SINERGI_QUIET)")
	secureCookies := fs.Bool("secure-cookies", envBool("SINERGI_SECURE_COOKIES"),
		"mark the session cookie Secure even on plain HTTP, for a proxy that terminates TLS; on by default when --public-url starts with https:// (env SINERGI_SECURE_COOKIES)")
	proxies := fs.String("trusted-proxies", envOr("SINERGI_TRUSTED_PROXIES", ""),
		"comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For gives the client address for the login lockout (env SINERGI_TRUSTED_PROXIES)")
	mail := addNotifyFlags(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	trusted, err := parseProxies(*proxies)
	if err != nil {
		return usageError{"--trusted-proxies: " + err.Error()}
	}
	*secureCookies = secureCookiesOn(fs, *secureCookies, *mail.publicURL)
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*logLevel)); err != nil {
		return usageError{"--log-level: " + err.Error()}
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: lvl}))
	start := time.Now()

	db, err := openDB(e, *dsn, !*noMigrate)
	if err != nil {
		return err
	}
	defer db.Close()
	if *loadDemo {
		accounts, err := demo.Load(system(e), db)
		switch {
		case errors.Is(err, demo.ErrNotEmpty):
			log.Info("demo: database already has data; nothing loaded")
		case err != nil:
			return fmt.Errorf("demo: %w", err)
		default:
			fmt.Fprint(e.stdout, demo.Notice(accounts))
		}
	}

	stopJobs, err := mail.startJobs(e.ctx, db, log, "http://"+*addr)
	if err != nil {
		return err
	}
	defer stopJobs()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	app := web.New(db, log, Version).WithQuiet(*quiet)
	app.SecureCookies = *secureCookies
	app.TrustedProxies = trusted
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String()
	if strings.HasPrefix(ln.Addr().String(), "[::]") || strings.HasPrefix(ln.Addr().String(), "0.0.0.0") {
		url = fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	}
	log.Info("listening", "addr", ln.Addr().String(), "db", db.Target, "version", Version, "startup_ms", time.Since(start).Milliseconds())
	fmt.Fprintf(e.stdout, "Sinergi siap / ready: %s (basis data / database: %s)\n", url, db.Target)
	if f, ok := e.stdout.(*os.File); ok {
		f.Sync()
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-e.ctx.Done():
	}
	log.Info("shutting down")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// secureCookiesOn decides --secure-cookies: the flag or SINERGI_SECURE_COOKIES
// when given, otherwise on exactly when the public URL is https (the server
// then sits behind a proxy that terminates TLS).
func secureCookiesOn(fs *flag.FlagSet, value bool, publicURL string) bool {
	given := strings.TrimSpace(os.Getenv("SINERGI_SECURE_COOKIES")) != ""
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "secure-cookies" })
	if given {
		return value
	}
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(publicURL)), "https://")
}

// parseProxies reads "10.0.0.1, 10.1.0.0/16" into prefixes.
func parseProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
