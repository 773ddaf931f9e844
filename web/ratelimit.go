package web

import (
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// loginLimiter slows down password guessing: per client address and per
// account e-mail, a burst of attempts and then one every few seconds.
type loginLimiter struct {
	mu    sync.Mutex
	byKey map[string]*entry
	last  time.Time
}

type entry struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLoginLimiter() *loginLimiter { return &loginLimiter{byKey: map[string]*entry{}} }

// allow reports whether one more login attempt may be made now.
func (l *loginLimiter) allow(r *http.Request, email string) bool {
	ip := clientAddr(r)
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.last) > 10*time.Minute { // forget idle keys
		for k, e := range l.byKey {
			if now.Sub(e.seen) > 30*time.Minute {
				delete(l.byKey, k)
			}
		}
		l.last = now
	}
	ok := true
	for _, k := range []struct {
		key   string
		every time.Duration
		burst int
	}{{"ip:" + ip, 2 * time.Second, 20}, {"email:" + strings.ToLower(strings.TrimSpace(email)), 12 * time.Second, 5}} {
		e := l.byKey[k.key]
		if e == nil {
			e = &entry{lim: rate.NewLimiter(rate.Every(k.every), k.burst)}
			l.byKey[k.key] = e
		}
		e.seen = now
		if !e.lim.AllowN(now, 1) {
			ok = false
		}
	}
	return ok
}

// clientAddr is the client's IP address (the peer of the connection).
func clientAddr(r *http.Request) string {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return ip
}
