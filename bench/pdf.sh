#!/usr/bin/env bash
# bench/pdf.sh — Sinergi's document engine (package pdf, through
# bench/pdfgen) against LibreOffice converting the same content from HTML
# (`libreoffice --headless --convert-to pdf`, what users do today), for
# reports of about 10, 100 and 500 A4 pages.
#
#   bench/pdf.sh                      # 3 runs per case
#   BENCH_RUNS=5 BENCH_PAGES="10 100" bench/pdf.sh
#
# Per case: wall time (median of the runs, date +%s%N around the process),
# peak memory (largest "Maximum resident set size" of /usr/bin/time -v over
# the runs), pages per second, and the ratio LibreOffice / Sinergi. Both
# sides are whole processes started from the shell. LibreOffice runs with
# its own profile under the temp dir, warmed up once before measuring;
# HTML is written before timing. Page counts differ a little (the layouts
# are not the same), so pages/s is per tool's own page count and the ratio
# is time on the same content. Needs: go, libreoffice (Debian
# libreoffice-writer), pdfinfo (poppler-utils), /usr/bin/time.
# Output: stdout and a copy in bench/out/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

RUNS=${BENCH_RUNS:-3}
PAGES=${BENCH_PAGES:-10 100 500}
GOAL=20

for tool in go libreoffice pdfinfo /usr/bin/time awk; do
	command -v "$tool" >/dev/null || { echo "bench/pdf.sh: $tool is missing" >&2; exit 1; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p bench/out
OUT=bench/out/pdf-$(date -u +%Y%m%dT%H%M%SZ)

go build -o "$TMP/pdfgen" ./bench/pdfgen
LO=(libreoffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf)

# warm-up: creates the profile (the first start of LibreOffice is slower)
"$TMP/pdfgen" -pages 1 -html "$TMP/warm.html"
"${LO[@]}" --outdir "$TMP/warm" "$TMP/warm.html" >/dev/null 2>&1

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure NAME CMD...: runs CMD $RUNS times; prints "median_wall_s peak_kb
# median_cpu_s" (cpu = user + system time of the process and its children,
# from bash's time in milliseconds: /usr/bin/time counts 10 ms ticks)
TIMEFORMAT='%3U %3S'
measure() {
	local name=$1
	shift
	local times=() cpus=() peak=0
	for ((i = 0; i < RUNS; i++)); do
		local t0 t1 kb
		t0=$(date +%s%N)
		{ time /usr/bin/time -v -o "$TMP/$name.time" "$@" >/dev/null 2>&1; } 2>"$TMP/$name.cpu"
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
		kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/$name.time")
		((kb > peak)) && peak=$kb
		cpus+=($(awk '{print $1 + $2}' "$TMP/$name.cpu"))
	done
	awk -v us="$(printf '%s\n' "${times[@]}" | median)" -v kb="$peak" -v cpu="$(printf '%s\n' "${cpus[@]}" | median)" \
		'BEGIN {printf "%.3f %d %.3f\n", us/1e6, kb, cpu}'
}

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

{
	echo "# bench/pdf.sh $(date -u +%FT%TZ) — $(nproc) cores, $(go version | awk '{print $3}'), $(libreoffice --version | head -1)"
	echo "# runs per case: $RUNS (median wall time and CPU time, peak RSS); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
	printf '%-6s | %-7s %7s %6s %8s %8s | %-7s %7s %6s %8s %8s | %7s %7s\n' target sinergi wall_s cpu_s peak_MB pages/s libre wall_s cpu_s peak_MB pages/s ratio cpu_ratio
	for n in $PAGES; do
		"$TMP/pdfgen" -pages "$n" -html "$TMP/r$n.html" 2>/dev/null
		read -r st skb sc < <(measure "s$n" "$TMP/pdfgen" -pages "$n" -pdf "$TMP/r$n.pdf")
		read -r lt lkb lc < <(measure "l$n" "${LO[@]}" --outdir "$TMP/lo" "$TMP/r$n.html")
		sp=$(pages "$TMP/r$n.pdf")
		lp=$(pages "$TMP/lo/r$n.pdf")
		awk -v n="$n" -v sp="$sp" -v st="$st" -v skb="$skb" -v sc="$sc" -v lp="$lp" -v lt="$lt" -v lkb="$lkb" -v lc="$lc" 'BEGIN {
			if (sc <= 0) sc = 0.001
			printf "%-6s | %-7s %7.3f %6.3f %8.1f %8.0f | %-7s %7.3f %6.3f %8.1f %8.0f | %6.1fx %6.1fx\n",
				n, sp " pp", st, sc, skb/1024, sp/st, lp " pp", lt, lc, lkb/1024, lp/lt, lt/st, lc/sc }'
	done
	echo "# goal: ratio >= ${GOAL}x (LibreOffice wall time / Sinergi wall time on the same content);"
	echo "# cpu_ratio is the same for CPU time (user + system)"
} | tee "$OUT"
