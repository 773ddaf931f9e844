// Command pgfault checks that the server survives PostgreSQL going away
// under load (issue 10, item 4). On a PostgreSQL of its own (data folder
// -pgdata, started by scripts/pg-start) it loads the demo data into a fresh
// database, starts `sinergi serve`, runs concurrent writers (organisations
// with unique names, every 201 recorded) and, per round, stops PostgreSQL
// (pg_ctl stop -m fast) for -down, then starts it again (pg_ctl restart,
// which reuses the saved options). It checks that
//
//   - /readyz answers 503 while the database is down and 200 again after,
//     with the same server process (no restart);
//
//   - the server keeps answering (no crash); writes while the database is
//     down fail with 503 (store.Unavailable), and writes succeed again
//     after it is back;
//
//   - every acknowledged write is present afterwards, there are as many
//     organisations as audit entries for them, and `sinergi audit verify`
//     passes.
//
//     scripts/pgfault   # builds, starts PostgreSQL on port 55441, runs this
//
// It stops and starts only the PostgreSQL of -pgdata and kills only the
// server it started, by its PID.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"time"

	"sinergi/tools/internal/harness"
)

type config struct {
	bin, admin, pgctl, pgdata string
	rounds, workers           int
	down, settle, readyMax    time.Duration
	dir, dsn, token           string
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "sinergi binary (required)")
	flag.StringVar(&c.admin, "db", "", "admin URL of the PostgreSQL to fault (required; a new database is created on it)")
	flag.StringVar(&c.pgctl, "pgctl", "", "pg_ctl of that PostgreSQL (required)")
	flag.StringVar(&c.pgdata, "pgdata", "", "its data folder (required)")
	flag.IntVar(&c.rounds, "rounds", 2, "PostgreSQL restarts")
	flag.IntVar(&c.workers, "workers", 8, "concurrent writers")
	flag.DurationVar(&c.down, "down", 2*time.Second, "how long PostgreSQL stays down")
	flag.DurationVar(&c.settle, "settle", time.Second, "load before each stop and after each recovery")
	flag.Parse()
	if c.bin == "" || c.admin == "" || c.pgctl == "" || c.pgdata == "" || c.rounds < 1 || c.workers < 1 {
		flag.Usage()
		os.Exit(2)
	}
	c.readyMax = 30 * time.Second
	t0 := time.Now()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "pgfault: FAIL:", err)
		os.Exit(1)
	}
	fmt.Printf("pgfault: PASS in %.1fs\n", time.Since(t0).Seconds())
}

