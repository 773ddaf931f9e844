package decide

import (
	"math"
	"strconv"
	"strings"

	"sinergi"
)

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// quoted lists options as "A", "B" dan "C" / "A", "B" and "C".
func quoted(opts []string) sinergi.Text {
	q := make([]string, len(opts))
	for i, o := range opts {
		q[i] = strconv.Quote(o)
	}
	if len(q) <= 1 {
		s := strings.Join(q, "")
		return sinergi.T(s, s)
	}
	head := strings.Join(q[:len(q)-1], ", ")
	return sinergi.T(head+" dan "+q[len(q)-1], head+" and "+q[len(q)-1])
}

// decimal formats f with at most two decimals: "3,5" in Indonesian, "3.5" in
// English.
func decimal(f float64) sinergi.Text {
	en := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
	return sinergi.T(strings.Replace(en, ".", ",", 1), en)
}

// noBallots is the outcome of a poll nobody voted in.
func noBallots() sinergi.Text {
	return sinergi.T("Belum ada suara", "No ballots yet")
}
