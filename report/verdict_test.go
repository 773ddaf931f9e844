package report

import "testing"

func ip(n int) *int         { return &n }
func fp(x float64) *float64 { return &x }

func TestJudge(t *testing.T) {
	strong := Facts{Forums: 2, BestCriteria: 6, BestCycle: ip(4), Ties: 10, CrossSector: 6, EI: fp(0.2), MedianResponse: ip(3), Partners: 6}
	cases := []struct {
		name  string
		f     Facts
		want  Status
		score int
		max   int
	}{
		{"everything strong", strong, Running, 12, 12},
		{"nothing recorded", Facts{}, NotYet, 0, 6},
		{"too few judged indicators stays belum", Facts{Forums: 0, Ties: 0}, NotYet, 0, 6},
		{"strong but no forum: core indicator zero", Facts{Ties: 10, CrossSector: 8, EI: fp(0.6), MedianResponse: ip(2), Partners: 8}, Partly, 8, 10},
		{"strong but silo: cross-sector zero", Facts{Forums: 1, BestCriteria: 6, BestCycle: ip(5), Ties: 10, CrossSector: 2, EI: fp(0.0), MedianResponse: ip(1), Partners: 5}, Partly, 10, 12},
		{"middle", Facts{Forums: 1, BestCriteria: 4, BestCycle: ip(2), Ties: 8, CrossSector: 3, EI: fp(-0.2), MedianResponse: ip(8), Partners: 3}, Partly, 6, 12},
		{"exactly 75% with core met", Facts{Forums: 1, BestCriteria: 6, BestCycle: ip(4), Ties: 4, CrossSector: 2, EI: fp(-0.4), MedianResponse: ip(7), Partners: 2}, Running, 9, 12},
		{"below 40%", Facts{Forums: 1, BestCriteria: 3, BestCycle: ip(1), Ties: 4, CrossSector: 1, EI: fp(-0.6), MedianResponse: ip(12), Partners: 2}, NotYet, 2, 12},
		{"late answers cap responsiveness at 1", Facts{Forums: 1, BestCriteria: 6, BestCycle: ip(5), Ties: 4, CrossSector: 4, EI: fp(1), MedianResponse: ip(2), OverdueRequests: 1, Partners: 5}, Running, 11, 12},
		{"missing data not counted as zero", Facts{Forums: 1, BestCriteria: 6, BestCycle: ip(4), Ties: 5, CrossSector: 5, EI: fp(1), Partners: 5}, Running, 10, 10},
		{"E-I at the silo threshold scores 0: 33% is belum", Facts{Forums: 1, BestCriteria: 4, BestCycle: ip(2), Ties: 4, CrossSector: 1, EI: fp(-0.5), MedianResponse: ip(11), Partners: 2}, NotYet, 4, 12},
		{"just above 40%", Facts{Forums: 1, BestCriteria: 4, BestCycle: ip(2), Ties: 4, CrossSector: 1, EI: fp(-0.4), MedianResponse: ip(11), Partners: 2}, Partly, 5, 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Judge(c.f)
			if v.Status != c.want || v.Score != c.score || v.Max != c.max {
				t.Errorf("got %s %d/%d, want %s %d/%d (%s)", v.Status, v.Score, v.Max, c.want, c.score, c.max, v.Reason)
			}
			if len(v.Indicators) != 6 || v.Reason == "" {
				t.Errorf("indicators %d, reason %q", len(v.Indicators), v.Reason)
			}
		})
	}
}

func TestWords(t *testing.T) {
	for s, want := range map[string]int{"": 0, "satu dua": 2, "Rp1.500.000 — E-I −0,5": 3, "• a\n: b": 2} {
		if got := Words(s); got != want {
			t.Errorf("Words(%q) = %d, want %d", s, got, want)
		}
	}
}
