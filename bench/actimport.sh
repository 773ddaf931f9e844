#!/usr/bin/env bash
# bench/actimport.sh — the activity import (issue 6 item 1) against its peer,
# and the organisation page's network cache against computing the analysis.
#
#   bench/actimport.sh [ROWS…]      # default: 5000
#
# For each ROWS, on a fresh SQLite file and a fresh PostgreSQL database:
# bench/actimport records ROWS activities one by one through CreateActivity
# (the peer: one transaction and audit entry each, what a client looping
# over POST /api/v1/activities costs without HTTP), then imports another
# ROWS from a CSV (sheet.Activities.Read + ImportActivities, one
# transaction, an audit entry per row), verifies the audit chain, and
# times a full network analysis and one organisation's trends against a
# cache hit (reading the change counters). Ratios are printed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require go psql
bench_setup actimport
PG_ADMIN=${BENCH_PG:-postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable}
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(5000)
bench_build actimport
log "$(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${SIZES[@]}"; do
	log "== SQLite, $n rows"
	"$WORK/actimport" --db "sqlite:$WORK/import-$n.db" --rows "$n" | tee -a "$OUT/summary.txt"
	if psql "$PG_ADMIN" -qX -c 'SELECT 1' >/dev/null 2>&1; then
		PG_DB=sinergi_bench_actimport_$$
		psql "$PG_ADMIN" -qX -c "CREATE DATABASE $PG_DB" >/dev/null
		log "== PostgreSQL, $n rows"
		"$WORK/actimport" --db "${PG_ADMIN/\/postgres\?/\/$PG_DB?}" --rows "$n" | tee -a "$OUT/summary.txt"
		psql "$PG_ADMIN" -qX -c "DROP DATABASE $PG_DB WITH (FORCE)" >/dev/null
		PG_DB=""
	else
		log "(PostgreSQL at $PG_ADMIN not reachable: skipped)"
	fi
done
