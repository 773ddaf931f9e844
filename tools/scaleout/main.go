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
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
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
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
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
	startMax    time.Duration
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
	c.startMax = 60 * time.Second
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
	dsn, drop, err := freshPostgres(c.db)
	if err != nil {
		return err
	}
	defer drop()
	c.dsn = dsn
	if out, err := exec.Command(c.bin, "demo", "--db", dsn).CombinedOutput(); err != nil {
		return fmt.Errorf("demo: %v: %s", err, out)
	}
	if c.adminToken, err = token(c, "admin@sinergi.test"); err != nil {
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
		a.kill()
		return err
	}
	defer func() { a.kill(); b.kill() }()
	fmt.Printf("scaleout: copies A %s (pid %d) and B %s (pid %d) on one PostgreSQL database\n", a.base, a.cmd.Process.Pid, b.base, b.cmd.Process.Pid)

	if err := checkSessions(a, b); err != nil {
		return fmt.Errorf("sessions: %w", err)
	}
	if err := checkWrites(c, a, b); err != nil {
		return fmt.Errorf("writes: %w", err)
	}
	if a, b, err = checkJobs(c, a, b); err != nil {
		return fmt.Errorf("jobs: %w", err)
	}
	defer func() { a.kill(); b.kill() }()
	if err := checkFailover(c, a, b); err != nil {
		return fmt.Errorf("failover: %w", err)
	}
	return nil
}

// ---- 1. sessions ----

func checkSessions(a, b *server) error {
	noRedirect := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := url.Values{"email": {"admin.ugm@sinergi.test"}, "password": {demoPassword}, "next": {"/account"}}
	res, err := noRedirect.PostForm(a.base+"/login", form)
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
	page := func(s *server) (int, string, error) {
		req, _ := http.NewRequest("GET", s.base+"/account", nil)
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
	req, _ := http.NewRequest("POST", b.base+"/logout", nil)
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

func checkWrites(c config, a, b *server) error {
	client := &http.Client{Timeout: 30 * time.Second}
	n := 0
	for i := range 20 {
		w, r := a, b
		if i%2 == 1 {
			w, r = b, a
		}
		name := fmt.Sprintf("Komunitas Skala %d via %s", i, w.name)
		id, err := createOrg(client, w.base, c.adminToken, name)
		if err != nil {
			return fmt.Errorf("create on %s: %w", w.name, err)
		}
		got, st, err := getOrg(client, r.base, c.adminToken, id)
		if err != nil {
			return err
		}
		if st != 200 || got != name {
			return fmt.Errorf("organisation #%d written on %s, read on %s: status %d, name %q", id, w.name, r.name, st, got)
		}
		n++
	}
	fmt.Printf("writes: %d organisations written on one copy and read at once on the other, all equal\n", n)
	return nil
}

// ---- 3. background jobs exactly once ----

var proposalLink = regexp.MustCompile(`/proposals/(\d+)`)

func checkJobs(c config, a, b *server) (*server, *server, error) {
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
		tok, err := token(c, u.Email)
		if err != nil {
			return a, b, err
		}
		s := []*server{a, b}[i%2]
		st, body, err := do(client, "PUT", s.base+"/api/v1/me/notification-preferences", tok, `{"email":{"proposal_new":"immediate"}}`)
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
	st, body, err := do(client, "GET", a.base+"/api/v1/forums?limit=100", c.adminToken, "")
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
			s := []*server{a, b}[i%2]
			st, body, err := do(client, "POST", fmt.Sprintf("%s/api/v1/forums/%d/proposals", s.base, f.ID), c.adminToken,
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
		a.stop()
		b.stop()
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

type ack struct {
	id   int64
	name string
}

func checkFailover(c config, a, b *server) error {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c.workers}}
	var (
		mu                  sync.Mutex
		acked               []ack
		bad                 []string
		inflight            int
		ackA, ackB, afterB  int
		aDead, killed, stop atomic.Bool
	)
	var wg sync.WaitGroup
	for w := range c.workers {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				s := []*server{a, b}[(w+i)%2]
				if s == a && aDead.Load() {
					s = b
				}
				name := fmt.Sprintf("Komunitas Uji Failover w%d n%d", w, i)
				id, err := createOrg(client, s.base, c.adminToken, name)
				mu.Lock()
				switch {
				case err != nil && s == a && killed.Load():
					inflight++ // A is gone: this write was in flight
					aDead.Store(true)
				case err != nil:
					bad = append(bad, fmt.Sprintf("%s: %v", s.name, err))
				default:
					acked = append(acked, ack{id, name})
					if s == a {
						ackA++
					} else {
						ackB++
						if killed.Load() {
							afterB++
						}
					}
				}
				mu.Unlock()
			}
		})
	}
	wait := c.minKill + randDuration(c.maxKill-c.minKill)
	time.Sleep(wait)
	killed.Store(true)
	a.cmd.Process.Signal(syscall.SIGKILL) // by PID, the copy this tool started
	a.cmd.Wait()
	a.done = true
	aDead.Store(true)
	time.Sleep(c.after)
	stop.Store(true)
	wg.Wait()
	if len(bad) > 0 {
		return fmt.Errorf("%d requests failed on a live copy, first: %s", len(bad), bad[0])
	}
	if afterB == 0 {
		return errors.New("copy B acknowledged nothing after A was killed")
	}
	// every acknowledged write is there, read through B
	missing := 0
	for _, k := range acked {
		got, st, err := getOrg(client, b.base, c.adminToken, k.id)
		if err != nil {
			return err
		}
		if st != 200 || got != k.name {
			missing++
		}
	}
	if missing > 0 {
		return fmt.Errorf("LOST %d of %d acknowledged writes", missing, len(acked))
	}
	var orgs, creates struct {
		Total int `json:"total"`
	}
	for _, q := range []struct {
		path string
		v    any
	}{{"/api/v1/organizations?limit=1", &orgs}, {"/api/v1/audit?entity=organization&limit=1", &creates}} {
		st, body, err := do(client, "GET", b.base+q.path, c.adminToken, "")
		if err != nil || st != 200 {
			return fmt.Errorf("GET %s: %d %v", q.path, st, err)
		}
		json.Unmarshal([]byte(body), q.v)
	}
	if orgs.Total != creates.Total {
		return fmt.Errorf("HALF-WRITTEN: %d organisations but %d audit entries for organisations", orgs.Total, creates.Total)
	}
	out, err := exec.Command(c.bin, "audit", "verify", "--db", c.dsn).CombinedOutput()
	if err != nil {
		return fmt.Errorf("audit verify: %v: %s", err, out)
	}
	fmt.Printf("failover: %d writers over both copies, A killed (SIGKILL) after %dms; acknowledged %d by A, %d by B (%d of them after the kill, in %v); %d in flight on A; zero errors on B; all %d acknowledged present; organisations = audit entries (%d); %s",
		c.workers, wait.Milliseconds(), ackA, ackB, afterB, c.after, inflight, len(acked), orgs.Total, out)
	return nil
}

