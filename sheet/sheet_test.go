package sheet

import (
	"errors"
	"strings"
	"testing"
)

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

// Scan hands over the data rows one by one with their spreadsheet row
// numbers (blank lines skipped), stops
// at an error of its caller, and refuses files without a header or data.
func TestScan(t *testing.T) {
	csv := "Jenis (kind);Judul (title);Para pihak (parties);Tanggal mulai (start_date);Tanggal berakhir (end_date);ignored\n" +
		"KSDD;Jalan;Maros, Barru;2026-01-01;2027-01-01;x\n" + ";;;;;\n" + "MOU; MoU ;Unsulbar;2026-01-01;2028-01-01;\n"
	var got []Row
	format, err := Agreements.Scan([]byte(csv), func(r Row) error { got = append(got, r); return nil })
	if err != nil || format != "csv" || len(got) != 2 {
		t.Fatalf("Scan: %q, %v, %d rows", format, err, len(got))
	}
	if got[0].Line != 2 || got[0].Cells["parties"] != "Maros, Barru" || got[1].Line != 4 || got[1].Cells["title"] != "MoU" || len(got[1].Cells) != 5 {
		t.Errorf("rows %+v", got)
	}
	rows, _, err := Agreements.Read([]byte(csv))
	if err != nil || len(rows) != 2 || rows[1].Line != 4 {
		t.Errorf("Read: %d rows, %v", len(rows), err)
	}
	stop := errors.New("stop")
	n := 0
	if _, err := Agreements.Scan([]byte(csv), func(Row) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("caller's error: %v after %d rows", err, n)
	}
	for _, bad := range []string{"", "\n\n", "kind,title\nKSDD,x\n", "kind,title,parties,start_date,end_date\n"} {
		if _, err := Agreements.Scan([]byte(bad), func(Row) error { return nil }); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	old := MaxRows
	MaxRows = 2
	defer func() { MaxRows = old }()
	many := "kind,title,parties,start_date,end_date\n" + strings.Repeat("KSDD,x,y,2026-01-01,2027-01-01\n", 3)
	var e *Error
	if _, err := Agreements.Scan([]byte(many), func(Row) error { return nil }); !errors.As(err, &e) || !strings.Contains(e.EN, "Too many rows") {
		t.Errorf("too many rows: %v", err)
	}
}
