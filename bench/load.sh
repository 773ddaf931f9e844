#!/usr/bin/env bash
# bench/load.sh — mixed read/write load on `sinergi serve` with the demo data:
# 90 % reads (organisation, forum, agreement and assistance lists over the
# API, and the HTML registry and organisation pages), 10 % writes (POST
# /api/v1/organizations with the demo system admin's bearer token). Prints
# throughput, p50/p99 latency and errors, per engine (SQLite, and
# PostgreSQL when $BENCH_PG answers).
#
#   bench/load.sh                          # both engines, 60 s each
#   BENCH_DURATION=20s bench/load.sh       # shorter
#   BENCH_ENGINES=sqlite bench/load.sh     # one engine
#
# Knobs: BENCH_DURATION (60s), BENCH_THREADS (2), BENCH_CONNS (16),
# BENCH_TIMEOUT (10s), BENCH_ENGINES ("sqlite postgres"), BENCH_PG (admin
# URL; a database sinergi_load_<pid> is made there and dropped on exit).
# Loopback only; output to stdout and bench/out/load-STAMP (git-ignored).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # cd to the repository root

DURATION=${BENCH_DURATION:-60s}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-16}
TIMEOUT=${BENCH_TIMEOUT:-10s}
ENGINES=${BENCH_ENGINES:-sqlite postgres}
PG_ADMIN=${BENCH_PG:-postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable}

bench_require go wrk curl awk
bench_setup load
bench_build sinergi

to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
		else printf "?" }'
}

# the wrk script: one request in ten writes an organisation; the rest read.
cat >"$WORK/mixed.lua" <<'LUA'
local token = os.getenv("SINERGI_TOKEN")
local reads = {
  "/api/v1/organizations", "/api/v1/organizations?q=maros", "/api/v1/organizations?sector=regency_government",
  "/api/v1/forums", "/api/v1/agreements", "/api/v1/assistance-requests", "/api/v1/proposals",
  "/organizations", "/organizations/1", "/organizations/2/people", "/forums", "/agreements",
}
local n, tid = 0, 0
local counter = 1
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
function init(args) math.randomseed(os.time() + tid * 7919) end
function request()
  n = n + 1
  local h = { ["Authorization"] = "Bearer " .. token }
  if math.random(10) == 1 then
    h["Content-Type"] = "application/json"
    local body = string.format('{"name":"Komunitas Beban %d-%d-%d","sector":"community","region_code":"73.09"}', tid, n, math.random(1e9))
    return wrk.format("POST", "/api/v1/organizations", h, body)
  end
  return wrk.format("GET", reads[math.random(#reads)], h)
end
local status = {}
function response(s) status[s] = (status[s] or 0) + 1 end
function done(summary, latency, requests)
  io.write(string.format("p50_us %d\np99_us %d\n", latency:percentile(50), latency:percentile(99)))
  io.write(string.format("errors connect %d read %d write %d timeout %d status %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
LUA

: >"$OUT/summary.txt"
log "# Sinergi mixed load, $(date -u '+%Y-%m-%d %H:%M:%SZ'), $DURATION per engine, wrk -t$THREADS -c$CONNS"
log "machine: $(nproc) CPU(s), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo); build: $(build_info)"
log "engine | requests | req/s | p50 ms | p99 ms | writes (201) | non-2xx | socket errors"

for engine in $ENGINES; do
	engine_dsn "$engine" load
	[[ -n $DSN ]] || continue
	"$WORK/sinergi" migrate --db "$DSN" >/dev/null
	"$WORK/sinergi" demo --db "$DSN" >"$OUT/demo-$engine.out" 2>&1
	export SINERGI_TOKEN
	SINERGI_TOKEN=$("$WORK/sinergi" token create --db "$DSN" --user admin@sinergi.test --name load 2>/dev/null)
	port=$(pick_port)
	"$WORK/sinergi" serve --db "$DSN" --addr "127.0.0.1:$port" --quiet >"$OUT/serve-$engine.out" 2>"$OUT/serve-$engine.err" &
	pid=$!
	PIDS+=("$pid")
	wait_ready "http://127.0.0.1:$port/readyz" "$pid" "$OUT/serve-$engine.err"
	count() { curl -s -H "Authorization: Bearer $SINERGI_TOKEN" "http://127.0.0.1:$port/api/v1/organizations?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }
	c0=$(count)
	f="$OUT/wrk-$engine.txt"
	wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$WORK/mixed.lua" "http://127.0.0.1:$port" >"$f" 2>&1
	c1=$(count)
	total=$(awk '/requests in/ {print $1}' "$f")
	rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
	p50=$(awk '$1 == "p50_us" {printf "%.2f", $2/1000}' "$f")
	p99=$(awk '$1 == "p99_us" {printf "%.2f", $2/1000}' "$f")
	non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$f")
	sock=$(awk -F': *' '/Socket errors/ {print $2}' "$f")
	log "$engine | $total | $rps | $p50 | $p99 | $((c1 - c0)) | ${non2xx:-0} | ${sock:-none}"
	stop "$pid"
	errs=$(grep -c '"level":"ERROR"' "$OUT/serve-$engine.err" || true)
	log "$engine server log: $errs ERROR lines"
	if [[ -n $PG_DB ]]; then
		psql "$PG_ADMIN" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
		PG_DB=""
	fi
done
log "wrk outputs and server logs: $OUT"
