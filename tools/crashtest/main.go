// Command crashtest checks that acknowledged writes survive a crash (issue
// 10, item 3). For each round it starts `sinergi serve`, sends concurrent
// writes (organisations created through the API, each with a unique name),
// records every name that got 201, kills the server with SIGKILL at a random
// moment, restarts it, and checks that every acknowledged organisation is
// there with its name, that nothing is half-written (each organisation has
// its audit entry) and that `sinergi audit verify` passes.
//
//	go build -o /tmp/sinergi ./cmd/sinergi
//	go run ./tools/crashtest -bin /tmp/sinergi -rounds 10 -db sqlite
//	go run ./tools/crashtest -bin /tmp/sinergi -rounds 10 -db 'postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable'
//
// With a PostgreSQL URL it creates a fresh database on that server for the
// run and drops it at the end. Everything listens on 127.0.0.1; the only
// processes it kills are the servers it started, by their PID.
package main

import (
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
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

type config struct {
	bin      string
	db       string
	rounds   int
	workers  int
	minKill  time.Duration
	maxKill  time.Duration
	dir      string
	startMax time.Duration
}

type ack struct {
	id   int64
	name string
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "sinergi binary (required; go build -o … ./cmd/sinergi)")
	flag.StringVar(&c.db, "db", "sqlite", `"sqlite" (a new file in a temp dir) or a PostgreSQL admin URL (a new database is created on it)`)
	flag.IntVar(&c.rounds, "rounds", 10, "kills (rounds)")
	flag.IntVar(&c.workers, "workers", 16, "concurrent writers")
	flag.DurationVar(&c.minKill, "min", 300*time.Millisecond, "earliest kill after the writes start")
	flag.DurationVar(&c.maxKill, "max", 2500*time.Millisecond, "latest kill after the writes start")
	flag.Parse()
	if c.bin == "" || c.rounds < 1 || c.workers < 1 || c.maxKill < c.minKill {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "crashtest: FAIL:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	dir, err := os.MkdirTemp("", "sinergi-crash-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	c.dir = dir
	c.startMax = 60 * time.Second
	dsn, engine := "sqlite:"+filepath.Join(dir, "crash.db"), "sqlite"
	if c.db != "sqlite" {
		engine = "postgres"
		var drop func()
		if dsn, drop, err = freshPostgres(c.db); err != nil {
			return err
		}
		defer drop()
	}
	if out, err := exec.Command(c.bin, "demo", "--db", dsn).CombinedOutput(); err != nil {
		return fmt.Errorf("demo: %v: %s", err, out)
	}
	out, err := exec.Command(c.bin, "token", "create", "--user", "admin@sinergi.test", "--db", dsn).Output()
	if err != nil {
		return fmt.Errorf("token create: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	token := lines[len(lines)-1]
	if !strings.HasPrefix(token, "sng_") {
		return fmt.Errorf("token create printed %q", out)
	}
	// the organisations there before the test (the demo's)
	_, base0, _, err := check(c, dsn, token, 0, nil)
	if err != nil {
		return err
	}
	fmt.Printf("crashtest: %s, %d rounds, %d writers, kill after %v–%v\n", engine, c.rounds, c.workers, c.minKill, c.maxKill)
	var all []ack
	totalAcked, totalExtra := 0, 0
	for round := 1; round <= c.rounds; round++ {
		acked, inflight, killedAt, err := crashRound(c, dsn, token, round)
		if err != nil {
			return fmt.Errorf("round %d: %w", round, err)
		}
		all = append(all, acked...)
		// restart and check everything acknowledged so far, in every round
		present, extra, audited, err := check(c, dsn, token, base0, all)
		if err != nil {
			return fmt.Errorf("round %d after restart: %w", round, err)
		}
		totalAcked += len(acked)
		totalExtra = extra
		fmt.Printf("round %2d: killed after %4dms; %4d acknowledged (%d in flight); all %d acknowledged so far present; %d committed without acknowledgement so far; audit verify: %d entries intact\n",
			round, killedAt.Milliseconds(), len(acked), inflight, present, extra, audited)
	}
	fmt.Printf("crashtest: PASS %s: %d kills, %d acknowledged writes, none lost, %d committed without acknowledgement, audit chain intact\n",
		engine, c.rounds, totalAcked, totalExtra)
	return nil
}

// crashRound starts the server, writes until a random moment, kills it with
// SIGKILL and returns the acknowledged writes.
func crashRound(c config, dsn, token string, round int) ([]ack, int, time.Duration, error) {
	srv, base, err := start(c, dsn, fmt.Sprintf("round-%d", round))
	if err != nil {
		return nil, 0, 0, err
	}
	killed := false
	defer func() {
		if !killed {
			srv.Process.Signal(syscall.SIGKILL)
			srv.Wait()
		}
	}()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c.workers}}
	var mu sync.Mutex
	var acked []ack
	var bad []string
	inflight := 0
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1_000_000; i++ {
				select {
				case <-stop:
					return
				default:
				}
				name := fmt.Sprintf("Komunitas Uji Crash r%d w%d n%d", round, w, i)
				body := fmt.Sprintf(`{"name":%q,"sector":"community","region_code":"73.71"}`, name)
				req, _ := http.NewRequest("POST", base+"/api/v1/organizations", strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/json")
				res, err := client.Do(req)
				if err != nil { // the server is gone: this write is in flight
					mu.Lock()
					inflight++
					mu.Unlock()
					return
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusCreated {
					mu.Lock()
					bad = append(bad, fmt.Sprintf("%d %s", res.StatusCode, b))
					mu.Unlock()
					return
				}
				var o struct {
					ID   int64  `json:"id"`
					Name string `json:"name"`
				}
				if err := json.Unmarshal(b, &o); err != nil || o.ID == 0 || o.Name != name {
					mu.Lock()
					bad = append(bad, fmt.Sprintf("201 with body %s", b))
					mu.Unlock()
					return
				}
				mu.Lock()
				acked = append(acked, ack{o.ID, name})
				mu.Unlock()
			}
		}()
	}
	wait := c.minKill + randDuration(c.maxKill-c.minKill)
	t0 := time.Now()
	time.Sleep(wait)
	srv.Process.Signal(syscall.SIGKILL)
	killed = true
	srv.Wait()
	killedAt := time.Since(t0)
	close(stop)
	wg.Wait()
	if len(bad) > 0 {
		return nil, 0, 0, fmt.Errorf("%d writes failed before the kill, first: %s", len(bad), bad[0])
	}
	if len(acked) == 0 {
		return nil, 0, 0, errors.New("no write acknowledged before the kill; raise -min")
	}
	return acked, inflight, killedAt, nil
}

// check restarts the server, looks up every acknowledged organisation, counts
// organisations without an audit entry and runs `sinergi audit verify`.
func check(c config, dsn, token string, base0 int, acked []ack) (present, extra, audited int, err error) {
	srv, base, err := start(c, dsn, "check")
	if err != nil {
		return 0, 0, 0, err
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	client := &http.Client{Timeout: 30 * time.Second}
	get := func(path string, v any) (int, error) {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		if res.StatusCode == 200 && v != nil {
			return 200, json.NewDecoder(res.Body).Decode(v)
		}
		return res.StatusCode, nil
	}
	var missing []string
	for _, a := range acked {
		var o struct {
			Name string `json:"name"`
		}
		status, err := get(fmt.Sprintf("/api/v1/organizations/%d", a.id), &o)
		if err != nil {
			return 0, 0, 0, err
		}
		if status != 200 || o.Name != a.name {
			missing = append(missing, fmt.Sprintf("#%d %q (status %d, name %q)", a.id, a.name, status, o.Name))
			continue
		}
		present++
	}
	if len(missing) > 0 {
		return present, 0, 0, fmt.Errorf("LOST %d acknowledged writes, first: %s", len(missing), missing[0])
	}
	// nothing half-written: as many organisations as audit entries creating one
	var orgs, creates struct {
		Total int `json:"total"`
	}
	if _, err := get("/api/v1/organizations?limit=1", &orgs); err != nil {
		return 0, 0, 0, err
	}
	if _, err := get("/api/v1/audit?entity=organization&limit=1", &creates); err != nil {
		return 0, 0, 0, err
	}
	if orgs.Total != creates.Total {
		return 0, 0, 0, fmt.Errorf("HALF-WRITTEN: %d organisations but %d audit entries for organisations", orgs.Total, creates.Total)
	}
	extra = orgs.Total - base0 - len(acked)
	out, err := exec.Command(c.bin, "audit", "verify", "--db", dsn).CombinedOutput()
	if err != nil {
		return 0, 0, 0, fmt.Errorf("audit verify: %v: %s", err, out)
	}
	fmt.Sscanf(strings.SplitN(string(out), ":", 2)[1], "%d", &audited)
	return present, extra, audited, nil
}

// start launches `sinergi serve` on a free port and waits until /readyz
// answers 200.
func start(c config, dsn, label string) (*exec.Cmd, string, error) {
	port, err := freePort()
	if err != nil {
		return nil, "", err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	logf, err := os.OpenFile(filepath.Join(c.dir, "server.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, "", err
	}
	fmt.Fprintf(logf, "=== %s\n", label)
	cmd := exec.Command(c.bin, "serve", "--db", dsn, "--addr", addr, "--quiet")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, "", err
	}
	logf.Close()
	base := "http://" + addr
	deadline := time.Now().Add(c.startMax)
	for time.Now().Before(deadline) {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return cmd, base, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
	return nil, "", fmt.Errorf("server did not become ready in %v; log:\n%s", c.startMax, tail(log, 2000))
}

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
	name := "sinergi_crash_" + hex.EncodeToString(b)
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