func run(c config) error {
	dir, err := os.MkdirTemp("", "sinergi-pgfault-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	c.dir = dir
	dsn, drop, err := harness.FreshPostgres(c.admin, "sinergi_pgfault")
	if err != nil {
		return err
	}
	defer func() { pgctl(c, "start"); drop() }() // up again whatever happened
	c.dsn = dsn
	if err := harness.Demo(c.bin, dsn); err != nil {
		return err
	}
	if c.token, err = harness.Token(c.bin, dsn, "admin@sinergi.test"); err != nil {
		return err
	}
	srv, err := harness.Start(c.bin, dsn, dir, "server")
	if err != nil {
		return err
	}
	defer srv.Kill()
	pid := srv.Cmd.Process.Pid

	client := harness.Client(c.workers)
	var (
		mu     sync.Mutex
		acked  []harness.Ack
		failed = map[int]int{} // status → count, while faults happen
		gone   []string        // transport errors: the server did not answer
		phase  atomic.Int32    // 0 up, 1 down or recovering, 2 recovered
		after  int             // acknowledged after the last recovery
	)
	stop := harness.Writers(c.workers, func(w, i int) bool {
		name := fmt.Sprintf("Komunitas Uji Basis Data w%d n%d", w, i)
		var answered *harness.StatusError
		p := phase.Load()
		id, err := harness.CreateOrg(client, srv.Base, c.token, name)
		fault := p == 1 || phase.Load() != p // the request overlapped a fault
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err == nil:
			acked = append(acked, harness.Ack{ID: id, Name: name})
			if p == 2 {
				after++
			}
		case errors.As(err, &answered) && fault:
			failed[answered.Status]++
			time.Sleep(20 * time.Millisecond) // do not spin while the database is down
		default:
			gone = append(gone, err.Error())
			return false
		}
		return true
	})
	defer stop()
	var downFor, backIn []time.Duration
	for round := 1; round <= c.rounds; round++ {
		time.Sleep(c.settle)
		phase.Store(1)
		mu.Lock()
		after = 0
		mu.Unlock()
		t0 := time.Now()
		if out, err := pgctl(c, "stop", "-m", "fast"); err != nil {
			return fmt.Errorf("round %d: pg_ctl stop: %v: %s", round, err, out)
		}
		// /readyz must say 503 while the database is down
		nr, err := waitReady(srv, 503, c.readyMax)
		if err != nil {
			return fmt.Errorf("round %d, database down: %w", round, err)
		}
		time.Sleep(c.down - time.Since(t0))
		t1 := time.Now()
		if out, err := pgctl(c, "restart"); err != nil { // starts it with the saved options
			return fmt.Errorf("round %d: pg_ctl restart: %v: %s", round, err, out)
		}
		downFor = append(downFor, time.Since(t0))
		if _, err := waitReady(srv, 200, c.readyMax); err != nil {
			return fmt.Errorf("round %d, database back: %w", round, err)
		}
		backIn = append(backIn, time.Since(t1)) // from the start command to ready
		phase.Store(2)
		time.Sleep(c.settle)
		mu.Lock()
		n, g := after, len(gone)
		mu.Unlock()
		if g > 0 {
			return fmt.Errorf("round %d: the server stopped answering: %s", round, gone[0])
		}
		if n == 0 {
			return fmt.Errorf("round %d: no write acknowledged in %v after /readyz said 200 again", round, c.settle)
		}
		fmt.Printf("round %d: PostgreSQL stopped (fast) under %d writers; /readyz 503 after %dms; down %dms; /readyz 200 %dms after the start command; %d writes acknowledged in the %v after\n",
			round, c.workers, nr.Milliseconds(), downFor[round-1].Milliseconds(), backIn[round-1].Milliseconds(), n, c.settle)
	}
	stop()
	if len(gone) > 0 {
		return fmt.Errorf("the server stopped answering: %s", gone[0])
	}
	if srv.Cmd.ProcessState != nil || srv.Cmd.Process.Pid != pid {
		return errors.New("the server process is gone")
	}
	for st := range failed {
		if st != 503 {
			return fmt.Errorf("writes while the database was down got %d (want 503 with Retry-After): %v", st, failed)
		}
	}
	v, err := harness.Verify(client, c.bin, c.dsn, srv.Base, c.token, acked)
	if err != nil {
		return err
	}
	fmt.Printf("pgfault: %d restarts, same server process (pid %d) throughout; %d writes acknowledged, all present; failed while down, by status: %v; organisations = audit entries (%d); %s\n",
		c.rounds, pid, len(acked), failed, v.Organizations, v.Audit)
	return nil
}

// waitReady polls /readyz until it answers want and returns how long that took.
func waitReady(s *harness.Server, want int, max time.Duration) (time.Duration, error) {
	t0 := time.Now()
	last := 0
	for time.Since(t0) < max {
		if last = s.Ready(); last == want {
			return time.Since(t0), nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0, fmt.Errorf("/readyz still %d after %v, want %d", last, max, want)
}

// pgctl runs pg_ctl on the data folder, as the postgres user when root (as
// scripts/pg-start does).
func pgctl(c config, args ...string) ([]byte, error) {
	args = append([]string{c.pgctl, "-D", c.pgdata, "-w", "-l", c.pgdata + "/server.log"}, args...)
	if os.Getuid() == 0 {
		args = append([]string{"runuser", "-u", "postgres", "--"}, args...)
	}
	return exec.Command(args[0], args[1:]...).CombinedOutput()
}
