package notify

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// received is one message the test server accepted.
type received struct {
	From   string
	To     []string
	Data   string
	TLS    bool   // delivered after STARTTLS
	Authed string // user name of AUTH PLAIN, "" without
}

// smtpServer is a minimal SMTP server for tests: EHLO/HELO, optional
// STARTTLS and AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
type smtpServer struct {
	Addr string
	// Settings, fixed before the first connection.
	TLS        *tls.Config // offer STARTTLS when set
	User, Pass string      // offer AUTH PLAIN when User is set
	RcptReply  string      // e.g. "550 5.1.1 No such user"; "" accepts

	ln   net.Listener
	mu   sync.Mutex
	msgs []received
	wg   sync.WaitGroup
}

func startSMTP(t *testing.T, configure func(*smtpServer)) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{Addr: ln.Addr().String(), ln: ln}
	if configure != nil {
		configure(s)
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Add(1)
			go func() { defer s.wg.Done(); s.serve(c) }()
		}
	}()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

func (s *smtpServer) serve(c net.Conn) {
	defer func() { c.Close() }()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	tp := textproto.NewConn(c)
	reply := func(lines ...string) { // "250 OK" or several "250-…" lines
		for _, l := range lines {
			tp.PrintfLine("%s", l)
		}
	}
	reply("220 test.local ESMTP")
	var m received
	isTLS := false
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			lines := []string{"250-test.local"}
			if s.TLS != nil && !isTLS {
				lines = append(lines, "250-STARTTLS")
			}
			if s.User != "" {
				lines = append(lines, "250-AUTH PLAIN")
			}
			reply(append(lines, "250 8BITMIME")...)
		case "HELO":
			reply("250 test.local")
		case "STARTTLS":
			if s.TLS == nil || isTLS {
				reply("502 5.5.1 Not offered")
				continue
			}
			reply("220 2.0.0 Ready")
			tc := tls.Server(c, s.TLS)
			if tc.Handshake() != nil {
				return
			}
			c, isTLS, tp = tc, true, textproto.NewConn(tc)
			m = received{}
		case "AUTH":
			mech, cred, _ := strings.Cut(arg, " ")
			raw, _ := base64.StdEncoding.DecodeString(cred)
			parts := strings.Split(string(raw), "\x00")
			if strings.ToUpper(mech) != "PLAIN" || len(parts) != 3 || parts[1] != s.User || parts[2] != s.Pass {
				reply("535 5.7.8 Authentication credentials invalid")
				continue
			}
			m.Authed = parts[1]
			reply("235 2.7.0 Authentication successful")
		case "MAIL":
			m.From, m.To, m.TLS = address(arg), nil, isTLS
			reply("250 2.1.0 OK")
		case "RCPT":
			if s.RcptReply != "" {
				reply(s.RcptReply)
				continue
			}
			m.To = append(m.To, address(arg))
			reply("250 2.1.5 OK")
		case "DATA":
			if m.From == "" || len(m.To) == 0 {
				reply("503 5.5.1 Need MAIL and RCPT first")
				continue
			}
			reply("354 End data with <CR><LF>.<CR><LF>")
			data, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			m.Data = string(data)
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			m = received{Authed: m.Authed}
			reply("250 2.0.0 Queued")
		case "RSET":
			m = received{Authed: m.Authed}
			reply("250 2.0.0 OK")
		case "NOOP":
			reply("250 2.0.0 OK")
		case "QUIT":
			reply("221 2.0.0 Bye")
			return
		default:
			reply("500 5.5.2 Unknown command")
		}
	}
}

// address returns the path of "FROM:<a@b> BODY=8BITMIME".
func address(arg string) string {
	_, after, _ := strings.Cut(arg, "<")
	a, _, _ := strings.Cut(after, ">")
	return a
}

// testTLS returns a server config with a fresh self-signed certificate for
// 127.0.0.1 and a client config trusting it.
func testTLS(t *testing.T) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "test SMTP"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}},
		&tls.Config{RootCAs: pool}
}
