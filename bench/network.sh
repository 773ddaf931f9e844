#!/usr/bin/env bash
# bench/network.sh — network analytics (issue 6) side by side with networkx and igraph.
#
#   bench/network.sh [SIZE…]        # default: 1000 10000; add 100000 for the largest
#
# For each size: bench/netgen writes 10 activity records per node (1 million
# at 100k) on a synthetic collaboration network with planted silos
# (from,to,date,kind,directed), and the weighted edge list that
# network.FromLinks makes of them (source,target,weight: count and recency
# at NOW). Then:
#   - sinergi analyze --links RECORDS --now NOW --json --max-exact 1 --samples K
#       (the whole path records → weighted network → measures: wall, peak RSS)
#   - netgen --time-records RECORDS   (the same path, phase by phase)
#   - bench/network_peer.py networkx  (python3-networkx, Debian) on the edge list
#   - bench/network_peer.py igraph    (python3-igraph, Debian) on the edge list
# The peers get the aggregated edge list, not the records; the summary checks
# that all read the same graph (nodes, edges, total weight).
# each under /usr/bin/time -v and `timeout` (NET_TIMEOUT seconds, default 600),
# and prints Louvain time and modularity, sampled betweenness time (K = NET_K
# sources, default 500), components, peak memory, and the ratios.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require go /usr/bin/time /usr/bin/python3 timeout
bench_setup network
K=${NET_K:-500}
NOW=${NET_NOW:-2026-11-30}
LIMIT=${NET_TIMEOUT:-600}
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000 10000)

go build -o "$WORK/sinergi" ./cmd/sinergi
go build -o "$WORK/netgen" ./bench/netgen

# run NAME CMD…: CMD's stdout in $OUT/NAME.json, time -v in $OUT/NAME.time
run() {
	local name=$1
	shift
	if ! timeout "$LIMIT" /usr/bin/time -v -o "$OUT/$name.time" "$@" >"$OUT/$name.json" 2>"$OUT/$name.err"; then
		echo "  $name: failed or timed out after ${LIMIT}s (see $OUT/$name.err); phases finished before are kept" >&2
		echo '{"skipped": true, "timed_out": true}' >>"$OUT/$name.json"
	fi
}

for n in "${SIZES[@]}"; do
	echo "== $n nodes"
	"$WORK/netgen" --n "$n" --seed 1 --now "$NOW" --records "$WORK/records-$n.csv" >"$WORK/net-$n.csv"
	cp "$WORK/net-$n.csv" "$OUT/" 2>/dev/null || true
	run "sinergi-analyze-$n" "$WORK/sinergi" analyze --links "$WORK/records-$n.csv" --now "$NOW" --json --max-exact 1 --samples "$K" --seed 1
	run "sinergi-phases-$n" "$WORK/netgen" --time-records "$WORK/records-$n.csv" --now "$NOW" --samples "$K" --seed 1
	run "networkx-$n" /usr/bin/python3 bench/network_peer.py networkx "$WORK/net-$n.csv" "$K" 1
	run "igraph-$n" /usr/bin/python3 bench/network_peer.py igraph "$WORK/net-$n.csv" "$K" 1
	/usr/bin/python3 - "$OUT" "$n" "$LIMIT" <<'PY'
import json, re, sys
out, n, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
def load(name):
    d = {"skipped": True}
    try:  # one JSON document, or (the peers) a JSON line per finished phase: keep the fullest
        text = open(f"{out}/{name}-{n}.json").read()
        try:
            lines = [json.loads(text)]
        except ValueError:
            lines = [json.loads(l) for l in text.splitlines() if l.strip()]
        done = [l for l in lines if not l.get("skipped")]
        if done:
            d = done[-1]
            if lines[-1].get("timed_out"):
                d["timed_out"], d["wall_s"] = True, limit  # at least the timeout
    except Exception:
        pass
    try:
        t = open(f"{out}/{name}-{n}.time").read()
        d["rss_mb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
        h, m, s = ([0, 0] + re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", t).group(1).split(":"))[-3:]
        d["wall_s"] = int(h) * 3600 + int(m) * 60 + float(s)
    except Exception:
        pass
    return d
a, s, nx, ig = load("sinergi-analyze"), load("sinergi-phases"), load("networkx"), load("igraph")
if "modularity" in a:
    s["modularity_analyze"], s["components_analyze"] = a["modularity"], a["components"]
def f(x, fmt="{:.3f}"):
    return "—" if x is None else fmt.format(x)
rows = [("tool", lambda d: d.get("tool", "—")), ("records", lambda d: d.get("records", "— (edge list)")),
        ("nodes / edges", lambda d: f"{d.get('nodes','—')} / {d.get('edges','—')}"),
        ("total weight", lambda d: f(d.get("total_weight"), "{:.3f}")),
        ("load s (sinergi: read + weigh records)", lambda d: f(d.get("load_s"), "{:.3f}")),
        ("components", lambda d: d.get("components", "—")), ("Louvain s", lambda d: f(d.get("louvain_s"), "{:.4f}")),
        ("modularity", lambda d: f(d.get("modularity"), "{:.4f}")), ("communities", lambda d: d.get("communities", "—")),
        ("betweenness s", lambda d: f(d.get("betweenness_s"), "{:.3f}")), ("betweenness", lambda d: f"{d.get('betweenness_method','—')} k={d.get('betweenness_samples','—')}"),
        ("whole run wall s", lambda d: f(d.get("wall_s"), "{:.2f}")), ("peak RSS MB", lambda d: f(d.get("rss_mb"), "{:.0f}"))]
print(f"| {n} nodes | sinergi | networkx | igraph |\n|---|---|---|---|")
for label, fn in rows:
    cells = []
    for d in (s, nx, ig):
        cells.append(str(fn(d)) if not d.get("skipped") else "skipped")
    if label in ("whole run wall s", "peak RSS MB"):
        cells[0] = str(fn(a)) + " (analyze)" if not a.get("skipped") else "skipped"
        cells = [c + (" (timed out)" if d.get("timed_out") else "") for c, d in zip(cells, (a, nx, ig))]
    print(f"| {label} | " + " | ".join(cells) + " |")
def ratio(name, key, src=s):
    parts = []
    for peer, d in (("networkx", nx), ("igraph", ig)):
        if src.get(key) and d.get(key):
            bound = "≥ " if d.get("timed_out") and key == "wall_s" else ""  # stopped by the timeout
            parts.append(f"{peer}/sinergi {bound}{d[key] / src[key]:.1f}×")
    print(f"ratio {name}: " + (", ".join(parts) or "—"))
ratio("Louvain time", "louvain_s")
ratio("betweenness time", "betweenness_s")
for d in (s, nx, ig):  # igraph times exact betweenness: compare the time per source too
    if d.get("betweenness_s") and d.get("betweenness_samples"):
        d["per_source_s"] = d["betweenness_s"] / d["betweenness_samples"]
ratio("betweenness time per source", "per_source_s")
ratio("whole-run wall", "wall_s", a)
ratio("peak RSS", "rss_mb", a)
print("sinergi analyze: modularity", a.get("modularity"), "components", a.get("components"), "(same seed as the phase run)")
same = [(d.get("nodes"), d.get("edges"), round(d.get("total_weight") or 0, 3)) for d in (a, s, nx, ig) if not d.get("skipped")]
print("same graph in every tool:", "yes" if len(set(same)) == 1 else f"NO {same}")
PY
done | tee "$OUT/summary.md"
