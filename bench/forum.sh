#!/usr/bin/env bash
# bench/forum.sh — server time of the forum pages (issue 3, "Benchmarks"): a
# forum with 200 deciding member organisations, a charter, 1,000 proposals
# (a third open, the rest closed with their stored result) and 50,000
# positions (bench/forumseed), served by `sinergi serve --quiet` on SQLite and
# on PostgreSQL. For each page: p50/p90/p99/max of BENCH_N sequential
# requests over one kept-alive connection (bench/forumclient), as the forum's
# facilitator (bearer token), against the goal (< 100 ms) and against the
# bare peer (bench/bare) serving the very same bytes.
#
#   bench/forum.sh                       # both engines, 200 requests per page
#   BENCH_ENGINES=sqlite BENCH_N=50 bench/forum.sh
#
# Knobs: BENCH_N (200), BENCH_WARMUP (20), BENCH_ORGS (organisations in the
# registry, 2000; 200 of them become members), BENCH_PROPOSALS (1000),
# BENCH_POSITIONS (50000), BENCH_ENGINES ("sqlite postgres"), BENCH_PG (admin
# URL; a database sinergi_forum_<pid> is created in it and dropped on exit).
# Loopback only; every process it starts is stopped on exit. Output: stdout
# and a copy in bench/out/ (git-ignored).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # cd to the repository root; ROOT

N=${BENCH_N:-200}
WARMUP=${BENCH_WARMUP:-20}
ORGS=${BENCH_ORGS:-2000}
PROPOSALS=${BENCH_PROPOSALS:-1000}
POSITIONS=${BENCH_POSITIONS:-50000}
ENGINES=${BENCH_ENGINES:-sqlite postgres}
PG_ADMIN=${BENCH_PG:-postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable}
GOAL_MS=100
EMAIL=bench-forum@example.org

bench_require go curl awk
bench_setup forum # WORK, OUT, PIDS, PG_DB; stops, drops and removes on exit

echo "building sinergi, bare, seed, forumseed and forumclient into $WORK …"
bench_build sinergi bare seed forumseed forumclient
SIN=$WORK/sinergi

: >"$OUT/summary.txt"
log "# Sinergi forum pages, $(date -u '+%Y-%m-%d %H:%M:%SZ')"
log "machine: $(nproc) CPU(s), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), kernel $(uname -r); $(go version | awk '{print $3}')"
log "build: $(build_info)"
log "load: $N sequential requests per page after $WARMUP unmeasured, one kept-alive connection, bearer token of the forum's facilitator; host CPU busy at start: $(cpu_busy)"
log ""

SUMMARY=()

