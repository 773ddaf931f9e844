package sheet

import "testing"

func TestDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-31":          "2026-03-31",
		"31/03/2026":          "2026-03-31",
		"1/2/2026":            "2026-02-01",
		" 09/11/2026 ":        "2026-11-09",
		"46112":               "2026-03-31", // a spreadsheet's serial number
		"2026-03-31 00:00:00": "2026-03-31",
		"31/02/2026":          "31/02/2026", // no such day: left for validation to refuse
		"2026/03/31":          "2026/03/31",
		"31 Maret 2026":       "31 Maret 2026",
		"":                    "",
	} {
		if got := Date(in); got != want {
			t.Errorf("Date(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLayoutHeaders(t *testing.T) {
	for _, l := range []*Layout{Agreements, Activities} {
		if len(l.Example) != len(l.Columns) {
			t.Errorf("%s: example has %d cells for %d columns", l.Sheet, len(l.Example), len(l.Columns))
		}
		for _, k := range l.Required {
			if l.ColumnLabel(k) == k {
				t.Errorf("%s: required column %q is not a column", l.Sheet, k)
			}
		}
		for _, c := range l.Columns {
			for _, h := range []string{c.Key, c.Label, c.Header(), "  " + c.Header() + " "} {
				if got := l.headerKey(h); got != c.Key {
					t.Errorf("%s: header %q read as %q", l.Sheet, h, got)
				}
			}
		}
	}
	// the example row of the instructions is itself a valid file
	rows, _, err := Activities.Read([]byte("type,from_org,to_org,date,description\ntraining,1,2,31/03/2026,x\n"))
	if err != nil || len(rows) != 1 || Date(rows[0].Cells["date"]) != "2026-03-31" {
		t.Errorf("read: %v %+v", err, rows)
	}
}
