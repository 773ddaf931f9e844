package decide

import (
	"cmp"
	"fmt"
	"slices"

	"sinergi"
)

// Ranked choice: each voter ranks one or more options; counted by instant
// runoff, with Borda totals alongside (see the package documentation for the
// tie rule).

func checkRanking(v *sinergi.Validation, idx map[string]int, b Ballot) {
	if len(b.Ranking) == 0 {
		v.Add("ranking", "Urutkan minimal satu pilihan", "Rank at least one option")
		return
	}
	seen := make(map[string]bool, len(b.Ranking))
	var unknown []string
	for _, o := range b.Ranking {
		if _, ok := idx[o]; !ok {
			unknown = append(unknown, o)
		} else if seen[o] {
			v.Add("ranking", "Pilihan diurutkan lebih dari sekali: "+o, "Option ranked more than once: "+o)
			return
		}
		seen[o] = true
	}
	slices.Sort(unknown)
	addUnknown(v, "ranking", unknown)
}

// runoff is the state of an instant-runoff count.
type runoff struct {
	opts    []string
	idx     map[string]int
	borda   []int
	in      []bool  // still in the count
	history [][]int // votes per option, per round
	out     []int   // round in which each option was eliminated; -1 = never
}

func tallyRanked(r *Result, s Settings, bs []Ballot) {
	n := len(s.Options)
	ro := &runoff{opts: s.Options, idx: s.index(), borda: make([]int, n), in: make([]bool, n), out: make([]int, n)}
	counts := optionCounts(s)
	for _, b := range bs {
		for pos, o := range b.Ranking {
			ro.borda[ro.idx[o]] += n - pos
		}
		counts[ro.idx[b.Ranking[0]]].Count++
	}
	for i := range counts {
		counts[i].Total = ro.borda[i]
		ro.in[i], ro.out[i] = true, -1
	}
	r.Reasons = []sinergi.Text{sinergi.T(
		"Dihitung dengan runoff instan: pilihan dengan suara paling sedikit tersisih sampai satu pilihan meraih lebih dari separuh suara",
		"Counted by instant runoff: the option with the fewest votes is eliminated until one option has more than half of the votes")}
	if len(bs) == 0 {
		finishOptions(r, counts, byTotal, nil)
		return
	}
	winners, last := ro.run(r, bs)
	// Rank: winners; then options by the round they left (later is better),
	// then by their votes in that round.
	key := func(c Count) (bool, int, int) {
		i := ro.idx[c.Option]
		round := ro.out[i]
		if round < 0 {
			round = len(ro.history)
		}
		return slices.Contains(winners, c.Option), round, ro.history[min(round, len(ro.history)-1)][i]
	}
	better := func(a, b Count) int {
		wa, ra, va := key(a)
		wb, rb, vb := key(b)
		if wa != wb {
			if wa {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(rb, ra), cmp.Compare(vb, va))
	}
	finishOptions(r, counts, better, func(Count) sinergi.Text {
		v := ro.history[len(ro.history)-1][ro.idx[winners[0]]]
		return sinergi.T(fmt.Sprintf("%d dari %d suara pada putaran %d", v, last, len(ro.history)),
			fmt.Sprintf("%d of %d votes in round %d", v, last, len(ro.history)))
	})
	top := slices.Max(ro.borda)
	for i, o := range s.Options {
		if ro.borda[i] == top {
			r.BordaWinners = append(r.BordaWinners, o)
		}
	}
	w := quoted(r.BordaWinners)
	r.Reasons = append(r.Reasons, sinergi.T(
		fmt.Sprintf("Menurut hitungan Borda, %s unggul dengan %d poin", w.ID, top),
		fmt.Sprintf("By Borda count, %s %s with %d points", w.EN, plural(len(r.BordaWinners), "leads", "lead"), top)))
}

// run counts rounds until a majority or a tie; it returns the winners and
// the number of ballots still in the count in the last round.
func (ro *runoff) run(r *Result, bs []Ballot) ([]string, int) {
	for round := 0; ; round++ {
		votes := make([]int, len(ro.opts))
		exhausted := 0
		for _, b := range bs {
			if i, ok := ro.first(b); ok {
				votes[i]++
			} else {
				exhausted++
			}
		}
		ro.history = append(ro.history, votes)
		rd := Round{Exhausted: exhausted}
		var live []int
		for i, o := range ro.opts {
			if ro.in[i] {
				rd.Votes = append(rd.Votes, Count{Option: o, Count: votes[i]})
				live = append(live, i)
			}
		}
		active := len(bs) - exhausted
		best := live[0]
		for _, i := range live {
			if votes[i] > votes[best] {
				best = i
			}
		}
		if 2*votes[best] > active {
			r.Rounds = append(r.Rounds, rd)
			return []string{ro.opts[best]}, active
		}
		lose, how := ro.losers(live, votes)
		if len(lose) == len(live) {
			r.Rounds = append(r.Rounds, rd)
			r.Reasons = append(r.Reasons, sinergi.T(
				fmt.Sprintf("Putaran %d: semua pilihan yang tersisa sama kuat dan tidak dapat dipisahkan", round+1),
				fmt.Sprintf("Round %d: all remaining options are level and cannot be separated", round+1)))
			return ro.names(live), active
		}
		for _, i := range lose {
			ro.in[i], ro.out[i] = false, round
		}
		rd.Eliminated = ro.names(lose)
		r.Rounds = append(r.Rounds, rd)
		q := quoted(rd.Eliminated)
		v := votes[lose[0]]
		r.Reasons = append(r.Reasons, sinergi.T(
			fmt.Sprintf("Putaran %d: %s tersisih dengan %d suara%s", round+1, q.ID, v, how.ID),
			fmt.Sprintf("Round %d: %s eliminated with %d %s%s", round+1, q.EN, v, plural(v, "vote", "votes"), how.EN)))
	}
}

// first returns the highest-ranked option of b still in the count.
func (ro *runoff) first(b Ballot) (int, bool) {
	for _, o := range b.Ranking {
		if i := ro.idx[o]; ro.in[i] {
			return i, true
		}
	}
	return 0, false
}

// losers returns the options to eliminate among live and how a tie among
// the fewest votes was broken.
func (ro *runoff) losers(live []int, votes []int) ([]int, sinergi.Text) {
	lose := fewest(live, func(i int) int { return votes[i] })
	if len(lose) == 1 {
		return lose, sinergi.Text{}
	}
	for k := len(ro.history) - 2; k >= 0; k-- {
		if l := fewest(lose, func(i int) int { return ro.history[k][i] }); len(l) < len(lose) {
			return l, sinergi.T(fmt.Sprintf(" (seri diputus dengan perolehan putaran %d)", k+1),
				fmt.Sprintf(" (tie broken by the votes in round %d)", k+1))
		}
	}
	if l := fewest(lose, func(i int) int { return ro.borda[i] }); len(l) < len(lose) {
		return l, sinergi.T(" (seri diputus dengan total Borda)", " (tie broken by Borda total)")
	}
	return lose, sinergi.T(" (seri, tersisih bersama)", " (tied, eliminated together)")
}

// fewest returns the members of set with the lowest value.
func fewest(set []int, value func(int) int) []int {
	var out []int
	for _, i := range set {
		switch {
		case len(out) == 0 || value(i) < value(out[0]):
			out = []int{i}
		case value(i) == value(out[0]):
			out = append(out, i)
		}
	}
	return out
}

func (ro *runoff) names(is []int) []string {
	out := make([]string, len(is))
	for i, j := range is {
		out[i] = ro.opts[j]
	}
	return out
}
