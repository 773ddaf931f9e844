// Command profile runs the Sinergi HTTP handler in-process, built exactly as
// `sinergi serve` builds it (store.Open, Migrate, web.New(…).WithQuiet(true)
// .Handler()), and writes a CPU profile while an external load generator
// (wrk) drives it. The server itself exposes no pprof endpoint; this is the
// way to see where its time goes without changing it.
//
//	go run ./bench/profile --db sqlite:/tmp/bench.db --addr 127.0.0.1:18090 \
//	    --seconds 10 --cpuprofile /tmp/cpu.pprof &
//	wrk -t2 -c32 -d10s 'http://127.0.0.1:18090/api/v1/organizations?sector=private_company&limit=50'
//	go tool pprof -top /tmp/cpu.pprof
//
// It prints "profile ready: URL" when listening, starts the profile with the
// first request, stops it --seconds later and exits. bench/profile.sh wraps
// all of this.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"sync"
	"time"

	"sinergi/store"
	"sinergi/web"
)

func main() {
	dsn := flag.String("db", "", "database: sqlite:PATH or postgres://…")
	addr := flag.String("addr", "127.0.0.1:18090", "listen address")
	seconds := flag.Int("seconds", 10, "length of the CPU profile, from the first request (1–600)")
	cpu := flag.String("cpuprofile", "cpu.pprof", "CPU profile output file")
	flag.Parse()
	if err := run(*dsn, *addr, *seconds, *cpu); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(dsn, addr string, seconds int, cpuFile string) error {
	if seconds < 1 || seconds > 600 {
		return fmt.Errorf("--seconds must be 1–600")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	h := web.New(db, log, "bench-profile").WithQuiet(true).Handler()

	f, err := os.Create(cpuFile)
	if err != nil {
		return err
	}
	defer f.Close()
	var once sync.Once
	started := make(chan struct{})
	start := func() {
		once.Do(func() {
			if err := pprof.StartCPUProfile(f); err != nil {
				fmt.Fprintln(os.Stderr, "profile:", err)
			}
			close(started)
		})
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" { // readiness polls do not start the clock
			start()
		}
		h.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	fmt.Printf("profile ready: http://%s\n", ln.Addr())

	// Wait for the first request (at most ten minutes), then profile.
	select {
	case <-started:
	case <-time.After(10 * time.Minute):
		return fmt.Errorf("no request within ten minutes")
	}
	time.Sleep(time.Duration(seconds) * time.Second)
	pprof.StopCPUProfile()
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	fmt.Printf("profile written: %s\n", cpuFile)
	return nil
}
