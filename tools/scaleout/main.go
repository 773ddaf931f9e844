// Command scaleout checks that several copies of `sinergi serve` can share
// one PostgreSQL (issue 10, item 9). It starts two copies (A and B) on a
// fresh database and an SMTP server of its own, then checks:
//
//  1. sessions: a login (POST /login) made on A works on B; a logout on B
//     ends the session on A too;
//
//  2. writes and reads: organisations created through the API on one copy
//     are read, with the same name, on the other;
//
//  3. background jobs run exactly once: proposals are tabled in every forum
//     (their deciding members want e-mail at once), both copies are
//     restarted at the same moment so both job loops race for the same
//     queue; every notification e-mail must reach the SMTP server exactly
//     once, and as many e-mails arrive as the database marks sent;
//
//  4. failover: concurrent writers spread over both copies, A is killed with
//     SIGKILL at a random moment, the writers carry on against B; B must
//     answer every request after the kill, and every write acknowledged by
//     either copy must be there afterwards, with its audit entry, and
//     `sinergi audit verify` must pass.
//
//     go build -o /tmp/sinergi ./cmd/sinergi
//     go run ./tools/scaleout -bin /tmp/sinergi -db 'postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable'
//
// It creates a new database on that server for the run and drops it at the
// end. Everything listens on 127.0.0.1; the only processes it kills are the
// servers it started, by their PID.
package main

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"sinergi/tools/internal/harness"
)

const demoPassword = "sinergi-demo-2026" // demo.Password

type config struct {
	bin, db     string
	dir, dsn    string
	workers     int
	rounds      int
	minKill     time.Duration
	maxKill     time.Duration
	after       time.Duration
	smtpDelay   time.Duration
	smtp        *smtpServer
	adminToken  string
	mailTimeout time.Duration
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "sinergi binary (required; go build -o … ./cmd/sinergi)")
	flag.StringVar(&c.db, "db", os.Getenv("SINERGI_TEST_POSTGRES"), "PostgreSQL admin URL (a new database is created on it); default $SINERGI_TEST_POSTGRES")
	flag.IntVar(&c.workers, "workers", 16, "concurrent writers in the failover step")
	flag.IntVar(&c.rounds, "rounds", 3, "rounds of the e-mail step (proposals tabled, both copies restarted together)")
	flag.DurationVar(&c.minKill, "min", 300*time.Millisecond, "earliest kill of copy A after the writes start")
	flag.DurationVar(&c.maxKill, "max", 1500*time.Millisecond, "latest kill of copy A after the writes start")
	flag.DurationVar(&c.after, "after", 2*time.Second, "how long the writers carry on against copy B after the kill")
	flag.DurationVar(&c.smtpDelay, "smtp-delay", 20*time.Millisecond, "delay of the test SMTP server per message (widens the race between the copies)")
	flag.Parse()
	if c.bin == "" || c.db == "" || c.workers < 1 || c.rounds < 1 || c.maxKill < c.minKill {
		flag.Usage()
		os.Exit(2)
	}
	c.mailTimeout = 60 * time.Second
	t0 := time.Now()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "scaleout: FAIL:", err)
		os.Exit(1)
	}
	fmt.Printf("scaleout: PASS in %.1fs\n", time.Since(t0).Seconds())
}