bench_engine() {
	local engine=$1 dsn
	engine_setup "$engine" forum "$ORGS" # a fresh database, migrated, $ORGS organisations
	[[ -n $DSN ]] || return 0
	dsn=$DSN
	local info="$WORK/info-$engine.env"
	"$WORK/forumseed" --db "$dsn" --proposals "$PROPOSALS" --positions "$POSITIONS" --info "$info" | tee -a "$OUT/summary.txt"
	# shellcheck source=/dev/null
	source "$info" # FORUM_ID, INITIATOR_ORG, BIG_OPEN, BIG_CLOSED, …

	# An account of the initiating organisation (the forum's facilitator)
	# and a bearer token for it.
	local token
	printf '%s\n' "bench-forum-$$-$RANDOM$RANDOM" |
		"$SIN" user create --db "$dsn" --email "$EMAIL" --name "Fasilitator Benchmark" --org "$INITIATOR_ORG" --roles member --password - >/dev/null
	token=$("$SIN" token create --db "$dsn" --user "$EMAIL" --name bench 2>/dev/null | tail -1)
	[[ $token == sng_* ]] || { echo "forum.sh: no token from 'sinergi token create'" >&2; return 1; }

	local port pid base
	port=$(pick_port)
	"$SIN" serve --db "$dsn" --addr "127.0.0.1:$port" --quiet >"$OUT/serve-$engine.out" 2>"$OUT/serve-$engine.err" &
	pid=$!
	PIDS+=("$pid")
	base="http://127.0.0.1:$port"
	wait_ready "$base/readyz" "$pid" "$OUT/serve-$engine.err"

	# name=path; what each page must show is checked on its first response.
	local targets=(
		"forum=/forums/$FORUM_ID"
		"proposal-open=/proposals/$BIG_OPEN"
		"proposal-closed=/proposals/$BIG_CLOSED"
		"list-html=/forums/$FORUM_ID?offset=500"
		"list-api=/api/v1/proposals?forum_id=$FORUM_ID"
		"forum-api=/api/v1/forums/$FORUM_ID"
		"proposal-api=/api/v1/proposals/$BIG_OPEN"
	)
	local expect=(
		--expect "forum=Forum Transportasi Perkotaan Mamminasata"
		--expect "proposal-open=$BIG_OPEN_TITLE"
		--expect "proposal-open=200/200"
		--expect "proposal-closed=$BIG_CLOSED_TITLE"
		--expect "list-api=\"total\":$PROPOSALS"
		--expect "forum-api=\"members\":[{"
		--expect "proposal-api=\"positions\":["
	)
	local bodies="$WORK/bodies-$engine"
	mkdir -p "$bodies"
	log "host CPU busy before the runs: $(cpu_busy)"
	"$WORK/forumclient" --base "$base" --token "$token" --n "$N" --warmup "$WARMUP" --save "$bodies" "${expect[@]}" "${targets[@]}" >"$OUT/sinergi-$engine.tsv"
	# The public's view of the forum page (no token: no "add a member" list).
	"$WORK/forumclient" --base "$base" --n "$N" --warmup "$WARMUP" --save "$bodies" \
		--expect "forum-anon=Forum Transportasi Perkotaan Mamminasata" "forum-anon=/forums/$FORUM_ID" >>"$OUT/sinergi-$engine.tsv"
	stop "$pid"

	# The peer, serving each page's bytes.
	local entry name path bport bpid
	: >"$OUT/bare-$engine.tsv"
	for entry in "${targets[@]}" "forum-anon=/forums/$FORUM_ID"; do
		name=${entry%%=*} path=${entry#*=}
		bport=$(pick_port)
		"$WORK/bare" --addr "127.0.0.1:$bport" --body "$bodies/$name.body" >"$OUT/bare-$engine-$name.out" 2>&1 &
		bpid=$!
		PIDS+=("$bpid")
		wait_ready "http://127.0.0.1:$bport/" "$bpid" "$OUT/bare-$engine-$name.out"
		"$WORK/forumclient" --base "http://127.0.0.1:$bport" --n "$N" --warmup "$WARMUP" "$name=$path" >>"$OUT/bare-$engine.tsv"
		stop "$bpid"
	done

	log ""
	log "| engine   | page             | KB    | p50 ms | p90 ms | p99 ms | max ms | p99 < $GOAL_MS ms | bare p50 | bare p99 | p50 ratio |"
	log "|----------|------------------|-------|--------|--------|--------|--------|--------------|----------|----------|-----------|"
	local row
	while IFS=$'\t' read -r name _ p50 p90 p99 mx _ bytes; do
		read -r b50 b99 < <(awk -F'\t' -v n="$name" '$1 == n {print $3, $5}' "$OUT/bare-$engine.tsv")
		row=$(awk -v e="$engine" -v n="$name" -v kb="$bytes" -v p50="$p50" -v p90="$p90" -v p99="$p99" -v mx="$mx" -v b50="$b50" -v b99="$b99" -v g="$GOAL_MS" 'BEGIN {
			printf "| %-8s | %-16s | %5.1f | %6.2f | %6.2f | %6.2f | %6.2f | %-12s | %8.2f | %8.2f | %8.1f× |",
				e, n, kb / 1024, p50, p90, p99, mx, (p99 < g ? "yes" : "**NO**"), b50, b99, (b50 > 0 ? p50 / b50 : 0) }')
		log "$row"
		SUMMARY+=("$row")
	done <"$OUT/sinergi-$engine.tsv"
	log "paths: forum /forums/$FORUM_ID; proposal-open /proposals/$BIG_OPEN ($BIG_OPEN_POSITIONS positions); proposal-closed /proposals/$BIG_CLOSED ($BIG_CLOSED_POSITIONS positions);"
	log "  list-html /forums/$FORUM_ID?offset=500 (the forum page's proposal list, 20 a page); list-api /api/v1/proposals?forum_id=$FORUM_ID (50 a page);"
	log "  forum-api /api/v1/forums/$FORUM_ID; proposal-api /api/v1/proposals/$BIG_OPEN; forum-anon /forums/$FORUM_ID without a token"

	local errs warns
	errs=$(grep -c '"level":"ERROR"' "$OUT/serve-$engine.err" || true)
	warns=$(grep -c '"level":"WARN"' "$OUT/serve-$engine.err" || true)
	log "server log: $errs ERROR, $warns WARN"
	if [[ $engine == postgres ]]; then
		pg_drop
	fi
	log ""
}

for engine in $ENGINES; do
	bench_engine "$engine"
done

log "## Summary (ms; $N sequential requests per page; ratio = Sinergi p50 / bare p50 on the same bytes)"
log "| engine   | page             | KB    | p50 ms | p90 ms | p99 ms | max ms | p99 < $GOAL_MS ms | bare p50 | bare p99 | p50 ratio |"
log "|----------|------------------|-------|--------|--------|--------|--------|--------------|----------|----------|-----------|"
for row in "${SUMMARY[@]}"; do
	log "$row"
done
log ""
log "raw latencies (TSV) and server logs: $OUT"
