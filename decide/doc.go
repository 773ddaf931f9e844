// Package decide computes the results of the ways a forum can decide besides
// consensus (which lives in package consensus): advice process, consent
// process, sense check, score, ranked choice, dot vote and meeting-time poll,
// as Loomio offers them. It is pure: no storage, no HTTP, no clock.
//
// A poll has Settings; each voter casts one Ballot, checked by Validate; Tally
// turns the ballots into a Result with bilingual explanations. Tally counts
// the last valid ballot of each voter (a changed ballot is appended), skips
// invalid ones and never panics.
//
// Results do not depend on the order of the ballots, and which options win
// never depends on the order in which the options are listed: ties are
// reported as ties (several Winners, StatusTie) and options that tie share a
// rank. Counts list the options by rank, tied ones in listing order.
//
// Ranked choice is counted by instant runoff: each round, every ballot counts
// for its highest-ranked option still in the count; an option with more than
// half of the ballots still in the count wins. Otherwise the option with the
// fewest votes is eliminated. When several options share the fewest votes,
// the one with fewer votes in the nearest earlier round is eliminated, then
// the one with the lower Borda total; options still tied after that are
// eliminated together. When that would eliminate every option left, those
// options tie for the win. Borda totals are reported as well: an option
// ranked at position i (0-based) of n options gets n−i points, an unranked
// option none.
package decide
