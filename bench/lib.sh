# bench/lib.sh — what the bench/*.sh scripts share. Sourced, never run:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cd to the repository root
#   bench_require go wrk curl awk                    # or exit with a message
#   bench_setup api                                  # WORK, OUT, PIDS, PG_DB, traps
#   bench_build sinergi bare seed                    # into $WORK
#
# Sourcing it changes to the repository root (so a script runs from any
# directory) and sets ROOT and BENCH_SCRIPT (the script's file name, for
# messages). bench_setup NAME makes WORK (a temporary directory under /tmp,
# removed on exit) and OUT (bench/out/NAME-STAMP, git-ignored; removed on
# exit if nothing was written there), and installs the exit traps: every PID
# in PIDS is stopped, the PostgreSQL database in PG_DB (if any) is dropped
# from PG_ADMIN. Processes are only ever stopped by the PIDs recorded here.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BENCH_SCRIPT=$(basename "$0")

# bench_require TOOL…: exit unless every TOOL is on PATH.
bench_require() {
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "$BENCH_SCRIPT: $tool is required" >&2; exit 1; }
	done
}

# bench_setup NAME: WORK, STAMP, OUT, PIDS, PG_DB and the exit traps.
bench_setup() {
	WORK=$(mktemp -d "/tmp/sinergi-bench-$1.XXXXXX")
	mkdir -p "$ROOT/bench/out"
	STAMP=$(date -u +%Y%m%dT%H%M%SZ)
	OUT=$ROOT/bench/out/$1-$STAMP
	mkdir -p "$OUT"
	PIDS=()
	PG_DB=""
	trap bench_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

bench_cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	if [[ -n $PG_DB ]]; then
		psql "$PG_ADMIN" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 ||
			echo "$BENCH_SCRIPT: could not drop database $PG_DB" >&2
	fi
	rm -rf "$WORK"
	rmdir "$OUT" 2>/dev/null || true # nothing recorded (e.g. the build failed)
	exit "$rc"
}

# bench_build NAME…: go build the working tree's cmd/sinergi (NAME sinergi)
# or bench/NAME into $WORK/NAME.
bench_build() {
	local name
	for name in "$@"; do
		if [[ $name == sinergi ]]; then
			go build -o "$WORK/sinergi" ./cmd/sinergi
		else
			go build -o "$WORK/$name" "./bench/$name"
		fi
	done
}

# migrate_and_seed DSN N: create the schema (`sinergi migrate`), then fill
# organizations with N rows (bench/seed; its line goes to the summary).
migrate_and_seed() {
	"$WORK/sinergi" migrate --db "$1" >/dev/null
	"$WORK/seed" --db "$1" --n "$2" | tee -a "$OUT/summary.txt"
}

# build_info: which server binary is measured (hash, commit, migrations).
build_info() {
	echo "sinergi $(sha256sum "$WORK/sinergi" | cut -c1-12) from the working tree ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit'), $(find store/migrations/sqlite -name '*.sql' | wc -l) SQLite migrations)"
}

# log LINE…: print and append to $OUT/summary.txt.
log() { echo "$@" | tee -a "$OUT/summary.txt"; }

# stop PID: terminate one process this script started and forget it.
stop() {
	local pid=$1 keep=() p
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
	PIDS=("${keep[@]}")
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pick_port: print a free port on 127.0.0.1 (20000–39999).
pick_port() {
	local i p
	for ((i = 0; i < 200; i++)); do
		p=$((20000 + RANDOM % 20000))
		if port_free "$p"; then echo "$p"; return 0; fi
	done
	echo "$BENCH_SCRIPT: no free port found" >&2
	return 1
}

# poll_ready URL PID [LOG] [ROUNDS] [SLEEP]: curl URL until it answers 200
# (at most ROUNDS polls, default 1200, SLEEP seconds apart, default 0.05,
# i.e. about 60 s); fail, showing LOG, if PID exits first.
poll_ready() {
	local url=$1 pid=$2 logf=${3:-} rounds=${4:-1200} pause=${5:-0.05} i
	for ((i = 0; i < rounds; i++)); do
		[[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) == 200 ]] && return 0
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "$BENCH_SCRIPT: process $pid exited before ready${logf:+; log:}" >&2
			if [[ -n $logf ]]; then cat "$logf" >&2; fi
			return 1
		fi
		sleep "$pause"
	done
	echo "$BENCH_SCRIPT: $url not ready after $rounds polls" >&2
	return 1
}

