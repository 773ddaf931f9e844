#!/usr/bin/env bash
# bench/startup.sh — cold start and idle memory of `sinergi serve` (SQLite),
# side by side with the bare net/http peer (bench/bare) in the same run.
#
#   bench/startup.sh                 # 10 runs per case
#   BENCH_RUNS=20 bench/startup.sh
#
# Cold start: milliseconds from exec to the first 200 from /readyz (for the
# peer: from /), measured with `date +%s%N` around a curl poll every 5 ms.
# The poll itself costs a few ms per round (fork of curl), so every figure,
# the peer's included, carries that floor; the peer's cold start is the
# floor to compare with. Cases: a fresh SQLite file (the server migrates it
# first), and an existing migrated database seeded with BENCH_N (100000)
# organisations.
#
# Idle memory: VmRSS (and VmHWM, the peak) from /proc/PID/status right after
# ready, and after 50 requests of / and 50 of /api/v1/organizations. For
# sinergi this includes SQLite's page cache, which lives in the process.
#
# Knobs: BENCH_RUNS (10), BENCH_N (100000). Loopback only; every process it
# starts is stopped on exit. Output: stdout and a copy in bench/out/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # cd to the repository root; ROOT

RUNS=${BENCH_RUNS:-10}
N=${BENCH_N:-100000}
REQS=50

bench_require go curl awk
bench_setup startup # WORK, OUT, PIDS; stops and removes on exit

# START_MS, START_PID, START_PORT: set by cold_start.
# cold_start LOG READYPATH CMD ARGS… (the literal word PORT in ARGS is
# replaced by a free port): exec, poll until ready, leave it running.
cold_start() {
	local logf=$1 path=$2 t0 t1 a args=()
	shift 2
	START_PORT=$(pick_port)
	for a in "$@"; do args+=("${a//PORT/$START_PORT}"); done
	t0=$(date +%s%N)
	"${args[@]}" >>"$logf" 2>&1 &
	START_PID=$!
	PIDS+=("$START_PID")
	poll_ready "http://127.0.0.1:$START_PORT$path" "$START_PID" "" 4000 0.005 # curl every 5 ms
	t1=$(date +%s%N)
	START_MS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
}

# stats V…: "median min max" of the numbers given.
stats() {
	printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
		m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
		printf "%.1f %.1f %.1f", m, a[1], a[NR] }'
}

kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }

echo "building sinergi, bare and seed into $WORK …"
bench_build sinergi bare seed
SIN=$WORK/sinergi

: >"$OUT/summary.txt"
log "# Sinergi cold start and idle memory, $(date -u '+%Y-%m-%d %H:%M:%SZ')"
log "machine: $(nproc) CPU(s), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), kernel $(uname -r)"
log "go: $(go version | awk '{print $3, $4}'); $RUNS runs per case; poll: curl every 5 ms; host CPU busy at start: $(cpu_busy)"
log "build: $(build_info)"
log ""

# 1. Fresh SQLite database: serve creates and migrates it.
fresh=()
internal=()
for ((i = 1; i <= RUNS; i++)); do
	logf="$OUT/serve-fresh-$i.log"
	cold_start "$logf" /readyz "$SIN" serve --db "sqlite:$WORK/fresh-$i.db" --addr "127.0.0.1:PORT" --quiet
	fresh+=("$START_MS")
	stop "$START_PID"
	internal+=("$(grep -o '"startup_ms":[0-9]*' "$logf" | head -1 | cut -d: -f2)")
	rm -f "$WORK/fresh-$i.db"*
done
read -r f_med f_min f_max <<<"$(stats "${fresh[@]}")"
read -r fi_med fi_min fi_max <<<"$(stats "${internal[@]}")"

# 2. Existing migrated database with N organisations.
DB="sqlite:$WORK/existing.db"
migrate_and_seed "$DB" "$N"
existing=()
internal=()
for ((i = 1; i <= RUNS; i++)); do
	logf="$OUT/serve-existing-$i.log"
	cold_start "$logf" /readyz "$SIN" serve --db "$DB" --addr "127.0.0.1:PORT" --quiet
	existing+=("$START_MS")
	if ((i == 1)); then # the peer's body: the same list response api.sh uses
		curl -sS -f -o "$WORK/body.json" "http://127.0.0.1:$START_PORT/api/v1/organizations?sector=private_company&limit=50"
	fi
	stop "$START_PID"
	internal+=("$(grep -o '"startup_ms":[0-9]*' "$logf" | head -1 | cut -d: -f2)")
