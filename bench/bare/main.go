// Command bare is the peer of the Sinergi benchmarks: a plain net/http
// server that answers every request, at every path, with the same bytes
// read once from --body, as application/json. It has no database, no
// middleware and no JSON encoding, so comparing it with `sinergi serve` on
// the same response shows what the application adds on top of Go's HTTP
// stack (see bench/api.sh and docs/benchmarks.md).
//
//	go run ./bench/bare --addr 127.0.0.1:18081 --body /tmp/orgs.json
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18081", "listen address")
	body := flag.String("body", "", "file whose bytes every response carries")
	flag.Parse()
	if err := run(*addr, *body); err != nil {
		fmt.Fprintln(os.Stderr, "bare:", err)
		os.Exit(1)
	}
}

func run(addr, file string) error {
	if file == "" {
		return fmt.Errorf("--body FILE is required")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	size := strconv.Itoa(len(b))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", size)
		w.Write(b)
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// The same timeouts as `sinergi serve`, so that connection handling
	// matches.
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Printf("bare ready: http://%s (%d bytes)\n", ln.Addr(), len(b))
	return srv.Serve(ln)
}