func run(c config) error {
	dir, err := os.MkdirTemp("", "sinergi-scaleout-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	c.dir = dir
	dsn, drop, err := harness.FreshPostgres(c.db, "sinergi_scaleout")
	if err != nil {
		return err
	}
	defer drop()
	c.dsn = dsn
	if out, err := exec.Command(c.bin, "demo", "--db", dsn).CombinedOutput(); err != nil {
		return fmt.Errorf("demo: %v: %s", err, out)
	}
	if c.adminToken, err = harness.Token(c.bin, c.dsn, "admin@sinergi.test"); err != nil {
		return err
	}
	if c.smtp, err = startSMTP(c.smtpDelay); err != nil {
		return err
	}
	defer c.smtp.close()

	a, err := start(c, "A")
	if err != nil {
		return err
	}
	b, err := start(c, "B")
	if err != nil {
		a.Kill()
		return err
	}
	defer func() { a.Kill(); b.Kill() }()
	fmt.Printf("scaleout: copies A %s (pid %d) and B %s (pid %d) on one PostgreSQL database\n", a.Base, a.Cmd.Process.Pid, b.Base, b.Cmd.Process.Pid)

	if err := checkSessions(a, b); err != nil {
		return fmt.Errorf("sessions: %w", err)
	}
	if err := checkWrites(c, a, b); err != nil {
		return fmt.Errorf("writes: %w", err)
	}
	if a, b, err = checkJobs(c, a, b); err != nil {
		return fmt.Errorf("jobs: %w", err)
	}
	defer func() { a.Kill(); b.Kill() }()
	if err := checkFailover(c, a, b); err != nil {
		return fmt.Errorf("failover: %w", err)
	}
	return nil
}

// ---- 1. sessions ----

func checkSessions(a, b *harness.Server) error {
	noRedirect := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := url.Values{"email": {"admin.ugm@sinergi.test"}, "password": {demoPassword}, "next": {"/account"}}
	res, err := noRedirect.PostForm(a.Base+"/login", form)
	if err != nil {
		return err
	}
	res.Body.Close()
	var session *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == "sinergi_session" && ck.Value != "" {
			session = ck
		}
	}
	if res.StatusCode != http.StatusSeeOther || session == nil {
		return fmt.Errorf("login on A: status %d, session cookie %v", res.StatusCode, session != nil)
	}
	page := func(s *harness.Server) (int, string, error) {
		req, _ := http.NewRequest("GET", s.Base+"/account", nil)
		req.AddCookie(session)
		res, err := noRedirect.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body), nil
	}
	st, body, err := page(b)
	if err != nil {
		return err
	}
	if st != 200 || !strings.Contains(body, "admin.ugm@sinergi.test") {
		return fmt.Errorf("the session made on A is not accepted on B: GET /account → %d", st)
	}
	// logout on B ends the session on A
	req, _ := http.NewRequest("POST", b.Base+"/logout", nil)
	req.AddCookie(session)
	if res, err = noRedirect.Do(req); err != nil {
		return err
	}
	res.Body.Close()
	if st, _, err = page(a); err != nil {
		return err
	}
	if st == 200 {
		return errors.New("after logout on B the session still works on A")
	}
	fmt.Printf("sessions: login on A accepted on B (GET /account 200); logout on B ends it on A (GET /account %d)\n", st)
	return nil
}

// ---- 2. writes and reads ----

func checkWrites(c config, a, b *harness.Server) error {
	client := &http.Client{Timeout: 30 * time.Second}
	n := 0
	for i := range 20 {
		w, r := a, b
		if i%2 == 1 {
			w, r = b, a
		}
		name := fmt.Sprintf("Komunitas Skala %d via %s", i, w.Name)
		id, err := harness.CreateOrg(client, w.Base, c.adminToken, name)
		if err != nil {
			return fmt.Errorf("create on %s: %w", w.Name, err)
		}
		var got struct {
			Name string `json:"name"`
		}
		st, err := harness.GetJSON(client, r.Base, c.adminToken, fmt.Sprintf("/api/v1/organizations/%d", id), &got)
		if err != nil {
			return err
		}
		if st != 200 || got.Name != name {
			return fmt.Errorf("organisation #%d written on %s, read on %s: status %d, name %q", id, w.Name, r.Name, st, got.Name)
		}
		n++
	}
	fmt.Printf("writes: %d organisations written on one copy and read at once on the other, all equal\n", n)
	return nil
}

// ---- 3. background jobs exactly once ----

var proposalLink = regexp.MustCompile(`/proposals/(\d+)`)

