package decide

import "slices"

// rank sorts counts (given in listing order) best first by cmp, which
// returns a negative number when a is better than b; equal options keep
// their listing order and share a rank. It returns the options ranked first.
func rank(counts []Count, cmp func(a, b Count) int) []string {
	slices.SortStableFunc(counts, cmp)
	var winners []string
	for i := range counts {
		if i == 0 || cmp(counts[i-1], counts[i]) != 0 {
			counts[i].Rank = i + 1
		} else {
			counts[i].Rank = counts[i-1].Rank
		}
		if counts[i].Rank == 1 {
			winners = append(winners, counts[i].Option)
		}
	}
	return winners
}

// optionCounts returns one Count per option, in listing order.
func optionCounts(s Settings) []Count {
	out := make([]Count, len(s.Options))
	for i, o := range s.Options {
		out[i].Option = o
	}
	return out
}
