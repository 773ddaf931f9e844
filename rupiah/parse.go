package rupiah

import (
	"math"
	"strconv"
	"strings"
)

// Parse reads an amount as people and spreadsheets write it: "1.500.000",
// "Rp1.500.000", "Rp 1.500.000,00", "1500000", or the plain number a
// spreadsheet stores for a numeric cell ("1500000", "1.5E+06"). Dots group
// thousands (three digits after each), as in Indonesian. Only whole rupiah
// are read; ok is false for anything else.
func Parse(s string) (n int64, ok bool) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), "")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) >= 2 && strings.EqualFold(s[:2], "rp") {
		s = strings.TrimPrefix(s[2:], ".")
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, ",00"), ",-")
	if s == "" {
		return 0, false
	}
	if strings.ContainsAny(s, "eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f != math.Trunc(f) || math.Abs(f) >= 1<<62 {
			return 0, false
		}
		n = int64(f)
	} else {
		if strings.Contains(s, ".") {
			groups := strings.Split(s, ".")
			if len(groups[0]) == 0 || len(groups[0]) > 3 {
				return 0, false
			}
			for _, g := range groups[1:] {
				if len(g) != 3 {
					return 0, false
				}
			}
			s = strings.Join(groups, "")
		}
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		var err error
		if n, err = strconv.ParseInt(s, 10, 64); err != nil {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}
