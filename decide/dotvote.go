package decide

import (
	"fmt"

	"sinergi"
)

// Dot vote: each voter spreads 1 to DotsPerVoter dots over the options;
// options rank by dots.

func checkDots(v *sinergi.Validation, s Settings, idx map[string]int, b Ballot) {
	addUnknown(v, "dots", unknownKeys(idx, b.Dots))
	sum := 0
	for _, o := range s.Options {
		d := b.Dots[o]
		if d < 0 || d > s.DotsPerVoter {
			v.Add("dots", fmt.Sprintf("Titik untuk %q harus 0 sampai %d", o, s.DotsPerVoter),
				fmt.Sprintf("Dots for %q must be 0 to %d", o, s.DotsPerVoter))
			return
		}
		sum += d
	}
	switch {
	case sum == 0:
		v.Add("dots", "Bagikan minimal satu titik", "Place at least one dot")
	case sum > s.DotsPerVoter:
		v.Add("dots", fmt.Sprintf("Anda membagikan %d titik; paling banyak %d", sum, s.DotsPerVoter),
			fmt.Sprintf("You placed %d dots; at most %d are allowed", sum, s.DotsPerVoter))
	}
}

func tallyDots(r *Result, s Settings, bs []Ballot) {
	counts := optionCounts(s)
	for i := range counts {
		for _, b := range bs {
			if d := b.Dots[counts[i].Option]; d > 0 {
				counts[i].Total += d
				counts[i].Count++
			}
		}
	}
	r.Reasons = []sinergi.Text{sinergi.T(
		fmt.Sprintf("%d pemilih masing-masing membagikan paling banyak %d titik; peringkat menurut jumlah titik", len(bs), s.DotsPerVoter),
		fmt.Sprintf("%d %s each placed up to %d dots; ranked by dots", len(bs), plural(len(bs), "voter", "voters"), s.DotsPerVoter))}
	finishOptions(r, counts, byTotal, func(c Count) sinergi.Text {
		return sinergi.T(fmt.Sprintf("%d titik dari %d pemilih", c.Total, c.Count),
			fmt.Sprintf("%d %s from %d %s", c.Total, plural(c.Total, "dot", "dots"), c.Count, plural(c.Count, "voter", "voters")))
	})
}
