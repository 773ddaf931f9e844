package pdf

import (
	"errors"
	"testing"

	"sinergi"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		name   string
		n      Number
		want   string
		fields []string // invalid fields, in order
	}{
		{"PANRB example", Number{Biasa, 235, "PANRB", "D-IV", "KKA", 6, 2012}, "B-235/PANRB/D-IV/KKA/06/2012", nil},
		{"no unit", Number{Rahasia, 7, "PANGKEP", "", "000.1.2", 11, 2026}, "R-7/PANGKEP/000.1.2/11/2026", nil},
		{"sangat rahasia", Number{SangatRahasia, 1, "BKN", "SDM", "KP.01", 12, 2026}, "SR-1/BKN/SDM/KP.01/12/2026", nil},
		{"terbatas", Number{Terbatas, 999999, "A", "B", "C", 1, 1945}, "T-999999/A/B/C/01/1945", nil},
		{"bad security", Number{"X", 1, "A", "", "C", 1, 2026}, "", []string{"security"}},
		{"lower-case security", Number{"b", 1, "A", "", "C", 1, 2026}, "", []string{"security"}},
		{"serial 0", Number{Biasa, 0, "A", "", "C", 1, 2026}, "", []string{"serial"}},
		{"slash in agency", Number{Biasa, 1, "PAN/RB", "", "C", 1, 2026}, "", []string{"agency"}},
		{"space in unit", Number{Biasa, 1, "A", "D IV", "C", 1, 2026}, "", []string{"unit"}},
		{"no archive", Number{Biasa, 1, "A", "", "", 1, 2026}, "", []string{"archive"}},
		{"month 13", Number{Biasa, 1, "A", "", "C", 13, 2026}, "", []string{"month"}},
		{"year", Number{Biasa, 1, "A", "", "C", 1, 12}, "", []string{"year"}},
		{"everything", Number{}, "", []string{"security", "serial", "agency", "archive", "month", "year"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.n.Validate()
			var se *sinergi.Error
			if tt.fields == nil {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				if got := tt.n.String(); got != tt.want {
					t.Errorf("String() = %q, want %q", got, tt.want)
				}
				back, err := ParseNumber(tt.want)
				if err != nil || back != tt.n {
					t.Errorf("ParseNumber(%q) = %+v, %v; want %+v", tt.want, back, err, tt.n)
				}
				return
			}
			if !errors.As(err, &se) || se.Code != sinergi.CodeInvalid {
				t.Fatalf("Validate() = %v, want an invalid error", err)
			}
			var got []string
			for _, f := range se.Fields {
				got = append(got, f.Field)
			}
			if len(got) != len(tt.fields) {
				t.Fatalf("fields = %v, want %v", got, tt.fields)
			}
			for i := range got {
				if got[i] != tt.fields[i] {
					t.Errorf("fields = %v, want %v", got, tt.fields)
				}
			}
		})
	}
}

func TestParseNumberRejects(t *testing.T) {
	for _, s := range []string{"", "B235/PANRB/KKA/06/2012", "B-x/PANRB/KKA/06/2012", "B-235/PANRB/KKA/Juni/2012", "B-235/PANRB/KKA/06", "B-235/A/B/C/D/06/2012/7", "Z-1/A/B/01/2026"} {
		if n, err := ParseNumber(s); err == nil {
			t.Errorf("ParseNumber(%q) = %+v, want an error", s, n)
		}
	}
}
