package sheet

import (
	"errors"
	"strings"
	"testing"
)

// Scan hands over the data rows one by one with their spreadsheet row
// numbers (blank lines skipped), stops
// at an error of its caller, and refuses files without a header or data.
func TestScan(t *testing.T) {
	csv := "Jenis (kind);Judul (title);Para pihak (parties);Tanggal mulai (start_date);Tanggal berakhir (end_date);ignored\n" +
		"KSDD;Jalan;Maros, Barru;2026-01-01;2027-01-01;x\n" + ";;;;;\n" + "MOU; MoU ;Unsulbar;2026-01-01;2028-01-01;\n"
	var got []Row
	format, err := Scan([]byte(csv), func(r Row) error { got = append(got, r); return nil })
	if err != nil || format != "csv" || len(got) != 2 {
		t.Fatalf("Scan: %q, %v, %d rows", format, err, len(got))
	}
	if got[0].Line != 2 || got[0].Cells["parties"] != "Maros, Barru" || got[1].Line != 4 || got[1].Cells["title"] != "MoU" || len(got[1].Cells) != 5 {
		t.Errorf("rows %+v", got)
	}
	rows, _, err := Read([]byte(csv))
	if err != nil || len(rows) != 2 || rows[1].Line != 4 {
		t.Errorf("Read: %d rows, %v", len(rows), err)
	}
	stop := errors.New("stop")
	n := 0
	if _, err := Scan([]byte(csv), func(Row) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("caller's error: %v after %d rows", err, n)
	}
	for _, bad := range []string{"", "\n\n", "kind,title\nKSDD,x\n", "kind,title,parties,start_date,end_date\n"} {
		if _, err := Scan([]byte(bad), func(Row) error { return nil }); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	old := MaxRows
	MaxRows = 2
	defer func() { MaxRows = old }()
	many := "kind,title,parties,start_date,end_date\n" + strings.Repeat("KSDD,x,y,2026-01-01,2027-01-01\n", 3)
	var e *Error
	if _, err := Scan([]byte(many), func(Row) error { return nil }); !errors.As(err, &e) || !strings.Contains(e.EN, "Too many rows") {
		t.Errorf("too many rows: %v", err)
	}
}
