#!/usr/bin/env python3
"""Reference values for network/karate_test.go, from Debian's python3-networkx.

Run: python3 network/testdata/karate_reference.py
Writes karate.csv (the 78 edges of Zachary's karate club as networkx ships it:
W. W. Zachary, "An information flow model for conflict and fission in small
groups", J. Anthropological Research 33(4):452-473, 1977; networkx
karate_club_graph()) and prints the values the Go test records.
"""
import os
import networkx as nx

G = nx.karate_club_graph()
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "karate.csv"), "w") as f:
    f.write("# Zachary's karate club, 34 members, 78 ties (unweighted).\n")
    f.write("# Source: W. W. Zachary (1977) J. Anthropological Research 33(4):452-473,\n")
    f.write("# as shipped by networkx %s karate_club_graph(); written by karate_reference.py.\n" % nx.__version__)
    f.write("source,target\n")
    for u, v in sorted((min(a, b), max(a, b)) for a, b in G.edges()):
        f.write("%d,%d\n" % (u, v))

print("networkx", nx.__version__)
print("nodes", G.number_of_nodes(), "edges", G.number_of_edges())
print("components", nx.number_connected_components(G))
print("density %r" % nx.density(G))
bc = nx.betweenness_centrality(G)
for n in sorted(bc):
    print("betweenness %d %r" % (n, bc[n]))
club = {n: G.nodes[n]["club"] for n in G}
parts = [{n for n in G if club[n] == c} for c in sorted(set(club.values()))]
print("modularity_club %r" % nx.community.modularity(G, parts, weight=None))
for seed in range(5):
    comms = nx.community.louvain_communities(G, weight=None, seed=seed)
    print("louvain seed %d communities %d modularity %r" % (seed, len(comms), nx.community.modularity(G, comms, weight=None)))
