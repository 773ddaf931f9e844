package decide

import (
	"fmt"
	"strings"

	"sinergi"
)

// Score: each voter gives every option a score between ScoreMin and
// ScoreMax; options rank by total (equivalently by mean, as every ballot
// scores every option).

func checkScore(v *sinergi.Validation, s Settings, idx map[string]int, b Ballot) {
	addUnknown(v, "scores", unknownKeys(idx, b.Scores))
	var missing, out []string
	for _, o := range s.Options {
		sc, ok := b.Scores[o]
		switch {
		case !ok:
			missing = append(missing, o)
		case sc < s.ScoreMin || sc > s.ScoreMax:
			out = append(out, o)
		}
	}
	if len(missing) > 0 {
		l := strings.Join(missing, ", ")
		v.Add("scores", "Beri nilai untuk setiap pilihan; belum dinilai: "+l, "Score every option; not scored: "+l)
	}
	if len(out) > 0 {
		l := strings.Join(out, ", ")
		v.Add("scores", fmt.Sprintf("Nilai harus %d sampai %d: %s", s.ScoreMin, s.ScoreMax, l),
			fmt.Sprintf("Scores must be %d to %d: %s", s.ScoreMin, s.ScoreMax, l))
	}
}

func tallyScore(r *Result, s Settings, bs []Ballot) {
	counts := optionCounts(s)
	for i := range counts {
		for _, b := range bs {
			counts[i].Total += b.Scores[counts[i].Option]
		}
		counts[i].Count = len(bs)
		if len(bs) > 0 {
			counts[i].Mean = float64(counts[i].Total) / float64(len(bs))
		}
	}
	r.Reasons = []sinergi.Text{sinergi.T(
		fmt.Sprintf("%d pemilih menilai setiap pilihan dari %d sampai %d; peringkat menurut total nilai", len(bs), s.ScoreMin, s.ScoreMax),
		fmt.Sprintf("%d %s scored every option from %d to %d; ranked by total score", len(bs), plural(len(bs), "voter", "voters"), s.ScoreMin, s.ScoreMax))}
	finishOptions(r, counts, byTotal, func(c Count) sinergi.Text {
		m := decimal(c.Mean)
		return sinergi.T(fmt.Sprintf("total nilai %d (rata-rata %s)", c.Total, m.ID),
			fmt.Sprintf("a total score of %d (mean %s)", c.Total, m.EN))
	})
}
