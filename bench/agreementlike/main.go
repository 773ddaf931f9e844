// Command agreementlike is the peer of the agreement search in
// bench/agreements.sh: the way the registry searched before its full-text
// index (migration 0013) — a lower-cased substring match, LIKE '%q%', over
// agreements.search_text — timed directly on the same database, without
// HTTP, JSON or loading the parties of a page, so it is a lower bound of
// what the old search cost. Per target, one count(*) and the first page of
// 50 ids newest first, as the list does; --warmup unmeasured rounds, then
// --n measured. It prints what bench/forumclient prints, one line a target:
//
//	name  n  p50_ms  p90_ms  p99_ms  max_ms  mean_ms  total
//
//	go run ./bench/agreementlike --db sqlite:/tmp/ks.db rare=galangan 'active=jalan|active'
//
// A target is NAME=TEXT or NAME=TEXT|active (only agreements in force and
// not expiring, as ?status=active selects).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"sinergi/bench/internal/benchdb"
)

func main() {
	dsn := flag.String("db", "", "database: sqlite:PATH or postgres://…")
	n := flag.Int("n", 20, "measured rounds per target")
	warmup := flag.Int("warmup", 2, "unmeasured rounds per target first")
	flag.Parse()
	if err := run(*dsn, *n, *warmup, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "agreementlike:", err)
		os.Exit(1)
	}
}

func run(dsn string, n, warmup int, targets []string) error {
	if n < 1 || warmup < 0 || len(targets) == 0 {
		return fmt.Errorf("--n ≥ 1, --warmup ≥ 0 and at least one NAME=TEXT target")
	}
	db, _, err := benchdb.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	limit := time.Now().UTC().AddDate(0, 0, 90).Format(time.DateOnly)
	for _, t := range targets {
		name, q, ok := strings.Cut(t, "=")
		if !ok {
			return fmt.Errorf("target %q: want NAME=TEXT", t)
		}
		q, status, _ := strings.Cut(q, "|")
		where, args := ` WHERE search_text LIKE $1 ESCAPE '\'`, []any{"%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(q)) + "%"}
		if status == "active" {
			where += ` AND status = 'active' AND end_date > $2`
			args = append(args, limit)
		}
		var total int
		once := func() (time.Duration, error) {
			t0 := time.Now()
			if err := db.QueryRowContext(ctx, `SELECT count(*) FROM agreements`+where, args...).Scan(&total); err != nil {
				return 0, err
			}
			rows, err := db.QueryContext(ctx, `SELECT id FROM agreements`+where+` ORDER BY id DESC LIMIT 50`, args...)
			if err != nil {
				return 0, err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return 0, err
				}
			}
			rows.Close()
			return time.Since(t0), rows.Err()
		}
		for range warmup {
			if _, err := once(); err != nil {
				return err
			}
		}
		ds := make([]time.Duration, n)
		var sum time.Duration
		for i := range ds {
			if ds[i], err = once(); err != nil {
				return err
			}
			sum += ds[i]
		}
		slices.Sort(ds)
		fmt.Printf("%s\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\n", name, n, ms(rank(ds, 50)), ms(rank(ds, 90)), ms(rank(ds, 99)), ms(ds[n-1]), ms(sum/time.Duration(n)), total)
	}
	return nil
}

// rank is the nearest-rank p-th percentile of sorted ds.
func rank(ds []time.Duration, p int) time.Duration {
	i := (p*len(ds)+99)/100 - 1
	return ds[max(0, min(i, len(ds)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