done
read -r e_med e_min e_max <<<"$(stats "${existing[@]}")"
read -r ei_med ei_min ei_max <<<"$(stats "${internal[@]}")"

# 3. The peer.
bare=()
for ((i = 1; i <= RUNS; i++)); do
	cold_start "$OUT/bare-$i.log" / "$WORK/bare" --addr "127.0.0.1:PORT" --body "$WORK/body.json"
	bare+=("$START_MS")
	stop "$START_PID"
done
read -r b_med b_min b_max <<<"$(stats "${bare[@]}")"

# 4. Idle memory after ready and after 50 requests of each path.
# rss NAME READYPATH CMD…: sets RSS_READY, RSS_AFTER, HWM_AFTER (KiB), CODES.
rss() {
	local name=$1 path=$2 i u
	shift 2
	cold_start "$OUT/rss-$name.log" "$path" "$@"
	sleep 0.2
	RSS_READY=$(kb "$START_PID" VmRSS)
	CODES=""
	for u in / /api/v1/organizations; do
		for ((i = 0; i < REQS; i++)); do
			CODES+="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$START_PORT$u") "
		done
	done
	sleep 0.2
	RSS_AFTER=$(kb "$START_PID" VmRSS)
	HWM_AFTER=$(kb "$START_PID" VmHWM)
	CODES=$(printf '%s\n' $CODES | sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? ", " : ""), $1, $2 }')
	stop "$START_PID"
}
rss sinergi /readyz "$SIN" serve --db "$DB" --addr "127.0.0.1:PORT" --quiet
s_ready=$RSS_READY s_after=$RSS_AFTER s_hwm=$HWM_AFTER s_codes=$CODES
rss bare / "$WORK/bare" --addr "127.0.0.1:PORT" --body "$WORK/body.json"
b_ready=$RSS_READY b_after=$RSS_AFTER b_hwm=$HWM_AFTER b_codes=$CODES

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "?" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

log ""
log "## Cold start, exec → first 200 (ms; median, min–max of $RUNS)"
log "| case                                 | median | min   | max   | vs bare |"
log "|--------------------------------------|--------|-------|-------|---------|"
log "$(printf '| %-36s | %6s | %5s | %5s | %7s |' 'sinergi, fresh SQLite (migrates)' "$f_med" "$f_min" "$f_max" "$(ratio "$f_med" "$b_med")")"
log "$(printf '| %-36s | %6s | %5s | %5s | %7s |' "sinergi, existing DB ($N orgs)" "$e_med" "$e_min" "$e_max" "$(ratio "$e_med" "$b_med")")"
log "$(printf '| %-36s | %6s | %5s | %5s | %7s |' 'bare peer' "$b_med" "$b_min" "$b_max" '1.0×')"
log "sinergi's own startup_ms log field (open DB + migrate → listening): fresh median $fi_med (min $fi_min, max $fi_max), existing median $ei_med (min $ei_min, max $ei_max)"
log ""
log "## Memory (MiB)"
log "| process | RSS after ready | RSS after $REQS×/ + $REQS×/api/v1/organizations | peak (VmHWM) | responses |"
log "|---------|-----------------|------------------------------------|--------------|-----------|"
log "| sinergi | $(mib "$s_ready") | $(mib "$s_after") | $(mib "$s_hwm") | $s_codes |"
log "| bare    | $(mib "$b_ready") | $(mib "$b_after") | $(mib "$b_hwm") | $b_codes |"
log "| ratio   | $(ratio "$s_ready" "$b_ready") | $(ratio "$s_after" "$b_after") | $(ratio "$s_hwm" "$b_hwm") | |"
log ""
log "raw cold starts (ms): fresh ${fresh[*]}; existing ${existing[*]}; bare ${bare[*]}"
log "logs: $OUT"
