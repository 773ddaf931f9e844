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
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

RUNS=${BENCH_RUNS:-10}
N=${BENCH_N:-100000}
REQS=50

for tool in go curl awk; do
	command -v "$tool" >/dev/null || { echo "startup.sh: $tool is required" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/sinergi-bench-startup.XXXXXX)
mkdir -p bench/out
OUT=$ROOT/bench/out/startup-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
PIDS=()

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$WORK"
	rmdir "$OUT" 2>/dev/null || true # nothing recorded (e.g. the build failed)
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { echo "$@" | tee -a "$OUT/summary.txt"; }

stop() {
	local pid=$1 keep=() p
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
	PIDS=("${keep[@]}")
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
	local i p
	for ((i = 0; i < 200; i++)); do
		p=$((20000 + RANDOM % 20000))
		if port_free "$p"; then echo "$p"; return 0; fi
	done
	echo "startup.sh: no free port found" >&2
	return 1
}

# poll_ready URL PID: curl every 5 ms until 200 (at most 4000 rounds).
poll_ready() {
	local url=$1 pid=$2 i
	for ((i = 0; i < 4000; i++)); do
		[[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) == 200 ]] && return 0
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "startup.sh: process $pid exited before ready" >&2
			return 1
		fi
		sleep 0.005
	done
	echo "startup.sh: $url never became ready" >&2
	return 1
}

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
	poll_ready "http://127.0.0.1:$START_PORT$path" "$START_PID"
	t1=$(date +%s%N)
	START_MS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
}

# stats V…: "median min max" of the numbers given.
stats() {
	printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
		m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
		printf "%.1f %.1f %.1f", m, a[1], a[NR] }'
}

# cpu_busy: percentage of host CPU in use over the next second (is anything
# else competing with the measurements?).
cpu_busy() {
	local a b
	a=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
	sleep 1
	b=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
		t = y[2] - x[2]; printf "%d%%", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'
}

kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }

echo "building sinergi, bare and seed into $WORK …"
go build -o "$WORK/sinergi" ./cmd/sinergi
go build -o "$WORK/bare" ./bench/bare
go build -o "$WORK/seed" ./bench/seed
SIN=$WORK/sinergi

: >"$OUT/summary.txt"
log "# Sinergi cold start and idle memory, $(date -u '+%Y-%m-%d %H:%M:%SZ')"
log "machine: $(nproc) CPU(s), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), kernel $(uname -r)"
log "go: $(go version | awk '{print $3, $4}'); $RUNS runs per case; poll: curl every 5 ms; host CPU busy at start: $(cpu_busy)"
log "build: sinergi $(sha256sum "$WORK/sinergi" | cut -c1-12) from the working tree ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit'), $(find store/migrations/sqlite -name '*.sql' | wc -l) SQLite migrations)"
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
"$SIN" migrate --db "$DB" >/dev/null
"$WORK/seed" --db "$DB" --n "$N" | tee -a "$OUT/summary.txt"
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
