#!/usr/bin/env bash
# bench/api.sh — throughput and p99 latency of the public organisation list
# (GET /api/v1/organizations) of `sinergi serve` over 100,000 seeded
# organisations, against a bare net/http peer (bench/bare) that serves the
# very same response bytes from memory. Runs on SQLite, and on PostgreSQL
# when $BENCH_PG (default: the local test server on port 55432) answers.
#
#   bench/api.sh                       # both engines, 15 s per measurement
#   BENCH_ENGINES=sqlite bench/api.sh  # one engine
#   BENCH_BREAKDOWN=0 bench/api.sh     # skip the cost-breakdown runs
#
# Knobs (environment): BENCH_N (rows, 100000), BENCH_DURATION (15s),
# BENCH_WARMUP (3s), BENCH_THREADS (2), BENCH_CONNS (32), BENCH_TIMEOUT
# (wrk's per-request timeout, 10s: wrk's default of 2s would drop the slow
# q= requests from the latency figures and count them as errors), BENCH_ENGINES
# ("sqlite postgres"), BENCH_PG (admin URL of a PostgreSQL; a database
# sinergi_bench_<pid> is created in it and dropped on exit), BENCH_BREAKDOWN
# (1), BENCH_BREAKDOWN_DURATION (5s).
#
# Caveat: wrk, the server under test, the peer and PostgreSQL all run on this
# machine and share its cores; on a 2-core box the absolute figures are
# low and the ratio sinergi/bare is the number to watch (goal: >= 25 %).
# Everything goes over 127.0.0.1 only. Output: stdout, and a copy in
# bench/out/ (git-ignored). Nothing is written to docs/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # cd to the repository root; ROOT

N=${BENCH_N:-100000}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-3s}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-32}
TIMEOUT=${BENCH_TIMEOUT:-10s}
ENGINES=${BENCH_ENGINES:-sqlite postgres}
BREAKDOWN=${BENCH_BREAKDOWN:-1}
BREAKDOWN_DURATION=${BENCH_BREAKDOWN_DURATION:-5s}
PG_ADMIN=${BENCH_PG:-postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable}
GOAL=25

bench_require go wrk curl awk
bench_setup api # WORK, OUT, PIDS, PG_DB; stops, drops and removes on exit

# to_ms VALUE: wrk latency such as 812.00us, 12.3ms or 1.02s → milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
		else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
		else printf "?" }'
}

# measure NAME URL DURATION WARMUP: run wrk (warm-up first) and set
# R_RPS, R_P99, R_NON2XX, R_SOCKERR from its output (kept in $OUT), and
# R_BUSY, the host's CPU use in the second before the warm-up.
measure() {
	local name=$1 url=$2 dur=$3 warm=$4 f="$OUT/wrk-$1.txt"
	R_BUSY=$(cpu_busy)
	wrk -t"$THREADS" -c"$CONNS" -d"$warm" --timeout "$TIMEOUT" "$url" >"$OUT/wrk-$name-warmup.txt" 2>&1
	wrk -t"$THREADS" -c"$CONNS" -d"$dur" --timeout "$TIMEOUT" --latency "$url" >"$f" 2>&1
	R_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$f")
	R_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")
	R_NON2XX=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$f")
	R_NON2XX=${R_NON2XX:-0}
	R_SOCKERR=$(awk -F': *' '/Socket errors/ {print $2}' "$f")
	R_SOCKERR=${R_SOCKERR:-none}
	: "${R_RPS:=0}"
	local w
	w=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$OUT/wrk-$name-warmup.txt")
	if [[ -n $w ]]; then R_NON2XX="$R_NON2XX (warm-up: $w)"; fi
}

echo "building sinergi, bare and seed into $WORK …"
bench_build sinergi bare seed

: >"$OUT/summary.txt"
log "# Sinergi API benchmark, $(date -u '+%Y-%m-%d %H:%M:%SZ')"
log "machine: $(nproc) CPU(s), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/^MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), kernel $(uname -r)"
log "go: $(go version | awk '{print $3, $4}'); wrk: $(wrk -v 2>&1 | awk 'NR==1 {print $2}')"
log "build: $(build_info)"
log "load: wrk -t$THREADS -c$CONNS -d$DURATION --timeout $TIMEOUT --latency (after a ${WARMUP} warm-up), $N organisations"
log "caveat: wrk, the server, the peer (and PostgreSQL) share these $(nproc) cores; host CPU busy at start: $(cpu_busy)"
log ""

QUERIES=(
	"sector:/api/v1/organizations?sector=private_company&limit=50"
	"q:/api/v1/organizations?q=maros&limit=50"
)
# Cost breakdown: what is left when rows, the filter or the database go away.
BREAKDOWN_PATHS=(
	"healthz:/healthz"
	"sectors:/api/v1/sectors"
	"readyz:/readyz"
	"sector-limit1:/api/v1/organizations?sector=private_company&limit=1"
	"ministry-limit50:/api/v1/organizations?sector=ministry&limit=50"
	"all-limit50:/api/v1/organizations?limit=50"
	"all-limit1:/api/v1/organizations?limit=1"
	"q-limit1:/api/v1/organizations?q=maros&limit=1"
)

SUMMARY=()

