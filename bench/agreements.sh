#!/usr/bin/env bash
# bench/agreements.sh — the kerja sama registry at 100,000 agreements (issue 5,
# "Benchmarks"), on SQLite and on PostgreSQL:
#
#  1. Import: BENCH_N agreement rows (1 % with a problem) from an xlsx file
#     (bench/agreementgen, parties from BENCH_ORGS organisations seeded by
#     bench/seed) with `sinergi import agreements FILE --mode valid`, timed
#     with /usr/bin/time -v: rows/s (wall), CPU seconds and peak RSS, against
#     the goal (>= 20,000 rows/s, < 300 MB) and against a peer in the same
#     run — openpyxl (Debian python3-openpyxl, bench/xlsx_peer.py) streaming
#     the same xlsx into a CSV file (reading only, nothing checked or stored;
#     LibreOffice is no peer here: Debian's libreoffice-core without -calc
#     cannot load an xlsx). A second file of BENCH_N/100
#     clean rows tops the registry up to BENCH_N agreements.
#  2. Search: GET /api/v1/agreements?q=… (and the /agreements page) served by
#     `sinergi serve --quiet`: p50/p90/p99 of BENCH_REQS sequential requests
#     (bench/forumclient, bearer token) for a rare word, a common word, a
#     prefix, two words, a party's name and a status filter; against the bare
#     peer (bench/bare) serving the very same bytes, and against the search
#     before the index — LIKE '%q%' on search_text (bench/agreementlike,
#     straight SQL, no HTTP: a lower bound of the old cost).
#
#   bench/agreements.sh                          # both engines
#   BENCH_ENGINES=sqlite BENCH_N=20000 bench/agreements.sh
#
# Knobs: BENCH_N (100000), BENCH_ORGS (20000), BENCH_REQS (200), BENCH_WARMUP
# (20), BENCH_LIKE_N (20), BENCH_ENGINES ("sqlite postgres"), BENCH_PG (admin
# URL; a database sinergi_agreements_<pid> is made and dropped), BENCH_PEER (1:
# run the openpyxl peer when /usr/bin/python3 has openpyxl).
#
# Fixture note: after the imports, the statuses are spread with plain SQL
# (three in five active, one in process, one draft; the import makes drafts)
# so that ?status= has something to select — that UPDATE is not audited, as
# every bench fixture (see bench/seed). Loopback only; every process started
# is stopped on exit; output on stdout and in bench/out/ (git-ignored).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # cd to the repository root; ROOT

N=${BENCH_N:-100000}
ORGS=${BENCH_ORGS:-20000}
REQS=${BENCH_REQS:-200}
WARMUP=${BENCH_WARMUP:-20}
LIKE_N=${BENCH_LIKE_N:-20}
ENGINES=${BENCH_ENGINES:-sqlite postgres}
PG_ADMIN=${BENCH_PG:-postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable}
PEER=${BENCH_PEER:-1}
EMAIL=bench-ks@example.org

bench_require go curl awk /usr/bin/time
bench_setup agreements # WORK, OUT, PIDS, PG_DB; stops, drops and removes on exit

echo "building sinergi, bare, seed, agreementgen, agreementlike and forumclient into $WORK …"
bench_build sinergi bare seed agreementgen agreementlike forumclient
SIN=$WORK/sinergi

: >"$OUT/summary.txt"
log "# Sinergi kerja sama registry: import and search, $(date -u '+%Y-%m-%d %H:%M:%SZ')"
log "machine: $(nproc) CPU(s), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), kernel $(uname -r); $(go version | awk '{print $3}')"
log "build: $(build_info)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); host CPU busy: $(cpu_busy)"
log ""

# timed NAME CMD…: run CMD under /usr/bin/time -v (output in $OUT/NAME.*) and
# set T_WALL (s), T_CPU (user+sys s), T_RSS (MB).
timed() {
	local name=$1
	shift
	/usr/bin/time -v -o "$OUT/$name.time" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || {
		echo "$BENCH_SCRIPT: $name failed:" >&2
		tail -5 "$OUT/$name.out" "$OUT/$name.err" >&2
		return 1
	}
	T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s}' "$OUT/$name.time")
	T_CPU=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$OUT/$name.time")
	T_RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$OUT/$name.time")
}

IMPORTS=()
SEARCH=()
PEER_RATE=""