func checkJobs(c config, a, b *harness.Server) (*harness.Server, *harness.Server, error) {
	client := &http.Client{Timeout: 30 * time.Second}
	// every account wants new proposals by e-mail at once
	var users []struct {
		Email  string `json:"email"`
		Active bool   `json:"active"`
	}
	out, err := exec.Command(c.bin, "user", "list", "--json", "--db", c.dsn).Output()
	if err != nil {
		return a, b, fmt.Errorf("user list: %v", err)
	}
	if err := json.Unmarshal(out, &users); err != nil {
		return a, b, fmt.Errorf("user list: %v", err)
	}
	for i, u := range users {
		if !u.Active {
			continue
		}
		tok, err := harness.Token(c.bin, c.dsn, u.Email)
		if err != nil {
			return a, b, err
		}
		s := []*harness.Server{a, b}[i%2]
		st, body, err := harness.Do(client, "PUT", s.Base+"/api/v1/me/notification-preferences", tok, `{"email":{"proposal_new":"immediate"}}`)
		if err != nil {
			return a, b, err
		}
		if st != 200 {
			return a, b, fmt.Errorf("preferences of %s: %d %s", u.Email, st, body)
		}
	}
	var forums struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	st, body, err := harness.Do(client, "GET", a.Base+"/api/v1/forums?limit=100", c.adminToken, "")
	if err != nil || st != 200 {
		return a, b, fmt.Errorf("forums: %d %v", st, err)
	}
	if err := json.Unmarshal([]byte(body), &forums); err != nil {
		return a, b, err
	}
	db, err := sql.Open("pgx", c.dsn)
	if err != nil {
		return a, b, err
	}
	defer db.Close()
	closes := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	proposals := 0
	for round := 1; round <= c.rounds; round++ {
		for i, f := range forums.Items {
			s := []*harness.Server{a, b}[i%2]
			st, body, err := harness.Do(client, "POST", fmt.Sprintf("%s/api/v1/forums/%d/proposals", s.Base, f.ID), c.adminToken,
				fmt.Sprintf(`{"title":"Usulan skala r%d f%d","body":"Uji beberapa salinan.","closes_at":%q}`, round, f.ID, closes))
			if err != nil {
				return a, b, err
			}
			if st == 201 {
				proposals++
			} else if st >= 500 {
				return a, b, fmt.Errorf("proposal in forum %d: %d %s", f.ID, st, body)
			}
		}
		var queued int
		if err := db.QueryRow(`SELECT count(*) FROM notifications WHERE email_state = 'immediate'`).Scan(&queued); err != nil {
			return a, b, err
		}
		// restart both copies at the same moment: each runs its jobs at start
		a.Stop()
		b.Stop()
		var errA, errB error
		var wg sync.WaitGroup
		wg.Go(func() { a, errA = start(c, "A") })
		wg.Go(func() { b, errB = start(c, "B") })
		wg.Wait()
		if err := errors.Join(errA, errB); err != nil {
			return a, b, err
		}
		deadline := time.Now().Add(c.mailTimeout)
		for {
			var left int
			if err := db.QueryRow(`SELECT count(*) FROM notifications WHERE email_state = 'immediate'`).Scan(&left); err != nil {
				return a, b, err
			}
			if left == 0 {
				break
			}
			if time.Now().After(deadline) {
				return a, b, fmt.Errorf("round %d: %d e-mails still queued after %v", round, left, c.mailTimeout)
			}
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond) // a duplicate would arrive now
		msgs := c.smtp.messages()
		seen := map[string]int{}
		for _, m := range msgs {
			id := proposalLink.FindStringSubmatch(m.body)
			if id == nil {
				return a, b, fmt.Errorf("an e-mail without a proposal link to %s", m.rcpt)
			}
			seen[m.rcpt+" "+id[1]]++
		}
		dups := 0
		for k, n := range seen {
			if n > 1 {
				dups++
				fmt.Printf("  DUPLICATE: %s delivered %d times\n", k, n)
			}
		}
		var sent int
		if err := db.QueryRow(`SELECT count(*) FROM notifications WHERE email_state = 'sent'`).Scan(&sent); err != nil {
			return a, b, err
		}
		byA, byB := logCount(c, "A"), logCount(c, "B")
		fmt.Printf("jobs round %d: %d proposals so far, %d e-mails queued, both copies restarted together; delivered %d messages for %d distinct (recipient, proposal), database marks %d sent; copy logs report %d sent by A, %d by B\n",
			round, proposals, queued, len(msgs), len(seen), sent, byA, byB)
		if dups > 0 {
			return a, b, fmt.Errorf("%d e-mails delivered more than once", dups)
		}
		if sent != len(msgs) {
			return a, b, fmt.Errorf("database marks %d sent but the SMTP server received %d", sent, len(msgs))
		}
		if queued == 0 {
			return a, b, errors.New("no e-mail was queued: nothing tested")
		}
	}
	return a, b, nil
}

// logCount sums the "notification e-mails sent" counts in a copy's log.
func logCount(c config, name string) int {
	f, err := os.Open(filepath.Join(c.dir, name+".log"))
	if err != nil {
		return 0
	}
	defer f.Close()
	total := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l struct {
			Msg   string `json:"msg"`
			Count int    `json:"count"`
		}
		if json.Unmarshal(sc.Bytes(), &l) == nil && l.Msg == "notification e-mails sent" {
			total += l.Count
		}
	}
	return total
}

// ---- 4. failover ----

