package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"sinergi"
	"sinergi/store"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyUser
)

func requestID(r *http.Request) string {
	id, _ := r.Context().Value(keyRequestID).(string)
	return id
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(c int) {
	if s.status == 0 {
		s.status = c
	}
	s.ResponseWriter.WriteHeader(c)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// observe gives each request an id, recovers panics as internal errors,
// logs one JSON line per request and counts it in the metrics.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if len(id) < 8 || len(id) > 64 || strings.ContainsFunc(id, func(c rune) bool { return c < '!' || c > '~' }) {
			b := make([]byte, 8)
			rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		r = r.WithContext(context.WithValue(r.Context(), keyRequestID, id))
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.Log.Error("panic", "request_id", id, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if rec.status == 0 {
					err := sinergi.Errorf(sinergi.CodeInternal, "panic", "panic")
					if isAPI(r) {
						s.apiError(rec, r, err)
					} else {
						s.htmlError(rec, r, err)
					}
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			d := time.Since(start)
			s.metrics.requests.WithLabelValues(r.Method, route, strconv.Itoa(rec.status)).Inc()
			s.metrics.duration.WithLabelValues(route).Observe(d.Seconds())
			if !s.Quiet {
				s.Log.Info("request", "request_id", id, "method", r.Method, "path", r.URL.Path, "route", route,
					"status", rec.status, "bytes", rec.bytes, "duration_ms", float64(d.Microseconds())/1000)
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

// secure sets the security headers of every response.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

const sessionCookie = "sinergi_session"

// authenticate puts the actor of a bearer token or session cookie in the
// context. A bad token is refused at once; a stale cookie is just dropped.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, tok, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") {
				s.apiError(w, r, sinergi.Errorf(sinergi.CodeUnauthorized, "Gunakan Authorization: Bearer <token>", "Use Authorization: Bearer <token>"))
				return
			}
			u, err := s.DB.TokenUser(ctx, strings.TrimSpace(tok))
			if err != nil {
				s.apiError(w, r, err)
				return
			}
			ctx = withUser(ctx, u)
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			if u, err := s.DB.SessionUser(ctx, c.Value); err == nil {
				ctx = withUser(ctx, u)
			} else if sinergi.ErrorCode(err) != sinergi.CodeUnauthorized {
				s.Log.Error("session lookup", "err", err)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func withUser(ctx context.Context, u *sinergi.User) context.Context {
	ctx = context.WithValue(ctx, keyUser, u)
	return sinergi.WithActor(ctx, store.ActorOf(u))
}

// currentUser is the logged-in user, or nil.
func currentUser(r *http.Request) *sinergi.User {
	u, _ := r.Context().Value(keyUser).(*sinergi.User)
	return u
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }
