package web

import (
	"net/http/httptest"
	"net/netip"
	"testing"
)

// TestClientAddr: X-Forwarded-For is believed only from trusted proxies and
// only up to the first untrusted hop, so a client cannot pick the address
// the login lockout counts.
func TestClientAddr(t *testing.T) {
	s := &Server{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.1/32")}}
	for _, tt := range []struct {
		peer string
		xff  []string
		want string
	}{
		{"203.0.113.9:5000", nil, "203.0.113.9"},
		{"203.0.113.9:5000", []string{"198.51.100.7"}, "203.0.113.9"}, // untrusted peer: header ignored
		{"10.1.2.3:443", []string{"198.51.100.7"}, "198.51.100.7"},
		{"10.1.2.3:443", []string{"6.6.6.6, 198.51.100.7"}, "198.51.100.7"},             // the client's own claim (6.6.6.6) is not believed
		{"10.1.2.3:443", []string{"198.51.100.7, 192.0.2.1"}, "198.51.100.7"},           // two trusted proxies
		{"10.1.2.3:443", []string{"6.6.6.6", "198.51.100.7, 10.9.9.9"}, "198.51.100.7"}, // several header lines
		{"10.1.2.3:443", []string{"not-an-ip, 10.9.9.9"}, "10.9.9.9"},
		{"10.1.2.3:443", nil, "10.1.2.3"},
		{"[::ffff:10.1.2.3]:443", []string{"198.51.100.7"}, "198.51.100.7"},
	} {
		r := httptest.NewRequest("POST", "/login", nil)
		r.RemoteAddr = tt.peer
		for _, h := range tt.xff {
			r.Header.Add("X-Forwarded-For", h)
		}
		if got := s.clientAddr(r); got != tt.want {
			t.Errorf("peer %s, X-Forwarded-For %q: %s, want %s", tt.peer, tt.xff, got, tt.want)
		}
	}
}
