// Package web serves Sinergi over HTTP: the server-rendered web UI and the
// JSON API under /api/v1, on one port.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"sinergi"
	"sinergi/store"
)

// Server is the HTTP side of Sinergi. It keeps no state of its own that
// matters beyond a request: sessions live in the database.
type Server struct {
	DB      *store.DB
	Log     *slog.Logger
	Version string
	Quiet   bool // no access log lines (benchmarks)
	// SecureCookies marks cookies Secure even on plain-HTTP requests: set it
	// behind a proxy that terminates TLS (--secure-cookies).
	SecureCookies bool
	// TrustedProxies are the proxies whose X-Forwarded-For is believed for
	// the client address of the login lockout (--trusted-proxies).
	TrustedProxies []netip.Prefix

	metrics  *metrics
	logins   *loginLimiter
	pages    *pages
	orgPages *pageCache
	analyses *networkCache // network_cache.go
}

// New prepares a server over db.
func New(db *store.DB, log *slog.Logger, version string) *Server {
	s := &Server{DB: db, Log: log, Version: version, metrics: newMetrics(), logins: newLoginLimiter(), orgPages: newPageCache(1000), analyses: newNetworkCache(256)}
	s.pages = mustParsePages()
	return s
}

// Handler returns the whole application with its middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := sinergi.Errorf(sinergi.CodeForbidden, "Permintaan lintas situs ditolak", "Cross-origin request refused")
		if isAPI(r) {
			s.apiError(w, r, err)
		} else {
			s.htmlError(w, r, err)
		}
	}))
	return s.observe(secure(csrf.Handler(s.authenticate(mux))))
}

// ready reports whether the database answers and its schema is current.
func (s *Server) ready(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.DB.SQL.PingContext(ctx); err != nil {
		return err
	}
	return s.DB.CheckSchema(ctx)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.ready(r.Context()); err != nil {
		if r.Context().Err() == nil { // not when the caller hung up
			s.Log.Warn("not ready", "err", err)
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("not ready: " + err.Error() + "\n"))
		return
	}
	w.Write([]byte("ready\n"))
}

// secureCookie reports whether cookies set in answer to r get Secure.
func (s *Server) secureCookie(r *http.Request) bool { return s.SecureCookies || r.TLS != nil }

// WithQuiet turns the access log off (for benchmarks) and returns s.
func (s *Server) WithQuiet(q bool) *Server {
	s.Quiet = q
	return s
}