func checkFailover(c config, a, b *harness.Server) error {
	client := harness.Client(c.workers)
	var (
		mu                 sync.Mutex
		acked              []harness.Ack
		bad                []string
		inflight           int
		ackA, ackB, afterB int
		aDead, killed      atomic.Bool
	)
	stop := harness.Writers(c.workers, func(w, i int) bool {
		s := []*harness.Server{a, b}[(w+i)%2]
		if s == a && aDead.Load() {
			s = b
		}
		name := fmt.Sprintf("Komunitas Uji Failover w%d n%d", w, i)
		id, err := harness.CreateOrg(client, s.Base, c.adminToken, name)
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err != nil && s == a && killed.Load():
			inflight++ // A is gone: this write was in flight
			aDead.Store(true)
		case err != nil:
			bad = append(bad, fmt.Sprintf("%s: %v", s.Name, err))
		default:
			acked = append(acked, harness.Ack{ID: id, Name: name})
			if s == a {
				ackA++
			} else {
				ackB++
				if killed.Load() {
					afterB++
				}
			}
		}
		return true
	})
	wait := c.minKill + harness.RandDuration(c.maxKill-c.minKill)
	time.Sleep(wait)
	killed.Store(true)
	a.Kill() // by PID, the copy this tool started
	aDead.Store(true)
	time.Sleep(c.after)
	stop()
	if len(bad) > 0 {
		return fmt.Errorf("%d requests failed on a live copy, first: %s", len(bad), bad[0])
	}
	if afterB == 0 {
		return errors.New("copy B acknowledged nothing after A was killed")
	}
	// every acknowledged write is there (read through B), nothing half-written, audit chain intact
	v, err := harness.Verify(client, c.bin, c.dsn, b.Base, c.adminToken, acked)
	if err != nil {
		return err
	}
	fmt.Printf("failover: %d writers over both copies, A killed (SIGKILL) after %dms; acknowledged %d by A, %d by B (%d of them after the kill, in %v); %d in flight on A; zero errors on B; all %d acknowledged present; organisations = audit entries (%d); %s\n",
		c.workers, wait.Milliseconds(), ackA, ackB, afterB, c.after, inflight, v.Present, v.Organizations, v.Audit)
	return nil
}

// start launches copy name with e-mail to the test SMTP server.
func start(c config, name string) (*harness.Server, error) {
	return harness.Start(c.bin, c.dsn, c.dir, name,
		"--smtp-addr", c.smtp.addr, "--smtp-from", "Sinergi <noreply@sinergi.test>", "--public-url", "https://sinergi.test")
}

// ---- a minimal SMTP server (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) ----

type message struct{ rcpt, body string }

type smtpServer struct {
	addr  string
	delay time.Duration
	ln    net.Listener
	mu    sync.Mutex
	msgs  []message
	wg    sync.WaitGroup
}

func startSMTP(delay time.Duration) (*smtpServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &smtpServer{addr: ln.Addr().String(), delay: delay, ln: ln}
	s.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Go(func() { s.serve(c) })
		}
	})
	return s, nil
}

func (s *smtpServer) close() { s.ln.Close(); s.wg.Wait() }

func (s *smtpServer) messages() []message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]message(nil), s.msgs...)
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(60 * time.Second))
	tp := textproto.NewConn(c)
	tp.PrintfLine("220 test.local ESMTP")
	var rcpts []string
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			tp.PrintfLine("250-test.local")
			tp.PrintfLine("250 8BITMIME")
		case "HELO", "NOOP":
			tp.PrintfLine("250 OK")
		case "MAIL":
			rcpts = nil
			tp.PrintfLine("250 OK")
		case "RCPT":
			_, to, _ := strings.Cut(arg, ":")
			rcpts = append(rcpts, strings.Trim(strings.TrimSpace(to), "<>"))
			tp.PrintfLine("250 OK")
		case "DATA":
			tp.PrintfLine("354 Go ahead")
			raw, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			time.Sleep(s.delay)
			body := raw
			if _, b, ok := bytes.Cut(raw, []byte("\r\n\r\n")); ok {
				if dec, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(b))); err == nil {
					body = dec
				}
			} else if _, b, ok := bytes.Cut(raw, []byte("\n\n")); ok {
				if dec, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(b))); err == nil {
					body = dec
				}
			}
			s.mu.Lock()
			for _, r := range rcpts {
				s.msgs = append(s.msgs, message{rcpt: r, body: string(body)})
			}
			s.mu.Unlock()
			rcpts = nil
			tp.PrintfLine("250 OK queued")
		case "RSET":
			rcpts = nil
			tp.PrintfLine("250 OK")
		case "QUIT":
			tp.PrintfLine("221 Bye")
			return
		default:
			tp.PrintfLine("502 5.5.2 Not implemented")
		}
	}
}
