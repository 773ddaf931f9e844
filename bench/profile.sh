#!/usr/bin/env bash
# bench/profile.sh — CPU profile of the Sinergi handler under wrk load.
# `sinergi serve` has no pprof endpoint, so bench/profile runs the same
# handler stack in-process with runtime/pprof (see bench/profile/main.go).
#
#   bench/profile.sh                                        # sector query, SQLite
#   bench/profile.sh '/api/v1/organizations?q=maros&limit=50'
#   BENCH_ENGINE=postgres bench/profile.sh                  # uses $BENCH_PG
#
# Knobs: BENCH_ENGINE (sqlite), BENCH_PG (admin URL; a database
# sinergi_prof_<pid> is created and dropped), BENCH_N (100000),
# BENCH_SECONDS (10), BENCH_THREADS (2), BENCH_CONNS (32), BENCH_TOP (30).
# Prints `go tool pprof -top` (flat and cumulative); the profile stays in
# bench/out/ for `go tool pprof -http=127.0.0.1:0 FILE`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # cd to the repository root; ROOT

QPATH=${1:-/api/v1/organizations?sector=private_company&limit=50}
ENGINE=${BENCH_ENGINE:-sqlite}
N=${BENCH_N:-100000}
SECONDS_=${BENCH_SECONDS:-10}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-32}
TOP=${BENCH_TOP:-30}
PG_ADMIN=${BENCH_PG:-postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable}

bench_setup profile # WORK, OUT, PIDS, PG_DB; stops, drops and removes on exit

bench_build sinergi seed profile

case $ENGINE in
sqlite) DSN="sqlite:$WORK/bench.db" ;;
postgres)
	pg_create "sinergi_prof_$$"
	DSN=$PG_DSN
	;;
*) echo "profile.sh: BENCH_ENGINE must be sqlite or postgres" >&2; exit 1 ;;
esac
"$WORK/sinergi" migrate --db "$DSN" >/dev/null
"$WORK/seed" --db "$DSN" --n "$N"

PORT=$(pick_port)
PROF=$OUT/cpu-$ENGINE.pprof
"$WORK/profile" --db "$DSN" --addr "127.0.0.1:$PORT" --seconds "$SECONDS_" --cpuprofile "$PROF" >"$OUT/profile.log" 2>&1 &
PID=$!
PIDS+=("$PID")
for ((i = 0; i < 600; i++)); do
	grep -q 'profile ready' "$OUT/profile.log" 2>/dev/null && break
	kill -0 "$PID" 2>/dev/null || { cat "$OUT/profile.log" >&2; exit 1; }
	sleep 0.05
done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$QPATH")
[[ $code == 200 ]] || { echo "profile.sh: $QPATH answered $code" >&2; exit 1; }

echo "profiling $ENGINE $QPATH for ${SECONDS_}s under wrk -t$THREADS -c$CONNS …"
wrk -t"$THREADS" -c"$CONNS" -d"$((SECONDS_ + 1))s" --latency "http://127.0.0.1:$PORT$QPATH" | tee "$OUT/wrk.txt"
wait "$PID" || true
PIDS=()
echo
echo "== flat (top $TOP) =="
go tool pprof -top -nodecount="$TOP" "$PROF" 2>/dev/null | tee "$OUT/top-flat.txt"
echo
echo "== cumulative (top $TOP) =="
go tool pprof -top -cum -nodecount="$TOP" "$PROF" 2>/dev/null | tee "$OUT/top-cum.txt"
echo
echo "profile: $PROF (go tool pprof -http=127.0.0.1:0 $PROF)"