# wait_ready URL PID LOG: poll_ready with the defaults (about 60 s).
wait_ready() { poll_ready "$1" "$2" "$3"; }

# cpu_busy: percentage of host CPU in use over the next second — a check
# that nothing else (another user's build, autovacuum, …) competes with the
# measurement that follows.
cpu_busy() {
	local a b
	a=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
	sleep 1
	b=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
		t = y[2] - x[2]; printf "%d%%", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'
}

# fetch URL FILE [CURL-ARGS…]: save the response body, insist on 200.
fetch() {
	local url=$1 file=$2 code
	shift 2
	code=$(curl -sS "$@" -o "$file" -w '%{http_code}' "$url")
	if [[ $code != 200 ]]; then
		echo "$BENCH_SCRIPT: $url answered $code:" >&2
		head -c 500 "$file" >&2
		return 1
	fi
}

# pg_reachable: true when psql is installed and $PG_ADMIN answers; else
# sets PG_SKIP to the reason.
pg_reachable() {
	if ! command -v psql >/dev/null; then
		PG_SKIP="psql not installed"
		return 1
	fi
	if ! psql "$PG_ADMIN" -qXAt -c 'SELECT 1' >/dev/null 2>&1; then
		PG_SKIP="$PG_ADMIN not reachable; set BENCH_PG"
		return 1
	fi
}

# pg_create NAME: (re)create database NAME in $PG_ADMIN, dropped on exit or
# by pg_drop; PG_DSN is its URL ($PG_ADMIN with the database name replaced).
pg_create() {
	PG_DB=$1
	psql "$PG_ADMIN" -qX -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null
	PG_DSN=$(printf '%s' "$PG_ADMIN" | sed -E "s#^(postgres(ql)?://[^/?]+)(/[^?]*)?#\\1/$PG_DB#")
}

# engine_dsn ENGINE NAME: set DSN to a fresh database for ENGINE — sqlite:
# $WORK/NAME.db; postgres: database sinergi_NAME_<pid> made by pg_create (its
# server version is logged) — or log why PostgreSQL is skipped and set DSN
# to "" (the caller then skips the engine). Unknown engines end the script.
engine_dsn() {
	DSN=""
	case $1 in
	sqlite) DSN="sqlite:$WORK/$2.db" ;;
	postgres)
		if ! pg_reachable; then
			log "postgres: skipped ($PG_SKIP)"
			return 0
		fi
		pg_create "sinergi_$2_$$"
		DSN=$PG_DSN
		log "postgres: $(psql "$PG_ADMIN" -qXAt -c 'SHOW server_version'), database $PG_DB"
		;;
	*)
		echo "$BENCH_SCRIPT: unknown engine $1" >&2
		exit 1
		;;
	esac
}

# engine_setup ENGINE NAME N: engine_dsn, a "## ENGINE" heading, then
# migrate_and_seed with N organisations; DSN is "" when ENGINE is skipped.
engine_setup() {
	engine_dsn "$1" "$2"
	if [[ -n $DSN ]]; then
		log "## $1"
		migrate_and_seed "$DSN" "$3"
	fi
}

# pg_drop: drop the database pg_create made.
pg_drop() {
	if [[ -n $PG_DB ]]; then
		psql "$PG_ADMIN" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
		PG_DB=""
	fi
}
