// Command forumclient measures the latency of single requests, one at a
// time, for bench/forum.sh (see docs/benchmarks.md): for each target it
// sends --warmup requests, then --n more, sequentially over one kept-alive
// connection to 127.0.0.1, and times each from sending the request to having
// read the whole body. It prints one tab-separated line per target:
//
//	name  n  p50_ms  p90_ms  p99_ms  max_ms  mean_ms  bytes
//
//	go run ./bench/forumclient --base http://127.0.0.1:8080 --token sng_… \
//	    --save /tmp/bodies forum=/forums/1 'list-api=/api/v1/proposals?forum_id=1'
//
// A target is NAME=PATH. Every response must be 200 (the run stops at the
// first that is not); --expect NAME=TEXT (repeatable) also requires TEXT in
// NAME's body, checked on the first response. --save DIR writes each
// target's last body to DIR/NAME.body (for the bare peer). Percentiles are
// nearest-rank over the --n measured requests.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func main() {
	base := flag.String("base", "", "server base URL, e.g. http://127.0.0.1:8080 (loopback only)")
	token := flag.String("token", "", "bearer token sent with every request (empty: none)")
	n := flag.Int("n", 200, "measured requests per target (1–100000)")
	warmup := flag.Int("warmup", 10, "unmeasured requests per target first")
	save := flag.String("save", "", "directory to write each target's body to (NAME.body)")
	var expect multi
	flag.Var(&expect, "expect", "NAME=TEXT: the body of NAME must contain TEXT (repeatable)")
	flag.Parse()
	if err := run(*base, *token, *n, *warmup, *save, expect, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "forumclient:", err)
		os.Exit(1)
	}
}

func run(base, token string, n, warmup int, save string, expect, targets []string) error {
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		return fmt.Errorf("--base must be http://127.0.0.1:PORT (got %q)", base)
	}
	if n < 1 || n > 100000 || warmup < 0 || warmup > 100000 {
		return fmt.Errorf("--n must be 1–100000 and --warmup 0–100000")
	}
	if len(targets) == 0 {
		return fmt.Errorf("no targets (NAME=PATH)")
	}
	want := map[string][]string{}
	for _, e := range expect {
		name, text, ok := strings.Cut(e, "=")
		if !ok {
			return fmt.Errorf("--expect %q: want NAME=TEXT", e)
		}
		want[name] = append(want[name], text)
	}
	// One connection, kept alive, no compression: what is timed is the
	// server's work plus one loopback round trip.
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}}
	for _, t := range targets {
		name, path, ok := strings.Cut(t, "=")
		if !ok || !strings.HasPrefix(path, "/") {
			return fmt.Errorf("target %q: want NAME=/path", t)
		}
		var body []byte
		get := func() (time.Duration, error) {
			req, err := http.NewRequest(http.MethodGet, base+path, nil)
			if err != nil {
				return 0, err
			}
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			t0 := time.Now()
			resp, err := client.Do(req)
			if err != nil {
				return 0, err
			}
			body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			d := time.Since(t0)
			if err != nil {
				return 0, err
			}
			if resp.StatusCode != http.StatusOK {
				return 0, fmt.Errorf("%s: %s answered %d: %.300s", name, path, resp.StatusCode, body)
			}
			return d, nil
		}
		if _, err := get(); err != nil {
			return err
		}
		for _, text := range want[name] {
			if !bytes.Contains(body, []byte(text)) {
				return fmt.Errorf("%s: %s does not contain %q", name, path, text)
			}
		}
		for range warmup {
			if _, err := get(); err != nil {
				return err
			}
		}
		ds := make([]time.Duration, n)
		var sum time.Duration
		for i := range ds {
			d, err := get()
			if err != nil {
				return err
			}
			ds[i] = d
			sum += d
		}
		slices.Sort(ds)
		fmt.Printf("%s\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\n", name, n, ms(rank(ds, 50)), ms(rank(ds, 90)), ms(rank(ds, 99)), ms(ds[n-1]), ms(sum/time.Duration(n)), len(body))
		if save != "" {
			if err := os.WriteFile(filepath.Join(save, name+".body"), body, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// rank is the nearest-rank p-th percentile of sorted ds.
func rank(ds []time.Duration, p int) time.Duration {
	i := (p*len(ds)+99)/100 - 1
	return ds[max(0, min(i, len(ds)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
