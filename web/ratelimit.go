package web

import (
	"net"
	"net/http"
	"net/netip"
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
func (l *loginLimiter) allow(ip, email string) bool {
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

// clientAddr is the client's IP address: the peer of the connection or,
// when the peer is one of s.TrustedProxies, the last address in
// X-Forwarded-For that is not a trusted proxy (proxies append the address
// they received the request from, so only the entries from the right up to
// the first untrusted one can be believed).
func (s *Server) clientAddr(r *http.Request) string {
	peer, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		peer = r.RemoteAddr
	}
	trusted := func(a string) bool {
		ip, err := netip.ParseAddr(strings.TrimSpace(a))
		if err != nil {
			return false
		}
		ip = ip.Unmap()
		for _, p := range s.TrustedProxies {
			if p.Contains(ip) {
				return true
			}
		}
		return false
	}
	if !trusted(peer) {
		return peer
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		h := strings.TrimSpace(hops[i])
		if _, err := netip.ParseAddr(h); err != nil {
			break // garbage: believe nothing further left
		}
		client = h
		if !trusted(h) {
			break
		}
	}
	return client
}
