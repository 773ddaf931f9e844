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
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"sinergi/tools/internal/harness"
)

type config struct {
	bin     string
	db      string
	rounds  int
	workers int
	minKill time.Duration
	maxKill time.Duration
	dir     string
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
	dsn, engine := "sqlite:"+filepath.Join(dir, "crash.db"), "sqlite"
	if c.db != "sqlite" {
		engine = "postgres"
		var drop func()
		if dsn, drop, err = harness.FreshPostgres(c.db, "sinergi_crash"); err != nil {
			return err
		}
		defer drop()
	}
	if err := harness.Demo(c.bin, dsn); err != nil {
		return err
	}
	token, err := harness.Token(c.bin, dsn, "admin@sinergi.test")
	if err != nil {
		return err
	}
	// the organisations there before the test (the demo's)
	v0, err := check(c, dsn, token, nil)
	if err != nil {
		return err
	}
	fmt.Printf("crashtest: %s, %d rounds, %d writers, kill after %v–%v\n", engine, c.rounds, c.workers, c.minKill, c.maxKill)
	var all []harness.Ack
	totalAcked, totalExtra := 0, 0
	for round := 1; round <= c.rounds; round++ {
		acked, inflight, killedAt, err := crashRound(c, dsn, token, round)
		if err != nil {
			return fmt.Errorf("round %d: %w", round, err)
		}
		all = append(all, acked...)
		// restart and check everything acknowledged so far, in every round
		v, err := check(c, dsn, token, all)
		if err != nil {
			return fmt.Errorf("round %d after restart: %w", round, err)
		}
		totalAcked += len(acked)
		totalExtra = v.Organizations - v0.Organizations - len(all)
		fmt.Printf("round %2d: killed after %4dms; %4d acknowledged (%d in flight); all %d acknowledged so far present; %d committed without acknowledgement so far; audit verify: %d entries intact\n",
			round, killedAt.Milliseconds(), len(acked), inflight, v.Present, totalExtra, v.AuditEntries)
	}
	fmt.Printf("crashtest: PASS %s: %d kills, %d acknowledged writes, none lost, %d committed without acknowledgement, audit chain intact\n",
		engine, c.rounds, totalAcked, totalExtra)
	return nil
}

// crashRound starts the server, writes until a random moment, kills it with
// SIGKILL and returns the acknowledged writes.
func crashRound(c config, dsn, token string, round int) ([]harness.Ack, int, time.Duration, error) {
	srv, err := harness.Start(c.bin, dsn, c.dir, "server")
	if err != nil {
		return nil, 0, 0, err
	}
	defer srv.Kill()
	client := harness.Client(c.workers)
	var mu sync.Mutex
	var acked []harness.Ack
	var bad []string
	inflight := 0
	stop := harness.Writers(c.workers, func(w, i int) bool {
		var answered *harness.StatusError
		name := fmt.Sprintf("Komunitas Uji Crash r%d w%d n%d", round, w, i)
		id, err := harness.CreateOrg(client, srv.Base, token, name)
		mu.Lock()
		defer mu.Unlock()
		switch {
		case errors.As(err, &answered):
			bad = append(bad, err.Error())
		case err != nil: // the server is gone: this write is in flight
			inflight++
		default:
			acked = append(acked, harness.Ack{ID: id, Name: name})
			return true
		}
		return false
	})
	wait := c.minKill + harness.RandDuration(c.maxKill-c.minKill)
	t0 := time.Now()
	time.Sleep(wait)
	srv.Kill()
	killedAt := time.Since(t0)
	stop()
	if len(bad) > 0 {
		return nil, 0, 0, fmt.Errorf("%d writes failed before the kill, first: %s", len(bad), bad[0])
	}
	if len(acked) == 0 {
		return nil, 0, 0, errors.New("no write acknowledged before the kill; raise -min")
	}
	return acked, inflight, killedAt, nil
}

// check restarts the server and verifies every acknowledged organisation,
// nothing half-written and the audit chain (harness.Verify).
func check(c config, dsn, token string, acked []harness.Ack) (harness.Verified, error) {
	srv, err := harness.Start(c.bin, dsn, c.dir, "server")
	if err != nil {
		return harness.Verified{}, err
	}
	defer srv.Stop()
	return harness.Verify(harness.Client(1), c.bin, dsn, srv.Base, token, acked)
}