bench_engine() {
	local engine=$1 dsn
	engine_setup "$engine" bench "$N" # a fresh database, migrated and seeded
	[[ -n $DSN ]] || return 0
	dsn=$DSN

	local port bport pid bpid base
	port=$(pick_port)
	"$WORK/sinergi" serve --db "$dsn" --addr "127.0.0.1:$port" --quiet >"$OUT/serve-$engine.out" 2>"$OUT/serve-$engine.err" &
	pid=$!
	PIDS+=("$pid")
	base="http://127.0.0.1:$port"
	wait_ready "$base/readyz" "$pid" "$OUT/serve-$engine.err"

	local rows=() entry name path body items total
	for entry in "${QUERIES[@]}"; do
		name=${entry%%:*} path=${entry#*:}
		body="$WORK/body-$engine-$name.json"
		fetch "$base$path" "$body"
		items=$(grep -o '"sector":' "$body" | wc -l)
		total=$(grep -o '"total":[0-9]*' "$body" | cut -d: -f2)
		log "$path → 200, $(wc -c <"$body") bytes, $items items of $total"

		measure "$engine-$name-sinergi" "$base$path" "$DURATION" "$WARMUP"
		local s_rps=$R_RPS s_p99=$R_P99 s_err="$R_NON2XX" s_sock="$R_SOCKERR" s_busy=$R_BUSY

		bport=$(pick_port)
		"$WORK/bare" --addr "127.0.0.1:$bport" --body "$body" >"$OUT/bare-$engine-$name.out" 2>&1 &
		bpid=$!
		PIDS+=("$bpid")
		wait_ready "http://127.0.0.1:$bport/" "$bpid" "$OUT/bare-$engine-$name.out"
		measure "$engine-$name-bare" "http://127.0.0.1:$bport$path" "$DURATION" "$WARMUP"
		stop "$bpid"
		local b_rps=$R_RPS b_p99=$R_P99 b_err="$R_NON2XX" b_sock="$R_SOCKERR" b_busy=$R_BUSY

		local ratio
		ratio=$(awk -v s="$s_rps" -v b="$b_rps" 'BEGIN { if (b <= 0) print "?"; else if (100 * s / b < 1) printf "%.2f", 100 * s / b; else printf "%.1f", 100 * s / b }')
		rows+=("$(printf '| %-8s | %-7s | %10s | %8s | %10s | %8s | %7s%% |' "$engine" "$name" "$s_rps" "$s_p99" "$b_rps" "$b_p99" "$ratio")")
		SUMMARY+=("${rows[-1]}")
		log "  sinergi: $s_rps req/s, p99 $s_p99 ms, non-2xx/3xx: $s_err, socket errors: $s_sock (host CPU busy before: $s_busy)"
		log "  bare:    $b_rps req/s, p99 $b_p99 ms, non-2xx/3xx: $b_err, socket errors: $b_sock (host CPU busy before: $b_busy)"
		log "  ratio sinergi/bare: $ratio % (goal >= $GOAL %)"
	done

	if [[ $BREAKDOWN == 1 ]]; then
		log ""
		log "### $engine cost breakdown (wrk -d$BREAKDOWN_DURATION after a 1s warm-up; sinergi only)"
		log "$(printf '| %-18s | %10s | %8s | %-7s | %-13s | %-9s | %s |' endpoint 'req/s' 'p99 ms' 'non-2xx' 'socket errors' 'CPU busy' 'path')"
		log "|--------------------|------------|----------|---------|---------------|-----------|------|"
		for entry in "${BREAKDOWN_PATHS[@]}"; do
			name=${entry%%:*} path=${entry#*:}
			fetch "$base$path" "$WORK/probe.out"
			measure "$engine-breakdown-$name" "$base$path" "$BREAKDOWN_DURATION" 1s
			log "$(printf '| %-18s | %10s | %8s | %-7s | %-13s | %-9s | `%s` |' "$name" "$R_RPS" "$R_P99" "$R_NON2XX" "$R_SOCKERR" "$R_BUSY" "$path")"
		done
	fi

	stop "$pid"
	local errs warns cancelled
	errs=$(grep -c '"level":"ERROR"' "$OUT/serve-$engine.err" || true)
	warns=$(grep -c '"level":"WARN"' "$OUT/serve-$engine.err" || true)
	cancelled=$(grep -c '"msg":"request cancelled"' "$OUT/serve-$engine.err" || true)
	log "server log: $errs ERROR, $warns WARN, $cancelled 'request cancelled' (in-flight requests cut off when wrk stops)"
	if [[ $errs != 0 || $warns != 0 ]]; then
		grep -E '"level":"(ERROR|WARN)"' "$OUT/serve-$engine.err" | sort | uniq -c | sort -rn | head -5 | tee -a "$OUT/summary.txt"
	fi

	if [[ $engine == postgres ]]; then
		pg_drop
	fi
	log ""
}

for engine in $ENGINES; do
	bench_engine "$engine"
done

log "## Summary (req/s; p99 in ms; ratio = sinergi req/s / bare req/s, goal >= $GOAL %)"
log "| engine   | query   | sinergi/s  | p99 ms   | bare/s     | p99 ms   | ratio    |"
log "|----------|---------|------------|----------|------------|----------|----------|"
for row in "${SUMMARY[@]}"; do
	log "$row"
done
log ""
log "wrk outputs and server logs: $OUT"
