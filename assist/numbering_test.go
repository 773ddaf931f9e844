package assist

import (
	"strings"
	"testing"
	"time"

	"sinergi"
)

func TestNumberingFormat(t *testing.T) {
	june := time.Date(2012, 6, 14, 3, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		n    Numbering
		c    sinergi.Classification
		ser  int64
		at   time.Time
		want string
	}{
		{"domain.md example", Numbering{"{security}-{serial}/{agency}/{unit}/{archive}/{month}/{year}", "PANRB", "D-IV", "KKA"}, sinergi.Biasa, 235, june, "B-235/PANRB/D-IV/KKA/06/2012"},
		{"default", DefaultNumbering("Pemkab Maros", 7), sinergi.Biasa, 3, june, "B-0003/PEMKABMAROS/BK/06/2012"},
		{"rahasia", DefaultNumbering("BPKA", 7), sinergi.Rahasia, 12, june, "R-0012/BPKA/BK/06/2012"},
		{"terbatas", DefaultNumbering("BPKA", 7), sinergi.Terbatas, 1, june, "T-0001/BPKA/BK/06/2012"},
		{"roman month", Numbering{"{serial:3}/{agency}/{month_roman}/{year}", "BKD", "", ""}, sinergi.Biasa, 5, time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC), "005/BKD/XI/2026"},
		{"month and year in WITA", Numbering{"{serial}.{month}.{year}", "", "", ""}, sinergi.Biasa, 9, time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC), "9.01.2027"},
		{"no acronym", DefaultNumbering("", 42), sinergi.Biasa, 1, june, "B-0001/ORG42/BK/06/2012"},
		{"invalid falls back", Numbering{"{nope}", "X", "", ""}, sinergi.Biasa, 1, june, "B-0001/X/BK/06/2012"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.n.Format(tt.c, tt.ser, tt.at); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNumberingValidate(t *testing.T) {
	ok := Numbering{"{security}-{serial}/{agency}/{unit}/{archive}/{month}/{year}", "PANRB", "D-IV", "KKA"}
	tests := []struct {
		name  string
		edit  func(n *Numbering)
		field string // "" = valid
		msg   string
	}{
		{"valid", func(*Numbering) {}, "", ""},
		{"default", func(n *Numbering) { *n = DefaultNumbering("Pemkab Maros", 1) }, "", ""},
		{"unit unused may be empty", func(n *Numbering) { n.Pattern = "{serial}/{year}"; n.UnitCode = "" }, "", ""},
		{"empty", func(n *Numbering) { n.Pattern = "" }, "pattern", "Isi pola"},
		{"no serial", func(n *Numbering) { n.Pattern = "{agency}/{year}" }, "pattern", "{serial} tepat satu kali"},
		{"two serials", func(n *Numbering) { n.Pattern = "{serial}-{serial}/{year}" }, "pattern", "{serial} tepat satu kali"},
		{"no year", func(n *Numbering) { n.Pattern = "{serial}/{agency}" }, "pattern", "{year}"},
		{"unknown placeholder", func(n *Numbering) { n.Pattern = "{serial}/{tahun}" }, "pattern", "{tahun} tidak dikenal"},
		{"unclosed", func(n *Numbering) { n.Pattern = "{serial}/{year" }, "pattern", "tanpa pasangan }"},
		{"stray close", func(n *Numbering) { n.Pattern = "serial}/{year}" }, "pattern", "tanpa pasangan {"},
		{"bad width", func(n *Numbering) { n.Pattern = "{serial:12}/{year}" }, "pattern", "Lebar"},
		{"width on year", func(n *Numbering) { n.Pattern = "{serial}/{year:4}" }, "pattern", "Lebar"},
		{"bad character", func(n *Numbering) { n.Pattern = "{serial}#{year}" }, "pattern", "Karakter"},
		{"too long", func(n *Numbering) { n.Pattern = "{serial}/{year}" + strings.Repeat("x", 120) }, "pattern", "120"},
		{"unit used but empty", func(n *Numbering) { n.UnitCode = "" }, "unit_code", "isi kodenya"},
		{"agency used but empty", func(n *Numbering) { n.AgencyCode = "" }, "agency_code", "isi kodenya"},
		{"slash in code", func(n *Numbering) { n.ArchiveCode = "KK/A" }, "archive_code", "tanpa garis miring"},
		{"long code", func(n *Numbering) { n.AgencyCode = strings.Repeat("A", 31) }, "agency_code", "30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := ok
			tt.edit(&n)
			err := n.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			e, isErr := err.(*sinergi.Error)
			if !isErr || e.Code != sinergi.CodeInvalid {
				t.Fatalf("got %v, want a 400 on %s", err, tt.field)
			}
			for _, f := range e.Fields {
				if f.Field == tt.field && strings.Contains(f.Msg.ID, tt.msg) && f.Msg.EN != "" {
					return
				}
			}
			t.Errorf("no %s error containing %q: %+v", tt.field, tt.msg, e.Fields)
		})
	}
}

func TestAgencyCodeOf(t *testing.T) {
	for in, want := range map[string]string{"Pemkab Maros": "PEMKABMAROS", "PANRB": "PANRB", "": "ORG3", "  ": "ORG3", "Dinas P.U.": "DINASP.U.", "Ümlaut!": "MLAUT"} {
		if got := AgencyCodeOf(in, 3); got != want {
			t.Errorf("AgencyCodeOf(%q) = %q, want %q", in, got, want)
		}
	}
}