bench_engine() {
	local engine=$1 dsn
	engine_setup "$engine" agreements "$ORGS" # a fresh database, migrated, $ORGS organisations
	[[ -n $DSN ]] || return 0
	dsn=$DSN
	local file="$WORK/ks-$engine.xlsx" topup="$WORK/ks-topup-$engine.xlsx"
	"$WORK/agreementgen" --db "$dsn" --n "$N" --out "$file"
	"$WORK/agreementgen" --db "$dsn" --n $((N / 100)) --bad 0 --seed 2 --out "$topup"
	log "import file: $(du -h "$file" | cut -f1) xlsx, $N rows ($((N / 100)) with a problem), sheet XML $(unzip -l "$file" | awk '/sheet1.xml/ {printf "%.0f MB", $1 / 1e6}')"

	if [[ $PEER == 1 && -z $PEER_RATE ]] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
		timed "peer-openpyxl" /usr/bin/python3 bench/xlsx_peer.py "$file" "$WORK/peer.csv"
		PEER_RATE=$(awk -v n="$N" -v t="$T_WALL" 'BEGIN {printf "%.0f", n / t}')
		log "peer: openpyxl $(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)') read-only xlsx → CSV: ${T_WALL} s wall, ${T_CPU} s CPU, peak ${T_RSS} MB → $PEER_RATE rows/s ($(cat "$OUT/peer-openpyxl.out") rows read)"
	fi

	timed "import-$engine" "$SIN" import agreements "$file" --mode valid --db "$dsn"
	local rate cpu_rate ratio
	rate=$(awk -v n="$N" -v t="$T_WALL" 'BEGIN {printf "%.0f", n / t}')
	cpu_rate=$(awk -v n="$N" -v t="$T_CPU" 'BEGIN {printf "%.0f", n / t}')
	ratio=$(awk -v a="$rate" -v b="$PEER_RATE" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "–"}')
	log "import: $(head -1 "$OUT/import-$engine.out")"
	log "  ${T_WALL} s wall, ${T_CPU} s CPU (client process), peak RSS ${T_RSS} MB → $rate rows/s wall, $cpu_rate rows per CPU second; ratio to the openpyxl peer $ratio"
	IMPORTS+=("$(printf '| %-8s | %7d | %7.1f | %7.1f | %8d | %8d | %6d | %-9s | %5s |' "$engine" "$N" "$T_WALL" "$T_CPU" "$rate" "$cpu_rate" "$T_RSS" "${PEER_RATE:-–}" "$ratio")")
	timed "topup-$engine" "$SIN" import agreements "$topup" --mode all --db "$dsn"

	# Spread the statuses (fixture, not audited; see the header).
	local fix="UPDATE agreements SET status = 'active' WHERE id % 5 IN (0, 1, 2); UPDATE agreements SET status = 'in_process' WHERE id % 5 = 3;"
	if [[ $engine == postgres ]]; then
		psql "$dsn" -qX -c "$fix" -c "VACUUM (ANALYZE) agreements, agreement_parties, agreement_stages" >/dev/null
	else
		sqlite3 "${dsn#sqlite:}" "$fix"
	fi

	local token
	printf '%s\n' "bench-ks-$$-$RANDOM$RANDOM" |
		"$SIN" user create --db "$dsn" --email "$EMAIL" --name "Pembaca Benchmark" --org 1 --roles member --password - >/dev/null
	token=$("$SIN" token create --db "$dsn" --user "$EMAIL" --name bench 2>/dev/null | tail -1)
	[[ $token == sng_* ]] || { echo "$BENCH_SCRIPT: no token from 'sinergi token create'" >&2; return 1; }

	local port pid base
	port=$(pick_port)
	"$SIN" serve --db "$dsn" --addr "127.0.0.1:$port" --quiet >"$OUT/serve-$engine.out" 2>"$OUT/serve-$engine.err" &
	pid=$!
	PIDS+=("$pid")
	base="http://127.0.0.1:$port"
	wait_ready "$base/readyz" "$pid" "$OUT/serve-$engine.err"

	local targets=(
		"rare=/api/v1/agreements?q=galangan"
		"common=/api/v1/agreements?q=pengembangan"
		"prefix=/api/v1/agreements?q=pete"
		"two-words=/api/v1/agreements?q=jalan+maros"
		"party=/api/v1/agreements?q=koperasi"
		"status=/api/v1/agreements?status=active&q=jalan"
		"page-html=/agreements?q=pete"
	)
	local bodies="$WORK/bodies-$engine"
	mkdir -p "$bodies"
	log "host CPU busy before the search runs: $(cpu_busy); load average $(cut -d' ' -f1-3 /proc/loadavg)"
	"$WORK/forumclient" --base "$base" --token "$token" --n "$REQS" --warmup "$WARMUP" --save "$bodies" \
		--expect 'rare="total":' --expect 'prefix=Peternakan' --expect 'status="status":"active"' "${targets[@]}" >"$OUT/sinergi-$engine.tsv"
	stop "$pid"

	local entry name path bport bpid
	: >"$OUT/bare-$engine.tsv"
	for entry in "${targets[@]}"; do
		name=${entry%%=*} path=${entry#*=}
		bport=$(pick_port)
		"$WORK/bare" --addr "127.0.0.1:$bport" --body "$bodies/$name.body" >"$OUT/bare-$engine-$name.out" 2>&1 &
		bpid=$!
		PIDS+=("$bpid")
		wait_ready "http://127.0.0.1:$bport/" "$bpid" "$OUT/bare-$engine-$name.out"
		"$WORK/forumclient" --base "http://127.0.0.1:$bport" --n "$REQS" --warmup "$WARMUP" "$name=$path" >>"$OUT/bare-$engine.tsv"
		stop "$bpid"
	done
	"$WORK/agreementlike" --db "$dsn" --n "$LIKE_N" rare=galangan common=pengembangan prefix=pete "two-words=jalan maros" party=koperasi 'status=jalan|active' >"$OUT/like-$engine.tsv"

	log ""
	log "| engine   | query      | total  | p50 ms | p90 ms | p99 ms | bare p50 | ×bare p50 | LIKE p50 | LIKE p99 | LIKE/index p50 |"
	log "|----------|------------|--------|--------|--------|--------|----------|-----------|----------|----------|----------------|"
	local row total b50 l50 l99 lt
	while IFS=$'\t' read -r name _ p50 p90 p99 _ _ _; do
		b50=$(awk -F'\t' -v n="$name" '$1 == n {print $3}' "$OUT/bare-$engine.tsv")
		l50=$(awk -F'\t' -v n="$name" '$1 == n {print $3}' "$OUT/like-$engine.tsv")
		l99=$(awk -F'\t' -v n="$name" '$1 == n {print $5}' "$OUT/like-$engine.tsv")
		lt=$(awk -F'\t' -v n="$name" '$1 == n {print $8}' "$OUT/like-$engine.tsv")
		total=$(grep -o '"total":[0-9]*' "$bodies/$name.body" | head -1 | cut -d: -f2 || true)
		row=$(awk -v e="$engine" -v n="$name" -v t="${total:-${lt:-–}}" -v p50="$p50" -v p90="$p90" -v p99="$p99" -v b50="$b50" -v l50="${l50:-0}" -v l99="${l99:-0}" 'BEGIN {
			printf "| %-8s | %-10s | %6s | %6.2f | %6.2f | %6.2f | %8.2f | %8.1f× | %8s | %8s | %14s |",
				e, n, t, p50, p90, p99, b50, (b50 > 0 ? p50 / b50 : 0),
				(l50 > 0 ? sprintf("%.2f", l50) : "–"), (l99 > 0 ? sprintf("%.2f", l99) : "–"), (l50 > 0 ? sprintf("%.1f×", l50 / p50) : "–") }')
		log "$row"
		SEARCH+=("$row")
	done <"$OUT/sinergi-$engine.tsv"
	log "queries: $(printf '%s ' "${targets[@]}")"
	log "server log: $(grep -c '"level":"ERROR"' "$OUT/serve-$engine.err" || true) ERROR, $(grep -c '"level":"WARN"' "$OUT/serve-$engine.err" || true) WARN"
	if [[ $engine == postgres ]]; then
		pg_drop
	fi
	log ""
}

for engine in $ENGINES; do
	bench_engine "$engine"
done

log "## Import of $N xlsx rows (goal >= 20,000 rows/s wall and < 300 MB; peer: openpyxl xlsx → CSV, rows/s wall)"
log "| engine   | rows    | wall s  | CPU s   | rows/s   | rows/CPU s | RSS MB | peer/s    | ratio |"
log "|----------|---------|---------|---------|----------|----------|--------|-----------|-------|"
for row in "${IMPORTS[@]}"; do log "$row"; done
log ""
log "## Search at $N agreements ($REQS sequential requests; ×bare = Sinergi p50 / bare p50 on the same bytes; LIKE/index = old substring scan p50 / Sinergi p50)"
log "| engine   | query      | total  | p50 ms | p90 ms | p99 ms | bare p50 | ×bare p50 | LIKE p50 | LIKE p99 | LIKE/index p50 |"
log "|----------|------------|--------|--------|--------|--------|----------|-----------|----------|----------|----------------|"
for row in "${SEARCH[@]}"; do log "$row"; done
log ""
log "outputs: $OUT"
