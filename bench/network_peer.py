#!/usr/bin/python3
"""bench/network_peer.py — the peers of bench/network.sh.

    /usr/bin/python3 bench/network_peer.py networkx|igraph FILE.csv K SEED

Loads the edge list (source,target,weight; header line) and times, phase by
phase, what `sinergi analyze` computes: connected components, Louvain
(weighted, resolution 1) and its modularity, betweenness from K sampled
sources. Prints one JSON line. Debian packages python3-networkx (2.8) and
python3-igraph (0.10): run with /usr/bin/python3.

python-igraph 0.10 has no source sampling for betweenness (no `sources=`,
only a path-length cutoff), so the igraph line times exact betweenness, and
only when SINERGI_IGRAPH_EXACT_MAX >= n (default 20000); method says which.

A JSON line is printed after every phase (the last line is the whole
result), so a run stopped by bench/network.sh's timeout still reports the
phases it finished.
"""
import csv
import json
import os
import sys
import time


def load(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        rows = []
        for i, rec in enumerate(r):
            if i == 0 and rec[0] == "source":
                continue
            rows.append((rec[0], rec[1], float(rec[2]) if len(rec) > 2 else 1.0))
    return rows


def report(out):
    print(json.dumps(out), flush=True)


def run_networkx(path, k, seed):
    import networkx as nx
    t0 = time.perf_counter()
    G = nx.Graph()
    G.add_weighted_edges_from(load(path))
    out = {"tool": "networkx " + nx.__version__, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
           "total_weight": G.size(weight="weight"), "load_s": time.perf_counter() - t0}
    t = time.perf_counter()
    out["components"] = nx.number_connected_components(G)
    out["components_s"] = time.perf_counter() - t
    t = time.perf_counter()
    comms = nx.community.louvain_communities(G, weight="weight", resolution=1, seed=seed)
    out["louvain_s"] = time.perf_counter() - t
    out["modularity"] = nx.community.modularity(G, comms, weight="weight")
    out["communities"] = len(comms)
    report(out)
    t = time.perf_counter()
    nx.betweenness_centrality(G, k=min(k, G.number_of_nodes()), seed=seed)
    out["betweenness_s"] = time.perf_counter() - t
    out["betweenness_method"], out["betweenness_samples"] = "sampled", min(k, G.number_of_nodes())
    return out


def run_igraph(path, k, seed):
    import random
    import igraph as ig
    random.seed(seed)
    t0 = time.perf_counter()
    rows = load(path)
    g = ig.Graph.TupleList(((a, b, w) for a, b, w in rows), directed=False, weights=True)
    out = {"tool": "igraph " + ig.__version__, "nodes": g.vcount(), "edges": g.ecount(), "total_weight": sum(g.es["weight"]),
           "load_s": time.perf_counter() - t0}
    t = time.perf_counter()
    out["components"] = len(g.connected_components())
    out["components_s"] = time.perf_counter() - t
    t = time.perf_counter()
    cl = g.community_multilevel(weights="weight")
    out["louvain_s"] = time.perf_counter() - t
    out["modularity"] = g.modularity(cl.membership, weights="weight")
    out["communities"] = len(cl)
    report(out)
    if g.vcount() <= int(os.environ.get("SINERGI_IGRAPH_EXACT_MAX", "20000")):
        t = time.perf_counter()
        g.betweenness(directed=False)
        out["betweenness_s"] = time.perf_counter() - t
        out["betweenness_method"], out["betweenness_samples"] = "exact (no sampling in python-igraph)", g.vcount()
    else:
        out["betweenness_s"], out["betweenness_method"], out["betweenness_samples"] = None, "skipped (exact too slow, no sampling)", 0
    return out


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("networkx", "igraph"):
        sys.exit("usage: network_peer.py networkx|igraph FILE K SEED")
    tool, path, k, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    out = run_networkx(path, k, seed) if tool == "networkx" else run_igraph(path, k, seed)
    report(out)


if __name__ == "__main__":
    main()