// ---- HTTP helpers ----

func do(client *http.Client, method, url, tok, body string) (int, string, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Authorization", "Bearer "+tok)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, string(b), err
}

func createOrg(client *http.Client, base, tok, name string) (int64, error) {
	st, body, err := do(client, "POST", base+"/api/v1/organizations", tok, fmt.Sprintf(`{"name":%q,"sector":"community","region_code":"73.71"}`, name))
	if err != nil {
		return 0, err
	}
	var o struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if st != http.StatusCreated || json.Unmarshal([]byte(body), &o) != nil || o.ID == 0 || o.Name != name {
		return 0, fmt.Errorf("status %d: %.200s", st, body)
	}
	return o.ID, nil
}

func getOrg(client *http.Client, base, tok string, id int64) (string, int, error) {
	st, body, err := do(client, "GET", fmt.Sprintf("%s/api/v1/organizations/%d", base, id), tok, "")
	if err != nil {
		return "", 0, err
	}
	var o struct {
		Name string `json:"name"`
	}
	json.Unmarshal([]byte(body), &o)
	return o.Name, st, nil
}

func token(c config, email string) (string, error) {
	out, err := exec.Command(c.bin, "token", "create", "--user", email, "--db", c.dsn).Output()
	if err != nil {
		return "", fmt.Errorf("token create %s: %v", email, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	t := lines[len(lines)-1]
	if !strings.HasPrefix(t, "sng_") {
		return "", fmt.Errorf("token create printed %q", out)
	}
	return t, nil
}

// ---- server copies ----

type server struct {
	name, base string
	cmd        *exec.Cmd
	done       bool
}

// start launches copy name of `sinergi serve` on a free port, with e-mail
// to the test SMTP server, and waits until /readyz answers 200.
func start(c config, name string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	logf, err := os.OpenFile(filepath.Join(c.dir, name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.bin, "serve", "--db", c.dsn, "--addr", addr, "--quiet",
		"--smtp-addr", c.smtp.addr, "--smtp-from", "Sinergi <noreply@sinergi.test>", "--public-url", "https://sinergi.test")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	logf.Close()
	s := &server{name: name, base: "http://" + addr, cmd: cmd}
	deadline := time.Now().Add(c.startMax)
	for time.Now().Before(deadline) {
		res, err := http.Get(s.base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return s, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.kill()
	log, _ := os.ReadFile(filepath.Join(c.dir, name+".log"))
	return nil, fmt.Errorf("copy %s did not become ready in %v; log:\n%s", name, c.startMax, tail(log, 2000))
}

// stop ends the copy gracefully (SIGTERM) and waits for it.
func (s *server) stop() {
	if s == nil || s.done {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	s.cmd.Wait()
	s.done = true
}

func (s *server) kill() {
	if s == nil || s.done {
		return
	}
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
	s.done = true
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

// ---- misc ----

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randDuration(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	n, _ := rand.Int(rand.Reader, big.NewInt(int64(max)))
	return time.Duration(n.Int64())
}

// freshPostgres creates a new database on the server of admin and returns
// its URL and a function that drops it.
func freshPostgres(admin string) (string, func(), error) {
	b := make([]byte, 6)
	rand.Read(b)
	name := "sinergi_scaleout_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return "", nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("create database: %w", err)
	}
	u, err := url.Parse(admin)
	if err != nil {
		db.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		db.Close()
	}, nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return bytes.Clone(b)
}
