// Package network measures Whole-of-Government collaboration from who
// actually works with whom (domain.md §7, issue 6). It is pure: no files,
// no database, no clock of its own (callers pass "now"); [ReadLinks] parses
// records from a reader it is given.
//
// # Graph
//
// [Build] makes an undirected weighted graph from edges (source, target,
// weight). Parallel edges are merged by summing their weights; self-loops
// (an organisation working with itself) are dropped and counted; weights must
// be finite and > 0. Nodes keep the order in which they first appear, so every
// result is deterministic.
//
// # Levels
//
// The same links can be analysed per unit, organisation or sector
// ([Level]): [UnitLinks] puts each end on its recorded unit, [Coarsen]
// lifts ends to their parents (unit → organisation, organisation → sector);
// links that fall inside one parent become self-ties and leave the graph.
//
// # Measures
//
//   - Density: 2E / (n(n−1)) over distinct undirected ties E (as networkx).
//   - Components: connected components, largest first; isolated nodes are
//     those without any tie.
//   - Modularity of a partition c (weighted, resolution 1, as networkx and
//     gonum community.Q):
//     Q = Σ_c [ L_c/m − (d_c/2m)² ], L_c the weight inside c, d_c the
//     weighted degree of c, m the total weight.
//   - Communities: our own Louvain (Blondel et al. 2008) over compact arrays:
//     local moves in a seeded random order (PCG, seed 1 unless told), with
//     the queue of Leiden's fast local move (Traag et al. 2019: after a move
//     only the node's neighbours are visited again), aggregation, repeated
//     until no move improves Q; then multi-level refinement (Rotta & Noack
//     2011): the top partition is projected back onto every level down to
//     the original nodes, whose local moves resume from it (on the planted-
//     silo benchmark networks this lifts Q by 0.01–0.02, above igraph's
//     multilevel, at about 15 % more time). It is deterministic for a
//     given seed and, unlike gonum's community.Modularize (map based, whose
//     neighbour order follows Go map iteration), gives the same answer on every
//     run; its Q is checked against gonum's community.Q in the tests. With
//     Trials > 1 the best of several seeds is kept.
//   - Betweenness: Brandes' algorithm on the unweighted graph (networkx's
//     default weight=None), normalised as networkx does by default:
//     b(v) / ((n−1)(n−2)) summed over ordered pairs. gonum's undirected
//     Betweenness is twice the unnormalised value; the tests check both. Exact
//     when n ≤ MaxExact (default 5000); otherwise sampled from k source nodes
//     (default 500) drawn with the seed, rescaled as networkx 3.6 does for
//     betweenness_centrality(k=…): sources by 1/((k−1)(n−2)), the others by
//     1/(k(n−2)). The method and k are part of the result.
//   - Krackhardt E-I index of a group g: (E − I) / (E + I), E the ties with
//     one end in g, I the ties with both ends in g (counts of ties, not
//     weights): −1 a pure silo, +1 fully outward (domain.md §7). Per node
//     (Result.EINodes): the same over the node's own ties against its
//     group; the groups are the formal structure of the level (see [EI]).
//   - Reciprocity of directed give/receive pairs (giver → receiver): the share
//     of distinct arcs u→v for which v→u also exists (networkx
//     overall_reciprocity); per node over the arcs it takes part in.
//   - Dormant ties: the last activity on the tie is more than 12 months
//     before now (strictly before now minus 12 calendar months).
//   - Recency weight of one activity dated t: 0.5^(age in days / 365), so a
//     year-old activity counts half ([RecencyWeight]).
//
// # WoG index
//
// For each node i with at least one tie (0 for isolated nodes), on 0–100:
//
//	WoG_i = 100 × ( 0.30·X_i + 0.20·D_i + 0.15·B_i + 0.20·A_i + 0.15·R_i )
//
//	X_i = (EI_i + 1) / 2    outward orientation: node E-I against its formal group
//	                        (0.5 when no group is known)
//	D_i = deg_i / max deg   reach: distinct partners relative to the best-connected node
//	B_i = b_i / max b       brokerage: betweenness relative to the top broker (0 if none)
//	A_i = active ties / ties  share of ties with activity in the last 12 months
//	                        (1 when no dates are known)
//	R_i = reciprocated arcs / arcs of i  give and take (0.5 when i has no directed arcs)
//
// The weights favour crossing formal boundaries (X) and keeping ties alive
// (A), the two faces of the silo mentality WoG answers (domain.md §2).
package network
